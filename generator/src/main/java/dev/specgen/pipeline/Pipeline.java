package dev.specgen.pipeline;

import dev.specgen.contract.Contract;
import dev.specgen.diagnostics.Diagnostics;
import dev.specgen.load.LoadedSpec;
import dev.specgen.load.SpecLoader;
import dev.specgen.load.SpecPaths;
import dev.specgen.modeldoc.ModelDoc;
import dev.specgen.render.GeneratedFile;
import dev.specgen.render.Renderer;
import dev.specgen.resolve.Resolver;
import dev.specgen.resolve.ServiceModel;
import dev.specgen.validate.Validator;
import java.util.List;
import java.util.Optional;

/** load -> validate -> resolve -> render, stopping at the first stage that finds blockers. */
public final class Pipeline {
    private final java.nio.file.Path templates;

    public Pipeline() {
        this(null);
    }

    /** templates: a folder of user template groups overriding the built-in ones, or null. */
    public Pipeline(java.nio.file.Path templates) {
        this.templates = templates;
    }

    public Result run(SpecPaths paths, boolean strict) {
        return run(paths, strict, true);
    }

    /** load and validate only: what `specgen validate` needs, without resolving and rendering. */
    public Result validate(SpecPaths paths, boolean strict) {
        return run(paths, strict, false);
    }

    private Result run(SpecPaths paths, boolean strict, boolean render) {
        Diagnostics diagnostics = new Diagnostics();
        LoadedSpec spec = new SpecLoader().load(paths, diagnostics);
        new Validator().validate(spec, diagnostics);
        boolean blocked = diagnostics.hasErrors() || (strict && !diagnostics.isEmpty()) || !spec.complete();
        if (blocked) {
            return new Result(diagnostics, Optional.empty(), Optional.empty(), true);
        }
        if (!render) {
            return new Result(diagnostics, Optional.empty(), Optional.empty(), false);
        }
        ServiceModel service = new Resolver(new ModelDoc(spec.model().get()), new Contract(spec.contract().get()))
                .resolve();
        return new Result(diagnostics, Optional.of(new Renderer(templates).render(service)), Optional.of(service),
                false);
    }

    /** The findings, and the files when nothing blocked. */
    public record Result(Diagnostics diagnostics, Optional<List<GeneratedFile>> files,
            Optional<ServiceModel> service, boolean blocked) {
    }
}
