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
import dev.specgen.modeldoc.BindingDoc;
import dev.specgen.modeldoc.EntityDoc;
import dev.specgen.modeldoc.FieldDoc;
import dev.specgen.modeldoc.FieldType;
import dev.specgen.modeldoc.ModelDoc;
import dev.specgen.resolve.Actions;
import java.math.BigDecimal;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** Cross-checks between the contract and model.yaml's bindings, entities and auth. */
public final class BindingChecks {
    private final Contract contract;
    private final ModelDoc model;
    private final Diagnostics diagnostics;
    /** The first shape seen per entity and role, to catch operations that disagree. */
    private final Map<String, Set<String>> shapes = new HashMap<>();

    public BindingChecks(Contract contract, ModelDoc model, Diagnostics diagnostics) {
        this.contract = contract;
        this.model = model;
        this.diagnostics = diagnostics;
    }

    public void check() {
        Map<String, Operation> operations = contract.operationsById();
        Map<String, BindingDoc> bindings = model.bindings();
        for (Operation operation : operations.values()) {
            if (!bindings.containsKey(operation.operationId().orElseThrow())) {
                diagnostics.report(Rule.OPERATION_UNBOUND, operation.node().get("operationId").orElseThrow(),
                        operation.label() + " is not bound in model.yaml",
                        "operations." + operation.operationId().get() + " with an entity and an action in model.yaml");
            }
        }
        for (BindingDoc binding : bindings.values()) {
            Operation operation = operations.get(binding.operationId());
            if (operation == null) {
                diagnostics.report(Rule.BINDING_UNKNOWN_OPERATION, binding.idMark(), binding.node().pointer(),
                        "model.yaml binds '" + binding.operationId() + "', which is not an operationId of the contract",
                        "an operationId from the contract" + nearest(binding.operationId(), operations.keySet()));
                continue;
            }
            Optional<EntityDoc> entity = model.entity(binding.entity());
            if (entity.isEmpty()) {
                diagnostics.report(Rule.FIELD_REFERENCE_UNKNOWN, binding.at("entity"), "operation "
                        + binding.operationId() + " names entity '" + binding.entity() + "', which is not defined",
                        "one of " + String.join(", ", model.entities().keySet()));
                continue;
            }
            new OneBinding(operation, binding, entity.get()).check();
        }
    }

    private static String nearest(String id, Set<String> known) {
        return known.stream().filter(k -> k.equalsIgnoreCase(id) || k.startsWith(id) || id.startsWith(k))
                .findFirst().map(k -> " (did you mean " + k + "?)").orElse("");
    }

    private final class OneBinding {
        private final Operation operation;
        private final BindingDoc binding;
        private final EntityDoc entity;
        private final String action;
        private final String label;

        OneBinding(Operation operation, BindingDoc binding, EntityDoc entity) {
            this.operation = operation;
            this.binding = binding;
            this.entity = entity;
            this.action = binding.action();
            this.label = operation.label();
        }

        void check() {
            checkMethod();
            checkAuth();
            checkPath();
            checkErrorResponses();
            checkListOptions();
            checkResponse();
            checkRequest();
        }

        private void checkMethod() {
            String expected = Actions.method(action);
            if (!expected.equals(operation.method())) {
                diagnostics.report(Rule.ACTION_SHAPE, binding.at("action"), label + " is bound to action " + action
                        + ", which is served by " + expected.toUpperCase(java.util.Locale.ROOT),
                        "bind it to the action its method implements, or change the method");
            }
        }

        private void checkAuth() {
            boolean secured = secured();
            Optional<String> auth = binding.auth();
            if (!secured && auth.isEmpty()) {
                diagnostics.report(Rule.SECURITY_UNDECLARED, operation.securityNode(), label
                        + " has no security requirement and model.yaml does not declare it public",
                        "a bearer security requirement in the contract, or auth: public on operations."
                                + binding.operationId());
            } else if (secured && auth.filter("public"::equals).isPresent()) {
                diagnostics.report(Rule.AUTH_DISAGREES, binding.at("auth"), label + " requires a bearer token in"
                        + " the contract but model.yaml says auth: public", "the same auth in both");
            } else if (!secured && auth.filter("required"::equals).isPresent()) {
                diagnostics.report(Rule.AUTH_DISAGREES, binding.at("auth"), label + " has no security requirement"
                        + " in the contract but model.yaml says auth: required", "the same auth in both");
            }
            if (!secured && auth.filter("public"::equals).isPresent() && !entity.shared()) {
                diagnostics.report(Rule.PUBLIC_OWNED_DATA, operation.securityNode(), label + " is public but entity "
                        + entity.name() + " is owned", "a bearer requirement, or ownership: {shared: true}");
            }
        }

