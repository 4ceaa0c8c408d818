package dev.specgen.actions;

import dev.specgen.diagnostics.Rule;
import dev.specgen.load.YMap;
import dev.specgen.modeldoc.EntityDoc;
import dev.specgen.modeldoc.FieldDoc;
import dev.specgen.modeldoc.FieldType;
import dev.specgen.validate.ValueCheck;
import java.util.Optional;
import java.util.Set;

/** set: sets declared values on the caller's row (an "archive" or "complete" endpoint with no body). */
public final class SetAction extends RowChangeAction {
    @Override
    public String name() {
        return "set";
    }

    /** The values it sets, in model.yaml's order. */
    @Override
    public Optional<RowChange> rowChange(dev.specgen.modeldoc.BindingDoc binding) {
        java.util.Map<String, dev.specgen.load.YNode> values = new java.util.LinkedHashMap<>();
        java.util.List<String> stamped = new java.util.ArrayList<>();
        binding.node().map("values").ifPresent(map -> map.entries().forEach((name, value) -> {
            if (isNow(value)) {
                stamped.add(name);
            } else {
                values.put(name, value);
            }
        }));
        return Optional.of(new RowChange(Optional.empty(), values, stamped));
    }

    @Override
    public void check(ActionContext context) {
        EntityDoc entity = context.entity().orElseThrow();
        if (context.binding().node().map("values").isEmpty()) {
            context.diagnostics().report(Rule.ACTION_SHAPE, context.binding().at("action"), "operations."
                    + context.binding().key() + " sets fields but names none", "values: {<field>: <value>}");
            return;
        }
        YMap values = context.binding().node().map("values").orElseThrow();
        values.entries().forEach((name, value) -> {
            Optional<FieldDoc> field = entity.field(name);
            if (field.isEmpty()) {
                context.diagnostics().report(Rule.FIELD_REFERENCE_UNKNOWN, values.keyMark(name), value.pointer(),
                        "entity " + entity.name() + " has no field '" + name + "' to set",
                        "one of " + String.join(", ", entity.fields().keySet()));
                return;
            }
            String label = "operations." + context.binding().key() + " sets " + entity.name() + "." + name;
            String role = serverRole(entity, field.get());
            if (role != null) {
                // Another owner, another key or a server value: the row would move to someone else, or lie.
                context.diagnostics().report(Rule.ACTION_SHAPE, values.keyMark(name), value.pointer(),
                        label + ", " + role + ", which only the server sets",
                        "values for fields a client may change; never the owner, the key or a generated field");
                return;
            }
            FieldType type = FieldType.of(field.get().type());
            if (type == FieldType.DATETIME && isNow(value)) {
                return; // the server's time when the command runs (cancelled_at: now)
            }
            if (!SETTABLE.contains(type)) {
                context.diagnostics().report(Rule.ACTION_SHAPE, values.get(name).orElseThrow(), label
                        + ", a " + type.modelName() + " field, which set cannot write",
                        "set values for boolean, number, string, text or enum fields, or now for a datetime (the"
                        + " server's time); a hand-written operation else");
                return;
            }
            ValueCheck.ofValue("operations." + context.binding().key() + "'s value for " + entity.name() + "." + name,
                    field.get(), value, Rule.ACTION_SHAPE,
                    context.diagnostics()).check(value);
        });
    }

    /** The literal types set writes as they are; dates, timestamps, UUIDs and JSON need a real conversion. */
    private static final Set<FieldType> SETTABLE = Set.of(FieldType.BOOLEAN, FieldType.INTEGER, FieldType.BIGINT,
            FieldType.FLOAT, FieldType.DECIMAL, FieldType.STRING, FieldType.TEXT, FieldType.ENUM);

    /** The value now: the server's time, for a datetime field. */
    private static boolean isNow(dev.specgen.load.YNode value) {
        return value instanceof dev.specgen.load.YScalar scalar && scalar.isString() && "now".equals(scalar.text());
    }

    private static String serverRole(EntityDoc entity, FieldDoc field) {
        if (entity.ownerField().filter(field.name()::equals).isPresent()) {
            return "the owner";
        }
        if (entity.viaField().filter(field.name()::equals).isPresent()) {
            return "the parent it is owned through";
        }
        if (field.primaryKey()) {
            return "the primary key";
        }
        return field.generated().map(g -> "generated (" + g + ")").orElse(null);
    }
}
