package dev.specgen;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.specgen.diagnostics.Diagnostic;
import dev.specgen.load.SpecPaths;
import dev.specgen.pipeline.Pipeline;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** SG304 beyond its fixture: a decimal's scale cannot exceed its precision. */
class DecimalRuleTest {
    @TempDir
    Path dir;

    @Test
    void scaleAbovePrecisionIsBlockedAtTheScale() throws Exception {
        Files.createDirectories(dir.resolve("contracts"));
        String model = Files.readString(Path.of("examples/library/model.yaml"), StandardCharsets.UTF_8)
                .replace("        precision: 10\n        scale: 2\n", "        precision: 4\n        scale: 6\n");
        Files.writeString(dir.resolve("model.yaml"), model, StandardCharsets.UTF_8);
        Files.copy(Path.of("examples/library/contracts/openapi.yaml"), dir.resolve("contracts/openapi.yaml"));
        List<Diagnostic> found = new Pipeline().validate(SpecPaths.locate(dir, null, null), false).diagnostics().sorted();
        assertEquals(1, found.size(), found::toString);
        assertEquals("SG304", found.get(0).rule().id());
        int line = model.lines().toList().indexOf("        scale: 6") + 1;
        assertEquals(line, found.get(0).mark().line());
        assertEquals(16, found.get(0).mark().column());
    }
}
