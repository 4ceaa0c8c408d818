package dev.specgen.actions;

import dev.specgen.diagnostics.Rule;
import dev.specgen.modeldoc.EntityDoc;

/** set: sets declared values on the caller's row (an "archive" or "complete" endpoint with no body). */
public final class SetAction extends RowChangeAction {
    @Override
    public String name() {
        return "set";
    }

    @Override
    public void check(ActionContext context) {
        EntityDoc entity = context.entity().orElseThrow();
        if (context.binding().node().map("values").isEmpty()) {
            context.diagnostics().report(Rule.ACTION_SHAPE, context.binding().at("action"), "operations."
                    + context.binding().key() + " sets fields but names none", "values: {<field>: <value>}");
            return;
        }
        context.binding().node().map("values").orElseThrow().entries().keySet().forEach(name -> {
            if (entity.field(name).isEmpty()) {
                context.diagnostics().report(Rule.FIELD_REFERENCE_UNKNOWN,
                        context.binding().node().map("values").orElseThrow().keyMark(name),
                        context.binding().node().map("values").orElseThrow().get(name).orElseThrow().pointer(),
                        "entity " + entity.name() + " has no field '" + name + "' to set",
                        "one of " + String.join(", ", entity.fields().keySet()));
            }
        });
    }
}
