package dev.specgen.resolve;

import dev.specgen.contract.Operation;
import dev.specgen.contract.Parameter;
import dev.specgen.load.YMap;
import dev.specgen.load.YScalar;
import dev.specgen.modeldoc.BindingDoc;
import dev.specgen.modeldoc.EntityDoc;
import dev.specgen.modeldoc.FieldDoc;
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
        String action = binding.action();
        String name = entity.name();
        b.operationId = binding.operationId();
        b.functionName = Names.parameter(Names.snake(binding.operationId()));
        b.method = operation.method();
        b.action = action;
        b.pathLiteral = PyLiteral.str(operation.path());
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
        b.authenticated = !entity.shared() || binding.auth().map("required"::equals).orElse(true);
        b.variable = Names.parameter(Names.snake(name));
        switch (action) {
            case "list" -> {
                b.responseModel = b.paged ? name + "Page" : "list[" + name + "Public]";
                b.returnType = b.paged ? name + "Page" : "list[" + name + "]";
                b.pageItemModel = name + "Public";
            }
            case "delete" -> {
                b.responseModel = null;
                b.returnType = "None";
            }
            default -> {
                b.responseModel = name + "Public";
                b.returnType = name;
            }
        }
        if (List.of("create", "replace").contains(action)) {
            b.requestModel = name + "Create";
        } else if ("update".equals(action)) {
            b.requestModel = name + "Update";
        }
        b.scopeCall = resolver.scopeCall(entity);
        String pk = entity.primaryKeys().get(0).name();

        List<String> parameters = new ArrayList<>();
        List<String> conditions = new ArrayList<>();
        List<OperationModel.ParentGuard> guards = new ArrayList<>();
        List<String> createOverrides = new ArrayList<>();
        for (Parameter parameter : operation.parametersIn("path")) {
            String target = binding.path().get(parameter.name());
            String param = Names.parameter(parameter.name());
            String type = resolver.pathParamType(entity, binding, parameter);
            List<String> pathArgs = new ArrayList<>();
            if (!param.equals(parameter.name())) {
                pathArgs.add("alias=" + PyLiteral.str(parameter.name()));
            }
            if (!BindingDoc.SUBJECT.equals(target)) {
                pathArgs.addAll(FieldRenderer.rangeArgs(entity.field(target).orElseThrow()));
            }
            parameters.add(param + ": Annotated[" + type + ", Path(" + String.join(", ", pathArgs) + ")]");
            if (BindingDoc.SUBJECT.equals(target)) {
                b.subjectParam = param;
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
        List<OperationModel.FilterModel> filters = new ArrayList<>();
        for (YScalar filter : binding.filters()) {
            FieldDoc field = entity.field(filter.text()).orElseThrow();
            String param = Names.parameter(filter.text());
            String type = resolver.renderer(entity).pyType(field);
            List<String> queryArgs = new ArrayList<>();
            if (!param.equals(filter.text())) {
                queryArgs.add("alias=" + PyLiteral.str(filter.text()));
            }
            queryArgs.addAll(FieldRenderer.rangeArgs(field));
            parameters.add(param + ": Annotated[" + type + " | None, Query(" + String.join(", ", queryArgs)
                    + ")] = None");
            filters.add(new OperationModel.FilterModel(param, name + "." + Names.attribute(filter.text())));
        }
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
            b.sortType = "Literal[" + String.join(", ", keys.stream().map(PyLiteral::str).toList()) + "]";
            b.sortColumnsName = Names.upperSnake(binding.operationId()) + "_SORT_COLUMNS";
            b.sortColumns = columns;
            Optional<String> byDefault = sort.text("default");
            parameters.add("sort: Annotated[" + (byDefault.isPresent() ? b.sortType : b.sortType + " | None")
                    + ", Query()] = " + byDefault.map(PyLiteral::str).orElse("None"));
        });
        b.tieBreaker = name + "." + Names.attribute(pk);
        binding.page().ifPresent(page -> {
            String max = page.scalar("max").flatMap(YScalar::number).orElseThrow().toPlainString();
            String byDefault = page.scalar("default").flatMap(YScalar::number).orElseThrow().toPlainString();
            parameters.add("limit: Annotated[int, Query(ge=1, le=" + max + ")] = " + byDefault);
            // Bounded by the database's OFFSET type, so an absurd offset is a 422 and not an overflow.
            parameters.add("offset: Annotated[int, Query(ge=0, le=9223372036854775807)] = 0");
        });
        b.parameters = parameters;
        b.pathConditions = conditions;

        if (List.of("create", "update", "replace").contains(action)) {
            Optional<dev.specgen.contract.SchemaView> body = operation.requestSchema()
                    .flatMap(s -> dev.specgen.contract.SchemaView.of(resolver.contract(), s));
            for (String property : body.map(s -> s.properties().keySet()).orElse(java.util.Set.of())) {
                Optional<FieldDoc> field = entity.field(property);
                if (field.isEmpty() || field.get().foreignKey().isEmpty()) {
                    continue;
                }
                String value = "create".equals(action) || "replace".equals(action)
                        ? "body." + Names.attribute(property)
                        : "changes.get(" + PyLiteral.str(Names.attribute(property)) + ")";
                boolean optional = !"create".equals(action) && !"replace".equals(action) || field.get().nullable();
                guard(field.get(), value, optional, false).ifPresent(guards::add);
            }
        }
        b.parentGuards = guards;

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
        b.updateOverrides = String.join(", ", updateOverrides);
        return new OperationModel(b);
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
                optional));
    }
}
