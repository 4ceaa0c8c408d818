package dev.specgen.migrate;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;

/**
 * The difference between two schemas, table by table: tables created and dropped, and for each
 * table kept, its columns, keys, indexes and foreign keys added, dropped or altered. Constraints
 * and indexes are matched by name, columns by name; a rename is a drop and an add.
 */
public record SchemaDiff(List<TableSchema> created, List<TableSchema> dropped, List<TableDiff> altered) {

    /** A column whose type or nullability changes. */
    public record ColumnChange(TableSchema.Column before, TableSchema.Column after) {
        public boolean typeChanged() {
            return !before.type().equals(after.type());
        }

        public boolean nullableChanged() {
            return before.nullable() != after.nullable();
        }
    }

    /** What changes in one table that both schemas have. */
    public record TableDiff(TableSchema before, TableSchema after, List<TableSchema.Column> addedColumns,
            List<TableSchema.Column> droppedColumns, List<ColumnChange> alteredColumns, boolean primaryKeyChanged,
            List<TableSchema.Key> addedUniques, List<TableSchema.Key> droppedUniques, List<TableSchema.Key> addedIndexes,
            List<TableSchema.Key> droppedIndexes, List<TableSchema.ForeignKey> addedForeignKeys,
            List<TableSchema.ForeignKey> droppedForeignKeys, List<TableSchema.Check> addedChecks,
            List<TableSchema.Check> droppedChecks) {

        public String table() {
            return after.name();
        }

        boolean isEmpty() {
            return addedColumns.isEmpty() && droppedColumns.isEmpty() && alteredColumns.isEmpty() && !primaryKeyChanged
                    && addedUniques.isEmpty() && droppedUniques.isEmpty() && addedIndexes.isEmpty()
                    && droppedIndexes.isEmpty() && addedForeignKeys.isEmpty() && droppedForeignKeys.isEmpty()
                    && addedChecks.isEmpty() && droppedChecks.isEmpty();
        }

        /** Whether a column is new in this diff and starts out NULL in every existing row. */
        public boolean isNewAndEmpty(String column) {
            return addedColumns.stream().anyMatch(c -> c.name().equals(column) && c.nullable());
        }
    }

    public boolean isEmpty() {
        return created.isEmpty() && dropped.isEmpty() && altered.isEmpty();
    }

    public static SchemaDiff between(SchemaSnapshot before, SchemaSnapshot after) {
        List<TableSchema> created = new ArrayList<>();
        List<TableSchema> dropped = new ArrayList<>();
        List<TableDiff> altered = new ArrayList<>();
        for (TableSchema table : after.tables().values()) {
            TableSchema old = before.tables().get(table.name());
            if (old == null) {
                created.add(table);
            } else {
                TableDiff diff = table(old, table);
                if (!diff.isEmpty()) {
                    altered.add(diff);
                }
            }
        }
        for (TableSchema table : before.tables().values()) {
            if (!after.tables().containsKey(table.name())) {
                dropped.add(table);
            }
        }
        return new SchemaDiff(created, dropped, altered);
    }

    private static TableDiff table(TableSchema before, TableSchema after) {
        List<ColumnChange> altered = new ArrayList<>();
        for (TableSchema.Column column : after.columns()) {
            before.column(column.name()).ifPresent(old -> {
                ColumnChange change = new ColumnChange(old, column);
                if (change.typeChanged() || change.nullableChanged()) {
                    altered.add(change);
                }
            });
        }
        return new TableDiff(before, after,
                added(before.columns(), after.columns(), TableSchema.Column::name),
                added(after.columns(), before.columns(), TableSchema.Column::name), altered,
                !Objects.equals(before.primaryKey(), after.primaryKey()),
                changed(before.uniques(), after.uniques(), TableSchema.Key::name),
                changed(after.uniques(), before.uniques(), TableSchema.Key::name),
                changed(before.indexes(), after.indexes(), TableSchema.Key::name),
                changed(after.indexes(), before.indexes(), TableSchema.Key::name),
                changed(before.foreignKeys(), after.foreignKeys(), TableSchema.ForeignKey::name),
                changed(after.foreignKeys(), before.foreignKeys(), TableSchema.ForeignKey::name),
                changed(before.checks(), after.checks(), TableSchema.Check::name),
                changed(after.checks(), before.checks(), TableSchema.Check::name));
    }

    /** Items of {@code to} whose name {@code from} lacks. */
    private static <T> List<T> added(List<T> from, List<T> to, Function<T, String> name) {
        Map<String, T> known = index(from, name);
        return to.stream().filter(item -> !known.containsKey(name.apply(item))).toList();
    }

    /** Items of {@code to} that {@code from} lacks or has otherwise: a changed constraint is dropped and added. */
    private static <T> List<T> changed(List<T> from, List<T> to, Function<T, String> name) {
        Map<String, T> known = index(from, name);
        return to.stream().filter(item -> !item.equals(known.get(name.apply(item)))).toList();
    }

    private static <T> Map<String, T> index(List<T> items, Function<T, String> name) {
        Map<String, T> index = new LinkedHashMap<>();
        items.forEach(item -> index.put(name.apply(item), item));
        return index;
    }
}
