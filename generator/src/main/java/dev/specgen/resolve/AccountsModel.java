package dev.specgen.resolve;

import java.util.List;

/**
 * The service's own accounts (register, login, logout): the users entity and its fields by role, and
 * one route per bound operation. Data and booleans only; templates/python/actions/issuing.stg prints.
 */
public final class AccountsModel {
    /** A body member a registration writes into a field. */
    public static final class BodyField {
        public final String memberLiteral;
        public final String attribute;

        BodyField(String memberLiteral, String attribute) {
            this.memberLiteral = memberLiteral;
            this.attribute = attribute;
        }
    }

    /** A member of an answer: the token, its type, its lifetime, a field of the user's row, or the row. */
    public static final class Member {
        public final String nameLiteral;
        public final boolean isToken;
        public final boolean isTokenType;
        public final boolean isExpiresIn;
        public final boolean isField;
        public final String attribute;
        public final boolean isRow;
        /** The row through the entity's public response class (the contract's own component). */
        public final boolean rowIsPublic;
        public final List<BodyField> rowFields;

        Member(String nameLiteral, String kind, String attribute, boolean rowIsPublic, List<BodyField> rowFields) {
            this.nameLiteral = nameLiteral;
            this.isToken = "token".equals(kind);
            this.isTokenType = "token_type".equals(kind);
            this.isExpiresIn = "expires_in".equals(kind);
            this.isField = "field".equals(kind);
            this.attribute = attribute;
            this.isRow = "row".equals(kind);
            this.rowIsPublic = rowIsPublic;
            this.rowFields = List.copyOf(rowFields);
        }
    }

    /** A register or login route. */
    public static final class Route {
        public final boolean isRegister;
        public final String pathLiteral;
        public final String methodUpper;
        public final String functionName;
        public final String operationIdLiteral;
        public final boolean hasOperationId;
        public final String statusCode;
        public final List<BodyField> fields;
        /** register answering the row itself, through the entity's public class. */
        public final boolean answersRow;
        public final List<Member> members;
        public final boolean issuesToken;
        /** A body every test can send: the login, the password, the other required members. */
        public final String validBody;

        Route(boolean isRegister, String path, String functionName, String operationId, String statusCode,
                List<BodyField> fields, boolean answersRow, List<Member> members, String validBody) {
            this.isRegister = isRegister;
            this.pathLiteral = PyLiteral.str(path);
            this.methodUpper = "POST";
            this.functionName = functionName;
            this.operationIdLiteral = operationId == null ? null : PyLiteral.str(operationId);
            this.hasOperationId = operationId != null;
            this.statusCode = statusCode;
            this.fields = List.copyOf(fields);
            this.answersRow = answersRow;
            this.members = List.copyOf(members);
            this.issuesToken = members.stream().anyMatch(m -> m.isToken);
            this.validBody = validBody;
        }
    }

    /** A stateless logout. */
    public static final class Logout {
        public final String pathLiteral;
        public final String functionName;
        public final String operationIdLiteral;
        public final boolean hasOperationId;
        public final String statusCode;
        public final boolean authenticated;

        Logout(String path, String functionName, String operationId, String statusCode, boolean authenticated) {
            this.pathLiteral = PyLiteral.str(path);
            this.functionName = functionName;
            this.operationIdLiteral = operationId == null ? null : PyLiteral.str(operationId);
            this.hasOperationId = operationId != null;
            this.statusCode = statusCode;
            this.authenticated = authenticated;
        }
    }

    public final boolean present;
    public final boolean signs;
    public final String entityClass;
    public final String publicClass;
    public final String keyAttribute;
    public final boolean keyIsUuid;
    public final String loginAttribute;
    public final String loginMemberLiteral;
    public final String hashAttribute;
    public final boolean loginIsEmail;
    public final Route register;
    public final boolean hasRegister;
    public final Route login;
    public final boolean hasLogin;
    public final List<Logout> logouts;
    public final boolean hasLogout;
    public final boolean logoutNeedsToken;
    public final boolean rowsThroughPublic;
    /** Some answer holds a field or a row outside the public class: jsonable_encoder. */
    public final boolean usesEncoder;

    AccountsModel(String entityClass, String publicClass, String keyAttribute, boolean keyIsUuid, String loginAttribute,
            String loginMember, boolean loginIsEmail, String hashAttribute, Route register, Route login,
            List<Logout> logouts) {
        this.loginIsEmail = loginIsEmail;
        this.entityClass = entityClass;
        this.publicClass = publicClass;
        this.keyAttribute = keyAttribute;
        this.keyIsUuid = keyIsUuid;
        this.loginAttribute = loginAttribute;
        this.loginMemberLiteral = loginMember == null ? null : PyLiteral.str(loginMember);
        this.hashAttribute = hashAttribute;
        this.register = register;
        this.hasRegister = register != null;
        this.login = login;
        this.hasLogin = login != null;
        this.logouts = List.copyOf(logouts);
        this.hasLogout = !logouts.isEmpty();
        this.logoutNeedsToken = logouts.stream().anyMatch(l -> l.authenticated);
        this.signs = hasRegister || hasLogin;
        this.present = signs || hasLogout;
        this.usesEncoder = java.util.stream.Stream.of(register, login).filter(java.util.Objects::nonNull)
                .filter(r -> !r.answersRow).flatMap(r -> r.members.stream())
                .anyMatch(m -> m.isField || m.isRow && !m.rowIsPublic);
        this.rowsThroughPublic = (hasRegister && register.answersRow) || java.util.stream.Stream.of(register, login)
                .filter(java.util.Objects::nonNull).flatMap(r -> r.members.stream()).anyMatch(m -> m.rowIsPublic);
    }
}
