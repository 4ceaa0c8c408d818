package dev.specgen.actions;

import java.util.Set;

/** get: the caller's row whose primary key is in the path (GET /tasks/{id}), answered with 200. */
public final class GetAction implements Action {
    @Override
    public String name() {
        return "get";
    }

    @Override
    public Set<String> methods() {
        return Set.of("get");
    }

    @Override
    public boolean readsOne() {
        return true;
    }

    @Override
    public boolean readsRowBack() {
        return true;
    }

    @Override
    public boolean answersRow() {
        return true;
    }

    @Override
    public boolean itemAction() {
        return true;
    }
}
