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
        List<SchemaDiff.TableDiff> altered = diff.altered();
        for (SchemaDiff.TableDiff t : altered) {
            t.droppedIndexes().forEach(index -> steps.add(new Steps.DropIndex(t.table(), index)));
        }
        for (SchemaDiff.TableDiff t : altered) {
            List<Steps.Step> ops = new ArrayList<>();
            t.droppedForeignKeys().forEach(fk -> ops.add(new Steps.DropConstraint(fk.name(), "foreignkey")));
            t.droppedUniques().forEach(u -> ops.add(new Steps.DropConstraint(u.name(), "unique")));
            if (t.primaryKeyChanged()) {
                ops.add(new Steps.DropConstraint(t.before().primaryKey().name(), "primary"));
            }
            t.droppedColumns().forEach(c -> ops.add(new Steps.DropColumn(c.name())));
            batch(steps, t.table(), ops);
        }
        Order drop = order(diff.dropped());
        for (Deferred d : drop.deferred()) {
            batch(steps, d.table(), List.of(new Steps.DropConstraint(d.foreignKey().name(), "foreignkey")));
        }
        List<TableSchema> dropOrder = new ArrayList<>(drop.tables());
        java.util.Collections.reverse(dropOrder);
        dropOrder.forEach(t -> steps.add(new Steps.DropTable(t.name())));
        Order create = order(diff.created());
        for (TableSchema table : create.tables()) {
            List<TableSchema.ForeignKey> inline = table.foreignKeys().stream()
                    .filter(fk -> create.deferred().stream().noneMatch(d -> d.foreignKey().equals(fk))).toList();
            steps.add(new Steps.CreateTable(table, inline));
            table.indexes().forEach(index -> steps.add(new Steps.CreateIndex(table.name(), index)));
        }
        for (SchemaDiff.TableDiff t : altered) {
            List<Steps.Step> ops = new ArrayList<>();
            for (TableSchema.Column column : t.addedColumns()) {
                boolean filled = !column.nullable() && column.fill() != null;
                ops.add(new Steps.AddColumn(new Steps.ColumnModel(column, column.nullable() || !filled,
                        filled ? column.fill() : null)));
            }
            for (SchemaDiff.ColumnChange change : t.alteredColumns()) {
                boolean relaxes = change.nullableChanged() && change.after().nullable();
                if (change.typeChanged() || relaxes) {
                    ops.add(new Steps.AlterColumn(change.before(), change.typeChanged() ? change.after().type() : null,
                            relaxes ? Boolean.TRUE : null, false));
                }
            }
            batch(steps, t.table(), ops);
        }
        for (SchemaDiff.TableDiff t : altered) {
            for (SchemaDiff.ColumnChange change : t.alteredColumns()) {
                if (tightens(change) && change.after().fill() != null) {
                    steps.add(new Steps.FillNulls(t.table(), change.after()));
                }
            }
        }
        for (SchemaDiff.TableDiff t : altered) {
            List<Steps.Step> ops = new ArrayList<>();
            for (TableSchema.Column column : t.addedColumns()) {
                if (!column.nullable()) {
                    // Added nullable or with its fill as server default: now the column becomes what the models say.
                    TableSchema.Column added = new TableSchema.Column(column.name(), column.type(),
                            column.fill() == null, null);
                    ops.add(new Steps.AlterColumn(added, null, column.fill() == null ? Boolean.FALSE : null,
                            column.fill() != null));
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
            batch(steps, t.table(), ops);
        }
        for (SchemaDiff.TableDiff t : altered) {
            List<Steps.Step> ops = new ArrayList<>();
            t.addedUniques().forEach(u -> ops.add(new Steps.CreateUnique(u)));
            t.addedForeignKeys().forEach(fk -> ops.add(new Steps.CreateForeignKey(fk)));
            batch(steps, t.table(), ops);
        }
        for (Deferred d : create.deferred()) {
            batch(steps, d.table(), List.of(new Steps.CreateForeignKey(d.foreignKey())));
        }
        for (SchemaDiff.TableDiff t : altered) {
            t.addedIndexes().forEach(index -> steps.add(new Steps.CreateIndex(t.table(), index)));
        }
        return steps;
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
