package dev.specgen.resolve;

import java.util.List;

/** One health check route: its path, its function, the constant body it answers, its status. */
public final class HealthModel {
    public final String method;
    public final String pathLiteral;
    public final String functionName;
    public final String operationIdLiteral;
    public final boolean hasOperationId;
    public final String statusCode;
    /** "member": value pairs of the 200 body; empty when the contract declares no body. */
    public final List<String> bodyMembers;
    public final boolean hasBody;
    public final boolean authenticated;
    /** A readiness check pings the database (503 declared); a liveness check, declaring only its 200, does not. */
    public final boolean pings;

    HealthModel(String method, String pathLiteral, String functionName, String operationId, String statusCode,
            List<String> bodyMembers, boolean hasBody, boolean authenticated, boolean pings) {
        this.pings = pings;
        this.method = method;
        this.pathLiteral = pathLiteral;
        this.functionName = functionName;
        this.operationIdLiteral = operationId == null ? null : PyLiteral.str(operationId);
        this.hasOperationId = operationId != null;
        this.statusCode = statusCode;
        this.bodyMembers = List.copyOf(bodyMembers);
        this.hasBody = hasBody;
        this.authenticated = authenticated;
    }
}
