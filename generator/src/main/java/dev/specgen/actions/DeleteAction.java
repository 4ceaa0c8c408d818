package dev.specgen.actions;

import dev.specgen.diagnostics.Rule;
import java.util.Set;

/** delete: the caller's row whose primary key is in the path (DELETE /tasks/{id}), answered with 204. */
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
        checkNoContent(binding);
    }

    /** A delete answers 204 with no content. */
    static void checkNoContent(EntityBinding binding) {
        RowResponses.Success.of(binding.operation()).ifPresent(success -> {
            if (!"204".equals(success.status()) || success.schemaNode().isPresent()) {
                binding.diagnostics().report(Rule.ACTION_SHAPE, success.response(), binding.label() + " deletes but"
                        + " answers " + success.status() + (success.schemaNode().isPresent() ? " with a body" : ""),
                        "a 204 response with no content");
            }
        });
    }
}
