package dev.specgen.validate;

import dev.specgen.contract.Contract;
import dev.specgen.diagnostics.Diagnostics;
import dev.specgen.load.LoadedSpec;
import dev.specgen.modeldoc.ModelDoc;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/**
 * The validate stage: the model schema, the contract alone, the model alone, then both together.
 * Later checks read only what the earlier ones found sound: a part of model.yaml that breaks its
 * schema (see {@link ModelGaps}) is left out of the later checks, and the rest is still checked, so
 * one mistake neither hides the others nor is reported ten times over. The two slow, independent
 * checks (the model's JSON Schema and swagger-parser) run side by side; findings are sorted on
 * output, so the order they finish in never shows.
 */
public final class Validator {

    public void validate(LoadedSpec spec, Diagnostics diagnostics) {
        CompletableFuture<ContractResult> contractCheck = CompletableFuture.supplyAsync(() -> checkContract(spec));
        ModelDoc model = null;
        ModelGaps gaps = null;
        if (spec.model().isPresent()) {
            gaps = new ModelSchemaCheck().check(spec.model().get(), diagnostics);
            if (!gaps.modelUnusable()) {
                model = new ModelDoc(gaps.soundPart());
                new ModelChecks(gaps).check(model, diagnostics);
            }
        }
        ContractResult contract;
        try {
            contract = contractCheck.join();
        } catch (CompletionException e) {
            throw e.getCause() instanceof RuntimeException runtime ? runtime : e;
        }
        diagnostics.addAll(contract.findings());
        if (model != null && contract.readable() && !gaps.bindingsUnusable()) {
            new BindingChecks(contract.contract(), model, gaps, diagnostics).check();
            new ErrorShapeChecks(contract.contract(), model, diagnostics).check();
            new TextLimitCheck(contract.contract(), model, diagnostics).check();
        }
    }

    private static ContractResult checkContract(LoadedSpec spec) {
        Diagnostics findings = new Diagnostics();
        if (spec.contract().isEmpty()) {
            return new ContractResult(false, null, findings);
        }
        Contract contract = new Contract(spec.contract().get());
        boolean readable = new OpenApiParserCheck().check(spec.contractSource().orElseThrow(), contract, findings);
        if (readable) {
            new ContractChecks().check(contract, findings);
        }
        return new ContractResult(readable, contract, findings);
    }

    /** The contract view travels with its findings, so its indexes are built once. */
    private record ContractResult(boolean readable, Contract contract, Diagnostics findings) {
    }
}
