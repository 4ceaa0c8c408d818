package dev.specgen.write;

import dev.specgen.render.GeneratedFile;
import dev.specgen.render.Renderer;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The write stage, all or nothing. New contents are first written to a staging folder beside the
 * output; then each change is applied by rename, keeping the replaced file in a backup folder. Any
 * failure, or Ctrl-C, puts every backup back, so the previous output stays whole.
 */
public final class OutputWriter {
    /** Tests make a step fail to prove the rollback; in use, no step is made to fail. */
    private final java.util.function.IntPredicate failAtStep;
    /** What the files are generated from, recorded in the manifest; null for nothing. */
    private final Manifest.Stamp stamp;

    public OutputWriter() {
        this(step -> false, null);
    }

    /** A writer recording in the manifest what the files were generated from (null: nothing). */
    public OutputWriter(Manifest.Stamp stamp) {
        this(step -> false, stamp);
    }

    OutputWriter(java.util.function.IntPredicate failAtStep) {
        this(failAtStep, null);
    }

    private OutputWriter(java.util.function.IntPredicate failAtStep, Manifest.Stamp stamp) {
        this.failAtStep = failAtStep;
        this.stamp = stamp;
    }

    /** Decides, without writing, what generating these files into the folder would do. */
    public WritePlan plan(Path outDir, List<GeneratedFile> files) throws IOException {
        Set<String> previous = Manifest.read(outDir);
        List<String> created = new ArrayList<>();
        List<String> modified = new ArrayList<>();
        List<String> unchanged = new ArrayList<>();
        List<String> conflicts = new ArrayList<>();
        Set<String> wanted = new java.util.HashSet<>();
        for (GeneratedFile file : withManifest(files)) {
            wanted.add(file.path());
            Path target = outDir.resolve(file.path());
            if (!Files.exists(target)) {
                created.add(file.path());
            } else if (file.userOwned()) {
                unchanged.add(file.path()); // the user's from now on
            } else if (!Files.isRegularFile(target)) {
                conflicts.add(file.path());
            } else {
                String current = Files.readString(target, StandardCharsets.UTF_8);
                if (current.equals(file.content())) {
                    unchanged.add(file.path());
                } else if (previous.contains(file.path()) || isGenerated(current) || Manifest.FILE.equals(file.path())) {
                    modified.add(file.path());
                } else {
                    conflicts.add(file.path());
                }
            }
        }
        List<String> deleted = new ArrayList<>();
        for (String path : previous) {
            if (!wanted.contains(path) && Files.isRegularFile(outDir.resolve(path))) {
                deleted.add(path);
            }
        }
        created.remove(Manifest.FILE);
        modified.remove(Manifest.FILE);
        unchanged.remove(Manifest.FILE);
        return new WritePlan(created, modified, deleted, unchanged, conflicts);
    }

    private static boolean isGenerated(String content) {
        return content.lines().findFirst().map(l -> l.contains(Renderer.HEADER)).orElse(false);
    }

    private List<GeneratedFile> withManifest(List<GeneratedFile> files) {
        List<GeneratedFile> all = new ArrayList<>(files);
        all.add(new GeneratedFile(Manifest.FILE, Manifest.render(files, stamp)));
        return all;
    }

    /**
     * Applies a plan made by {@link #plan}; conflicts must have been resolved by the caller. Any failure
     * is a {@link WriteFailure} saying what the folder holds afterwards.
     */
    public void apply(Path outDir, List<GeneratedFile> files, WritePlan plan) throws WriteFailure {
        Path absolute = outDir.toAbsolutePath().normalize();
        boolean hadOutput = hasFiles(absolute);
        boolean existed = Files.exists(absolute);
        try {
            applyOrUndo(absolute, files, plan);
        } catch (Undone undone) {
            if (undone.keptBackup == null && !existed) {
                removeEmptyFolders(absolute);
            }
            throw new WriteFailure(undone.cause, hadOutput, undone.keptBackup);
        } catch (IOException e) {
            throw new WriteFailure(e, hadOutput, null);
        }
    }

    /** A failed run after its undo: keptBackup is set when some replaced file could not be put back. */
    private static final class Undone extends Exception {
        private static final long serialVersionUID = 1L;
        final transient IOException cause;
        final transient Path keptBackup;

