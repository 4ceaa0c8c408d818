package dev.specgen;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.specgen.load.SpecPaths;
import dev.specgen.pipeline.Pipeline;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Contracts real teams write that conform, and that specgen once refused anyway. */
class NoFalsePositivesTest {
    @TempDir
    Path temp;

    private Path todoWith(String replace, String with) throws IOException {
        return exampleWith("todo", replace, with);
    }

    private Path exampleWith(String example, String replace, String with) throws IOException {
        Path source = Path.of("examples/" + example);
        try (Stream<Path> files = Files.walk(source)) {
            for (Path file : files.filter(Files::isRegularFile).filter(f -> !f.toString().contains("approved"))
                    .toList()) {
                Path target = temp.resolve(source.relativize(file).toString());
                Files.createDirectories(target.getParent());
                Files.copy(file, target);
            }
        }
        Path contract = temp.resolve("contracts/openapi.yaml");
        String text = Files.readString(contract, StandardCharsets.UTF_8);
        if (!text.contains(replace)) {
            throw new IllegalStateException("the " + example + " contract changed: " + replace);
        }
        Files.writeString(contract, text.replace(replace, with), StandardCharsets.UTF_8);
        return temp;
    }

    @Test
    void aResponsePropertyTheContractLeavesOptionalIsNoBlocker() throws IOException {
        // The server always sends it, which conforms: SG604 used to demand it be listed as required.
        Path spec = todoWith("      required: [id, title, description, completed, created_at, updated_at]\n",
                "      required: [id, title]\n");
        Pipeline.Result result = new Pipeline().validate(SpecPaths.locate(spec, null, null), false);
        assertFalse(result.blocked(), () -> result.diagnostics().sorted().toString());
    }

    private static final String GET_TASK_ERRORS = "              schema: {$ref: '#/components/schemas/Task'}\n"
            + "        '401': {$ref: '#/components/responses/Unauthorized'}\n"
            + "        '404': {$ref: '#/components/responses/NotFound'}\n"
            + "        '422': {$ref: '#/components/responses/ValidationError'}\n    patch:";

    private void assertNotBlocked(Path spec) {
        Pipeline.Result result = new Pipeline().validate(SpecPaths.locate(spec, null, null), false);
        assertFalse(result.blocked(), () -> result.diagnostics().sorted().toString());
    }

    @Test
    void anItemRouteWithAnIntegerKeyThatDeclares404ButNo422IsNoBlocker() throws IOException {
        // A malformed or out-of-range task_id names no row: it is answered with the declared 404.
        assertNotBlocked(todoWith(GET_TASK_ERRORS, GET_TASK_ERRORS.replace(
                "        '422': {$ref: '#/components/responses/ValidationError'}\n", "")));
    }

    @Test
    void aStatusRangeDeclaresEveryStatusInIt() throws IOException {
        // 4XX stands for the 404 of a missing row and the 422 of invalid input alike.
        assertNotBlocked(todoWith(GET_TASK_ERRORS, "              schema: {$ref: '#/components/schemas/Task'}\n"
                + "        '401': {$ref: '#/components/responses/Unauthorized'}\n"
                + "        4XX: {$ref: '#/components/responses/NotFound'}\n    patch:"));
    }

    @Test
    void anOptionalResponseMemberThatIsNotNullableOverANullableColumnIsNoBlocker() throws IOException {
        // The server leaves the member out when its value is null, which conforms.
        assertNotBlocked(todoWith("      required: [id, title, description, completed, created_at, updated_at]\n"
                + "      properties:\n        id: {type: integer}\n        title: {type: string, minLength: 1,"
                + " maxLength: 200}\n        description: {type: [string, 'null'], maxLength: 1000}\n",
                "      required: [id, title, completed, created_at, updated_at]\n"
                + "      properties:\n        id: {type: integer}\n        title: {type: string, minLength: 1,"
                + " maxLength: 200}\n        description: {type: string, maxLength: 1000}\n"));
    }

    private static final String TASK = "    Task:\n      type: object\n      additionalProperties: false\n"
            + "      required: [id, title, description, completed, created_at, updated_at]\n      properties:\n"
            + "        id: {type: integer}\n        title: {type: string, minLength: 1, maxLength: 200}\n"
            + "        description: {type: [string, 'null'], maxLength: 1000}\n        completed: {type: boolean}\n"
            + "        created_at: {type: string, format: date-time}\n"
            + "        updated_at: {type: string, format: date-time}\n";

    static final String TASK_AS_ALL_OF = "    Task:\n      allOf:\n        - $ref: '#/components/schemas/TaskFields'\n"
            + "        - type: object\n          required: [id, created_at, updated_at]\n          properties:\n"
            + "            id: {type: integer}\n            created_at: {type: string, format: date-time}\n"
            + "            updated_at: {type: string, format: date-time}\n"
            + "    TaskFields:\n      type: object\n      required: [title, description, completed]\n"
            + "      properties:\n        title: {type: string, minLength: 1, maxLength: 200}\n"
            + "        description: {type: [string, 'null'], maxLength: 1000}\n        completed: {type: boolean}\n";

    @Test
    void anAllOfOfObjectsIsMergedIntoTheOneObjectItDescribes() throws IOException {
        // A $ref to shared fields and an inline part with the server's own: one response shape.
        assertNotBlocked(todoWith(TASK, TASK_AS_ALL_OF));
    }

