package dev.specgen.pipeline;

import dev.specgen.load.SpecPaths;
import dev.specgen.write.Manifest;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * One hash of everything a generated tree is made from: specgen's own build (its classes and
 * templates), the model and contract files, and a --templates folder. Two runs with the same
 * fingerprint render the same files for the same output folder, since the rest of what they read
 * (the folder's migration history) is itself among the generated files that `check` hashes.
 * Paths count relative to the spec folder, so the same spec checked from another working directory
 * still matches.
 */
public final class InputFingerprint {
    private static final Optional<String> BUILD = buildIdentity();

    private InputFingerprint() {
    }

    /** Empty when some input cannot be read, or specgen cannot tell its own build: then nothing is skipped. */
    public static Optional<String> of(SpecPaths paths, Path templates) {
        if (BUILD.isEmpty()) {
            return Optional.empty();
        }
        try {
            ByteArrayOutputStream all = new ByteArrayOutputStream();
            add(all, "specgen", BUILD.get().getBytes(StandardCharsets.UTF_8));
            add(all, "model " + relative(paths.specDir(), paths.model()), Files.readAllBytes(paths.model()));
            add(all, "contract " + relative(paths.specDir(), paths.openapi()), Files.readAllBytes(paths.openapi()));
            if (templates != null) {
                for (Path file : files(templates)) {
                    add(all, "template " + relative(templates, file), Files.readAllBytes(file));
                }
            }
            return Optional.of("sha256:" + Manifest.sha256(all.toByteArray()));
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    private static void add(ByteArrayOutputStream all, String name, byte[] content) {
        byte[] label = (name + "\0" + content.length + "\0").getBytes(StandardCharsets.UTF_8);
        all.writeBytes(label);
        all.writeBytes(content);
    }

    private static String relative(Path base, Path file) {
        Path b = base.toAbsolutePath().normalize();
        Path f = file.toAbsolutePath().normalize();
        return (f.startsWith(b) ? b.relativize(f) : f).toString().replace('\\', '/');
    }

    /** Regular files under a folder, in name order (never the file system's order). */
    private static List<Path> files(Path dir) throws IOException {
        try (Stream<Path> walk = Files.walk(dir)) {
            return walk.filter(Files::isRegularFile)
                    .sorted(Comparator.comparing(p -> relative(dir, p))).toList();
        }
    }

    /**
     * specgen's build, from the jar it runs from: each entry's name, CRC-32 and size, as the jar's
     * directory records them (nothing is decompressed). Run from a classes folder, its files' bytes.
     */
    private static Optional<String> buildIdentity() {
        try {
            Path location = Path.of(InputFingerprint.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            StringBuilder entries = new StringBuilder();
            if (Files.isRegularFile(location)) {
                try (ZipFile jar = new ZipFile(location.toFile())) {
                    jar.stream().sorted(Comparator.comparing(ZipEntry::getName)).forEach(e -> entries
                            .append(e.getName()).append(' ').append(e.getCrc()).append(' ').append(e.getSize()).append('\n'));
                }
            } else if (Files.isDirectory(location)) {
                for (Path file : files(location)) {
                    entries.append(relative(location, file)).append(' ')
                            .append(Manifest.sha256(Files.readAllBytes(file))).append('\n');
                }
            } else {
                return Optional.empty();
            }
            return Optional.of(Manifest.sha256(entries.toString()));
        } catch (IOException | URISyntaxException | RuntimeException e) {
            return Optional.empty();
        }
    }
}
