package dev.specgen.resolve;

import java.util.List;

/** One route, as its router template prints it. */
public final class OperationModel {
    public final String operationId;
    public final boolean hasOperationId;
    public final String functionName;
    public final String method;
    public final String pathLiteral;
    /** The path FastAPI routes by: the contract's, each {parameter} named as its Python parameter. */
    public final String routePathLiteral;
    public final boolean hasSummary;
    public final String summaryLiteral;
    public final String statusConstant;
    public final String responseDescriptionLiteral;
    public final List<String> errorResponses;
    public final boolean isList;
    public final boolean isCreate;
    public final boolean isDelete;
    /** The body a delete answers (the contract's constants and the row's key), or null for its 204. */
    public final EnvelopeModel deleteAnswer;
    public final boolean hasDeleteAnswer;
    /** Removes the row in SQL (delete), so rows referring to it may refuse (409). */
    public final boolean deletesRow;
    /** The attribute a soft delete sets to the server's time, or null. */
    public final String softDeleteAttribute;
    /** A bodiless change sets a datetime to the server's time (set's now). */
    public final boolean stampsNow;
    /** Writes the row through the hooks, and commits. */
    public final boolean changesRow;
    /** Finds a row (or its parents) that may not be there: a 404. */
    public final boolean findsRow;
    /** The template that prints the route's body (the action's group: templates/python/actions/). */
    public final String routeTemplate;
    public final boolean isPaged;
    /** The rows are counted: a page, or an envelope with a total (paged or not). */
    public final boolean countsTotal;
    public final boolean returnsBody;
    public final String responseModel;
    public final String returnType;
    public final String requestModel;
    /** The route validates its raw body against the contract's request schema before parsing it. */
    public final boolean checksBody;
    public final String methodUpper;
    public final String pageItemModel;
    /** Parameter lines of the route function, in order, each without indentation or trailing comma. */
    public final List<String> parameters;
    public final boolean hasSubjectParam;
    /** The operation declares 403: a path user id that is not the caller is answered with it. */
    public final boolean subjectForbidden;
    /** The contract answers a path user id that is not the caller with its 401 (SubjectMismatch). */
    public final boolean subjectUnauthorized;
    public final String subjectParam;
    public final boolean authenticated;
    /** The grants a caller's token must carry, as alternatives of string literals; empty: none. */
    public final List<List<String>> grantAlternatives;
    public final boolean requiresGrants;
    /** What hooks receive as the user: the token's subject, or None on a public operation. */
    public final String userArgument;
    public final String scopeCall;
    public final String pkCondition;
    /** Extra WHERE conditions from path parameters bound to foreign keys (nested collections). */
    public final List<String> pathConditions;
    public final List<FilterModel> filters;
    public final boolean hasSort;
    public final String sortType;
    public final String sortColumnsName;
    /** The values sortType (a Literal alias) accepts, as literals. */
    public final List<String> sortTypeLiterals;
    public final List<SortColumn> sortColumns;
    public final String tieBreaker;
    /** A fixed order (model.yaml order:), the primary key last. */
    public final List<OrderKey> orderKeys;
    public final List<KeyRange> keyRanges;
    /** The contract wraps the response: the route builds it from this, with response_model=None. */
    public final EnvelopeModel envelope;
    public final boolean enveloped;
    public final boolean isPageNumber;
    public final boolean hasSearch;
    /** The sort parameter has no default: a request without one is ordered by primary key. */
    public final boolean sortOptional;
    /** The field and the direction come in two parameters (sort_by, order); the route joins them. */
    public final boolean splitSort;
    public final AggregateModel aggregate;
    /** The route builds its JSON itself (an envelope, aggregate rows): response_model=None. */
    public final boolean buildsJson;
    public final String searchParam;
    public final List<String> searchColumns;
    public final String tableClass;
    public final String toggleFieldLiteral;
    public final String toggleAttribute;
    /** For set: "attribute": value pairs. */
    public final List<String> setValues;
    public final boolean hasFixedOrder;
    /** Entries of the update={...} dict on create: owner, path-bound keys, generated timestamps. */
    public final String createOverrides;
    /** The same, one "key: value" entry each, for the exploded dict. */
    public final List<String> createOverrideEntries;
    /** The create overrides read the server's clock. */
    public final boolean createUsesNow;
    /** Entries of the update={...} dict on update/replace: timestamps refreshed by the server. */
    public final boolean hasUpdateOverrides;
    public final String updateOverrides;
    public final List<ParentGuard> parentGuards;
    public final String variable;
    /**
     * After a write, the row is read back only when the database normalises a value the client sent
     * (a decimal's scale, a date-time's offset); otherwise the row in memory already is what a read returns.
     */
    public final boolean reloadAfterWrite;

