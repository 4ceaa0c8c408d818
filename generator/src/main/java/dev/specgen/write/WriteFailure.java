package dev.specgen.write;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.nio.file.Path;
import java.util.Optional;

/**
 * A generate run that could not finish writing, and what it left: the operating system's reason, and
 * whether the output folder is as it was, or (if undoing failed too) where the replaced files are kept.
 */
public final class WriteFailure extends IOException {
    private static final long serialVersionUID = 1L;

    private final transient IOException cause;
    private final boolean hadPreviousOutput;
    private final transient Path keptBackup;

    WriteFailure(IOException cause, boolean hadPreviousOutput, Path keptBackup) {
        super(reason(cause), cause);
        this.cause = cause;
        this.hadPreviousOutput = hadPreviousOutput;
        this.keptBackup = keptBackup;
    }

    /** The file involved, when the operating system named one. */
    public Optional<String> file() {
        return cause instanceof FileSystemException fs ? Optional.ofNullable(fs.getFile()) : Optional.empty();
    }

    /** The folder held output before this run. */
    public boolean hadPreviousOutput() {
        return hadPreviousOutput;
    }

    /** Where replaced files were kept because putting them back failed; empty when the undo succeeded. */
    public Optional<Path> keptBackup() {
        return Optional.ofNullable(keptBackup);
    }

    /** The operating system's reason in words, e.g. "permission denied", "No space left on device". */
    public static String reason(IOException e) {
        if (e instanceof AccessDeniedException) {
            return "permission denied";
        }
        if (e instanceof NoSuchFileException) {
            return "no such file or folder";
        }
        if (e instanceof FileAlreadyExistsException) {
            return "a file is in the way where a folder is needed";
        }
        if (e instanceof NotDirectoryException) {
            return "not a folder";
        }
        if (e instanceof DirectoryNotEmptyException) {
            return "the folder is not empty";
        }
        if (e instanceof FileSystemException fs && fs.getReason() != null) {
            return fs.getReason();
        }
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }
}
