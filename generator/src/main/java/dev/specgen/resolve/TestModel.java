package dev.specgen.resolve;

import java.util.List;

/** What the generated pytest module of one entity needs: URLs, sample bodies and expectations. */
public final class TestModel {
    public final String module;
    public final String entityClass;
    public final String factory;
    public final String pkWireLiteral;
    public final String missingPkLiteral;
    /** The wire names a response of the entity carries, as a Python tuple. */
    public final String publicFieldsLiteral;
    public final List<TestOperation> operations;
    public final List<CascadeTest> cascades;
    public final List<EnumCheckTest> enumChecks;

    TestModel(String module, String entityClass, String factory, String pkWireLiteral, String missingPkLiteral,
            String publicFieldsLiteral, List<TestOperation> operations, List<CascadeTest> cascades,
            List<EnumCheckTest> enumChecks) {
        this.module = module;
        this.entityClass = entityClass;
        this.factory = factory;
        this.pkWireLiteral = pkWireLiteral;
        this.missingPkLiteral = missingPkLiteral;
        this.publicFieldsLiteral = publicFieldsLiteral;
        this.operations = List.copyOf(operations);
        this.cascades = List.copyOf(cascades);
        this.enumChecks = List.copyOf(enumChecks);
    }

    /**
     * An enum column's CHECK constraint at work: an UPDATE around the API that sets a value outside
     * the enum (as short as its values, so the column's length is not what refuses it) must fail.
     */
    public static final class EnumCheckTest {
        public final String name;
        public final String statementLiteral;
        public final String valueLiteral;

        EnumCheckTest(String name, String table, String column, String value) {
            this.name = name;
            this.statementLiteral = PyLiteral.str("UPDATE " + quoted(table) + " SET " + quoted(column) + " = :value");
            this.valueLiteral = PyLiteral.str(value);
        }

        private static String quoted(String identifier) {
            return "\"" + identifier.replace("\"", "\"\"") + "\"";
        }
    }

    /**
     * A factory in tests/factories.py: it inserts row number {@code n} of {@code user} straight into
     * the database and returns it as the API writes rows (wire names, JSON values).
     */
    public static final class Factory {
        public final String name;
        public final String modelClass;
        /** Statements that make (or reuse) the parent rows the row refers to. */
        public final List<String> parentLines;
        public final boolean hasParents;
        /** {@code "attribute": expression} entries of the row. */
        public final List<String> values;
        /** Attribute to wire name, where they differ; null when none does. */
        public final String renamesLiteral;
        public final boolean hasRenames;
        public final boolean seedable;
        public final String unseedableReason;

        Factory(String name, String modelClass, List<String> parentLines, List<String> values, String renamesLiteral,
                String unseedableReason) {
            this.name = name;
            this.modelClass = modelClass;
            this.parentLines = List.copyOf(parentLines);
            this.hasParents = !parentLines.isEmpty();
            this.values = List.copyOf(values);
            this.renamesLiteral = renamesLiteral;
            this.hasRenames = renamesLiteral != null;
            this.seedable = unseedableReason == null;
            this.unseedableReason = unseedableReason;
        }
    }

    /** An equality filter: the row matches its own value and, when one is known, not another. */
    public static final class FilterTest {
        public final String name;
        public final String fieldLiteral;
        public final String otherValue;
        public final boolean hasOtherValue;

        FilterTest(String name, String otherValue) {
            this.name = Names.snake(name).replaceAll("^_+", "");
            this.fieldLiteral = PyLiteral.str(name);
            this.otherValue = otherValue;
            this.hasOtherValue = otherValue != null;
        }
    }

    /**
     * A filter beyond equality: its query parameter, the field, and either the map of parameter values
     * to field values (a Python dict literal; None = no filter) or whether an operator includes a row
     * whose field equals the parameter (eq, gte, lte) or excludes it (neq, gt, lt).
     */
    public static final class OperatorFilterTest {
        public final String testName;
        public final String paramLiteral;
        public final String fieldLiteral;
        public final String mapLiteral;
        public final boolean isMap;
        public final boolean includesEqual;

        OperatorFilterTest(String param, String field, String mapLiteral, boolean includesEqual) {
            this.testName = Names.function(param);
            this.paramLiteral = PyLiteral.str(param);
            this.fieldLiteral = PyLiteral.str(field);
            this.mapLiteral = mapLiteral;
            this.isMap = mapLiteral != null;
            this.includesEqual = includesEqual;
        }
    }

    /** One key of a fixed order, as the test checks it. */
    public static final class OrderCheck {
        public final String fieldLiteral;
        public final boolean descending;

