package dev.specgen.resolve;

import dev.specgen.contract.Operation;
import dev.specgen.modeldoc.BindingDoc;
import dev.specgen.modeldoc.EntityDoc;
import dev.specgen.modeldoc.FieldDoc;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Describes what was implemented, in words a reviewer checks against the spec. */
final class SummaryPlanner {
    private final Resolver resolver;

    SummaryPlanner(Resolver resolver) {
        this.resolver = resolver;
    }

    SummaryModel plan(Map<String, EntityModel> entityModels) {
        List<String> endpoints = new ArrayList<>();
        List<String> models = new ArrayList<>();
        List<String> logic = new ArrayList<>();
        for (EntityDoc entity : resolver.entities().values()) {
            models.add(models(entity, entityModels.get(entity.name())));
            logic.add(ownership(entity));
            for (List<dev.specgen.load.YScalar> group : entity.groups("unique")) {
                logic.add(entity.name() + ": (" + String.join(", ", group.stream().map(s -> s.text()).toList())
                        + ") is unique; a clash answers 409, never 500.");
            }
            for (FieldDoc field : entity.fields().values()) {
                field.foreignKey().ifPresent(fk -> logic.add(entity.name() + "." + field.name() + " references "
                        + fk.text("entity").orElseThrow() + "." + fk.text("field").orElseThrow() + " (on delete "
                        + fk.text("on_delete").orElse("no_action").replace('_', ' ') + ")"
                        + (resolver.entities().get(fk.text("entity").orElseThrow()).shared() ? "."
                        : "; a write naming a parent the caller does not own answers 404.")));
                field.generated().ifPresent(g -> logic.add(entity.name() + "." + field.name() + " is set by the server ("
                        + switch (g) {
                            case "uuid" -> "a random UUID";
                            case "increment" -> "an auto-increment key";
                            case "created" -> "the time of creation";
                            default -> "the time of every change";
                        } + ")."));
            }
            for (Map.Entry<Operation, BindingDoc> entry : resolver.boundOperations(entity)) {
                Operation operation = entry.getKey();
                BindingDoc binding = entry.getValue();
                String status = operation.successResponses().keySet().iterator().next();
                boolean isPublic = binding.auth().map("public"::equals).orElse(false);
                endpoints.add("| " + operation.method().toUpperCase(Locale.ROOT) + " | `" + operation.path() + "` | "
                        + binding.key() + " | " + entity.name() + " | " + binding.action() + " | "
                        + (isPublic ? "public" : "bearer JWT") + " | " + status + " |");
                binding.path().forEach((param, target) -> {
                    if (BindingDoc.SUBJECT.equals(target)) {
                        logic.add(binding.key() + ": the path's {" + param + "} must equal the token's"
                                + " subject, else " + (operation.declaresStatus("403") ? "403" : "404") + ".");
                    }
                });
            }
        }
        // Operations bound to no entity (a health check, a hand-written door) are endpoints too.
        for (Operation operation : resolver.contract().operations()) {
            BindingDoc binding = resolver.model().bindingFor(operation).orElse(null);
            if (binding == null || binding.entityName().isPresent()) {
                continue;
            }
            String status = operation.successResponses().keySet().stream().findFirst().orElse("—");
            boolean isPublic = dev.specgen.actions.HealthAction.binds(binding) ? !operation.requiresToken()
                    : binding.auth().map("public"::equals).orElse(false);
            endpoints.add("| " + operation.method().toUpperCase(Locale.ROOT) + " | `" + operation.path() + "` | "
                    + binding.key() + " | — | " + binding.action() + " | " + (isPublic ? "public" : "bearer JWT")
                    + " | " + status + " |");
        }
        return new SummaryModel(endpoints, models, logic);
    }

    private static String models(EntityDoc entity, EntityModel model) {
        return "`" + entity.name() + "` (table `" + entity.table() + "`, " + entity.fields().size() + " fields); "
                + "request and response classes in `app.schemas`: " + String.join(", ", model.schemaClasses);
    }

    private String ownership(EntityDoc entity) {
        if (entity.shared()) {
            return entity.name() + " is shared: every authenticated user sees every row (ownership.shared).";
        }
        if (entity.ownerField().isPresent()) {
            return entity.name() + " is owned through " + entity.ownerField().get() + ": every query filters on"
                    + " the token's subject, and the server sets it on create; another user's row answers 404.";
        }
        return entity.name() + " is owned through its parent (via " + entity.viaField().orElseThrow()
                + "): every query joins the parent and filters on its owner; another user's row answers 404.";
    }
}
