package dev.specgen.write;

import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayDeque;
import java.util.Deque;

/**
 * The renames of one generate run. Each step keeps what it replaced in a backup folder, so the whole
 * run can be undone in reverse order; an undo step that fails does not stop the others, and is
 * remembered so that the backup is kept.
 */
final class Transaction {
    private final Path root;
    private final Path backup;
    private final Deque<Undo> undo = new ArrayDeque<>();
    private boolean undoFailed;
    private final java.util.function.IntPredicate failAtStep;
    private int steps;
    private boolean finished;

    Transaction(Path root, Path backup, java.util.function.IntPredicate failAtStep) {
        this.root = root;
        this.backup = backup;
        this.failAtStep = failAtStep;
    }

    private void step() throws IOException {
        if (failAtStep.test(++steps)) {
            throw new IOException("injected failure at step " + steps);
        }
    }

    synchronized void remove(String path) throws IOException {
        step();
        Path target = root.resolve(path);
        Path kept = backup.resolve(path);
        Files.createDirectories(kept.getParent());
        move(target, kept);
        undo.push(() -> restore(kept, target));
    }

    synchronized void put(String path, Path staged) throws IOException {
        step();
        Path target = root.resolve(path);
        Files.createDirectories(target.getParent());
        if (Files.exists(target)) {
            Path kept = backup.resolve(path);
            Files.createDirectories(kept.getParent());
            move(target, kept);
            undo.push(() -> restore(kept, target));
        } else {
            undo.push(() -> deleteQuietly(target));
        }
        move(staged, target);
    }

    synchronized void commit() {
        finished = true;
        undo.clear();
    }

    /** Undoes every step, in reverse order, going on past a step that fails; true when all succeeded. */
    synchronized boolean rollbackIfUnfinished() {
        if (finished) {
            return !undoFailed;
        }
        while (!undo.isEmpty()) {
            try {
                undo.pop().run();
            } catch (IOException | RuntimeException e) {
                undoFailed = true;
            }
        }
        finished = true;
        return !undoFailed;
    }

    synchronized boolean undoneCleanly() {
        return !undoFailed;
    }

    private static void restore(Path kept, Path target) throws IOException {
        move(kept, target);
    }

    private static void deleteQuietly(Path target) {
        try {
            Files.deleteIfExists(target);
        } catch (IOException ignored) {
            // best effort: the file is new and its content is complete
        }
    }

    /** One undo step; it may fail, and the others still run. */
    private interface Undo {
        void run() throws IOException;
    }

    static void move(Path from, Path to) throws IOException {
        try {
            Files.move(from, to, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(from, to, StandardCopyOption.REPLACE_EXISTING);
        }
    }
}
