package dev.specgen.shapes;

import dev.specgen.contract.Contract;
import dev.specgen.contract.Operation;
import dev.specgen.contract.SchemaView;
import dev.specgen.modeldoc.BindingDoc;
import dev.specgen.modeldoc.EntityDoc;
import dev.specgen.modeldoc.FieldDoc;
import dev.specgen.modeldoc.ModelDoc;
import dev.specgen.shapes.ErrorCodes.Resource;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The rows an operation is about, as error codes name them: its own entity, then the parents its path
 * names; and the rows its body refers to (a reference that does not exist). Shared by validate (which
 * situation no code fits) and resolve (which code each situation sends), so both choose alike.
 */
public final class OperationResources {
    private final Contract contract;
    private final ModelDoc model;

    public OperationResources(Contract contract, ModelDoc model) {
        this.contract = contract;
        this.model = model;
    }

    /** Every entity of the model, in file order. */
    public List<Resource> all() {
        return model.entities().values().stream().map(OperationResources::resource).toList();
    }

    /** The operation's entity (a door's entities, in order), then the parents its path names. */
    public List<Resource> own(Operation operation) {
        List<EntityDoc> entities = new ArrayList<>();
        Optional<BindingDoc> binding = model.bindingFor(operation);
        if (binding.isEmpty()) {
            return List.of();
        }
        Optional<EntityDoc> entity = binding.get().entityName().flatMap(model::entity);
        entity.ifPresent(entities::add);
        binding.get().node().seq("entities").ifPresent(seq -> seq.items().forEach(item -> {
            if (item instanceof dev.specgen.load.YScalar s) {
                model.entity(s.text()).filter(e -> !entities.contains(e)).ifPresent(entities::add);
            }
        }));
        entity.ifPresent(e -> binding.get().path().values().forEach(target -> parent(e, target)
                .filter(p -> !entities.contains(p)).ifPresent(entities::add)));
        return entities.stream().map(OperationResources::resource).toList();
    }

    /** The rows the request body names by foreign key, in the body's order. */
    public List<Resource> referenced(Operation operation) {
        Optional<EntityDoc> entity = model.bindingFor(operation).flatMap(BindingDoc::entityName).flatMap(model::entity);
        Optional<SchemaView> body = operation.requestSchema().flatMap(s -> SchemaView.of(contract, s));
        if (entity.isEmpty() || body.isEmpty()) {
            return List.of();
        }
        List<EntityDoc> parents = new ArrayList<>();
        for (String name : body.get().properties().keySet()) {
            parent(entity.get(), name).filter(p -> !parents.contains(p)).ifPresent(parents::add);
        }
        return parents.stream().map(OperationResources::resource).toList();
    }

    private Optional<EntityDoc> parent(EntityDoc entity, String fieldName) {
        return entity.field(fieldName).flatMap(FieldDoc::foreignKey).flatMap(fk -> fk.text("entity"))
                .flatMap(model::entity);
    }

    private static Resource resource(EntityDoc entity) {
        return Resource.of(entity.name(), entity.table());
    }
}
