package dev.specgen.resolve;

import java.util.List;

/** One hand-written operation: the generated route around it and the typed door it calls. */
public final class HandwrittenModel {
    public final String functionName;
    public final String method;
    public final String methodUpper;
    public final String pathLiteral;
    /** The path FastAPI routes by: the contract's, each {parameter} named as its Python parameter. */
    public final String routePathLiteral;
    public final String operationIdLiteral;
    public final boolean hasOperationId;
    public final String label;
    public final String statusCode;
    public final List<String> parameters;
    /** Argument names the route passes on to the handler: path and query parameters, by keyword. */
    public final List<String> passedParameters;
    public final boolean hasPassedParameters;
    public final String subjectParam;
    public final boolean hasSubjectParam;
    public final boolean subjectForbidden;
    public final boolean authenticated;
    public final String requestClass;
    public final boolean hasRequest;
    public final String responseClass;
    public final boolean hasResponse;
    public final String contextClass;
    public final List<Helper> helpers;
    /** The test: an invalid body and the URL with the test user's own id. */
    public final String testUrl;
    public final String otherUrl;
    /** A body the contract accepts and a response it allows, as Python literals, for the tests. */
    public final String validBody;
    public final String sampleResponse;

    HandwrittenModel(Builder b) {
        functionName = b.functionName;
        method = b.method;
        methodUpper = b.method.toUpperCase(java.util.Locale.ROOT);
        pathLiteral = b.pathLiteral;
        routePathLiteral = b.routePathLiteral;
        operationIdLiteral = b.operationId == null ? null : PyLiteral.str(b.operationId);
        hasOperationId = b.operationId != null;
        label = b.label;
        statusCode = b.statusCode;
        parameters = List.copyOf(b.parameters);
        passedParameters = List.copyOf(b.passedParameters);
        hasPassedParameters = !passedParameters.isEmpty();
        subjectParam = b.subjectParam;
        hasSubjectParam = b.subjectParam != null;
        subjectForbidden = b.subjectForbidden;
        authenticated = b.authenticated;
        requestClass = b.requestClass;
        hasRequest = b.requestClass != null;
        responseClass = b.responseClass;
        hasResponse = b.responseClass != null;
        contextClass = b.contextClass;
        helpers = List.copyOf(b.helpers);
        testUrl = b.testUrl;
        otherUrl = b.otherUrl;
        validBody = b.validBody == null ? "None" : b.validBody;
        sampleResponse = b.sampleResponse == null ? "None" : b.sampleResponse;
    }

    /** An ownership helper on the context: the caller's row of an entity by key, or a 404. */
    public static final class Helper {
        public final String method;
        public final String entityClass;
        public final String getter;
        public final String scope;
        public final String scopeMethod;

        Helper(String method, String entityClass, String getter, String scope, String scopeMethod) {
            this.method = method;
            this.entityClass = entityClass;
            this.getter = getter;
            this.scope = scope;
            this.scopeMethod = scopeMethod;
        }
    }

    static final class Builder {
        String functionName;
        String method;
        String pathLiteral;
        String routePathLiteral;
        String operationId;
        String label;
        String statusCode;
        List<String> parameters = List.of();
        List<String> passedParameters = List.of();
        String subjectParam;
        boolean subjectForbidden;
        boolean authenticated;
        String requestClass;
        String responseClass;
        String contextClass;
        List<Helper> helpers = List.of();
        String testUrl;
        String otherUrl;
        String validBody;
        String sampleResponse;
    }
}
