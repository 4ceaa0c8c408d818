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

/**
 * soft_delete's own checks (SG501, SG303), on examples/notes, whose delete is soft: the field that marks a
 * row deleted must be named, exist, and be a nullable datetime a live row leaves null.
 */
class SoftDeleteRuleTest {
    @TempDir
    Path dir;

    private List<Diagnostic> notesWith(String from, String to) throws Exception {
        Files.createDirectories(dir.resolve("contracts"));
        String original = Files.readString(Path.of("examples/notes/model.yaml"), StandardCharsets.UTF_8);
        assertTrue(original.contains(from), from);
        Files.writeString(dir.resolve("model.yaml"), original.replace(from, to), StandardCharsets.UTF_8);
        Files.copy(Path.of("examples/notes/contracts/openapi.yaml"), dir.resolve("contracts/openapi.yaml"),
                java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        return new Pipeline().validate(SpecPaths.locate(dir, null, null), false).diagnostics().sorted();
    }

    private static void assertOne(List<Diagnostic> found, String rule, int line, int column, String words) {
        assertEquals(1, found.size(), found::toString);
        Diagnostic d = found.get(0);
        assertEquals(rule, d.rule().id(), d::toString);
        assertEquals("model.yaml", d.mark().file().getFileName().toString());
        assertEquals(line, d.mark().line(), d::toString);
        assertEquals(column, d.mark().column(), d::toString);
        assertTrue(d.reason().contains(words), d.reason());
    }

    @Test
    void theExampleValidates() throws Exception {
        assertEquals(List.of(), notesWith("", ""));
    }

    @Test
    void aSoftDeleteNamesItsField() throws Exception {
        assertOne(notesWith("    field: deleted_at\n", ""), "SG501", 59, 13, "names no field");
    }

    @Test
    void theFieldExists() throws Exception {
        assertOne(notesWith("field: deleted_at", "field: removed_at"), "SG303", 60, 12, "no field 'removed_at'");
    }

    @Test
    void theFieldIsANullableDatetime() throws Exception {
        // Not nullable, the create body would have to carry it too (SG602): the soft delete's own finding is SG501.
        assertOne(notesWith("      deleted_at:\n        type: datetime\n        nullable: true\n",
                "      deleted_at:\n        type: datetime\n").stream().filter(d -> d.rule().id().equals("SG501"))
                .toList(), "SG501", 59, 12, "not nullable");
        assertOne(notesWith("      deleted_at:\n        type: datetime\n", "      deleted_at:\n        type: date\n"),
                "SG501", 60, 12, "of type date");
    }
}
