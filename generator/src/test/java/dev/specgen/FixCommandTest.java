package dev.specgen;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.specgen.cli.Main;
import dev.specgen.diagnostics.Rule;
import dev.specgen.load.SpecPaths;
import dev.specgen.pipeline.Pipeline;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** specgen fix: nullable: true in a 3.1 contract rewritten in 3.1's form, by position, nothing else touched. */
class FixCommandTest {
    private static final Path FIXTURE = Path.of("generator/src/test/resources/fix/nullable-3.1.yaml");
    private static final Path FIXED = Path.of("generator/src/test/resources/fix/nullable-3.1.fixed.yaml");

    @TempDir
    Path dir;
    Path contract;
    String stdout;
    String stderr;

    @BeforeEach
    void copyFixture() throws Exception {
        contract = dir.resolve("contracts/openapi.yaml");
        Files.createDirectories(contract.getParent());
        Files.copy(FIXTURE, contract);
    }

    private int run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Main.run(args, new PrintWriter(out), new PrintWriter(err));
        stdout = out.toString();
        stderr = err.toString();
        assertFalse((stdout + stderr).contains("Exception"), stdout + stderr);
        return code;
    }

    @Test
    void withoutWriteItPrintsTheEditsAsAUnifiedDiffAndChangesNothing() throws Exception {
        assertEquals(1, run("fix", dir.toString()));
        assertTrue(stdout.startsWith("--- a/"), stdout);
        assertTrue(stdout.contains("\n-          type: string\n-          nullable: true\n+          type: [string, \"null\"]\n"),
                stdout);
        assertTrue(stdout.contains("+          anyOf: [{$ref: '#/components/schemas/User'}, {type: \"null\"}]\n"), stdout);
        assertTrue(stderr.contains("8 schemas to repair"), stderr);
        assertEquals(Files.readString(FIXTURE), Files.readString(contract));
    }

    @Test
    void withWriteItRewritesOnlyThoseKeywordsKeepingCommentsOrderAndLayout() throws Exception {
        // The allOf of two schemas is no mechanical rewrite: it is listed with its place, and exit 1 says so.
        assertEquals(1, run("fix", dir.toString(), "--write"));
        assertEquals(Files.readString(FIXED, StandardCharsets.UTF_8), Files.readString(contract, StandardCharsets.UTF_8));
        assertTrue(stderr.contains("openapi.yaml:41:11: not repaired: an allOf of several schemas"), stderr);
        // Running it again finds only what is left to the team.
        assertEquals(1, run("fix", dir.toString()));
        assertEquals("", stdout);
    }

    @Test
    void anOpenApi30DocumentHasNothingToRepair() throws Exception {
        Files.writeString(contract, Files.readString(FIXTURE).replace("openapi: 3.1.0", "openapi: 3.0.3"));
        assertEquals(0, run("fix", dir.toString()));
        assertTrue(stderr.contains("has nothing to repair"), stderr);
    }

    @Test
    void theBlockerNamesTheCommandAndTheRepairedContractValidates() throws Exception {
        Path spec = dir.resolve("todo");
        Files.createDirectories(spec.resolve("contracts"));
        Files.copy(Path.of("examples/todo/model.yaml"), spec.resolve("model.yaml"));
        String todo = Files.readString(Path.of("examples/todo/contracts/openapi.yaml"));
        String nullable = todo.replace("        description: {type: [string, 'null'], maxLength: 1000}\n",
                "        description: {type: string, nullable: true, maxLength: 1000}\n");
        assertFalse(nullable.equals(todo), "the todo contract changed");
        Files.writeString(spec.resolve("contracts/openapi.yaml"), nullable);
        Pipeline.Result blocked = new Pipeline().validate(SpecPaths.locate(spec, null, null), false);
        assertTrue(blocked.diagnostics().sorted().stream().anyMatch(d -> d.rule() == Rule.VERSION_KEYWORD
                && d.message().contains("specgen fix SPEC_DIR")), blocked.diagnostics().sorted().toString());
        assertEquals(0, run("fix", spec.toString(), "--write"));
        Pipeline.Result repaired = new Pipeline().validate(SpecPaths.locate(spec, null, null), false);
        assertFalse(repaired.blocked(), repaired.diagnostics().sorted().toString());
    }

    @Test
    void helpTeachesWhatItRewritesAndHow() {
        assertEquals(0, run("fix", "--help"));
        assertTrue(stdout.contains("type: [string, \"null\"]"), stdout);
        assertTrue(stdout.contains("--write"), stdout);
        assertTrue(stdout.contains("fix specs/001-todo --write"), stdout);
    }
}
