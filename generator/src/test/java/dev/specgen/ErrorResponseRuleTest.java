package dev.specgen;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.specgen.diagnostics.Diagnostic;
import dev.specgen.load.SpecPaths;
import dev.specgen.pipeline.Pipeline;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** SG215 cases beyond its fixture: a delete that a restricting foreign key can refuse needs a 409. */
class ErrorResponseRuleTest {
    @TempDir
    Path dir;

    @Test
    void deletingARowThatRestrictingRowsReferNeedsA409() throws Exception {
        Files.createDirectories(dir.resolve("contracts"));
        String model = Files.readString(Path.of("examples/projects/model.yaml"), StandardCharsets.UTF_8)
                .replace("on_delete: cascade", "on_delete: restrict");
        Files.writeString(dir.resolve("model.yaml"), model, StandardCharsets.UTF_8);
        Files.copy(Path.of("examples/projects/contracts/openapi.yaml"), dir.resolve("contracts/openapi.yaml"));
        List<Diagnostic> found = new Pipeline().run(SpecPaths.locate(dir, null, null), false).diagnostics().sorted();
        assertEquals(1, found.size(), found::toString);
        assertEquals("SG215", found.get(0).rule().id());
        assertTrue(found.get(0).reason().contains("deleteProject") && found.get(0).reason().contains("409"),
                found.get(0).reason());
    }
}
