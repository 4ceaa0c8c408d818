package dev.specgen.shapes;

import dev.specgen.contract.Contract;
import dev.specgen.contract.SchemaView;
import dev.specgen.diagnostics.Diagnostics;
import dev.specgen.diagnostics.Rule;
import dev.specgen.load.YNode;
import dev.specgen.load.YScalar;
import dev.specgen.modeldoc.BindingDoc;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Response envelopes ({data: Task}, {data: [...], meta: {page, page_size, total}}, {conversations,
 * total}, {items, total, limit, offset}): model.yaml's response: names which property carries the
 * rows and which carries each number; constant members come from the contract; anything else the
 * contract requires is a blocker, never invented. Checks and plan in one place.
 */
public final class Envelopes {
    public static final List<String> SINGLE = List.of("row");
    public static final List<String> LIST = List.of("rows", "total", "page", "page_size", "limit", "offset");
    private static final Set<String> NUMBERS = Set.of("total", "page", "page_size", "limit", "offset");

    private Envelopes() {
    }

    /** The envelope of a binding as written (unchecked): role to dotted path. */
    public static Map<String, List<String>> roles(BindingDoc binding) {
        Map<String, List<String>> roles = new LinkedHashMap<>();
        binding.node().map("response").ifPresent(map -> map.entries().keySet().forEach(role ->
                roles.put(role, Arrays.asList(map.text(role).orElseThrow().split("\\.")))));
        return roles;
    }

    /** v1's page object, the default shape of a limit/offset list without response:. */
    public static Map<String, List<String>> v1Page() {
        Map<String, List<String>> roles = new LinkedHashMap<>();
        roles.put("rows", List.of("items"));
        roles.put("total", List.of("total"));
        roles.put("limit", List.of("limit"));
        roles.put("offset", List.of("offset"));
        return roles;
    }

    /**
     * Checks a response schema against its envelope and returns the schema of one row (the items of
     * the rows, or the row), for the entity checks; empty when the envelope is broken (reported).
     *
     * @param list whether the action answers rows (list, aggregate) rather than one row
     * @param allowed the number roles this operation can fill (its pagination)
     */
    public static Optional<SchemaView> check(Contract contract, BindingDoc binding, Map<String, List<String>> roles,
            SchemaView schema, boolean list, Set<String> allowed, String label, String entity,
            Diagnostics diagnostics) {
        YNode at = binding.node().get("response").orElse(binding.node());
        if (roles.isEmpty()) {
            if (!list) {
                return Optional.of(schema);
            }
            if (!"array".equals(schema.type().orElse("")) || schema.items().isEmpty()) {
                diagnostics.report(Rule.LIST_SHAPE, schema.site(), "the response of " + label + " is not an array of "
                        + entity, "type: array with items describing " + entity + ", or response: in model.yaml"
                        + " naming the property that carries the rows (response: {rows: data})");
                return Optional.empty();
            }
            return schema.items();
        }
        String rowRole = list ? "rows" : "row";
        boolean ok = true;
        for (Map.Entry<String, List<String>> entry : roles.entrySet()) {
            String role = entry.getKey();
            boolean fits = list ? LIST.contains(role) : SINGLE.contains(role);
            if (!fits || NUMBERS.contains(role) && !allowed.contains(role)) {
                diagnostics.report(Rule.ACTION_SHAPE, binding.node().map("response").flatMap(m -> m.get(role))
                        .orElse(at), "operations." + binding.key() + ".response names " + role + ", which "
                        + label + " cannot fill", "one of " + String.join(", ", list ? roleList(allowed) : SINGLE));
                ok = false;
            }
        }
        if (!roles.containsKey(rowRole)) {
            diagnostics.report(Rule.ACTION_SHAPE, at, "operations." + binding.key() + ".response does not say which"
                    + " property carries the " + (list ? "rows" : "row"), rowRole + ": <property path>");
            return Optional.empty();
        }
        Map<String, SchemaView> found = new LinkedHashMap<>();
        for (Map.Entry<String, List<String>> entry : roles.entrySet()) {
            Optional<SchemaView> target = walk(contract, schema, entry.getValue());
            if (target.isEmpty()) {
                diagnostics.report(Rule.LIST_SHAPE, schema.site(), "the response of " + label + " has no property "
                        + String.join(".", entry.getValue()) + " for response." + entry.getKey(),
                        "a property " + String.join(".", entry.getValue()) + " in the contract, or the path of"
                                + " the one that carries " + entry.getKey());
                ok = false;
                continue;
            }
            found.put(entry.getKey(), target.get());
            String type = target.get().type().orElse("");
            String expected = "rows".equals(entry.getKey()) ? "array" : "row".equals(entry.getKey()) ? "object"
                    : "integer";
            if (!expected.equals(type)) {
                diagnostics.report(Rule.LIST_SHAPE, target.get().site(), String.join(".", entry.getValue())
                        + " in the response of " + label + " is " + (type.isEmpty() ? "untyped" : type)
                        + ", but it carries the " + entry.getKey(), "type: " + expected);
                ok = false;
            }
        }
        for (String missing : unfilled(contract, schema, List.of(), roles)) {
            diagnostics.report(Rule.LIST_SHAPE, requiredEntry(contract, schema, missing), "the response of " + label
                    + " requires '" + missing
                    + "', which nothing fills", "response." + "<role>: " + missing + " in model.yaml (roles: "
                    + String.join(", ", list ? roleList(allowed) : SINGLE) + "), or a const/default for it"
                    + " in the contract");
            ok = false;
        }
        if (!ok) {
            return Optional.empty();
        }
        SchemaView carrier = found.get(rowRole);
        return list ? carrier.items() : Optional.of(carrier);
    }

