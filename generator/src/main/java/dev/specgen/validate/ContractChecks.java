package dev.specgen.validate;

import dev.specgen.contract.Contract;
import dev.specgen.contract.Operation;
import dev.specgen.contract.Parameter;
import dev.specgen.contract.SchemaView;
import dev.specgen.diagnostics.Diagnostics;
import dev.specgen.diagnostics.Rule;
import dev.specgen.load.YMap;
import dev.specgen.load.YNode;
import dev.specgen.load.YScalar;
import dev.specgen.load.YSeq;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Checks of the contract alone: what swagger-parser lets through and specgen cannot build on. */
public final class ContractChecks {
    /** Paths already reported for naming a parameter twice: once per path, not once per operation. */
    private final Set<String> repeatedPaths = new HashSet<>();

    private static final Set<String> NUMBER_KEYWORDS = Set.of("minimum", "maximum", "exclusiveMinimum",
            "exclusiveMaximum", "multipleOf");
    private static final Set<String> COUNT_KEYWORDS = Set.of("minLength", "maxLength", "minItems", "maxItems",
            "minProperties", "maxProperties");

    public void check(Contract contract, Diagnostics diagnostics) {
        checkServers(contract, diagnostics);
        checkReferences(contract.root(), contract, diagnostics);
        checkSchemas(contract, diagnostics);
        checkPathParametersRequired(contract, diagnostics);
        checkSecuritySchemes(contract, diagnostics);
        checkTokenSources(contract, diagnostics);
        // In file order, so that a repeated operationId is reported at the copy, not at the original.
        Map<String, Operation> seenIds = new java.util.HashMap<>();
        List<Operation> inFileOrder = contract.operations().stream()
                .sorted(java.util.Comparator.comparingInt((Operation o) -> o.node().mark().line())
                        .thenComparingInt(o -> o.node().mark().column()))
                .toList();
        for (Operation operation : inFileOrder) {
            checkOperation(operation, seenIds, diagnostics);
            if (operation.node().text("summary").isEmpty() && operation.node().text("description").isEmpty()) {
                diagnostics.report(Rule.DESCRIPTION_MISSING, operation.node(), operation.label()
                        + " has neither a summary nor a description", "a summary saying what the operation does");
            }
        }
        checkUnusedSchemas(contract, diagnostics);
        new ErrorSchemaCheck(contract, diagnostics).check();
    }

    private void checkUnusedSchemas(Contract contract, Diagnostics diagnostics) {
        Set<String> referenced = new HashSet<>();
        collectRefs(contract.root(), referenced);
        if (referenced.stream().anyMatch(ref -> contract.lookup(ref).isEmpty())) {
            return; // with a broken reference, which schema is meant is unknown
        }
        contract.root().map("components").flatMap(c -> c.map("schemas")).ifPresent(schemas ->
                schemas.entries().keySet().forEach(name -> {
                    if (!referenced.contains("#/components/schemas/" + YamlRefs.token(name))) {
                        diagnostics.report(Rule.SCHEMA_UNUSED, schemas.keyMark(name), schemas.pointer() + "/"
                                        + YamlRefs.token(name), "components.schemas." + name + " is never referenced",
                                "a $ref to it, or remove it");
                    }
                }));
    }

    private static void collectRefs(YNode node, Set<String> into) {
        if (node instanceof YMap map) {
            map.text("$ref").ifPresent(into::add);
            map.entries().values().forEach(child -> collectRefs(child, into));
        } else if (node instanceof YSeq seq) {
            seq.items().forEach(child -> collectRefs(child, into));
        }
    }

    /** JSON pointer tokens as $refs spell them. */
    private static final class YamlRefs {
        static String token(String name) {
            return dev.specgen.load.YamlLoader.pointerToken(name);
        }
    }

    private void checkReferences(YNode node, Contract contract, Diagnostics diagnostics) {
        if (node instanceof YMap map) {
            map.scalar("$ref").ifPresent(ref -> {
                if (!ref.text().startsWith("#/")) {
                    diagnostics.report(Rule.REF_UNRESOLVED, ref, "the reference '" + ref.text()
                            + "' points outside this file", "a local reference (#/components/...); specgen v1"
                            + " reads single-file contracts");
                } else if (contract.lookup(ref.text()).isEmpty()) {
                    diagnostics.report(Rule.REF_UNRESOLVED, ref, "the reference '" + ref.text() + "' points nowhere",
                            "define " + ref.text().substring(2).replace("/", ".") + " or fix the reference");
                } else if (contract.deref(map).isEmpty()) {
                    diagnostics.report(Rule.REF_UNRESOLVED, ref, "the reference '" + ref.text()
                            + "' is part of a loop of references", "make the reference chain end at a definition");
                }
            });
            map.entries().values().forEach(child -> checkReferences(child, contract, diagnostics));
        } else if (node instanceof YSeq seq) {
            seq.items().forEach(child -> checkReferences(child, contract, diagnostics));
        }
    }

