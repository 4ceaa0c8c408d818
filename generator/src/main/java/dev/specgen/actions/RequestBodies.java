package dev.specgen.actions;

import dev.specgen.contract.Operation;
import dev.specgen.contract.SchemaView;
import dev.specgen.diagnostics.Rule;
import dev.specgen.load.YNode;
import dev.specgen.load.YScalar;
import dev.specgen.modeldoc.EntityDoc;
import dev.specgen.modeldoc.FieldDoc;
import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.Set;

/** The request bodies of row actions: none where the action takes none, else the entity's fields a client may send. */
final class RequestBodies {
    private RequestBodies() {
    }

    /** An action without a body: the contract must not declare one. */
    static void refuse(EntityBinding binding) {
        Operation operation = binding.operation();
        if (operation.requestBody().isPresent()) {
            binding.diagnostics().report(Rule.ACTION_SHAPE, operation.node().get("requestBody").orElseThrow(),
                    binding.label() + " is " + EntityBinding.an(binding.action()) + " but has a request body",
                    "no request body on " + EntityBinding.an(binding.action()));
        }
    }

    /**
     * A JSON body of the entity's fields in this role (create or update), none of which the server sets;
     * the schema when it is such an object.
     */
    static Optional<SchemaView> check(EntityBinding binding, String role) {
        Operation operation = binding.operation();
        EntityDoc entity = binding.entity();
        String label = binding.label();
        Optional<YNode> schemaNode = operation.requestSchema();
        if (schemaNode.isEmpty()) {
            YNode at = operation.node().get("requestBody").orElse(operation.node());
            binding.diagnostics().report(Rule.REQUEST_BODY_MISSING, at, label + " is "
                    + EntityBinding.an(binding.action()) + " without a JSON request body schema", "requestBody:"
                    + " {required: true, content: {application/json: {schema: ...}}}");
            return Optional.empty();
        }
        Optional<SchemaView> schema = SchemaView.of(binding.contract(), schemaNode.get());
        if (schema.isEmpty()) {
            return Optional.empty();
        }
        if (!binding.checkEntityObject(schema.get(), role, "the request body of " + label, Rule.REQUEST_BODY_MISSING)) {
            return Optional.empty();
        }
        checkOpen(binding, schema.get());
        Set<String> pathBound = new LinkedHashSet<>(binding.binding().path().values());
        for (String name : schema.get().properties().keySet()) {
            Optional<FieldDoc> field = entity.field(name);
            if (field.isEmpty()) {
                continue; // reported as a missing field
            }
            YNode at = schema.get().properties().get(name);
            var diagnostics = binding.diagnostics().relatedTo(field.get().nameMark());
            if (entity.ownerField().filter(name::equals).isPresent()) {
                diagnostics.report(Rule.OWNER_IN_REQUEST, at, "the request body of " + label + " accepts"
                        + " the owner field '" + name + "'", "remove " + name + " from the request schema: the"
                        + " server sets it from the token");
            } else if (field.get().generated().isPresent() || field.get().readOnly() || pathBound.contains(name)) {
                diagnostics.report(Rule.SERVER_FIELD_IN_REQUEST, at, "the request body of " + label
                        + " accepts '" + name + "', which the server sets" + (pathBound.contains(name)
                        ? " from the path" : ""), "remove " + name + " from the request schema");
            }
        }
        return schema;
    }

    /**
     * A body that says, in so many words, that properties beyond its own are welcome (true, or a schema
     * for them) asks the server to keep them: no field of the row can. Left out, JSON Schema admits
     * them too, but the contract then makes no promise about them and the server ignores them.
     */
    private static void checkOpen(EntityBinding binding, SchemaView schema) {
        schema.node().get("additionalProperties")
                .filter(extra -> !(extra instanceof YScalar s && s.kind() == YScalar.Kind.BOOLEAN && !s.isTrue()))
                .ifPresent(extra -> binding.diagnostics().report(Rule.PROPERTY_FIELD_MISSING, extra,
                        "the request body of " + binding.label() + " admits properties beyond its own"
                                + " (additionalProperties), which no field of " + binding.entity().name()
                                + " can store", "additionalProperties: false (or leave it out, and the server"
                                + " ignores unknown properties), or a field of type json for them"));
    }

    /**
     * With no ownership declared yet (SG406), a plain field named and typed like a user id may be the
     * owner that decision names: the body need not send it.
     */
    private static boolean mayBeOwner(EntityBinding binding, FieldDoc field) {
        if (binding.entity().ownershipDeclared() || field.primaryKey()
                || !Set.of("string", "text", "uuid", "integer", "bigint").contains(field.type())) {
            return false;
        }
        String name = field.name().toLowerCase(java.util.Locale.ROOT);
        return name.endsWith("_id") || name.endsWith("id") && field.name().endsWith("Id")
                || name.matches(".*(user|owner|author|created_by|account|member).*");
    }

    /**
     * When ownership names no field of the entity (a typo, say), the field the body lacks may be the
     * owner the server sets: say so, rather than only advising the client to send it.
     */
    private static String strayOwner(EntityDoc entity, FieldDoc field) {
        return entity.ownerField().filter(owner -> !entity.fields().containsKey(owner))
                .map(owner -> "; or, if " + field.name() + " is the owner, ownership.owner_field: " + field.name()
                        + " (it names '" + owner + "', which is no field of " + entity.name() + ")")
                .orElse("");
    }

    /**
     * A body that makes a row (create, replace): every field the row needs and only the client can give
     * is in it, and required when it has no default. A create body also leaves optional what has a
     * default or may be null (else the default could never apply); a replace body may require it, since
     * the default applies only to a create ({@code defaultsApply} false).
     */
    static void checkRequired(EntityBinding binding, SchemaView schema, boolean defaultsApply) {
        EntityDoc entity = binding.entity();
        String label = binding.label();
        Set<String> pathBound = new LinkedHashSet<>(binding.binding().path().values());
        Set<String> properties = schema.properties().keySet();
        Set<String> required = schema.required();
        for (FieldDoc field : entity.fields().values()) {
            boolean serverSet = field.generated().isPresent() || field.readOnly()
                    || entity.ownerField().filter(field.name()::equals).isPresent()
                    || pathBound.contains(field.name());
            boolean mustSend = !serverSet && !field.nullable() && !field.hasDefault();
            if (mustSend && !properties.contains(field.name()) && !mayBeOwner(binding, field)) {
                binding.diagnostics().relatedTo(field.nameMark()).report(Rule.REQUIRED_FIELD_NOT_IN_CONTRACT,
                        schema.site(), "the request body of "
                        + label + " lacks '" + field.name() + "', which " + entity.name()
                        + " requires (not nullable, no default)", "a required property " + field.name()
                        + ", or a default or nullable: true in model.yaml" + strayOwner(entity, field));
            } else if (properties.contains(field.name()) && !serverSet && mustSend != required.contains(field.name())
                    && (mustSend || defaultsApply)) {
                binding.diagnostics().relatedTo(field.nameMark()).report(Rule.REQUIRED_MISMATCH,
                        schema.properties().get(field.name()),
                        "'" + field.name() + "' is " + (mustSend ? "optional" : "required") + " in the request body"
                                + " of " + label + " but " + (mustSend ? "has no default in model.yaml"
                                : "has a default or is nullable in model.yaml"),
                        mustSend ? "list " + field.name() + " under required" : "remove " + field.name()
                                + " from required, or drop its default");
            }
        }
    }
}
