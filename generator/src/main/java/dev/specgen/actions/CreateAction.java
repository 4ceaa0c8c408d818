package dev.specgen.actions;

import java.util.Set;

/**
 * create: a new row of the caller's from the body (POST /tasks), answered with 201 (or 200) and the
 * row. The body carries every field the row needs that only the client can give.
 */
public final class CreateAction implements Action {
    @Override
    public String name() {
        return "create";
    }

    @Override
    public Set<String> methods() {
        return Set.of("post");
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
    public boolean writesRow() {
        return true;
    }

    @Override
    public void checkResponse(EntityBinding binding) {
        RowResponses.Success.of(binding.operation())
                .flatMap(s -> RowResponses.schema(binding, s, Set.of("200", "201"), "201 (or 200)", " the "))
                .ifPresent(schema -> RowResponses.row(binding, schema));
    }

    @Override
    public void checkRequest(EntityBinding binding) {
        RequestBodies.check(binding, "create").ifPresent(schema -> RequestBodies.checkRequired(binding, schema, true));
    }
}