    /** Walks every schema object reachable from components and operations, once each. */
    private void checkSchemas(Contract contract, Diagnostics diagnostics) {
        SchemaWalker walker = new SchemaWalker(contract);
        String version = contract.version().orElse("");
        for (YMap schema : walker.allSchemas()) {
            checkSchemaKeywords(schema, version, diagnostics);
        }
    }

    /**
     * OpenAPI requires {@code required: true} on every path parameter. swagger-parser notices it only
     * for components, and without a place; this check covers inline parameters too, at the line.
     */
    private void checkPathParametersRequired(Contract contract, Diagnostics diagnostics) {
        List<YMap> parameters = new java.util.ArrayList<>();
        contract.root().map("components").flatMap(c -> c.map("parameters"))
                .ifPresent(p -> p.entries().values().forEach(v -> addParameter(v, parameters)));
        contract.root().map("paths").ifPresent(paths -> paths.entries().values().forEach(item -> {
            if (item instanceof YMap pathItem) {
                pathItem.seq("parameters").ifPresent(seq -> seq.items().forEach(v -> addParameter(v, parameters)));
                for (String method : Contract.METHODS) {
                    pathItem.map(method).flatMap(op -> op.seq("parameters"))
                            .ifPresent(seq -> seq.items().forEach(v -> addParameter(v, parameters)));
                }
            }
        }));
        for (YMap parameter : parameters) {
            if ("path".equals(parameter.text("in").orElse("")) && !parameter.flag("required")) {
                String name = parameter.text("name").orElse("?");
                YNode at = parameter.get("required").orElse(parameter);
                diagnostics.report(Rule.OPENAPI_INVALID, at, "path parameter '" + name + "' does not say required:"
                        + " true, which OpenAPI demands of every path parameter", "required: true on the parameter '"
                        + name + "'");
            }
        }
    }

    private static void addParameter(YNode node, List<YMap> into) {
        if (node instanceof YMap map && !map.has("$ref")) {
            into.add(map);
        }
    }

    private void checkSchemaKeywords(YMap schema, String version, Diagnostics diagnostics) {
        if (!version.startsWith("3.0") && schema.get("nullable").filter(n -> n instanceof YScalar s
                && "true".equals(s.text())).isPresent()) {
            // JSON Schema 2020-12 ignores an unknown keyword: read as the document says, null stays invalid,
            // while its author surely meant it valid. Either reading would be a guess.
            diagnostics.report(Rule.VERSION_KEYWORD, schema.get("nullable").orElseThrow(), "nullable: true is"
                    + " OpenAPI 3.0 syntax, but this contract says openapi: " + version + ", where it means nothing"
                    + " and null is not allowed", "null among the types (type: [string, 'null'], or anyOf with"
                    + " {type: 'null'}) and nullable removed: 'specgen fix SPEC_DIR' prints these edits and"
                    + " --write makes them; or openapi: 3.0.3 at the top of the contract");
        }
        schema.get("type").ifPresent(type -> {
            boolean openapi30 = version.startsWith("3.0");
            if (openapi30 && (type instanceof YSeq || type instanceof YScalar s && "null".equals(s.text()))) {
                diagnostics.report(Rule.TYPE_UNKNOWN, type, "the schema type " + describeType(type) + " is OpenAPI"
                        + " 3.1 syntax, but this contract says openapi: " + version, "a single type with nullable:"
                        + " true for null (OpenAPI 3.0), or openapi: 3.1.0 at the top of the contract");
                return;
            }
            List<YNode> names = type instanceof YSeq seq ? seq.items() : List.of(type);
            for (YNode name : names) {
                if (!(name instanceof YScalar scalar) || !SchemaView.TYPES.contains(scalar.text())) {
                    String shown = name instanceof YScalar s ? "'" + s.text() + "'" : name.kindName();
                    diagnostics.report(Rule.TYPE_UNKNOWN, name, "the schema type " + shown + " is not an OpenAPI type",
                            "one of string, integer, number, boolean, array, object");
                }
            }
        });
        schema.entries().forEach((keyword, value) -> {
            if (NUMBER_KEYWORDS.contains(keyword) && !isNumber(value) && !isBoolean(value, keyword)) {
                diagnostics.report(Rule.CONSTRAINT_VALUE_INVALID, value, keyword + " is " + value.kindName()
                        + ", not a number", "a numeric " + keyword);
            } else if (COUNT_KEYWORDS.contains(keyword) && !isCount(value)) {
                diagnostics.report(Rule.CONSTRAINT_VALUE_INVALID, value, keyword + " is " + describe(value)
                        + ", not a whole number >= 0", "a non-negative integer " + keyword);
            } else if ("pattern".equals(keyword) && !(value instanceof YScalar s && s.isString())) {
                diagnostics.report(Rule.CONSTRAINT_VALUE_INVALID, value, "pattern is " + value.kindName()
                        + ", not a string", "a regular expression string");
            } else if ("required".equals(keyword) && !(value instanceof YSeq)) {
                diagnostics.report(Rule.CONSTRAINT_VALUE_INVALID, value, "required is " + value.kindName()
                        + ", not a list of property names", "a list of property names");
            } else if ("enum".equals(keyword) && !(value instanceof YSeq)) {
                diagnostics.report(Rule.CONSTRAINT_VALUE_INVALID, value, "enum is " + value.kindName()
                        + ", not a list of values", "a list of values");
            }
        });
    }

