package dev.specgen.resolve;

/** How the generated backend verifies bearer tokens. */
public final class AuthModel {
    public final String algorithmsLiteral;
    public final String keyEnv;
    public final String keySetting;
    public final boolean symmetric;
    public final String claimLiteral;
    public final String userIdType;
    public final String userIdAnnotation;
    public final boolean userIdIsUuid;
    public final boolean hasIssuer;
    public final String issuerLiteral;
    public final boolean hasAudience;
    public final String audienceLiteral;
    public final int leewaySeconds;
    public final String userIdComment;

    AuthModel(String algorithmsLiteral, String keyEnv, boolean symmetric, String claimLiteral, String userIdType,
            String userIdAnnotation, String issuerLiteral, String audienceLiteral, int leewaySeconds,
            String userIdComment) {
        this.algorithmsLiteral = algorithmsLiteral;
        this.keyEnv = keyEnv;
        this.keySetting = keyEnv.toLowerCase(java.util.Locale.ROOT);
        this.symmetric = symmetric;
        this.claimLiteral = claimLiteral;
        this.userIdType = userIdType;
        this.userIdAnnotation = userIdAnnotation;
        this.userIdIsUuid = "uuid.UUID".equals(userIdType);
        this.issuerLiteral = issuerLiteral;
        this.hasIssuer = issuerLiteral != null;
        this.audienceLiteral = audienceLiteral;
        this.hasAudience = audienceLiteral != null;
        this.leewaySeconds = leewaySeconds;
        this.userIdComment = userIdComment;
    }
}
