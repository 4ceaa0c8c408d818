package dev.specgen.cli;

import dev.specgen.diagnostics.Rule;
import dev.specgen.migrate.MigrationHistoryException;
import dev.specgen.pipeline.Pipeline;
import dev.specgen.render.GeneratedFile;
import dev.specgen.render.Renderer;
import dev.specgen.report.DiagnosticPrinter;
import dev.specgen.report.ReportFormat;
import dev.specgen.write.OutputWriter;
import dev.specgen.write.StaleCheck;
import dev.specgen.write.WritePlan;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "specgen", mixinStandardHelpOptions = true, versionProvider = SpecgenCommand.Version.class,
        description = {
            "Generates a FastAPI + SQLModel backend (JWT auth, per-user isolation) from an OpenAPI contract and a"
                    + " model.yaml, deterministically. Incomplete specs are blocked with every gap listed.",
            "",
            "A spec folder holds model.yaml and contracts/openapi.yaml (GitHub Spec Kit layout)."},
        footer = {"", "Exit codes: 0 clean; 1 blocked (check: also out of date); 2 usage or I/O error;"
                + " 3 internal error.",
            "Example:  specgen generate examples/todo --out build/todo"},
        subcommands = {SpecgenCommand.Validate.class, SpecgenCommand.Generate.class, SpecgenCommand.Check.class,
            SpecgenCommand.Rules.class, SpecgenCommand.Explain.class, InitCommand.class, SchemaCommand.class, TrainCommand.class})
public final class SpecgenCommand implements Callable<Integer> {
    public static final String VERSION = "0.1.0";

