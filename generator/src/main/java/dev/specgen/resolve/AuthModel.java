package dev.specgen.resolve;

import java.util.List;

/** How the generated backend verifies bearer tokens. */
public final class AuthModel {
    public final String algorithmsLiteral;
    public final String keyEnv;
    public final String keySetting;
    /** Exactly one of these three is true. */
    public final boolean symmetric;
    public final boolean publicKey;
    public final boolean jwks;
    public final String claimLiteral;
    public final String userIdType;
    public final String userIdAnnotation;
    public final boolean userIdIsUuid;
    public final boolean userIdIsInt;
    /** Several public-key algorithms: tests send a header naming one with a key of another. */
    public final boolean hasSecondAlgorithm;
    /** What security.py imports from pydantic: only what the user id type needs. */
    public final String pydanticNames;
    public final boolean hasIssuer;
    public final String issuerLiteral;
    public final boolean hasAudience;
    public final String audienceLiteral;
    public final int leewaySeconds;
    public final boolean hasLeeway;
    public final String userIdComment;
    /** RFC 7518 3.2: an HMAC key at least as long as the largest hash among the algorithms. */
    public final int keyMinLength;
    public final String testUserA;
    public final String testUserB;
    /** A valid subject no test row belongs to. */
    public final String testUserC;
    public final String invalidSubject;
    /** Some operation requires roles or scopes (auth.roles, roles:, the contract's scopes). */
    public final boolean hasGrants;
    /** Where the token travels: the Authorization header, a cookie, or both. */
    public final boolean readsBearer;
    public final boolean readsCookie;
    public final String cookieNameLiteral;
    /** A create the CSRF tests POST to (an f-string or a literal); null when the service has none. */
    public final String csrfProbeUrl;
    public final boolean hasCsrfProbe;
    /** The claims grants are read from, as a tuple literal. */
    public final String grantClaimsLiteral;
    /** The claim the test tokens carry their grants in. */
    public final String testGrantClaimLiteral;
    /** Every grant any operation requires, as a tuple literal: the test users hold them all. */
    public final String allGrantsLiteral;

    /** The grants part of the model, computed from every binding. */
    public record Grants(boolean any, String claimsLiteral, String testClaimLiteral, String allLiteral,
            boolean bearer, String cookieLiteral, String csrfProbeUrl) {
        static final Grants NONE = new Grants(false, "()", "\"roles\"", "()", true, null, null);
    }

    AuthModel(String algorithmsLiteral, String keyEnv, String keySource, String claimLiteral, String userIdType,
            String userIdAnnotation, String issuerLiteral, String audienceLiteral, int leewaySeconds,
            String userIdComment) {
        this(algorithmsLiteral, keyEnv, keySource, claimLiteral, userIdType, userIdAnnotation, issuerLiteral,
                audienceLiteral, leewaySeconds, userIdComment, List.of(), Grants.NONE);
    }

    /** {@code owners}: every owner field, whose bounds and patterns the test users must fit. */
    AuthModel(String algorithmsLiteral, String keyEnv, String keySource, String claimLiteral, String userIdType,
            String userIdAnnotation, String issuerLiteral, String audienceLiteral, int leewaySeconds,
            String userIdComment, List<dev.specgen.modeldoc.FieldDoc> owners, Grants grants) {
        this.hasGrants = grants.any();
        this.readsBearer = grants.bearer();
        this.readsCookie = grants.cookieLiteral() != null;
        this.cookieNameLiteral = grants.cookieLiteral();
        this.csrfProbeUrl = grants.csrfProbeUrl();
        this.hasCsrfProbe = readsCookie && csrfProbeUrl != null;
        this.grantClaimsLiteral = grants.claimsLiteral();
        this.testGrantClaimLiteral = grants.testClaimLiteral();
        this.allGrantsLiteral = grants.allLiteral();
        this.algorithmsLiteral = algorithmsLiteral;
        this.keyEnv = keyEnv;
        this.keySetting = keyEnv.toLowerCase(java.util.Locale.ROOT);
        this.symmetric = "secret".equals(keySource);
        this.publicKey = "public_key".equals(keySource);
        this.jwks = "jwks".equals(keySource);
        this.claimLiteral = claimLiteral;
        this.userIdType = userIdType;
        this.userIdAnnotation = userIdAnnotation;
        this.userIdIsUuid = "uuid.UUID".equals(userIdType);
        this.userIdIsInt = "int".equals(userIdType);
        this.hasSecondAlgorithm = this.jwks && algorithmsLiteral.contains(",");
        this.pydanticNames = userIdIsInt ? "BeforeValidator, Field, TypeAdapter, ValidationError"
                : userIdIsUuid ? "TypeAdapter, ValidationError" : "StringConstraints, TypeAdapter, ValidationError";
        this.issuerLiteral = issuerLiteral;
        this.hasIssuer = issuerLiteral != null;
        this.audienceLiteral = audienceLiteral;
        this.hasAudience = audienceLiteral != null;
        this.leewaySeconds = leewaySeconds;
        this.hasLeeway = leewaySeconds > 0;
        this.userIdComment = userIdComment;
        int bits = 256;
        for (String algorithm : algorithmsLiteral.replaceAll("[^A-Z0-9,]", "").split(",")) {
            if (algorithm.startsWith("HS")) {
                bits = Math.max(bits, Integer.parseInt(algorithm.substring(2)));
            }
        }
        this.keyMinLength = bits / 8;
        TestUsers users = TestUsers.of(userIdIsUuid ? "uuid" : userIdIsInt ? "int" : "string", owners);
        testUserA = users.a;
        testUserB = users.b;
        testUserC = users.c;
        // Invalid for the type, whatever the owner fields' bounds: a string user id has min_length 1.
        invalidSubject = userIdIsUuid ? "\"not-a-uuid\"" : userIdIsInt ? "\"not-a-number\"" : "\"\"";
    }
}
