package dev.specgen.validate;

import dev.specgen.actions.Action;
import dev.specgen.actions.ActionContext;
import dev.specgen.actions.Actions;
import dev.specgen.contract.Contract;
import dev.specgen.contract.Operation;
import dev.specgen.diagnostics.Diagnostics;
import dev.specgen.diagnostics.Rule;
import dev.specgen.modeldoc.BindingDoc;
import dev.specgen.modeldoc.EntityDoc;
import dev.specgen.modeldoc.ModelDoc;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Cross-checks between the contract's operations and model.yaml's bindings: every operation bound once,
 * every binding an operation, an entity where the action needs one. Each binding's checks are then
 * EntityBindingChecks' (with its action's own) and the action's {@code check}.
 */
public final class BindingChecks {
    private final Contract contract;
    private final ModelDoc model;
    private final Diagnostics diagnostics;
    /** Parts of model.yaml that broke its schema: reported already, so never reported as missing. */
    private final ModelGaps gaps;
    /** The first shape seen per entity and role, to catch operations that disagree. */
    private final Map<String, Set<String>> shapes = new HashMap<>();

    public BindingChecks(Contract contract, ModelDoc model, ModelGaps gaps, Diagnostics diagnostics) {
        this.contract = contract;
        this.model = model;
        this.gaps = gaps;
        this.diagnostics = diagnostics;
    }

    public void check() {
        Map<String, Operation> operations = new java.util.LinkedHashMap<>(contract.operationsByKey());
        // A repeated operationId (reported by the contract checks) cannot say which operation is bound.
        Set<String> seen = new java.util.HashSet<>();
        Set<String> repeated = new java.util.HashSet<>();
        contract.operations().forEach(op -> op.operationId().filter(id -> !seen.add(id)).ifPresent(repeated::add));
        repeated.forEach(operations::remove);
        Map<String, BindingDoc> bindings = model.bindings();
        for (Operation operation : contract.operations()) {
            if (operation.operationId().filter(repeated::contains).isPresent()) {
                continue;
            }
            boolean byId = operation.operationId().filter(bindings::containsKey).isPresent();
            boolean byMethod = bindings.containsKey(operation.methodPath());
            boolean broken = operation.operationId().filter(gaps::bindingBroken).isPresent()
                    || gaps.bindingBroken(operation.methodPath());
            if (!byId && !byMethod && !broken) {
                String key = operation.operationId().orElse("\"" + operation.methodPath() + "\"");
                diagnostics.report(Rule.OPERATION_UNBOUND, operation.keyNode(),
                        operation.label() + " is not bound in model.yaml",
                        "operations." + key + " with an entity and an action in model.yaml");
            } else if (byId && byMethod) {
                BindingDoc second = bindings.get(operation.methodPath());
                diagnostics.report(Rule.BINDING_UNKNOWN_OPERATION, second.idMark(), second.node().pointer(),
                        "model.yaml binds " + operation.label() + " twice, as '" + operation.operationId().get()
                                + "' and as '" + operation.methodPath() + "'",
                        "one binding per operation; remove one of the two");
            }
        }
        for (BindingDoc binding : bindings.values()) {
            Operation operation = operations.get(binding.key());
            if (operation == null && repeated.contains(binding.key())) {
                continue;
            }
            if (operation == null) {
                diagnostics.report(Rule.BINDING_UNKNOWN_OPERATION, binding.idMark(), binding.node().pointer(),
                        "model.yaml binds '" + binding.key() + "', which is neither an operationId nor a"
                                + " \"METHOD /path\" of the contract",
                        "an operationId from the contract, or its method and path as in \"GET /tasks\""
                                + nearest(binding.key(), operations.keySet()));
                continue;
            }
            Optional<Action> known = Actions.of(binding.node().text("action").orElse(""));
            if (known.isEmpty()) {
                continue; // a schema error, reported by the schema check
            }
            Action action = known.get();
            Optional<EntityDoc> entity = binding.entityName().flatMap(model::entity);
            if (action.needsEntity()) {
                if (binding.entityName().isEmpty()) {
                    diagnostics.report(Rule.ACTION_SHAPE, binding.idMark(), binding.node().pointer(), "operations."
                            + binding.key() + " is a " + action.name() + " but names no entity",
                            "entity: one of " + String.join(", ", model.entities().keySet()));
                    continue;
                }
                if (entity.isEmpty() && gaps.entityBroken(binding.entity())) {
                    continue;
                }
                if (entity.isEmpty()) {
                    diagnostics.report(Rule.FIELD_REFERENCE_UNKNOWN, binding.at("entity"), "operation "
                            + binding.key() + " names entity '" + binding.entity() + "', which is not defined",
                            "one of " + String.join(", ", model.entities().keySet()));
                    continue;
                }
                new EntityBindingChecks(contract, model, operation, binding, entity.get(), diagnostics, gaps, shapes)
                        .check();
            } else {
                Actions.checkMethod(operation, binding, action, diagnostics);
                if (action instanceof dev.specgen.actions.HandwrittenAction) {
                    new DoorChecks(contract, model, operation, binding, diagnostics).check();
                }
            }
            new GrantChecks(model, operation, binding, diagnostics).check();
            action.check(new ActionContext(contract, model, operation, binding, entity, diagnostics));
        }
    }

    private static String nearest(String id, Set<String> known) {
        return known.stream().filter(k -> k.equalsIgnoreCase(id) || k.startsWith(id) || id.startsWith(k))
                .findFirst().map(k -> " (did you mean " + k + "?)").orElse("");
    }
}
