package dev.specgen.migrate;

/**
 * What a NOT NULL column holds in rows that existed before it: the field's default as SQL, or the
 * current time for a generated timestamp. Written in the snapshot as the SQL itself: a quoted
 * literal ({@code 'todo'}, {@code '3'}), {@code TRUE}, {@code FALSE} or {@code CURRENT_TIMESTAMP}.
 * A quoted literal suits every column type on both databases: PostgreSQL casts it to the column's
 * type and SQLite stores it with the column's affinity. Booleans are the exception, as SQLite
 * stores them as 0 and 1.
 */
public record Fill(String sql) {
    public static final Fill TRUE = new Fill("TRUE");
    public static final Fill FALSE = new Fill("FALSE");
    public static final Fill NOW = new Fill("CURRENT_TIMESTAMP");

    public static Fill literal(String value) {
        return new Fill("'" + value.replace("'", "''") + "'");
    }

    /** Reads the snapshot's spelling back; null when it is not one. */
    public static Fill parse(String sql) {
        if (sql.length() >= 2 && sql.startsWith("'") && sql.endsWith("'")) {
            return new Fill(sql);
        }
        return switch (sql) {
            case "TRUE" -> TRUE;
            case "FALSE" -> FALSE;
            case "CURRENT_TIMESTAMP" -> NOW;
            default -> null;
        };
    }
}
