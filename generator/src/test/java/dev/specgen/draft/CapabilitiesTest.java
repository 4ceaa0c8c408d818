package dev.specgen.draft;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.specgen.contract.Contract;
import dev.specgen.diagnostics.Diagnostics;
import dev.specgen.load.YamlLoader;
import dev.specgen.validate.ModelSchemaCheck;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The draft writes what the schema accepts: a key the schema gains turns a commented binding live. */
class CapabilitiesTest {
    private static final Path LEDGER = Path.of("generator/src/test/resources/draft/ledger");

    private static JsonNode schema() throws Exception {
        try (InputStream in = CapabilitiesTest.class.getResourceAsStream(ModelSchemaCheck.SCHEMA_RESOURCE)) {
            return new ObjectMapper().readTree(in);
        }
    }

    @Test
    void todaysSchemaBindsEnvelopedOperationsLive() throws Exception {
        String text = DraftExamplesTest.draft(LEDGER).text();
        assertTrue(text.contains("\n  listCategories:"), text);
        assertTrue(text.contains("    response: {rows: data}"), text);
    }

    @Test
    void aSchemaWithoutEnvelopesOrMeLeavesThoseOperationsCommented() throws Exception {
        JsonNode schema = schema();
        ObjectNode operation = (ObjectNode) schema.path("$defs").path("operation").path("properties");
        operation.remove("response");
        ArrayNode actions = (ArrayNode) operation.path("action").path("enum");
        for (int i = actions.size() - 1; i >= 0; i--) {
            if ("me".equals(actions.get(i).asText())) {
                actions.remove(i);
            }
        }
        Capabilities capabilities = Capabilities.of(schema);
        assertFalse(capabilities.bindingKey("response"));
        Draft draft = new Drafter(capabilities).draft(contract(), Optional.of(Files.readString(
                LEDGER.resolve("data-model.md"))), new Drafter.Sources("contracts/openapi.yaml",
                Optional.of("data-model.md"), "model.schema.json"));
        String text = draft.text();
        assertTrue(text.contains("\n  # listCategories:"), text);
        assertFalse(text.contains("\n  listCategories:"), text);
        assertTrue(text.contains("\n  # getProfile:"), text);
    }

    private static Contract contract() {
        Diagnostics diagnostics = new Diagnostics();
        YamlLoader yaml = new YamlLoader();
        Path file = LEDGER.resolve("contracts/openapi.yaml");
        return new Contract(yaml.read(file, file, diagnostics).flatMap(s -> yaml.parse(s, diagnostics)).orElseThrow());
    }
}