        Undone(IOException cause, Path keptBackup) {
            super(cause.getMessage(), cause, false, false);
            this.cause = cause;
            this.keptBackup = keptBackup;
        }
    }

    private void applyOrUndo(Path absolute, List<GeneratedFile> files, WritePlan plan) throws IOException, Undone {
        Path parent = absolute.getParent();
        Files.createDirectories(parent);
        Map<String, String> contents = new LinkedHashMap<>();
        withManifest(files).forEach(f -> contents.put(f.path(), f.content()));
        List<String> writes = new ArrayList<>(plan.created());
        writes.addAll(plan.modified());
        if (!plan.changesAnything() && holds(absolute.resolve(Manifest.FILE), contents.get(Manifest.FILE))) {
            return;
        }
        writes.add(Manifest.FILE);
        Path staging = Files.createTempDirectory(parent, "." + absolute.getFileName() + ".specgen-new-");
        Path backup = Files.createTempDirectory(parent, "." + absolute.getFileName() + ".specgen-old-");
        Transaction transaction = new Transaction(absolute, backup, failAtStep);
        Thread rollbackOnInterrupt = new Thread(transaction::rollbackIfUnfinished, "specgen-rollback");
        try {
            for (String path : writes) {
                Path staged = staging.resolve(path);
                Files.createDirectories(staged.getParent());
                Files.writeString(staged, contents.get(path), StandardCharsets.UTF_8);
            }
            Runtime.getRuntime().addShutdownHook(rollbackOnInterrupt);
            for (String path : plan.deleted()) {
                transaction.remove(path);
            }
            for (String path : writes) {
                transaction.put(path, staging.resolve(path));
            }
            transaction.commit();
        } catch (IOException | RuntimeException e) {
            boolean undone = transaction.rollbackIfUnfinished();
            IOException cause = e instanceof IOException io ? io : new IOException(e.getMessage(), e);
            throw new Undone(cause, undone ? null : backup);
        } finally {
            try {
                Runtime.getRuntime().removeShutdownHook(rollbackOnInterrupt);
            } catch (IllegalStateException shuttingDown) {
                // the hook is running: it finishes the rollback
            }
            deleteQuietly(staging);
            if (transaction.undoneCleanly()) {
                deleteQuietly(backup); // never while it holds files that could not be put back
            }
        }
        for (String path : plan.deleted()) {
            pruneEmptyParents(absolute, absolute.resolve(path).getParent());
        }
    }

    private static boolean holds(Path file, String content) throws IOException {
        return Files.isRegularFile(file) && Files.readString(file, StandardCharsets.UTF_8).equals(content);
    }

    private static boolean hasFiles(Path dir) {
        if (!Files.isDirectory(dir)) {
            return false;
        }
        try (var walk = Files.walk(dir)) {
            return walk.anyMatch(Files::isRegularFile);
        } catch (IOException | java.io.UncheckedIOException e) {
            return true; // unreadable: assume there is something to keep
        }
    }

    /** After an undone first run, the folders it made are removed too; folders holding files stay. */
    private static void removeEmptyFolders(Path root) {
        if (!Files.isDirectory(root)) {
            return;
        }
        try (var walk = Files.walk(root)) {
            for (Path path : walk.sorted(java.util.Comparator.reverseOrder()).filter(Files::isDirectory).toList()) {
                try (var entries = Files.list(path)) {
                    if (entries.findAny().isEmpty()) {
                        Files.delete(path);
                    }
                }
            }
        } catch (IOException | java.io.UncheckedIOException ignored) {
            // best effort: empty folders are harmless
        }
    }

    private static void pruneEmptyParents(Path root, Path dir) throws IOException {
        Path current = dir;
        while (current != null && current.startsWith(root) && !current.equals(root)) {
            try (var entries = Files.list(current)) {
                if (entries.findAny().isPresent()) {
                    return;
                }
            }
            Files.delete(current);
            current = current.getParent();
        }
    }

    /** Staging and backup folders are removed on the way out; a failure to do so must not hide the cause. */
    private static void deleteQuietly(Path root) {
        try {
            deleteTree(root);
        } catch (IOException | java.io.UncheckedIOException ignored) {
            // a leftover hidden folder beside the output is harmless
        }
    }

    private static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root)) {
            return;
        }
        try (var walk = Files.walk(root)) {
            for (Path path : walk.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        }
    }
}
