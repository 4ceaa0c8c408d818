package dev.specgen.pipeline;

import dev.specgen.diagnostics.Diagnostics;
import dev.specgen.load.SpecPaths;
import dev.specgen.migrate.MigrationHistory;
import dev.specgen.write.Manifest;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * `check` without rendering: an output folder is up to date when its manifest records the same
 * input fingerprint as now, every generated file on disk still has the hash the manifest records,
 * every file handed to the user still exists, and nothing a full run would report differently is
 * there (a hand-written handler still a stub, a migration specgen did not write). Any doubt is
 * "not known fresh", and `check` then regenerates in memory as before.
 */
public final class FreshOutput {
    private FreshOutput() {
    }

    /**
     * What a generate that found these findings records in the manifest, so that a later check may
     * skip rendering; null when it must not (some finding cannot be kept, an input cannot be read).
     */
    public static Manifest.Stamp stamp(Diagnostics findings, SpecPaths paths, Path templates) {
        Optional<String> inputs = InputFingerprint.of(paths, templates);
        Optional<java.util.List<String>> kept = RecordedFindings.encode(findings.sorted(), paths);
        return inputs.isPresent() && kept.isPresent() ? new Manifest.Stamp(inputs.get(), kept.get()) : null;
    }

    /**
     * The findings the full run would print when the output folder is up to date with these inputs;
     * empty when that is not known, and the caller must regenerate in memory.
     */
    public static Optional<Diagnostics> check(Path outDir, SpecPaths paths, Path templates) {
        Optional<String> inputs = InputFingerprint.of(paths, templates);
        if (inputs.isEmpty()) {
            return Optional.empty();
        }
        try {
            Manifest.Recorded recorded = Manifest.readAll(outDir);
            return isFresh(outDir, recorded, inputs.get()) ? RecordedFindings.decode(recorded.findings(), paths)
                    : Optional.empty();
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    public static boolean isFresh(Path outDir, String inputs) {
        try {
            return isFresh(outDir, Manifest.readAll(outDir), inputs);
        } catch (IOException e) {
            return false;
        }
    }

    private static boolean isFresh(Path outDir, Manifest.Recorded recorded, String inputs) {
        try {
            if (recorded.inputs().isEmpty() || !recorded.inputs().get().equals(inputs)) {
                return false;
            }
            for (Map.Entry<String, String> file : recorded.generated().entrySet()) {
                Path path = outDir.resolve(file.getKey());
                if (!Files.isRegularFile(path) || !Manifest.sha256(Files.readAllBytes(path)).equals(file.getValue())) {
                    return false;
                }
            }
            for (String path : recorded.userOwned()) {
                Path file = outDir.resolve(path);
                if (!Files.isRegularFile(file) || path.startsWith("app/handlers/") && Files
                        .readString(file, StandardCharsets.UTF_8).contains(HandwrittenCheck.STUB_MARKER)) {
                    return false; // a full run reports the stub (SG530)
                }
            }
            return onlyListedMigrations(outDir, recorded);
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }

    /** A migration file the manifest does not list makes a full run refuse the history. */
    private static boolean onlyListedMigrations(Path outDir, Manifest.Recorded recorded) throws IOException {
        Path versions = outDir.resolve(MigrationHistory.VERSIONS);
        if (!Files.isDirectory(versions)) {
            return true;
        }
        try (Stream<Path> files = Files.list(versions)) {
            return files.map(p -> MigrationHistory.VERSIONS + p.getFileName())
                    .filter(name -> name.endsWith(".py"))
                    .allMatch(recorded.generated()::containsKey);
        }
    }
}
