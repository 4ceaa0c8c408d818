package dev.specgen.validate;

import dev.specgen.contract.Contract;
import dev.specgen.contract.Operation;
import dev.specgen.diagnostics.Diagnostics;
import dev.specgen.diagnostics.Rule;
import dev.specgen.load.YMap;
import dev.specgen.load.YNode;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The schemas of error responses: the backend builds its error bodies from them, so every property in
 * them needs a type, as entity properties do. Entity schemas are checked against the model instead.
 */
final class ErrorSchemaCheck {
    private static final String RESPONSES = "#/components/responses/";
    private static final List<String> TYPED_BY = List.of("type", "$ref", "enum", "const", "allOf", "anyOf", "oneOf");

    private final Contract contract;
    private final Diagnostics diagnostics;
    private final Map<YMap, Boolean> seen = new IdentityHashMap<>();

    ErrorSchemaCheck(Contract contract, Diagnostics diagnostics) {
        this.contract = contract;
        this.diagnostics = diagnostics;
    }

    void check() {
        for (Operation operation : contract.operations()) {
            operation.responses().ifPresent(responses -> responses.entries().forEach((status, response) -> {
                if (!status.startsWith("2") && !status.startsWith("1") && !status.startsWith("3")) {
                    contract.derefMap(response).flatMap(r -> r.map("content")).ifPresent(content ->
                            content.entries().forEach((mediaType, media) -> {
                                if (mediaType.endsWith("json") && media instanceof YMap map) {
                                    String owner = Contract.refOf(response).filter(r -> r.startsWith(RESPONSES))
                                            .map(r -> "components.responses." + r.substring(RESPONSES.length()))
                                            .orElse("the " + status + " response of " + operation.label());
                                    map.get("schema").ifPresent(schema -> walk(schema, new Where(owner, "", false)));
                                }
                            }));
                }
            }));
        }
    }

    /** A place in a schema: below a schema component ("Error.detail") or a response, by a dotted path. */
    private record Where(String base, String path, boolean schemaComponent) {
        Where into(YNode node, String step) {
            return Contract.refOf(node).filter(r -> r.startsWith("#/components/schemas/"))
                    .map(r -> new Where(r.substring("#/components/schemas/".length()), "", true))
                    .orElse(new Where(base, path + step, schemaComponent));
        }

        String label() {
            return schemaComponent ? base + path : "'" + path.substring(1) + "' in " + base;
        }
    }

    private void walk(YNode node, Where where) {
        Optional<YMap> schema = contract.derefMap(node);
        if (schema.isEmpty() || seen.put(schema.get(), Boolean.TRUE) != null) {
            return; // an unresolved reference is reported elsewhere; a shared schema once
        }
        Where here = where.into(node, "");
        schema.get().map("properties").ifPresent(properties -> properties.entries().forEach((property, value) -> {
            // {} is an explicit "any value"; keywords without a type are a type forgotten.
            if (value instanceof YMap map && !map.entries().isEmpty() && TYPED_BY.stream().noneMatch(map::has)) {
                diagnostics.report(Rule.PROPERTY_TYPE_MISSING, value, "property " + here.into(value, "." + property)
                        .label() + ", part of an error response, has no type", "a type for " + property
                        + " (string, integer, number, boolean, array or object), or {} for any value: error bodies"
                        + " are built from it");
            } else {
                walk(value, here.into(value, "." + property));
            }
        }));
        schema.get().get("items").ifPresent(items -> walk(items, here.into(items, "[]")));
        for (String combinator : List.of("allOf", "anyOf", "oneOf")) {
            schema.get().seq(combinator).ifPresent(seq -> seq.items().forEach(part -> walk(part, here.into(part, ""))));
        }
    }
}
