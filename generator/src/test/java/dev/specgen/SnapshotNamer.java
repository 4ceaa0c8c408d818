package dev.specgen;

import java.io.File;
import java.nio.file.Path;
import org.approvaltests.namer.ApprovalNamer;

/**
 * Names an approved file after the generated file itself (examples/NAME/approved/PATH), so the
 * snapshot folder reads like the generated tree; received files go under target/ out of the way.
 */
final class SnapshotNamer implements ApprovalNamer {
    private final Path approved;
    private final Path received;
    private String additional = "";

    SnapshotNamer(Path approvedRoot, String example, String path) {
        this.approved = approvedRoot.resolve(path);
        this.received = Path.of("target", "received", example, path + ".received");
    }

    @Override
    public File getApprovedFile(String extensionWithDot) {
        return approved.toFile();
    }

    @Override
    public File getReceivedFile(String extensionWithDot) {
        received.getParent().toFile().mkdirs();
        return received.toFile();
    }

    @Override
    public ApprovalNamer addAdditionalInformation(String info) {
        additional = info;
        return this;
    }

    @Override
    public String getAdditionalInformation() {
        return additional;
    }

    @Override
    public String getApprovalName() {
        return approved.getFileName().toString();
    }

    @Override
    public String getSourceFilePath() {
        return approved.getParent().toString() + File.separator;
    }
}
