package dev.specgen.cli;

import dev.specgen.load.SpecPaths;
import dev.specgen.validate.ModelSchemaCheck;
import dev.specgen.write.WriteFailure;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "init", mixinStandardHelpOptions = true,
        description = {"Start model.yaml.",
            "In a folder that already has a contract (contracts/*.yaml, or --openapi), write a DRAFT model.yaml"
                    + " inferred from it and from data-model.md: entities and fields from the schemas and tables,"
                    + " one binding per operation. Each inferred value says where it comes from; each choice"
                    + " specgen will not make (ownership above all) is a \"# DECIDE\" comment with a suggestion,"
                    + " and validate blocks until you make it.",
            "In an empty or new folder, create a spec that validates: model.yaml and contracts/openapi.yaml"
                    + " for one owned entity.",
            "Existing files are never overwritten (--force replaces an existing model.yaml with a new draft)."},
        footer = {"", "Example:  ${ROOT-COMMAND-NAME} init specs/001-items && ${ROOT-COMMAND-NAME} generate"
                + " specs/001-items --out backend",
            "Example:  ${ROOT-COMMAND-NAME} init specs/002-ledger    # it has a contract: drafts model.yaml"})
final class InitCommand implements Callable<Integer> {
    @Spec
    CommandLine.Model.CommandSpec spec;

    @Parameters(paramLabel = "SPEC_DIR", description = "Folder of the spec (created if missing).")
    Path specDir;

    @Option(names = "--openapi", paramLabel = "FILE",
            description = "Contract to draft from instead of the one in SPEC_DIR/contracts/.")
    Path openapi;

    @Option(names = "--data-model", paramLabel = "FILE",
            description = "data-model.md to read instead of SPEC_DIR/data-model.md (used when present).")
    Path dataModel;

    @Option(names = "--force", description = "Replace an existing model.yaml with a new draft.")
    boolean force;

    /**
     * Writes every suggestion live (ownership included). Hidden: it is for measuring the drafts
     * (scripts/init-table.py), not for users, whose ownership must be a choice they make.
     */
    @Option(names = "--accept-suggestions", hidden = true)
    boolean acceptSuggestions;

    @Override
    public Integer call() throws IOException {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (Files.exists(specDir) && !Files.isDirectory(specDir)) {
            err.println("specgen: " + specDir + " is a file; init needs a folder to create model.yaml and"
                    + " contracts/openapi.yaml in (it is created if missing). Nothing was written.");
            return ExitCodes.USAGE;
        }
        Integer drafted = draft(out, err);
        if (drafted != null) {
            return drafted;
        }
        if (force) {
            err.println("specgen: --force only replaces a drafted model.yaml, and " + specDir + " has no contract to"
                    + " draft from; a new spec never overwrites anything, so run init without --force. Nothing was"
                    + " written.");
            return ExitCodes.USAGE;
        }
        Map<Path, String> files = files(specDir);
        List<Path> existing = new ArrayList<>(files.keySet().stream().filter(Files::exists).toList());
        if (!existing.isEmpty()) {
            err.println("specgen: " + existing.get(0) + " already exists; init never overwrites. Nothing was written.");
            return ExitCodes.USAGE;
        }
        List<Path> created = new ArrayList<>();
        try {
            for (Map.Entry<Path, String> file : files.entrySet()) {
                write(file.getKey(), file.getValue());
                created.add(file.getKey());
                out.println("created  " + file.getKey());
            }
        } catch (IOException e) {
            err.println("specgen: cannot create " + (e instanceof java.nio.file.FileSystemException fs
                    && fs.getFile() != null ? fs.getFile() : specDir) + ": " + WriteFailure.reason(e) + "."
                    + (created.isEmpty() ? " Nothing was written." : " The files listed above were created."));
            return ExitCodes.USAGE;
        }
        String self = spec.root().name();
        out.println("Next: edit both files, then  " + self + " validate " + specDir + "  and  " + self + " generate "
                + specDir + " --out backend");
        return ExitCodes.OK;
    }

