package dev.specgen;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.specgen.cli.Main;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class InitTest {
    @TempDir
    Path dir;

    private int run(String... args) {
        return Main.run(args, new PrintWriter(new StringWriter()), new PrintWriter(new StringWriter()));
    }

    @Test
    void theScaffoldValidatesGeneratesAndIsNeverOverwritten() throws Exception {
        Path spec = dir.resolve("specs/003-reading-list");
        assertEquals(0, run("init", spec.toString()));
        String model = Files.readString(spec.resolve("model.yaml"));
        assertTrue(model.startsWith("# yaml-language-server: $schema=model.schema.json"));
        assertTrue(model.contains("title: \"Reading List API\""), model);
        assertTrue(Files.readString(spec.resolve("model.schema.json")).contains("2020-12"));
        assertEquals(0, run("validate", spec.toString(), "--strict"));
        assertEquals(0, run("generate", spec.toString(), "--out", dir.resolve("backend").toString()));
        Files.writeString(spec.resolve("model.yaml"), "# mine\n");
        assertEquals(2, run("init", spec.toString()));
        assertEquals("# mine\n", Files.readString(spec.resolve("model.yaml")));
    }
}
