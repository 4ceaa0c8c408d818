package dev.specgen.modeldoc;

import dev.specgen.load.Mark;
import dev.specgen.load.YMap;
import dev.specgen.load.YNode;
import dev.specgen.load.YScalar;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** One entry of model.yaml's operations: an operation, keyed by operationId or "METHOD /path", bound to an action. */
public record BindingDoc(String key, YMap node, Mark idMark) {
    public static final String SUBJECT = "subject";

    public String entity() {
        return node.text("entity").orElseThrow();
    }

    public String action() {
        return node.text("action").orElseThrow();
    }

    public Optional<String> auth() {
        return node.text("auth");
    }

    /** The roles stated on this binding (one of them is required), absent when it states none. */
    public Optional<List<String>> roles() {
        return node.seq("roles").map(seq -> seq.items().stream().map(i -> ((YScalar) i).text()).toList());
    }

    /** Path parameter name to "subject" or a field name. */
    public Map<String, String> path() {
        Map<String, String> path = new LinkedHashMap<>();
        node.map("path").ifPresent(m -> m.entries().forEach((k, v) -> path.put(k, ((YScalar) v).text())));
        return path;
    }

    public YNode pathEntry(String param) {
        return node.map("path").flatMap(m -> m.get(param)).orElse(node);
    }

    public Optional<YMap> page() {
        return node.map("page");
    }

    public List<FilterDoc> filters() {
        List<FilterDoc> filters = new ArrayList<>();
        node.seq("filters").ifPresent(s -> s.items().forEach(i -> filters.add(FilterDoc.of(i))));
        return filters;
    }

    /** A fixed order: field names, "-" first for descending. */
    public List<YScalar> order() {
        List<YScalar> order = new ArrayList<>();
        node.seq("order").ifPresent(s -> s.items().forEach(i -> order.add((YScalar) i)));
        return order;
    }

    /** The entity, absent for actions that touch none (health). */
    public Optional<String> entityName() {
        return node.text("entity");
    }

    public Optional<YMap> sort() {
        return node.map("sort");
    }

    public List<YScalar> sortFields() {
        List<YScalar> fields = new ArrayList<>();
        sort().flatMap(s -> s.seq("fields")).ifPresent(s -> s.items().forEach(i -> fields.add((YScalar) i)));
        return fields;
    }

    public YNode at(String key) {
        return node.get(key).orElse(node);
    }
}
