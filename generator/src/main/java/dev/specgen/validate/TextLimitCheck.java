package dev.specgen.validate;

import dev.specgen.actions.Action;
import dev.specgen.actions.Actions;
import dev.specgen.contract.Contract;
import dev.specgen.contract.Operation;
import dev.specgen.contract.SchemaView;
import dev.specgen.diagnostics.Diagnostics;
import dev.specgen.diagnostics.Rule;
import dev.specgen.modeldoc.BindingDoc;
import dev.specgen.modeldoc.EntityDoc;
import dev.specgen.modeldoc.FieldDoc;
import dev.specgen.modeldoc.FieldType;
import dev.specgen.modeldoc.ModelDoc;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;

/**
 * A text field that a generated operation's request body writes should have a maximum length: without
 * one, every row may hold up to the whole body limit, and every list returns it. A warning, reported
 * once per field at its declaration; fields no body writes are not reported.
 */
public final class TextLimitCheck {
    private final Contract contract;
    private final ModelDoc model;
    private final Diagnostics diagnostics;

    public TextLimitCheck(Contract contract, ModelDoc model, Diagnostics diagnostics) {
        this.contract = contract;
        this.model = model;
        this.diagnostics = diagnostics;
    }

    public void check() {
        Set<String> reported = new HashSet<>();
        for (Operation operation : contract.operations()) {
            Optional<BindingDoc> binding = model.bindingFor(operation);
            // A binding that broke the schema (no action, no entity) is reported already.
            if (binding.isEmpty() || !binding.get().node().has("action")
                    || !Actions.of(binding.get().action()).map(Action::writesRow).orElse(false)) {
                continue;
            }
            Optional<EntityDoc> entity = binding.get().entityName().flatMap(model::entity);
            Optional<SchemaView> body = operation.requestSchema().flatMap(site -> SchemaView.of(contract, site));
            if (entity.isEmpty() || entity.get().external() || body.isEmpty()) {
                continue;
            }
            body.get().properties().forEach((property, site) -> entity.get().field(property).ifPresent(field -> {
                boolean bounded = SchemaView.of(contract, site).flatMap(s -> s.number("maxLength")).isPresent();
                if (!bounded && unbounded(field) && reported.add(entity.get().name() + "." + field.name())) {
                    report(entity.get(), field);
                }
            }));
        }
    }

    private static boolean unbounded(FieldDoc field) {
        return FieldType.of(field.type()).hasLength() && field.number("max_length").isEmpty();
    }

    private void report(EntityDoc entity, FieldDoc field) {
        String label = entity.name() + "." + field.name();
        diagnostics.report(Rule.TEXT_UNBOUNDED, field.nameMark(), field.node().pointer(), label + " is "
                + field.type() + " with no max_length, and a request body writes it, so a client may store up to"
                + " the whole body limit in every row", "max_length: <characters> on " + label
                + ", and the same maxLength on its property in the contract");
    }
}
