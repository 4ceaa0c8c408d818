package dev.specgen.actions;

import dev.specgen.contract.Parameter;
import dev.specgen.modeldoc.BindingDoc;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * One action of model.yaml: what it means over HTTP, its own checks, and its plan: the plain facts
 * resolve copies into the route's model (what it reads and writes, which templates print it). Its route
 * body and its own tests live in its template group, templates/python/actions/{@link #group()}.stg (the
 * v1 actions' shared tests still in tests.stg); "where are toggles checked" is answered by a file name.
 * Resolve and render ask the action, never its name.
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

    /** What a request body means to it: none, a whole row (create, replace), the fields sent (update). */
    enum Body { NONE, FULL, PARTIAL }

    default Body body() {
        return Body.NONE;
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

    /** Answers many rows (list, aggregate): a response's rows are inside the list or its envelope. */
    default boolean listsRows() {
        return false;
    }

    /** Groups its rows and answers measures per group (aggregate). */
    default boolean groupsRows() {
        return false;
    }

    /** Inserts a new row from its body (create). */
    default boolean createsRow() {
        return body() == Body.FULL && !itemAction();
    }

    /** Answers one row it reads (get, me). */
    default boolean readsOne() {
        return false;
    }

    /** The read generated tests use to read a row back by its key (get). */
    default boolean readsRowBack() {
        return false;
    }

    /** Writes the row through the hooks (before_*, after_*), and so commits. */
    default boolean changesRow() {
        return false;
    }

    /** The row is gone once it answers (delete): never answered with it, the 204 is a Response. */
    default boolean endsRow() {
        return false;
    }

    /** Answers with the entity's row (the response classes' public role). */
    default boolean answersRow() {
        return false;
    }

    /** Its template group, templates/python/actions/&lt;group&gt;.stg. */
    default String group() {
        return name();
    }

    /** Its group renders modules of its own (health, the door) rather than parts of the entity routers. */
    default boolean ownModules() {
        return false;
    }

    /** The template that prints its route body (in its group, or a v1 group it shares), none for ownModules. */
    default String routeTemplate() {
        return group() + "Body";
    }

    /** The template of its own tests, beside (or, when {@link #customTestsOnly}, instead of) the v1 ones. */
    default Optional<String> testsTemplate() {
        return Optional.empty();
    }

    /** Only its own tests run (the v1 tests do not apply). */
    default boolean customTestsOnly() {
        return false;
    }

    /** The values it sets on the row found by key, for an action that changes a row with no body. */
    default Optional<RowChange> rowChange(BindingDoc binding) {
        return Optional.empty();
    }

    /** The field it marks a row deleted in (soft_delete): every read of the entity then hides such rows. */
    default Optional<String> marksDeleted(BindingDoc binding) {
        return Optional.empty();
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
