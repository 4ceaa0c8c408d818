package dev.specgen.draft;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.specgen.cli.Main;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** specgen init in a folder that already has a contract: the draft, and what init never does. */
class InitDraftTest {
    private static final Path LEDGER = Path.of("generator/src/test/resources/draft/ledger");

    @TempDir
    Path dir;

    private String stdout;
    private String stderr;

    private int run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Main.run(args, new PrintWriter(out), new PrintWriter(err));
        stdout = out.toString();
        stderr = err.toString();
        return code;
    }

    private Path copy(Path from, String name) throws IOException {
        Path to = dir.resolve(name);
        try (Stream<Path> files = Files.walk(from)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                Path target = to.resolve(from.relativize(file).toString());
                Files.createDirectories(target.getParent());
                Files.copy(file, target);
            }
        }
        return to;
    }

    @Test
    void aFolderWithAContractGetsADraftThatBlocksUntilDecided() throws IOException {
        Path spec = copy(LEDGER, "ledger");
        assertEquals(0, run("init", spec.toString()), stderr);
        String model = Files.readString(spec.resolve("model.yaml"));
        assertTrue(model.startsWith("# yaml-language-server: $schema=model.schema.json\n"), model);
        assertTrue(model.contains("from contracts/openapi.yaml and data-model.md"), model);
        assertTrue(Files.readString(spec.resolve("model.schema.json")).contains("2020-12"));
        assertTrue(stdout.contains("created  " + spec.resolve("model.yaml")), stdout);
        int line = List.of(model.split("\n")).indexOf("    # DECIDE who owns Category: who may see and change its"
                + " rows; specgen never guesses this. user_id") + 1;
        assertTrue(line > 0, model);
        assertTrue(stdout.contains("model.yaml:" + line + "  who owns Category\n"), stdout);
        assertTrue(stdout.contains("Next: make each, then  specgen validate " + spec), stdout);
        assertEquals(1, run("validate", spec.toString()), "a draft with open decisions never validates");
        assertTrue(stdout.contains("SG406 [ownership-missing]"), stdout);
    }

    @Test
    void anExistingModelIsNeverOverwrittenWithoutForce() throws IOException {
        Path spec = copy(LEDGER, "ledger");
        Files.writeString(spec.resolve("model.yaml"), "# mine\n");
        assertEquals(2, run("init", spec.toString()));
        assertEquals("specgen: " + spec.resolve("model.yaml") + " already exists; init never overwrites it (--force"
                + " replaces it with a new draft). Nothing was written.\n", stderr);
        assertEquals("# mine\n", Files.readString(spec.resolve("model.yaml")));
        assertFalse(Files.exists(spec.resolve("model.schema.json")));
        assertEquals(0, run("init", spec.toString(), "--force"), stderr);
        assertTrue(Files.readString(spec.resolve("model.yaml")).contains("# DECIDE who owns Expense"));
    }

    @Test
    void theSameFolderDraftsTheSameBytes() throws IOException {
        Path one = copy(LEDGER, "one");
        Path two = copy(LEDGER, "two");
        assertEquals(0, run("init", one.toString()));
        assertEquals(0, run("init", two.toString()));
        assertEquals(Files.readString(one.resolve("model.yaml")), Files.readString(two.resolve("model.yaml")));
    }

    @Test
    void aContractAndTablesElsewhereAreNamedWithOptions() throws IOException {
        Path sources = copy(LEDGER, "sources");
        Path spec = dir.resolve("spec");
        assertEquals(0, run("init", spec.toString(), "--openapi", sources.resolve("contracts/openapi.yaml").toString(),
                "--data-model", sources.resolve("data-model.md").toString()), stderr);
        String model = Files.readString(spec.resolve("model.yaml"));
        assertTrue(model.contains("table: categories"), "data-model.md was read");
        assertTrue(stdout.contains("validate " + spec + " --openapi " + sources.resolve("contracts/openapi.yaml")),
                stdout);
        assertEquals(2, run("init", dir.resolve("other").toString(), "--openapi", dir.resolve("none.yaml").toString()));
        assertTrue(stderr.startsWith("specgen: --openapi "), stderr);
        assertEquals(2, run("init", dir.resolve("empty").toString(), "--data-model",
                sources.resolve("data-model.md").toString()));
        assertTrue(stderr.contains("drafts model.yaml from a contract"), stderr);
        assertFalse(Files.exists(dir.resolve("empty/model.yaml")));
    }

    @Test
    void severalContractsOrABrokenOneWriteNothing() throws IOException {
        Path spec = copy(LEDGER, "two-contracts");
        Files.move(spec.resolve("contracts/openapi.yaml"), spec.resolve("contracts/a.yaml"));
        Files.copy(spec.resolve("contracts/a.yaml"), spec.resolve("contracts/b.yaml"));
        assertEquals(2, run("init", spec.toString()));
        assertTrue(stderr.contains("holds several OpenAPI documents (a.yaml, b.yaml)"), stderr);
        assertFalse(Files.exists(spec.resolve("model.yaml")));

        Path broken = copy(LEDGER, "broken");
        Files.writeString(broken.resolve("contracts/openapi.yaml"), "openapi: 3.1.0\npaths: {\n");
        assertEquals(1, run("init", broken.toString()));
        assertTrue(stdout.contains("SG103"), stdout);
        assertTrue(stderr.contains("does not load (above). Nothing was written."), stderr);
        assertFalse(Files.exists(broken.resolve("model.yaml")));
    }

    @Test
    void anEmptyFolderStillGetsTheScaffoldAndForceIsRefusedThere() throws IOException {
        Path spec = dir.resolve("new");
        assertEquals(2, run("init", spec.toString(), "--force"));
        assertTrue(stderr.contains("no contract to draft from"), stderr);
        assertEquals(0, run("init", spec.toString()));
        assertTrue(Files.readString(spec.resolve("model.yaml")).contains("owner_field: owner_id"));
        assertEquals(0, run("validate", spec.toString()));
    }
}
