package dev.specgen.load;

import dev.specgen.diagnostics.Diagnostics;
import dev.specgen.diagnostics.Rule;
import java.util.Optional;

/** The load stage: reads and parses model.yaml and the OpenAPI contract, keeping marks. */
public final class SpecLoader {
    private final YamlLoader yaml = new YamlLoader();

    public LoadedSpec load(SpecPaths paths, Diagnostics diagnostics) {
        Optional<SourceFile> modelSource = yaml.read(paths.model(), SpecPaths.display(paths.model()), diagnostics);
        Optional<YMap> model = modelSource.flatMap(s -> yaml.parse(s, diagnostics));

        Optional<SourceFile> contractSource;
        if (!paths.openapiFound()) {
            Mark at = Mark.startOf(SpecPaths.display(paths.openapi().getParent()));
            diagnostics.report(Rule.SPEC_FILE_MISSING, at, "",
                    SpecPaths.display(paths.openapi().getParent()) + " holds no OpenAPI document"
                            + " (looked for openapi.yaml, openapi.yml, openapi.json)",
                    "add the OpenAPI 3.x contract as contracts/openapi.yaml, or name it with --openapi");
            contractSource = Optional.empty();
        } else {
            contractSource = yaml.read(paths.openapi(), SpecPaths.display(paths.openapi()), diagnostics);
        }
        Optional<YMap> contract = contractSource.flatMap(s -> yaml.parse(s, diagnostics));
        return new LoadedSpec(paths, modelSource, model, contractSource, contract);
    }
}
