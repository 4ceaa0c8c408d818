package dev.specgen.validate;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class SecretFieldsTest {
    @Test
    void namesThatHoldSecretsAreSecrets() {
        for (String name : List.of("password", "password_hash", "hashed_password", "passwordHash", "client_secret",
                "secret", "access_token", "refreshToken", "token", "api_key", "apiKey", "private_key", "salt",
                "passcode")) {
            assertTrue(SecretFields.namedLikeSecret(name), name);
        }
    }

    @Test
    void namesAboutSecretsAreNot() {
        for (String name : List.of("token_id", "token_type", "tokenCount", "key", "primary_key", "sort_key",
                "monkey", "passage", "content_hash", "title")) {
            assertFalse(SecretFields.namedLikeSecret(name), name);
        }
    }
}