    private static String describeType(YNode type) {
        if (type instanceof YSeq seq) {
            return "[" + String.join(", ", seq.items().stream().map(ContractChecks::describe).toList()) + "]";
        }
        return describe(type);
    }

    private static String describe(YNode node) {
        return node instanceof YScalar s ? "'" + s.text() + "'" : node.kindName();
    }

    private static boolean isNumber(YNode node) {
        return node instanceof YScalar scalar && scalar.number().isPresent();
    }

    /** OpenAPI 3.0 writes exclusiveMinimum/Maximum as booleans. */
    private static boolean isBoolean(YNode node, String keyword) {
        return keyword.startsWith("exclusive") && node instanceof YScalar s && s.kind() == YScalar.Kind.BOOLEAN;
    }

    private static boolean isCount(YNode node) {
        return node instanceof YScalar scalar && scalar.kind() == YScalar.Kind.INTEGER
                && scalar.number().map(n -> n.signum() >= 0).orElse(false);
    }

    /**
     * Every secured operation takes its token from the same places: the server reads the header, the
     * cookie or both for all of them, so an operation declaring fewer would accept what it does not declare.
     */
    private void checkTokenSources(Contract contract, Diagnostics diagnostics) {
        java.util.Set<String> first = null;
        Operation firstOperation = null;
        for (Operation operation : contract.operations()) {
            java.util.Set<String> sources = dev.specgen.contract.TokenSources.of(contract, operation);
            if (sources.isEmpty()) {
                continue;
            }
            long cookies = sources.stream().filter(s -> s.startsWith(dev.specgen.contract.TokenSources.COOKIE)).count();
            if (cookies > 1) {
                diagnostics.report(Rule.SECURITY_SCHEME_UNSUPPORTED, operation.securityNode(), operation.label()
                        + " takes its token from " + cookies + " different cookies", "one cookie scheme");
            } else if (first == null) {
                first = sources;
                firstOperation = operation;
            } else if (!first.equals(sources)) {
                diagnostics.report(Rule.SECURITY_SCHEME_UNSUPPORTED, operation.securityNode(), operation.label()
                        + " takes its token from " + where(sources) + " but "
                        + firstOperation.label() + " from " + where(first)
                        + "; the generated server reads the token the same way for every operation",
                        "the same bearer and cookie schemes on every operation that requires a token");
            }
        }
    }

    private static String where(java.util.Set<String> sources) {
        return sources.stream().map(s -> s.startsWith(dev.specgen.contract.TokenSources.COOKIE)
                ? "the cookie " + s.substring(dev.specgen.contract.TokenSources.COOKIE.length())
                : "the Authorization header").collect(java.util.stream.Collectors.joining(" or "));
    }

    private void checkSecuritySchemes(Contract contract, Diagnostics diagnostics) {
        contract.securitySchemes().ifPresent(schemes -> schemes.entries().forEach((name, node) ->
                contract.derefMap(node).ifPresent(scheme -> {
                    boolean bearer = "http".equals(scheme.text("type").orElse(""))
                            && "bearer".equalsIgnoreCase(scheme.text("scheme").orElse(""));
                    // OAuth2 and OpenID Connect access tokens arrive as bearer JWTs; their scopes are enforced.
                    boolean oauth = List.of("oauth2", "openIdConnect").contains(scheme.text("type").orElse(""));
                    if (oauth) {
                        return;
                    }
                    // A JWT in a cookie (Better Auth, session set-ups): read by the same code, with CSRF checks.
                    if (dev.specgen.contract.TokenSources.of(scheme).isPresent() && !bearer) {
                        return;
                    }
                    if (!bearer) {
                        String what = scheme.text("type").map(t -> "is " + t
                                + scheme.text("scheme").map(s -> " " + s).orElse("") + ", not HTTP bearer")
                                .orElse("has no type, so it is not HTTP bearer");
                        diagnostics.report(Rule.SECURITY_SCHEME_UNSUPPORTED, scheme, "the security scheme '" + name
                                        + "' " + what,
                                "a scheme with type: http and scheme: bearer (bearerFormat: JWT)");
                    } else {
                        // An opaque or other bearer token cannot be verified by its signature.
                        scheme.scalar("bearerFormat").filter(f -> !f.text().trim().toUpperCase(java.util.Locale.ROOT)
                                .matches("JWT|JWS|JSON WEB TOKEN")).ifPresent(format -> diagnostics.report(
                                Rule.SECURITY_SCHEME_UNSUPPORTED, format, "the security scheme '" + name + "' is"
                                        + " HTTP bearer with bearerFormat " + format.text() + ", not a JWT, so its"
                                        + " tokens cannot be verified by signature", "bearerFormat: JWT (or leave"
                                        + " bearerFormat out), with a JWT issued by your auth service"));
                    }
                })));
    }

