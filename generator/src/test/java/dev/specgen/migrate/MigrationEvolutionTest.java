package dev.specgen.migrate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.specgen.cli.Main;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The todo example, generated, then changed the way a team changes a model: each generate must add
 * a migration holding exactly the difference, block a destructive change until model.yaml
 * acknowledges it, and add nothing when nothing changed.
 */
class MigrationEvolutionTest {
    private static final String VERSIONS = "migrations/versions/";

    @TempDir
    Path dir;

    private Path spec;
    private Path out;
    private String stdout;
    private String stderr;

    @BeforeEach
    void generateTheExample() throws IOException {
        spec = dir.resolve("spec");
        out = dir.resolve("out");
        Files.createDirectories(spec.resolve("contracts"));
        Files.copy(Path.of("examples/todo/model.yaml"), spec.resolve("model.yaml"));
        Files.copy(Path.of("examples/todo/contracts/openapi.yaml"), spec.resolve("contracts/openapi.yaml"));
        assertEquals(0, specgen("generate"), stderr);
        assertEquals(List.of("0001_initial.py"), versions());
    }

    private int specgen(String command) {
        StringWriter o = new StringWriter();
        StringWriter e = new StringWriter();
        int code = Main.run(new String[] {command, spec.toString(), "--out", out.toString()}, new PrintWriter(o, true),
                new PrintWriter(e, true));
        stdout = o.toString();
        stderr = e.toString();
        return code;
    }

    private void edit(String from, String to) throws IOException {
        Path model = spec.resolve("model.yaml");
        String text = Files.readString(model, StandardCharsets.UTF_8);
        assertEquals(1, text.split(Pattern.quote(from), -1).length - 1, "must occur once: " + from);
        Files.writeString(model, text.replace(from, to), StandardCharsets.UTF_8);
    }

