package dev.specgen.draft;

import dev.specgen.contract.Contract;
import dev.specgen.diagnostics.Rule;
import dev.specgen.load.YMap;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The auth section. An OpenAPI bearer scheme says a JWT is expected but not how it is signed, so the
 * algorithms are read only where the team wrote them (the contract's descriptions name HS256, EdDSA, a
 * JWKS); the user id's type comes from the path parameter that stands for the caller, or the owner
 * column. What no text states is a decision.
 */
final class AuthInference {
    private static final Pattern ALGORITHM = Pattern.compile("\\b(HS256|HS384|HS512|RS256|RS384|RS512|ES256|ES384|EdDSA)\\b");
    private static final Pattern JWKS = Pattern.compile("(?i)\\bJWKS\\b|jwks_uri|\\.well-known/jwks");
    private static final Pattern PEM = Pattern.compile("(?i)\\bPEM\\b|public key");
    private static final Pattern CLAIM = Pattern.compile("(?i)user id (?:is )?in `(\\w+)`");
    private static final Pattern ISSUER = Pattern.compile("(?i)\\bissuer\\s+`([^`]+)`");
    private static final Pattern AUDIENCE = Pattern.compile("(?i)\\baudience\\s+`([^`]+)`");

    /** The type of the caller's id, once known: uuid, int or string. */
    String userIdType;
    String userIdTypeWhy;
    private final String text;

    /** What the contract's security schemes say, in its own terms, for the DECIDE on signing. */
    private final String schemes;

    AuthInference(Contract contract) {
        this.text = texts(contract);
        this.schemes = schemes(contract);
    }

    /**
     * "the contract says bearer JWT", or what it does say: an API key in a cookie, bearer without a
     * format, no scheme at all. Never a claim the contract does not make.
     */
    private static String schemes(Contract contract) {
        List<String> said = new ArrayList<>();
        contract.securitySchemes().ifPresent(schemes -> schemes.entries().forEach((name, scheme) -> {
            if (scheme instanceof YMap map) {
                String type = map.text("type").orElse("?");
                String kind = switch (type) {
                    case "http" -> "bearer".equalsIgnoreCase(map.text("scheme").orElse("")) ? "bearer"
                            + map.text("bearerFormat").map(f -> " " + f).orElse(" (no bearerFormat)")
                            : "HTTP " + map.text("scheme").orElse("?");
                    case "apiKey" -> "an API key in " + map.text("in").orElse("?") + " " + map.text("name")
                            .map(n -> "`" + n + "`").orElse("");
                    default -> type;
                };
                said.add(kind.strip() + " (" + name + ")");
            }
        }));
        if (said.isEmpty()) {
            return "the contract declares no security scheme, so nothing says how callers prove who they are";
        }
        return "the contract's security " + (said.size() == 1 ? "scheme is " : "schemes are ") + String.join(", ", said)
                + ", which names no algorithm or key";
    }

    /** Every description the team wrote about the API and its security schemes. */
    private static String texts(Contract contract) {
        List<String> texts = new ArrayList<>();
        contract.root().map("info").flatMap(i -> i.text("description")).ifPresent(texts::add);
        contract.securitySchemes().ifPresent(schemes -> schemes.entries().values().forEach(scheme -> {
            if (scheme instanceof YMap map) {
                map.text("description").ifPresent(texts::add);
                map.text("bearerFormat").ifPresent(texts::add);
            }
        }));
        return String.join("\n", texts);
    }

    /** Notes the caller's id type from a path parameter or owner column; the first source wins. */
    void userIdType(String fieldType, String why) {
        if (userIdType != null || fieldType == null) {
            return;
        }
        userIdType = switch (fieldType) {
            case "uuid" -> "uuid";
            case "integer", "bigint" -> "int";
            case "string", "text" -> "string";
            default -> null;
        };
        userIdTypeWhy = userIdType == null ? null : why;
    }

    /** The owner field's type that goes with the caller's id type. */
    String ownerFieldType() {
        return userIdType == null ? "string" : switch (userIdType) {
            case "uuid" -> "uuid";
            case "int" -> "bigint";
            default -> "string";
        };
    }

