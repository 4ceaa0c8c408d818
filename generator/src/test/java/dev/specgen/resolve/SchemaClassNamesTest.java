package dev.specgen.resolve;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.specgen.diagnostics.Diagnostics;
import dev.specgen.load.JsonTrees;
import dev.specgen.load.SpecPaths;
import dev.specgen.load.YamlLoader;
import dev.specgen.pipeline.Pipeline;
import dev.specgen.render.GeneratedFile;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The request and response classes carry the contract's schema names, or fall back as documented. */
class SchemaClassNamesTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Path EXAMPLE = Path.of("examples", "taskboard");

    @TempDir
    Path temp;

    @Test
    void theContractsNamesAreTheClasses() throws IOException {
        String schemas = schemas(contract -> { });
        assertEquals("Task, TaskCreate, TaskUpdate", exports(schemas));
        assertTrue(schemas.contains("class Task(TaskBase):"), schemas);
    }

    @Test
    void aRenamedComponentRenamesTheClass() throws IOException {
        String schemas = schemas(contract -> rename(contract, "TaskCreate", "new-task"));
        assertEquals("NewTask, Task, TaskUpdate", exports(schemas));
    }

    @Test
    void anInlineBodyKeepsTheDerivedName() throws IOException {
        String schemas = schemas(contract -> {
            ObjectNode put = (ObjectNode) contract.at("/paths/~1api~1{user_id}~1tasks~1{id}/put/requestBody/content"
                    + "/application~1json");
            put.set("schema", contract.at("/components/schemas/TaskUpdate").deepCopy());
            rename(contract, "TaskUpdate", "Unused");
        });
        assertEquals("Task, TaskCreate, TaskUpdate", exports(schemas));
    }

    @Test
    void aNameTheModuleImportsOrDefinesFallsBack() throws IOException {
        assertEquals("Task, TaskCreate, TaskUpdate", exports(schemas(contract -> rename(contract, "TaskUpdate",
                "Field"))));
        assertEquals("Task, TaskCreate, TaskUpdate", exports(schemas(contract -> rename(contract, "TaskUpdate",
                "TaskBase"))));
    }

    @Test
    void operationsThatNameDifferentSchemasShareTheDerivedName() throws IOException {
        String schemas = schemas(contract -> {
            ObjectNode components = (ObjectNode) contract.at("/components/schemas");
            components.set("TaskCopy", components.get("Task").deepCopy());
            ((ObjectNode) contract.at("/paths/~1api~1{user_id}~1tasks/get/responses/200/content/application~1json"
                    + "/schema/items")).put("$ref", "#/components/schemas/TaskCopy");
        });
        assertEquals("TaskCreate, TaskPublic, TaskUpdate", exports(schemas));
    }

    @Test
    void aDerivedNameTheContractTookGetsANumber() throws IOException {
        // The create body is named TaskUpdate; the update body's derived name is then taken.
        String schemas = schemas(contract -> {
            rename(contract, "TaskUpdate", "Patch");
            rename(contract, "TaskCreate", "TaskUpdate");
        });
        assertEquals("Patch, Task, TaskUpdate", exports(schemas));
        schemas = schemas(contract -> {
            ObjectNode put = (ObjectNode) contract.at("/paths/~1api~1{user_id}~1tasks~1{id}/put/requestBody/content"
                    + "/application~1json");
            put.set("schema", contract.at("/components/schemas/TaskUpdate").deepCopy());
            rename(contract, "TaskUpdate", "Unused");
            rename(contract, "TaskCreate", "TaskUpdate");
        });
        assertEquals("Task, TaskUpdate, TaskUpdate2", exports(schemas));
        assertFalse(schemas.contains("class TaskCreate"), schemas);
    }

    /** Renames a component and every $ref to it. */
    private static void rename(JsonNode contract, String from, String to) {
        ObjectNode components = (ObjectNode) contract.at("/components/schemas");
        components.set(to, components.remove(from));
        replaceRefs(contract, "#/components/schemas/" + from, "#/components/schemas/" + to);
    }

    private static void replaceRefs(JsonNode node, String from, String to) {
        if (node instanceof ObjectNode object && object.has("$ref") && object.get("$ref").asText().equals(from)) {
            object.put("$ref", to);
        }
        node.forEach(child -> replaceRefs(child, from, to));
    }

    @Test
    void aHandwrittenClassNeverShadowsATableOrAnImport() throws IOException {
        // chat answers the contract's Conversation: the table Conversation is what app/handwritten.py imports.
        String module = generated(Path.of("examples", "assistant"), "app/handwritten.py", contract -> {
            ObjectNode json = (ObjectNode) contract.at("/paths/~1api~1{user_id}~1chat/post/responses/200/content"
                    + "/application~1json");
            json.putObject("schema").put("$ref", "#/components/schemas/Conversation");
        });
        assertTrue(module.contains("from app.models import Conversation\n"), module);
        assertTrue(module.contains("class ChatResponse(BaseModel):"), module);
        assertFalse(module.contains("class Conversation("), module);
    }

    private String schemas(Consumer<JsonNode> change) throws IOException {
        return generated(EXAMPLE, "app/schemas/", change);
    }

    private String generated(Path example, String prefix, Consumer<JsonNode> change) throws IOException {
        Path source = example.resolve("contracts/openapi.yaml");
        Diagnostics read = new Diagnostics();
        YamlLoader loader = new YamlLoader();
        JsonNode contract = JsonTrees.toJson(loader.parse(loader.read(source, source, read).orElseThrow(), read)
                .orElseThrow());
        change.accept(contract);
        Path dir = Files.createTempDirectory(temp, "names");
        Files.createDirectories(dir.resolve("contracts"));
        Files.copy(example.resolve("model.yaml"), dir.resolve("model.yaml"));
        Files.writeString(dir.resolve("contracts/openapi.yaml"), JSON.writeValueAsString(contract),
                StandardCharsets.UTF_8);
        Pipeline.Result result = new Pipeline().run(SpecPaths.locate(dir, null, null), false);
        assertFalse(result.blocked(), () -> result.diagnostics().toString());
        StringBuilder out = new StringBuilder();
        for (GeneratedFile file : result.files().orElseThrow()) {
            if (file.path().startsWith(prefix)) {
                out.append(file.content());
            }
        }
        return out.toString();
    }

    private static String exports(String schemas) {
        // One name per line, each with a trailing comma: "from app.schemas.task import (\n    A,\n    B,\n)".
        Matcher m = Pattern.compile("from app\\.schemas\\.task import \\(\\n((?:    \\w+,\\n)+)\\)").matcher(schemas);
        assertTrue(m.find(), schemas);
        return String.join(", ", m.group(1).strip().replace(",", "").split("\\s+"));
    }
}
