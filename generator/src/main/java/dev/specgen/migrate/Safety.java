package dev.specgen.migrate;

import dev.specgen.diagnostics.Diagnostics;
import dev.specgen.diagnostics.Rule;
import dev.specgen.load.Mark;
import dev.specgen.load.YMap;
import dev.specgen.load.YScalar;
import dev.specgen.modeldoc.EntityDoc;
import dev.specgen.modeldoc.FieldDoc;
import dev.specgen.modeldoc.ModelDoc;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Atlas-style migration lint, at generation time: every change that can destroy data or fail on
 * the rows a table already holds gets a stable id ({@code drop-column:tasks.notes}) and blocks
 * until model.yaml's {@code migrations.acknowledge} lists that id. An acknowledgment no pending
 * change needs is a warning, so that it does not linger and allow the same change again later.
 */
final class Safety {
    private final ModelDoc model;
    private final SchemaBuilder.Sources sources;
    private final Map<String, Finding> findings = new LinkedHashMap<>();

    /** One change that needs acknowledging, with what the user reads when it blocks. */
    record Finding(String id, String reason, String required, Mark mark, String pointer) {
    }

    Safety(ModelDoc model, SchemaBuilder.Sources sources) {
        this.model = model;
        this.sources = sources;
    }

    /** The ids of the dangerous changes in the diff; reports those model.yaml does not acknowledge. */
    Set<String> review(SchemaDiff diff, Diagnostics diagnostics) {
        for (TableSchema table : diff.dropped()) {
            String id = "drop-table:" + table.name();
            add(id, "entity " + table.entity() + " is gone from model.yaml, so the migration would drop table "
                    + table.name() + " and every row in it", "add " + id + " to migrations.acknowledge in model.yaml"
                    + " to drop it, or restore the entity", model.root().keyMark("entities"), "/entities");
        }
        for (SchemaDiff.TableDiff table : diff.altered()) {
            review(table);
        }
        Map<String, YScalar> acknowledged = acknowledgments();
        for (Finding finding : findings.values()) {
            if (!acknowledged.containsKey(finding.id())) {
                diagnostics.report(Rule.MIGRATION_UNACKNOWLEDGED, finding.mark(), finding.pointer(), finding.reason(),
                        finding.required());
            }
        }
        for (Map.Entry<String, YScalar> ack : acknowledged.entrySet()) {
            if (!findings.containsKey(ack.getKey())) {
                diagnostics.report(Rule.ACKNOWLEDGMENT_UNUSED, ack.getValue(), "migrations.acknowledge lists "
                        + ack.getKey() + ", but no change of this migration needs it", "remove it: the migration it"
                        + " allowed exists already (or the id is misspelt), and kept it would allow the same change"
                        + " again unseen");
            }
        }
        return new LinkedHashSet<>(findings.keySet());
    }

