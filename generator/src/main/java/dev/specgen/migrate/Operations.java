package dev.specgen.migrate;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeMap;

/**
 * Turns a schema diff into Alembic operations, in an order both databases accept: indexes and
 * constraints go before the columns and tables they stand on; tables are created parents first
 * and dropped children first; a NOT NULL column arrives with its fill as a server default that a
 * second step takes away, so that the result equals what the models' metadata creates. Every
 * alteration of an existing table goes through batch mode, which SQLite needs.
 */
final class Operations {
    private Operations() {
    }

    static List<Steps.Step> plan(SchemaDiff diff) {
        List<Steps.Step> steps = new ArrayList<>();
        Order drop = order(diff.dropped());
        Order create = order(diff.created());
        for (SchemaDiff.TableDiff t : diff.altered()) {
            t.droppedIndexes().forEach(index -> steps.add(new Steps.DropIndex(t.table(), index)));
        }
        diff.altered().forEach(t -> batch(steps, t.table(), dropConstraintsAndColumns(t)));
        dropTables(steps, drop);
        createTables(steps, create);
        diff.altered().forEach(t -> batch(steps, t.table(), addAndAlterColumns(t)));
        for (SchemaDiff.TableDiff t : diff.altered()) {
            t.alteredColumns().stream().filter(c -> tightens(c) && c.after().fill() != null)
                    .forEach(c -> steps.add(new Steps.FillNulls(t.table(), c.after())));
        }
        diff.altered().forEach(t -> batch(steps, t.table(), completeColumns(t)));
        for (SchemaDiff.TableDiff t : diff.altered()) {
            List<Steps.Step> ops = new ArrayList<>();
            t.addedUniques().forEach(u -> ops.add(new Steps.CreateUnique(u)));
            t.addedForeignKeys().forEach(fk -> ops.add(new Steps.CreateForeignKey(fk)));
            t.addedChecks().forEach(c -> ops.add(new Steps.CreateCheck(c)));
            batch(steps, t.table(), ops);
        }
        for (Deferred d : create.deferred()) {
            batch(steps, d.table(), List.of(new Steps.CreateForeignKey(d.foreignKey())));
        }
        for (SchemaDiff.TableDiff t : diff.altered()) {
            t.addedIndexes().forEach(index -> steps.add(new Steps.CreateIndex(t.table(), index)));
        }
        return steps;
    }

    private static List<Steps.Step> dropConstraintsAndColumns(SchemaDiff.TableDiff t) {
        List<Steps.Step> ops = new ArrayList<>();
        t.droppedForeignKeys().forEach(fk -> ops.add(new Steps.DropConstraint(fk.name(), "foreignkey")));
        t.droppedUniques().forEach(u -> ops.add(new Steps.DropConstraint(u.name(), "unique")));
        // Before any column it names goes: SQLite's batch copy carries a named CHECK over as it is.
        t.droppedChecks().forEach(c -> ops.add(new Steps.DropConstraint(c.name(), "check")));
        if (t.primaryKeyChanged()) {
            ops.add(new Steps.DropConstraint(t.before().primaryKey().name(), "primary"));
        }
        t.droppedColumns().forEach(c -> ops.add(new Steps.DropColumn(c.name())));
        return ops;
    }

    /** Children first; the foreign keys of a cycle go before any of its tables. */
    private static void dropTables(List<Steps.Step> steps, Order drop) {
        for (Deferred d : drop.deferred()) {
            batch(steps, d.table(), List.of(new Steps.DropConstraint(d.foreignKey().name(), "foreignkey")));
        }
        List<TableSchema> children = new ArrayList<>(drop.tables());
        java.util.Collections.reverse(children);
        children.forEach(t -> steps.add(new Steps.DropTable(t.name())));
    }

    /** Parents first, each with its indexes; the foreign keys of a cycle are added at the end. */
    private static void createTables(List<Steps.Step> steps, Order create) {
        for (TableSchema table : create.tables()) {
            List<TableSchema.ForeignKey> inline = table.foreignKeys().stream()
                    .filter(fk -> create.deferred().stream().noneMatch(d -> d.foreignKey().equals(fk))).toList();
            steps.add(new Steps.CreateTable(table, inline));
            table.indexes().forEach(index -> steps.add(new Steps.CreateIndex(table.name(), index)));
        }
    }

