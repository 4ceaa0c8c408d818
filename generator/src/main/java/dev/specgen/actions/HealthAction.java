package dev.specgen.actions;

import dev.specgen.contract.SchemaView;
import dev.specgen.diagnostics.Rule;
import dev.specgen.load.YNode;
import dev.specgen.shapes.ConstantBody;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * health: a public check that pings the database and answers the contract's 200 body (built from its
 * constants) or 503 in the contract's error shape when the database does not answer.
 */
public final class HealthAction implements Action {
    @Override
    public String name() {
        return "health";
    }

    @Override
    public Set<String> methods() {
        return Set.of("get", "head");
    }

    /** True when the binding names this action (before validation too: an unknown name is not it). */
    public static boolean binds(dev.specgen.modeldoc.BindingDoc binding) {
        return Actions.of(binding.node().text("action").orElse("")).filter(HealthAction.class::isInstance).isPresent();
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
                    + context.binding().key() + " is a health check, which reads no entity", "no entity on health");
        }
        Map<String, YNode> success = context.operation().successResponses();
        if (success.size() != 1) {
            return; // reported by the contract checks
        }
        YNode response = success.values().iterator().next();
        Optional<SchemaView> schema = context.operation().jsonSchemaOf(response)
                .flatMap(s -> SchemaView.of(context.contract(), s));
        if (schema.isEmpty()) {
            return; // no body: the check answers with the status alone
        }
        for (String member : ConstantBody.unfilled(context.contract(), schema.get())) {
            context.diagnostics().report(Rule.ACTION_SHAPE, schema.get().site(), "the " + success.keySet()
                    .iterator().next() + " body of health check " + context.label() + " requires '" + member
                    + "', which has no constant value in the contract", "const, a one-value enum or a default"
                    + " for " + member + " (a health check has nothing else to fill it with)");
        }
        // A check that declares no 503 is a liveness check: it answers while the process runs and never asks
        // the database, so it has no 503 to declare.
    }
}
