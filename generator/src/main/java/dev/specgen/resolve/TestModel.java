package dev.specgen.resolve;

import java.util.List;

/** What the generated pytest module of one entity needs: factories, URLs and sample bodies. */
public final class TestModel {
    public final String module;
    public final String entityClass;
    public final String factory;
    public final boolean hasFactory;
    /** Python statements (one per line) that build {@code row} for user {@code user}, number {@code n}. */
    public final List<String> factoryLines;
    public final String pkWireLiteral;
    public final String missingPkLiteral;
    public final List<TestOperation> operations;

    TestModel(String module, String entityClass, String factory, List<String> factoryLines, String pkWireLiteral,
            String missingPkLiteral, List<TestOperation> operations) {
        this.module = module;
        this.entityClass = entityClass;
        this.factory = factory;
        this.factoryLines = List.copyOf(factoryLines);
        this.hasFactory = !factoryLines.isEmpty();
        this.pkWireLiteral = pkWireLiteral;
        this.missingPkLiteral = missingPkLiteral;
        this.operations = List.copyOf(operations);
    }

    /** One operation's tests. URL expressions read {@code row} (an existing row) and {@code user}. */
    public static final class TestOperation {
        public final String functionName;
        public final String method;
        public final String label;
        public final boolean isList;
        public final boolean isGet;
        public final boolean isCreate;
        public final boolean isUpdate;
        public final boolean isReplace;
        public final boolean isDelete;
        public final boolean isPaged;
        public final boolean authenticated;
        public final boolean needsRow;
        public final boolean testable;
        public final String untestableReason;
        /** URL for the caller's own context, using {@code row} and {@code user}. */
        public final String ownUrl;
        /** URL that reaches the other user's data (their row or their parent), for isolation. */
        public final String foreignUrl;
        /** The URL of a row that does not exist, for item actions. */
        public final String missingUrl;
        public final boolean nestedList;
        public final String bodyExpression;
        public final String invalidBodyExpression;
        public final boolean hasOwnerProbe;
        public final String ownerProbeExpression;
        public final String getUrlForRow;
        public final boolean canReadBack;
        public final String statusCode;

        TestOperation(Builder b) {
            functionName = b.functionName;
            method = b.method;
            label = b.label;
            isList = "list".equals(b.action);
            isGet = "get".equals(b.action);
            isCreate = "create".equals(b.action);
            isUpdate = "update".equals(b.action);
            isReplace = "replace".equals(b.action);
            isDelete = "delete".equals(b.action);
            isPaged = b.paged;
            authenticated = b.authenticated;
            needsRow = !isCreate || b.createNeedsRow;
            testable = b.untestableReason == null;
            untestableReason = b.untestableReason;
            ownUrl = b.ownUrl;
            foreignUrl = b.foreignUrl;
            missingUrl = b.missingUrl;
            nestedList = b.nestedList;
            bodyExpression = b.bodyExpression;
            invalidBodyExpression = b.invalidBodyExpression;
            ownerProbeExpression = b.ownerProbeExpression;
            hasOwnerProbe = b.ownerProbeExpression != null;
            getUrlForRow = b.getUrlForRow;
            canReadBack = b.getUrlForRow != null;
            statusCode = b.statusCode;
        }

        static final class Builder {
            String functionName;
            String method;
            String label;
            String action;
            boolean paged;
            boolean authenticated;
            boolean createNeedsRow;
            String untestableReason;
            String ownUrl;
            String foreignUrl;
            String missingUrl;
            boolean nestedList;
            String bodyExpression;
            String invalidBodyExpression;
            String ownerProbeExpression;
            String getUrlForRow;
            String statusCode;
        }
    }
}