    private void checkOperation(Operation operation, Map<String, Operation> seenIds, Diagnostics diagnostics) {
        // An operation without an operationId is valid OpenAPI: model.yaml binds it by "METHOD /path".
        if (operation.operationId().isPresent() && seenIds.containsKey(operation.operationId().get())) {
            Operation first = seenIds.get(operation.operationId().get());
            diagnostics.report(Rule.OPERATION_ID_DUPLICATE, operation.node().get("operationId").orElseThrow(),
                    operation.method().toUpperCase(java.util.Locale.ROOT) + " " + operation.path()
                            + " repeats the operationId '" + operation.operationId().get() + "' of "
                            + first.method().toUpperCase(java.util.Locale.ROOT) + " " + first.path() + " (line "
                            + first.node().get("operationId").orElseThrow().mark().line() + ")",
                    "a unique operationId for this operation, bound in model.yaml");
        } else {
            operation.operationId().ifPresent(id -> seenIds.put(id, operation));
        }
        List<String> template = operation.templateNames();
        Map<String, Parameter> parameters = operation.parameters();
        Set<String> seen = new HashSet<>();
        for (String name : template) {
            if (!seen.add(name) && repeatedPaths.add(operation.path())) {
                // One parameter cannot hold two segments; FastAPI refuses such a route outright.
                diagnostics.report(Rule.OPENAPI_INVALID, operation.node(), "the path " + operation.path() + " names {"
                        + name + "} twice, so one parameter would have to hold two path segments",
                        "a distinct name for each template expression of the path");
            }
        }
        for (String name : template.stream().distinct().toList()) {
            if (!parameters.containsKey("path:" + name)) {
                diagnostics.report(Rule.PATH_PARAM_UNDECLARED, operation.node(), operation.label() + " uses {" + name
                        + "} in its path but declares no path parameter '" + name + "'",
                        "a parameter {name: " + name + ", in: path, required: true, schema: ...}");
            }
        }
        for (Parameter parameter : operation.parametersIn("path")) {
            if (!template.contains(parameter.name())) {
                diagnostics.report(Rule.PATH_PARAM_NOT_IN_PATH, parameter.site(), operation.label()
                        + " declares path parameter '" + parameter.name() + "' that its path does not contain",
                        "remove the parameter or add {" + parameter.name() + "} to the path");
            }
        }
        for (Parameter parameter : parameters.values()) {
            if (parameter.schema().isEmpty()) {
                diagnostics.report(Rule.PROPERTY_TYPE_MISSING, parameter.site(), "parameter '" + parameter.name()
                        + "' of " + operation.label() + " has no schema", "a schema with a type");
            }
        }
        if (operation.successResponses().size() != 1) {
            YNode at = operation.responses().map(YNode.class::cast).orElse(operation.node());
            diagnostics.report(Rule.SUCCESS_RESPONSE_MISSING, at, operation.label() + " declares "
                    + operation.successResponses().size() + " success (2xx) responses",
                    "exactly one 2xx response");
        }
    }

    /** The servers must agree on one base path: the app serves the contract's paths under it. */
    private static void checkServers(Contract contract, Diagnostics diagnostics) {
        java.util.Set<String> paths = new java.util.LinkedHashSet<>(dev.specgen.contract.Servers.basePaths(contract));
        if (paths.size() > 1) {
            diagnostics.report(Rule.SERVERS_DISAGREE, dev.specgen.contract.Servers.serversNode(contract).orElseThrow(),
                    "the contract's servers put its paths under " + String.join(", ", paths.stream()
                            .map(p -> p.isEmpty() ? "the root" : p).toList()), "servers whose URLs share one path"
                            + " (the part after the host), e.g. all ending in " + paths.stream()
                            .filter(p -> !p.isEmpty()).findFirst().orElse("/api"));
        }
    }
}
