package dev.specgen.actions;

import java.util.Set;

/**
 * One action of model.yaml: what it means over HTTP and its own checks. Its route and tests live in
 * templates/python/actions/&lt;name&gt;.stg; "where are toggles generated" is answered by a file name.
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

    /** Checks of its own, beyond those every binding gets. */
    default void check(ActionContext context) {
    }
}
