package dev.specgen;

import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.specgen.diagnostics.Diagnostics;
import dev.specgen.load.JsonTrees;
import dev.specgen.load.SpecPaths;
import dev.specgen.load.YamlLoader;
import dev.specgen.pipeline.Pipeline;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * Takes each example and removes, one at a time, every element the generator relies on (response
 * schemas, property types, security, ownership, bindings, path bindings, list options, keys...).
 * Every removal must be blocked: specgen never fills a gap by guessing.
 */
class MutationTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final List<String> EXAMPLES = List.of("todo", "projects", "library");

    @TempDir
    Path temp;

    @TestFactory
    Stream<DynamicTest> everyRemovalOfARequiredElementIsBlocked() throws IOException {
        List<DynamicTest> tests = new ArrayList<>();
        for (String example : EXAMPLES) {
            JsonNode model = load(Path.of("examples", example, "model.yaml"));
            JsonNode contract = load(Path.of("examples", example, "contracts/openapi.yaml"));
            for (String pointer : contractRemovals(contract)) {
                tests.add(test(example, "contract", pointer, model, without(contract, pointer)));
            }
            for (String pointer : modelRemovals(model)) {
                tests.add(test(example, "model", pointer, without(model, pointer), contract));
            }
        }
        assertTrue(tests.size() > 100, "the mutation set looks too small: " + tests.size());
        return tests.stream();
    }

    private DynamicTest test(String example, String side, String pointer, JsonNode model, JsonNode contract) {
        return DynamicTest.dynamicTest(example + " " + side + " without " + pointer, () -> {
            Path dir = Files.createTempDirectory(temp, example);
            Files.createDirectories(dir.resolve("contracts"));
            Files.writeString(dir.resolve("model.yaml"), JSON.writeValueAsString(model), StandardCharsets.UTF_8);
            Files.writeString(dir.resolve("contracts/openapi.yaml"), JSON.writeValueAsString(contract),
                    StandardCharsets.UTF_8);
            Pipeline.Result result = new Pipeline().run(SpecPaths.locate(dir, null, null), false);
            assertTrue(result.blocked(), "removing " + pointer + " from the " + side + " of " + example
                    + " was generated silently");
        });
    }

    /** The scheme names of each alternative of a security requirement, without their scopes. */
    private static List<Set<String>> schemes(JsonNode security) {
        List<Set<String>> names = new ArrayList<>();
        security.forEach(requirement -> {
            Set<String> alternative = new LinkedHashSet<>();
            requirement.fieldNames().forEachRemaining(alternative::add);
            names.add(alternative);
        });
        return names;
    }

    static List<String> contractRemovals(JsonNode contract) {
        Set<String> pointers = new LinkedHashSet<>();
        if (contract.has("security")) {
            pointers.add("/security");
        }
        pointers.add("/components/securitySchemes");
        Set<String> relied = new LinkedHashSet<>();
        for (Iterator<Map.Entry<String, JsonNode>> paths = contract.path("paths").fields(); paths.hasNext();) {
            Map.Entry<String, JsonNode> path = paths.next();
            String base = "/paths/" + token(path.getKey());
            collectPathParams(path.getValue(), base, pointers);
            for (Iterator<Map.Entry<String, JsonNode>> ops = path.getValue().fields(); ops.hasNext();) {
                Map.Entry<String, JsonNode> op = ops.next();
                if (!op.getValue().has("responses")) {
                    continue;
                }
                String at = base + "/" + op.getKey();
                pointers.add(at + "/operationId");
                // An operation's own security that only adds scopes to the document's schemes is not a gap
                // when removed: the operation is then served with a token and no scope, a valid contract.
                if (op.getValue().has("security") && !schemes(op.getValue().path("security"))
                        .equals(schemes(contract.path("security")))) {
                    pointers.add(at + "/security");
                }
                if (op.getValue().has("requestBody")) {
                    pointers.add(at + "/requestBody");
                    collectRefs(op.getValue().path("requestBody"), relied);
                }
                collectPathParams(op.getValue(), at, pointers);
                for (Iterator<Map.Entry<String, JsonNode>> responses = op.getValue().path("responses").fields();
                        responses.hasNext();) {
                    Map.Entry<String, JsonNode> response = responses.next();
                    if (response.getKey().startsWith("2") && response.getValue().has("content")) {
                        pointers.add(at + "/responses/" + response.getKey() + "/content");
                        collectRefs(response.getValue(), relied);
                    }
                }
            }
        }
        // Follow references one level at a time until every relied-on schema is known.
        Set<String> seen = new LinkedHashSet<>();
        while (!relied.isEmpty()) {
            String ref = relied.iterator().next();
            relied.remove(ref);
            if (!seen.add(ref)) {
                continue;
            }
            JsonNode schema = contract.at(ref.substring(1));
            collectRefs(schema, relied);
            propertyTypes(schema, ref.substring(1), pointers);
        }
        return List.copyOf(pointers);
    }

    private static void propertyTypes(JsonNode schema, String at, Set<String> pointers) {
        for (Iterator<Map.Entry<String, JsonNode>> props = schema.path("properties").fields(); props.hasNext();) {
            Map.Entry<String, JsonNode> prop = props.next();
            String pointer = at + "/properties/" + token(prop.getKey());
            if (prop.getValue().has("type")) {
                pointers.add(pointer + "/type");
            }
            propertyTypes(prop.getValue(), pointer, pointers);
            if (prop.getValue().path("items").has("properties")) {
                propertyTypes(prop.getValue().path("items"), pointer + "/items", pointers);
            }
        }
    }

    private static void collectPathParams(JsonNode holder, String at, Set<String> pointers) {
        JsonNode params = holder.path("parameters");
        for (int i = 0; i < params.size(); i++) {
            if ("path".equals(params.get(i).path("in").asText()) || params.get(i).has("$ref")) {
                pointers.add(at + "/parameters/" + i);
            }
        }
    }

    private static void collectRefs(JsonNode node, Set<String> into) {
        if (node.isObject()) {
            if (node.has("$ref") && node.get("$ref").asText().startsWith("#/components/schemas/")) {
                into.add(node.get("$ref").asText());
            }
            node.elements().forEachRemaining(child -> collectRefs(child, into));
        } else if (node.isArray()) {
            node.elements().forEachRemaining(child -> collectRefs(child, into));
        }
    }

    static List<String> modelRemovals(JsonNode model) {
        List<String> pointers = new ArrayList<>(List.of("/auth", "/auth/user_id"));
        for (Iterator<Map.Entry<String, JsonNode>> entities = model.path("entities").fields(); entities.hasNext();) {
            Map.Entry<String, JsonNode> entity = entities.next();
            String at = "/entities/" + token(entity.getKey());
            pointers.add(at + "/ownership");
            JsonNode via = entity.getValue().path("ownership").path("via");
            for (Iterator<Map.Entry<String, JsonNode>> fields = entity.getValue().path("fields").fields();
                    fields.hasNext();) {
                Map.Entry<String, JsonNode> field = fields.next();
                String fieldAt = at + "/fields/" + token(field.getKey());
                pointers.add(fieldAt + "/type");
                if (field.getValue().path("primary_key").asBoolean()) {
                    pointers.add(fieldAt + "/primary_key");
                }
                if (field.getKey().equals(via.asText()) && field.getValue().has("foreign_key")) {
                    pointers.add(fieldAt + "/foreign_key");
                }
            }
        }
        for (Iterator<Map.Entry<String, JsonNode>> ops = model.path("operations").fields(); ops.hasNext();) {
            Map.Entry<String, JsonNode> op = ops.next();
            String at = "/operations/" + token(op.getKey());
            pointers.add(at);
            op.getValue().path("path").fieldNames().forEachRemaining(p -> pointers.add(at + "/path/" + token(p)));
            for (String option : List.of("page", "filters", "sort", "auth")) {
                if (op.getValue().has(option)) {
                    pointers.add(at + "/" + option);
                }
            }
        }
        return pointers;
    }

    /** A deep copy of the tree with the node at the pointer removed. */
    static JsonNode without(JsonNode root, String pointer) {
        JsonNode copy = root.deepCopy();
        int slash = pointer.lastIndexOf('/');
        JsonNode parent = copy.at(pointer.substring(0, slash));
        String last = pointer.substring(slash + 1).replace("~1", "/").replace("~0", "~");
        if (parent instanceof ObjectNode object) {
            assertTrue(object.has(last), "no " + pointer);
            object.remove(last);
        } else if (parent instanceof ArrayNode array) {
            array.remove(Integer.parseInt(last));
        } else {
            throw new AssertionError("no parent for " + pointer);
        }
        return copy;
    }

    private static String token(String key) {
        return YamlLoader.pointerToken(key);
    }

    static JsonNode load(Path path) {
        Diagnostics diagnostics = new Diagnostics();
        YamlLoader loader = new YamlLoader();
        return JsonTrees.toJson(loader.parse(loader.read(path, path, diagnostics).orElseThrow(), diagnostics)
                .orElseThrow());
    }
}
