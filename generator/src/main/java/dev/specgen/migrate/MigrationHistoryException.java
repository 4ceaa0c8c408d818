package dev.specgen.migrate;

/**
 * The output folder's migration history cannot be used as it is (a snapshot that does not parse,
 * a migration edited or missing). Its message is one line for the user; nothing is written.
 */
public final class MigrationHistoryException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public MigrationHistoryException(String message) {
        super(message);
    }
}
