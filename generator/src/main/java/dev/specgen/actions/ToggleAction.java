package dev.specgen.actions;

import dev.specgen.diagnostics.Rule;
import dev.specgen.modeldoc.EntityDoc;
import dev.specgen.modeldoc.FieldDoc;
import java.util.Optional;

/**
 * toggle: flips one boolean field of the caller's row ("PATCH /tasks/{id}/complete" with no body),
 * touches its generated: updated fields, and answers the row or 204 as the contract says.
 */
public final class ToggleAction extends RowChangeAction {
    @Override
    public String name() {
        return "toggle";
    }

    /** The field it flips, as model.yaml names it. */
    @Override
    public Optional<RowChange> rowChange(dev.specgen.modeldoc.BindingDoc binding) {
        return Optional.of(new RowChange(binding.node().text("field"), java.util.Map.of(), java.util.List.of()));
    }

    @Override
    public void check(ActionContext context) {
        EntityDoc entity = context.entity().orElseThrow();
        Optional<String> name = context.binding().node().text("field");
        if (name.isEmpty()) {
            context.diagnostics().report(Rule.ACTION_SHAPE, context.binding().at("action"), "operations."
                    + context.binding().key() + " toggles but names no field", "field: <a boolean field of "
                    + entity.name() + ">");
            return;
        }
        Optional<FieldDoc> field = entity.field(name.get());
        if (field.isEmpty()) {
            context.diagnostics().report(Rule.FIELD_REFERENCE_UNKNOWN, context.binding().at("field"), "entity "
                    + entity.name() + " has no field '" + name.get() + "' to toggle", "one of "
                    + String.join(", ", entity.fields().keySet()));
        } else if (!"boolean".equals(field.get().type()) || field.get().nullable()) {
            context.diagnostics().report(Rule.ACTION_SHAPE, context.binding().at("field"), "toggle flips a"
                    + " boolean, but " + entity.name() + "." + name.get() + " is " + (field.get().nullable()
                    ? "nullable (null has no opposite)" : "of type " + field.get().type()),
                    "a non-nullable boolean field, or action: set with values");
        }
    }
}
