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

    @Test
    void aFilterParameterOfTheWrongTypeIsNamed() throws IOException {
        List<Diagnostic> found = validate("", "", "          required: false\n          schema: {type: boolean}\n",
                "          required: false\n          schema: {type: string}\n");
        assertEquals(1, found.size(), found.toString());
        assertTrue(found.get(0).reason().startsWith("query parameter 'completed' of GET /api/{user_id}/tasks"),
                found.get(0).message());
        // A disagreement shows both sides: the model.yaml field is its related place.
        assertEquals("model.yaml:43:7", found.get(0).relatedMark().map(m -> relative(m.file()) + ":" + m.line() + ":"
                + m.column()).orElse("none"));
    }

    @Test
    void aCreateBodyThatWelcomesUnknownPropertiesIsBlockedAtItsKeyword() throws IOException {
        List<Diagnostic> found = validate("", "", "    TaskCreate:\n      type: object\n      additionalProperties: false\n",
                "    TaskCreate:\n      type: object\n      additionalProperties: true\n");
        assertEquals(List.of("SG601 contracts/openapi.yaml:159:29"), located(found));
        found = validate("", "", "    TaskCreate:\n      type: object\n      additionalProperties: false\n",
                "    TaskCreate:\n      type: object\n      additionalProperties: {type: string}\n");
        assertEquals(List.of("SG601 contracts/openapi.yaml:159:29"), located(found));
        assertTrue(found.get(0).required().startsWith("additionalProperties: false"), found.get(0).message());
    }

    @Test
    void anOpaqueBearerTokenIsNotTakenForAJwt() throws IOException {
        List<Diagnostic> found = validate("", "", "      bearerFormat: JWT\n", "      bearerFormat: opaque\n");
        assertEquals(List.of("SG402 contracts/openapi.yaml:121:21"), located(found));
        assertTrue(validate("", "", "      bearerFormat: JWT\n", "").isEmpty(), "bearerFormat may be left out");
    }

    @Test
    void anEntityWithoutOwnershipStillHasItsBindingsChecked() throws IOException {
        // One pass shows every gap: the unbound filter is not held back until the ownership is chosen,
        // and the owner-to-be is not demanded from the request body meanwhile.
        List<Diagnostic> found = validate("    ownership:\n      owner_field: user_id\n", "", "", "");
        assertEquals(List.of("SG406 model.yaml:20:3"), located(found));
        found = validateTwice("    ownership:\n      owner_field: user_id\n", "", "    filters: [completed]\n", "");
        assertEquals(List.of("SG214 contracts/openapi.yaml:16:11", "SG406 model.yaml:20:3"), located(found));
    }

    @Test
    void aRequiredEnvelopeMemberNothingFillsIsReportedAtItsRequiredEntry() throws IOException {
        Path assistant = Path.of("examples/assistant");
        Files.createDirectories(dir.resolve("contracts"));
        Files.copy(assistant.resolve("contracts/openapi.yaml"), dir.resolve("contracts/openapi.yaml"));
        String model = Files.readString(assistant.resolve("model.yaml"));
        String binding = "    response: {rows: conversations, total: total}\n";
        assertTrue(model.contains(binding));
        Files.writeString(dir.resolve("model.yaml"), model.replace(binding, "    response: {rows: conversations}\n"));
        List<Diagnostic> found = new Pipeline().validate(SpecPaths.locate(dir, null, null), false).diagnostics()
                .sorted().stream().filter(d -> d.rule().id().equals("SG608")).toList();
        // required: [conversations, total] on line 89: the finding points at 'total', not at the schema.
        assertEquals(List.of("SG608 contracts/openapi.yaml:89:43"), located(found));
    }

    @Test
    void anErrorThatReusesARowSchemaIsOneBlockerAtItsSchema() throws IOException {
        List<Diagnostic> found = validate("", "", "No such task for this user.\n      content:\n        application/json:\n"
                + "          schema: {$ref: '#/components/schemas/Error'}", "No such task for this user.\n      content:\n"
                + "        application/json:\n          schema: {$ref: '#/components/schemas/Task'}");
        // Not one per member of Task with advice to fill them: the schema is the mistake.
        assertEquals(List.of("SG218 contracts/openapi.yaml:139:19"), located(found));
        assertTrue(found.get(0).required().startsWith("an error schema of its own for 404"), found.get(0).message());
    }

    private List<Diagnostic> validateTwice(String text, String with, String text2, String with2) throws IOException {
        Files.createDirectories(dir.resolve("contracts"));
        Files.copy(TODO.resolve("contracts/openapi.yaml"), dir.resolve("contracts/openapi.yaml"),
                java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        String model = Files.readString(TODO.resolve("model.yaml"));
        assertTrue(model.contains(text) && model.contains(text2), text + text2);
        Files.writeString(dir.resolve("model.yaml"), model.replace(text, with).replace(text2, with2));
        return new Pipeline().validate(SpecPaths.locate(dir, null, null), false).diagnostics().sorted();
    }

    private List<String> located(List<Diagnostic> found) {
        return found.stream().map(d -> d.rule().id() + " " + relative(d.file()) + ":"
                + d.mark().line() + ":" + d.mark().column()).toList();
    }

    private String relative(Path file) {
        Path path = file.isAbsolute() ? dir.toAbsolutePath().relativize(file) : file;
        return path.toString().replace('\\', '/');
    }

    private List<Diagnostic> validate(String text, String with) throws IOException {
        return validate(text, with, "", "");
    }

    private List<Diagnostic> validate(String text, String with, String contractText, String contractWith)
            throws IOException {
        Files.createDirectories(dir.resolve("contracts"));
        String contract = Files.readString(TODO.resolve("contracts/openapi.yaml"));
        int at = contract.indexOf(contractText);
        assertTrue(at >= 0, contractText);
        Files.writeString(dir.resolve("contracts/openapi.yaml"), contractText.isEmpty() ? contract
                : contract.substring(0, at) + contractWith + contract.substring(at + contractText.length()));
        String model = Files.readString(TODO.resolve("model.yaml"));
        assertTrue(model.contains(text), text);
        Files.writeString(dir.resolve("model.yaml"), model.replace(text, with));
        return new Pipeline().validate(SpecPaths.locate(dir, null, null), false).diagnostics().sorted();
    }
}
