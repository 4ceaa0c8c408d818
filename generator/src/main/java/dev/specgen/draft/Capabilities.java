package dev.specgen.draft;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.specgen.validate.ModelSchemaCheck;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Set;
import java.util.TreeSet;

/**
 * What this specgen's model.yaml can say, read from the schema it validates with: the actions and the
 * keys of a binding, a page and an entity. The draft writes a key only when the schema accepts it, so
 * a feature the schema gains (response envelopes, me, aggregate) turns a commented-out placeholder into
 * a live binding without a change here.
 */
record Capabilities(Set<String> actions, Set<String> operationKeys, Set<String> pageKeys, Set<String> entityKeys) {

    static Capabilities packaged() {
        try (InputStream in = Capabilities.class.getResourceAsStream(ModelSchemaCheck.SCHEMA_RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("the packaged model schema is missing: "
                        + ModelSchemaCheck.SCHEMA_RESOURCE);
            }
            return of(new ObjectMapper().readTree(in));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Capabilities of(JsonNode schema) {
        JsonNode defs = schema.path("$defs");
        JsonNode operation = defs.path("operation").path("properties");
        Set<String> actions = new TreeSet<>();
        operation.path("action").path("enum").forEach(a -> actions.add(a.asText()));
        return new Capabilities(Set.copyOf(actions), names(operation), names(defs.path("page").path("properties")),
                names(defs.path("entity").path("properties")));
    }

    private static Set<String> names(JsonNode properties) {
        Set<String> names = new TreeSet<>();
        properties.fieldNames().forEachRemaining(names::add);
        return Set.copyOf(names);
    }

    boolean action(String name) {
        return actions.contains(name);
    }

    boolean bindingKey(String name) {
        return operationKeys.contains(name);
    }
}
