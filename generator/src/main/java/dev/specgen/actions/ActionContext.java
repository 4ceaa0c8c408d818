package dev.specgen.actions;

import dev.specgen.contract.Contract;
import dev.specgen.contract.Operation;
import dev.specgen.diagnostics.Diagnostics;
import dev.specgen.modeldoc.BindingDoc;
import dev.specgen.modeldoc.EntityDoc;
import dev.specgen.modeldoc.ModelDoc;
import java.util.Optional;

/** What an action's checks see: the operation, its binding, the entity (when it has one). */
public record ActionContext(Contract contract, ModelDoc model, Operation operation, BindingDoc binding,
        Optional<EntityDoc> entity, Diagnostics diagnostics) {

    public String label() {
        return operation.label();
    }
}
