package dev.specgen.cli;

import dev.specgen.contract.Contract;
import dev.specgen.diagnostics.Diagnostics;
import dev.specgen.draft.Decision;
import dev.specgen.draft.Draft;
import dev.specgen.draft.Drafter;
import dev.specgen.load.SpecPaths;
import dev.specgen.load.YMap;
import dev.specgen.load.YamlLoader;
import dev.specgen.report.DiagnosticPrinter;
import dev.specgen.report.ReportFormat;
import dev.specgen.validate.ModelSchemaCheck;
import dev.specgen.write.WriteFailure;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Optional;

/**
 * init in a folder that already has a contract: writes a draft model.yaml inferred from it (and from
 * data-model.md), then says which decisions are left and where. The draft is never generated from:
 * its decisions keep validate blocked until the user makes them.
 */
final class DraftInit {
    private final PrintWriter out;
    private final PrintWriter err;
    private final String self;

    DraftInit(PrintWriter out, PrintWriter err, String self) {
        this.out = out;
        this.err = err;
        this.self = self;
    }

    /**
     * @param openapiOption the --openapi path when given (later commands need it too), else null
     */
    int run(Path specDir, Path contractPath, Path openapiOption, Optional<Path> dataModelPath, boolean force,
            boolean accept) {
        Path model = specDir.resolve("model.yaml");
        if (Files.exists(model) && !force) {
            err.println("specgen: " + model + " already exists; init never overwrites it (--force replaces it with a"
                    + " new draft). Nothing was written.");
            return ExitCodes.USAGE;
        }
        Diagnostics diagnostics = new Diagnostics();
        YamlLoader yaml = new YamlLoader();
        Optional<YMap> root = yaml.read(contractPath, SpecPaths.display(contractPath), diagnostics)
                .flatMap(source -> yaml.parse(source, diagnostics));
        if (root.isEmpty() || diagnostics.hasErrors()) {
            out.print(new DiagnosticPrinter().print(diagnostics.sorted(), ReportFormat.TEXT, SpecgenCommand.VERSION));
            err.println("specgen: cannot draft model.yaml: " + SpecPaths.display(contractPath) + " does not load"
                    + " (above). Nothing was written.");
            return ExitCodes.BLOCKED;
        }
        Optional<String> dataModel;
        try {
            dataModel = dataModelPath.isPresent() ? Optional.of(Files.readString(dataModelPath.get(),
                    StandardCharsets.UTF_8)) : Optional.empty();
        } catch (IOException e) {
            err.println("specgen: cannot read " + dataModelPath.get() + ": " + WriteFailure.reason(e)
                    + ". Nothing was written.");
            return ExitCodes.USAGE;
        }
        Draft draft = new Drafter().draft(new Contract(root.get()), dataModel, new Drafter.Sources(
                relative(specDir, contractPath), dataModelPath.map(p -> relative(specDir, p)), "model.schema.json"));
        Path schema = specDir.resolve("model.schema.json");
        boolean writeSchema = force || !Files.exists(schema);
        try {
            replace(model, accept ? draft.text(draft.decisions().stream().map(Decision::id)
                    .collect(java.util.stream.Collectors.toSet())) : draft.text());
            out.println("created  " + model + "  (a draft: read its comments)");
            if (writeSchema) {
                replace(schema, InitCommand.resource(ModelSchemaCheck.SCHEMA_RESOURCE));
                out.println("created  " + schema);
            }
        } catch (IOException e) {
            err.println("specgen: cannot write " + (e instanceof java.nio.file.FileSystemException fs
                    && fs.getFile() != null ? fs.getFile() : model) + ": " + WriteFailure.reason(e) + ".");
            return ExitCodes.USAGE;
        }
        if (accept) {
            long open = draft.decisions().stream().filter(d -> !d.suggested()).count();
            out.println(draft.decisions().size() + " decisions taken as suggested, " + open + " without a suggestion left"
                    + " open");
            return ExitCodes.OK;
        }
        summary(specDir, model, openapiOption, draft);
        return ExitCodes.OK;
    }

    private void summary(Path specDir, Path model, Path openapiOption, Draft draft) {
        List<Decision> decisions = draft.decisions();
        String options = openapiOption == null ? "" : " --openapi " + openapiOption;
        if (decisions.isEmpty()) {
            out.println("Nothing is left to decide. Next:  " + self + " validate " + specDir + options);
            return;
        }
        out.println(decisions.size() + (decisions.size() == 1 ? " decision is" : " decisions are")
                + " left to you, each a \"# DECIDE\" comment with a suggestion under it:");
        for (Decision decision : decisions) {
            out.println("  " + SpecPaths.display(model) + ":" + draft.lineOf(decision) + "  " + decision.title()
                    + (decision.suggested() ? "" : "  (no suggestion this specgen can take)"));
        }
        out.println("Next: make " + (decisions.size() == 1 ? "it" : "each") + ", then  " + self + " validate " + specDir
                + options + "  (it blocks while " + (decisions.size() == 1 ? "it is" : "any is") + " open)");
    }

    /** Writes through a temporary file beside the target, so a failure never leaves half a file. */
    private static void replace(Path target, String content) throws IOException {
        Path dir = target.toAbsolutePath().getParent();
        Files.createDirectories(dir);
        Path temp = Files.createTempFile(dir, ".specgen-init-", ".tmp");
        try {
            Files.writeString(temp, content, StandardCharsets.UTF_8);
            try {
                Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (java.nio.file.AtomicMoveNotSupportedException e) {
                Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(temp);
        }
    }

    /** A path as the draft's header names it: relative to the spec folder, with forward slashes. */
    private static String relative(Path specDir, Path file) {
        Path base = specDir.toAbsolutePath().normalize();
        Path target = file.toAbsolutePath().normalize();
        Path shown = target.startsWith(base) ? base.relativize(target) : target;
        return shown.toString().replace('\\', '/');
    }
}