    Yaml.Block block(List<Decision> decisions) {
        Yaml.Block auth = new Yaml.Block();
        List<String> algorithms = new ArrayList<>();
        Matcher m = ALGORITHM.matcher(text);
        while (m.find()) {
            if (!algorithms.contains(m.group(1))) {
                algorithms.add(m.group(1));
            }
        }
        boolean hmac = !algorithms.isEmpty() && algorithms.stream().allMatch(a -> a.startsWith("HS"));
        if (algorithms.isEmpty()) {
            Decision decision = new Decision("auth algorithms", "how tokens are signed", List.of(
                    schemes + "; the generated backend checks bearer JWTs.",
                    "A secret shared with the service that issues tokens is HS256 with key_env; an auth service that"
                            + " publishes a JWKS (Better Auth, Neon Auth, Clerk, Auth0) is EdDSA or RS256 with"
                            + " key_source: jwks (docs/model-yaml.md, auth)."),
                    Rule.MODEL_SCHEMA, true, "/auth", true);
            decisions.add(decision);
            auth.gap(decision, new Yaml.Block().put("algorithms", Yaml.flowList(List.of("HS256")))
                    .put("key_env", Yaml.text("JWT_SECRET")), true);
        } else {
            auth.put("algorithms", Yaml.flowList(algorithms), quote(ALGORITHM));
            String source = hmac ? "secret" : JWKS.matcher(text).find() ? "jwks" : PEM.matcher(text).find()
                    ? "public_key" : null;
            if ("jwks".equals(source)) {
                auth.put("key_source", Yaml.text("jwks"), quote(JWKS));
            } else if ("public_key".equals(source)) {
                auth.put("key_source", Yaml.text("public_key"), quote(PEM));
            }
            String env = source == null ? "JWT_PUBLIC_KEY" : switch (source) {
                case "secret" -> "JWT_SECRET";
                case "jwks" -> "JWT_JWKS_URL";
                default -> "JWT_PUBLIC_KEY";
            };
            auth.put("key_env", Yaml.text(env), "where the key is read from (the default name)");
        }
        Yaml.Block userId = new Yaml.Block();
        Matcher claim = CLAIM.matcher(text);
        if (claim.find()) {
            userId.put("claim", Yaml.text(claim.group(1)), quote(CLAIM));
        } else {
            userId.put("claim", Yaml.text("sub"), "the default: the token's subject");
        }
        if (userIdType != null) {
            userId.put("type", Yaml.text(userIdType), userIdTypeWhy);
        } else {
            Decision decision = new Decision("auth user_id type", "the type of the caller's id", List.of(
                    "nothing in the contract shows it (no path parameter stands for the caller, no column holds it).",
                    "uuid, int or string, as the service that issues tokens writes its user ids; owner fields get"
                            + " the matching type."),
                    Rule.MODEL_SCHEMA, true, "/auth/user_id", true);
            decisions.add(decision);
            userId.gap(decision, new Yaml.Block().put("type", Yaml.text("string")), true);
        }
        auth.put("user_id", userId);
        find(ISSUER).ifPresent(issuer -> auth.put("issuer", Yaml.text(issuer), quote(ISSUER)));
        find(AUDIENCE).ifPresent(audience -> auth.put("audience", Yaml.text(audience), quote(AUDIENCE)));
        return auth;
    }

    private Optional<String> find(Pattern pattern) {
        Matcher m = pattern.matcher(text);
        return m.find() ? Optional.of(m.group(1)) : Optional.empty();
    }

    /** The phrase of the contract's text that states what a pattern found, for the comment. */
    private String quote(Pattern pattern) {
        Matcher m = pattern.matcher(text);
        if (!m.find()) {
            return null;
        }
        int start = 0;
        for (char stop : ".\n(".toCharArray()) {
            start = Math.max(start, text.lastIndexOf(stop, m.start() - 1) + 1);
        }
        int end = text.length();
        for (char stop : ".)\n;".toCharArray()) {
            int at = text.indexOf(stop, m.end());
            if (at >= 0) {
                end = Math.min(end, at);
            }
        }
        String phrase = text.substring(start, end).replaceAll("\\s+", " ").strip();
        return "contract: \"" + (phrase.length() > 60 ? phrase.substring(0, 57) + "..." : phrase) + "\"";
    }
}
