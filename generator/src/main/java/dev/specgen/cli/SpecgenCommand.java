package dev.specgen.cli;

import dev.specgen.diagnostics.Rule;
import dev.specgen.migrate.MigrationHistoryException;
import dev.specgen.pipeline.FreshOutput;
import dev.specgen.pipeline.Pipeline;
import dev.specgen.report.DiagnosticPrinter;
import dev.specgen.report.ReportFormat;
import dev.specgen.write.Manifest;
import dev.specgen.write.StaleCheck;
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
            "Example:  ${ROOT-COMMAND-NAME} generate examples/todo --out build/todo"},
        subcommands = {SpecgenCommand.Validate.class, GenerateCommand.class, SpecgenCommand.Check.class,
            SpecgenCommand.Rules.class, SpecgenCommand.Explain.class, InitCommand.class, FixCommand.class, SchemaCommand.class, TrainCommand.class})
public final class SpecgenCommand implements Callable<Integer> {
    public static final String VERSION = "0.1.0";

    @Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--debug", scope = CommandLine.ScopeType.INHERIT,
            description = "Print the stack trace of an internal error.")
    boolean debug;

    /**
     * The command line, named as the user runs specgen: the launcher passes -Dspecgen.command
     * ("./specgen", or "specgen" when it is on PATH), so every hint can be pasted as it is.
     */
    static CommandLine commandLine() {
        CommandLine commandLine = new CommandLine(new SpecgenCommand());
        commandLine.setCommandName(commandName());
        commandLine.setCaseInsensitiveEnumValuesAllowed(true);
        commandLine.setParameterExceptionHandler((ex, args) -> {
            PrintWriter err = ex.getCommandLine().getErr();
            err.println("specgen: " + ex.getMessage());
            // A misspelt command or option: picocli knows the close ones ("Did you mean: validate?").
            CommandLine.UnmatchedArgumentException.printSuggestions(ex, err);
            err.println("Run '" + ex.getCommandLine().getCommandSpec().qualifiedName() + " --help' for usage.");
            return ExitCodes.USAGE;
        });
        return commandLine;
    }

    static String commandName() {
        String name = System.getProperty("specgen.command", "").strip();
        return name.isEmpty() ? "specgen" : name;
    }

    /** "1 file", "2 files". */
    static String count(int n, String noun) {
        return n + " " + noun + (n == 1 ? "" : "s");
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

        /** What this run was generated from, for the manifest, so a later `check` may skip rendering. */
        Manifest.Stamp stamp(Pipeline.Result result) {
            return FreshOutput.stamp(result.diagnostics(), options.paths(), options.templates);
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

        /** How the user runs specgen, for hints that can be pasted as they are. */
        String self() {
            return spec.root().name();
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

    @Command(name = "check", mixinStandardHelpOptions = true,
            description = {"Regenerate in memory and compare with --out: exit 1 with a unified diff when it is"
                    + " stale (changed, missing or orphaned files).",
                "A model.yaml changed since the last generate makes --out stale: the migration it needs is"
                    + " missing.",
                "When nothing --out was generated from has changed (specgen's build, model.yaml, the contract,"
                    + " --templates) and every generated file still has the SHA-256 its .specgen-manifest"
                    + " records, check says so without rendering, printing the warnings that generate found. --strict, --format"
                    + " other than text, or any doubt makes it regenerate in memory as before."})
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
            if (text() && !options.strict && java.nio.file.Files.isDirectory(out)) {
                Optional<dev.specgen.diagnostics.Diagnostics> recorded = FreshOutput.check(out, options.paths(),
                        options.templates);
                if (recorded.isPresent()) {
                    report(new Pipeline.Result(recorded.get(), Optional.empty(), Optional.empty(), Optional.empty(),
                            false));
                    out().println("specgen: " + out + " is up to date.");
                    return ExitCodes.OK;
                }
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
                        + " '" + self() + " generate " + options.specDir + " --out " + out + "'.");
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
            out().println("specgen: " + out + " is out of date (" + count(differences.size(), "file")
                    + "); run '" + self() + " generate " + options.specDir + " --out " + out + "'.");
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
            // By id, as users look them up (the catalogue itself is grouped by the seed's criteria).
            for (Rule rule : java.util.Arrays.stream(Rule.values())
                    .sorted(java.util.Comparator.comparing(Rule::id)).toList()) {
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
                spec.commandLine().getErr().println("specgen: no rule '" + rule + "'; '" + spec.root().name()
                        + " rules' lists them.");
                return ExitCodes.USAGE;
            });
        }
    }
}
