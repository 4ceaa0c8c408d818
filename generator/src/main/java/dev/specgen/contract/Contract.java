package dev.specgen.contract;

import dev.specgen.load.YMap;
import dev.specgen.load.YNode;
import dev.specgen.load.YScalar;
import dev.specgen.load.YSeq;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A read-only view of an OpenAPI document kept as a marked YAML tree, so every element found through
 * it can be reported with its line and column. Only local references ({@code #/...}) are followed.
 */
public final class Contract {
    public static final List<String> METHODS = List.of("get", "put", "post", "delete", "options", "head",
            "patch", "trace");

    private final YMap root;
    private List<Operation> operations;
    private Map<String, Operation> byKey;

    public Contract(YMap root) {
        this.root = root;
    }

    public YMap root() {
        return root;
    }

    public Optional<String> version() {
        return root.text("openapi");
    }

    /** Follows a local $ref chain to its target; empty when it leads nowhere or loops. */
    public Optional<YNode> deref(YNode node) {
        YNode current = node;
        for (int hops = 0; hops < 64; hops++) {
            Optional<String> ref = refOf(current);
            if (ref.isEmpty()) {
                return Optional.of(current);
            }
            Optional<YNode> target = lookup(ref.get());
            if (target.isEmpty()) {
                return Optional.empty();
            }
            current = target.get();
        }
        return Optional.empty();
    }

    public Optional<YMap> derefMap(YNode node) {
        return deref(node).filter(YMap.class::isInstance).map(YMap.class::cast);
    }

    public static Optional<String> refOf(YNode node) {
        if (node instanceof YMap map) {
            return map.text("$ref");
        }
        return Optional.empty();
    }

    /** Resolves a local JSON pointer reference such as {@code #/components/schemas/Task}. */
    public Optional<YNode> lookup(String ref) {
        if (!ref.startsWith("#/")) {
            return Optional.empty();
        }
        YNode current = root;
        for (String raw : ref.substring(2).split("/", -1)) {
            String token = decode(raw).replace("~1", "/").replace("~0", "~");
            if (current instanceof YMap map) {
                current = map.entries().get(token);
            } else if (current instanceof YSeq seq && token.matches("\\d+")
                    && Integer.parseInt(token) < seq.items().size()) {
                current = seq.items().get(Integer.parseInt(token));
            } else {
                current = null;
            }
            if (current == null) {
                return Optional.empty();
            }
        }
        return Optional.of(current);
    }

    private static String decode(String token) {
        try {
            return java.net.URLDecoder.decode(token.replace("+", "%2B"), java.nio.charset.StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return token;
        }
    }

    /** Every operation in document order, found once. */
    public List<Operation> operations() {
        if (operations == null) {
            operations = List.copyOf(findOperations());
        }
        return operations;
    }

    private List<Operation> findOperations() {
        List<Operation> operations = new ArrayList<>();
        YMap paths = root.map("paths").orElse(null);
        if (paths == null) {
            return operations;
        }
        for (Map.Entry<String, YNode> pathEntry : paths.entries().entrySet()) {
            Optional<YMap> pathItem = derefMap(pathEntry.getValue());
            if (pathItem.isEmpty()) {
                continue;
            }
            for (String method : METHODS) {
                pathItem.get().map(method).ifPresent(op ->
                        operations.add(new Operation(this, pathEntry.getKey(), method, pathItem.get(), op,
                                paths.keyMark(pathEntry.getKey()))));
            }
        }
        return operations;
    }

    public Map<String, Operation> operationsById() {
        Map<String, Operation> byId = new LinkedHashMap<>();
        for (Operation operation : operations()) {
            operation.operationId().ifPresent(id -> byId.putIfAbsent(id, operation));
        }
        return byId;
    }

    /**
     * Every name model.yaml may bind an operation by: its operationId when it has one, and always
     * "METHOD /path" (two of five real contracts leave operationIds out).
     */
    public Map<String, Operation> operationsByKey() {
        if (byKey == null) {
            Map<String, Operation> keys = new LinkedHashMap<>();
            for (Operation operation : operations()) {
                operation.operationId().ifPresent(id -> keys.putIfAbsent(id, operation));
                keys.putIfAbsent(operation.methodPath(), operation);
            }
            byKey = java.util.Collections.unmodifiableMap(keys);
        }
        return byKey;
    }

    public Optional<YMap> securitySchemes() {
        return root.map("components").flatMap(c -> c.map("securitySchemes"));
    }

    /** The document-wide security requirement list, when declared. */
    public Optional<YSeq> globalSecurity() {
        return root.seq("security");
    }

    static boolean isNullScalar(YNode node) {
        return node instanceof YScalar scalar && scalar.isNull();
    }
}