    /**
     * Drafts model.yaml when the folder has a contract (or --openapi names one); null when it has none,
     * so the scaffold is written instead.
     */
    private Integer draft(PrintWriter out, PrintWriter err) {
        Path contract = openapi;
        if (contract != null && !Files.isRegularFile(contract)) {
            err.println("specgen: --openapi " + contract + " is not a file. Nothing was written.");
            return ExitCodes.USAGE;
        }
        if (dataModel != null && !Files.isRegularFile(dataModel)) {
            err.println("specgen: --data-model " + dataModel + " is not a file. Nothing was written.");
            return ExitCodes.USAGE;
        }
        if (contract == null) {
            SpecPaths paths = SpecPaths.locate(specDir, null, null);
            if (paths.contractCandidates().size() > 1) {
                err.println("specgen: " + SpecPaths.display(specDir.resolve("contracts")) + " holds several OpenAPI"
                        + " documents (" + String.join(", ", paths.contractCandidates().stream()
                        .map(p -> p.getFileName().toString()).toList()) + "); name the one to draft from with"
                        + " --openapi FILE. Nothing was written.");
                return ExitCodes.USAGE;
            }
            if (!paths.openapiFound() || !Files.isRegularFile(paths.openapi())) {
                if (dataModel != null) {
                    err.println("specgen: init drafts model.yaml from a contract, and " + specDir + " has none"
                            + " (contracts/openapi.yaml, or --openapi FILE). Nothing was written.");
                    return ExitCodes.USAGE;
                }
                return null;
            }
            contract = paths.openapi();
        }
        Path tables = dataModel != null ? dataModel : specDir.resolve("data-model.md");
        return new DraftInit(out, err, spec.root().name()).run(specDir, contract, openapi,
                Files.isRegularFile(tables) ? java.util.Optional.of(tables) : java.util.Optional.empty(), force,
                acceptSuggestions);
    }

    /** Writes the scaffold into a folder; used by init and by the launcher's training run. */
    List<Path> scaffold(Path dir) throws IOException {
        return write(files(dir));
    }

    private static Map<Path, String> files(Path dir) throws IOException {
        String title = yamlString(titleOf(dir));
        Map<Path, String> files = new LinkedHashMap<>();
        files.put(dir.resolve("model.yaml"), resource("/init/model.yaml").replace("{{TITLE}}", title));
        files.put(dir.resolve("model.schema.json"), resource(ModelSchemaCheck.SCHEMA_RESOURCE));
        files.put(dir.resolve("contracts/openapi.yaml"), resource("/init/openapi.yaml").replace("{{TITLE}}", title));
        return files;
    }

    private static List<Path> write(Map<Path, String> files) throws IOException {
        for (Map.Entry<Path, String> file : files.entrySet()) {
            write(file.getKey(), file.getValue());
        }
        return List.copyOf(files.keySet());
    }

    private static void write(Path file, String content) throws IOException {
        Files.createDirectories(file.toAbsolutePath().getParent());
        Files.writeString(file, content, StandardCharsets.UTF_8);
    }

    /** "001-task-list" becomes "Task List API". */
    static String titleOf(Path dir) {
        String name = dir.toAbsolutePath().normalize().getFileName().toString().replaceFirst("^[0-9]+[-_ ]*", "");
        StringBuilder title = new StringBuilder();
        for (String word : name.split("[-_ ]+")) {
            if (!word.isEmpty()) {
                title.append(Character.toUpperCase(word.charAt(0))).append(word.substring(1).toLowerCase(Locale.ROOT))
                        .append(' ');
            }
        }
        return (title.length() == 0 ? "My" : title.toString().trim()) + " API";
    }

    private static String yamlString(String value) {
        return "\"" + value.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }

    static String resource(String name) throws IOException {
        try (InputStream in = InitCommand.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("missing packaged resource " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
