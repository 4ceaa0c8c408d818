package dev.specgen.validate;

import com.networknt.schema.Error;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SchemaRegistryConfig;
import com.networknt.schema.SpecificationVersion;
import com.networknt.schema.path.PathType;
import dev.specgen.diagnostics.Diagnostics;
import dev.specgen.diagnostics.Rule;
import dev.specgen.load.JsonTrees;
import dev.specgen.load.Mark;
import dev.specgen.load.YMap;
import dev.specgen.load.YNode;
import dev.specgen.load.YamlLoader;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Checks model.yaml against the published JSON Schema (specs-schema/model.schema.json). */
public final class ModelSchemaCheck {
    public static final String SCHEMA_RESOURCE = "/specs-schema/model.schema.json";

    /** Built once per process: creating the registry is the expensive part. */
    private static volatile Schema schema;

    /**
     * Reports every schema error, and returns the parts of the model they make unusable; the rest is
     * checked further. When even the rest does not follow the schema (a case the widening did not
     * foresee), the whole model counts as unusable rather than risk a check reading a broken shape.
     */
    public ModelGaps check(YMap model, Diagnostics diagnostics) {
        List<Error> errors = schema().validate(JsonTrees.toJson(model));
        if (errors.isEmpty()) {
            return ModelGaps.none(model);
        }
        Map<String, YNode> index = JsonTrees.index(model);
        java.util.Set<String> badNames = new java.util.HashSet<>();
        // Name errors first, so that the same key is not also reported as unknown.
        List<Error> ordered = new java.util.ArrayList<>(errors);
        ordered.sort(java.util.Comparator.comparing(e -> "propertyNames".equals(e.getKeyword()) ? 0 : 1));
        List<String> pointers = new java.util.ArrayList<>();
        List<String> unknownKeys = new java.util.ArrayList<>();
        for (Error error : ordered) {
            report(error, model, index, diagnostics, badNames);
            String pointer = error.getInstanceLocation().toString();
            String property = error.getProperty();
            String child = property == null ? pointer : pointer + "/" + YamlLoader.pointerToken(property);
            switch (String.valueOf(error.getKeyword())) {
                case "additionalProperties" -> unknownKeys.add(child);
                case "propertyNames" -> pointers.add(child);
                case "required" -> {
                    if (!ownershipMissing(error)) {
                        pointers.add(child);
                    }
                }
                default -> pointers.add(pointer);
            }
        }
        ModelGaps gaps = ModelGaps.of(model, pointers, unknownKeys);
        if (!gaps.modelUnusable() && !schema().validate(JsonTrees.toJson(gaps.soundPart())).stream()
                .allMatch(ModelSchemaCheck::ownershipMissing)) {
            return ModelGaps.of(model, List.of(""), List.of());
        }
        return gaps;
    }

    /**
     * An entity without ownership (SG406) stays in the later checks, which read it as neither owned
     * nor shared: its bindings' own gaps then show on the same pass, not after the ownership is mended.
     */
    private static boolean ownershipMissing(Error error) {
        return "required".equals(String.valueOf(error.getKeyword())) && "ownership".equals(error.getProperty())
                && error.getInstanceLocation().toString().matches("/entities/[^/]+");
    }

