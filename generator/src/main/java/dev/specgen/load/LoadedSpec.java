package dev.specgen.load;

import java.util.Optional;

/** Both files of a spec, each present when it was read and parsed. */
public record LoadedSpec(SpecPaths paths, Optional<SourceFile> modelSource, Optional<YMap> model,
        Optional<SourceFile> contractSource, Optional<YMap> contract) {

    public boolean complete() {
        return model.isPresent() && contract.isPresent();
    }
}
