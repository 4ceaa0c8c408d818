package dev.specgen.migrate;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The migrations an output folder already holds, as specgen wrote them. They are history that
 * databases may have applied, so they are carried into every later generation byte for byte,
 * never rendered again; each must still hash to what the snapshot recorded.
 */
public record MigrationHistory(List<SnapshotFile.Entry> entries, Map<String, String> contents, SchemaSnapshot schema) {
    public static final String VERSIONS = "migrations/versions/";
    public static final MigrationHistory NONE = new MigrationHistory(List.of(), Map.of(), SchemaSnapshot.EMPTY);

    public MigrationHistory {
        entries = List.copyOf(entries);
        contents = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(contents));
    }

    public Optional<String> head() {
        return entries.isEmpty() ? Optional.empty() : Optional.of(entries.get(entries.size() - 1).revision());
    }

    /** Reads the history of an output folder; none when the folder has no migrations yet. */
    public static MigrationHistory read(Path outDir) {
        if (outDir == null) {
            return NONE;
        }
        Path snapshot = outDir.resolve(SnapshotFile.PATH);
        if (!Files.isRegularFile(snapshot)) {
            if (!pythonFiles(outDir).isEmpty()) {
                throw new MigrationHistoryException(outDir.resolve(VERSIONS) + " holds migrations but "
                        + SnapshotFile.PATH + " is missing: restore it from version control (or, if no database has"
                        + " applied these migrations, delete " + VERSIONS + " to start the chain again)");
            }
            return NONE;
        }
        SnapshotFile.Contents recorded = SnapshotFile.read(readText(snapshot));
        Map<String, String> contents = new LinkedHashMap<>();
        for (SnapshotFile.Entry entry : recorded.migrations()) {
            String file = entry.file();
            if (!file.startsWith(VERSIONS) || !file.endsWith(".py") || file.substring(VERSIONS.length()).contains("/")
                    || file.contains("..") || file.contains("\\")) {
                throw new MigrationHistoryException(SnapshotFile.PATH + " lists '" + file + "', which is not a file"
                        + " of " + VERSIONS + "; restore the snapshot from version control");
            }
            Path path = outDir.resolve(file);
            if (!Files.isRegularFile(path)) {
                throw new MigrationHistoryException(path + " is missing: restore it from version control. A migration"
                        + " is never written again, because databases may have applied it");
            }
            String text = readText(path);
            if (!sha256(text).equals(entry.sha256())) {
                throw new MigrationHistoryException(path + " is not the migration specgen wrote (its SHA-256 differs"
                        + " from the one in " + SnapshotFile.PATH + "): restore it from version control. Migrations"
                        + " are never rewritten; a change to the model gets a new one");
            }
            contents.put(file, text);
        }
        for (String file : pythonFiles(outDir)) {
            if (!contents.containsKey(file)) {
                throw new MigrationHistoryException(outDir.resolve(file) + " is not a migration specgen wrote. specgen"
                        + " owns " + VERSIONS + " and a revision written by hand would fork its chain: move the file"
                        + " away");
            }
        }
        return new MigrationHistory(recorded.migrations(), contents, recorded.schema());
    }

    private static List<String> pythonFiles(Path outDir) {
        Path versions = outDir.resolve(VERSIONS);
        if (!Files.isDirectory(versions)) {
            return List.of();
        }
        try (Stream<Path> list = Files.list(versions)) {
            return list.filter(p -> Files.isRegularFile(p) && p.getFileName().toString().endsWith(".py"))
                    .map(p -> VERSIONS + p.getFileName()).sorted().toList();
        } catch (IOException e) {
            throw new MigrationHistoryException("cannot list " + versions + ": " + e.getMessage());
        }
    }

    private static String readText(Path path) {
        try {
            return Files.readString(path, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new MigrationHistoryException("cannot read " + path + ": " + e.getMessage());
        }
    }

    /** SHA-256 of a text in hex; line endings do not count, so a checkout with CRLF still matches. */
    public static String sha256(String text) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(digest.digest(text.replace("\r\n", "\n").getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
