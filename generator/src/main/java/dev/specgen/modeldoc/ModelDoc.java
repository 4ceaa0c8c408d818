package dev.specgen.modeldoc;

import dev.specgen.load.YMap;
import dev.specgen.load.YNode;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * A typed view of model.yaml. It is only used after the JSON Schema check passed, so shapes are
 * trusted here; semantic problems are still the checks' business.
 */
public final class ModelDoc {
    private final YMap root;
    private Map<String, EntityDoc> entities;
    private Map<String, BindingDoc> bindings;

    public ModelDoc(YMap root) {
        this.root = root;
    }

    public YMap root() {
        return root;
    }

    public YMap service() {
        return root.map("service").orElseThrow();
    }

    public YMap auth() {
        return root.map("auth").orElseThrow();
    }

    /** The claims whose values are the caller's grants (auth.roles.claim). */
    public java.util.List<String> grantClaims() {
        Optional<YNode> claim = auth().map("roles").flatMap(r -> r.get("claim"));
        if (claim.isPresent() && claim.get() instanceof dev.specgen.load.YScalar one) {
            return java.util.List.of(one.text());
        }
        if (claim.isPresent() && claim.get() instanceof dev.specgen.load.YSeq many) {
            return many.items().stream().map(i -> ((dev.specgen.load.YScalar) i).text()).toList();
        }
        return java.util.List.of("role", "roles", "scope", "permissions");
    }

    /** The roles a binding requires: its own roles:, else auth.roles.default, else none. */
    public java.util.List<String> rolesOf(BindingDoc binding) {
        return binding.roles().orElseGet(() -> auth().map("roles").flatMap(r -> r.seq("default"))
                .map(seq -> seq.items().stream().map(i -> ((dev.specgen.load.YScalar) i).text()).toList())
                .orElse(java.util.List.of()));
    }

    /** Where the roles a binding requires are stated, for findings. */
    public YNode rolesNode(BindingDoc binding) {
        return binding.node().get("roles").or(() -> auth().map("roles").flatMap(r -> r.get("default")))
                .orElse(binding.node());
    }

    /** Indexed on first use; the tree is immutable, so the index never goes stale. */
    public Map<String, EntityDoc> entities() {
        if (entities == null) {
            Map<String, EntityDoc> index = new LinkedHashMap<>();
            YMap map = root.map("entities").orElseThrow();
            map.entries().forEach((name, node) -> index.put(name, new EntityDoc(name, (YMap) node, map.keyMark(name))));
            entities = java.util.Collections.unmodifiableMap(index);
        }
        return entities;
    }

    public Optional<EntityDoc> entity(String name) {
        return Optional.ofNullable(entities().get(name));
    }

    public Map<String, BindingDoc> bindings() {
        if (bindings == null) {
            Map<String, BindingDoc> index = new LinkedHashMap<>();
            YMap map = root.map("operations").orElseThrow();
            map.entries().forEach((id, node) -> index.put(id, new BindingDoc(id, (YMap) node, map.keyMark(id))));
            bindings = java.util.Collections.unmodifiableMap(index);
        }
        return bindings;
    }

    /** The binding of an operation: by its operationId, else by "METHOD /path". */
    public Optional<BindingDoc> bindingFor(dev.specgen.contract.Operation operation) {
        Optional<BindingDoc> byId = operation.operationId().map(bindings()::get);
        return byId.isPresent() ? byId : Optional.ofNullable(bindings().get(operation.methodPath()));
    }

    public YNode operationsNode() {
        return root.get("operations").orElse(root);
    }
}
