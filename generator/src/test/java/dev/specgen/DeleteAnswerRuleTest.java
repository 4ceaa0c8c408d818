package dev.specgen;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.specgen.diagnostics.Diagnostic;
import dev.specgen.load.SpecPaths;
import dev.specgen.pipeline.Pipeline;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A delete answering 200 (examples/library's deleteBook made to answer {deleted: true, id}) is served when the contract
 * fixes every required member (a constant, or the deleted row's key) and blocks (SG501) on one it does not.
 */
class DeleteAnswerRuleTest {
    @TempDir
    Path dir;

    private List<Diagnostic> libraryWith(String from, String to) throws Exception {
        Files.createDirectories(dir.resolve("contracts"));
        // examples/library's deleteBook, answering {deleted: true, id} instead of its 204.
        String contract = Files.readString(Path.of("examples/library/contracts/openapi.yaml"), StandardCharsets.UTF_8)
                .replace("        '204': {description: Removed from the shelf.}\n", "        '200': {description: Removed from"
                        + " the shelf; the answer names the book., content: {application/json: {schema: {$ref:"
                        + " '#/components/schemas/BookDeleted'}}}}\n")
                + "    BookDeleted:\n      type: object\n      additionalProperties: false\n      required: [deleted, id]\n"
                + "      properties:\n        deleted: {type: boolean, enum: [true]}\n        id: {type: string, format: uuid}\n";
        assertTrue(contract.contains(from) && contract.contains("BookDeleted'}"), from);
        Files.writeString(dir.resolve("contracts/openapi.yaml"), contract.replace(from, to), StandardCharsets.UTF_8);
        Files.copy(Path.of("examples/library/model.yaml"), dir.resolve("model.yaml"), StandardCopyOption.REPLACE_EXISTING);
        return new Pipeline().validate(SpecPaths.locate(dir, null, null), false).diagnostics().sorted();
    }

    private static void assertOne(List<Diagnostic> found, int line, int column, String words) {
        assertEquals(1, found.size(), found::toString);
        Diagnostic d = found.get(0);
        assertEquals("SG501", d.rule().id(), d::toString);
        assertEquals("openapi.yaml", d.mark().file().getFileName().toString());
        assertEquals(line, d.mark().line(), d::toString);
        assertEquals(column, d.mark().column(), d::toString);
        assertTrue(d.reason().contains(words), d.reason());
    }

    @Test
    void theExampleValidates() throws Exception {
        assertEquals(List.of(), libraryWith("", ""));
    }

    @Test
    void aRequiredMemberNothingFillsBlocks() throws Exception {
        assertOne(libraryWith("deleted: {type: boolean, enum: [true]}", "deleted: {type: boolean}"), 155, 16,
                "requires 'deleted'");
    }

    @Test
    void anOptionalMemberNothingFillsIsLeftOut() throws Exception {
        assertEquals(List.of(), libraryWith("required: [deleted, id]\n      properties:\n        deleted:",
                "required: [deleted, id]\n      properties:\n        note: {type: string}\n        deleted:"));
    }

    @Test
    void theKeyIsAnsweredInItsOwnType() throws Exception {
        assertOne(libraryWith("enum: [true]}\n        id: {type: string, format: uuid}", "enum: [true]}\n        id: {type: integer}"), 155, 16,
                "answers the deleted row's key id as integer");
    }
}
