package dev.specgen.actions;

import dev.specgen.diagnostics.Rule;
import dev.specgen.modeldoc.EntityDoc;
import java.util.Optional;
import java.util.Set;

/**
 * me and update_me: the row whose primary key is the caller's user id (GET or PATCH /me). The
 * entity's owner field is its primary key: the row is the user's own, found in SQL by the token's
 * subject, never by anything the client sends.
 */
public final class MeAction implements Action {
    private final String name;
    private final boolean update;

    MeAction(String name, boolean update) {
        this.name = name;
        this.update = update;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public Set<String> methods() {
        return update ? Set.of("patch", "put") : Set.of("get");
    }

    @Override
    public boolean readsOne() {
        return !update;
    }

    @Override
    public boolean changesRow() {
        return update;
    }

    @Override
    public boolean answersRow() {
        return true;
    }

    @Override
    public String group() {
        return "me";
    }

    /** The row is read or changed as get and update do it; only the condition that finds it differs. */
    @Override
    public String routeTemplate() {
        return update ? "updateBody" : "getBody";
    }

    @Override
    public Optional<String> testsTemplate() {
        return Optional.of("meTests");
    }

    @Override
    public boolean customTestsOnly() {
        return true;
    }

    @Override
    public Body body() {
        return update ? Body.PARTIAL : Body.NONE;
    }

    @Override
    public boolean writesRow() {
        return update;
    }

    @Override
    public boolean findsOwnRow() {
        return true;
    }

    @Override
    public void checkRequest(EntityBinding binding) {
        if (update) {
            RequestBodies.check(binding, "update");
        } else {
            RequestBodies.refuse(binding);
        }
    }

    @Override
    public void check(ActionContext context) {
        EntityDoc entity = context.entity().orElseThrow();
        Optional<String> owner = entity.ownerField();
        String key = entity.primaryKeys().isEmpty() ? null : entity.primaryKeys().get(0).name();
        // With no ownership declared yet, SG406 asks for it: the 'me' decision is part of that answer.
        if (entity.ownershipDeclared() && (owner.isEmpty() || key == null || !owner.get().equals(key))) {
            context.diagnostics().report(Rule.ACTION_SHAPE, context.binding().at("action"), "operations."
                    + context.binding().key() + " reads the caller's own " + entity.name() + ", but "
                    + entity.name() + "'s primary key is not its owner", "ownership: {owner_field: " + (key == null
                    ? "<its primary key>" : key) + "} on " + entity.name() + " (the row whose key is the token's"
                    + " subject)");
        }
        if (!context.binding().path().isEmpty() && context.binding().path().values().stream()
                .anyMatch(target -> !"subject".equals(target))) {
            context.diagnostics().report(Rule.ACTION_SHAPE, context.binding().at("path"), "operations."
                    + context.binding().key() + " finds its row by the token, so its path can only hold the"
                    + " subject", "path: {<param>: subject}, or no path parameters");
        }
    }
}
