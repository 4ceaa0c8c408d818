package dev.specgen.actions;

import dev.specgen.contract.Operation;
import dev.specgen.contract.SchemaView;
import dev.specgen.diagnostics.Rule;
import dev.specgen.load.YNode;
import dev.specgen.shapes.Envelopes;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** The success responses of row actions: their status, their JSON schema, the row in it. */
final class RowResponses {
    private RowResponses() {
    }

    /** The operation's one success response; none when it has several (reported by the contract checks). */
    record Success(String status, YNode response, Optional<YNode> schemaNode) {
        static Optional<Success> of(Operation operation) {
            Map<String, YNode> success = operation.successResponses();
            if (success.size() != 1) {
                return Optional.empty();
            }
            YNode response = success.values().iterator().next();
            return Optional.of(new Success(success.keySet().iterator().next(), response,
                    operation.jsonSchemaOf(response)));
        }
    }

    /** 200 with the entity's row: get, update, replace, me, update_me. */
    static void checkRow(EntityBinding binding) {
        Success.of(binding.operation()).flatMap(s -> schema(binding, s, Set.of("200"), "200", " the "))
                .ifPresent(schema -> row(binding, schema));
    }

    /**
     * Checks the status against the ones the action answers with, and that there is a JSON schema; that
     * schema, resolved, when there is one to check further.
     */
    static Optional<SchemaView> schema(EntityBinding binding, Success success, Set<String> statuses, String expected,
            String describing) {
        if (!statuses.contains(success.status())) {
            binding.diagnostics().report(Rule.ACTION_SHAPE, success.response(), binding.label() + " is "
                    + EntityBinding.an(binding.action()) + " answering " + success.status(), expected);
        }
        if (success.schemaNode().isEmpty()) {
            binding.diagnostics().report(Rule.RESPONSE_SCHEMA_MISSING, success.response(), "the " + success.status()
                    + " response of " + binding.label() + " has no application/json schema",
                    "content: {application/json: {schema: ...}} describing" + describing + binding.entity().name());
            return Optional.empty();
        }
        return SchemaView.of(binding.contract(), success.schemaNode().get()); // empty: unresolved, reported already
    }

    /** The row (or, for a list, the rows) in the response: plain, or where the envelope says. */
    static void row(EntityBinding binding, SchemaView schema) {
        boolean list = "list".equals(binding.action());
        Map<String, List<String>> roles = Envelopes.roles(binding.binding());
        Optional<Pagination.Page> page = Pagination.Page.of(binding.binding());
        Optional<SchemaView> row = Envelopes.check(binding.contract(), binding.binding(), roles, schema, list,
                page.map(Pagination.Page::roles).orElse(Set.of("total")), binding.label(), binding.entity().name(),
                binding.diagnostics());
        row.ifPresent(r -> binding.checkEntityObject(r, "public", (list ? "the items of " : "the response of ")
                + binding.label(), list ? Rule.LIST_SHAPE : Rule.RESPONSE_SCHEMA_MISSING));
    }
}
