package dev.specgen.actions;

import dev.specgen.contract.Parameter;
import java.util.Map;
import java.util.Set;

/**
 * One action of model.yaml: what it means over HTTP and its own checks. Its route and tests live in
 * templates/python/actions/&lt;name&gt;.stg (the v1 actions' still in router.stg and tests.stg);
 * "where are toggles checked" is answered by a file name.
 *
 * <p>Every operation bound to an entity gets the same checks in one order (method, auth, path, error
 * statuses, list options, response, request: validate's EntityBindingChecks); the steps that differ by
 * action are asked of the action: {@link #checkQuery}, {@link #checkResponse}, {@link #checkRequest}.
 * Then {@link #check} runs, for every binding.
 */
public interface Action {
    String name();

    /** The HTTP methods (lower case) the contract may serve it with. */
    Set<String> methods();

    /** False for an action that touches no entity (health). */
    default boolean needsEntity() {
        return true;
    }

    default boolean takesBody() {
        return false;
    }

    /** Acts on one row chosen by primary key from the path. */
    default boolean itemAction() {
        return false;
    }

    /** Writes a row from a request body: a unique constraint can refuse it (409). */
    default boolean writesRow() {
        return false;
    }

    /** Reads or changes the caller's own row, which may not exist yet (404). */
    default boolean findsOwnRow() {
        return false;
    }

    /** Deletes a row, which rows of other entities may still refer to (409). */
    default boolean deletesRow() {
        return false;
    }

    /** The list options of model.yaml it takes (page, filters, sort, order, search). */
    default Set<String> listOptions() {
        return Set.of();
    }

    /**
     * Checks its list options against the contract's query parameters, adding to {@code meaningful} the
     * parameters they give a meaning; any other query parameter is reported by the caller.
     */
    default void checkQuery(EntityBinding binding, Map<String, Parameter> query, Set<String> meaningful) {
    }

    /** Checks the success response: by default 200 with the entity's row, plain or in its envelope. */
    default void checkResponse(EntityBinding binding) {
        RowResponses.checkRow(binding);
    }

    /** Checks the request body: by default there must be none. */
    default void checkRequest(EntityBinding binding) {
        RequestBodies.refuse(binding);
    }

    /** Checks of its own, beyond those every binding gets. */
    default void check(ActionContext context) {
    }
}
