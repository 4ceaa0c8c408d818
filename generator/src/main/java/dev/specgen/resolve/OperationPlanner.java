package dev.specgen.resolve;

import dev.specgen.actions.Action;
import dev.specgen.actions.Actions;
import dev.specgen.actions.RowChange;
import dev.specgen.contract.Operation;
import dev.specgen.contract.Parameter;
import dev.specgen.load.YMap;
import dev.specgen.load.YNode;
import dev.specgen.load.YScalar;
import dev.specgen.modeldoc.BindingDoc;
import dev.specgen.modeldoc.EntityDoc;
import dev.specgen.modeldoc.FieldDoc;
import dev.specgen.modeldoc.FieldType;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Computes one route's model: signature, scoping, overrides and guards. */
final class OperationPlanner {
    private static final Map<String, String> ERRORS = Map.of("401", "401: RESPONSE_UNAUTHORIZED",
            "403", "403: RESPONSE_FORBIDDEN", "404", "404: RESPONSE_NOT_FOUND", "409", "409: RESPONSE_CONFLICT");

    private final Resolver resolver;
    private final EntityDoc entity;
    private final EntityModel entityModel;
    private final Operation operation;
    private final BindingDoc binding;

    OperationPlanner(Resolver resolver, EntityDoc entity, EntityModel entityModel, Operation operation,
            BindingDoc binding) {
        this.resolver = resolver;
        this.entity = entity;
        this.entityModel = entityModel;
        this.operation = operation;
        this.binding = binding;
    }