        /** True when the effective security names at least one bearer scheme in every alternative. */
        private boolean secured() {
            Optional<YSeq> security = operation.security();
            if (security.isEmpty() || security.get().items().isEmpty()) {
                return false;
            }
            for (YNode requirement : security.get().items()) {
                if (!(requirement instanceof YMap map) || map.entries().isEmpty()) {
                    return false; // {} is an anonymous alternative
                }
                for (String scheme : map.entries().keySet()) {
                    if (contract.securitySchemes().flatMap(s -> s.get(scheme)).isEmpty()) {
                        diagnostics.report(Rule.REF_UNRESOLVED, requirement, label + " requires security scheme '"
                                + scheme + "', which components.securitySchemes does not define",
                                "a bearer scheme named " + scheme);
                    }
                }
            }
            return true;
        }

        private void checkPath() {
            Map<String, String> bound = binding.path();
            List<Parameter> pathParams = operation.parametersIn("path");
            Set<String> declared = new LinkedHashSet<>();
            String primaryKey = entity.primaryKeys().stream().findFirst().map(FieldDoc::name).orElse(null);
            boolean pkBound = false;
            List<String> template = operation.templateNames();
            for (Parameter parameter : pathParams) {
                declared.add(parameter.name());
                if (!template.contains(parameter.name())) {
                    continue; // reported by the contract checks
                }
                if (!parameter.name().matches("[A-Za-z_][A-Za-z0-9_]*")) {
                    diagnostics.report(Rule.IDENTIFIER_INVALID, parameter.site(), "path parameter '" + parameter.name()
                            + "' of " + label + " cannot become a Python parameter name",
                            "a path parameter name of letters, digits and underscores");
                    continue;
                }
                String target = bound.get(parameter.name());
                if (target == null) {
                    diagnostics.report(Rule.PATH_PARAM_UNBOUND, parameter.site(), label + " has path parameter '"
                            + parameter.name() + "' with no binding in model.yaml",
                            "operations." + binding.operationId() + ".path." + parameter.name()
                                    + ": subject, or a field of " + entity.name());
                    continue;
                }
                if (BindingDoc.SUBJECT.equals(target)) {
                    checkSubjectParam(parameter);
                    continue;
                }
                Optional<FieldDoc> field = entity.field(target);
                if (field.isEmpty()) {
                    ModelChecks.unknownField(entity, (YScalar) binding.pathEntry(parameter.name()), diagnostics);
                    continue;
                }
                pkBound |= target.equals(primaryKey);
                boolean allowed = target.equals(primaryKey) || field.get().foreignKey().isPresent();
                if (!allowed) {
                    diagnostics.report(Rule.ACTION_SHAPE, binding.pathEntry(parameter.name()), label + " binds path"
                            + " parameter '" + parameter.name() + "' to " + entity.name() + "." + target
                            + ", which is neither the primary key nor a foreign key",
                            "bind path parameters to the primary key, a foreign key, or subject");
                }
                parameter.schema().flatMap(s -> SchemaView.of(contract, s))
                        .ifPresent(schema -> new PropertyMatch(schema, field.get(), "path parameter '"
                                + parameter.name() + "' of " + label).checkType());
            }
            for (String key : bound.keySet()) {
                if (!declared.contains(key)) {
                    diagnostics.report(Rule.FIELD_REFERENCE_UNKNOWN, binding.pathEntry(key), "operations."
                            + binding.operationId() + ".path names '" + key + "', which is not a path parameter of "
                            + label, "one of " + (declared.isEmpty() ? "(none)" : String.join(", ", declared)));
                }
            }
            if (binding.isItemAction() && !pkBound && primaryKey != null) {
                diagnostics.report(Rule.ACTION_SHAPE, binding.at("action"), label + " is a " + action
                        + " but no path parameter is bound to the primary key " + entity.name() + "." + primaryKey,
                        "a path parameter bound to " + primaryKey);
            }
            if (!binding.isItemAction() && pkBound) {
                diagnostics.report(Rule.ACTION_SHAPE, binding.at("path"), label + " is a " + action
                        + " but binds the primary key in its path", "no primary key in the path of a " + action);
            }
        }

