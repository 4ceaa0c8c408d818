package dev.specgen;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.specgen.diagnostics.Diagnostic;
import dev.specgen.load.SpecPaths;
import dev.specgen.pipeline.Pipeline;
import dev.specgen.render.GeneratedFile;
import dev.specgen.resolve.Names;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Regressions of the Trust issue that validate or generate can show: specs that used to generate a
 * backend that breaks are now blocked with a located reason, or generate code that holds. The
 * backends themselves are exercised by proptest/regressions/, whose specs these tests start from.
 */
class TrustRulesTest {
    private static final Path NAMES = Path.of("proptest/regressions/names-and-documents");
    private static final Path PARENTS = Path.of("proptest/regressions/parents-and-seeding");

    @TempDir
    Path dir;

    @Test
    void theRegressionSpecsAreComplete() throws IOException {
        for (Path spec : List.of(NAMES, PARENTS)) {
            copy(spec, "", "", "", "");
            assertEquals(List.of(), blockers(run()), spec.toString());
        }
        // Every kept seed still validates: a new rule must not silently turn the regression leg into a no-op.
        try (var dirs = java.nio.file.Files.list(Path.of("proptest/regressions"))) {
            for (Path spec : dirs.filter(java.nio.file.Files::isDirectory).sorted().toList()) {
                dev.specgen.pipeline.Pipeline.Result result = new dev.specgen.pipeline.Pipeline().validate(
                        dev.specgen.load.SpecPaths.locate(spec, null, null), false);
                assertFalse(result.blocked(), () -> spec + ": " + result.diagnostics().sorted());
            }
        }
    }

    @Test
    void aFieldNamedAfterATypeGetsASafeAttributeAndKeepsItsColumn() throws IOException {
        copy(NAMES, "", "", "", "");
        String model = file(run(), "app/models/entry.py");
        assertTrue(model.contains("date_: date = Field(\n        sa_column_kwargs={\"name\": \"date\"},\n    )"), model);
        assertTrue(model.contains("str_: str = Field(\n        max_length=40,\n        sa_column_kwargs={\"name\": \"str\"},\n"
                + "    )"), model);
        assertTrue(model.contains("f_hidden: str | None = Field(\n        default=None,\n        min_length=0,\n"
                + "        sa_column_kwargs={\"name\": \"_hidden\"},\n    )"), model);
    }

    @Test
    void anArrayIsAListColumnTypedByItsItems() throws IOException {
        copy(NAMES, "", "", "", "");
        String model = file(run(), "app/models/entry.py");
        assertTrue(model.contains("tags: list[Annotated[str, StringConstraints(max_length=20)]] = Field(\n"
                + "        default_factory=lambda: [],\n        sa_type=JSON,\n    )"), model);
        assertTrue(model.contains("scores: list[Annotated[StrictInt, Field(ge=0, le=10)]] = Field(\n"
                + "        default_factory=lambda: [1, 2],\n        max_length=3,\n        sa_type=JSON,\n    )"), model);
        assertTrue(model.contains("json_: Annotated[dict[str, Any], AfterValidator(finite_json)] = Field(\n"
                + "        default_factory=lambda: {},\n        sa_type=JSON,\n"
                + "        sa_column_kwargs={\"name\": \"json\"},\n    )"), model);
    }

    @Test
    void aJsonDefaultMustBeAMapping() throws IOException {
        copy(NAMES, "json: {type: json, default: {}}", "json: {type: json, default: []}", "", "");
        assertBlocked("SG304", "json: {type: json, default: []}", "[]}", "Entry.json is a list");
    }

    @Test
    void anArrayDefaultHoldsValidItems() throws IOException {
        copy(NAMES, "default: [1, 2]", "default: [1, 20]", "", "");
        assertBlocked("SG304", "        default: [1, 20]", "[1, 20]", "above maximum 10");
    }

    @Test
    void aDecimalDefaultIsWrittenWithTheFieldsScale() throws IOException {
        // Decimal("0") has one whole digit for pydantic, which NUMERIC(3, 3) does not allow; "0.000" fits.
        copy(NAMES, "amount: {type: decimal, precision: 3, scale: 3, nullable: true}",
                "amount: {type: decimal, precision: 3, scale: 3, nullable: true, default: 0}", "", "");
        String model = file(run(), "app/models/entry.py");
        assertTrue(model.contains("default=decimal.Decimal(\"0.000\")"), model);
    }

    @Test
    void aDecimalDefaultMustFitPrecisionAndScale() throws IOException {
        copy(NAMES, "amount: {type: decimal, precision: 3, scale: 3, nullable: true}",
                "amount: {type: decimal, precision: 3, scale: 3, nullable: true, default: 1}", "", "");
        assertBlocked("SG304", "amount: {type: decimal", "1}", "does not fit precision 3 and scale 3");
    }

    @Test
    void aReadOnlyFieldNoCreateCanFillIsBlocked() throws IOException {
        copy(NAMES, "      amount:", "      stamp: {type: date, read_only: true}\n      amount:", "", "");
        assertBlocked("SG304", "      stamp: {type: date, read_only: true}", "true}", "could never fill it");
    }