    @Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--debug", scope = CommandLine.ScopeType.INHERIT,
            description = "Print the stack trace of an internal error.")
    boolean debug;

    static CommandLine commandLine() {
        CommandLine commandLine = new CommandLine(new SpecgenCommand());
        commandLine.setCaseInsensitiveEnumValuesAllowed(true);
        commandLine.setParameterExceptionHandler((ex, args) -> {
            PrintWriter err = ex.getCommandLine().getErr();
            err.println("specgen: " + ex.getMessage());
            err.println("Run '" + ex.getCommandLine().getCommandSpec().qualifiedName() + " --help' for usage.");
            return ExitCodes.USAGE;
        });
        return commandLine;
    }

    @Override
    public Integer call() {
        spec.commandLine().usage(spec.commandLine().getOut());
        return ExitCodes.USAGE;
    }

    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[] {"specgen " + VERSION};
        }
    }

    /** Runs the pipeline and prints its findings; shared by validate, generate and check. */
    abstract static class SpecCommand implements Callable<Integer> {
        @Spec
        CommandLine.Model.CommandSpec spec;

        @Mixin
        SpecOptions options;

        /** A spec folder that is not there is a usage error, not a spec with gaps. */
        Integer missingSpecDir() {
            if (options.templates != null && !java.nio.file.Files.isDirectory(options.templates)) {
                err().println("specgen: --templates " + options.templates + " is not a folder.");
                return ExitCodes.USAGE;
            }
            if (java.nio.file.Files.isDirectory(options.specDir)) {
                return null;
            }
            err().println("specgen: " + options.specDir + " is not a folder; give the spec folder that holds"
                    + " model.yaml and contracts/openapi.yaml.");
            return ExitCodes.USAGE;
        }

        /**
         * Generates for an output folder, whose migration history the next migration builds on.
         * Empty when that history is unusable: the reason has been printed.
         */
        Optional<Pipeline.Result> runPipeline(Path out, String onUnusableHistory) {
            try {
                return Optional.of(report(new Pipeline(options.templates).run(options.paths(), options.strict, out)));
            } catch (MigrationHistoryException e) {
                err().println("specgen: " + e.getMessage() + "." + onUnusableHistory);
                return Optional.empty();
            }
        }

        Pipeline.Result report(Pipeline.Result result) {
            String printed = new DiagnosticPrinter().print(result.diagnostics().sorted(), options.format, VERSION);
            PrintWriter stream = result.blocked() || options.format != ReportFormat.TEXT ? out() : err();
            if (options.format != ReportFormat.TEXT || !printed.isEmpty()) {
                stream.print(printed);
                stream.flush();
            }
            return result;
        }

        PrintWriter out() {
            return spec.commandLine().getOut();
        }

        PrintWriter err() {
            return spec.commandLine().getErr();
        }

        boolean text() {
            return options.format == ReportFormat.TEXT;
        }
    }

    @Command(name = "validate", mixinStandardHelpOptions = true,
            description = "Check a spec folder and report every blocker at once; writes nothing.")
    static final class Validate extends SpecCommand {
        @Override
        public Integer call() {
            Integer usage = missingSpecDir();
            if (usage != null) {
                return usage;
            }
            Pipeline.Result result = report(new Pipeline(options.templates).validate(options.paths(), options.strict));
            if (result.blocked()) {
                return ExitCodes.BLOCKED;
            }
            if (text()) {
                out().println("specgen: " + options.specDir + " is complete: nothing blocks generation.");
            }
            return ExitCodes.OK;
        }
    }

    @Command(name = "generate", mixinStandardHelpOptions = true,
            description = {"Generate the backend into --out. A blocked spec writes nothing and leaves --out"
                    + " untouched; a failure or Ctrl-C while writing restores the previous output.",
                "Files generated earlier that the spec no longer needs are removed; files specgen did not"
                    + " generate are never touched, and app/hooks/ modules are yours once created.",
                "When model.yaml changed since the last generate into --out, an Alembic migration holding the"
                    + " difference is added to migrations/versions/ (earlier ones are kept as they are). A change"
                    + " that can destroy data is blocked (SG520) until migrations.acknowledge in model.yaml names"
                    + " it."})
    static final class Generate extends SpecCommand {
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
            Optional<Pipeline.Result> run = runPipeline(out, " Nothing was written.");
            if (run.isEmpty()) {
                return ExitCodes.USAGE;
            }
            Pipeline.Result result = run.get();
            if (result.blocked()) {
                return ExitCodes.BLOCKED;
            }
            List<GeneratedFile> files = result.files().orElseThrow();
            OutputWriter writer = new OutputWriter();
            WritePlan plan;
            try {
                plan = writer.plan(out, files);
            } catch (IOException e) {
                err().println("specgen: cannot read " + out + ": " + e.getMessage());
                return ExitCodes.USAGE;
            }
            if (dryRun) {
                printPlan(plan);
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
            } catch (IOException e) {
                err().println("specgen: cannot write " + out + " (" + e.getMessage() + "); the previous output"
                        + " was restored.");
                return ExitCodes.USAGE;
            }
            if (text()) {
                files.stream().filter(f -> f.path().equals(Renderer.SUMMARY)).findFirst()
                        .ifPresent(summary -> out().print(summary.content().lines().skip(1)
                                .collect(java.util.stream.Collectors.joining("\n", "", "\n"))));
                out().println();
                out().println("specgen: " + out + ": " + plan.created().size() + " created, " + plan.modified().size()
                        + " modified, " + plan.deleted().size() + " deleted, " + plan.unchanged().size()
                        + " unchanged. The summary above is " + out.resolve(Renderer.SUMMARY) + ".");
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
            plan.conflicts().forEach(p -> out().println("conflict   " + p + "   (not generated by specgen; needs --force)"));
            plan.unchanged().forEach(p -> out().println("unchanged  " + p));
            out().println("specgen: dry run: " + plan.created().size() + " to create, " + plan.modified().size()
                    + " to modify, " + plan.deleted().size() + " to delete, " + plan.unchanged().size()
                    + " unchanged; nothing written.");
        }
    }

    @Command(name = "check", mixinStandardHelpOptions = true,
            description = {"Regenerate in memory and compare with --out: exit 1 with a unified diff when it is"
                    + " stale (changed, missing or orphaned files).",
                "A model.yaml changed since the last generate makes --out stale: the migration it needs is"
                    + " missing."})
    static final class Check extends SpecCommand {
        @Option(names = {"-o", "--out"}, required = true, paramLabel = "DIR",
                description = "Output folder to compare against.")
        Path out;

        @Override
        public Integer call() throws IOException {
            Integer usage = missingSpecDir();
            if (usage != null) {
                return usage;
            }
            Optional<Pipeline.Result> run = runPipeline(out, "");
            if (run.isEmpty()) {
                return ExitCodes.USAGE;
            }
            Pipeline.Result result = run.get();
            if (result.blocked()) {
                return ExitCodes.BLOCKED;
            }
            if (!java.nio.file.Files.isDirectory(out)) {
                out().println("specgen: " + out + " does not exist: nothing has been generated there yet; run"
                        + " 'specgen generate " + options.specDir + " --out " + out + "'.");
                return ExitCodes.BLOCKED;
            }
            List<String> differences = new StaleCheck().differences(out, result.files().orElseThrow());
            if (differences.isEmpty()) {
                if (text()) {
                    out().println("specgen: " + out + " is up to date.");
                }
                return ExitCodes.OK;
            }
            differences.forEach(out()::print);
            out().println("specgen: " + out + " is out of date (" + differences.size()
                    + " files); run 'specgen generate " + options.specDir + " --out " + out + "'.");
            return ExitCodes.BLOCKED;
        }
    }

    @Command(name = "rules", mixinStandardHelpOptions = true, description = "List every rule specgen checks.")
    static final class Rules implements Callable<Integer> {
        @Spec
        CommandLine.Model.CommandSpec spec;

        @Option(names = "--markdown", description = "Print the catalogue as docs/rules.md.")
        boolean markdown;

        @Override
        public Integer call() {
            PrintWriter out = spec.commandLine().getOut();
            if (markdown) {
                out.print(dev.specgen.diagnostics.RuleDocs.markdown());
                return ExitCodes.OK;
            }
            for (Rule rule : Rule.values()) {
                out.printf("%s  %-32s %-8s %s%n", rule.id(), rule.slug(), rule.severity().label(), rule.title());
            }
            return ExitCodes.OK;
        }
    }

    @Command(name = "explain", mixinStandardHelpOptions = true, description = "Explain one rule, by id or name.")
    static final class Explain implements Callable<Integer> {
        @Spec
        CommandLine.Model.CommandSpec spec;

        @Parameters(paramLabel = "RULE", description = "A rule id (SG302) or name (primary-key-missing).")
        String rule;

        @Override
        public Integer call() {
            PrintWriter out = spec.commandLine().getOut();
            return Rule.find(rule).map(r -> {
                out.println(r.id() + " " + r.slug() + " (" + r.category().title() + ")");
                out.println(r.title() + ".");
                out.println();
                out.println(r.explanation());
                out.println();
                out.println("Example: " + r.example());
                return ExitCodes.OK;
            }).orElseGet(() -> {
                spec.commandLine().getErr().println("specgen: no rule '" + rule + "'; 'specgen rules' lists them.");
                return ExitCodes.USAGE;
            });
        }
    }
}
