package dev.specgen.actions;

import java.util.Set;

/**
 * replace: a full change of the caller's row (PUT /tasks/{id}). Every member its body declares is
 * written, and a member not sent takes its field's default (or null): the body may be the create body
 * or one of its own (its own role, so it need not have the create body's shape). A member the body
 * requires over a field with a default is simply required here: the default applies to a create.
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
        RequestBodies.check(binding, "replace").ifPresent(schema -> RequestBodies.checkRequired(binding, schema, false));
    }
}
