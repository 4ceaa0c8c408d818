package dev.specgen.actions;

import dev.specgen.diagnostics.Rule;
import dev.specgen.modeldoc.BindingDoc;
import dev.specgen.modeldoc.EntityDoc;
import dev.specgen.modeldoc.FieldDoc;
import dev.specgen.modeldoc.FieldType;
import java.util.Optional;
import java.util.Set;

/**
 * soft_delete: the caller's row whose primary key is in the path (DELETE /tasks/{id}) is marked
 * deleted, not removed: its {@code field:} (a nullable datetime) gets the server's time, and every
 * generated read of the entity (lists, gets, changes, the ownership helpers the door's contexts use)
 * hides rows so marked, in SQL. Answered with 204, as delete; a second delete of the row is a 404.
 */
public final class SoftDeleteAction implements Action {
    @Override
    public String name() {
        return "soft_delete";
    }

    @Override
    public Set<String> methods() {
        return Set.of("delete");
    }

    @Override
    public boolean itemAction() {
        return true;
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
    public String routeTemplate() {
        return "softDeleteBody";
    }

    @Override
    public Optional<String> testsTemplate() {
        return Optional.of("softDeleteTests");
    }

    @Override
    public Optional<String> marksDeleted(BindingDoc binding) {
        return binding.node().text("field");
    }

    @Override
    public void checkResponse(EntityBinding binding) {
        DeleteAnswers.check(binding);
    }

    @Override
    public void check(ActionContext context) {
        EntityDoc entity = context.entity().orElseThrow();
        BindingDoc binding = context.binding();
        Optional<String> name = binding.node().text("field");
        if (name.isEmpty()) {
            context.diagnostics().report(Rule.ACTION_SHAPE, binding.at("action"), "operations." + binding.key()
                    + " soft-deletes but names no field to mark the row deleted in", "field: <a nullable datetime"
                    + " field of " + entity.name() + ", such as deleted_at>");
            return;
        }
        Optional<FieldDoc> field = entity.field(name.get());
        if (field.isEmpty()) {
            context.diagnostics().report(Rule.FIELD_REFERENCE_UNKNOWN, binding.at("field"), "entity "
                    + entity.name() + " has no field '" + name.get() + "' to mark deleted rows in", "one of "
                    + String.join(", ", entity.fields().keySet()) + ", or a new field: {type: datetime, nullable: true}");
            return;
        }
        FieldDoc f = field.get();
        if (FieldType.of(f.type()) != FieldType.DATETIME || !f.nullable() || f.generated().isPresent()
                || f.primaryKey() || f.hasDefault()) {
            context.diagnostics().report(Rule.ACTION_SHAPE, binding.at("field"), "soft_delete marks a row"
                    + " deleted by setting " + entity.name() + "." + name.get() + " to the server's time, and a live"
                    + " row has it null, but it is " + describe(f), "a nullable datetime field with no default"
                    + " and no generated: (deleted_at: {type: datetime, nullable: true})");
            return;
        }
        // Every read of the entity hides rows by one field: two soft deletes must agree on it.
        context.model().bindings().values().stream()
                .filter(other -> other != binding && other.entityName().filter(entity.name()::equals).isPresent())
                .filter(other -> Actions.of(other.node().text("action").orElse("")).isPresent())
                .forEach(other -> Actions.get(other.action()).marksDeleted(other)
                        .filter(otherField -> !otherField.equals(name.get()) && other.key().compareTo(binding.key()) < 0)
                        .ifPresent(otherField -> context.diagnostics().report(Rule.ACTION_SHAPE, binding.at("field"),
                                "operations." + binding.key() + " marks " + entity.name() + " rows deleted in "
                                        + name.get() + ", operations." + other.key() + " in " + otherField,
                                "one field for every soft delete of " + entity.name())));
    }

    private static String describe(FieldDoc field) {
        if (FieldType.of(field.type()) != FieldType.DATETIME) {
            return "of type " + field.type();
        }
        if (!field.nullable()) {
            return "not nullable";
        }
        if (field.generated().isPresent()) {
            return "generated (" + field.generated().get() + ")";
        }
        return field.primaryKey() ? "the primary key" : "given a default";
    }
}
