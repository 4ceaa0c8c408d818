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

/** A blocked generate writes nothing: not even the output folder. */
class BlockedGenerateTest {
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

    @Test
    void blockedGenerateWritesNothing() throws Exception {
        blockersAfter("model", "        primary_key: true\n", "");
        Path out = dir.resolve("out");
        int code = dev.specgen.cli.Main.run(new String[] {"generate", dir.toString(), "--out", out.toString()},
                new java.io.PrintWriter(new java.io.StringWriter()), new java.io.PrintWriter(new java.io.StringWriter()));
        assertEquals(1, code);
        assertTrue(Files.notExists(out));
    }

    @Test
    void blockedGenerateLeavesAnExistingOutputUntouched() throws Exception {
        Path out = dir.resolve("existing");
        Files.createDirectories(out.resolve("app"));
        Files.writeString(out.resolve("app/main.py"), "previous output\n", StandardCharsets.UTF_8);
        blockersAfter("model", "        primary_key: true\n", "");
        int code = dev.specgen.cli.Main.run(new String[] {"generate", dir.toString(), "--out", out.toString()},
                new java.io.PrintWriter(new java.io.StringWriter()), new java.io.PrintWriter(new java.io.StringWriter()));
        assertEquals(1, code);
        assertEquals("previous output\n", Files.readString(out.resolve("app/main.py"), StandardCharsets.UTF_8));
        try (var files = Files.walk(out)) {
            assertEquals(3, files.count(), "nothing may be added next to the previous output");
        }
    }
}