        /** Every error status the generated route can answer must be in the contract. */
        private void checkErrorResponses() {
            List<String> needed = new java.util.ArrayList<>();
            if (secured()) {
                needed.add("401 (bad or missing token)");
            }
            boolean guarded = binding.path().values().stream().anyMatch(t -> !t.equals(primaryKeyName())
                    && (BindingDoc.SUBJECT.equals(t) || entity.field(t).flatMap(FieldDoc::foreignKey).isPresent()));
            if (binding.isItemAction() || guarded || bodyNamesOwnedParent()) {
                needed.add("404 (a row the caller cannot see)");
            }
            boolean writes = List.of("create", "update", "replace").contains(action);
            boolean unique = !entity.groups("unique").isEmpty()
                    || entity.fields().values().stream().anyMatch(f -> f.unique() && !f.primaryKey());
            if (writes && unique) {
                needed.add("409 (a unique constraint clash)");
            }
            if ("delete".equals(action) && referencedWithoutCascade()) {
                needed.add("409 (a row other rows still refer to)");
            }
            if (!operation.parameters().isEmpty() || operation.requestBody().isPresent()) {
                needed.add("422 (invalid input)");
            }
            for (String status : needed) {
                String code = status.substring(0, 3);
                if (!operation.declaresStatus(code)) {
                    YNode at = operation.responses().map(YNode.class::cast).orElse(operation.node());
                    diagnostics.report(Rule.ERROR_RESPONSE_UNDECLARED, at, label + " can answer " + status
                            + " but does not declare it", "a '" + code + "' response in the contract");
                }
            }
        }

        /** Some foreign key to this entity neither cascades nor sets null, so a delete can be refused. */
        private boolean referencedWithoutCascade() {
            return model.entities().values().stream().flatMap(e -> e.fields().values().stream())
                    .flatMap(f -> f.foreignKey().stream())
                    .anyMatch(fk -> entity.name().equals(fk.text("entity").orElse(""))
                            && !List.of("cascade", "set_null").contains(fk.text("on_delete").orElse("no_action")));
        }

        private String primaryKeyName() {
            return entity.primaryKeys().stream().findFirst().map(FieldDoc::name).orElse("");
        }

        private boolean ownedParent(String fieldName) {
            return entity.field(fieldName).flatMap(FieldDoc::foreignKey).flatMap(fk -> fk.text("entity"))
                    .flatMap(model::entity).map(parent -> !parent.shared()).orElse(false);
        }

        private boolean bodyNamesOwnedParent() {
            return operation.requestSchema().flatMap(s -> SchemaView.of(contract, s))
                    .map(s -> s.properties().keySet().stream().anyMatch(this::ownedParent)).orElse(false);
        }

        private void checkSubjectParam(Parameter parameter) {
            String userIdType = model.auth().map("user_id").flatMap(u -> u.text("type")).orElse("string");
            Optional<SchemaView> schema = parameter.schema().flatMap(s -> SchemaView.of(contract, s));
            if (schema.isEmpty()) {
                return;
            }
            FieldType expected = switch (userIdType) {
                case "uuid" -> FieldType.UUID;
                case "int" -> FieldType.BIGINT;
                default -> FieldType.STRING;
            };
            String type = schema.get().type().orElse("?");
            boolean ok = expected == FieldType.BIGINT ? "integer".equals(type)
                    : expected.matches(type, schema.get().format());
            if (!ok) {
                diagnostics.report(Rule.TYPE_MISMATCH, parameter.schema().orElseThrow(), "path parameter '"
                        + parameter.name() + "' of " + label + " is bound to the token subject (" + userIdType
                        + ") but its schema is " + type, expected.contractSpelling());
            }
        }

