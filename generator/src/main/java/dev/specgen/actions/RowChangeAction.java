package dev.specgen.actions;

import java.util.Set;

/** What toggle and set share: they change the caller's row found by key, with no body. */
abstract class RowChangeAction implements Action {
    @Override
    public Set<String> methods() {
        return Set.of("patch", "put", "post");
    }

    @Override
    public boolean itemAction() {
        return true;
    }
}
