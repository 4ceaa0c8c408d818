package dev.specgen.actions;

import dev.specgen.contract.Operation;
import dev.specgen.diagnostics.Rule;
import dev.specgen.load.YMap;
import dev.specgen.load.YNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * register, login and logout: the service keeps its own users and issues its own tokens. register stores
 * a user with an Argon2 hash (pwdlib) of the body's password and answers 409 for a login already taken;
 * login answers a token signed with the configured HS* secret, which the generated verifier checks, or
 * one 401 whether or not the user exists, within a bounded rate per account and per address (429);
 * logout is stateless and revokes nothing. Their routes and tests are templates/python/actions/accounts.stg.
 */
public final class AccountAction implements Action {
    private final String name;

    AccountAction(String name) {
        this.name = name;
    }

    @Override
    public String name() {
        return name;
    }

    /** register, login and logout share one group: app/routers/issuing.py and its tests. */
    @Override
    public String group() {
        return "issuing";
    }

    @Override
    public boolean ownModules() {
        return true;
    }

    @Override
    public Set<String> methods() {
        return Set.of("post");
    }

    @Override
    public boolean needsEntity() {
        return false;
    }

    @Override
    public void check(ActionContext context) {
        Operation operation = context.operation();
        boolean logout = "logout".equals(name);
        if (logout) {
            for (String key : java.util.List.of("entity", "users")) {
                if (context.binding().node().has(key)) {
                    context.diagnostics().report(Rule.ACTION_SHAPE, context.binding().at(key), "operations."
                            + context.binding().key() + " is a stateless logout, which reads no entity", "no " + key
                            + " on logout");
                }
            }
            if (operation.requestBody().isPresent()) {
                context.diagnostics().report(Rule.ACTION_SHAPE, operation.node().get("requestBody").orElseThrow(),
                        operation.label() + " is a stateless logout, which reads no body", "no requestBody on logout");
            }
            return;
        }
        if (operation.requiresToken()) {
            context.diagnostics().report(Rule.ACTION_SHAPE, operation.securityNode(), operation.label() + " is a "
                    + name + ", which a caller without a token must reach", "security: [] on " + operation.label()
                    + " and auth: public on its binding");
        }
        YMap auth = context.model().auth();
        String source = auth.text("key_source").orElse("secret");
        boolean hmac = auth.seq("algorithms").map(s -> s.items().stream().allMatch(a -> a instanceof
                dev.specgen.load.YScalar scalar && scalar.text().startsWith("HS"))).orElse(false);
        if (!"secret".equals(source) || !hmac) {
            YNode at = auth.get("key_source").or(() -> auth.get("algorithms")).orElse(auth);
            context.diagnostics().report(Rule.KEY_SOURCE_MISMATCH, at, operation.label() + " issues tokens, but the"
                    + " service verifies them with " + ("secret".equals(source) ? "a public-key algorithm" : "a "
                    + source.replace('_', ' ')) + ": it holds no private key to sign with", "algorithms: [HS256]"
                    + " with key_env (a shared secret the service signs and verifies with), or leave issuing"
                    + " tokens to your identity provider");
        }
        boolean register = "register".equals(name);
        if (context.binding().node().has("entity")) {
            context.diagnostics().report(Rule.ACTION_SHAPE, context.binding().at("entity"), "operations."
                    + context.binding().key() + " names its users with users:, not entity:", "users: "
                    + context.binding().node().text("entity").orElse("User"));
        }
        AccountShape.read(context.contract(), operation, context.binding(), AccountShape.users(context.model(),
                context.binding(), context.diagnostics()), context.diagnostics(), register);
        List<String> needed = new ArrayList<>();
        needed.add("422 (invalid input: a request body that is not JSON or does not fit its schema)");
        if (register) {
            needed.add("409 (the login is taken)");
        } else {
            needed.add("401 (a wrong login or password)");
            needed.add("429 (too many login attempts for the account or the address)");
        }
        for (String status : needed) {
            String code = status.substring(0, 3);
            if (!operation.declaresStatus(code) && !("422".equals(code) && operation.declaresStatus("400"))) {
                context.diagnostics().report(Rule.ERROR_RESPONSE_UNDECLARED, operation.responses()
                        .map(YNode.class::cast).orElse(operation.node()), operation.label() + " can answer " + status
                        + " but does not declare it", "422".equals(code) ? "a '400' or '422' response in the contract"
                        : "a '" + code + "' response in the contract");
            }
        }
    }
}
