package dev.specgen.contract;

import dev.specgen.load.Mark;
import dev.specgen.load.YMap;
import dev.specgen.load.YNode;
import dev.specgen.load.YSeq;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** One HTTP operation of a contract, with path-level parameters merged in as OpenAPI says. */
public final class Operation {
    private static final Pattern TEMPLATE = Pattern.compile("\\{([^}]*)}");

    private final Contract contract;
    private final String path;
    private final String method;
    private final YMap pathItem;
    private final YMap node;
    private final Mark pathMark;
    private Map<String, Parameter> parameters;

    Operation(Contract contract, String path, String method, YMap pathItem, YMap node, Mark pathMark) {
        this.contract = contract;
        this.path = path;
        this.method = method;
        this.pathItem = pathItem;
        this.node = node;
        this.pathMark = pathMark;
    }

    public String path() {
        return path;
    }

    public String method() {
        return method;
    }

    public YMap node() {
        return node;
    }

    public Mark pathMark() {
        return pathMark;
    }

    public Optional<String> operationId() {
        return node.text("operationId");
    }

    /** "METHOD /path", the binding key of an operation with or without an operationId. */
    public String methodPath() {
        return method.toUpperCase(java.util.Locale.ROOT) + " " + path;
    }

    /** How model.yaml names this operation in messages: its operationId, else "METHOD /path". */
    public String key() {
        return operationId().orElse(methodPath());
    }

    /** The node a finding about the operation as a whole points at: its operationId, else the method key. */
    public YNode keyNode() {
        return node.get("operationId").orElse(node);
    }

    public String label() {
        return method.toUpperCase(java.util.Locale.ROOT) + " " + path
                + operationId().map(id -> " (" + id + ")").orElse("");
    }

    /** Names inside {braces} of the path template, in order. */
    public List<String> templateNames() {
        List<String> names = new ArrayList<>();
        Matcher matcher = TEMPLATE.matcher(path);
        while (matcher.find()) {
            names.add(matcher.group(1));
        }
        return names;
    }

    /**
     * Parameters keyed by "in:name"; operation-level ones override path-level ones. Unresolvable
     * references are skipped here and reported by the checks.
     */
    public Map<String, Parameter> parameters() {
        if (parameters == null) {
            Map<String, Parameter> merged = new LinkedHashMap<>();
            collect(pathItem.seq("parameters"), merged);
            collect(node.seq("parameters"), merged);
            parameters = java.util.Collections.unmodifiableMap(merged);
        }
        return parameters;
    }

    private void collect(Optional<YSeq> list, Map<String, Parameter> into) {
        if (list.isEmpty()) {
            return;
        }
        for (YNode item : list.get().items()) {
            contract.derefMap(item).ifPresent(p -> {
                Parameter parameter = new Parameter(contract, p, item);
                into.put(parameter.in() + ":" + parameter.name(), parameter);
            });
        }
    }

    public List<Parameter> parametersIn(String location) {
        return parameters().values().stream().filter(p -> p.in().equals(location)).toList();
    }

    public Optional<YMap> responses() {
        return node.map("responses");
    }

    /** The 2xx responses, keyed by status code, in document order. */
    public Map<String, YNode> successResponses() {
        Map<String, YNode> success = new LinkedHashMap<>();
        responses().ifPresent(r -> r.entries().forEach((code, value) -> {
            if (code.startsWith("2")) {
                success.put(code, value);
            }
        }));
        return success;
    }

    /**
     * Whether the contract declares this status: by its code, or by the range that holds it ({@code 4XX}
     * declares every 4xx status, in either case, as OpenAPI allows).
     */
    public boolean declaresStatus(String code) {
        return responses().map(r -> r.has(code) || code.length() == 3 && (r.has(code.charAt(0) + "XX")
                || r.has(code.charAt(0) + "xx"))).orElse(false);
    }

    /** Whether the contract declares this status by its exact code (not through a range). */
    public boolean declaresExactStatus(String code) {
        return responses().map(r -> r.has(code)).orElse(false);
    }

    /** The JSON schema of a response, when its content has application/json with a schema. */
    public Optional<YNode> jsonSchemaOf(YNode responseOrBody) {
        return contract.derefMap(responseOrBody)
                .flatMap(r -> r.map("content"))
                .flatMap(c -> c.map("application/json"))
                .flatMap(media -> media.get("schema"));
    }

    public Optional<YMap> requestBody() {
        return node.get("requestBody").flatMap(contract::derefMap);
    }

    public Optional<YNode> requestSchema() {
        return node.get("requestBody").flatMap(this::jsonSchemaOf);
    }

    /** The effective security requirement: the operation's own, else the document's. */
    public Optional<YSeq> security() {
        Optional<YSeq> own = node.seq("security");
        return own.isPresent() ? own : contract.globalSecurity();
    }

    /**
     * Whether a bearer token is required: the effective requirement list is non-empty and has no
     * anonymous {@code {}} alternative (which makes the token optional).
     */
    public boolean requiresToken() {
        return security().map(seq -> !seq.items().isEmpty() && seq.items().stream()
                .allMatch(i -> i instanceof YMap map && !map.entries().isEmpty())).orElse(false);
    }

    public YNode securityNode() {
        return node.get("security").orElse(node);
    }
}
