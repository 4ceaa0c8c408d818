package dev.specgen;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.specgen.diagnostics.Diagnostic;
import dev.specgen.load.SpecPaths;
import dev.specgen.pipeline.Pipeline;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The way out a blocker offers leads somewhere: advice that would make things worse is a defect. */
class AdviceTest {
    private static final Path TODO = Path.of("examples/todo");

    @TempDir
    Path dir;

    @Test
    void aMissingOwnerAfterAnOwnerFieldTypoPointsAtTheOwnershipToo() throws IOException {
        List<Diagnostic> found = validate("owner_field: user_id", "owner_field: userid");
        List<Diagnostic> sg602 = found.stream().filter(d -> d.rule().id().equals("SG602")).toList();
        assertEquals(2, sg602.size(), found.toString());
        for (Diagnostic d : sg602) {
            // Sending user_id in the body would be refused next (SG606): the advice must name the ownership.
            assertTrue(d.required().contains("ownership.owner_field: user_id"), d.message());
            assertTrue(d.required().contains("'userid', which is no field of Task"), d.message());
        }
    }

    @Test
    void anUnknownListParameterNamesEveryWayToGiveItMeaning() throws IOException {
        List<Diagnostic> found = validate("    filters: [completed]\n", "");
        Diagnostic sg214 = found.stream().filter(d -> d.rule().id().equals("SG214")
                && d.reason().contains("'completed'")).findFirst().orElseThrow(() -> new AssertionError(found));
        for (String way : List.of("filters", "value map", "search", "sort", "page")) {
            assertTrue(sg214.required().contains(way), way + ": " + sg214.message());
        }
    }

    private List<Diagnostic> validate(String text, String with) throws IOException {
        Files.createDirectories(dir.resolve("contracts"));
        Files.copy(TODO.resolve("contracts/openapi.yaml"), dir.resolve("contracts/openapi.yaml"));
        String model = Files.readString(TODO.resolve("model.yaml"));
        assertTrue(model.contains(text), text);
        Files.writeString(dir.resolve("model.yaml"), model.replace(text, with));
        return new Pipeline().validate(SpecPaths.locate(dir, null, null), false).diagnostics().sorted();
    }
}
