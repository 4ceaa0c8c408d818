package dev.specgen.validate;

import dev.specgen.contract.Grants;
import dev.specgen.contract.Operation;
import dev.specgen.diagnostics.Diagnostics;
import dev.specgen.diagnostics.Rule;
import dev.specgen.load.YMap;
import dev.specgen.load.YNode;
import dev.specgen.modeldoc.BindingDoc;
import dev.specgen.modeldoc.ModelDoc;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Roles and scopes agree with the 403s: an operation that requires a role or scope declares the 403 it
 * answers a caller without one, and a declared 403 is one something can answer (a role or scope, a path
 * user id that is not the caller, or hand-written code), never a promise the server silently breaks.
 */
final class GrantChecks {
    private final ModelDoc model;
    private final Operation operation;
    private final BindingDoc binding;
    private final Diagnostics diagnostics;

    GrantChecks(ModelDoc model, Operation operation, BindingDoc binding, Diagnostics diagnostics) {
        this.model = model;
        this.operation = operation;
        this.binding = binding;
        this.diagnostics = diagnostics;
    }

    /** Whether the operation reads a token: the contract asks for one and model.yaml does not say public. */
    static boolean readsToken(Operation operation, BindingDoc binding) {
        return operation.requiresToken() && binding.auth().filter("public"::equals).isEmpty();
    }

    /** What the caller's token must carry, as alternatives; empty when a valid token is enough. */
    static List<Set<String>> required(ModelDoc model, Operation operation, BindingDoc binding) {
        return readsToken(operation, binding) ? Grants.required(operation, model.rolesOf(binding)) : List.of();
    }

    void check() {
        String label = operation.label();
        if (!readsToken(operation, binding) && binding.roles().filter(r -> !r.isEmpty()).isPresent()) {
            diagnostics.report(Rule.AUTH_DISAGREES, binding.at("roles"), label + " reads no token, so it cannot"
                    + " know the caller's roles, but model.yaml says roles: " + binding.roles().get(),
                    "a bearer security requirement on the operation, or no roles: on operations." + binding.key());
            return;
        }
        List<Set<String>> required = required(model, operation, binding);
        if (!required.isEmpty() && !operation.declaresStatus("403")) {
            YNode at = operation.responses().map(YNode.class::cast).orElse(operation.node());
            diagnostics.report(Rule.FORBIDDEN_UNDECLARED, at, label + " requires " + describe(required)
                    + " but does not declare the 403 it answers a caller without it",
                    "a '403' response in the contract (in its error shape), or no roles: on operations."
                            + binding.key() + " in model.yaml");
        }
        boolean subject = binding.path().containsValue(BindingDoc.SUBJECT);
        boolean door = dev.specgen.actions.Actions.of(binding) instanceof dev.specgen.actions.HandwrittenAction;
        // Over owned rows, a 403 in the contract most often means "not your row": the server answers
        // another user's row like a missing one (404, never revealing it exists), and isolation holds in
        // SQL, so the 403 is one it never needs. Only rows every user shares are silently open.
        boolean ownedRows = binding.node().text("entity").flatMap(model::entity).map(e -> !e.shared()
                && (e.ownerField().isPresent() || e.viaField().isPresent())).orElse(false);
        if (required.isEmpty() && !subject && !door && !ownedRows && operation.declaresExactStatus("403")) {
            YMap responses = operation.responses().orElseThrow();
            diagnostics.report(Rule.FORBIDDEN_UNREACHABLE, responses.keyMark("403"), responses.pointer() + "/403",
                    label + " declares a 403, but nothing in model.yaml refuses a caller with a valid token: no"
                            + " role or scope is required, no path user id is bound to the caller, and it is not"
                            + " hand-written (another user's owned row is a 404, like a missing one)",
                    "roles: [ROLE] on operations." + binding.key() + " in model.yaml (or an OAuth2 scope in its"
                            + " security) if only some callers may call it, or remove the '403' response from"
                            + " the contract if every authenticated caller may");
        }
    }

    private static String describe(List<Set<String>> required) {
        return required.stream().map(set -> set.size() == 1 ? set.iterator().next()
                : "all of " + String.join(", ", set)).collect(Collectors.joining(" or ", "the grant ", ""));
    }
}