    private static void report(Error error, YMap model, Map<String, YNode> index, Diagnostics diagnostics,
            java.util.Set<String> badNames) {
        String pointer = error.getInstanceLocation().toString();
        YNode at = index.getOrDefault(pointer, model);
        String keyword = String.valueOf(error.getKeyword());
        String property = error.getProperty();
        String message = stripLocation(error.getMessage(), pointer);
        String where = pointer.isEmpty() ? "the top level" : pointer;
        if ("propertyNames".equals(keyword) && property != null && at instanceof YMap map && map.has(property)) {
            String child = pointer + "/" + YamlLoader.pointerToken(property);
            badNames.add(child);
            diagnostics.report(Rule.IDENTIFIER_INVALID, map.keyMark(property), child, "the name '" + property
                    + "' at " + where + " cannot become a Python or SQL identifier", kindOfName(pointer));
            return;
        }
        if ("additionalProperties".equals(keyword) && property != null && at instanceof YMap map && map.has(property)) {
            String child = pointer + "/" + YamlLoader.pointerToken(property);
            if (badNames.contains(child)) {
                return; // already reported as an invalid name
            }
            diagnostics.report(Rule.MODEL_SCHEMA, map.keyMark(property), child, "model.yaml has an unknown key '"
                    + property + "' at " + where, "one of the keys specs-schema/model.schema.json allows there");
            return;
        }
        if ("required".equals(keyword) && property != null) {
            Mark mark = keyMarkOf(at, pointer, index);
            if ("ownership".equals(property) && pointer.matches("/entities/[^/]+")) {
                diagnostics.report(Rule.OWNERSHIP_MISSING, mark, pointer, "entity " + lastToken(pointer)
                        + " says neither who owns it nor that it is shared", "ownership: {owner_field: FIELD},"
                        + " {via: FOREIGN_KEY_FIELD} or {shared: true}");
                return;
            }
            if ("values".equals(property) && pointer.matches("/entities/[^/]+/fields/[^/]+")) {
                diagnostics.report(Rule.MODEL_SCHEMA, mark, pointer, "enum field " + entityOf(pointer) + "."
                        + lastToken(pointer) + " lists no values", "values: [...] with the allowed values");
                return;
            }
            if ("type".equals(property) && pointer.matches("/entities/[^/]+/fields/[^/]+")) {
                diagnostics.report(Rule.FIELD_TYPE_MISSING, mark, pointer, "field " + lastToken(pointer)
                        + " has no type", "a type: " + FIELD_TYPES);
                return;
            }
            diagnostics.report(Rule.MODEL_SCHEMA, mark, pointer, "model.yaml at " + where + " lacks the required key '"
                    + property + "'", "add " + property + " at " + where);
            return;
        }
        if ("enum".equals(keyword) && pointer.matches("/entities/[^/]+/fields/[^/]+/type")) {
            String field = pointer.substring(0, pointer.length() - "/type".length());
            diagnostics.report(Rule.FIELD_TYPE_MISSING, at, "field " + entityOf(field) + "." + lastToken(field)
                    + " has type '" + text(at) + "', which is not a model.yaml type", "one of " + FIELD_TYPES);
            return;
        }
        diagnostics.report(Rule.MODEL_SCHEMA, at.mark(), pointer, "model.yaml at " + where + " breaks the schema ("
                + keyword + "): " + message, "make " + where + " follow specs-schema/model.schema.json");
    }

    private static final String FIELD_TYPES = java.util.Arrays.stream(dev.specgen.modeldoc.FieldType.values())
            .map(dev.specgen.modeldoc.FieldType::modelName).collect(java.util.stream.Collectors.joining(", "));

    private static String kindOfName(String parent) {
        if (parent.endsWith("/fields")) {
            return "a field name of lower-case letters, digits and underscores, starting with a letter or _";
        }
        if (parent.equals("/entities")) {
            return "an entity name in PascalCase (letters and digits, starting upper-case)";
        }
        return "a name of letters, digits and underscores";
    }

    /** Where a mapping's own key stands in its parent: the place a reader looks for "what is missing". */
    private static Mark keyMarkOf(YNode node, String pointer, Map<String, YNode> index) {
        int slash = pointer.lastIndexOf('/');
        if (slash >= 0 && index.get(pointer.substring(0, slash)) instanceof YMap parent) {
            return parent.keyMark(lastToken(pointer));
        }
        return node.mark();
    }

    private static String entityOf(String fieldPointer) {
        String entity = fieldPointer.substring("/entities/".length());
        return entity.substring(0, entity.indexOf('/')).replace("~1", "/").replace("~0", "~");
    }

    private static String lastToken(String pointer) {
        return pointer.substring(pointer.lastIndexOf('/') + 1).replace("~1", "/").replace("~0", "~");
    }

    private static String text(YNode node) {
        return node instanceof dev.specgen.load.YScalar s ? s.text() : node.kindName();
    }

    private static String stripLocation(String message, String pointer) {
        String prefix = pointer + ": ";
        return message.startsWith(prefix) ? message.substring(prefix.length()) : message;
    }

    static Schema schema() {
        Schema local = schema;
        if (local == null) {
            synchronized (ModelSchemaCheck.class) {
                local = schema;
                if (local == null) {
                    schema = local = load();
                }
            }
        }
        return local;
    }

    private static Schema load() {
        SchemaRegistryConfig config = SchemaRegistryConfig.builder()
                .pathType(PathType.JSON_POINTER)
                .locale(Locale.ROOT)
                .formatAssertionsEnabled(true)
                .build();
        SchemaRegistry registry = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12,
                builder -> builder.schemaRegistryConfig(config));
        try (InputStream in = ModelSchemaCheck.class.getResourceAsStream(SCHEMA_RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("the packaged model schema is missing: " + SCHEMA_RESOURCE);
            }
            return registry.getSchema(new String(in.readAllBytes(), StandardCharsets.UTF_8), InputFormat.JSON);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
