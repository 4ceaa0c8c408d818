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

    public void check(YMap model, Diagnostics diagnostics) {
        List<Error> errors = schema().validate(JsonTrees.toJson(model));
        if (errors.isEmpty()) {
            return;
        }
        Map<String, YNode> index = JsonTrees.index(model);
        for (Error error : errors) {
            report(error, model, index, diagnostics);
        }
    }

    private static void report(Error error, YMap model, Map<String, YNode> index, Diagnostics diagnostics) {
        String pointer = error.getInstanceLocation().toString();
        YNode at = index.getOrDefault(pointer, model);
        String keyword = String.valueOf(error.getKeyword());
        String property = error.getProperty();
        Mark mark = at.mark();
        String reportedPointer = at.pointer();
        if (property != null && at instanceof YMap map && map.has(property)) {
            // An unexpected key: point at the key itself, not at the mapping holding it.
            mark = map.keyMark(property);
            reportedPointer = pointer + "/" + YamlLoader.pointerToken(property);
        }
        String where = reportedPointer.isEmpty() ? "the top level" : reportedPointer;
        String message = stripLocation(error.getMessage(), pointer);
        diagnostics.block(Rule.MODEL_SCHEMA, mark, reportedPointer,
                "model.yaml at " + where + " breaks the schema (" + keyword + "): " + message,
                "make " + where + " follow specs-schema/model.schema.json");
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
