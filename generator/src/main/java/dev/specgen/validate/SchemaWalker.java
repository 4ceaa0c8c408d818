package dev.specgen.validate;

import dev.specgen.contract.Contract;
import dev.specgen.load.YMap;
import dev.specgen.load.YNode;
import dev.specgen.load.YSeq;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/** Finds every schema object of a contract: components, parameters, bodies, responses, nested ones. */
final class SchemaWalker {
    private static final List<String> NESTED_ONE = List.of("items", "not", "additionalProperties");
    private static final List<String> NESTED_MANY = List.of("allOf", "anyOf", "oneOf");

    private final Contract contract;
    private final Map<YMap, Boolean> seen = new IdentityHashMap<>();
    private final List<YMap> found = new ArrayList<>();

    SchemaWalker(Contract contract) {
        this.contract = contract;
    }

    List<YMap> allSchemas() {
        YMap root = contract.root();
        root.map("components").flatMap(c -> c.map("schemas"))
                .ifPresent(schemas -> schemas.entries().values().forEach(this::visit));
        findSchemaKeys(root.get("paths").orElse(root));
        root.map("components").ifPresent(c -> {
            c.get("parameters").ifPresent(this::findSchemaKeys);
            c.get("responses").ifPresent(this::findSchemaKeys);
            c.get("requestBodies").ifPresent(this::findSchemaKeys);
        });
        return found;
    }

    /** Outside schemas, a "schema" key starts one (parameters, media types). */
    private void findSchemaKeys(YNode node) {
        if (node instanceof YMap map) {
            map.entries().forEach((key, value) -> {
                if ("schema".equals(key)) {
                    visit(value);
                } else {
                    findSchemaKeys(value);
                }
            });
        } else if (node instanceof YSeq seq) {
            seq.items().forEach(this::findSchemaKeys);
        }
    }

    private void visit(YNode node) {
        if (!(node instanceof YMap map) || seen.put(map, Boolean.TRUE) != null) {
            return;
        }
        if (map.has("$ref")) {
            return; // the target is visited where it is defined
        }
        found.add(map);
        map.map("properties").ifPresent(p -> p.entries().values().forEach(this::visit));
        for (String key : NESTED_ONE) {
            map.get(key).ifPresent(this::visit);
        }
        for (String key : NESTED_MANY) {
            map.seq(key).ifPresent(seq -> seq.items().forEach(this::visit));
        }
    }
}