    private List<String> versions() throws IOException {
        try (Stream<Path> files = Files.list(out.resolve(VERSIONS))) {
            return files.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    private String read(String path) throws IOException {
        return Files.readString(out.resolve(path), StandardCharsets.UTF_8);
    }

    private Map<String, String> tree() throws IOException {
        Map<String, String> files = new TreeMap<>();
        try (Stream<Path> walk = Files.walk(out)) {
            for (Path p : walk.filter(Files::isRegularFile).toList()) {
                files.put(out.relativize(p).toString(), Files.readString(p, StandardCharsets.UTF_8));
            }
        }
        return files;
    }

    private static String revision(String migration) {
        Matcher m = Pattern.compile("\nrevision = \"([0-9a-f]{12})\"\n").matcher(migration);
        assertTrue(m.find(), migration);
        return m.group(1);
    }

    private void addNotesAndIndexTitle() throws IOException {
        edit("        default: false\n", "        default: false\n      notes:\n        type: text\n"
                + "        nullable: true\n");
        edit("        max_length: 200\n", "        max_length: 200\n        index: true\n");
    }

    @Test
    void aNullableColumnAndAnIndexGetExactlyThatMigration() throws IOException {
        String first = read(VERSIONS + "0001_initial.py");
        addNotesAndIndexTitle();
        assertEquals(0, specgen("generate"), stderr);
        assertEquals(List.of("0001_initial.py", "0002_add_column_tasks_notes_text_and_more.py"), versions());
        assertEquals(first, read(VERSIONS + "0001_initial.py"), "an earlier migration is never rewritten");
        String second = read(VERSIONS + "0002_add_column_tasks_notes_text_and_more.py");
        assertTrue(second.contains("\ndown_revision = \"" + revision(first) + "\"\n"), second);
        String operations = second.substring(second.indexOf("def upgrade()"));
        assertEquals("""
                def upgrade() -> None:
                    with op.batch_alter_table("tasks") as batch_op:
                        batch_op.add_column(sa.Column("notes", sa.Text(), nullable=True))
                    op.create_index(
                        op.f("ix_tasks_title"),
                        "tasks",
                        ["title"],
                        unique=False,
                    )


                def downgrade() -> None:
                    op.drop_index(op.f("ix_tasks_title"), table_name="tasks")
                    with op.batch_alter_table("tasks") as batch_op:
                        batch_op.drop_column("notes")
                """, operations);
        String snapshot = read(SnapshotFile.PATH);
        assertTrue(snapshot.contains("{\"name\": \"notes\", \"type\": \"text\", \"nullable\": true}"), snapshot);
        assertTrue(snapshot.contains("{\"name\": \"ix_tasks_title\", \"columns\": [\"title\"]}"), snapshot);
        assertTrue(stdout.contains("run 'alembic upgrade head'"), stdout);
        String manifest = read(".specgen-manifest");
        assertTrue(manifest.contains("\n" + VERSIONS + "0001_initial.py\t") && manifest.contains(
                "\n" + VERSIONS + "0002_add_column_tasks_notes_text_and_more.py\t"), "generated, so never orphans");
    }

    @Test
    void generatingAgainAddsNothingAndCheckCallsTheOutputUpToDate() throws IOException {
        addNotesAndIndexTitle();
        assertEquals(0, specgen("generate"), stderr);
        Map<String, String> before = tree();
        assertEquals(0, specgen("generate"), stderr);
        assertTrue(stdout.contains(" is up to date ("), stdout);
        assertEquals(before, tree());
        assertEquals(0, specgen("check"), stdout);
        assertTrue(stdout.contains("is up to date"), stdout);
    }

    @Test
    void checkCallsAnOutputStaleWhenTheModelChangedSince() throws IOException {
        addNotesAndIndexTitle();
        assertEquals(1, specgen("check"));
        assertTrue(stdout.contains("missing: " + VERSIONS + "0002_add_column_tasks_notes_text_and_more.py"), stdout);
    }

    @Test
    void revisionIdsDeriveFromTheContentAndTheParentNotFromTheClock() throws IOException {
        Path elsewhere = dir.resolve("elsewhere");
        Main.run(new String[] {"generate", spec.toString(), "--out", elsewhere.toString()},
                new PrintWriter(new StringWriter()), new PrintWriter(new StringWriter()));
        assertEquals(read(VERSIONS + "0001_initial.py"),
                Files.readString(elsewhere.resolve(VERSIONS + "0001_initial.py"), StandardCharsets.UTF_8));
        String first = revision(read(VERSIONS + "0001_initial.py"));
        addNotesAndIndexTitle();
        specgen("generate");
        String second = revision(read(VERSIONS + "0002_add_column_tasks_notes_text_and_more.py"));
        assertNotEquals(first, second);
        assertTrue(read(SnapshotFile.PATH).contains("\"revision\": \"" + second + "\""));
    }

    @Test
    void droppingAColumnIsBlockedUntilAcknowledged() throws IOException {
        addNotesAndIndexTitle();
        assertEquals(0, specgen("generate"), stderr);
        Map<String, String> before = tree();
        edit("      notes:\n        type: text\n        nullable: true\n", "");
        assertEquals(1, specgen("generate"));
        assertTrue(stdout.contains("model.yaml:25:5: error SG520 [migration-unacknowledged] Implementation blocked:"
                + " column tasks.notes is no longer a field of Task, so the migration would drop it and the data in"
                + " it. Required before proceeding: add drop-column:tasks.notes to migrations.acknowledge in"
                + " model.yaml to drop it, or restore the field."), stdout);
        assertEquals(before, tree(), "a blocked generate writes nothing");
        edit("\noperations:\n", "\nmigrations:\n  acknowledge: [drop-column:tasks.notes]\n\noperations:\n");
        assertEquals(0, specgen("generate"), stdout + stderr);
        String third = read(VERSIONS + versions().get(2));
        assertTrue(versions().get(2).startsWith("0003_drop_column_tasks_notes"), versions().toString());
        assertTrue(third.contains("Acknowledged in model.yaml (migrations.acknowledge): drop-column:tasks.notes."),
                third);
        assertTrue(third.contains("        batch_op.drop_column(\"notes\")\n\n\ndef downgrade()"), third);
        // Now that the migration exists, the acknowledgment would only allow the same loss again unseen.
        assertEquals(0, specgen("generate"));
        assertTrue(stderr.contains("warning SG521 [acknowledgment-unused]"), stderr);
    }

    @Test
    void narrowingATypeIsBlockedUntilAcknowledged() throws IOException {
        edit("        max_length: 64\n", "        max_length: 32\n");
        assertEquals(1, specgen("generate"));
        assertTrue(stdout.contains("model.yaml:30:7: error SG520 [migration-unacknowledged] Implementation blocked:"
                + " column tasks.user_id changes from string(64) to string(32), which existing values may not fit."
                + " Required before proceeding: add narrow-type:tasks.user_id to migrations.acknowledge"), stdout);
        edit("\noperations:\n", "\nmigrations:\n  acknowledge: [narrow-type:tasks.user_id]\n\noperations:\n");
        assertEquals(0, specgen("generate"), stdout);
        String second = read(VERSIONS + versions().get(1));
        assertTrue(second.contains("""
                        batch_op.alter_column(
                            "user_id",
                            existing_type=sa.String(length=64),
                            existing_nullable=False,
                            type_=sa.String(length=32),
                        )
                """), second);
    }

    @Test
    void aNotNullColumnWithADefaultFillsExistingRowsThenLosesTheServerDefault() throws IOException {
        edit("        default: false\n", "        default: false\n      archived:\n        type: boolean\n"
                + "        default: false\n      rank:\n        type: integer\n        default: 3\n");
        assertEquals(0, specgen("generate"), stdout);
        String second = read(VERSIONS + versions().get(1));
        assertTrue(second.contains("batch_op.add_column(sa.Column(\"archived\", sa.Boolean(), nullable=False,"
                + " server_default=sa.false()))"), second);
        assertTrue(second.contains("batch_op.add_column(sa.Column(\"rank\", sa.Integer(), nullable=False,"
                + " server_default=sa.text(\"'3'\")))"), second);
        assertTrue(second.contains("""
                            "rank",
                            existing_type=sa.Integer(),
                            existing_nullable=False,
                            server_default=None,
                """), second);
    }

    @Test
    void aMigrationEditedByHandStopsGenerateAndCheck() throws IOException {
        Path first = out.resolve(VERSIONS + "0001_initial.py");
        Files.writeString(first, Files.readString(first, StandardCharsets.UTF_8).replace("length=200", "length=250"),
                StandardCharsets.UTF_8);
        addNotesAndIndexTitle();
        assertEquals(2, specgen("generate"));
        assertTrue(stderr.contains("0001_initial.py is not the migration specgen wrote"), stderr);
        assertEquals(2, specgen("check"));
        assertEquals(List.of("0001_initial.py"), versions());
    }

    @Test
    void aRevisionWrittenByHandIsRefused() throws IOException {
        Files.writeString(out.resolve(VERSIONS + "0002_backfill.py"), "revision = 'x'\n", StandardCharsets.UTF_8);
        assertEquals(2, specgen("generate"));
        assertTrue(stderr.contains("0002_backfill.py is not a migration specgen wrote"), stderr);
    }

    @Test
    void startUpCreatesNoTables() throws IOException {
        String main = read("app/main.py");
        assertFalse(main.contains("create_all"), main);
        assertFalse(read("app/db.py").contains("create_all"));
        assertTrue(read("requirements.txt").contains("\nalembic==1.20.1\n"));
    }
}
