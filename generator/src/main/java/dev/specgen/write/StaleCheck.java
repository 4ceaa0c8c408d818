package dev.specgen.write;

import dev.specgen.render.GeneratedFile;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Compares a freshly rendered tree with an output folder, as sqlc's diff does, and beyond it: files
 * generated earlier for spec elements that no longer exist (orphans) count too. User-owned files
 * only have to exist.
 */
public final class StaleCheck {

    /** Unified diffs of every changed, missing or orphaned file; empty when the folder is up to date. */
    public List<String> differences(Path outDir, List<GeneratedFile> files) throws IOException {
        List<String> out = new ArrayList<>();
        Set<String> expected = new HashSet<>();
        for (GeneratedFile file : files) {
            expected.add(file.path());
            Path path = outDir.resolve(file.path());
            String actual = Files.isRegularFile(path) ? Files.readString(path, StandardCharsets.UTF_8) : null;
            if (file.userOwned() ? actual == null : !file.content().equals(actual)) {
                out.add(UnifiedDiff.of(file.path(), actual, file.content()));
            }
        }
        for (String path : Manifest.read(outDir)) {
            if (!expected.contains(path) && Files.isRegularFile(outDir.resolve(path))) {
                out.add(UnifiedDiff.of(path, Files.readString(outDir.resolve(path), StandardCharsets.UTF_8), null));
            }
        }
        return out;
    }
}
