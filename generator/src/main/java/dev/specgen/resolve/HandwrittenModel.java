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
    /** Every parameter of the route (path, query, header, cookie), keyword-only, in contract order. */
    public final List<Param> params;
    /** The parameters the route passes on to the handler, by keyword. */
    public final List<Param> passed;
    public final boolean hasPassed;
    public final String subjectParam;
    public final boolean hasSubjectParam;
    /** The status the contract gives a path user id that is not the caller: 403, else 404, else 401. */
    public final boolean subjectForbidden;
    public final boolean subjectUnauthorized;
    /** A bearer token is required; optional (an anonymous alternative); or no security at all. */
    public final boolean authenticated;
    /** The grants (roles, scopes) a caller's token must carry, as alternatives of string literals. */
    public final List<List<String>> grantAlternatives;
    public final boolean requiresGrants;
    public final boolean optionalAuth;
    public final boolean publicAuth;
    public final boolean checksTokens;
    public final String requestClass;
    public final boolean hasRequest;
    /** A body the contract declares in another media type (a form, an upload, bytes): the handler gets its bytes. */
    public final boolean rawBody;
    public final boolean takesBody;
    public final String responseClass;
    public final boolean hasResponse;
    /** The success answer has no body (204, 205, 304, or declared without content). */
    public final boolean noContent;
    /** The success answer is text/event-stream: the handler gives the events. */
    public final boolean stream;
    /** A file, bytes or a redirect: the handler returns the Response itself, in the declared media type. */
    public final boolean rawResponse;
    public final String rawMediaLiteral;
    public final String contextClass;
    public final List<Helper> helpers;
    /** The test: the URL with the test user's own id, and with another user's. */
    public final String testUrl;
    public final String otherUrl;
    /** Query, header and cookie values the contract accepts, for the tests (Python dict literals). */
    public final String testQuery;
    public final String testHeaders;
    public final boolean hasTestQuery;
    public final boolean hasTestHeaders;
    /** A body the contract accepts and a response it allows, as Python literals, for the tests. */
    public final String validBody;
    public final String sampleResponse;
    /** Whether the tests can send a body the contract refuses and see the declared invalid-input answer. */
    public final boolean testsValidation;
    /** Bodies the contract refuses (a Python tuple literal). */
    public final String invalidBodies;

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
        params = List.copyOf(b.params);
        passed = params.stream().filter(p -> p.passed).toList();
        hasPassed = !passed.isEmpty();
        subjectParam = b.subjectParam;
        hasSubjectParam = b.subjectParam != null;
        subjectForbidden = b.subjectStatus == 403;
        subjectUnauthorized = b.subjectStatus == 401;
        authenticated = b.auth == Auth.REQUIRED;
        grantAlternatives = List.copyOf(b.grantAlternatives);
        requiresGrants = !grantAlternatives.isEmpty();
        optionalAuth = b.auth == Auth.OPTIONAL;
        publicAuth = b.auth == Auth.NONE;
        checksTokens = b.auth != Auth.NONE;
        requestClass = b.requestClass;
        hasRequest = b.requestClass != null;
        rawBody = b.rawBody && !hasRequest;
        takesBody = hasRequest || rawBody;
        responseClass = b.responseClass;
        hasResponse = b.responseClass != null && !b.noContent && !b.stream && !b.rawResponse;
        noContent = b.noContent;
        stream = b.stream;
        rawResponse = b.rawResponse && !noContent && !stream;
        rawMediaLiteral = b.rawMedia == null ? "None" : PyLiteral.str(b.rawMedia);
        contextClass = b.contextClass;
        helpers = List.copyOf(b.helpers);
        testUrl = b.testUrl;
        otherUrl = b.otherUrl;
        testQuery = b.testQuery;
        testHeaders = b.testHeaders;
        hasTestQuery = b.testQuery != null;
        hasTestHeaders = b.testHeaders != null;
        validBody = b.validBody == null ? "None" : b.validBody;
        sampleResponse = b.sampleResponse == null ? "None" : b.sampleResponse;
        testsValidation = b.testsValidation;
        invalidBodies = b.invalidBodies;
    }

    enum Auth { REQUIRED, OPTIONAL, NONE }

    /** One parameter of the route: its Python name, where it comes from and the contract's type. */
    public static final class Param {
        public final String name;
        /** Path, Query, Header or Cookie: the FastAPI function that reads it. */
        public final String source;
        public final String annotation;
        public final List<String> args;
        public final boolean required;
        public final String defaultLiteral;
        public final boolean hasDefault;
        /** Optional without a default: None when the request leaves it out. */
        public final boolean orNone;
        public final boolean passed;
        /**
         * A path key whose schema can refuse a value, on an operation that declares 404: the route reads
         * it as text and parses it itself, so a value no row can have is that 404, not a 422.
         */
        public final boolean parsed;
        public final String parsedAnnotation;
        /** What the handler gets: the parameter, or its parsed value, and its type. */
        public final String value;
        public final String handlerType;

        Param(String name, String source, String annotation, List<String> args, boolean required,
                String defaultLiteral, boolean passed) {
            this(name, source, annotation, args, required, defaultLiteral, passed, null, annotation);
        }

        Param(String name, String source, String annotation, List<String> args, boolean required,
                String defaultLiteral, boolean passed, String parsedAnnotation, String handlerType) {
            this.handlerType = handlerType;
            this.parsed = parsedAnnotation != null;
            this.parsedAnnotation = parsedAnnotation;
            this.value = parsed ? name + "_value" : name;
            this.name = name;
            this.source = source;
            this.annotation = annotation;
            this.args = List.copyOf(args);
            this.required = required;
            this.defaultLiteral = defaultLiteral;
            this.hasDefault = defaultLiteral != null;
            this.orNone = !required && defaultLiteral == null;
            this.passed = passed;
        }
    }

    /** An ownership helper on the context: the caller's row of an entity by key, or a 404. */
    public static final class Helper {
        public final String method;
        public final String entityClass;
        public final String getter;
        public final String scope;
        public final String scopeMethod;
        /** Shared by every user: its queries take no caller. */
        public final boolean shared;

        Helper(String method, String entityClass, String getter, String scope, String scopeMethod, boolean shared) {
            this.method = method;
            this.entityClass = entityClass;
            this.getter = getter;
            this.scope = scope;
            this.scopeMethod = scopeMethod;
            this.shared = shared;
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
        List<Param> params = List.of();
        String subjectParam;
        int subjectStatus = 404;
        List<List<String>> grantAlternatives = List.of();
        Auth auth = Auth.REQUIRED;
        String requestClass;
        boolean rawBody;
        String responseClass;
        boolean noContent;
        boolean stream;
        boolean rawResponse;
        String rawMedia;
        String contextClass;
        List<Helper> helpers = List.of();
        String testUrl;
        String otherUrl;
        String testQuery;
        String testHeaders;
        String validBody;
        String sampleResponse;
        boolean testsValidation;
        String invalidBodies;
    }
}
