package dev.specgen.actions;

import dev.specgen.contract.Parameter;
import dev.specgen.contract.SchemaView;
import dev.specgen.diagnostics.Rule;
import dev.specgen.load.YNode;
import dev.specgen.load.YScalar;
import dev.specgen.modeldoc.BindingDoc;
import dev.specgen.modeldoc.EntityDoc;
import dev.specgen.shapes.Envelopes;
import dev.specgen.shapes.SchemaShapes;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * list: the caller's rows (GET /tasks), with its options: filters, text search, a fixed order or a sort
 * parameter, and pages. Its response is a plain array of rows, v1's page object, or an envelope.
 */
public final class ListAction implements Action {
    @Override
    public String name() {
        return "list";
    }

    @Override
    public Set<String> methods() {
        return Set.of("get");
    }

    @Override
    public boolean listsRows() {
        return true;
    }

    @Override
    public boolean answersRow() {
        return true;
    }

    @Override
    public Set<String> listOptions() {
        return Set.of("page", "filters", "sort", "order", "search");
    }

    @Override
    public void checkQuery(EntityBinding check, Map<String, Parameter> query, Set<String> meaningful) {
        BindingDoc binding = check.binding();
        EntityDoc entity = check.entity();
        String label = check.label();
        ListFilters.check(check.contract(), binding, entity, query, meaningful, check.diagnostics(),
                param -> (schema, field) -> check.checkType(schema, field, "query parameter '" + param + "' of "
                        + label), label,
                check::fieldBroken);
        Search.check(binding, entity, query, meaningful, check.diagnostics(), label, check::fieldBroken);
        checkOrder(check);
        binding.sort().ifPresent(sort -> checkSort(check, sort, query, meaningful));
        Pagination.Page.of(binding).ifPresent(page ->
                Pagination.check(check.contract(), binding, page, query, meaningful, check.diagnostics(), label));
    }

    /** A fixed order names fields of the entity and stands instead of a sort parameter. */
    private static void checkOrder(EntityBinding check) {
        BindingDoc binding = check.binding();
        EntityDoc entity = check.entity();
        for (YScalar key : binding.order()) {
            String name = key.text().startsWith("-") ? key.text().substring(1) : key.text();
            if (entity.field(name).isEmpty()) {
                check.diagnostics().report(Rule.FIELD_REFERENCE_UNKNOWN, key, "entity " + entity.name()
                        + " has no field '" + name + "' to order by", "one of "
                        + String.join(", ", entity.fields().keySet()));
            }
        }
        if (!binding.order().isEmpty() && binding.sort().isPresent()) {
            check.diagnostics().report(Rule.ACTION_SHAPE, binding.at("order"), "operations." + binding.key()
                    + " has both a fixed order and a sort parameter", "order or sort (sort.default gives the"
                    + " order when the request sends none)");
        }
    }

    /** The sort parameter (and its direction parameter) accept exactly the fields the server sorts by. */
    private static void checkSort(EntityBinding check, dev.specgen.load.YMap sort, Map<String, Parameter> query,
            Set<String> meaningful) {
        BindingDoc binding = check.binding();
        String label = check.label();
        String param = sort.text("param").orElse("sort");
        Optional<String> direction = sort.text("direction_param");
        meaningful.add(param);
        direction.ifPresent(meaningful::add);
        Set<String> names = new LinkedHashSet<>();
        for (YScalar field : binding.sortFields()) {
            names.add(field.text());
            if (check.entity().field(field.text()).isEmpty()) {
                check.unknownField(field);
            }
        }
        sort.scalar("default").ifPresent(d -> {
            String name = d.text().startsWith("-") ? d.text().substring(1) : d.text();
            if (!names.contains(name)) {
                check.diagnostics().report(Rule.FIELD_REFERENCE_UNKNOWN, d, "the default sort '" + d.text()
                        + "' is not among the sort fields", "one of " + String.join(", ", names));
            }
        });
        if (!query.containsKey(param)) {
            missingQuery(check, sort, param, "sort");
        } else {
            // The values the contract accepts are the ones the server sorts by: no more, no fewer.
            Set<String> accepted = new LinkedHashSet<>();
            names.forEach(n -> {
                accepted.add(n);
                if (direction.isEmpty()) {
                    accepted.add("-" + n);
                }
            });
            query.get(param).schema().flatMap(s -> SchemaView.of(check.contract(), s)).ifPresent(s -> {
                if (!new LinkedHashSet<>(s.enumValues()).equals(accepted)) {
                    check.diagnostics().report(Rule.CONSTRAINT_MISMATCH, s.site(), "query parameter '" + param
                            + "' of " + label + " allows " + (s.hasEnum() ? s.enumValues() : "any value")
                            + " but model.yaml sorts by " + accepted, "enum: " + new java.util.ArrayList<>(
                            accepted) + " in the contract (or the same fields in sort.fields)");
                }
            });
        }
        direction.ifPresent(d -> {
            if (!query.containsKey(d)) {
                missingQuery(check, sort, d, "sort direction");
            } else {
                query.get(d).schema().flatMap(s -> SchemaView.of(check.contract(), s)).ifPresent(s -> {
                    if (!new LinkedHashSet<>(s.enumValues()).equals(Set.of("asc", "desc"))) {
                        check.diagnostics().report(Rule.CONSTRAINT_MISMATCH, s.site(), "query parameter '" + d
                                + "' of " + label + " gives the sort direction but allows "
                                + (s.hasEnum() ? s.enumValues() : "any value"), "enum: [asc, desc]");
                    }
                });
            }
        });
    }

