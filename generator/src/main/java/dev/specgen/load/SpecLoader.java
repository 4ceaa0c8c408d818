package dev.specgen.load;

import dev.specgen.diagnostics.Diagnostics;
import dev.specgen.diagnostics.Rule;
import java.nio.file.Path;
import java.util.Optional;

/** The load stage: reads and parses model.yaml and the OpenAPI contract, keeping marks. */
public final class SpecLoader {
    private final YamlLoader yaml = new YamlLoader();

    /** Reads both files; the contract, usually the larger, is parsed on a second thread meanwhile. */
    public LoadedSpec load(SpecPaths paths, Diagnostics diagnostics) {
        java.util.concurrent.CompletableFuture<ContractLoad> contractLoad =
                java.util.concurrent.CompletableFuture.supplyAsync(() -> loadContract(paths));
        Optional<SourceFile> modelSource = yaml.read(paths.model(), SpecPaths.display(paths.model()), diagnostics);
        Optional<YMap> model = modelSource.flatMap(s -> yaml.parse(s, diagnostics));
        ContractLoad contract;
        try {
            contract = contractLoad.join();
        } catch (java.util.concurrent.CompletionException e) {
            throw e.getCause() instanceof RuntimeException runtime ? runtime : e;
        }
        diagnostics.addAll(contract.diagnostics());
        return new LoadedSpec(paths, modelSource, model, contract.source(), contract.root());
    }

    private record ContractLoad(Optional<SourceFile> source, Optional<YMap> root, Diagnostics diagnostics) {
    }

    private ContractLoad loadContract(SpecPaths paths) {
        Diagnostics diagnostics = new Diagnostics();
        if (!paths.openapiFound()) {
            Path contracts = paths.openapi().getParent();
            Mark at = Mark.startOf(SpecPaths.display(contracts));
            String reason;
            String required;
            if (paths.contractCandidates().size() > 1) {
                reason = SpecPaths.display(contracts) + " holds several OpenAPI documents ("
                        + String.join(", ", paths.contractCandidates().stream()
                        .map(p -> p.getFileName().toString()).toList()) + ")";
                required = "name the one to implement with --openapi FILE";
            } else {
                reason = SpecPaths.display(contracts) + " holds no OpenAPI document"
                        + (paths.contractsListing().isEmpty() ? "" : " (it has " + String.join(", ",
                        paths.contractsListing()) + ")");
                required = "an OpenAPI 3.x contract in contracts/ (for example contracts/openapi.yaml), or name"
                        + " it with --openapi";
            }
            diagnostics.report(Rule.SPEC_FILE_MISSING, at, "", reason, required);
            return new ContractLoad(Optional.empty(), Optional.empty(), diagnostics);
        }
        Optional<SourceFile> source = new YamlLoader().read(paths.openapi(), SpecPaths.display(paths.openapi()),
                diagnostics);
        Optional<YMap> root = source.flatMap(s -> new YamlLoader().parse(s, diagnostics));
        return new ContractLoad(source, root, diagnostics);
    }
}