    @Test
    void filtersOnDocumentsAreBlocked() throws IOException {
        copy(NAMES, "filters: [date, class, str]", "filters: [date, class, tags]",
                "        - {name: str, in: query, schema: {type: string}}",
                "        - {name: tags, in: query, schema: {type: array, items: {type: string}}}");
        assertBlocked("SG501", "    filters: [date, class, tags]", "tags]", "no equality to filter by");
    }

    @Test
    void arrayItemsMustAgreeWithTheContract() throws IOException {
        copy(NAMES, "", "", "        tags: {type: array, items: {type: string, maxLength: 20}}\n        json:",
                "        tags: {type: array, items: {type: string, maxLength: 30}}\n        json:");
        List<Diagnostic> found = blockers(run());
        assertEquals(1, found.size(), found::toString);
        assertEquals("SG605", found.get(0).rule().id());
        assertTrue(found.get(0).reason().contains("the items of 'tags'"), found.get(0).reason());
    }

    @Test
    void anEntityNamedLikeAnImportedClassIsBlocked() throws IOException {
        copy(NAMES, "Entry", "Field", "", "");
        assertBlocked("SG306", "  Field:", "Field:", "would shadow");
    }

    @Test
    void aListUnderASharedParentMustDeclareItsNotFound() throws IOException {
        copy(PARENTS, "", "", "      summary: The caller's shelves in a catalog\n      responses:\n        '200':\n"
                + "          description: Shelves.\n          content: {application/json: {schema: {type: array,"
                + " items: {$ref: '#/components/schemas/Shelf'}}}}\n        '401': {$ref: '#/components/responses/"
                + "Unauthorized'}\n        '404': {$ref: '#/components/responses/NotFound'}\n",
                "      summary: The caller's shelves in a catalog\n      responses:\n        '200':\n"
                + "          description: Shelves.\n          content: {application/json: {schema: {type: array,"
                + " items: {$ref: '#/components/schemas/Shelf'}}}}\n        '401': {$ref: '#/components/responses/"
                + "Unauthorized'}\n");
        List<Diagnostic> found = blockers(run());
        assertEquals(1, found.size(), found::toString);
        assertEquals("SG215", found.get(0).rule().id());
        assertTrue(found.get(0).reason().contains("listCatalogShelves") && found.get(0).reason().contains("404"));
    }

    @Test
    void anEnumClassStepsAsideForAnotherClass() {
        assertEquals("TaskPageEnum", Names.enumClassName("Task", "page", List.of("Task")));
        assertEquals("TaskStatusEnum", Names.enumClassName("Task", "status", List.of("Task", "TaskStatus")));
        assertEquals("TaskStatus", Names.enumClassName("Task", "status", List.of("Task")));
    }

    /** Copies a spec, replacing one text in the model and one in the contract (each exactly once). */
    private void copy(Path spec, String modelText, String modelWith, String contractText, String contractWith)
            throws IOException {
        Files.createDirectories(dir.resolve("contracts"));
        Files.writeString(dir.resolve("model.yaml"), replaceOnce(Files.readString(spec.resolve("model.yaml")),
                modelText, modelWith), StandardCharsets.UTF_8);
        Files.writeString(dir.resolve("contracts/openapi.yaml"), replaceOnce(Files.readString(
                spec.resolve("contracts/openapi.yaml")), contractText, contractWith), StandardCharsets.UTF_8);
    }

    private static String replaceOnce(String text, String what, String with) {
        if (what.isEmpty()) {
            return text;
        }
        assertTrue(text.contains(what), "the spec no longer contains: " + what);
        if (what.equals("Entry")) {
            return text.replace("  Entry:\n", "  Field:\n").replace("entity: Entry", "entity: Field");
        }
        assertEquals(text.indexOf(what), text.lastIndexOf(what), "more than once: " + what);
        return text.replace(what, with);
    }

    private Pipeline.Result run() {
        return new Pipeline().run(SpecPaths.locate(dir, null, null), false);
    }

    private static String file(Pipeline.Result result, String path) {
        assertTrue(result.files().isPresent(), () -> result.diagnostics().sorted().toString());
        return result.files().get().stream().filter(f -> f.path().equals(path)).map(GeneratedFile::content)
                .findFirst().orElseThrow(() -> new AssertionError("no " + path));
    }

    /** Exactly one blocker of the rule, on the line that holds {@code line}, at the column of {@code at}. */
    private void assertBlocked(String rule, String line, String at, String reason) throws IOException {
        List<Diagnostic> found = blockers(run());
        assertEquals(1, found.size(), found::toString);
        Diagnostic blocker = found.get(0);
        assertEquals(rule, blocker.rule().id(), blocker::toString);
        List<String> lines = Files.readAllLines(dir.resolve("model.yaml"));
        int index = -1;
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).contains(line)) {
                index = i;
            }
        }
        assertEquals(index + 1, blocker.mark().line(), blocker::toString);
        assertEquals(lines.get(index).indexOf(at, lines.get(index).indexOf(line) < 0 ? 0
                : lines.get(index).indexOf(line)) + 1, blocker.mark().column(), blocker::toString);
        assertTrue(blocker.reason().contains(reason), blocker.reason());
    }

    /** The findings that block: these specs are about blockers, and SG309's advice is beside the point. */
    private static List<Diagnostic> blockers(dev.specgen.pipeline.Pipeline.Result result) {
        return result.diagnostics().sorted().stream()
                .filter(d -> d.severity() == dev.specgen.diagnostics.Severity.ERROR).toList();
    }
}
