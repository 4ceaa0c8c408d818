package dev.specgen.migrate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.specgen.diagnostics.Diagnostic;
import dev.specgen.diagnostics.Diagnostics;
import dev.specgen.load.SourceFile;
import dev.specgen.load.YamlLoader;
import dev.specgen.modeldoc.ModelDoc;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The migrate stage on small models: which changes need acknowledging, and in which order the
 * operations run. A model here holds only entities; the migrate stage reads nothing else.
 */
class MigrationPlannerTest {
    private Diagnostics diagnostics;

    private static ModelDoc model(String entities) {
        String text = "migrations:\n  acknowledge: [ACKS]\nentities:\n" + entities.indent(2);
        return parse(text);
    }

    private static ModelDoc parse(String text) {
        Diagnostics d = new Diagnostics();
        SourceFile source = new SourceFile(Path.of("model.yaml"), Path.of("model.yaml"), text);
        var root = new YamlLoader().parse(source, d);
        assertTrue(d.isEmpty(), d.sorted() + "\n" + text);
        return new ModelDoc(root.orElseThrow());
    }

    /** Plans the migration from one model to the next, acknowledging the given ids. */
    private MigrationPlan plan(String before, String after, String... acks) {
        SchemaSnapshot previous = new SchemaBuilder().build(model(before.replace("ACKS", ""))).schema();
        MigrationHistory history = new MigrationHistory(List.of(new SnapshotFile.Entry(
                "migrations/versions/0001_initial.py", "aaaaaaaaaaaa", "0")), Map.of(), previous);
        diagnostics = new Diagnostics();
        String text = "migrations:\n  acknowledge: [" + String.join(", ", acks) + "]\nentities:\n" + after.indent(2);
        return new MigrationPlanner().plan(parse(text), history, diagnostics);
    }

    private List<String> blocked() {
        return diagnostics.sorted().stream().filter(d -> d.rule().id().equals("SG520"))
                .map(d -> d.required().replaceAll(".*?((drop|narrow|not|add|change)-[a-z-]+:[^ ]+).*", "$1")).toList();
    }

    private static List<String> steps(MigrationPlan plan) {
        List<String> names = new ArrayList<>();
        for (Steps.Step step : plan.next().orElseThrow().upgrade) {
            if (step instanceof Steps.Batch batch) {
                names.add("batch " + batch.tableLiteral + " " + batch.operations.stream().map(s -> s.template).toList());
            } else {
                names.add(step.template);
            }
        }
        return names;
    }

    private static final String TASK = """
            Task:
              table: tasks
              ownership: {shared: true}
              fields:
                id: {type: integer, primary_key: true, generated: increment}
                title: {type: string, max_length: 100}
            """;

    @Test
    void addingANullableColumnNeedsNoAcknowledgment() {
        MigrationPlan plan = plan(TASK, TASK + "    notes: {type: text, nullable: true}\n");
        assertEquals(List.of(), diagnostics.sorted());
        assertEquals(List.of("batch \"tasks\" [addColumn]"), steps(plan));
    }

    @Test
    void aNotNullColumnWithoutADefaultIsBlockedAndWithOneIsFilled() {
        plan(TASK, TASK + "    rank: {type: integer}\n");
        assertEquals(List.of("not-null:tasks.rank"), blocked());
        MigrationPlan plan = plan(TASK, TASK + "    rank: {type: integer, default: 3}\n");
        assertEquals(List.of(), diagnostics.sorted());
        assertEquals(List.of("batch \"tasks\" [addColumn]", "batch \"tasks\" [alterColumn]"), steps(plan));
        plan = plan(TASK, TASK + "    rank: {type: integer}\n", "not-null:tasks.rank");
        assertEquals(List.of(), diagnostics.sorted());
        Steps.AddColumn add = (Steps.AddColumn) ((Steps.Batch) plan.next().orElseThrow().upgrade.get(0)).operations.get(0);
        assertTrue(add.column.nullable, "added nullable first, then made NOT NULL: SQLite cannot add it otherwise");
    }

