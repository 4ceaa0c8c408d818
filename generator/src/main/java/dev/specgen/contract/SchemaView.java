package dev.specgen.contract;

import dev.specgen.load.YMap;
import dev.specgen.load.YNode;
import dev.specgen.load.YScalar;
import dev.specgen.load.YSeq;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A JSON schema of the contract, with $ref followed and the two nullability spellings (3.0's
 * {@code nullable: true}, 3.1's {@code type: [x, 'null']} or {@code anyOf} with a null branch) folded.
 */
public final class SchemaView {
    public static final Set<String> TYPES = Set.of("string", "integer", "number", "boolean", "array", "object",
            "null");

    private final Contract contract;
    private final YNode site;
    private final YMap node;
    private final boolean nullableBranch;

    private SchemaView(Contract contract, YNode site, YMap node, boolean nullableBranch) {
        this.contract = contract;
        this.site = site;
        this.node = node;
        this.nullableBranch = nullableBranch;
    }

    /** Empty when the schema or its reference cannot be resolved to a mapping. */
    public static Optional<SchemaView> of(Contract contract, YNode site) {
        Optional<YMap> resolved = contract.derefMap(site);
        if (resolved.isEmpty()) {
            return Optional.empty();
        }
        YMap map = resolved.get();
        // anyOf/oneOf: [X, {type: 'null'}] is how 3.1 writes a nullable reference.
        for (String combinator : List.of("anyOf", "oneOf")) {
            Optional<YSeq> branches = map.seq(combinator);
            if (branches.isPresent() && branches.get().items().size() == 2) {
                List<YNode> items = branches.get().items();
                for (int i = 0; i < 2; i++) {
                    if (isNullSchema(contract, items.get(i))) {
                        return of(contract, items.get(1 - i))
                                .map(inner -> new SchemaView(contract, site, inner.node, true));
                    }
                }
            }
        }
        if (map.seq("allOf").isPresent()) {
            Optional<YMap> merged = mergeAllOf(contract, map, 0);
            if (merged.isPresent()) {
                return Optional.of(new SchemaView(contract, site, merged.get(), false));
            }
        }
        return Optional.of(new SchemaView(contract, site, map, false));
    }

    /**
     * An allOf of objects (each a $ref or inline, nested allOf included) as the one object it describes:
     * the parts' properties and required members together, the schema's own keywords beside them. Empty
     * when the parts conflict (a property two parts declare differently, a part that is not an object, a
     * part that forbids additional properties while another adds some, which no value could satisfy).
     */
    private static Optional<YMap> mergeAllOf(Contract contract, YMap map, int depth) {
        if (depth > 16) {
            return Optional.empty();
        }
        Map<String, YNode> entries = new LinkedHashMap<>();
        Map<String, dev.specgen.load.Mark> keyMarks = new LinkedHashMap<>();
        Map<String, YNode> properties = new LinkedHashMap<>();
        Map<String, dev.specgen.load.Mark> propertyMarks = new LinkedHashMap<>();
        List<YNode> required = new ArrayList<>();
        Set<String> requiredNames = new LinkedHashSet<>();
        List<Set<String>> closedParts = new ArrayList<>();
        List<YMap> parts = new ArrayList<>();
        parts.add(map);
        for (YNode item : map.seq("allOf").orElseThrow().items()) {
            Optional<YMap> part = contract.derefMap(item);
            if (part.isEmpty()) {
                return Optional.empty();
            }
            YMap resolved = part.get();
            if (resolved.seq("allOf").isPresent()) {
                Optional<YMap> inner = mergeAllOf(contract, resolved, depth + 1);
                if (inner.isEmpty()) {
                    return Optional.empty();
                }
                resolved = inner.get();
            }
            String type = resolved.text("type").orElse(resolved.has("properties") ? "object" : "");
            if (!"object".equals(type) || resolved.has("anyOf") || resolved.has("oneOf")) {
                return Optional.empty();
            }
            parts.add(resolved);
        }
        for (YMap part : parts) {
            Optional<YMap> props = part.map("properties");
            if (props.isPresent()) {
                for (Map.Entry<String, YNode> property : props.get().entries().entrySet()) {
                    YNode known = properties.get(property.getKey());
                    if (known != null && !dev.specgen.load.JsonTrees.toJson(known).equals(
                            dev.specgen.load.JsonTrees.toJson(property.getValue()))) {
                        return Optional.empty(); // two parts declare it differently
                    }
                    properties.putIfAbsent(property.getKey(), property.getValue());
                    propertyMarks.putIfAbsent(property.getKey(), props.get().keyMarks().get(property.getKey()));
                }
            }
            part.seq("required").ifPresent(r -> r.items().forEach(i -> {
                if (i instanceof YScalar name && requiredNames.add(name.text())) {
                    required.add(i);
                }
            }));
            if (part.get("additionalProperties").filter(a -> a instanceof YScalar b
                    && "false".equals(b.text())).isPresent()) {
                closedParts.add(props.map(m -> m.entries().keySet()).orElse(Set.of()));
            }
            part.entries().forEach((key, value) -> {
                if (!List.of("allOf", "properties", "required").contains(key)) {
                    entries.putIfAbsent(key, value);
                    keyMarks.putIfAbsent(key, part.keyMarks().get(key));
                }
            });
        }
        for (Set<String> closed : closedParts) {
            if (!closed.containsAll(properties.keySet())) {
                return Optional.empty(); // that part refuses the other parts' properties: no value fits all
            }
        }
        entries.put("type", entries.getOrDefault("type", new YScalar(map.mark(), map.pointer() + "/type", "object",
                YScalar.Kind.STRING)));
        entries.put("properties", new YMap(map.mark(), map.pointer() + "/properties", properties, propertyMarks));
        if (!required.isEmpty()) {
            entries.put("required", new YSeq(map.mark(), map.pointer() + "/required", required));
        }
        return Optional.of(new YMap(map.mark(), map.pointer(), entries, keyMarks));
    }

    private static boolean isNullSchema(Contract contract, YNode node) {
        return contract.derefMap(node).flatMap(m -> m.text("type")).map("null"::equals).orElse(false);
    }

    public YNode site() {
        return site;
    }

    public YMap node() {
        return node;
    }

    /** The name of the component this schema came from, when it was a $ref to components/schemas. */
    public Optional<String> componentName() {
        return Contract.refOf(site).filter(r -> r.startsWith("#/components/schemas/"))
                .map(r -> r.substring("#/components/schemas/".length()));
    }

    /** The declared types, "null" excluded. */
    public List<String> types() {
        List<String> types = new ArrayList<>();
        node.get("type").ifPresent(t -> {
            if (t instanceof YScalar s && !s.isNull()) {
                types.add(s.text());
            } else if (t instanceof YSeq seq) {
                seq.items().forEach(i -> {
                    if (i instanceof YScalar s) {
                        types.add(s.text());
                    }
                });
            }
        });
        types.remove("null");
        return types;
    }

    public Optional<YNode> typeNode() {
        return node.get("type");
    }

    public boolean hasType() {
        return node.has("type") || !types().isEmpty();
    }

    /** The single non-null type, when there is exactly one. */
    public Optional<String> type() {
        List<String> types = types();
        return types.size() == 1 ? Optional.of(types.get(0)) : Optional.empty();
    }

    public boolean nullable() {
        if (nullableBranch || node.flag("nullable")) {
            return true;
        }
        return node.seq("type").map(seq -> seq.items().stream()
                .anyMatch(i -> i instanceof YScalar s && "null".equals(s.text()))).orElse(false);
    }

    public Optional<String> format() {
        return node.text("format");
    }

    public Optional<BigDecimal> number(String keyword) {
        return node.scalar(keyword).flatMap(YScalar::number);
    }

    public Optional<String> text(String keyword) {
        return node.text(keyword);
    }

    public Optional<YNode> defaultValue() {
        return node.get("default");
    }

    public List<String> enumValues() {
        List<String> values = new ArrayList<>();
        node.seq("enum").ifPresent(seq -> seq.items().forEach(i -> {
            if (i instanceof YScalar s && !s.isNull()) {
                values.add(s.text());
            }
        }));
        return values;
    }

    public boolean hasEnum() {
        return node.has("enum");
    }

    public Map<String, YNode> properties() {
        return node.map("properties").map(YMap::entries).orElse(new LinkedHashMap<>());
    }

    public dev.specgen.load.Mark propertyKeyMark(String name) {
        return node.map("properties").map(p -> p.keyMark(name)).orElse(node.mark());
    }

    public Set<String> required() {
        Set<String> required = new LinkedHashSet<>();
        node.seq("required").ifPresent(seq -> seq.items().forEach(i -> {
            if (i instanceof YScalar s) {
                required.add(s.text());
            }
        }));
        return required;
    }

    public boolean forbidsAdditional() {
        return node.scalar("additionalProperties").map(s -> s.kind() == YScalar.Kind.BOOLEAN && !s.isTrue())
                .orElse(false);
    }

    public Optional<SchemaView> items() {
        return node.get("items").flatMap(i -> of(contract, i));
    }

    public Optional<SchemaView> property(String name) {
        return Optional.ofNullable(properties().get(name)).flatMap(p -> of(contract, p));
    }

}
