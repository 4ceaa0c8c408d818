package dev.specgen;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.specgen.diagnostics.Diagnostic;
import dev.specgen.load.SpecPaths;
import dev.specgen.pipeline.Pipeline;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Each rule is triggered by a small change to the todo example and reported at its exact place. */
class BlockerRulesTest {
    @TempDir
    Path dir;

    private List<Diagnostic> blockersAfter(String file, String from, String to) throws IOException {
        Path example = Path.of("examples/todo");
        Files.createDirectories(dir.resolve("contracts"));
        String model = Files.readString(example.resolve("model.yaml"), StandardCharsets.UTF_8);
        String contract = Files.readString(example.resolve("contracts/openapi.yaml"), StandardCharsets.UTF_8);
        if (file.equals("model")) {
            assertTrue(model.contains(from), "fixture text not found: " + from);
            model = model.replace(from, to);
        } else {
            assertTrue(contract.contains(from), "fixture text not found: " + from);
            contract = contract.replace(from, to);
        }
        Files.writeString(dir.resolve("model.yaml"), model, StandardCharsets.UTF_8);
        Files.writeString(dir.resolve("contracts/openapi.yaml"), contract, StandardCharsets.UTF_8);
        Pipeline.Result result = new Pipeline().run(SpecPaths.locate(dir, null, null), false);
        assertTrue(result.blocked(), "expected a blocker");
        return result.diagnostics().sorted();
    }

    private static Diagnostic only(List<Diagnostic> found) {
        assertEquals(1, found.size(), () -> "expected exactly one blocker, got " + found);
        return found.get(0);
    }

    @Test
    void misspelledTypeIsBlockedAtItsLine() throws IOException {
        Diagnostic d = only(blockersAfter("contract", "completed: {type: boolean}\n    Error:",
                "completed: {type: boolan}\n    Error:"));
        assertEquals("SG209", d.rule().id());
        assertTrue(d.file().toString().endsWith("contracts/openapi.yaml"));
        assertEquals(171, d.mark().line());
        assertTrue(d.message().startsWith("Implementation blocked: "));
        assertTrue(d.message().contains("Required before proceeding: "));
    }

    @Test
    void unboundOperationIsBlocked() throws IOException {
        Diagnostic d = only(blockersAfter("model", "  deleteTask:\n    entity: Task\n    action: delete\n"
                + "    path: {user_id: subject, task_id: id}\n", ""));
        assertEquals("SG204", d.rule().id());
        assertEquals("operation-unbound", d.rule().slug());
    }

    @Test
    void missingPrimaryKeyIsBlocked() throws IOException {
        List<Diagnostic> found = blockersAfter("model", "        primary_key: true\n", "");
        assertTrue(found.stream().anyMatch(d -> d.rule().id().equals("SG302")), found::toString);
        Diagnostic pk = found.stream().filter(d -> d.rule().id().equals("SG302")).findFirst().orElseThrow();
        assertTrue(pk.file().toString().endsWith("model.yaml"));
        assertEquals(20, pk.mark().line());
        assertEquals(3, pk.mark().column());
    }

    @Test
    void unknownModelKeyIsASchemaBlockerAtTheKey() throws IOException {
        Diagnostic d = only(blockersAfter("model", "    table: tasks\n", "    table: tasks\n    tabel: tasks\n"));
        assertEquals("SG301", d.rule().id());
        assertEquals(22, d.mark().line());
        assertEquals(5, d.mark().column());
    }

    @Test
    void duplicateKeyIsBlocked() throws IOException {
        Diagnostic d = only(blockersAfter("model", "    table: tasks\n", "    table: tasks\n    table: todo\n"));
        assertEquals("SG104", d.rule().id());
        assertEquals(22, d.mark().line());
    }

    @Test
    void ownerFieldInRequestBodyIsBlocked() throws IOException {
        List<Diagnostic> found = blockersAfter("contract", "      required: [title]\n      properties:\n",
                "      required: [title]\n      properties:\n        user_id: {type: string, maxLength: 64}\n");
        // TaskCreate serves createTask and replaceTask: each operation is told.
        assertEquals(2, found.size(), found::toString);
        assertTrue(found.stream().allMatch(d -> d.rule().id().equals("SG606") && d.mark().line() == 162));
    }

    @Test
    void pathUserIdWithoutBindingIsBlocked() throws IOException {
        Diagnostic d = only(blockersAfter("model", "  listTasks:\n    entity: Task\n    action: list\n"
                + "    path: {user_id: subject}\n", "  listTasks:\n    entity: Task\n    action: list\n"));
        assertEquals("SG405", d.rule().id());
    }

    @Test
    void blockedGenerateWritesNothing() throws Exception {
        blockersAfter("model", "        primary_key: true\n", "");
        Path out = dir.resolve("out");
        int code = dev.specgen.cli.Main.run(new String[] {"generate", dir.toString(), "--out", out.toString()},
                new java.io.PrintWriter(new java.io.StringWriter()), new java.io.PrintWriter(new java.io.StringWriter()));
        assertEquals(1, code);
        assertTrue(Files.notExists(out));
    }
}
