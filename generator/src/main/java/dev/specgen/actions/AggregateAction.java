package dev.specgen.actions;

import dev.specgen.contract.SchemaView;
import dev.specgen.diagnostics.Rule;
import dev.specgen.load.YMap;
import dev.specgen.load.YNode;
import dev.specgen.load.YScalar;
import dev.specgen.modeldoc.EntityDoc;
import dev.specgen.modeldoc.FieldDoc;
import dev.specgen.modeldoc.FieldType;
import dev.specgen.shapes.Envelopes;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * aggregate: counts and sums grouped by fields, over the caller's rows only, with the list's filters
 * (GET /expenses/summary: per category, count and total amount). Each result row has exactly the
 * group fields and the measures, as the contract's item schema says.
 */
public final class AggregateAction implements Action {
    static final Set<String> FUNCTIONS = Set.of("sum", "min", "max", "avg");

    @Override
    public String name() {
        return "aggregate";
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
    public boolean groupsRows() {
        return true;
    }

    @Override
    public java.util.Optional<String> testsTemplate() {
        return java.util.Optional.of("aggregateTests");
    }

    @Override
    public boolean customTestsOnly() {
        return true;
    }

    @Override
    public Set<String> listOptions() {
        return Set.of("filters");
    }

    /** The list's filter forms, over the rows it groups. */
    @Override
    public void checkQuery(EntityBinding check, Map<String, dev.specgen.contract.Parameter> query,
            Set<String> meaningful) {
        ListFilters.check(check.contract(), check.binding(), check.entity(), query, meaningful, check.diagnostics(),
                param -> (schema, field) -> check.checkType(schema, field, "query parameter '" + param + "' of "
                        + check.label()),
                check.label(), check::fieldBroken);
    }

    /** Its rows are groups, not entities: {@link #check} compares them with the measures. */
    @Override
    public void checkResponse(EntityBinding binding) {
    }

    /** A measure: the result property, its function (count, sum, ...) and the field it reads (null for count). */
    public record Measure(String property, String function, String field, YNode node) {
    }

    public static List<Measure> measures(dev.specgen.modeldoc.BindingDoc binding) {
        return binding.node().map("measures").map(map -> map.entries().entrySet().stream().map(e -> {
            if (e.getValue() instanceof YMap spec) {
                String function = spec.entries().keySet().iterator().next();
                return new Measure(e.getKey(), function, spec.text(function).orElseThrow(), e.getValue());
            }
            return new Measure(e.getKey(), "count", null, e.getValue());
        }).toList()).orElse(List.of());
    }

    public static List<YScalar> groupBy(dev.specgen.modeldoc.BindingDoc binding) {
        return binding.node().seq("group_by").map(s -> s.items().stream().map(YScalar.class::cast).toList())
                .orElse(List.of());
    }

    @Override
    public void check(ActionContext context) {
        EntityDoc entity = context.entity().orElseThrow();
        var binding = context.binding();
        if (binding.node().seq("group_by").isEmpty() || binding.node().map("measures").isEmpty()) {
            context.diagnostics().report(Rule.ACTION_SHAPE, binding.at("action"), "operations." + binding.key()
                    + " aggregates but does not say how", "group_by: [<field>, ...] and measures: {<property>:"
                    + " count | {sum: <field>}}");
            return;
        }
        for (YScalar name : groupBy(binding)) {
            if (entity.field(name.text()).isEmpty()) {
                context.diagnostics().report(Rule.FIELD_REFERENCE_UNKNOWN, name, "entity " + entity.name()
                        + " has no field '" + name.text() + "' to group by", "one of "
                        + String.join(", ", entity.fields().keySet()));
            }
        }
        for (Measure measure : measures(binding)) {
            if (measure.field() == null) {
                continue;
            }
            Optional<FieldDoc> field = entity.field(measure.field());
            if (field.isEmpty()) {
                context.diagnostics().report(Rule.FIELD_REFERENCE_UNKNOWN, measure.node(), "entity " + entity.name()
                        + " has no field '" + measure.field() + "' to " + measure.function(), "one of "
                        + String.join(", ", entity.fields().keySet()));
            } else if (!FieldType.of(field.get().type()).hasRange()) {
                context.diagnostics().report(Rule.ACTION_SHAPE, measure.node(), measure.function() + " of "
                        + entity.name() + "." + measure.field() + ", which is " + field.get().type()
                        + ", not a number", "a numeric field (integer, bigint, decimal, float)");
            }
        }
        Map<String, YNode> success = context.operation().successResponses();
        if (success.size() != 1) {
            return;
        }
        Optional<SchemaView> schema = context.operation().jsonSchemaOf(success.values().iterator().next())
                .flatMap(s -> SchemaView.of(context.contract(), s));
        if (schema.isEmpty()) {
            return;
        }
        Optional<SchemaView> item = Envelopes.check(context.contract(), binding, Envelopes.roles(binding),
                schema.get(), true, Set.of(), context.label(), entity.name(), context.diagnostics());
        if (item.isEmpty()) {
            return;
        }
        Set<String> expected = new LinkedHashSet<>();
        groupBy(binding).forEach(g -> expected.add(g.text()));
        measures(binding).forEach(m -> expected.add(m.property()));
        Set<String> declared = item.get().properties().keySet();
        if (!declared.equals(expected)) {
            context.diagnostics().report(Rule.LIST_SHAPE, item.get().site(), "each row of " + context.label()
                    + " has " + declared + ", but the aggregate makes " + expected, "the group fields and the"
                    + " measures, no more and no fewer, in the contract's item schema and in model.yaml");
        }
    }
}