    private void review(SchemaDiff.TableDiff diff) {
        String table = diff.table();
        EntityDoc entity = sources.entity(table).orElseThrow();
        for (TableSchema.Column column : diff.droppedColumns()) {
            String id = "drop-column:" + table + "." + column.name();
            YMap fields = entity.node().map("fields").orElseThrow();
            add(id, "column " + table + "." + column.name() + " is no longer a field of " + entity.name()
                    + ", so the migration would drop it and the data in it", "add " + id + " to migrations.acknowledge"
                    + " in model.yaml to drop it, or restore the field", entity.node().keyMark("fields"),
                    fields.pointer());
        }
        for (TableSchema.Column column : diff.addedColumns()) {
            if (!column.nullable() && column.fill() == null) {
                FieldDoc field = field(table, column.name());
                String id = "not-null:" + table + "." + column.name();
                add(id, "new field " + entity.name() + "." + field.name() + " is NOT NULL without a default, so adding"
                        + " column " + table + "." + column.name() + " fails on a table that holds rows", "give it a"
                        + " default (existing rows get it) or make it nullable; or, if the table is empty, add " + id
                        + " to migrations.acknowledge in model.yaml", field.nameMark(), field.node().pointer());
            }
        }
        for (SchemaDiff.ColumnChange change : diff.alteredColumns()) {
            TableSchema.Column after = change.after();
            FieldDoc field = field(table, after.name());
            String column = table + "." + after.name();
            if (change.typeChanged() && !change.before().type().widensTo(after.type())) {
                String id = "narrow-type:" + column;
                add(id, "column " + column + " changes from " + change.before().type() + " to " + after.type()
                        + ", which existing values may not fit", "add " + id + " to migrations.acknowledge in"
                        + " model.yaml once every stored value fits, or keep the old type", field.nameMark(),
                        field.node().pointer());
            }
            if (change.nullableChanged() && !after.nullable() && after.fill() == null) {
                String id = "not-null:" + column;
                add(id, entity.name() + "." + field.name() + " is no longer nullable and has no default, so rows where"
                        + " " + column + " is NULL make the migration fail", "give it a default (it replaces the"
                        + " NULLs); or, once no row holds NULL, add " + id + " to migrations.acknowledge in model.yaml",
                        field.nameMark(), field.node().pointer());
            }
        }
        if (diff.primaryKeyChanged()) {
            String id = "change-primary-key:" + table;
            add(id, "the primary key of " + table + " changes from (" + String.join(", ",
                    diff.before().primaryKey().columns()) + ") to (" + String.join(", ",
                    diff.after().primaryKey().columns()) + "), which existing rows and the foreign keys pointing at"
                    + " them may not fit", "add " + id + " to migrations.acknowledge in model.yaml, or keep the old key",
                    mark(table, "pk", entity), entity.node().pointer());
        }
        for (TableSchema.Key unique : diff.addedUniques()) {
            boolean renamed = diff.droppedUniques().stream().anyMatch(u -> u.columns().equals(unique.columns()));
            if (!renamed && !unique.columns().stream().allMatch(diff::isNewAndEmpty)) {
                String id = "add-unique:" + table + "." + String.join("+", unique.columns());
                add(id, "the new unique constraint " + unique.name() + " on " + table + " (" + String.join(", ",
                        unique.columns()) + ") fails on rows that hold the same values", "add " + id
                        + " to migrations.acknowledge in model.yaml once the stored rows are unique",
                        mark(table, unique.name(), entity), entity.node().pointer());
            }
        }
        reviewChecks(diff, entity);
        for (TableSchema.ForeignKey fk : diff.addedForeignKeys()) {
            boolean sameTarget = diff.droppedForeignKeys().stream().anyMatch(d -> d.columns().equals(fk.columns())
                    && d.referredTable().equals(fk.referredTable()) && d.referredColumns().equals(fk.referredColumns()));
            if (!sameTarget && !fk.columns().stream().allMatch(diff::isNewAndEmpty)) {
                String id = "add-foreign-key:" + table + "." + String.join("+", fk.columns());
                add(id, "the new foreign key from " + table + " (" + String.join(", ", fk.columns()) + ") to "
                        + fk.referredTable() + " fails on stored rows that point at no " + fk.referredTable() + " row",
                        "add " + id + " to migrations.acknowledge in model.yaml once every stored row points at an"
                        + " existing one", mark(table, fk.name(), entity), entity.node().pointer());
            }
        }
    }

    /**
     * A CHECK constraint new on a table that may hold rows fails on any stored value outside it: a
     * column that had none, or one whose values lose a member. A column new in this migration holds
     * only NULLs or its default, which the check admits.
     */
    private void reviewChecks(SchemaDiff.TableDiff diff, EntityDoc entity) {
        String table = diff.table();
        for (TableSchema.Check check : diff.addedChecks()) {
            boolean newColumn = diff.addedColumns().stream().anyMatch(c -> c.name().equals(check.column()));
            boolean widens = diff.before().check(check.column())
                    .map(old -> check.values().containsAll(old.values())).orElse(false);
            if (newColumn || widens) {
                continue;
            }
            String id = "add-check:" + table + "." + check.column();
            List<String> lost = diff.before().check(check.column())
                    .map(old -> old.values().stream().filter(v -> !check.values().contains(v)).toList())
                    .orElse(List.of());
            String why = lost.isEmpty() ? "the new check constraint " + check.name() + " holds " + table + "."
                    + check.column() + " to " + String.join(", ", check.values()) + ", which fails on stored rows"
                    + " holding any other value" : "the values of " + table + "." + check.column() + " lose "
                    + String.join(", ", lost) + ", so its check constraint " + check.name() + " fails on stored"
                    + " rows holding them";
            add(id, why, "add " + id + " to migrations.acknowledge in model.yaml once every stored value is one of"
                    + " them (update the others first), or keep the old values", mark(table, check.name(), entity),
                    entity.node().pointer());
        }
    }

    private FieldDoc field(String table, String column) {
        return sources.field(table, column).orElseThrow();
    }

    private Mark mark(String table, String constraint, EntityDoc entity) {
        Mark mark = sources.constraint(table, constraint);
        return mark != null ? mark : entity.nameMark();
    }

    private void add(String id, String reason, String required, Mark mark, String pointer) {
        findings.putIfAbsent(id, new Finding(id, reason, required, mark, pointer));
    }

    /** migrations.acknowledge, by id; the schema has checked the spelling of each. */
    private Map<String, YScalar> acknowledgments() {
        Map<String, YScalar> acks = new LinkedHashMap<>();
        model.root().map("migrations").flatMap(m -> m.seq("acknowledge"))
                .ifPresent(seq -> seq.items().forEach(i -> acks.putIfAbsent(((YScalar) i).text(), (YScalar) i)));
        return acks;
    }
}