    OperationModel plan() {
        OperationModel.Builder b = new OperationModel.Builder();
        Action action = Actions.of(binding);
        String name = entity.name();
        b.operationId = operation.operationId().orElse(null);
        b.functionName = Names.function(binding.key());
        b.method = operation.method();
        b.action = action;
        b.pathLiteral = PyLiteral.str(operation.path());
        b.routePathLiteral = PyLiteral.str(Names.routePath(operation.path(), Names::parameter));
        b.summaryLiteral = operation.node().text("summary").map(PyLiteral::str).orElse(null);
        String status = operation.successResponses().keySet().iterator().next();
        b.statusConstant = status;
        b.responseDescriptionLiteral = PyLiteral.str(resolver.contract()
                .derefMap(operation.successResponses().values().iterator().next())
                .flatMap(r -> r.text("description")).orElse("Successful Response"));
        List<String> errors = new ArrayList<>();
        for (String code : List.of("401", "403", "404", "409")) {
            if (operation.declaresStatus(code)) {
                errors.add(ERRORS.get(code));
            }
        }
        b.errorResponses = errors;
        b.paged = binding.page().isPresent();
        boolean list = action.listsRows() && !action.groupsRows();
        b.envelopeTotal = list
                && dev.specgen.shapes.Envelopes.roles(binding).containsKey("total");
        b.authenticated = !entity.shared() || binding.auth().map("required"::equals).orElse(true);
        b.grantAlternatives = Resolver.grantLiterals(resolver.model(), operation, binding);
        b.variable = Names.parameter(Names.snake(name));
        // The request and response classes carry the contract's names, in app.schemas beside the tables.
        String publicClass = "schemas." + entityModel.publicClass;
        String pageClass = "schemas." + entityModel.pageClass;
        Optional<RowChange> change = action.rowChange(binding);
        action.marksDeleted(binding).ifPresent(field -> b.softDeleteAttribute = Names.attribute(field));
        if (list) {
            // The page class is v1's {items, total, limit, offset}; an envelope builds its own JSON.
            boolean pageObject = b.paged && dev.specgen.shapes.Envelopes.roles(binding).isEmpty();
            b.responseModel = pageObject ? pageClass : "list[" + publicClass + "]";
            b.returnType = b.paged ? pageClass : "list[" + name + "]";
            b.pageItemModel = publicClass;
        } else if (action.endsRow()) {
            b.responseModel = null;
            b.returnType = "None";
            dev.specgen.actions.DeleteAnswers.of(resolver.contract(), operation, entity).ifPresent(members -> {
                // {deleted: true, id: 7}: the contract's constants and the key, read before the row goes.
                java.util.Map<List<String>, String> values = new java.util.LinkedHashMap<>();
                String key = b.variable + "." + Names.attribute(entity.primaryKeys().get(0).name());
                members.forEach(m -> values.put(List.of(m.name()), m.constant().map(PyLiteral::value)
                        .orElse(m.text() ? "str(" + key + ")" : key)));
                b.deleteAnswer = EnvelopeModel.of(values);
                b.returnType = "dict[str, Any]";
            });
        } else if (action.groupsRows()) {
            b.responseModel = null;
            b.returnType = "dict[str, Any]";
            b.aggregate = aggregate();
        } else if (change.isPresent()) {
            boolean empty = "204".equals(status);
            b.responseModel = empty ? null : publicClass;
            b.returnType = empty ? "None" : name;
            change.get().flipped().ifPresent(field -> {
                b.toggleFieldLiteral = PyLiteral.str(Names.attribute(field));
                b.toggleAttribute = Names.attribute(field);
            });
            List<String> values = new ArrayList<>();
            change.get().values().forEach((field, value) ->
                    values.add(PyLiteral.str(Names.attribute(field)) + ": " + PyLiteral.value(value)));
            change.get().stamped().forEach(field -> values.add(PyLiteral.str(Names.attribute(field)) + ": utcnow()"));
            b.setValues = values;
            b.stampsNow = !change.get().stamped().isEmpty();
        } else {
            b.responseModel = publicClass;
            b.returnType = name;
        }
        if (action.body() == Action.Body.FULL) {
            // A create writes the create schema; a replace its own (the create schema's when it has none).
            b.requestModel = "schemas." + (action.itemAction() ? entityModel.replaceClass : entityModel.createClass);
        } else if (action.body() == Action.Body.PARTIAL) {
            b.requestModel = "schemas." + entityModel.updateClass;
        }
        b.scopeCall = resolver.scopeCall(entity);
        String pk = entity.primaryKeys().get(0).name();

        List<String> parameters = new ArrayList<>();
        List<String> conditions = new ArrayList<>();
        List<OperationModel.ParentGuard> guards = new ArrayList<>();
        List<String> createOverrides = new ArrayList<>();
        List<OperationModel.KeyRange> keyRanges = new ArrayList<>();
        for (Parameter parameter : operation.parametersIn("path")) {
            String target = binding.path().get(parameter.name());
            String param = Names.parameter(parameter.name());
            String type = resolver.pathParamType(entity, binding, parameter);
            // The route's template names the parameter as Python does (Names.routePath), so no alias.
            List<String> pathArgs = new ArrayList<>();
            // The contract's bounds, and no others: a key no column can hold is a row that does not exist.
            parameter.schema().flatMap(s -> dev.specgen.contract.SchemaView.of(resolver.contract(), s))
                    .ifPresent(s -> pathArgs.addAll(ContractTypes.fitting(ContractTypes.scalar(s, false).args(), type)));
            if (!BindingDoc.SUBJECT.equals(target)) {
                FieldDoc field = entity.field(target).orElseThrow();
                if (FieldType.of(field.type()) == FieldType.INTEGER) {
                    keyRanges.add(new OperationModel.KeyRange(param, Integer.toString(Integer.MIN_VALUE),
                            Integer.toString(Integer.MAX_VALUE)));
                } else if (FieldType.of(field.type()) == FieldType.BIGINT) {
                    keyRanges.add(new OperationModel.KeyRange(param, Long.toString(Long.MIN_VALUE),
                            Long.toString(Long.MAX_VALUE)));
                }
            }
            parameters.add(param + ": Annotated[" + type + ", Path(" + String.join(", ", pathArgs) + ")]");
            if (BindingDoc.SUBJECT.equals(target)) {
                b.subjectParam = param;
                int mismatch = dev.specgen.shapes.SubjectMismatch.status(operation);
                b.subjectForbidden = mismatch == 403;
                b.subjectUnauthorized = mismatch == 401;
            } else if (target.equals(pk)) {
                b.pkCondition = name + "." + Names.attribute(pk) + " == " + param;
            } else {
                FieldDoc field = entity.field(target).orElseThrow();
                conditions.add(name + "." + Names.attribute(target) + " == " + param);
                createOverrides.add(PyLiteral.str(Names.attribute(target)) + ": " + param);
                guard(field, param, false, true).ifPresent(guards::add);
            }
        }
        if (b.requestModel != null) {
            parameters.add("body: " + b.requestModel);
        }
        parameters.add("session: SessionDep");
        if (b.authenticated) {
            parameters.add("current_user: CurrentUser");
        }
        dev.specgen.actions.ListFilters.Plan filterPlan = dev.specgen.actions.ListFilters.plan(resolver.contract(),
                operation, binding, entity, b.functionName, f -> resolver.renderer(entity).pyType(f));
        parameters.addAll(filterPlan.parameters());
        List<OperationModel.FilterModel> filters = filterPlan.filters();
        b.filters = filters;
        binding.sort().ifPresent(sort -> {
            List<String> keys = new ArrayList<>();
            List<OperationModel.SortColumn> columns = new ArrayList<>();
            for (YScalar field : binding.sortFields()) {
                keys.add(field.text());
                keys.add("-" + field.text());
                columns.add(new OperationModel.SortColumn(PyLiteral.str(field.text()),
                        name + "." + Names.attribute(field.text())));
            }
            // The accepted values are a module-level Literal alias: their number grows with the model.
            b.sortType = b.functionName.toUpperCase(java.util.Locale.ROOT) + "_SORT_KEYS";
            b.sortTypeLiterals = keys.stream().map(PyLiteral::str).toList();
            b.sortColumnsName = b.functionName.toUpperCase(java.util.Locale.ROOT) + "_SORT_COLUMNS";
            b.sortColumns = columns;
            Optional<String> byDefault = sort.text("default");
            b.sortOptional = byDefault.isEmpty();
            String param = sort.text("param").orElse("sort");
            Optional<String> direction = sort.text("direction_param");
            if (direction.isEmpty()) {
                parameters.add("sort: Annotated[" + (byDefault.isPresent() ? b.sortType : b.sortType + " | None")
                        + ", Query(" + ("sort".equals(param) ? "" : "alias=" + PyLiteral.str(param)) + ")] = "
                        + byDefault.map(PyLiteral::str).orElse("None"));
            } else {
                // sort_by=created_at&order=desc: the field and the direction in parameters of their own.
                String fields = b.sortType;
                b.sortTypeLiterals = binding.sortFields().stream().map(f -> PyLiteral.str(f.text())).toList();
                Optional<String> field = byDefault.map(d -> d.startsWith("-") ? d.substring(1) : d);
                String dir = byDefault.map(d -> d.startsWith("-") ? "desc" : "asc").orElse("asc");
                parameters.add("sort_field: Annotated[" + (field.isPresent() ? fields : fields + " | None")
                        + ", Query(alias=" + PyLiteral.str(param) + ")] = " + field.map(PyLiteral::str).orElse("None"));
                parameters.add("sort_direction: Annotated[Literal[\"asc\", \"desc\"], Query(alias="
                        + PyLiteral.str(direction.get()) + ")] = " + PyLiteral.str(dir));
                b.splitSort = true;
            }
        });
        b.tieBreaker = name + "." + Names.attribute(pk);
        if (!binding.order().isEmpty()) {
            List<OperationModel.OrderKey> keys = new ArrayList<>();
            boolean descending = false;
            for (YScalar key : binding.order()) {
                descending = key.text().startsWith("-");
                String field = descending ? key.text().substring(1) : key.text();
                if (!field.equals(pk)) {
                    keys.add(new OperationModel.OrderKey(name + "." + Names.attribute(field), descending));
                }
            }
            // The primary key last, in the direction of the last key: ties come back the same way every time.
            keys.add(new OperationModel.OrderKey(b.tieBreaker, descending));
            b.orderKeys = keys;
        }
        Optional<dev.specgen.actions.Pagination.Page> page = dev.specgen.actions.Pagination.Page.of(binding);
        page.ifPresent(p -> parameters.addAll(dev.specgen.actions.Pagination.parameters(resolver.contract(),
                operation, p)));
        b.pageNumber = page.map(dev.specgen.actions.Pagination.Page::pageStyle).orElse(false);
        dev.specgen.actions.Search.Spec.of(binding).ifPresent(search -> {
            String param = dev.specgen.actions.ListFilters.queryName(operation, search.param());
            List<String> args = new ArrayList<>();
            if (!param.equals(search.param())) {
                args.add("alias=" + PyLiteral.str(search.param()));
            }
            operation.parametersIn("query").stream().filter(p -> p.name().equals(search.param())).findFirst()
                    .flatMap(Parameter::schema).flatMap(s -> dev.specgen.contract.SchemaView.of(resolver.contract(), s))
                    .ifPresent(s -> args.addAll(ContractTypes.scalar(s).args()));
            parameters.add(param + ": Annotated[str | None, Query(" + String.join(", ", args) + ")] = None");
            b.searchParam = param;
            b.searchColumns = search.fields().stream().map(f -> name + "." + Names.attribute(f.text())).toList();
        });
        b.envelope = envelope(page);
        b.tableClass = name;
        if (b.envelope != null) {
            b.returnType = "dict[str, Any]";
        }
        b.parameters = parameters;
        b.pathConditions = conditions;

        if (action.findsOwnRow()) {
            // The caller's own row: its primary key is the token's subject, never a value from the request.
            b.pkCondition = name + "." + Names.attribute(pk) + " == current_user";
        }
        if (action.body() != Action.Body.NONE) {
            Optional<dev.specgen.contract.SchemaView> body = operation.requestSchema()
                    .flatMap(s -> dev.specgen.contract.SchemaView.of(resolver.contract(), s));
            for (String property : body.map(s -> s.properties().keySet()).orElse(java.util.Set.of())) {
                Optional<FieldDoc> field = entity.field(property);
                if (field.isEmpty() || field.get().foreignKey().isEmpty()) {
                    continue;
                }
                boolean whole = action.body() == Action.Body.FULL;
                String value = whole ? "body." + Names.attribute(property)
                        : "changes.get(" + PyLiteral.str(Names.attribute(property)) + ")";
                boolean optional = !whole || field.get().nullable();
                guard(field.get(), value, optional, false).ifPresent(guards::add);
            }
        }
        b.parentGuards = guards;
        b.keyRanges = keyRanges;

        List<String> updateOverrides = new ArrayList<>();
        for (FieldDoc field : entity.fields().values()) {
            String generated = field.generated().orElse("");
            if ("created".equals(generated) || "updated".equals(generated)) {
                createOverrides.add(PyLiteral.str(Names.attribute(field.name())) + ": now");
            }
            if ("updated".equals(generated)) {
                updateOverrides.add(PyLiteral.str(Names.attribute(field.name())) + ": utcnow()");
            }
        }
        entity.ownerField().ifPresent(owner -> createOverrides.add(0, PyLiteral.str(Names.attribute(owner))
                + ": current_user"));
        b.createOverrides = String.join(", ", createOverrides);
        b.reloadAfterWrite = entity.fields().values().stream().anyMatch(field -> {
            FieldType type = FieldType.of(field.type());
            return type == FieldType.DECIMAL || type == FieldType.DATETIME && field.generated().isEmpty();
        });
        b.createOverrideEntries = createOverrides;
        b.updateOverrides = String.join(", ", updateOverrides);
        return new OperationModel(b);
    }

