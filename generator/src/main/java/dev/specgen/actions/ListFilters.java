package dev.specgen.actions;

import dev.specgen.contract.Contract;
import dev.specgen.contract.Parameter;
import dev.specgen.contract.SchemaView;
import dev.specgen.diagnostics.Diagnostics;
import dev.specgen.diagnostics.Rule;
import dev.specgen.load.JsonTrees;
import dev.specgen.load.YMap;
import dev.specgen.load.YNode;
import dev.specgen.load.YScalar;
import dev.specgen.modeldoc.BindingDoc;
import dev.specgen.modeldoc.EntityDoc;
import dev.specgen.modeldoc.FieldDoc;
import dev.specgen.modeldoc.FilterDoc;
import dev.specgen.resolve.ContractTypes;
import dev.specgen.resolve.Names;
import dev.specgen.resolve.OperationModel;
import dev.specgen.resolve.PyLiteral;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.BiConsumer;

/**
 * List filters, the operators PostgREST users know: equality (a bare field name), neq, gt, gte, lt,
 * lte, in, is_null, and a query value mapped onto a field's values (status=pending means completed is
 * false; a value mapped to null applies no filter). Checks and plan in one place.
 */
public final class ListFilters {
    private ListFilters() {
    }

    /**
     * Checks every filter of a list binding; adds the parameters it gives meaning to.
     *
     * @param typeCheck for a parameter's name, compares its schema with a field's type (reported the v1 way)
     */
    public static void check(Contract contract, BindingDoc binding, EntityDoc entity, Map<String, Parameter> query,
            Set<String> meaningful, Diagnostics diagnostics,
            java.util.function.Function<String, BiConsumer<SchemaView, FieldDoc>> typeCheck,
            String label, java.util.function.Predicate<String> fieldBroken) {
        for (FilterDoc filter : binding.filters()) {
            meaningful.add(filter.param());
            Optional<FieldDoc> field = entity.field(filter.field());
            if (field.isEmpty() && fieldBroken.test(filter.field())) {
                continue; // the field breaks the schema: reported there
            }
            if (field.isEmpty()) {
                diagnostics.report(Rule.FIELD_REFERENCE_UNKNOWN, filter.fieldNode(), "entity " + entity.name()
                        + " has no field '" + filter.field() + "' to filter on", "one of "
                        + String.join(", ", entity.fields().keySet()));
                continue;
            }
            Parameter parameter = query.get(filter.param());
            if (parameter == null) {
                diagnostics.report(Rule.QUERY_PARAM_UNSUPPORTED, filter.node(), label + " has no query parameter '"
                        + filter.param() + "' for this filter", "a query parameter named " + filter.param()
                        + " in the contract, or a filter whose param names one");
                continue;
            }
            Optional<SchemaView> schema = parameter.schema().flatMap(s -> SchemaView.of(contract, s));
            if (schema.isEmpty()) {
                continue;
            }
            if (filter.map().isPresent()) {
                checkMap(filter, filter.map().get(), schema.get(), field.get(), diagnostics, label);
            } else if ("in".equals(filter.op())) {
                if (!schema.get().types().contains("array")) {
                    diagnostics.report(Rule.TYPE_MISMATCH, schema.get().site(), "query parameter '" + filter.param()
                            + "' of " + label + " filters with in, but is not an array", "type: array with items"
                            + " of the field's type (sent as ?" + filter.param() + "=a&" + filter.param() + "=b)");
                } else {
                    schema.get().items().ifPresent(items -> typeCheck.apply(filter.param()).accept(items, field.get()));
                }
            } else if ("is_null".equals(filter.op())) {
                if (!schema.get().types().contains("boolean")) {
                    diagnostics.report(Rule.TYPE_MISMATCH, schema.get().site(), "query parameter '" + filter.param()
                            + "' of " + label + " filters with is_null, but is not a boolean", "type: boolean");
                } else if (!field.get().nullable()) {
                    diagnostics.report(Rule.ACTION_SHAPE, filter.node(), "filter " + filter.param() + " asks"
                            + " whether " + entity.name() + "." + filter.field() + " is null, but it never is",
                            "a nullable field");
                }
            } else {
                typeCheck.apply(filter.param()).accept(schema.get(), field.get());
            }
        }
    }

    private static void checkMap(FilterDoc filter, YMap map, SchemaView schema, FieldDoc field,
            Diagnostics diagnostics, String label) {
        List<String> values = schema.enumValues();
        Set<String> keys = map.entries().keySet();
        if (values.isEmpty() || !new LinkedHashSet<>(values).equals(keys)) {
            diagnostics.report(Rule.CONSTRAINT_MISMATCH, schema.site(), "query parameter '" + filter.param() + "' of "
                    + label + " allows " + (values.isEmpty() ? "any value" : values) + " but the filter maps "
                    + keys, "the same values in the contract's enum and in the filter's map");
        }
        for (Map.Entry<String, YNode> entry : map.entries().entrySet()) {
            if (!fits(entry.getValue(), field)) {
                diagnostics.report(Rule.TYPE_MISMATCH, entry.getValue(), "filter " + filter.param() + " maps '"
                        + entry.getKey() + "' to " + JsonTrees.toJson(entry.getValue()) + ", which field "
                        + field.name() + " (" + field.type() + ") cannot hold", "a value of the field's type, or"
                        + " null for no filter");
            }
        }
    }