    OperationModel(Builder b) {
        operationId = b.operationId;
        hasOperationId = b.operationId != null;
        functionName = b.functionName;
        method = b.method;
        pathLiteral = b.pathLiteral;
        routePathLiteral = b.routePathLiteral;
        summaryLiteral = b.summaryLiteral;
        hasSummary = b.summaryLiteral != null;
        statusConstant = b.statusConstant;
        responseDescriptionLiteral = b.responseDescriptionLiteral;
        errorResponses = List.copyOf(b.errorResponses);
        // What the action is, as the registry's action answers it (never its name).
        isList = b.action.listsRows() && !b.action.groupsRows();
        isCreate = b.action.createsRow();
        isDelete = b.action.endsRow();
        deletesRow = b.action.deletesRow();
        softDeleteAttribute = b.softDeleteAttribute;
        stampsNow = b.stampsNow;
        changesRow = b.action.changesRow();
        findsRow = b.action.itemAction() || b.action.findsOwnRow() || b.action.groupsRows();
        routeTemplate = b.action.routeTemplate();
        isPaged = b.paged;
        countsTotal = b.paged || b.envelopeTotal;
        deleteAnswer = b.deleteAnswer;
        hasDeleteAnswer = b.deleteAnswer != null;
        returnsBody = !isDelete || hasDeleteAnswer;
        responseModel = b.responseModel;
        returnType = b.returnType;
        requestModel = b.requestModel;
        checksBody = b.requestModel != null;
        methodUpper = b.method.toUpperCase(java.util.Locale.ROOT);
        pageItemModel = b.pageItemModel;
        parameters = List.copyOf(b.parameters);
        subjectParam = b.subjectParam;
        hasSubjectParam = b.subjectParam != null;
        subjectForbidden = b.subjectForbidden;
        subjectUnauthorized = b.subjectUnauthorized;
        authenticated = b.authenticated;
        grantAlternatives = List.copyOf(b.grantAlternatives);
        requiresGrants = !grantAlternatives.isEmpty();
        userArgument = b.authenticated ? "current_user" : "None";
        scopeCall = b.scopeCall;
        pkCondition = b.pkCondition;
        pathConditions = List.copyOf(b.pathConditions);
        filters = List.copyOf(b.filters);
        hasSort = b.sortType != null;
        sortType = b.sortType;
        sortColumnsName = b.sortColumnsName;
        sortTypeLiterals = b.sortTypeLiterals == null ? List.of() : List.copyOf(b.sortTypeLiterals);
        sortColumns = List.copyOf(b.sortColumns);
        tieBreaker = b.tieBreaker;
        orderKeys = b.orderKeys == null ? List.of() : List.copyOf(b.orderKeys);
        keyRanges = b.keyRanges == null ? List.of() : List.copyOf(b.keyRanges);
        envelope = b.envelope;
        enveloped = b.envelope != null;
        isPageNumber = b.pageNumber;
        searchParam = b.searchParam;
        sortOptional = b.sortOptional;
        splitSort = b.splitSort;
        aggregate = b.aggregate;
        buildsJson = b.envelope != null || b.aggregate != null || b.deleteAnswer != null;
        hasSearch = b.searchParam != null;
        searchColumns = b.searchColumns == null ? List.of() : List.copyOf(b.searchColumns);
        tableClass = b.tableClass;
        toggleFieldLiteral = b.toggleFieldLiteral;
        toggleAttribute = b.toggleAttribute;
        setValues = b.setValues == null ? List.of() : List.copyOf(b.setValues);
        hasFixedOrder = !orderKeys.isEmpty();
        createOverrides = b.createOverrides;
        createOverrideEntries = b.createOverrideEntries == null ? List.of() : List.copyOf(b.createOverrideEntries);
        createUsesNow = b.createOverrides != null && b.createOverrides.contains(": now");
        updateOverrides = b.updateOverrides;
        hasUpdateOverrides = b.updateOverrides != null && !b.updateOverrides.isEmpty();
        parentGuards = List.copyOf(b.parentGuards);
        reloadAfterWrite = b.reloadAfterWrite;
        variable = b.variable;
    }

