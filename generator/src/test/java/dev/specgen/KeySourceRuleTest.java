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

/** SG408 beyond its fixture: one PEM key cannot serve algorithms that need different kinds of key. */
class KeySourceRuleTest {
    @TempDir
    Path dir;

    private List<Diagnostic> notesWith(String algorithms) throws Exception {
        Files.createDirectories(dir.resolve("contracts"));
        String model = Files.readString(Path.of("examples/notes/model.yaml"), StandardCharsets.UTF_8)
                .replace("algorithms: [RS256]", "algorithms: " + algorithms);
        Files.writeString(dir.resolve("model.yaml"), model, StandardCharsets.UTF_8);
        Files.copy(Path.of("examples/notes/contracts/openapi.yaml"), dir.resolve("contracts/openapi.yaml"));
        return new Pipeline().validate(SpecPaths.locate(dir, null, null), false).diagnostics().sorted();
    }

    @Test
    void onePublicKeyCannotVerifyRsaAndEcTokens() throws Exception {
        List<Diagnostic> found = notesWith("[RS256, ES256]");
        assertEquals(1, found.size(), found::toString);
        assertEquals("SG408", found.get(0).rule().id());
        assertTrue(found.get(0).reason().contains("one PEM public key"), found.get(0).reason());
    }

    @Test
    void oneRsaKeyServesEveryRsAlgorithm() throws Exception {
        assertTrue(notesWith("[RS256, RS512]").isEmpty());
    }
}