    private static boolean fits(YNode value, FieldDoc field) {
        if (!(value instanceof YScalar scalar)) {
            return false;
        }
        if (scalar.isNull()) {
            return true;
        }
        return switch (field.type()) {
            case "boolean" -> scalar.kind() == YScalar.Kind.BOOLEAN;
            case "integer", "bigint" -> scalar.kind() == YScalar.Kind.INTEGER;
            case "float", "decimal" -> scalar.isNumber();
            case "enum" -> scalar.isString() && field.values().contains(scalar.text());
            default -> scalar.isString();
        };
    }

    /** Dates and date-times in a query are read only in their ISO forms, as the contract's formats say. */
    private static String iso(String type) {
        return switch (type) {
            case "date" -> "IsoDate";
            case "datetime" -> "IsoDateTime";
            default -> type;
        };
    }

    /** The query parameters and filter models of a list, in binding order. */
    public record Plan(List<String> parameters, List<OperationModel.FilterModel> filters, List<String> mapTables) {
    }

    /** @param pyType the Python type of a field's values, so a parameter compares like with like */
    public static Plan plan(Contract contract, dev.specgen.contract.Operation operation, BindingDoc binding,
            EntityDoc entity, String functionName, java.util.function.Function<FieldDoc, String> pyType) {
        List<String> parameters = new ArrayList<>();
        List<OperationModel.FilterModel> filters = new ArrayList<>();
        List<String> tables = new ArrayList<>();
        Map<String, Parameter> query = new java.util.LinkedHashMap<>();
        operation.parametersIn("query").forEach(p -> query.put(p.name(), p));
        for (FilterDoc filter : binding.filters()) {
            SchemaView schema = query.get(filter.param()).schema().flatMap(s -> SchemaView.of(contract, s))
                    .orElseThrow();
            String param = queryName(operation, filter.param());
            String alias = param.equals(filter.param()) ? "" : "alias=" + PyLiteral.str(filter.param());
            String column = entity.name() + "." + Names.attribute(filter.field());
            String mapName = null;
            List<String> entries = null;
            String annotation;
            List<String> args = new ArrayList<>();
            if (!alias.isEmpty()) {
                args.add(alias);
            }
            FieldDoc field = entity.field(filter.field()).orElseThrow();
            if ("in".equals(filter.op())) {
                annotation = "list[" + iso(pyType.apply(field)) + "] | None";
            } else if ("is_null".equals(filter.op())) {
                annotation = "bool";
            } else if (filter.map().isPresent()) {
                annotation = ContractTypes.scalar(schema).annotation();
            } else {
                // The field's type, so the comparison is like with like; the bounds are the contract's.
                annotation = iso(pyType.apply(field));
                args.addAll(ContractTypes.fitting(ContractTypes.scalar(schema).args(), annotation));
            }
            String byDefault = "None";
            boolean mapOptional = false;
            if (filter.map().isPresent()) {
                mapName = functionName.toUpperCase(java.util.Locale.ROOT) + "_" + param.toUpperCase(java.util.Locale.ROOT);
                entries = new ArrayList<>();
                for (Map.Entry<String, YNode> entry : filter.map().get().entries().entrySet()) {
                    entries.add(PyLiteral.str(entry.getKey()) + ": " + PyLiteral.value(entry.getValue()));
                }
                tables.add(mapName);
                Optional<String> declared = schema.defaultValue().filter(YScalar.class::isInstance)
                        .map(v -> ((YScalar) v).text());
                byDefault = declared.map(PyLiteral::str).orElse("None");
                if (declared.isEmpty()) {
                    annotation = annotation + " | None";
                    mapOptional = true;
                }
            } else if (!"in".equals(filter.op())) {
                annotation = annotation + " | None";
            }
            parameters.add(param + ": Annotated[" + annotation + ", Query(" + String.join(", ", args) + ")] = "
                    + byDefault);
            filters.add(new OperationModel.FilterModel(param, column, filter.op(), mapName, entries, mapOptional));
        }
        return new Plan(parameters, filters, tables);
    }

    /**
     * The Python name of a query parameter. FastAPI takes any function parameter named like a path
     * template for that path parameter, so a query parameter sharing a path parameter's name (OpenAPI keys
     * parameters by name and place) takes a suffix, as does one named like the route's own parameters
     * and locals (session, body); its alias keeps the wire name.
     */
    public static String queryName(dev.specgen.contract.Operation operation, String wire) {
        String attribute = Names.attribute(Names.function(wire));
        // The route's own session, body, current_user... keep their names.
        String name = Names.reservedInRoutes(attribute) ? attribute + "_" : attribute;
        boolean clash = operation.parametersIn("path").stream().anyMatch(p -> p.name().equals(name)
                || Names.parameter(p.name()).equals(name));
        return clash ? name + "_query" : name;
    }
}
