package dev.specgen.validate;

import dev.specgen.actions.Action;
import dev.specgen.actions.ActionContext;
import dev.specgen.actions.Actions;
import dev.specgen.actions.ListFilters;
import dev.specgen.actions.Pagination;
import dev.specgen.actions.Search;
import dev.specgen.shapes.Envelopes;
import dev.specgen.contract.Contract;
import dev.specgen.contract.Operation;
import dev.specgen.contract.Parameter;
import dev.specgen.contract.SchemaView;
import dev.specgen.diagnostics.Diagnostics;
import dev.specgen.diagnostics.Rule;
import dev.specgen.load.YMap;
import dev.specgen.load.YNode;
import dev.specgen.load.YScalar;
import dev.specgen.modeldoc.BindingDoc;
import dev.specgen.modeldoc.EntityDoc;
import dev.specgen.modeldoc.FieldDoc;
import dev.specgen.modeldoc.FieldType;
import dev.specgen.modeldoc.ModelDoc;
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
    /** Parts of model.yaml that broke its schema: reported already, so never reported as missing. */
    private final ModelGaps gaps;
    /** The first shape seen per entity and role, to catch operations that disagree. */
    private final Map<String, Set<String>> shapes = new HashMap<>();

    public BindingChecks(Contract contract, ModelDoc model, ModelGaps gaps, Diagnostics diagnostics) {
        this.contract = contract;
        this.model = model;
        this.gaps = gaps;
        this.diagnostics = diagnostics;
    }

    public void check() {
        Map<String, Operation> operations = new java.util.LinkedHashMap<>(contract.operationsByKey());
        // A repeated operationId (reported by the contract checks) cannot say which operation is bound.
        Set<String> seen = new java.util.HashSet<>();
        Set<String> repeated = new java.util.HashSet<>();
        contract.operations().forEach(op -> op.operationId().filter(id -> !seen.add(id)).ifPresent(repeated::add));
        repeated.forEach(operations::remove);
        Map<String, BindingDoc> bindings = model.bindings();
        for (Operation operation : contract.operations()) {
            if (operation.operationId().filter(repeated::contains).isPresent()) {
                continue;
            }
            boolean byId = operation.operationId().filter(bindings::containsKey).isPresent();
            boolean byMethod = bindings.containsKey(operation.methodPath());
            boolean broken = operation.operationId().filter(gaps::bindingBroken).isPresent()
                    || gaps.bindingBroken(operation.methodPath());
            if (!byId && !byMethod && !broken) {
                String key = operation.operationId().orElse("\"" + operation.methodPath() + "\"");
                diagnostics.report(Rule.OPERATION_UNBOUND, operation.keyNode(),
                        operation.label() + " is not bound in model.yaml",
                        "operations." + key + " with an entity and an action in model.yaml");
            } else if (byId && byMethod) {
                BindingDoc second = bindings.get(operation.methodPath());
                diagnostics.report(Rule.BINDING_UNKNOWN_OPERATION, second.idMark(), second.node().pointer(),
                        "model.yaml binds " + operation.label() + " twice, as '" + operation.operationId().get()
                                + "' and as '" + operation.methodPath() + "'",
                        "one binding per operation; remove one of the two");
            }
        }
        for (BindingDoc binding : bindings.values()) {
            Operation operation = operations.get(binding.key());
            if (operation == null && repeated.contains(binding.key())) {
                continue;
            }
            if (operation == null) {
                diagnostics.report(Rule.BINDING_UNKNOWN_OPERATION, binding.idMark(), binding.node().pointer(),
                        "model.yaml binds '" + binding.key() + "', which is neither an operationId nor a"
                                + " \"METHOD /path\" of the contract",
                        "an operationId from the contract, or its method and path as in \"GET /tasks\""
                                + nearest(binding.key(), operations.keySet()));
                continue;
            }
            Optional<Action> known = Actions.of(binding.node().text("action").orElse(""));
            if (known.isEmpty()) {
                continue; // a schema error, reported by the schema check
            }
            Action action = known.get();
            Optional<EntityDoc> entity = binding.entityName().flatMap(model::entity);
            if (action.needsEntity()) {
                if (binding.entityName().isEmpty()) {
                    diagnostics.report(Rule.ACTION_SHAPE, binding.idMark(), binding.node().pointer(), "operations."
                            + binding.key() + " is a " + action.name() + " but names no entity",
                            "entity: one of " + String.join(", ", model.entities().keySet()));
                    continue;
                }
                if (entity.isEmpty() && gaps.entityBroken(binding.entity())) {
                    continue;
                }
                if (entity.isEmpty()) {
                    diagnostics.report(Rule.FIELD_REFERENCE_UNKNOWN, binding.at("entity"), "operation "
                            + binding.key() + " names entity '" + binding.entity() + "', which is not defined",
                            "one of " + String.join(", ", model.entities().keySet()));
                    continue;
                }
                new OneBinding(operation, binding, entity.get()).check();
            } else {
                checkMethod(operation, binding, action);
            }
            action.check(new ActionContext(contract, model, operation, binding, entity, diagnostics));
        }
    }

    private void checkMethod(Operation operation, BindingDoc binding, Action action) {
        if (!action.methods().contains(operation.method())) {
            diagnostics.report(Rule.ACTION_SHAPE, binding.at("action"), operation.label() + " is bound to action "
                    + action.name() + ", which is served by " + String.join(" or ", action.methods().stream().sorted()
                    .map(m -> m.toUpperCase(java.util.Locale.ROOT)).toList()),
                    "bind it to the action its method implements, or change the method");
        }
    }

    /** "a list", "an update": the action with its article. */
    private static String an(String word) {
        return ("aeiou".indexOf(word.charAt(0)) >= 0 ? "an " : "a ") + word;
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
            BindingChecks.this.checkMethod(operation, binding, Actions.get(action));
        }

        private void checkAuth() {
            boolean secured = secured();
            Optional<String> auth = binding.auth();
            // [{bearerAuth: []}, {}]: a token is asked for, but the empty alternative lets anyone in.
            Optional<YNode> anonymous = operation.security().filter(seq -> seq.items().size() > 1)
                    .flatMap(seq -> seq.items().stream().filter(i -> i instanceof YMap m && m.entries().isEmpty())
                            .findFirst());
            if (!secured && auth.isEmpty() && anonymous.isPresent()) {
                diagnostics.report(Rule.SECURITY_UNDECLARED, anonymous.get(), label + " makes the bearer token"
                        + " optional: the empty requirement {} in its security lets callers in without one",
                        "remove {} so that a token is required, or say auth: public on operations."
                                + binding.key() + " if anonymous callers are meant");
            } else if (!secured && auth.isEmpty()) {
                diagnostics.report(Rule.SECURITY_UNDECLARED, operation.securityNode(), label
                        + " has no security requirement and model.yaml does not declare it public",
                        "a bearer security requirement in the contract, or auth: public on operations."
                                + binding.key());
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
            if (!operation.requiresToken()) {
                return false; // none declared, or {} as an anonymous alternative
            }
            for (YNode requirement : operation.security().orElseThrow().items()) {
                for (String scheme : ((YMap) requirement).entries().keySet()) {
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
                            "operations." + binding.key() + ".path." + parameter.name()
                                    + ": subject, or a field of " + entity.name());
                    continue;
                }
                if (BindingDoc.SUBJECT.equals(target)) {
                    checkSubjectParam(parameter);
                    continue;
                }
                Optional<FieldDoc> field = entity.field(target);
                if (field.isEmpty()) {
                    unknownField((YScalar) binding.pathEntry(parameter.name()));
                    continue;
                }
                pkBound |= target.equals(primaryKey);
                // Without a single primary key (reported by the model checks) no binding can be judged.
                boolean allowed = primaryKey == null || entity.primaryKeys().size() > 1
                        || target.equals(primaryKey) || field.get().foreignKey().isPresent();
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
                            + binding.key() + ".path names '" + key + "', which is not a path parameter of "
                            + label, "one of " + (declared.isEmpty() ? "(none)" : String.join(", ", declared)));
                }
            }
            if (binding.isItemAction() && !pkBound && primaryKey != null) {
                diagnostics.report(Rule.ACTION_SHAPE, binding.at("action"), label + " is " + an(action)
                        + " but no path parameter is bound to the primary key " + entity.name() + "." + primaryKey,
                        "a path parameter bound to " + primaryKey);
            }
            if (!binding.isItemAction() && pkBound) {
                diagnostics.report(Rule.ACTION_SHAPE, binding.at("path"), label + " is " + an(action)
                        + " but binds the primary key in its path", "no primary key in the path of " + an(action));
            }
        }

        /** Every error status the generated route can answer must be in the contract. */
        private void checkErrorResponses() {
            List<String> needed = new java.util.ArrayList<>();
            if (secured()) {
                needed.add("401 (bad or missing token)");
            }
            // A path user id that is not the caller is a 403 where the operation declares one, else a 404;
            // a parent in the path (owned, or shared and unknown) is a 404.
            boolean subject404 = binding.path().containsValue(BindingDoc.SUBJECT) && !operation.declaresStatus("403");
            boolean guarded = subject404 || binding.path().values().stream().anyMatch(t -> !t.equals(primaryKeyName())
                    && !BindingDoc.SUBJECT.equals(t) && entity.field(t).flatMap(FieldDoc::foreignKey).isPresent());
            boolean ownRow = List.of("me", "update_me").contains(action); // no row yet for this subject
            if (binding.isItemAction() || ownRow || guarded || bodyNamesOwnedParent()) {
                needed.add("404 (a row the caller cannot see)");
            }
            boolean writes = List.of("create", "update", "replace", "update_me").contains(action);
            boolean unique = !entity.groups("unique").isEmpty()
                    || entity.fields().values().stream().anyMatch(f -> f.unique() && !f.primaryKey());
            if (writes && unique) {
                needed.add("409 (a unique constraint clash)");
            }
            if (bodyNamesSharedParent() && !operation.declaresStatus("404")) {
                // A missing referenced row is a 409 (or a 404 where declared): valid JSON, but not a valid state.
                needed.add("409 (a referenced row that does not exist)");
            }
            if ("delete".equals(action) && referencedWithoutCascade()) {
                needed.add("409 (a row other rows still refer to)");
            }
            if (canBeInvalid()) {
                needed.add("422 (invalid input)");
            }
            for (String status : needed) {
                String code = status.substring(0, 3);
                boolean declared = operation.declaresStatus(code)
                        || "422".equals(code) && operation.declaresStatus("400");
                if (!declared) {
                    YNode at = operation.responses().map(YNode.class::cast).orElse(operation.node());
                    diagnostics.report(Rule.ERROR_RESPONSE_UNDECLARED, at, label + " can answer " + status
                            + " but does not declare it", "a '" + code + "' response in the contract");
                }
            }
        }

        /**
         * Whether a request can be invalid input at all: it has a body, or a parameter whose schema
         * constrains it (a list whose only parameter is an unconstrained string cannot be).
         */
        private boolean canBeInvalid() {
            if (operation.requestBody().isPresent()) {
                return true;
            }
            for (Parameter parameter : operation.parameters().values()) {
                Optional<SchemaView> schema = parameter.schema().flatMap(s -> SchemaView.of(contract, s));
                if (schema.isEmpty()) {
                    continue;
                }
                Set<String> keywords = new java.util.HashSet<>(schema.get().node().entries().keySet());
                keywords.removeAll(Set.of("type", "description", "title", "example", "examples", "default",
                        "deprecated", "nullable"));
                if (!keywords.isEmpty() || !List.of("string").equals(schema.get().types())) {
                    return true;
                }
            }
            return false;
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

        /** The body names a row of a shared entity by foreign key: one that does not exist is refused. */
        private boolean bodyNamesSharedParent() {
            return operation.requestSchema().flatMap(s -> SchemaView.of(contract, s))
                    .map(s -> s.properties().keySet().stream().anyMatch(name -> entity.field(name)
                            .flatMap(FieldDoc::foreignKey).flatMap(fk -> fk.text("entity")).flatMap(model::entity)
                            .map(EntityDoc::shared).orElse(false))).orElse(false);
        }

        private void unknownField(YScalar name) {
            if (!gaps.fieldBroken(entity.name(), name.text())) {
                ModelChecks.unknownField(entity, name, diagnostics);
            }
        }

        private void checkSubjectParam(Parameter parameter) {
            if (gaps.authBroken()) {
                return;
            }
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
                Optional<String> format = schema.get().format();
                String required = expected == FieldType.STRING && format.isPresent()
                        ? "type: string without format: " + format.get() + (format.get().equals("uuid")
                                ? ", or auth.user_id.type: uuid in model.yaml if subjects are UUIDs" : "")
                        : (expected == FieldType.BIGINT ? "type: integer" : expected.contractSpelling())
                                + ", or the auth.user_id.type in model.yaml that the contract describes";
                diagnostics.report(Rule.TYPE_MISMATCH, parameter.schema().orElseThrow(), "path parameter '"
                        + parameter.name() + "' of " + label + " is bound to the token subject, whose type is "
                        + userIdType + " (auth.user_id.type), but its schema is " + type
                        + format.map(f -> " with format: " + f).orElse(""), required);
            }
        }

        private void checkListOptions() {
            boolean list = "list".equals(action);
            boolean aggregate = "aggregate".equals(action);
            for (String key : List.of("page", "filters", "sort", "order", "search")) {
                boolean fits = list || aggregate && "filters".equals(key);
                if (!fits && binding.node().has(key)) {
                    diagnostics.report(Rule.ACTION_SHAPE, binding.at(key), "operations." + binding.key() + "."
                            + key + " is set on " + an(action) + " operation", key + " only on list operations"
                            + ("filters".equals(key) ? " and aggregates" : ""));
                }
            }
            Map<String, Parameter> query = new java.util.LinkedHashMap<>();
            operation.parametersIn("query").forEach(p -> query.put(p.name(), p));
            Set<String> meaningful = new LinkedHashSet<>();
            if (list || aggregate) {
                ListFilters.check(contract, binding, entity, query, meaningful, diagnostics,
                        (schema, field) -> new PropertyMatch(schema, field, "query parameter of " + label).checkType(),
                        label, name -> gaps.fieldBroken(entity.name(), name));
            }
            if (list) {
                Search.check(binding, entity, query, meaningful, diagnostics, label,
                        name -> gaps.fieldBroken(entity.name(), name));
                checkOrder();
                binding.sort().ifPresent(sort -> {
                    String param = sort.text("param").orElse("sort");
                    Optional<String> direction = sort.text("direction_param");
                    meaningful.add(param);
                    direction.ifPresent(meaningful::add);
                    Set<String> names = new LinkedHashSet<>();
                    for (YScalar field : binding.sortFields()) {
                        names.add(field.text());
                        if (entity.field(field.text()).isEmpty()) {
                            unknownField(field);
                        }
                    }
                    sort.scalar("default").ifPresent(d -> {
                        String name = d.text().startsWith("-") ? d.text().substring(1) : d.text();
                        if (!names.contains(name)) {
                            diagnostics.report(Rule.FIELD_REFERENCE_UNKNOWN, d, "the default sort '" + d.text()
                                    + "' is not among the sort fields", "one of " + String.join(", ", names));
                        }
                    });
                    if (!query.containsKey(param)) {
                        missingQuery(sort, param, "sort");
                    } else {
                        // The values the contract accepts are the ones the server sorts by: no more, no fewer.
                        Set<String> accepted = new LinkedHashSet<>();
                        names.forEach(n -> {
                            accepted.add(n);
                            if (direction.isEmpty()) {
                                accepted.add("-" + n);
                            }
                        });
                        query.get(param).schema().flatMap(s -> SchemaView.of(contract, s)).ifPresent(s -> {
                            if (!new LinkedHashSet<>(s.enumValues()).equals(accepted)) {
                                diagnostics.report(Rule.CONSTRAINT_MISMATCH, s.site(), "query parameter '" + param
                                        + "' of " + label + " allows " + (s.hasEnum() ? s.enumValues() : "any value")
                                        + " but model.yaml sorts by " + accepted, "enum: " + new java.util.ArrayList<>(
                                        accepted) + " in the contract (or the same fields in sort.fields)");
                            }
                        });
                    }
                    direction.ifPresent(d -> {
                        if (!query.containsKey(d)) {
                            missingQuery(sort, d, "sort direction");
                        } else {
                            query.get(d).schema().flatMap(s -> SchemaView.of(contract, s)).ifPresent(s -> {
                                if (!new LinkedHashSet<>(s.enumValues()).equals(Set.of("asc", "desc"))) {
                                    diagnostics.report(Rule.CONSTRAINT_MISMATCH, s.site(), "query parameter '" + d
                                            + "' of " + label + " gives the sort direction but allows "
                                            + (s.hasEnum() ? s.enumValues() : "any value"), "enum: [asc, desc]");
                                }
                            });
                        }
                    });
                });
                Pagination.Page.of(binding).ifPresent(page ->
                        Pagination.check(contract, binding, page, query, meaningful, diagnostics, label));
            }
            for (Parameter parameter : query.values()) {
                if (!meaningful.contains(parameter.name())) {
                    diagnostics.report(Rule.QUERY_PARAM_UNSUPPORTED, parameter.site(), label + " declares query"
                            + " parameter '" + parameter.name() + "', which model.yaml gives no meaning",
                            list ? "list it under filters, or declare sort or page for it" : "remove it");
                }
            }
        }

        /** A fixed order names fields of the entity and stands instead of a sort parameter. */
        private void checkOrder() {
            for (YScalar key : binding.order()) {
                String name = key.text().startsWith("-") ? key.text().substring(1) : key.text();
                if (entity.field(name).isEmpty()) {
                    diagnostics.report(Rule.FIELD_REFERENCE_UNKNOWN, key, "entity " + entity.name() + " has no field '"
                            + name + "' to order by", "one of " + String.join(", ", entity.fields().keySet()));
                }
            }
            if (!binding.order().isEmpty() && binding.sort().isPresent()) {
                diagnostics.report(Rule.ACTION_SHAPE, binding.at("order"), "operations." + binding.key()
                        + " has both a fixed order and a sort parameter", "order or sort (sort.default gives the"
                        + " order when the request sends none)");
            }
        }

        private void missingQuery(YNode at, String name, String what) {
            diagnostics.report(Rule.QUERY_PARAM_UNSUPPORTED, at, "model.yaml declares " + what + " '" + name
                    + "' for " + label + " but the contract has no query parameter '" + name + "'",
                    "a query parameter named " + name + " in the contract");
        }

        private void checkResponse() {
            if ("aggregate".equals(action)) {
                return; // its rows are groups, not entities: the aggregate unit checks them
            }
            Map<String, YNode> success = operation.successResponses();
            if (success.size() != 1) {
                return; // reported by the contract checks
            }
            String status = success.keySet().iterator().next();
            YNode response = success.values().iterator().next();
            Optional<YNode> schemaNode = operation.jsonSchemaOf(response);
            boolean rowChange = List.of("toggle", "set").contains(action);
            if (rowChange && "204".equals(status) && schemaNode.isEmpty()) {
                return; // answers nothing, as the contract says
            }
            if ("delete".equals(action)) {
                if (!"204".equals(status) || schemaNode.isPresent()) {
                    diagnostics.report(Rule.ACTION_SHAPE, response, label + " deletes but answers " + status
                            + (schemaNode.isPresent() ? " with a body" : ""), "a 204 response with no content");
                }
                return;
            }
            if ("create".equals(action) ? !List.of("200", "201").contains(status) : !"200".equals(status)) {
                diagnostics.report(Rule.ACTION_SHAPE, response, label + " is " + an(action) + " answering " + status,
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
            boolean list = "list".equals(action);
            Map<String, List<String>> roles = Envelopes.roles(binding);
            Optional<Pagination.Page> page = Pagination.Page.of(binding);
            if (list && roles.isEmpty() && page.isPresent()) {
                if (page.get().pageStyle()) {
                    diagnostics.report(Rule.ACTION_SHAPE, binding.at("page"), "operations." + binding.key()
                            + " pages by number but does not say where its rows and numbers go", "response: {rows:"
                            + " <path>, total: <path>, page: <path>, page_size: <path>} naming the contract's properties");
                    return;
                }
                checkListShape(schema.get()); // v1's page object
                return;
            }
            Optional<SchemaView> row = Envelopes.check(contract, binding, roles, schema.get(), list,
                    page.map(Pagination.Page::roles).orElse(Set.of("total")), label, entity.name(), diagnostics);
            row.ifPresent(r -> checkEntityObject(r, "public", (list ? "the items of " : "the response of ") + label,
                    list ? Rule.LIST_SHAPE : Rule.RESPONSE_SCHEMA_MISSING));
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
                checkEntityObject(schema.items().get(), "public", "the items of " + label, Rule.LIST_SHAPE);
                return;
            }
            Map<String, YNode> properties = schema.properties();
            if (!SchemaShapes.isPage(schema, label, entity.name(), diagnostics)) {
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
            checkEntityObject(items.get(), "public", "the items of " + label, Rule.LIST_SHAPE);
        }

        private void checkRequest() {
            boolean takesBody = List.of("create", "update", "replace", "update_me").contains(action);
            Optional<YNode> schemaNode = operation.requestSchema();
            if (!takesBody) {
                if (operation.requestBody().isPresent()) {
                    diagnostics.report(Rule.ACTION_SHAPE, operation.node().get("requestBody").orElseThrow(), label
                            + " is " + an(action) + " but has a request body", "no request body on " + an(action));
                }
                return;
            }
            if (schemaNode.isEmpty()) {
                YNode at = operation.node().get("requestBody").orElse(operation.node());
                diagnostics.report(Rule.REQUEST_BODY_MISSING, at, label + " is " + an(action)
                        + " without a JSON request body schema", "requestBody: {required: true, content:"
                        + " {application/json: {schema: ...}}}");
                return;
            }
            Optional<SchemaView> schema = SchemaView.of(contract, schemaNode.get());
            if (schema.isEmpty()) {
                return;
            }
            String role = "update".equals(action) || "update_me".equals(action) ? "update" : "create";
            if (!checkEntityObject(schema.get(), role, "the request body of " + label, Rule.REQUEST_BODY_MISSING)) {
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
            if ("update".equals(action) || "update_me".equals(action)) {
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
        private boolean checkEntityObject(SchemaView schema, String role, String what, Rule shapeRule) {
            if (!"object".equals(schema.type().orElse("")) || schema.properties().isEmpty()) {
                SchemaShapes.notAnEntityObject(schema, what, entity.name(), shapeRule, diagnostics);
                return false;
            }
            for (Map.Entry<String, YNode> property : schema.properties().entrySet()) {
                Optional<FieldDoc> field = entity.field(property.getKey());
                YNode at = property.getValue();
                if (field.isEmpty() && gaps.fieldBroken(entity.name(), property.getKey())) {
                    continue;
                }
                if (field.isEmpty()) {
                    SchemaShapes.propertyWithoutField(at, property.getKey(), what, entity.name(), diagnostics);
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
                if (!"public".equals(role)) {
                    match.checkDecimalText();
                }
                if ("public".equals(role)) {
                    // A property the contract leaves optional conforms whether the server sends it or not;
                    // the server always does, so nothing is asked of the contract here.
                    match.checkNullable();
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

        /**
         * A default the contract states is what a client relies on when it leaves the property out: the
         * model's must be the same value, or the server would silently store another.
         */
        void checkDefault() {
            Optional<YNode> declared = schema.defaultValue();
            if (declared.isEmpty()) {
                return;
            }
            String contractValue = dev.specgen.load.JsonTrees.toJson(declared.get()).toString();
            String modelValue = field.defaultValue().map(v -> dev.specgen.load.JsonTrees.toJson(v).toString())
                    .orElse(null);
            boolean same = contractValue.equals(modelValue) || modelValue != null && numeric(contractValue)
                    && numeric(modelValue) && new BigDecimal(contractValue).compareTo(new BigDecimal(modelValue)) == 0;
            if (!same) {
                diagnostics.report(Rule.CONSTRAINT_MISMATCH, declared.get(), what + " defaults to " + contractValue
                        + " but field " + field.name() + (modelValue == null ? " has no default"
                        : " defaults to " + modelValue), "default: " + contractValue + " on field " + field.name()
                        + " in model.yaml (or the model's default in the contract)");
            }
        }

        private static boolean numeric(String json) {
            return json.matches("-?\\d+(\\.\\d+)?([eE][-+]?\\d+)?");
        }

        /** A request's decimal sent as text must be constrained to decimals by a pattern. */
        void checkDecimalText() {
            if (type == FieldType.DECIMAL && "string".equals(schema.type().orElse(""))
                    && schema.text("pattern").isEmpty()) {
                // JSON Schema does not check format: decimal, so without a pattern any text is valid by the
                // contract, and yet "abc" or too many digits cannot be stored in the column.
                int precision = field.number("precision").map(BigDecimal::intValue).orElse(18);
                int scale = field.number("scale").map(BigDecimal::intValue).orElse(0);
                boolean negative = field.number("minimum").map(m -> m.signum() < 0).orElse(true);
                String suggested = "^" + (negative ? "-?" : "") + "\\d{1," + Math.max(1, precision - scale) + "}"
                        + (scale > 0 ? "(\\.\\d{1," + scale + "})?" : "") + "$";
                diagnostics.report(Rule.CONSTRAINT_MISMATCH, schema.site(), what + " is any string (format: decimal"
                        + " is not checked by JSON Schema), but field " + field.name() + " only holds decimals"
                        + field.number("precision").map(p -> " of " + p + " digits").orElse(""), "pattern: '"
                        + suggested + "' in the contract, so clients and the server agree on what is valid");
            }
        }

        void checkConstraints() {
            checkDefault();
            compare("minLength", "min_length");
            compare("maxLength", "max_length");
            compare("minimum", "minimum");
            compare("maximum", "maximum");
            Optional<String> pattern = schema.text("pattern");
            Optional<String> fieldPattern = field.text("pattern");
            // A decimal's pattern in the contract spells its digits as text; the model says them as numbers.
            if (pattern.isPresent() && !pattern.equals(fieldPattern) && type != FieldType.DECIMAL) {
                mismatch("pattern", pattern.get(), fieldPattern.orElse("none"));
            }
            if (type == FieldType.DECIMAL && "number".equals(schema.type().orElse(""))) {
                // A JSON number carries no scale: multipleOf must say it, or 1.234 is valid by the contract and
                // yet cannot be stored in the column without rounding.
                Optional<BigDecimal> step = schema.number("multipleOf");
                Optional<BigDecimal> scale = field.number("scale");
                BigDecimal expected = scale.map(s -> BigDecimal.ONE.movePointLeft(s.intValue())).orElse(null);
                if (expected == null || step.isEmpty() || step.get().compareTo(expected) != 0) {
                    diagnostics.report(Rule.CONSTRAINT_MISMATCH, schema.site(), what + " is a JSON number"
                            + step.map(s -> " with multipleOf " + s.toPlainString()).orElse(" without multipleOf")
                            + " but field " + field.name() + " is a decimal" + scale.map(s -> " of scale " + s)
                            .orElse(" without a scale"), expected == null ? "scale: <digits after the point> on the"
                            + " field, and multipleOf: 10^-scale in the contract" : "multipleOf: "
                            + expected.toPlainString() + " in the contract (or type: string, format: decimal)");
                }
            }
            if (type == FieldType.ARRAY) {
                checkItems();
            }
            if (type == FieldType.ENUM && !schema.hasEnum()) {
                diagnostics.report(Rule.CONSTRAINT_MISMATCH, schema.site(), what + " has no enum, but model.yaml"
                        + " allows only " + field.values(), "enum: " + field.values() + " in the contract");
            } else if (type == FieldType.ENUM) {
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
