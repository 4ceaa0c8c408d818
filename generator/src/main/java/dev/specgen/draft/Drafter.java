package dev.specgen.draft;

import dev.specgen.contract.Contract;
import dev.specgen.contract.Operation;
import dev.specgen.contract.SchemaView;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Drafts a model.yaml from a contract (and data-model.md when there is one). Every inferred value
 * carries a comment saying where it comes from; every choice that cannot be inferred safely, ownership
 * above all, is a "DECIDE" that leaves its key out, so the draft blocks in validate until the user
 * decides. The same inputs give the same bytes.
 */
public final class Drafter {
    private final Capabilities capabilities;

    public Drafter() {
        this(Capabilities.packaged());
    }

    Drafter(Capabilities capabilities) {
        this.capabilities = capabilities;
    }

    /** Where the inputs are, as the header names them, and the schema reference for editors. */
    public record Sources(String contract, Optional<String> dataModel, String schemaRef) {
    }

    /**
     * @param dataModelText the text of data-model.md, when the folder has one
     */
    public Draft draft(Contract contract, Optional<String> dataModelText, Sources sources) {
        Optional<DataModel> dataModel = dataModelText.map(t -> DataModel.parse(sources.dataModel().orElse(
                "data-model.md"), t));
        List<OpDraft> ops = new ArrayList<>();
        for (Operation operation : contract.operations()) {
            ops.add(new OpDraft(contract, operation));
        }
        // Document order, as the team wrote them (the contract view lists a path's methods in a fixed order).
        ops.sort(java.util.Comparator.comparingInt((OpDraft o) -> o.operation.node().mark().line())
                .thenComparingInt(o -> o.operation.node().mark().column()));
        EntityCatalog catalog = EntityCatalog.build(ops, dataModel);
        new ActionInference(capabilities, ops).infer();
        attachSchemas(catalog, ops);
        for (EntityDraft entity : catalog.entities.values()) {
            new FieldInference(entity).infer();
        }
        new KeyInference(catalog, ops).infer();
        new AccountDrafts(catalog, ops).infer();
        List<Decision> decisions = new ArrayList<>();
        AuthInference auth = new AuthInference(contract);
        new OwnerInference(catalog, ops, auth).infer(decisions);
        Yaml.Block operations = new Bindings(contract, capabilities, catalog, ops).block(decisions);
        new FieldDecisions(catalog, ops).decide(decisions);

        Yaml.Block root = new Yaml.Block();
        root.note(header(sources));
        root.put("specgen", Yaml.text(1));
        Yaml.Block service = new Yaml.Block();
        service.put("title", Yaml.text(contract.root().map("info").flatMap(i -> i.text("title")).orElse("My API")),
                "the contract's info.title");
        service.put("package", Yaml.text("app"), "the default");
        root.spaced("service", service, null);
        root.spaced("auth", auth.block(decisions), null);
        Yaml.Block entities = EntityWriter.entities(catalog);
        if (catalog.entities.isEmpty()) {
            Decision decision = new Decision("entities", "the entities", List.of("no operation of the contract"
                    + " answers rows of a component schema, and there is no data-model.md table to read. Write"
                    + " each entity's table, ownership and fields (docs/model-yaml.md, entities)."),
                    dev.specgen.diagnostics.Rule.MODEL_SCHEMA, true, "/entities", false);
            decisions.add(decision);
            entities.gap(decision, new Yaml.Block(), true);
        }
        root.spaced("entities", entities, null);
        root.spaced("operations", operations, null);
        return new Draft(root, decisions);
    }

    private static String[] header(Sources sources) {
        List<String> lines = new ArrayList<>();
        lines.add("yaml-language-server: $schema=" + sources.schemaRef());
        String text = "Drafted by specgen init from " + sources.contract() + sources.dataModel().map(d -> " and " + d)
                .orElse("") + ". The comments say where each inferred value comes from: check them. Each DECIDE is"
                + " a choice specgen leaves to you; the file blocks (specgen validate) until you make it, usually by"
                + " uncommenting the suggestion under it.";
        for (String line : Decision.wrap(text, Decision.WIDTH)) {
            lines.add(line.strip());
        }
        return lines.toArray(String[]::new);
    }

    /** Each entity's row schemas (responses) and the bodies that create, replace and update it. */
    private static void attachSchemas(EntityCatalog catalog, List<OpDraft> ops) {
        Set<String> seen = new HashSet<>();
        for (OpDraft op : ops) {
            Optional<EntityDraft> entity = catalog.entity(op.entity);
            if (entity.isEmpty()) {
                continue;
            }
            op.shape.row().filter(r -> entity.get().components.contains(r.componentName().orElse("")))
                    .ifPresent(r -> add(entity.get().responses, r, "r" + entity.get().name, seen));
            String action = op.action != null ? op.action : op.pendingAction;
            Optional<SchemaView> body = op.body;
            if (body.isPresent() && ("create".equals(action) || "replace".equals(action))) {
                add(entity.get().creates, body.get(), "c" + entity.get().name, seen);
            } else if (body.isPresent() && "update".equals(action)) {
                add(entity.get().updates, body.get(), "u" + entity.get().name, seen);
            }
        }
    }

    private static void add(List<SchemaView> into, SchemaView schema, String role, Set<String> seen) {
        if (seen.add(role + "@" + schema.node().pointer())) {
            into.add(schema);
        }
    }
}
