package dev.specgen.actions;

import java.util.Set;

/**
 * replace: a full change of the caller's row (PUT /tasks/{id}); fields not sent take their defaults,
 * so the body is a create body.
 */
public final class ReplaceAction implements Action {
    @Override
    public String name() {
        return "replace";
    }

    @Override
    public Set<String> methods() {
        return Set.of("put");
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
        return Body.FULL;
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
        RequestBodies.check(binding, "create").ifPresent(schema -> RequestBodies.checkRequired(binding, schema));
    }
}
