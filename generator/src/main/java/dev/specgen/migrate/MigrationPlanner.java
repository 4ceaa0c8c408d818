package dev.specgen.migrate;

import dev.specgen.diagnostics.Diagnostics;
import dev.specgen.modeldoc.ModelDoc;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The migrate stage: diffs model.yaml's tables against the ones the output's migration chain
 * leads to, reports the changes that need acknowledging, and plans the migration that holds
 * exactly the difference. No difference, no migration: generating twice adds nothing.
 */
public final class MigrationPlanner {

    public MigrationPlan plan(ModelDoc model, MigrationHistory history, Diagnostics diagnostics) {
        SchemaBuilder.Built built = new SchemaBuilder().build(model);
        SchemaSnapshot current = built.schema();
        // A table that became external now belongs to another service: forgotten, never dropped.
        Map<String, TableSchema> kept = new LinkedHashMap<>(history.schema().tables());
        kept.keySet().removeIf(built.sources()::isExternal);
        SchemaSnapshot previous = new SchemaSnapshot(kept);
        SchemaDiff diff = SchemaDiff.between(previous, current);
        Set<String> acknowledged = new Safety(model, built.sources()).review(diff, diagnostics);
        Optional<MigrationModel> next = Optional.empty();
        if (!diff.isEmpty()) {
            next = Optional.of(migration(history, diff, SchemaDiff.between(current, previous), acknowledged));
        }
        return new MigrationPlan(history, next, current, built.sources().externalTables());
    }

    private static MigrationModel migration(MigrationHistory history, SchemaDiff up, SchemaDiff down,
            Set<String> acknowledged) {
        int number = history.entries().size() + 1;
        List<String> changes = describe(up);
        String parent = history.head().orElse(null);
        String summary;
        String slug;
        if (parent == null) {
            int tables = up.created().size();
            summary = "Create the " + (tables == 1 ? "table" : tables + " tables") + " of the first model.";
            slug = "initial";
        } else {
            String first = changes.get(0);
            summary = first.substring(0, first.length() - 1)
                    + (changes.size() > 1 ? ", and " + (changes.size() - 1) + " more." : ".");
            slug = slug(first) + (changes.size() > 1 ? "_and_more" : "");
        }
        String path = MigrationHistory.VERSIONS + String.format(Locale.ROOT, "%04d", number) + "_" + slug + ".py";
        List<String> acks = new ArrayList<>(acknowledged);
        acks.sort(String::compareTo);
        return new MigrationModel(path, parent, summary, changes, acks, Operations.plan(up), Operations.plan(down));
    }

    private static String slug(String description) {
        String slug = description.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "_").replaceAll("^_|_$", "");
        if (slug.length() <= 48) {
            return slug;
        }
        int cut = slug.lastIndexOf('_', 48);
        return slug.substring(0, cut > 0 ? cut : 48);
    }

    /** One sentence per change, in the order the diff lists them. */
    static List<String> describe(SchemaDiff diff) {
        List<String> lines = new ArrayList<>();
        diff.created().forEach(t -> lines.add("Create table " + t.name() + " (" + t.entity() + ")."));
        diff.dropped().forEach(t -> lines.add("Drop table " + t.name() + " (" + t.entity() + ")."));
        for (SchemaDiff.TableDiff t : diff.altered()) {
            String table = t.table();
            t.addedColumns().forEach(c -> lines.add("Add column " + table + "." + c.name() + " " + c.type()
                    + (c.nullable() ? "" : " NOT NULL") + "."));
            t.droppedColumns().forEach(c -> lines.add("Drop column " + table + "." + c.name() + "."));
            for (SchemaDiff.ColumnChange change : t.alteredColumns()) {
                String column = table + "." + change.after().name();
                if (change.typeChanged()) {
                    lines.add("Change column " + column + " from " + change.before().type() + " to "
                            + change.after().type() + ".");
                }
                if (change.nullableChanged()) {
                    lines.add(change.after().nullable() ? "Make column " + column + " nullable."
                            : "Make column " + column + " NOT NULL.");
                }
            }
            if (t.primaryKeyChanged()) {
                lines.add("Change the primary key of " + table + " to (" + String.join(", ",
                        t.after().primaryKey().columns()) + ").");
            }
            t.droppedUniques().forEach(u -> lines.add("Drop unique constraint " + u.name() + "."));
            t.addedUniques().forEach(u -> lines.add("Add unique constraint " + u.name() + "."));
            t.droppedForeignKeys().forEach(fk -> lines.add("Drop foreign key " + fk.name() + "."));
            t.addedForeignKeys().forEach(fk -> lines.add("Add foreign key " + fk.name() + "."));
            t.droppedChecks().forEach(c -> lines.add("Drop check constraint " + c.name() + "."));
            t.addedChecks().forEach(c -> lines.add("Add check constraint " + c.name() + " (" + table + "." + c.column()
                    + " one of " + String.join(", ", c.values()) + ")."));
            t.droppedIndexes().forEach(i -> lines.add("Drop index " + i.name() + "."));
            t.addedIndexes().forEach(i -> lines.add("Add index " + i.name() + "."));
        }
        return lines;
    }
}
