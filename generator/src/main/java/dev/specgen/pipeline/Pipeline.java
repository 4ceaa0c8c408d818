package dev.specgen.pipeline;

import dev.specgen.contract.Contract;
import dev.specgen.diagnostics.Diagnostics;
import dev.specgen.load.LoadedSpec;
import dev.specgen.load.SpecLoader;
import dev.specgen.load.SpecPaths;
import dev.specgen.migrate.MigrationHistory;
import dev.specgen.migrate.MigrationPlan;
import dev.specgen.migrate.MigrationPlanner;
import dev.specgen.modeldoc.ModelDoc;
import dev.specgen.render.GeneratedFile;
import dev.specgen.render.Renderer;
import dev.specgen.resolve.Resolver;
import dev.specgen.resolve.ServiceModel;
import dev.specgen.validate.Validator;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * load -> validate -> resolve -> migrate -> render, stopping at the first stage that finds
 * blockers. migrate diffs the model against the migration history of the output folder, when
 * there is one: that is where the previous model is kept.
 */
public final class Pipeline {
    private final Path templates;

    public Pipeline() {
        this(null);
    }

    /** templates: a folder of user template groups overriding the built-in ones, or null. */
    public Pipeline(Path templates) {
        this.templates = templates;
    }

    /** Generates as into an empty folder: the first migration creates every table. */
    public Result run(SpecPaths paths, boolean strict) {
        return run(paths, strict, true, null);
    }

    /**
     * Generates for an output folder: its migration history decides what the next migration holds.
     *
     * @throws dev.specgen.migrate.MigrationHistoryException when that history cannot be used
     */
    public Result run(SpecPaths paths, boolean strict, Path outDir) {
        return run(paths, strict, true, outDir);
    }

    /** load and validate only: what `specgen validate` needs, without resolving and rendering. */
    public Result validate(SpecPaths paths, boolean strict) {
        return run(paths, strict, false, null);
    }

    private Result run(SpecPaths paths, boolean strict, boolean render, Path outDir) {
        Diagnostics diagnostics = new Diagnostics();
        LoadedSpec spec = new SpecLoader().load(paths, diagnostics);
        new Validator().validate(spec, diagnostics);
        if (!diagnostics.hasErrors() && spec.complete()) {
            HandwrittenCheck.check(new ModelDoc(spec.model().get()), outDir, diagnostics);
        }
        if (blocked(diagnostics, strict) || !spec.complete()) {
            return new Result(diagnostics, Optional.empty(), Optional.empty(), Optional.empty(), true);
        }
        if (!render) {
            return new Result(diagnostics, Optional.empty(), Optional.empty(), Optional.empty(), false);
        }
        ModelDoc model = new ModelDoc(spec.model().get());
        ServiceModel service = new Resolver(model, new Contract(spec.contract().get())).resolve();
        MigrationPlan migrations = new MigrationPlanner().plan(model, MigrationHistory.read(outDir), diagnostics);
        if (blocked(diagnostics, strict)) {
            return new Result(diagnostics, Optional.empty(), Optional.empty(), Optional.empty(), true);
        }
        return new Result(diagnostics, Optional.of(new Renderer(templates).render(service, migrations)),
                Optional.of(service), Optional.of(migrations), false);
    }

    private static boolean blocked(Diagnostics diagnostics, boolean strict) {
        return diagnostics.hasErrors() || (strict && !diagnostics.isEmpty());
    }

    /** The findings, and the files when nothing blocked. */
    public record Result(Diagnostics diagnostics, Optional<List<GeneratedFile>> files,
            Optional<ServiceModel> service, Optional<MigrationPlan> migrations, boolean blocked) {
    }
}