        OrderCheck(String field, boolean descending) {
            this.fieldLiteral = PyLiteral.str(field);
            this.descending = descending;
        }
    }

    /** A sort key: its name for test names and its literal for code. */
    public static final class SortKey {
        public final String name;
        public final String literal;

        SortKey(String name) {
            this.name = Names.snake(name).replaceAll("^_+", "");
            this.literal = PyLiteral.str(name);
        }
    }

    /** A parent delete that must take its children along (on_delete: cascade). */
    public static final class CascadeTest {
        public final String childFactory;
        public final String name;
        public final String parentDeleteUrl;
        public final String childGetUrl;

        CascadeTest(String childFactory, String name, String parentDeleteUrl, String childGetUrl) {
            this.childFactory = childFactory;
            this.name = name;
            this.parentDeleteUrl = parentDeleteUrl;
            this.childGetUrl = childGetUrl;
        }
    }

    /** A count or sum an aggregate test recomputes from the rows it made. */
    public static final class MeasureCheck {
        public final String keyLiteral;
        public final boolean isCount;
        public final String fieldLiteral;

        MeasureCheck(String key, String field) {
            this.keyLiteral = PyLiteral.str(key);
            this.isCount = field == null;
            this.fieldLiteral = field == null ? null : PyLiteral.str(field);
        }
    }

    /** A value a set action must leave in a field, as Python literals of the JSON the API answers. */
    public static final class SetCheck {
        public final String fieldLiteral;
        public final String jsonLiteral;

        SetCheck(String fieldLiteral, String jsonLiteral) {
            this.fieldLiteral = fieldLiteral;
            this.jsonLiteral = jsonLiteral;
        }
    }

    /**
     * One operation's tests. URL expressions read {@code row} (a row inserted for {@code user}, with
     * every field) and {@code user} or {@code other}.
     */
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
        /** A page, or an envelope with a total: the list counts its rows in a statement of its own. */
        public final boolean countsTotal;
        public final boolean authenticated;
        /** Every authenticated user sees every row (ownership.shared). */
        public final boolean shared;
        public final boolean needsRow;
        public final boolean testable;
        public final String untestableReason;
        /** URL for the caller's own context. */
        public final String ownUrl;
        /** The same URL asked by the other user: their own collection, or the first user's row or parent. */
        public final String foreignUrl;
        /** The URL of a row that does not exist, for item actions. */
        public final String missingUrl;
        public final boolean hasMissingUrl;
        /** The URL of a key that is not one (not a number, not a uuid), where no 400 or 422 is declared. */
        public final String malformedUrl;
        public final boolean hasMalformedUrl;
        /** A list under a parent the caller must own: another user's parent is a 404. */
        public final boolean underOwnedParent;
        /** The URL of a nested list or create under a parent that does not exist; null otherwise. */
        public final String missingParentUrl;
        public final boolean hasMissingParentUrl;
        public final String bodyExpression;
        public final boolean hasBody;
        /**
         * Raw JSON bodies the create must refuse with 422 and never store: a lone surrogate in each
         * string property, NaN in the first property. Python string literals, comma-separated.
         */
        public final String unechoableBodies;
        /** Lines that make the parents a body refers to, before the body is built. */
        public final List<String> bodySetup;
        public final String invalidBodyExpression;
        public final boolean hasInvalidBody;
        /** A body of the required properties only, and what the server must fill for the rest. */
        public final String minimalBodyExpression;
        public final boolean hasMinimalBody;
        public final List<String> minimalBodySetup;
        public final List<String> defaultChecks;
        public final boolean hasOwnerProbe;
        public final String ownerProbeExpression;
        public final String getUrlForRow;
        /** A delete answers 200 with the body the contract fixes; with the row's key among its members. */
        public final boolean answersDelete;
        public final boolean deleteAnswerHasKey;
        /** The URL of a list of the row's entity, for checks that a row is (not) listed; or null. */
        public final String listUrl;
        public final boolean hasListUrl;
        public final boolean canReadBack;
        public final boolean keyInResponses;
        public final String statusCode;
        public final List<FilterTest> filters;
        public final List<SortKey> sortKeys;
        /** Extra factory arguments that put a second row in the same parent. */
        public final String siblingArgs;
        public final String pageMax;
        public final String sizeParamLiteral;
        public final String positionParamLiteral;
        public final String firstPosition;
        public final String secondPosition;
        /** "role": value entries a page of 2 of 3 rows carries, first and second page. */
        public final List<String> firstPageNumbers;
        public final List<String> secondPageNumbers;
        /** Rows per page in the paging test (2, or fewer when the maximum is lower), and on its second page. */
        public final int pageSize;
        public final int secondPageSize;
        /** How many of three sorted rows one request sees: all three, or a page of them. */
        public final int sortedCount;
        /** Query parameters a sort test sends besides sort: a limit when the list is paged. */
        public final String sortLimitArg;
        public final boolean splitSort;
        public final String sortParamLiteral;
        public final String directionParamLiteral;
        /** SQL statements a list or get must send: rows, a total when paged, a parent guard. */
        public final int queryCount;
        public final boolean hasQueryCount;
        public final boolean queryCountPlural;
        public final boolean hasGuardQuery;
        /** The test template of an action unit (templates/python/actions/), or null. */
        public final String actionTests;
        public final boolean hasActionTests;
        /** The action's own template tests it entirely (me, aggregate): no factory-made rows needed. */
        public final boolean customTestsOnly;
        /** me: the values the seeded row of the caller has, wire name to expected JSON, for the check. */
        public final String meUrl;
        /** aggregate: the group properties (a Python tuple) and the checks of its count and sum measures. */
        public final String groupKeysLiteral;
        public final boolean hasSearch;
        public final String searchParamLiteral;
        public final String searchFieldLiteral;
        public final List<MeasureCheck> measureChecks;
        public final String toggleFieldLiteral;
        public final List<SetCheck> setChecks;
        /** The fields a set stamps with the server's time: set, whatever the time. */
        public final List<String> setStamped;
        /** The success response carries the row (not a 204). */
        public final boolean returnsRow;
        /** The get URL of the other user's row, to prove it was not touched. */
        public final String getUrlForOther;
        public final List<OperatorFilterTest> operatorFilters;
        public final List<OrderCheck> orderChecks;
        public final boolean hasFixedOrder;
        public final boolean hasSubjectParam;
        public final boolean subjectForbidden;
        /** The operation requires grants: a tuple literal of the grants that suffice, and those that do not. */
        public final boolean requiresGrants;
        public final String admittedGrants;
        public final List<String> refusedGrants;
        public final boolean subjectUnauthorized;
        public final boolean sendsBody;

