package dev.specgen.validate;

import dev.specgen.contract.Contract;
import dev.specgen.contract.Operation;
import dev.specgen.contract.Parameter;
import dev.specgen.contract.SchemaView;
import dev.specgen.diagnostics.Diagnostics;
import dev.specgen.diagnostics.Rule;
import dev.specgen.load.YNode;
import dev.specgen.modeldoc.BindingDoc;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import dev.specgen.shapes.ErrorCodes;
import java.util.regex.Pattern;

/**
 * What the plumbing of a hand-written route answers is what its contract declares, as for every
 * generated route: its security as declared, a 401 where it checks a token, the contract's status for a
 * path user id that is not the caller, a 400 or 422 where input can be invalid; and a path parameter that
 * names the caller is bound to the token's subject, never left for the handler to trust.
 */
final class DoorChecks {
    /** A path parameter named as the caller's id is: the names init reads as the subject. */
    private static final Pattern CALLER = Pattern.compile("(?i)(user|owner|member)_?id|uid|user|me");
    private static final Set<String> PLAIN = Set.of("type", "description", "title", "example", "examples",
            "default", "deprecated", "nullable");

    private final Contract contract;
    private final Operation operation;
    private final BindingDoc binding;
    private final Diagnostics diagnostics;
    private final dev.specgen.modeldoc.ModelDoc model;
    /** The situations the door's route itself answers (the handler's own codes are its own). */
    private final List<ErrorCodeChecks.Need> situations = new java.util.ArrayList<>();

    DoorChecks(Contract contract, dev.specgen.modeldoc.ModelDoc model, Operation operation, BindingDoc binding,
            Diagnostics diagnostics) {
        this.model = model;
        this.contract = contract;
        this.operation = operation;
        this.binding = binding;
        this.diagnostics = diagnostics;
    }

    void check() {
        String label = operation.label();
        Optional<String> auth = binding.auth();
        boolean declaredPublic = operation.security().map(s -> s.items().isEmpty()).orElse(false);
        boolean noSecurity = operation.security().isEmpty();
        boolean token = !declaredPublic && !noSecurity && auth.filter("public"::equals).isEmpty();
        if (noSecurity && auth.isEmpty()) {
            diagnostics.report(Rule.SECURITY_UNDECLARED, operation.securityNode(), label
                    + " has no security requirement and model.yaml does not declare it public",
                    "a bearer security requirement in the contract (security: [] says public), or auth: public on"
                            + " operations." + binding.key());
        } else if (!noSecurity && !declaredPublic && auth.filter("public"::equals).isPresent()
                && operation.requiresToken()) {
            diagnostics.report(Rule.AUTH_DISAGREES, binding.at("auth"), label + " requires a bearer token in"
                    + " the contract but model.yaml says auth: public", "the same auth in both");
        } else if ((declaredPublic || noSecurity) && auth.filter("required"::equals).isPresent()) {
            diagnostics.report(Rule.AUTH_DISAGREES, binding.at("auth"), label + " has no security requirement"
                    + " in the contract but model.yaml says auth: required", "the same auth in both");
        }
        if (token) {
            need("401", "401 (a bad or missing token)", "a '401' response in the contract");
            situations.add(new ErrorCodeChecks.Need(ErrorCodes.Situation.UNAUTHORIZED, 401, "a bad or missing token"));
        }
        Optional<String> subject = binding.path().entrySet().stream()
                .filter(e -> BindingDoc.SUBJECT.equals(e.getValue())).map(java.util.Map.Entry::getKey).findFirst();
        if (subject.isPresent() && !token && !(noSecurity && auth.isEmpty())) {
            diagnostics.report(Rule.ACTION_SHAPE, binding.at("path"), label + " binds {" + subject.get()
                    + "} to the subject but reads no token, so nothing says who the caller is",
                    "a bearer security requirement on the operation, or no subject binding");
        } else if (subject.isPresent() && List.of("403", "404", "401").stream().noneMatch(operation::declaresStatus)) {
            need("403", "403, 404 or 401 (a path user id that is not the caller)",
                    "a '403' (or '404') response in the contract for a path user id that is not the caller");
        }
        if (canBeInvalid(subject.orElse(null))) {
            need("422", "422 (invalid input)", "a '400' or '422' response in the contract (as its other"
                    + " operations answer invalid input)");
            situations.add(new ErrorCodeChecks.Need(ErrorCodes.Situation.VALIDATION_ERROR,
                    operation.declaresStatus("422") || !operation.declaresStatus("400") ? 422 : 400, "invalid input"));
        }
        new ErrorCodeChecks(contract, model, diagnostics).check(operation, situations);
        for (Parameter parameter : operation.parametersIn("path")) {
            if (!binding.path().containsKey(parameter.name()) && CALLER.matcher(parameter.name()).matches()) {
                diagnostics.report(Rule.PATH_PARAM_UNBOUND, binding.idMark(), binding.node().pointer(), label
                        + " has path parameter {" + parameter.name() + "}, named as the caller's id, but its"
                        + " binding leaves it out: the route would check nothing and the handler would trust it",
                        "path: {" + parameter.name() + ": subject} on operations." + binding.key()
                                + " (the route then answers another user's id as the contract says)");
            }
        }
    }

    private void need(String code, String what, String wanted) {
        boolean declared = operation.declaresStatus(code) || "422".equals(code) && operation.declaresStatus("400");
        if (!declared) {
            YNode at = operation.responses().map(YNode.class::cast).orElse(operation.node());
            diagnostics.report(Rule.ERROR_RESPONSE_UNDECLARED, at, "hand-written " + operation.label()
                    + " can answer " + what + " but does not declare it", wanted);
        }
    }

    /** A body, or a parameter (other than the caller's id) whose schema can refuse a value. */
    private boolean canBeInvalid(String subject) {
        if (operation.requestBody().isPresent()) {
            return true;
        }
        for (Parameter parameter : operation.parameters().values()) {
            if ("path".equals(parameter.in()) && (parameter.name().equals(subject)
                    || operation.declaresStatus("404"))) {
                continue; // not the caller, or a key no row has: each has its declared answer
            }
            if (parameter.required() && !"path".equals(parameter.in())) {
                return true; // leaving it out is invalid input
            }
            Optional<SchemaView> schema = parameter.schema().flatMap(s -> SchemaView.of(contract, s));
            if (schema.isEmpty()) {
                continue;
            }
            Set<String> keywords = new HashSet<>(schema.get().node().entries().keySet());
            keywords.removeAll(PLAIN);
            if (!keywords.isEmpty() || !List.of("string").equals(schema.get().types())) {
                return true;
            }
        }
        return false;
    }
}
