package dev.specgen.actions;

import java.util.Set;

/**
 * update: a partial change of the caller's row: only the fields sent change. Bound to PATCH, or to a
 * PUT the contract documents as partial ("only the fields sent are changed").
 */
public final class UpdateAction implements Action {
    @Override
    public String name() {
        return "update";
    }

    @Override
    public Set<String> methods() {
        return Set.of("patch", "put");
    }

    @Override
    public boolean changesRow() {
        return true;
    }

    @Override
    public boolean answersRow() {
        return true;
    }

    @Override
    public Body body() {
        return Body.PARTIAL;
    }

    @Override
    public boolean itemAction() {
        return true;
    }

    @Override
    public boolean writesRow() {
        return true;
    }

    @Override
    public void checkRequest(EntityBinding binding) {
        RequestBodies.check(binding, "update");
    }
}
