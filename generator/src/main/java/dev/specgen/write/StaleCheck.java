package dev.specgen.write;

import dev.specgen.render.GeneratedFile;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** Compares a freshly rendered tree with an output folder, as sqlc's diff does, orphans included. */
public final class StaleCheck {

    /** Unified diffs of every changed, missing or orphaned file; empty when the folder is up to date. */
    public List<String> differences(Path outDir, List<GeneratedFile> files) throws IOException {
        List<String> out = new ArrayList<>();
        Set<String> expected = new LinkedHashSet<>();
        for (GeneratedFile file : files) {
            expected.add(file.path());
            Path path = outDir.resolve(file.path());
            String actual = Files.isRegularFile(path) ? Files.readString(path, StandardCharsets.UTF_8) : null;
            if (!file.content().equals(actual)) {
                out.add(UnifiedDiff.of(file.path(), actual, file.content()));
            }
        }
        Path manifest = outDir.resolve(OutputWriter.MANIFEST);
        if (Files.isRegularFile(manifest)) {
            for (String line : Files.readAllLines(manifest, StandardCharsets.UTF_8)) {
                if (!line.isBlank() && !line.startsWith("#") && !expected.contains(line)
                        && Files.exists(outDir.resolve(line))) {
                    out.add(UnifiedDiff.of(line, Files.readString(outDir.resolve(line), StandardCharsets.UTF_8), null));
                }
            }
        }
        return out;
    }
}