    private static void missingQuery(EntityBinding check, YNode at, String name, String what) {
        check.diagnostics().report(Rule.QUERY_PARAM_UNSUPPORTED, at, "model.yaml declares " + what + " '" + name
                + "' for " + check.label() + " but the contract has no query parameter '" + name + "'",
                "a query parameter named " + name + " in the contract");
    }

    @Override
    public void checkResponse(EntityBinding check) {
        RowResponses.Success.of(check.operation())
                .flatMap(s -> RowResponses.schema(check, s, Set.of("200"), "200", " the list of "))
                .ifPresent(schema -> {
                    BindingDoc binding = check.binding();
                    Optional<Pagination.Page> page = Pagination.Page.of(binding);
                    if (Envelopes.roles(binding).isEmpty() && page.isPresent()) {
                        if (page.get().pageStyle()) {
                            check.diagnostics().report(Rule.ACTION_SHAPE, binding.at("page"), "operations."
                                    + binding.key() + " pages by number but does not say where its rows and numbers"
                                    + " go", "response: {rows: <path>, total: <path>, page: <path>, page_size:"
                                    + " <path>} naming the contract's properties");
                            return;
                        }
                        checkListShape(check, schema); // v1's page object
                        return;
                    }
                    RowResponses.row(check, schema);
                });
    }

    /** A plain array of rows, or v1's page object {items, total, limit, offset}. */
    private static void checkListShape(EntityBinding check, SchemaView schema) {
        String label = check.label();
        String entity = check.entity().name();
        if (check.binding().page().isEmpty()) {
            if (!"array".equals(schema.type().orElse("")) || schema.items().isEmpty()) {
                check.diagnostics().report(Rule.LIST_SHAPE, schema.site(), "the response of " + label
                        + " is not an array of " + entity, "type: array with items describing "
                        + entity + " (or declare page in model.yaml for a page object)");
                return;
            }
            check.checkEntityObject(schema.items().get(), "public", "the items of " + label, Rule.LIST_SHAPE);
            return;
        }
        Map<String, YNode> properties = schema.properties();
        if (!SchemaShapes.isPage(schema, label, entity, check.diagnostics())) {
            return;
        }
        Optional<SchemaView> items = schema.property("items").flatMap(SchemaView::items);
        if (items.isEmpty() || !"array".equals(schema.property("items").flatMap(SchemaView::type).orElse(""))) {
            check.diagnostics().report(Rule.LIST_SHAPE, properties.get("items"), "the items of " + label
                    + "'s page are not an array", "items: {type: array, items: <" + entity + ">}");
            return;
        }
        for (String count : List.of("total", "limit", "offset")) {
            if (!"integer".equals(schema.property(count).flatMap(SchemaView::type).orElse(""))) {
                check.diagnostics().report(Rule.LIST_SHAPE, properties.get(count), count + " in the page of " + label
                        + " is not an integer", count + ": {type: integer}");
            }
        }
        check.checkEntityObject(items.get(), "public", "the items of " + label, Rule.LIST_SHAPE);
    }
}
