package dev.specgen.actions;

import java.util.Set;

/** delete: the caller's row whose primary key is in the path (DELETE /tasks/{id}), answered with 204, or 200 with a body the contract fixes (DeleteAnswers). */
public final class DeleteAction implements Action {
    @Override
    public String name() {
        return "delete";
    }

    @Override
    public Set<String> methods() {
        return Set.of("delete");
    }

    @Override
    public boolean changesRow() {
        return true;
    }

    @Override
    public boolean endsRow() {
        return true;
    }

    @Override
    public boolean itemAction() {
        return true;
    }

    @Override
    public boolean deletesRow() {
        return true;
    }

    @Override
    public void checkResponse(EntityBinding binding) {
        DeleteAnswers.check(binding);
    }
}