        private void checkListOptions() {
            boolean list = "list".equals(action);
            for (String key : List.of("page", "filters", "sort")) {
                if (!list && binding.node().has(key)) {
                    diagnostics.report(Rule.ACTION_SHAPE, binding.at(key), "operations." + binding.operationId() + "."
                            + key + " is set on a " + action + " operation", key + " only on list operations");
                }
            }
            Map<String, Parameter> query = new java.util.LinkedHashMap<>();
            operation.parametersIn("query").forEach(p -> query.put(p.name(), p));
            Set<String> meaningful = new LinkedHashSet<>();
            if (list) {
                for (YScalar filter : binding.filters()) {
                    meaningful.add(filter.text());
                    Optional<FieldDoc> field = entity.field(filter.text());
                    if (field.isEmpty()) {
                        ModelChecks.unknownField(entity, filter, diagnostics);
                    } else if (!query.containsKey(filter.text())) {
                        missingQuery(filter, filter.text(), "filter");
                    } else {
                        query.get(filter.text()).schema().flatMap(s -> SchemaView.of(contract, s)).ifPresent(s ->
                                new PropertyMatch(s, field.get(), "query parameter '" + filter.text() + "' of "
                                        + label).checkType());
                    }
                }
                binding.sort().ifPresent(sort -> {
                    meaningful.add("sort");
                    Set<String> names = new LinkedHashSet<>();
                    for (YScalar field : binding.sortFields()) {
                        names.add(field.text());
                        if (entity.field(field.text()).isEmpty()) {
                            ModelChecks.unknownField(entity, field, diagnostics);
                        }
                    }
                    sort.scalar("default").ifPresent(d -> {
                        String name = d.text().startsWith("-") ? d.text().substring(1) : d.text();
                        if (!names.contains(name)) {
                            diagnostics.report(Rule.FIELD_REFERENCE_UNKNOWN, d, "the default sort '" + d.text()
                                    + "' is not among the sort fields", "one of " + String.join(", ", names));
                        }
                    });
                    if (!query.containsKey("sort")) {
                        missingQuery(sort, "sort", "sort");
                    }
                });
                binding.page().ifPresent(page -> {
                    meaningful.add("limit");
                    meaningful.add("offset");
                    checkPage(page, query);
                });
            }
            for (Parameter parameter : query.values()) {
                if (!meaningful.contains(parameter.name())) {
                    diagnostics.report(Rule.QUERY_PARAM_UNSUPPORTED, parameter.site(), label + " declares query"
                            + " parameter '" + parameter.name() + "', which model.yaml gives no meaning",
                            list ? "list it under filters, or declare sort or page for it" : "remove it");
                }
            }
        }

        private void missingQuery(YNode at, String name, String what) {
            diagnostics.report(Rule.QUERY_PARAM_UNSUPPORTED, at, "model.yaml declares " + what + " '" + name
                    + "' for " + label + " but the contract has no query parameter '" + name + "'",
                    "a query parameter named " + name + " in the contract");
        }

        private void checkPage(YMap page, Map<String, Parameter> query) {
            BigDecimal max = page.scalar("max").flatMap(YScalar::number).orElseThrow();
            BigDecimal byDefault = page.scalar("default").flatMap(YScalar::number).orElseThrow();
            if (byDefault.compareTo(max) > 0) {
                diagnostics.report(Rule.CONSTRAINT_CONTRADICTION, page.get("default").orElseThrow(), "the page default "
                        + byDefault + " is above its max " + max, "page.default <= page.max");
            }
            for (String name : List.of("limit", "offset")) {
                if (!query.containsKey(name)) {
                    missingQuery(page, name, "page parameter");
                }
            }
            Parameter limit = query.get("limit");
            if (limit != null) {
                limit.schema().flatMap(s -> SchemaView.of(contract, s)).ifPresent(s -> {
                    boolean same = s.number("maximum").map(m -> m.compareTo(max) == 0).orElse(false)
                            && s.number("default").map(d -> d.compareTo(byDefault) == 0).orElse(false)
                            && "integer".equals(s.type().orElse(""));
                    if (!same) {
                        diagnostics.report(Rule.CONSTRAINT_MISMATCH, limit.schema().orElseThrow(), "query parameter"
                                + " 'limit' of " + label + " does not say maximum " + max + " and default "
                                + byDefault + " as model.yaml's page does", "type: integer, minimum: 1, maximum: "
                                + max + ", default: " + byDefault);
                    }
                });
            }
        }

