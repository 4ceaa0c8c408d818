package dev.specgen.load;

import dev.specgen.diagnostics.Diagnostics;
import dev.specgen.diagnostics.Rule;
import java.nio.file.Path;
import java.util.Optional;

/** The load stage: reads and parses model.yaml and the OpenAPI contract, keeping marks. */
public final class SpecLoader {
    private final YamlLoader yaml = new YamlLoader();

    public LoadedSpec load(SpecPaths paths, Diagnostics diagnostics) {
        Optional<SourceFile> modelSource = yaml.read(paths.model(), SpecPaths.display(paths.model()), diagnostics);
        Optional<YMap> model = modelSource.flatMap(s -> yaml.parse(s, diagnostics));

        Optional<SourceFile> contractSource;
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
            contractSource = Optional.empty();
        } else {
            contractSource = yaml.read(paths.openapi(), SpecPaths.display(paths.openapi()), diagnostics);
        }
        Optional<YMap> contract = contractSource.flatMap(s -> yaml.parse(s, diagnostics));
        return new LoadedSpec(paths, modelSource, model, contractSource, contract);
    }
}
