package dev.specgen.validate;

import dev.specgen.actions.EntityBinding;
import dev.specgen.contract.Contract;
import dev.specgen.contract.Operation;
import dev.specgen.diagnostics.Diagnostics;
import dev.specgen.diagnostics.Rule;
import dev.specgen.modeldoc.BindingDoc;
import dev.specgen.modeldoc.EntityDoc;
import dev.specgen.modeldoc.ModelDoc;
import dev.specgen.load.YMap;
import dev.specgen.load.YNode;
import java.util.Optional;

/**
 * An operation's security agrees with model.yaml's auth: a token where the contract asks for one,
 * public only where both say so, never public over owned rows; every scheme it names is defined.
 */
final class AuthChecks {
    private final Contract contract;
    private final ModelDoc model;
    private final Operation operation;
    private final BindingDoc binding;
    private final EntityDoc entity;
    private final Diagnostics diagnostics;
    private final String label;

    AuthChecks(EntityBinding check) {
        this.contract = check.contract();
        this.model = check.model();
        this.operation = check.operation();
        this.binding = check.binding();
        this.entity = check.entity();
        this.diagnostics = check.diagnostics();
        this.label = check.label();
    }

    void check() {
        boolean secured = secured();
        Optional<String> auth = binding.auth();
        // [{bearerAuth: []}, {}]: a token is asked for, but the empty alternative lets anyone in.
        Optional<YNode> anonymous = operation.security().filter(seq -> seq.items().size() > 1)
                .flatMap(seq -> seq.items().stream().filter(i -> i instanceof YMap m && m.entries().isEmpty())
                        .findFirst());
        if (!secured && auth.isEmpty() && anonymous.isPresent()) {
            diagnostics.report(Rule.SECURITY_UNDECLARED, anonymous.get(), label + " makes the bearer token"
                    + " optional: the empty requirement {} in its security lets callers in without one",
                    "remove {} so that a token is required, or say auth: public on operations."
                            + binding.key() + " if anonymous callers are meant");
        } else if (!secured && auth.isEmpty()) {
            diagnostics.report(Rule.SECURITY_UNDECLARED, operation.securityNode(), label
                    + " has no security requirement and model.yaml does not declare it public",
                    "a bearer security requirement in the contract, or auth: public on operations."
                            + binding.key());
        } else if (secured && auth.filter("public"::equals).isPresent()) {
            diagnostics.report(Rule.AUTH_DISAGREES, binding.at("auth"), label + " requires a bearer token in"
                    + " the contract but model.yaml says auth: public", "the same auth in both");
        } else if (!secured && auth.filter("required"::equals).isPresent()) {
            diagnostics.report(Rule.AUTH_DISAGREES, binding.at("auth"), label + " has no security requirement"
                    + " in the contract but model.yaml says auth: required", "the same auth in both");
        }
        if (!secured && auth.filter("public"::equals).isPresent() && !entity.shared() && entity.ownershipDeclared()) {
            diagnostics.report(Rule.PUBLIC_OWNED_DATA, operation.securityNode(), label + " is public but entity "
                    + entity.name() + " is owned", "a bearer requirement, or ownership: {shared: true}");
        }
    }

    /** True when the effective security names at least one bearer scheme in every alternative. */
    boolean secured() {
        if (!operation.requiresToken()) {
            return false; // none declared, or {} as an anonymous alternative
        }
        for (YNode requirement : operation.security().orElseThrow().items()) {
            for (String scheme : ((YMap) requirement).entries().keySet()) {
                if (contract.securitySchemes().flatMap(s -> s.get(scheme)).isEmpty()) {
                    diagnostics.report(Rule.REF_UNRESOLVED, requirement, label + " requires security scheme '"
                            + scheme + "', which components.securitySchemes does not define",
                            "a bearer scheme named " + scheme);
                }
            }
        }
        return true;
    }
}