        private void checkResponse() {
            Map<String, YNode> success = operation.successResponses();
            if (success.size() != 1) {
                return; // reported by the contract checks
            }
            String status = success.keySet().iterator().next();
            YNode response = success.values().iterator().next();
            Optional<YNode> schemaNode = operation.jsonSchemaOf(response);
            if ("delete".equals(action)) {
                if (!"204".equals(status) || schemaNode.isPresent()) {
                    diagnostics.report(Rule.ACTION_SHAPE, response, label + " deletes but answers " + status
                            + (schemaNode.isPresent() ? " with a body" : ""), "a 204 response with no content");
                }
                return;
            }
            if ("create".equals(action) ? !List.of("200", "201").contains(status) : !"200".equals(status)) {
                diagnostics.report(Rule.ACTION_SHAPE, response, label + " is a " + action + " answering " + status,
                        "create" .equals(action) ? "201 (or 200)" : "200");
            }
            if (schemaNode.isEmpty()) {
                diagnostics.report(Rule.RESPONSE_SCHEMA_MISSING, response, "the " + status + " response of " + label
                        + " has no application/json schema", "content: {application/json: {schema: ...}} describing"
                        + ("list".equals(action) ? " the list of " : " the ") + entity.name());
                return;
            }
            Optional<SchemaView> schema = SchemaView.of(contract, schemaNode.get());
            if (schema.isEmpty()) {
                return; // an unresolved reference, reported already
            }
            if ("list".equals(action)) {
                checkListShape(schema.get());
            } else {
                checkEntityObject(schema.get(), "public", "the response of " + label);
            }
        }

        private void checkListShape(SchemaView schema) {
            boolean paged = binding.page().isPresent();
            if (!paged) {
                if (!"array".equals(schema.type().orElse("")) || schema.items().isEmpty()) {
                    diagnostics.report(Rule.LIST_SHAPE, schema.site(), "the response of " + label
                            + " is not an array of " + entity.name(), "type: array with items describing "
                            + entity.name() + " (or declare page in model.yaml for a page object)");
                    return;
                }
                checkEntityObject(schema.items().get(), "public", "the items of " + label);
                return;
            }
            Map<String, YNode> properties = schema.properties();
            Set<String> expected = Set.of("items", "total", "limit", "offset");
            boolean ok = "object".equals(schema.type().orElse("")) && properties.keySet().equals(expected)
                    && schema.required().containsAll(expected);
            if (!ok) {
                diagnostics.report(Rule.LIST_SHAPE, schema.site(), "the response of " + label + " is not a page"
                        + " object", "type: object with required properties items (array of " + entity.name()
                        + "), total, limit and offset (integers)");
                return;
            }
            Optional<SchemaView> items = schema.property("items").flatMap(SchemaView::items);
            if (items.isEmpty() || !"array".equals(schema.property("items").flatMap(SchemaView::type).orElse(""))) {
                diagnostics.report(Rule.LIST_SHAPE, properties.get("items"), "the items of " + label
                        + "'s page are not an array", "items: {type: array, items: <" + entity.name() + ">}");
                return;
            }
            for (String count : List.of("total", "limit", "offset")) {
                if (!"integer".equals(schema.property(count).flatMap(SchemaView::type).orElse(""))) {
                    diagnostics.report(Rule.LIST_SHAPE, properties.get(count), count + " in the page of " + label
                            + " is not an integer", count + ": {type: integer}");
                }
            }
            checkEntityObject(items.get(), "public", "the items of " + label);
        }