    /**
     * The response envelope as members to print, or null for the plain shapes: each role's variable
     * (rows, total, the page numbers, or the dumped row) and the contract's constant members.
     */
    private EnvelopeModel envelope(Optional<dev.specgen.actions.Pagination.Page> page) {
        java.util.Map<String, List<String>> roles = dev.specgen.shapes.Envelopes.roles(binding);
        if (roles.isEmpty()) {
            return null;
        }
        java.util.Map<List<String>, String> values = new java.util.LinkedHashMap<>();
        String dumped = "schemas." + entityModel.publicClass + ".model_validate(" + Names.attribute(Names.snake(entity.name()))
                + ").model_dump(mode=\"json\", by_alias=True)";
        roles.forEach((role, path) -> values.put(path, switch (role) {
            case "row" -> dumped;
            case "rows" -> "rows";
            default -> role;
        }));
        YNode response = operation.successResponses().values().iterator().next();
        operation.jsonSchemaOf(response).flatMap(s -> dev.specgen.contract.SchemaView.of(resolver.contract(), s))
                .ifPresent(schema -> dev.specgen.shapes.Envelopes.constants(resolver.contract(), schema, roles)
                        .forEach((path, value) -> values.put(path, PyLiteral.value(value))));
        return EnvelopeModel.of(values);
    }