        TestOperation(Builder b) {
            functionName = b.functionName;
            method = b.method;
            label = b.label;
            // The v1 tests (tests.stg) each action takes, as the registry's action answers it.
            isList = b.action.listsRows() && !b.action.groupsRows();
            isGet = b.action.readsRowBack();
            isCreate = b.action.createsRow();
            isUpdate = b.action.body() == dev.specgen.actions.Action.Body.PARTIAL && b.action.itemAction();
            isReplace = b.action.body() == dev.specgen.actions.Action.Body.FULL && b.action.itemAction();
            isDelete = b.action.endsRow();
            isPaged = b.paged;
            countsTotal = b.countsTotal;
            authenticated = b.authenticated;
            shared = b.shared;
            needsRow = !isCreate || b.createNeedsRow;
            testable = b.untestableReason == null;
            untestableReason = b.untestableReason;
            ownUrl = b.ownUrl;
            foreignUrl = b.foreignUrl;
            missingUrl = b.missingUrl;
            hasMissingUrl = b.missingUrl != null;
            malformedUrl = b.malformedUrl;
            hasMalformedUrl = b.malformedUrl != null;
            underOwnedParent = b.underOwnedParent;
            missingParentUrl = b.missingParentUrl;
            hasMissingParentUrl = b.missingParentUrl != null;
            bodyExpression = b.bodyExpression;
            hasBody = b.bodyExpression != null;
            unechoableBodies = b.unechoableBodies;
            bodySetup = List.copyOf(b.bodySetup);
            invalidBodyExpression = b.invalidBodyExpression;
            hasInvalidBody = b.invalidBodyExpression != null;
            minimalBodyExpression = b.minimalBodyExpression;
            hasMinimalBody = b.minimalBodyExpression != null;
            minimalBodySetup = List.copyOf(b.minimalBodySetup);
            defaultChecks = List.copyOf(b.defaultChecks);
            ownerProbeExpression = b.ownerProbeExpression;
            hasOwnerProbe = b.ownerProbeExpression != null;
            getUrlForRow = b.getUrlForRow;
            answersDelete = b.answersDelete;
            deleteAnswerHasKey = b.deleteAnswerHasKey;
            listUrl = b.listUrl;
            hasListUrl = b.listUrl != null;
            canReadBack = b.getUrlForRow != null;
            keyInResponses = b.keyInResponses;
            statusCode = b.statusCode;
            filters = List.copyOf(b.filters);
            sortKeys = List.copyOf(b.sortKeys);
            siblingArgs = b.siblingArgs;
            pageMax = b.pageMax;
            sizeParamLiteral = b.sizeParamLiteral;
            positionParamLiteral = b.positionParamLiteral;
            firstPosition = b.pageStyle ? "1" : "0";
            secondPosition = b.pageStyle ? "2" : Integer.toString(Math.min(2, b.pageMax == null ? 3
                    : Integer.parseInt(b.pageMax)));
            firstPageNumbers = List.copyOf(b.firstPageNumbers);
            secondPageNumbers = List.copyOf(b.secondPageNumbers);
            int max = b.pageMax == null ? 3 : Integer.parseInt(b.pageMax);
            pageSize = Math.min(2, max);
            secondPageSize = Math.min(pageSize, 3 - pageSize);
            sortedCount = Math.min(3, max);
            splitSort = b.directionParam != null;
            sortParamLiteral = PyLiteral.str(b.sortParam == null ? "sort" : b.sortParam);
            directionParamLiteral = b.directionParam == null ? null : PyLiteral.str(b.directionParam);
            sortLimitArg = b.paged ? ", " + b.sizeParamLiteral + ": " + sortedCount : "";
            hasGuardQuery = b.guardQueries > 0;
            queryCount = 1 + (b.countsTotal ? 1 : 0) + b.guardQueries;
            hasQueryCount = testable && (isList || isGet);
            queryCountPlural = queryCount > 1;
            actionTests = b.actionTests;
            hasActionTests = b.actionTests != null && testable;
            customTestsOnly = b.customTestsOnly;
            meUrl = b.meUrl;
            groupKeysLiteral = b.groupKeysLiteral;
            searchParamLiteral = b.searchParamLiteral;
            searchFieldLiteral = b.searchFieldLiteral;
            hasSearch = b.searchFieldLiteral != null;
            measureChecks = List.copyOf(b.measureChecks);
            toggleFieldLiteral = b.toggleFieldLiteral;
            setChecks = List.copyOf(b.setChecks);
            setStamped = List.copyOf(b.setStamped);
            returnsRow = !"204".equals(b.statusCode);
            getUrlForOther = b.getUrlForOther;
            operatorFilters = List.copyOf(b.operatorFilters);
            orderChecks = List.copyOf(b.orderChecks);
            hasFixedOrder = !orderChecks.isEmpty() && b.siblingArgs != null;
            hasSubjectParam = b.hasSubjectParam && testable;
            subjectForbidden = b.subjectForbidden;
            requiresGrants = b.admittedGrants != null && testable;
            admittedGrants = b.admittedGrants;
            refusedGrants = List.copyOf(b.refusedGrants);
            subjectUnauthorized = b.subjectUnauthorized;
            sendsBody = b.bodyExpression != null;
        }

