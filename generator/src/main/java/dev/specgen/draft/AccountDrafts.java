package dev.specgen.draft;

import dev.specgen.validate.SecretFields;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Register, login and logout, drafted as the actions that serve them rather than as a create of a
 * password column: the users entity is the one the register answers (or the one holding the login
 * member), and it gets a read-only password_hash when the contract shows none (the hash is never
 * answered, so no schema shows it). Without a users entity they stay hand-written.
 */
final class AccountDrafts {
    static final Set<String> ACTIONS = Set.of("register", "login", "logout");
    private static final Set<String> REGISTER = Set.of("register", "signup", "sign_up", "registration", "users");
    private static final Set<String> LOGIN = Set.of("login", "signin", "sign_in", "token", "log_in");
    private static final Set<String> LOGOUT = Set.of("logout", "signout", "sign_out", "log_out");

    private final EntityCatalog catalog;
    private final List<OpDraft> ops;

    AccountDrafts(EntityCatalog catalog, List<OpDraft> ops) {
        this.catalog = catalog;
        this.ops = ops;
    }

    /** The account action an operation's method, path and bodies say, or null. */
    static String action(OpDraft op) {
        if (!"post".equals(op.method()) || !op.operation.templateNames().isEmpty()) {
            return null;
        }
        String word = Words.snake(op.lastWord()).toLowerCase(Locale.ROOT);
        boolean password = op.body.map(b -> b.properties().containsKey("password")).orElse(false);
        boolean token = op.response.map(r -> r.properties().containsKey("access_token")).orElse(false);
        if (LOGOUT.contains(word) && op.body.isEmpty()) {
            return "logout";
        }
        if (REGISTER.contains(word) && password && op.path().toLowerCase(Locale.ROOT).matches(".*/(auth|register"
                + "|signup|sign-up|accounts?)(/.*)?")) {
            return "register";
        }
        if (LOGIN.contains(word) && password && token) {
            return "login";
        }
        return null;
    }

    static String why(String action) {
        return switch (action) {
            case "register" -> "a POST with a password that creates an account: its Argon2 hash is stored, never it";
            case "login" -> "a password exchanged for an access_token: a token signed with the service's secret";
            default -> "a logout with no body: stateless, it revokes nothing";
        };
    }

    void infer() {
        for (OpDraft op : ops) {
            if (!"register".equals(op.action) && !"login".equals(op.action)) {
                continue;
            }
            String login = op.body.map(b -> b.properties().keySet().stream().filter(p -> !"password".equals(p))
                    .filter(p -> b.required().contains(p)).findFirst().orElse(null)).orElse(null);
            Optional<EntityDraft> users = Optional.ofNullable(op.entity).flatMap(catalog::entity)
                    .filter(e -> login != null && e.field(login).isPresent());
            if (users.isEmpty() && login != null) {
                users = catalog.entities.values().stream().filter(e -> e.field(login).isPresent()).findFirst();
            }
            if (users.isEmpty()) {
                op.action = "handwritten";
                op.actionWhy = "logging in or registering with no entity holding '" + login + "': code you write";
                continue;
            }
            EntityDraft entity = users.get();
            // The account's row is the caller's own (its key is the token's subject), not a row of a public op.
            op.entity = null;
            entity.primaryKey().filter(k -> "uuid".equals(k.generated)).ifPresent(k -> {
                k.generated = null;
                k.primaryKeyWhy = "register sets it to a random UUID; it is the token's subject";
            });
            op.users = entity.name;
            entity.accounts = true;
            op.usersWhy = "the entity holding " + login + ", the login";
            FieldDraft loginField = entity.field(login).orElseThrow();
            if (!loginField.unique) {
                loginField.unique = true;
                loginField.uniqueWhy = "the login of " + op.action + ": one account per " + login;
            }
            boolean hasHash = entity.fields.values().stream().anyMatch(f -> f.readOnly && SecretFields.namedLikeSecret(
                    f.name) && f.name.toLowerCase(Locale.ROOT).contains("pass"));
            if (!hasHash) {
                FieldDraft hash = entity.add("password_hash");
                hash.type = "string";
                hash.maxLength = 255;
                hash.readOnly = true;
                hash.readOnlyWhy = "the Argon2 hash register stores and login verifies; never answered (SG430)";
            }
        }
    }
}
