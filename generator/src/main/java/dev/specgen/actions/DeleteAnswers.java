package dev.specgen.actions;

import dev.specgen.contract.Contract;
import dev.specgen.contract.Operation;
import dev.specgen.contract.SchemaView;
import dev.specgen.diagnostics.Rule;
import dev.specgen.load.YNode;
import dev.specgen.modeldoc.EntityDoc;
import dev.specgen.shapes.ConstantBody;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What a delete (or a soft delete) answers: 204 with no content, or 200 with a body the contract fixes
 * entirely: members with a constant (const, a one-value enum, a default) and the deleted row's key
 * ({deleted: true, id: 7}, {message: "Task deleted"}). A required member nothing fills blocks: its value
 * would be invented.
 */
public final class DeleteAnswers {
    private DeleteAnswers() {
    }

    /** One member of the 200 body: its constant, or (none) the deleted row's key; text when the member is a string. */
    public record Member(String name, Optional<YNode> constant, boolean text) {
    }

    /** The members of the operation's 200 body, in contract order; empty for a 204. */
    public static Optional<List<Member>> of(Contract contract, Operation operation, EntityDoc entity) {
        return RowResponses.Success.of(operation).filter(s -> "200".equals(s.status()))
                .flatMap(RowResponses.Success::schemaNode).flatMap(node -> SchemaView.of(contract, node))
                .map(schema -> members(contract, schema, key(entity)));
    }

    private static String key(EntityDoc entity) {
        return entity.primaryKeys().isEmpty() ? "" : entity.primaryKeys().get(0).name();
    }

    private static List<Member> members(Contract contract, SchemaView schema, String key) {
        Map<String, YNode> constants = ConstantBody.members(contract, schema);
        List<Member> members = new ArrayList<>();
        for (String name : schema.properties().keySet()) {
            boolean text = schema.property(name).flatMap(SchemaView::type).filter("string"::equals).isPresent();
            if (constants.containsKey(name)) {
                members.add(new Member(name, Optional.of(constants.get(name)), text));
            } else if (name.equals(key)) {
                members.add(new Member(name, Optional.empty(), text));
            }
        }
        return members;
    }

    /** 204 with no content, or 200 whose every required member a constant or the key fills. */
    static void check(EntityBinding binding) {
        RowResponses.Success.of(binding.operation()).ifPresent(success -> {
            if ("204".equals(success.status()) && success.schemaNode().isEmpty()) {
                return;
            }
            if (!"200".equals(success.status()) || success.schemaNode().isEmpty()) {
                binding.diagnostics().report(Rule.ACTION_SHAPE, success.response(), binding.label() + " deletes but"
                        + " answers " + success.status() + (success.schemaNode().isPresent() ? " with a body" : ""),
                        "a 204 response with no content, or 200 with a JSON body of constants and the row's key");
                return;
            }
            Optional<SchemaView> schema = SchemaView.of(binding.contract(), success.schemaNode().get());
            if (schema.isEmpty()) {
                return; // unresolved: reported already
            }
            String key = key(binding.entity());
            List<String> filled = members(binding.contract(), schema.get(), key).stream().map(Member::name).toList();
            // Each member answered has the type a client reads it as: the JSON sent follows it.
            for (String member : filled) {
                schema.get().property(member).filter(p -> p.type().isEmpty()).ifPresent(p -> binding.diagnostics()
                        .report(Rule.PROPERTY_TYPE_MISSING, p.site(), "member '" + member + "' of the 200 response of "
                                + binding.label() + " has no type", "a type for " + member));
            }
            List<String> unfilled = schema.get().required().stream().filter(r -> !filled.contains(r)).toList();
            if (!unfilled.isEmpty()) {
                binding.diagnostics().report(Rule.ACTION_SHAPE, success.response(), "the 200 response of "
                        + binding.label() + " requires " + String.join(", ", unfilled.stream().map(u -> "'" + u + "'")
                        .toList()) + ", which neither a constant of the contract nor the deleted row's key (" + key
                        + ") fills: its value would be invented", "a constant for each (enum: [<its one value>], const"
                        + " or default), or leave them out of required, or answer 204");
            }
            schema.get().property(key).flatMap(SchemaView::type).ifPresent(type -> {
                String column = binding.entity().field(key).map(f -> f.type()).orElse("");
                boolean fits = "string".equals(type) || ("integer".equals(type) || "number".equals(type))
                        && ("integer".equals(column) || "bigint".equals(column));
                if (!fits) {
                    binding.diagnostics().report(Rule.ACTION_SHAPE, success.response(), "the 200 response of "
                            + binding.label() + " answers the deleted row's key " + key + " as " + type + ", but "
                            + binding.entity().name() + "." + key + " is " + column, "the key's own JSON type for " + key);
                }
            });
        });
    }
}