    /**
     * New columns (NOT NULL ones with their fill as server default, or nullable for now when they
     * have none), new types, and nullability relaxed.
     */
    private static List<Steps.Step> addAndAlterColumns(SchemaDiff.TableDiff t) {
        List<Steps.Step> ops = new ArrayList<>();
        for (TableSchema.Column column : t.addedColumns()) {
            boolean filled = !column.nullable() && column.fill() != null;
            ops.add(new Steps.AddColumn(new Steps.ColumnModel(column, !filled, filled ? column.fill() : null)));
        }
        for (SchemaDiff.ColumnChange change : t.alteredColumns()) {
            boolean relaxes = change.nullableChanged() && change.after().nullable();
            if (change.typeChanged() || relaxes) {
                ops.add(new Steps.AlterColumn(change.before(), change.typeChanged() ? change.after().type() : null,
                        relaxes ? Boolean.TRUE : null, false));
            }
        }
        return ops;
    }

    /**
     * A separate batch, so that SQLite's copy of the table already holds the filled values: added
     * NOT NULL columns lose their server default (or become NOT NULL), tightened columns become NOT
     * NULL, and a new primary key is set.
     */
    private static List<Steps.Step> completeColumns(SchemaDiff.TableDiff t) {
        List<Steps.Step> ops = new ArrayList<>();
        for (TableSchema.Column column : t.addedColumns()) {
            if (!column.nullable()) {
                boolean filled = column.fill() != null;
                TableSchema.Column added = new TableSchema.Column(column.name(), column.type(), !filled, null);
                ops.add(new Steps.AlterColumn(added, null, filled ? null : Boolean.FALSE, filled));
            }
        }
        for (SchemaDiff.ColumnChange change : t.alteredColumns()) {
            if (tightens(change)) {
                TableSchema.Column current = new TableSchema.Column(change.before().name(), change.after().type(),
                        true, null);
                ops.add(new Steps.AlterColumn(current, null, Boolean.FALSE, false));
            }
        }
        if (t.primaryKeyChanged()) {
            ops.add(new Steps.CreatePrimaryKey(t.after().primaryKey()));
        }
        return ops;
    }

    private static boolean tightens(SchemaDiff.ColumnChange change) {
        return change.nullableChanged() && !change.after().nullable();
    }

    private static void batch(List<Steps.Step> steps, String table, List<Steps.Step> ops) {
        if (!ops.isEmpty()) {
            steps.add(new Steps.Batch(table, ops));
        }
    }

    /** A foreign key left out of its table's creation (or dropped before its table) because of a cycle. */
    record Deferred(String table, TableSchema.ForeignKey foreignKey) {
    }

    record Order(List<TableSchema> tables, List<Deferred> deferred) {
    }

    /**
     * Parents before children, by name among equals. A cycle of foreign keys is broken at the
     * first table by name: its keys to tables not placed yet are deferred.
     */
    static Order order(Collection<TableSchema> tables) {
        TreeMap<String, TableSchema> pending = new TreeMap<>();
        tables.forEach(t -> pending.put(t.name(), t));
        List<TableSchema> ordered = new ArrayList<>();
        List<Deferred> deferred = new ArrayList<>();
        Set<String> placed = new HashSet<>();
        while (!pending.isEmpty()) {
            TableSchema next = pending.values().stream()
                    .filter(t -> t.foreignKeys().stream().allMatch(fk -> ready(fk, t, pending, placed)))
                    .findFirst().orElse(null);
            if (next == null) {
                next = pending.firstEntry().getValue();
                for (TableSchema.ForeignKey fk : next.foreignKeys()) {
                    if (!ready(fk, next, pending, placed)) {
                        deferred.add(new Deferred(next.name(), fk));
                    }
                }
            }
            ordered.add(next);
            placed.add(next.name());
            pending.remove(next.name());
        }
        return new Order(ordered, deferred);
    }

    private static boolean ready(TableSchema.ForeignKey fk, TableSchema table, TreeMap<String, TableSchema> pending,
            Set<String> placed) {
        String target = fk.referredTable();
        return target.equals(table.name()) || placed.contains(target) || !pending.containsKey(target);
    }
}