    /** An equality filter: a query parameter compared to a column when given. */
    /** One list filter: the Python argument, the column, and which comparison the template prints. */
    public static final class FilterModel {
        public final String param;
        public final String column;
        public final String op;
        public final boolean isEq;
        public final boolean isNeq;
        public final boolean isGt;
        public final boolean isGte;
        public final boolean isLt;
        public final boolean isLte;
        public final boolean isIn;
        public final boolean isNull;
        public final boolean isMap;
        /** For map: the constant naming the value table, and its entries "key": value. */
        public final String mapName;
        public final List<String> mapEntries;
        /** For map: the parameter has no default, so a request that leaves it out passes None. */
        public final boolean mapOptional;

        public FilterModel(String param, String column, String op, String mapName, List<String> mapEntries) {
            this(param, column, op, mapName, mapEntries, false);
        }

        public FilterModel(String param, String column, String op, String mapName, List<String> mapEntries,
                boolean mapOptional) {
            this.mapOptional = mapOptional;
            this.param = param;
            this.column = column;
            this.op = op;
            this.isMap = mapName != null;
            this.isEq = !isMap && "eq".equals(op);
            this.isNeq = "neq".equals(op);
            this.isGt = "gt".equals(op);
            this.isGte = "gte".equals(op);
            this.isLt = "lt".equals(op);
            this.isLte = "lte".equals(op);
            this.isIn = "in".equals(op);
            this.isNull = "is_null".equals(op);
            this.mapName = mapName;
            this.mapEntries = mapEntries == null ? List.of() : List.copyOf(mapEntries);
        }
    }

    /** A path key bound to an integer column: outside the column's range, no row can exist. */
    public static final class KeyRange {
        public final String param;
        public final String low;
        public final String high;

        KeyRange(String param, String low, String high) {
            this.param = param;
            this.low = low;
            this.high = high;
        }
    }

    /** One key of a fixed order. */
    public static final class OrderKey {
        public final String column;
        public final boolean descending;

        OrderKey(String column, boolean descending) {
            this.column = column;
            this.descending = descending;
        }
    }

    /** A sort key accepted by the sort parameter and the column it orders by. */
    public static final class SortColumn {
        public final String keyLiteral;
        public final String column;

        SortColumn(String keyLiteral, String column) {
            this.keyLiteral = keyLiteral;
            this.column = column;
        }
    }

    /**
     * Before a write sets a foreign key, the parent must be found through the caller's scope; the
     * value comes from the body (nullable when it may be absent) or from a path parameter.
     */
    public static final class ParentGuard {
        public final String valueExpression;
        /** The start of the parent's getter call, completed by the value: "get_project(session, current_user, ". */
        public final String getterCall;
        public final String parentClass;
        public final boolean optional;
        /** Named by a path parameter (a 404, like a missing row), else by the body (a missing reference). */
        public final boolean inPath;

        ParentGuard(String valueExpression, String getterCall, String parentClass, boolean optional, boolean inPath) {
            this.inPath = inPath;
            this.valueExpression = valueExpression;
            this.getterCall = getterCall;
            this.parentClass = parentClass;
            this.optional = optional;
        }
    }

    static final class Builder {
        boolean reloadAfterWrite;
        String operationId;
        String functionName;
        String method;
        dev.specgen.actions.Action action;
        String softDeleteAttribute;
        boolean stampsNow;
        EnvelopeModel deleteAnswer;
        String pathLiteral;
        String routePathLiteral;
        String summaryLiteral;
        String statusConstant;
        String responseDescriptionLiteral;
        List<String> errorResponses = List.of();
        boolean paged;
        boolean envelopeTotal;
        String responseModel;
        String returnType;
        String requestModel;
        String pageItemModel;
        List<String> parameters = List.of();
        String subjectParam;
        boolean subjectForbidden;
        boolean subjectUnauthorized;
        boolean authenticated;
        List<List<String>> grantAlternatives = List.of();
        String scopeCall;
        String pkCondition;
        List<String> pathConditions = List.of();
        List<FilterModel> filters = List.of();
        String sortType;
        String sortColumnsName;
        List<String> sortTypeLiterals;
        List<SortColumn> sortColumns = List.of();
        String tieBreaker;
        List<OrderKey> orderKeys;
        List<KeyRange> keyRanges;
        EnvelopeModel envelope;
        boolean pageNumber;
        String searchParam;
        boolean sortOptional;
        boolean splitSort;
        AggregateModel aggregate;
        List<String> searchColumns;
        String tableClass;
        String toggleFieldLiteral;
        String toggleAttribute;
        List<String> setValues;
        String createOverrides;
        List<String> createOverrideEntries;
        String updateOverrides;
        List<ParentGuard> parentGuards = List.of();
        String variable;
    }
}
