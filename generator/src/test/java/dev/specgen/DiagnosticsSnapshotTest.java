package dev.specgen;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.specgen.diagnostics.Diagnostic;
import dev.specgen.load.SpecPaths;
import dev.specgen.pipeline.Pipeline;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every finding, word for word and in order, for each example and for every removal {@link MutationTest}
 * makes, plus the removal of each operation binding's keys one at a time. A refactor of the checks
 * (moving an action's checks into its unit) must leave this file unchanged; an intended change to a
 * message is approved with -Dspecgen.approve=true and reviewed in the diff.
 */
class DiagnosticsSnapshotTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final List<String> EXAMPLES = List.of("todo", "projects", "library", "notes", "taskboard",
            "ledger", "assistant");
    private static final Path APPROVED = Path.of("generator/src/test/resources/diagnostics-snapshot.txt");

    @TempDir
    Path temp;

    @Test
    void everyFindingIsWordedAndOrderedAsApproved() throws IOException {
        StringBuilder out = new StringBuilder();
        for (String example : EXAMPLES) {
            JsonNode model = MutationTest.load(Path.of("examples", example, "model.yaml"));
            JsonNode contract = MutationTest.load(Path.of("examples", example, "contracts/openapi.yaml"));
            record(out, example, "as is", model, contract);
            for (String pointer : MutationTest.contractRemovals(contract)) {
                if (contract.at(pointer).isMissingNode()) {
                    continue; // an operation without an operationId, say
                }
                record(out, example, "contract without " + pointer, model, MutationTest.without(contract, pointer));
            }
            List<String> modelPointers = new ArrayList<>(MutationTest.modelRemovals(model));
            for (Iterator<Map.Entry<String, JsonNode>> ops = model.path("operations").fields(); ops.hasNext();) {
                Map.Entry<String, JsonNode> op = ops.next();
                String at = "/operations/" + op.getKey().replace("~", "~0").replace("/", "~1");
                for (Iterator<String> keys = op.getValue().fieldNames(); keys.hasNext();) {
                    String pointer = at + "/" + keys.next();
                    if (!modelPointers.contains(pointer)) {
                        modelPointers.add(pointer);
                    }
                }
            }
            for (String pointer : modelPointers) {
                if (model.at(pointer).isMissingNode()) {
                    continue;
                }
                record(out, example, "model without " + pointer, MutationTest.without(model, pointer), contract);
            }
        }
        String actual = out.toString();
        if (Boolean.getBoolean("specgen.approve")) {
            Files.writeString(APPROVED, actual, StandardCharsets.UTF_8);
        }
        String expected = Files.exists(APPROVED) ? Files.readString(APPROVED, StandardCharsets.UTF_8) : "";
        assertEquals(expected, actual, "findings changed: run mvn test -Dspecgen.approve=true"
                + " -Dtest=DiagnosticsSnapshotTest and review the diff of " + APPROVED);
    }

    private void record(StringBuilder out, String example, String change, JsonNode model, JsonNode contract)
            throws IOException {
        Path dir = Files.createTempDirectory(temp, example);
        Files.createDirectories(dir.resolve("contracts"));
        Files.writeString(dir.resolve("model.yaml"), JSON.writeValueAsString(model), StandardCharsets.UTF_8);
        Files.writeString(dir.resolve("contracts/openapi.yaml"), JSON.writeValueAsString(contract),
                StandardCharsets.UTF_8);
        Pipeline.Result result = new Pipeline().validate(SpecPaths.locate(dir, null, null), false);
        out.append("== ").append(example).append(": ").append(change).append('\n');
        for (Diagnostic d : result.diagnostics().sorted()) {
            String file = dir.relativize(d.file().toAbsolutePath()).toString();
            out.append(d.rule().id()).append(' ').append(file).append(':').append(d.mark().line()).append(':')
                    .append(d.mark().column()).append(' ').append(d.pointer()).append(' ').append(d.message())
                    .append('\n');
        }
    }
}