        private void checkRequest() {
            boolean takesBody = List.of("create", "update", "replace").contains(action);
            Optional<YNode> schemaNode = operation.requestSchema();
            if (!takesBody) {
                if (operation.requestBody().isPresent()) {
                    diagnostics.report(Rule.ACTION_SHAPE, operation.node().get("requestBody").orElseThrow(), label
                            + " is a " + action + " but has a request body", "no request body on a " + action);
                }
                return;
            }
            if (schemaNode.isEmpty()) {
                YNode at = operation.node().get("requestBody").orElse(operation.node());
                diagnostics.report(Rule.REQUEST_BODY_MISSING, at, label + " is a " + action
                        + " without a JSON request body schema", "requestBody: {required: true, content:"
                        + " {application/json: {schema: ...}}}");
                return;
            }
            Optional<SchemaView> schema = SchemaView.of(contract, schemaNode.get());
            if (schema.isEmpty()) {
                return;
            }
            String role = "update".equals(action) ? "update" : "create";
            if (!checkEntityObject(schema.get(), role, "the request body of " + label)) {
                return;
            }
            Set<String> pathBound = new LinkedHashSet<>(binding.path().values());
            Set<String> properties = schema.get().properties().keySet();
            Set<String> required = schema.get().required();
            for (String name : properties) {
                Optional<FieldDoc> field = entity.field(name);
                if (field.isEmpty()) {
                    continue; // reported as a missing field
                }
                YNode at = schema.get().properties().get(name);
                if (entity.ownerField().filter(name::equals).isPresent()) {
                    diagnostics.report(Rule.OWNER_IN_REQUEST, at, "the request body of " + label + " accepts the owner"
                            + " field '" + name + "'", "remove " + name + " from the request schema: the server sets it"
                            + " from the token");
                } else if (field.get().generated().isPresent() || field.get().readOnly()
                        || pathBound.contains(name)) {
                    diagnostics.report(Rule.SERVER_FIELD_IN_REQUEST, at, "the request body of " + label
                            + " accepts '" + name + "', which the server sets" + (pathBound.contains(name)
                            ? " from the path" : ""), "remove " + name + " from the request schema");
                }
            }
            if ("update".equals(action)) {
                return;
            }
            for (FieldDoc field : entity.fields().values()) {
                boolean serverSet = field.generated().isPresent() || field.readOnly()
                        || entity.ownerField().filter(field.name()::equals).isPresent()
                        || pathBound.contains(field.name());
                boolean mustSend = !serverSet && !field.nullable() && !field.hasDefault();
                if (mustSend && !properties.contains(field.name())) {
                    diagnostics.report(Rule.REQUIRED_FIELD_NOT_IN_CONTRACT, schema.get().site(), "the request body of "
                            + label + " lacks '" + field.name() + "', which " + entity.name()
                            + " requires (not nullable, no default)", "a required property " + field.name()
                            + ", or a default or nullable: true in model.yaml");
                } else if (properties.contains(field.name()) && !serverSet && mustSend != required.contains(field.name())) {
                    diagnostics.report(Rule.REQUIRED_MISMATCH, schema.get().properties().get(field.name()),
                            "'" + field.name() + "' is " + (mustSend ? "optional" : "required") + " in the request body"
                                    + " of " + label + " but " + (mustSend ? "has no default in model.yaml"
                                    : "has a default or is nullable in model.yaml"),
                            mustSend ? "list " + field.name() + " under required" : "remove " + field.name()
                                    + " from required, or drop its default");
                }
            }
        }

        /**
         * Checks an object schema against the entity's fields and that every operation of the entity
         * uses the same shape in this role. False when the schema is not an object at all.
         */
        private boolean checkEntityObject(SchemaView schema, String role, String what) {
            if (!"object".equals(schema.type().orElse("")) || schema.properties().isEmpty()) {
                Rule rule = schema.hasType() ? Rule.LIST_SHAPE : Rule.PROPERTY_TYPE_MISSING;
                if (!"public".equals(role)) {
                    rule = schema.hasType() ? Rule.REQUEST_BODY_MISSING : Rule.PROPERTY_TYPE_MISSING;
                }
                diagnostics.report(rule, schema.site(), what + " is not an object schema with properties",
                        "type: object with properties naming fields of " + entity.name());
                return false;
            }
            for (Map.Entry<String, YNode> property : schema.properties().entrySet()) {
                Optional<FieldDoc> field = entity.field(property.getKey());
                YNode at = property.getValue();
                if (field.isEmpty()) {
                    diagnostics.report(Rule.PROPERTY_FIELD_MISSING, at, what + " has property '" + property.getKey()
                            + "', which is not a field of " + entity.name(), "a field " + property.getKey()
                            + " in model.yaml, or remove the property");
                    continue;
                }
                Optional<SchemaView> view = SchemaView.of(contract, at);
                if (view.isEmpty()) {
                    continue;
                }
                PropertyMatch match = new PropertyMatch(view.get(), field.get(), "'" + property.getKey() + "' in "
                        + what);
                match.checkType();
                match.checkConstraints();
                if ("public".equals(role)) {
                    match.checkNullable();
                    if (!schema.required().contains(property.getKey())) {
                        diagnostics.report(Rule.REQUIRED_MISMATCH, at, "'" + property.getKey() + "' in " + what
                                + " is not required, but the server always returns it",
                                "list " + property.getKey() + " under required (nullable if it can be null)");
                    }
                }
            }
            String key = entity.name() + "/" + role;
            Set<String> names = new LinkedHashSet<>(schema.properties().keySet());
            Set<String> first = shapes.putIfAbsent(key, names);
            if (first != null && !first.equals(names)) {
                diagnostics.report(Rule.SHAPES_DIFFER, schema.site(), what + " has properties " + names
                        + " but another " + role + " schema of " + entity.name() + " has " + first,
                        "one " + role + " schema per entity");
            }
            return true;
        }
    }

