package dev.specgen.validate;

import dev.specgen.diagnostics.Diagnostics;
import dev.specgen.diagnostics.Rule;
import dev.specgen.modeldoc.EntityDoc;
import dev.specgen.modeldoc.FieldDoc;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * A field named like a secret (password, password_hash, secret, token, api_key, salt) that a request body
 * may write is stored exactly as a client sends it: a plain password in a column, or a "hash" anyone can
 * choose. Such a field is set by the server (the register action hashes the request's password into it)
 * or by code of the team's, never by a body: it must be read-only.
 */
public final class SecretFields {
    private static final Set<String> SECRET_WORDS = Set.of("password", "passwd", "passphrase", "passcode", "secret",
            "salt", "apikey", "pwd");
    /** Words that make a field a secret when they end its name (access_token, api_key; not token_id or token_type). */
    private static final Set<String> SECRET_ENDS = Set.of("token", "key");
    private static final Set<String> KEY_SECRETS = Set.of("api", "private", "secret", "signing", "access");

    private SecretFields() {
    }

    /** True when the field's name says it holds a secret. */
    public static boolean namedLikeSecret(String name) {
        List<String> words = List.of(FieldDoc.snake(name).toLowerCase(Locale.ROOT).split("_+"));
        if (words.isEmpty()) {
            return false;
        }
        if (words.stream().anyMatch(SECRET_WORDS::contains)) {
            return true;
        }
        String last = words.get(words.size() - 1);
        if ("token".equals(last) || "tokens".equals(last)) {
            return true;
        }
        return SECRET_ENDS.contains(last) && words.size() > 1 && KEY_SECRETS.contains(words.get(words.size() - 2));
    }

    static void check(EntityDoc entity, FieldDoc field, Diagnostics diagnostics) {
        String type = field.node().text("type").orElse("");
        if (!Set.of("string", "text").contains(type) || field.readOnly() || field.generated().isPresent()
                || !namedLikeSecret(field.name())) {
            return;
        }
        diagnostics.report(Rule.SECRET_FIELD_WRITABLE, field.nameMark(), field.node().pointer(), entity.name() + "."
                + field.name() + " is named like a secret and a request body may write it, so it would be stored"
                + " exactly as a client sends it", "bind your registration to action: register (it stores an Argon2"
                + " hash of the request's password in " + field.name() + ", which is then read_only: true), or"
                + " read_only: true on " + field.name() + " if code of yours sets it");
    }
}