    @Test
    void makingAColumnNotNullFillsItsNullsWithTheDefaultFirst() {
        String before = TASK + "    notes: {type: string, nullable: true}\n";
        plan(before, TASK + "    notes: {type: string}\n");
        assertEquals(List.of("not-null:tasks.notes"), blocked());
        MigrationPlan plan = plan(before, TASK + "    notes: {type: string, default: ''}\n");
        assertEquals(List.of(), diagnostics.sorted());
        assertEquals(List.of("fillNulls", "batch \"tasks\" [alterColumn]"), steps(plan));
    }

    @Test
    void widerTypesPassAndNarrowerOnesAreBlocked() {
        assertEquals(List.of(), blockedFor("{type: string, max_length: 100}", "{type: string, max_length: 200}"));
        assertEquals(List.of(), blockedFor("{type: string, max_length: 100}", "{type: text}"));
        assertEquals(List.of(), blockedFor("{type: integer}", "{type: bigint}"));
        assertEquals(List.of(), blockedFor("{type: decimal, precision: 10, scale: 2}",
                "{type: decimal, precision: 12, scale: 3}"));
        assertEquals(List.of("narrow-type:tasks.v"), blockedFor("{type: text}", "{type: string, max_length: 10}"));
        assertEquals(List.of("narrow-type:tasks.v"), blockedFor("{type: bigint}", "{type: integer}"));
        assertEquals(List.of("narrow-type:tasks.v"), blockedFor("{type: decimal, precision: 10, scale: 2}",
                "{type: decimal, precision: 10, scale: 3}"));
        assertEquals(List.of("narrow-type:tasks.v"), blockedFor("{type: string, max_length: 36}", "{type: uuid}"));
    }

    private List<String> blockedFor(String before, String after) {
        plan(TASK + "    v: " + before + "\n", TASK + "    v: " + after + "\n");
        return blocked();
    }

    @Test
    void aConversionPostgresqlDoesNotCastItselfGetsAUsingClause() {
        MigrationPlan plan = plan(TASK + "    v: {type: string, max_length: 36}\n", TASK + "    v: {type: uuid}\n",
                "narrow-type:tasks.v");
        Steps.AlterColumn alter = (Steps.AlterColumn) ((Steps.Batch) plan.next().orElseThrow().upgrade.get(0))
                .operations.get(0);
        assertEquals("'\"v\"::UUID'", alter.usingLiteral);
        plan = plan(TASK + "    v: {type: integer}\n", TASK + "    v: {type: bigint}\n");
        alter = (Steps.AlterColumn) ((Steps.Batch) plan.next().orElseThrow().upgrade.get(0)).operations.get(0);
        assertFalse(alter.hasUsing);
    }

    @Test
    void aNewUniqueConstraintOverStoredRowsIsBlockedButNotOverANewEmptyColumn() {
        plan(TASK, TASK.replace("max_length: 100}", "max_length: 100, unique: true}"));
        assertEquals(List.of("add-unique:tasks.title"), blocked());
        MigrationPlan plan = plan(TASK, TASK + "    code: {type: string, nullable: true, unique: true}\n");
        assertEquals(List.of(), diagnostics.sorted());
        assertEquals(List.of("batch \"tasks\" [addColumn]", "batch \"tasks\" [createUnique]"), steps(plan));
    }

    private static final String LIST = """
            TaskList:
              table: lists
              ownership: {shared: true}
              fields:
                id: {type: integer, primary_key: true, generated: increment}
            """;

    @Test
    void aNewForeignKeyOnAFilledColumnIsBlockedAndOnlyChangingOnDeleteIsNot() {
        String before = LIST + TASK + "    list_id: {type: integer, nullable: true}\n";
        plan(before, LIST + TASK + "    list_id: {type: integer, nullable: true, foreign_key: {entity: TaskList,"
                + " field: id}}\n");
        assertEquals(List.of("add-foreign-key:tasks.list_id"), blocked());
        String linked = LIST + TASK + "    list_id: {type: integer, nullable: true, foreign_key: {entity: TaskList,"
                + " field: id}}\n";
        MigrationPlan plan = plan(linked, linked.replace("field: id}", "field: id, on_delete: cascade}"));
        assertEquals(List.of(), diagnostics.sorted());
        assertEquals(List.of("batch \"tasks\" [dropConstraint]", "batch \"tasks\" [createForeignKey]"), steps(plan));
    }