    /** Compares one contract schema with one model field. */
    private final class PropertyMatch {
        private final SchemaView schema;
        private final FieldDoc field;
        private final FieldType type;
        private final String what;

        PropertyMatch(SchemaView schema, FieldDoc field, String what) {
            this.schema = schema;
            this.field = field;
            this.type = FieldType.of(field.type());
            this.what = what;
        }

        void checkType() {
            if (!schema.hasType() && !schema.hasEnum()) {
                diagnostics.report(Rule.PROPERTY_TYPE_MISSING, schema.site(), what + " has no type",
                        type.contractSpelling());
                return;
            }
            Optional<String> declared = schema.type();
            if (!SchemaView.TYPES.containsAll(schema.types())) {
                return; // an unknown type is reported once, by the contract checks
            }
            if (declared.isEmpty() || !type.matches(declared.get(), schema.format())) {
                diagnostics.report(Rule.TYPE_MISMATCH, schema.typeNode().orElse(schema.site()), what + " is "
                        + declared.orElse(String.join("|", schema.types())) + schema.format().map(f -> " (" + f + ")")
                        .orElse("") + " but field " + field.name() + " is " + type.modelName(),
                        type.contractSpelling());
            }
        }

        void checkNullable() {
            if (schema.nullable() != field.nullable()) {
                diagnostics.report(Rule.REQUIRED_MISMATCH, schema.site(), what + (schema.nullable() ? " is" : " is not")
                        + " nullable but field " + field.name() + (field.nullable() ? " is" : " is not"),
                        field.nullable() ? "nullable: true (3.0) or type: [..., 'null'] (3.1)" : "drop the null option");
            }
        }

        void checkConstraints() {
            compare("minLength", "min_length");
            compare("maxLength", "max_length");
            compare("minimum", "minimum");
            compare("maximum", "maximum");
            Optional<String> pattern = schema.text("pattern");
            Optional<String> fieldPattern = field.text("pattern");
            if (pattern.isPresent() && !pattern.equals(fieldPattern)) {
                mismatch("pattern", pattern.get(), fieldPattern.orElse("none"));
            }
            if (type == FieldType.ARRAY) {
                checkItems();
            }
            if (type == FieldType.ENUM) {
                List<String> values = schema.enumValues();
                if (!new LinkedHashSet<>(values).equals(new LinkedHashSet<>(field.values()))) {
                    mismatch("enum", values.toString(), field.values().toString());
                }
            }
        }

        /** An array's items and counts: the contract's items schema is compared like a field of its own. */
        private void checkItems() {
            compare("minItems", "min_items");
            compare("maxItems", "max_items");
            field.node().map("items").ifPresent(items -> {
                Optional<SchemaView> declared = schema.items();
                if (declared.isEmpty()) {
                    diagnostics.report(Rule.PROPERTY_TYPE_MISSING, schema.site(), what + " is an array without"
                            + " items", "items: {" + FieldType.of(items.text("type").orElseThrow()).contractSpelling()
                            + "}");
                    return;
                }
                PropertyMatch item = new PropertyMatch(declared.get(), new FieldDoc(field.name(), items, items.mark()),
                        "the items of " + what);
                item.checkType();
                item.checkNullable();
                item.checkConstraints();
            });
        }

        private void compare(String keyword, String fieldKey) {
            Optional<BigDecimal> contractValue = schema.number(keyword);
            Optional<BigDecimal> modelValue = field.number(fieldKey);
            if (contractValue.isPresent() && (modelValue.isEmpty()
                    || contractValue.get().compareTo(modelValue.get()) != 0)) {
                mismatch(keyword, contractValue.get().toPlainString(),
                        modelValue.map(BigDecimal::toPlainString).orElse("none"));
            }
        }

        private void mismatch(String keyword, String contractValue, String modelValue) {
            diagnostics.report(Rule.CONSTRAINT_MISMATCH, schema.node().get(keyword).orElse(schema.site()), what
                    + " has " + keyword + " " + contractValue + " but model.yaml says " + modelValue,
                    "the same " + keyword + " in the contract and model.yaml");
        }
    }
}
