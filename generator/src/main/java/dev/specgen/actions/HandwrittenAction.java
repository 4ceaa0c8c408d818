package dev.specgen.actions;

import dev.specgen.diagnostics.Rule;
import dev.specgen.load.YScalar;
import java.util.Set;

/**
 * handwritten: a typed door for an operation no declarative action fits (an AI agent, a domain
 * command). specgen generates everything around it (route, typed models from the contract, auth,
 * the path-subject check, ownership helpers for the entities it names, error shapes) and calls one
 * function in a module the user owns.
 */
public final class HandwrittenAction implements Action {
    @Override
    public String name() {
        return "handwritten";
    }

    @Override
    public Set<String> methods() {
        return Set.of("get", "post", "put", "patch", "delete");
    }

    /** True when the binding names this action (before validation too: an unknown name is not it). */
    public static boolean binds(dev.specgen.modeldoc.BindingDoc binding) {
        return Actions.of(binding.node().text("action").orElse("")).filter(HandwrittenAction.class::isInstance).isPresent();
    }

    @Override
    public boolean ownModules() {
        return true;
    }

    @Override
    public String routeTemplate() {
        return null;
    }

    @Override
    public boolean needsEntity() {
        return false;
    }

    @Override
    public void check(ActionContext context) {
        if (context.binding().node().has("entity")) {
            context.diagnostics().report(Rule.ACTION_SHAPE, context.binding().at("entity"), "operations."
                    + context.binding().key() + " is hand-written; it names the entities its code may read under"
                    + " entities, not entity", "entities: [<entity>, ...]");
        }
        context.binding().node().seq("entities").ifPresent(seq -> seq.items().forEach(item -> {
            String name = ((YScalar) item).text();
            if (context.model().entity(name).isEmpty()) {
                context.diagnostics().report(Rule.FIELD_REFERENCE_UNKNOWN, item, "operations."
                        + context.binding().key() + " names entity '" + name + "', which is not defined",
                        "one of " + String.join(", ", context.model().entities().keySet()));
            }
        }));
        for (String target : context.binding().path().values()) {
            if (!"subject".equals(target)) {
                context.diagnostics().report(Rule.ACTION_SHAPE, context.binding().at("path"), "operations."
                        + context.binding().key() + " binds a path parameter to field '" + target + "'; a hand-written"
                        + " operation receives its other path parameters typed, as they are",
                        "path: {<param>: subject} only for the user id; leave the others out");
            }
        }
    }
}
