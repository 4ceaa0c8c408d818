package dev.specgen.actions;

import dev.specgen.contract.Parameter;
import dev.specgen.diagnostics.Diagnostics;
import dev.specgen.diagnostics.Rule;
import dev.specgen.load.YMap;
import dev.specgen.load.YNode;
import dev.specgen.load.YScalar;
import dev.specgen.modeldoc.BindingDoc;
import dev.specgen.modeldoc.EntityDoc;
import dev.specgen.modeldoc.FieldDoc;
import dev.specgen.modeldoc.FieldType;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;

/**
 * Text search for a list: the search parameter matches, case-insensitively and anywhere, any of the
 * named text fields (ILIKE on PostgreSQL, the same on SQLite); % _ and \ in the input match
 * themselves. Checks and plan in one place.
 */
public final class Search {
    private Search() {
    }

    public record Spec(String param, List<YScalar> fields, YMap node) {
        public static Optional<Spec> of(BindingDoc binding) {
            return binding.node().map("search").map(m -> new Spec(m.text("param").orElseThrow(),
                    m.seq("fields").orElseThrow().items().stream().map(YScalar.class::cast).toList(), m));
        }
    }

    public static void check(BindingDoc binding, EntityDoc entity, Map<String, Parameter> query,
            Set<String> meaningful, Diagnostics diagnostics, String label, Predicate<String> fieldBroken) {
        Optional<Spec> spec = Spec.of(binding);
        if (spec.isEmpty()) {
            return;
        }
        meaningful.add(spec.get().param());
        Parameter parameter = query.get(spec.get().param());
        if (parameter == null) {
            diagnostics.report(Rule.QUERY_PARAM_UNSUPPORTED, spec.get().node(), label + " has no query parameter '"
                    + spec.get().param() + "' to search with", "a string query parameter named " + spec.get().param()
                    + " in the contract");
        } else if (!"string".equals(parameter.schema().flatMap(s -> s instanceof YMap m ? m.text("type")
                : Optional.empty()).orElse("string"))) {
            YNode at = parameter.schema().orElse(parameter.site());
            diagnostics.report(Rule.TYPE_MISMATCH, at, "search parameter '" + spec.get().param() + "' of " + label
                    + " is not a string", "type: string");
        }
        for (YScalar name : spec.get().fields()) {
            Optional<FieldDoc> field = entity.field(name.text());
            if (field.isEmpty() && fieldBroken.test(name.text())) {
                continue;
            }
            if (field.isEmpty()) {
                diagnostics.report(Rule.FIELD_REFERENCE_UNKNOWN, name, "entity " + entity.name() + " has no field '"
                        + name.text() + "' to search", "one of " + String.join(", ", entity.fields().keySet()));
            } else if (!List.of(FieldType.STRING, FieldType.TEXT).contains(FieldType.of(field.get().type()))) {
                diagnostics.report(Rule.ACTION_SHAPE, name, "search matches text, but " + entity.name() + "."
                        + name.text() + " is " + field.get().type(), "string or text fields only");
            }
        }
    }
}