    @Test
    void anAllOfWhosePartsConflictStillBlocks() throws IOException {
        // additionalProperties: false in a part refuses the other part's properties: no value fits both.
        Path spec = todoWith(TASK, TASK_AS_ALL_OF.replace("    TaskFields:\n      type: object\n",
                "    TaskFields:\n      type: object\n      additionalProperties: false\n"));
        Pipeline.Result result = new Pipeline().validate(SpecPaths.locate(spec, null, null), false);
        assertTrue(result.blocked());
        assertTrue(result.diagnostics().sorted().stream().anyMatch(d -> d.message().contains("do not merge")),
                () -> result.diagnostics().sorted().toString());
    }

    @Test
    void aServerAssignedUuidAnsweredAsAPlainStringIsNoBlocker() throws IOException {
        // Every uuid is a string: a response member (and a path key, where a string that is no uuid
        // names no row) may say type: string without format: uuid.
        Path spec = exampleWith("library", "        id: {type: string, format: uuid}\n        title:",
                "        id: {type: string}\n        title:");
        String contract = Files.readString(spec.resolve("contracts/openapi.yaml"), StandardCharsets.UTF_8);
        Files.writeString(spec.resolve("contracts/openapi.yaml"), contract.replace(
                "{name: book_id, in: path, required: true, schema: {type: string, format: uuid}}",
                "{name: book_id, in: path, required: true, schema: {type: string}}"), StandardCharsets.UTF_8);
        assertNotBlocked(spec);
    }

    @Test
    void aReplaceBodyOfItsOwnThatRequiresAMemberWithADefaultIsNoBlocker() throws IOException {
        // PUT sends every field, so its own body may require completed: the default is for a create.
        Path spec = todoWith("            schema: {$ref: '#/components/schemas/TaskCreate'}\n      responses:\n"
                + "        '200':\n          description: The replaced task.",
                "            schema: {$ref: '#/components/schemas/TaskReplace'}\n      responses:\n"
                + "        '200':\n          description: The replaced task.");
        Path contract = spec.resolve("contracts/openapi.yaml");
        Files.writeString(contract, Files.readString(contract, StandardCharsets.UTF_8).replace("    TaskUpdate:\n",
                "    TaskReplace:\n      type: object\n      additionalProperties: false\n"
                + "      required: [title, completed]\n      properties:\n"
                + "        title: {type: string, minLength: 1, maxLength: 200}\n"
                + "        description: {type: [string, 'null'], maxLength: 1000}\n"
                + "        completed: {type: boolean}\n    TaskUpdate:\n"), StandardCharsets.UTF_8);
        assertNotBlocked(spec);
    }

    @Test
    void aPathUserIdThatIsNotTheCallerAnsweredByTheOnly401DeclaredIsNoBlocker() throws IOException {
        // listTasks declares 401 but neither 403 nor 404: a foreign path user id gets that 401.
        assertNotBlocked(todoWith("                items: {$ref: '#/components/schemas/Task'}\n"
                + "        '401': {$ref: '#/components/responses/Unauthorized'}\n"
                + "        '404': {$ref: '#/components/responses/NotFound'}\n",
                "                items: {$ref: '#/components/schemas/Task'}\n"
                + "        '401': {$ref: '#/components/responses/Unauthorized'}\n"));
    }

    private static final String EXPENSE_AMOUNT = "        id: {type: string, format: uuid}\n"
            + "        amount: {type: number, minimum: 0.01, maximum: 1000000, multipleOf: 0.01}\n"
            + "        currency: {type: string, enum: [EUR, USD, GBP, PKR, INR]}\n        spent_on:";

    @Test
    void aMoneyResponseMemberWithoutMultipleOfIsNoBlocker() throws IOException {
        // The server writes the column's scale: what it sends has two decimals whatever the contract says.
        assertNotBlocked(exampleWith("ledger", EXPENSE_AMOUNT, EXPENSE_AMOUNT.replace(", multipleOf: 0.01", "")));
    }

    @Test
    void aPlainStringResponseMemberOverAnEnumColumnIsNoBlocker() throws IOException {
        // Every value the column holds is a string.
        assertNotBlocked(exampleWith("ledger", EXPENSE_AMOUNT, EXPENSE_AMOUNT.replace(
                "currency: {type: string, enum: [EUR, USD, GBP, PKR, INR]}", "currency: {type: string}")));
    }

    @Test
    void aWriteEnumNarrowerThanTheColumnsIsNoBlocker() throws IOException {
        // The body accepts fewer values than the column holds (and the response lists them all).
        assertNotBlocked(exampleWith("ledger", "        currency: {type: string, enum: [EUR, USD, GBP, PKR, INR],"
                + " default: EUR}\n", "        currency: {type: string, enum: [EUR, USD], default: EUR}\n"));
    }

    @Test
    void aForbiddenOnOwnedRowsIsNoBlocker() throws IOException {
        // "403: not your task" over owned rows: another user's row answers 404 like a missing one, and
        // isolation holds in SQL, so SG410 (a 403 nothing can answer) is for shared rows only.
        assertNotBlocked(todoWith(GET_TASK_ERRORS, GET_TASK_ERRORS.replace("        '404'",
                "        '403': {$ref: '#/components/responses/Unauthorized'}\n        '404'")));
    }
}