    @Test
    void droppingATableIsBlockedButATableThatBecameExternalIsLeftAlone() {
        plan(LIST + TASK, TASK);
        assertEquals(List.of("drop-table:lists"), blocked());
        MigrationPlan plan = plan(LIST + TASK, TASK, "drop-table:lists");
        assertEquals(List.of("dropTable"), steps(plan));
        plan = plan(LIST + TASK, LIST.replace("table: lists\n", "table: lists\n  external: true\n") + TASK);
        assertEquals(List.of(), diagnostics.sorted());
        assertTrue(plan.next().isEmpty(), "an external table is neither dropped nor migrated");
        assertEquals(List.of("lists"), plan.externalTables());
    }

    @Test
    void tablesAreCreatedParentsFirstAndACycleIsClosedAfterwards() {
        String child = "Item:\n  table: a_items\n  ownership: {shared: true}\n  fields:\n    id: {type: integer, primary_key: true}\n"
                + "    list_id: {type: integer, foreign_key: {entity: TaskList, field: id}}\n";
        MigrationPlan plan = plan(TASK, TASK + child + LIST);
        assertEquals(List.of("createTable", "createTable", "createIndex"), steps(plan));
        Steps.CreateTable first = (Steps.CreateTable) plan.next().orElseThrow().upgrade.get(0);
        assertEquals("\"lists\"", first.tableLiteral);
        String cyclic = child + LIST + "    item_id: {type: integer, nullable: true, foreign_key: {entity: Item,"
                + " field: id}}\n";
        plan = plan(TASK, TASK + cyclic);
        assertEquals(List.of("createTable", "createIndex", "createTable", "createIndex",
                "batch \"a_items\" [createForeignKey]"), steps(plan));
    }

    @Test
    void anAcknowledgmentNoChangeNeedsIsAWarning() {
        plan(TASK, TASK, "drop-column:tasks.notes");
        List<Diagnostic> found = diagnostics.sorted();
        assertEquals(1, found.size());
        assertEquals("SG521", found.get(0).rule().id());
        assertEquals("model.yaml:2:17", found.get(0).file() + ":" + found.get(0).mark().line() + ":"
                + found.get(0).mark().column());
    }

    @Test
    void anEnumCheckOverStoredRowsIsBlockedUnlessItOnlyGainsValuesOrItsColumnIsNew() {
        String status = "    status: {type: enum, values: [todo, done], default: todo}\n";
        MigrationPlan plan = plan(TASK, TASK + status);
        assertEquals(List.of(), diagnostics.sorted());
        assertEquals(List.of("batch \"tasks\" [addColumn]", "batch \"tasks\" [alterColumn]",
                "batch \"tasks\" [createCheck]"), steps(plan));
        plan(TASK + status, TASK + status.replace("done]", "done, archived]"));
        assertEquals(List.of(), diagnostics.sorted());
        plan(TASK + status, TASK + status.replace("[todo, done]", "[todo, finished]"));
        assertEquals(List.of("add-check:tasks.status"), blocked());
        assertTrue(diagnostics.sorted().get(0).reason().contains("lose done"), diagnostics.sorted().toString());
        plan(TASK + "    status: {type: string, max_length: 4}\n", TASK + status);
        assertEquals(List.of("add-check:tasks.status"), blocked());
        plan = plan(TASK + status, TASK + status.replace("[todo, done]", "[todo, finished]"), "add-check:tasks.status");
        assertEquals(List.of("batch \"tasks\" [dropConstraint]", "batch \"tasks\" [alterColumn]",
                "batch \"tasks\" [createCheck]"), steps(plan));
        plan = plan(TASK + status, TASK, "drop-column:tasks.status");
        assertEquals(List.of("batch \"tasks\" [dropConstraint, dropColumn]"), steps(plan));
    }

    @Test
    void theDowngradeUndoesTheUpgrade() {
        MigrationPlan plan = plan(TASK, TASK + "    notes: {type: text, nullable: true, index: true}\n");
        List<String> down = plan.next().orElseThrow().downgrade.stream().map(s -> s.template).toList();
        assertEquals(List.of("dropIndex", "batch"), down);
    }
}
