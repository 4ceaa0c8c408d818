package dev.specgen.actions;

import java.util.Set;

/** What toggle and set share: they change the caller's row found by key, with no body. */
abstract class RowChangeAction implements Action {
    @Override
    public Set<String> methods() {
        return Set.of("patch", "put", "post");
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
    public java.util.Optional<String> testsTemplate() {
        return java.util.Optional.of(group() + "Tests");
    }

    @Override
    public boolean itemAction() {
        return true;
    }

    /** 204 with no body, as the contract may say; else 200 with the row. */
    @Override
    public void checkResponse(EntityBinding binding) {
        RowResponses.Success.of(binding.operation()).ifPresent(success -> {
            if ("204".equals(success.status()) && success.schemaNode().isEmpty()) {
                return; // answers nothing, as the contract says
            }
            RowResponses.schema(binding, success, Set.of("200"), "200", " the ")
                    .ifPresent(schema -> RowResponses.row(binding, schema));
        });
    }
}