    /** Where the contract requires a member: its entry in the {@code required} list that names it. */
    private static YNode requiredEntry(Contract contract, SchemaView schema, String dotted) {
        List<String> path = List.of(dotted.split("\\."));
        Optional<SchemaView> parent = walk(contract, schema, path.subList(0, path.size() - 1));
        String member = path.get(path.size() - 1);
        return parent.flatMap(p -> p.node().seq("required")).flatMap(seq -> seq.items().stream()
                .filter(i -> i instanceof YScalar s && s.text().equals(member)).findFirst())
                .orElse(parent.map(SchemaView::site).orElse(schema.site()));
    }

    private static List<String> roleList(Set<String> allowed) {
        List<String> roles = new ArrayList<>(List.of("rows"));
        LIST.stream().filter(allowed::contains).forEach(roles::add);
        return roles;
    }

    /**
     * The schema of one row inside a response: for a list, the items of its rows (a bare array, v1's
     * page object, or the envelope's rows); else the envelope's row or the response itself.
     */
    public static Optional<SchemaView> rowSchema(Contract contract, BindingDoc binding, SchemaView response,
            boolean list, boolean offsetPage) {
        Map<String, List<String>> roles = roles(binding);
        if (roles.isEmpty() && list && offsetPage) {
            roles = v1Page();
        }
        if (roles.isEmpty()) {
            return list ? response.items() : Optional.of(response);
        }
        Optional<SchemaView> carrier = walk(contract, response, roles.getOrDefault(list ? "rows" : "row", List.of()));
        return list ? carrier.flatMap(SchemaView::items) : carrier;
    }

    /** The schema at a property path, following $refs; empty when a step is not a property. */
    public static Optional<SchemaView> walk(Contract contract, SchemaView schema, List<String> path) {
        Optional<SchemaView> current = Optional.of(schema);
        for (String key : path) {
            current = current.flatMap(s -> s.property(key));
            if (current.isEmpty()) {
                return current;
            }
        }
        return current;
    }

    /** Required members, at any depth, that neither a role nor a constant fills. */
    private static List<String> unfilled(Contract contract, SchemaView schema, List<String> prefix,
            Map<String, List<String>> roles) {
        List<String> missing = new ArrayList<>();
        for (Map.Entry<String, YNode> entry : schema.properties().entrySet()) {
            List<String> path = new ArrayList<>(prefix);
            path.add(entry.getKey());
            boolean mapped = roles.values().contains(path);
            boolean onTheWay = roles.values().stream().anyMatch(p -> p.size() > path.size()
                    && p.subList(0, path.size()).equals(path));
            Optional<SchemaView> property = SchemaView.of(contract, entry.getValue());
            if (mapped || property.isEmpty()) {
                continue;
            }
            if (onTheWay) {
                missing.addAll(unfilled(contract, property.get(), path, roles));
            } else if (schema.required().contains(entry.getKey())
                    && ConstantBody.constantNode(property.get()).isEmpty()) {
                missing.add(String.join(".", path));
            }
        }
        return missing;
    }

    /** The constant members the server adds beside the roles: required ones, from the contract. */
    public static Map<List<String>, YNode> constants(Contract contract, SchemaView schema,
            Map<String, List<String>> roles) {
        Map<List<String>, YNode> constants = new LinkedHashMap<>();
        collect(contract, schema, List.of(), roles, constants);
        return constants;
    }

    private static void collect(Contract contract, SchemaView schema, List<String> prefix,
            Map<String, List<String>> roles, Map<List<String>, YNode> into) {
        for (Map.Entry<String, YNode> entry : schema.properties().entrySet()) {
            List<String> path = new ArrayList<>(prefix);
            path.add(entry.getKey());
            if (roles.values().contains(path)) {
                continue;
            }
            Optional<SchemaView> property = SchemaView.of(contract, entry.getValue());
            if (property.isEmpty()) {
                continue;
            }
            if (roles.values().stream().anyMatch(p -> p.size() > path.size() && p.subList(0, path.size()).equals(path))) {
                collect(contract, property.get(), path, roles, into);
            } else if (schema.required().contains(entry.getKey())) {
                ConstantBody.constantNode(property.get()).ifPresent(value -> into.put(List.copyOf(path), value));
            }
        }
    }

}