    /** The group fields and measures of an aggregate, each with the JSON form the contract's item gives it. */
    private AggregateModel aggregate() {
        YNode response = operation.successResponses().values().iterator().next();
        Optional<dev.specgen.contract.SchemaView> item = operation.jsonSchemaOf(response)
                .flatMap(s -> dev.specgen.contract.SchemaView.of(resolver.contract(), s))
                .flatMap(s -> dev.specgen.shapes.Envelopes.rowSchema(resolver.contract(), binding, s, true, false));
        List<AggregateModel.Column> groups = new ArrayList<>();
        for (YScalar name : dev.specgen.actions.AggregateAction.groupBy(binding)) {
            FieldDoc field = entity.field(name.text()).orElseThrow();
            groups.add(new AggregateModel.Column(name.text(), field.column(), null, conversion(field, item, name.text()), groups.size()));
        }
        List<AggregateModel.Column> measures = new ArrayList<>();
        for (dev.specgen.actions.AggregateAction.Measure measure : dev.specgen.actions.AggregateAction.measures(binding)) {
            if (measure.field() == null) {
                measures.add(new AggregateModel.Column(measure.property(), null, "count", "", groups.size() + measures.size()));
            } else {
                FieldDoc field = entity.field(measure.field()).orElseThrow();
                String conversion = "avg".equals(measure.function()) ? "float"
                        : conversion(field, item, measure.property());
                measures.add(new AggregateModel.Column(measure.property(), field.column(), measure.function(),
                        conversion, groups.size() + measures.size()));
            }
        }
        return new AggregateModel(groups, measures);
    }

