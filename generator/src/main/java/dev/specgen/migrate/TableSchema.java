package dev.specgen.migrate;

import java.util.List;
import java.util.Optional;

/**
 * One table as SQLModel's metadata creates it: columns, primary key, unique constraints,
 * non-unique indexes, foreign keys and the CHECK constraints of its enum columns, each constraint
 * under the name the metadata's naming convention gives it. {@code entity} names the model.yaml
 * entity, for messages only.
 */
public record TableSchema(String name, String entity, List<Column> columns, Key primaryKey, List<Key> uniques,
        List<Key> indexes, List<ForeignKey> foreignKeys, List<Check> checks) {

    public TableSchema {
        columns = List.copyOf(columns);
        uniques = List.copyOf(uniques);
        indexes = List.copyOf(indexes);
        foreignKeys = List.copyOf(foreignKeys);
        checks = List.copyOf(checks);
    }

    /** A column; {@code fill} is null when existing rows cannot be given a value. */
    public record Column(String name, SqlType type, boolean nullable, Fill fill) {
    }

    /** A named list of columns: the primary key, a unique constraint or an index. */
    public record Key(String name, List<String> columns) {
        public Key {
            columns = List.copyOf(columns);
        }
    }

    /** {@code onDelete} is the SQL action (CASCADE, SET NULL, RESTRICT), or null for NO ACTION. */
    public record ForeignKey(String name, List<String> columns, String referredTable, List<String> referredColumns,
            String onDelete) {
        public ForeignKey {
            columns = List.copyOf(columns);
            referredColumns = List.copyOf(referredColumns);
        }
    }

    /** A named CHECK constraint holding an enum column to its values, in the model's order. */
    public record Check(String name, String column, List<String> values) {
        public Check {
            values = List.copyOf(values);
        }
    }

    public Optional<Check> check(String columnName) {
        return checks.stream().filter(c -> c.column().equals(columnName)).findFirst();
    }

    public Optional<Column> column(String columnName) {
        return columns.stream().filter(c -> c.name().equals(columnName)).findFirst();
    }
}
