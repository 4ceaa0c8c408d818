package dev.specgen.validate;

import dev.specgen.contract.Contract;
import dev.specgen.diagnostics.Diagnostics;
import dev.specgen.load.LoadedSpec;
import dev.specgen.modeldoc.ModelDoc;

/**
 * The validate stage: the model schema, the contract alone, the model alone, then both together.
 * Later checks run only when the earlier ones leave them something sound to read, so one mistake
 * is not reported ten times over.
 */
public final class Validator {

    public void validate(LoadedSpec spec, Diagnostics diagnostics) {
        boolean modelShaped = false;
        if (spec.model().isPresent()) {
            Diagnostics schemaFindings = new Diagnostics();
            new ModelSchemaCheck().check(spec.model().get(), schemaFindings);
            diagnostics.addAll(schemaFindings);
            modelShaped = !schemaFindings.hasErrors();
            if (modelShaped) {
                new ModelChecks().check(new ModelDoc(spec.model().get()), diagnostics);
            }
        }
        boolean contractReadable = false;
        if (spec.contract().isPresent()) {
            Contract contract = new Contract(spec.contract().get());
            contractReadable = new OpenApiParserCheck().check(spec.contractSource().orElseThrow(), contract,
                    diagnostics);
            if (contractReadable) {
                new ContractChecks().check(contract, diagnostics);
            }
        }
        if (modelShaped && contractReadable) {
            new BindingChecks(new Contract(spec.contract().get()), new ModelDoc(spec.model().get()), diagnostics)
                    .check();
        }
    }
}