    /** How a value of this field becomes the JSON the contract's item property says. */
    private static String conversion(FieldDoc field, Optional<dev.specgen.contract.SchemaView> item, String property) {
        String declared = item.flatMap(i -> i.property(property)).flatMap(dev.specgen.contract.SchemaView::type)
                .orElse("");
        return switch (FieldType.of(field.type())) {
            case UUID -> "text";
            case DECIMAL -> "number".equals(declared) ? "float" : "text";
            case DATE, DATETIME -> "iso";
            case ENUM -> "text";
            default -> "";
        };
    }

    /**
     * A guard that finds the parent a foreign key names, within the caller's scope when the parent is
     * owned. A body's reference to a shared parent is left to the foreign key constraint; a path's is
     * guarded, so that an unknown parent is a 404 as for an owned one.
     */
    private Optional<OperationModel.ParentGuard> guard(FieldDoc field, String value, boolean optional,
            boolean inPath) {
        YMap fk = field.foreignKey().orElseThrow();
        EntityDoc parent = resolver.entities().get(fk.text("entity").orElseThrow());
        if (parent.shared() && !inPath) {
            return Optional.empty();
        }
        return Optional.of(new OperationModel.ParentGuard(value, resolver.getterCall(parent), parent.name(),
                optional, inPath));
    }
}
