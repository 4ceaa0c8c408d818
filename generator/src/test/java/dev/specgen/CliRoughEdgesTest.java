package dev.specgen;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.specgen.cli.Main;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What a new user met on a first afternoon with the CLI: each answer is one clear line and the right exit code. */
class CliRoughEdgesTest {
    @TempDir
    Path dir;
    Path spec;
    String stdout;
    String stderr;

    @BeforeEach
    void copyTodo() throws Exception {
        spec = dir.resolve("specs/001-todo");
        Files.createDirectories(spec.resolve("contracts"));
        Files.copy(Path.of("examples/todo/model.yaml"), spec.resolve("model.yaml"));
        Files.copy(Path.of("examples/todo/contracts/openapi.yaml"), spec.resolve("contracts/openapi.yaml"));
    }

    private int run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Main.run(args, new PrintWriter(out), new PrintWriter(err));
        stdout = out.toString();
        stderr = err.toString();
        assertFalse((stdout + stderr).contains("Exception"), "no exception names for users: " + stdout + stderr);
        return code;
    }

    @Test
    void initOnAFileSaysSoInsteadOfAnInternalError() throws Exception {
        Path file = dir.resolve("notes.txt");
        Files.writeString(file, "mine\n");
        assertEquals(2, run("init", file.toString()));
        assertTrue(stderr.contains(file + " is a file; init needs a folder"), stderr);
        assertEquals("mine\n", Files.readString(file));
    }

    @Test
    void aDryRunThatFindsConflictsFailsAsTheRealRunWould() throws Exception {
        Path out = dir.resolve("backend");
        Files.createDirectories(out.resolve("app"));
        Files.writeString(out.resolve("app/main.py"), "my own app\n");
        assertEquals(2, run("generate", spec.toString(), "--out", out.toString(), "--dry-run"));
        assertTrue(stdout.contains("conflict   app/main.py"), stdout);
        assertTrue(stderr.contains("generate would stop: " + out + " holds 1 file specgen did not generate"), stderr);
        assertEquals(0, run("generate", spec.toString(), "--out", out.toString(), "--dry-run", "--force"));
        assertTrue(stdout.contains("overwrite  app/main.py"), stdout);
        assertEquals("my own app\n", Files.readString(out.resolve("app/main.py")), "a dry run writes nothing");
    }

    @Test
    void aWriteFailureGivesTheReasonAndDoesNotClaimARestore() throws Exception {
        Path file = dir.resolve("a-file");
        Files.writeString(file, "x");
        Path out = file.resolve("backend");
        assertEquals(2, run("generate", spec.toString(), "--out", out.toString()));
        assertTrue(stderr.contains("cannot write " + out + ": " + file + ": a file is in the way where a folder is"
                + " needed. Nothing was written."), stderr);
        assertFalse(stderr.contains("restored"), stderr);
    }

    @Test
    void generatePrintsAShortResultAndWhereTheSummaryIs() throws Exception {
        Path out = dir.resolve("backend");
        assertEquals(0, run("generate", spec.toString(), "--out", out.toString()));
        assertTrue(stdout.lines().count() <= 3, stdout);
        assertTrue(stdout.startsWith("specgen: generated " + out + ": "), stdout);
        assertTrue(stdout.contains(out.resolve("IMPLEMENTATION.md").toString()), stdout);
        assertFalse(stdout.contains("## Endpoints"), stdout);
        assertEquals(0, run("generate", spec.toString(), "--out", out.toString()));
        assertTrue(stdout.startsWith("specgen: " + out + " is up to date ("), stdout);
    }

    @Test
    void checkCountsOneFileAsOneFile() throws Exception {
        Path out = dir.resolve("backend");
        assertEquals(0, run("generate", spec.toString(), "--out", out.toString()));
        Files.writeString(out.resolve("app/main.py"), "# edited\n");
        assertEquals(1, run("check", spec.toString(), "--out", out.toString()));
        assertTrue(stdout.contains("is out of date (1 file); run"), stdout);
    }

    @Test
    void hintsNameSpecgenAsTheUserRunsIt() throws Exception {
        String before = System.getProperty("specgen.command");
        System.setProperty("specgen.command", "./specgen");
        try {
            assertEquals(2, run("explain", "SG000"));
            assertTrue(stderr.contains("'./specgen rules' lists them"), stderr);
            assertEquals(0, run("init", dir.resolve("specs/002-new").toString()));
            assertTrue(stdout.contains("then  ./specgen validate "), stdout);
            assertEquals(2, run("generate", spec.toString()));
            assertTrue(stderr.contains("Run './specgen generate --help' for usage."), stderr);
            assertEquals(0, run("--help"));
            assertTrue(stdout.contains("Example:  ./specgen generate examples/todo"), stdout);
            assertEquals(0, run("init", "--help"));
            assertTrue(stdout.contains("Example:  ./specgen init specs/001-items && ./specgen generate"), stdout);
        } finally {
            if (before == null) {
                System.clearProperty("specgen.command");
            } else {
                System.setProperty("specgen.command", before);
            }
        }
    }
}