        static final class Builder {
            String functionName;
            String method;
            String label;
            dev.specgen.actions.Action action;
            boolean paged;
            boolean countsTotal;
            boolean authenticated;
            boolean shared;
            boolean createNeedsRow;
            String untestableReason;
            String ownUrl;
            String foreignUrl;
            String missingUrl;
            String malformedUrl;
            boolean underOwnedParent;
            String missingParentUrl;
            String bodyExpression;
            String unechoableBodies = "";
            List<String> bodySetup = List.of();
            String invalidBodyExpression;
            String minimalBodyExpression;
            List<String> minimalBodySetup = List.of();
            List<String> defaultChecks = List.of();
            String ownerProbeExpression;
            String getUrlForRow;
            boolean answersDelete;
            boolean deleteAnswerHasKey;
            String listUrl;
            boolean keyInResponses;
            String statusCode;
            List<FilterTest> filters = List.of();
            List<SortKey> sortKeys = List.of();
            String siblingArgs = "";
            String pageMax;
            String sizeParamLiteral;
            String sortParam;
            String directionParam;
            String positionParamLiteral;
            boolean pageStyle;
            List<String> firstPageNumbers = List.of();
            List<String> secondPageNumbers = List.of();
            int guardQueries;
            String actionTests;
            boolean customTestsOnly;
            String meUrl;
            String groupKeysLiteral;
            String searchParamLiteral;
            String searchFieldLiteral;
            List<MeasureCheck> measureChecks = List.of();
            String toggleFieldLiteral;
            List<SetCheck> setChecks = List.of();
            List<String> setStamped = List.of();
            String getUrlForOther;
            List<OperatorFilterTest> operatorFilters = List.of();
            List<OrderCheck> orderChecks = List.of();
            boolean hasSubjectParam;
            boolean subjectForbidden;
            String admittedGrants;
            List<String> refusedGrants = List.of();
            boolean subjectUnauthorized;
        }
    }
}
