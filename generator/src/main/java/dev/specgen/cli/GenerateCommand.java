package dev.specgen.cli;

import dev.specgen.pipeline.Pipeline;
import dev.specgen.render.GeneratedFile;
import dev.specgen.render.Renderer;
import dev.specgen.write.OutputWriter;
import dev.specgen.write.WriteFailure;
import dev.specgen.write.WritePlan;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "generate", mixinStandardHelpOptions = true,
        description = {"Generate the backend into --out. A blocked spec writes nothing and leaves --out"
                + " untouched; a failure or Ctrl-C while writing restores the previous output.",
            "Files generated earlier that the spec no longer needs are removed; files specgen did not"
                + " generate are never touched, and app/hooks/ modules are yours once created.",
            "When model.yaml changed since the last generate into --out, an Alembic migration holding the"
                + " difference is added to migrations/versions/ (earlier ones are kept as they are). A change"
                + " that can destroy data is blocked (SG520) until migrations.acknowledge in model.yaml names"
                + " it."})
final class GenerateCommand extends SpecgenCommand.SpecCommand {
    @Option(names = {"-o", "--out"}, required = true, paramLabel = "DIR",
            description = "Output folder for the generated backend.")
    Path out;

    @Option(names = "--dry-run", description = "List the files that would be created, modified, deleted or"
            + " left unchanged, and write nothing.")
    boolean dryRun;

    @Option(names = "--force", description = "Overwrite files in --out that specgen did not generate.")
    boolean force;

    @Override
    public Integer call() throws IOException {
        Integer usage = missingSpecDir();
        if (usage != null) {
            return usage;
        }
        java.util.Optional<Pipeline.Result> run = runPipeline(out, " Nothing was written.");
        if (run.isEmpty()) {
            return ExitCodes.USAGE;
        }
        Pipeline.Result result = run.get();
        if (result.blocked()) {
            return ExitCodes.BLOCKED;
        }
        List<GeneratedFile> files = result.files().orElseThrow();
        OutputWriter writer = new OutputWriter(stamp(result));
        WritePlan plan;
        try {
            plan = writer.plan(out, files);
        } catch (IOException e) {
            err().println("specgen: cannot read " + out + ": " + e.getMessage());
            return ExitCodes.USAGE;
        }
        if (dryRun) {
            printPlan(plan);
            if (!plan.conflicts().isEmpty() && !force) {
                // The same answer the real run would give: a dry run that passes must mean generate will.
                boolean one = plan.conflicts().size() == 1;
                err().println("specgen: generate would stop: " + out + " holds " + SpecgenCommand.count(plan.conflicts().size(),
                        "file") + " specgen did not generate (marked conflict above); move " + (one ? "it" : "them")
                        + " away, or pass --force to overwrite " + (one ? "it." : "them."));
                return ExitCodes.USAGE;
            }
            return ExitCodes.OK;
        }
        if (!plan.conflicts().isEmpty() && !force) {
            err().println("specgen: " + out + " holds files specgen did not generate at paths it needs:");
            plan.conflicts().forEach(path -> err().println("  " + path));
            err().println("Move them away, or pass --force to overwrite them. Nothing was written.");
            return ExitCodes.USAGE;
        }
        if (!plan.conflicts().isEmpty()) {
            List<String> modified = new java.util.ArrayList<>(plan.modified());
            modified.addAll(plan.conflicts());
            plan = new WritePlan(plan.created(), modified, plan.deleted(), plan.unchanged(), List.of());
        }
        try {
            writer.apply(out, files, plan);
        } catch (WriteFailure e) {
            err().println("specgen: cannot write " + out + ": " + e.file().map(f -> f + ": ").orElse("")
                    + e.getMessage() + ". " + e.keptBackup().map(kept -> "Putting the previous output back failed"
                    + " too; the files it replaced are kept in " + kept + ".").orElse(e.hadPreviousOutput()
                    ? "The previous output is unchanged." : "Nothing was written."));
            return ExitCodes.USAGE;
        }
        if (text()) {
            int changed = plan.created().size() + plan.modified().size() + plan.deleted().size();
            out().println(changed == 0
                    ? "specgen: " + out + " is up to date (" + SpecgenCommand.count(plan.unchanged().size(), "file")
                            + " unchanged)."
                    : "specgen: generated " + out + ": " + plan.created().size() + " created, "
                            + plan.modified().size() + " modified, " + plan.deleted().size() + " deleted, "
                            + plan.unchanged().size() + " unchanged.");
            out().println("Summary (endpoints, models, rules, checklist): " + out.resolve(Renderer.SUMMARY));
            result.migrations().flatMap(m -> m.next()).filter(m -> m.hasParent).ifPresent(m -> out().println(
                    "specgen: model.yaml changed, so " + out.resolve(m.path) + " migrates the database: run"
                    + " 'alembic upgrade head' (over the direct database URL) before starting this version."));
            out().println("Run it:  cd " + out + " && python3 -m venv .venv && .venv/bin/pip install -r"
                    + " requirements.txt && .venv/bin/alembic upgrade head && "
                    + result.service().orElseThrow().auth.keyEnv + "=... .venv/bin/uvicorn app.main:app");
        }
        return ExitCodes.OK;
    }

    private void printPlan(WritePlan plan) {
        plan.created().forEach(p -> out().println("create     " + p));
        plan.modified().forEach(p -> out().println("modify     " + p));
        plan.deleted().forEach(p -> out().println("delete     " + p));
        plan.conflicts().forEach(p -> out().println(force
                ? "overwrite  " + p + "   (not generated by specgen; --force overwrites it)"
                : "conflict   " + p + "   (not generated by specgen; needs --force)"));
        plan.unchanged().forEach(p -> out().println("unchanged  " + p));
        out().println("specgen: dry run: " + plan.created().size() + " to create, " + plan.modified().size()
                + " to modify, " + plan.deleted().size() + " to delete, " + plan.unchanged().size()
                + " unchanged; nothing written.");
    }
}
