package dev.specgen.cli;

import com.github.difflib.DiffUtils;
import com.github.difflib.UnifiedDiffUtils;
import dev.specgen.fix.NullableRepair;
import dev.specgen.load.SpecPaths;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "fix", mixinStandardHelpOptions = true,
        description = {"Repair, in the contract, what is purely mechanical to repair, and nothing else. Today:"
                + " nullable: true in an OpenAPI 3.1 document (SG219), which 3.1 ignores, so that validators,"
                + " generated clients and Schemathesis read the field as never null.",
            "",
            "Without --write it prints the exact edits as a unified diff and changes nothing (exit 1 when there"
                + " is something to repair, 0 when nothing is). With --write it makes them in place: only the"
                + " keywords concerned change; comments, key order, quoting and layout stay as they are.",
            "",
            "  type: string, nullable: true      ->  type: [string, \"null\"]",
            "  $ref: '#/...', nullable: true     ->  anyOf: [{$ref: '#/...'}, {type: \"null\"}]",
            "  allOf: [X], nullable: true        ->  anyOf: [X, {type: \"null\"}]",
            "  anyOf/oneOf: [...], nullable: true ->  the same list with {type: \"null\"} added",
            "  enum: [a, b] (with nullable)      ->  enum: [a, b, null]",
            "",
            "A schema none of these fits is listed with its place and left for you to rewrite. Review the diff"
                + " and commit it like any other change to the contract; then run validate again."},
        footer = {"", "Example:  ${ROOT-COMMAND-NAME} fix specs/001-todo            # print the diff",
            "Example:  ${ROOT-COMMAND-NAME} fix specs/001-todo --write    # make the edits"})
final class FixCommand implements Callable<Integer> {
    @Spec
    CommandLine.Model.CommandSpec spec;

    @Parameters(index = "0", paramLabel = "SPEC_DIR",
            description = "Spec folder holding contracts/openapi.yaml (Spec Kit layout).")
    Path specDir;

    @Option(names = "--openapi", paramLabel = "FILE",
            description = "Contract to repair instead of SPEC_DIR/contracts/openapi.yaml.")
    Path openapi;

    @Option(names = "--write", description = "Make the edits in the contract instead of printing them.")
    boolean write;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (openapi == null && !Files.isDirectory(specDir)) {
            err.println("specgen: " + specDir + " is not a folder; give the spec folder that holds"
                    + " contracts/openapi.yaml.");
            return ExitCodes.USAGE;
        }
        Path contract = SpecPaths.locate(specDir, null, openapi).openapi();
        if (contract == null || !Files.isRegularFile(contract)) {
            err.println("specgen: no contract found in " + specDir + " (looked for contracts/openapi.yaml); name"
                    + " it with --openapi FILE.");
            return ExitCodes.USAGE;
        }
        String shown = SpecPaths.display(contract).toString();
        String text;
        try {
            text = Files.readString(contract, StandardCharsets.UTF_8);
        } catch (IOException e) {
            err.println("specgen: cannot read " + shown + ": " + e.getMessage());
            return ExitCodes.USAGE;
        }
        NullableRepair.Result result;
        try {
            result = NullableRepair.of(text, shown);
        } catch (IllegalArgumentException e) {
            err.println("specgen: " + e.getMessage() + " (run validate for its place)");
            return ExitCodes.BLOCKED;
        }
        for (NullableRepair.Manual manual : result.manual()) {
            err.println(shown + ":" + manual.line() + ":" + manual.column() + ": not repaired: " + manual.reason());
        }
        if (result.edits().isEmpty()) {
            if (result.manual().isEmpty()) {
                err.println("specgen: " + shown + " has nothing to repair.");
                return ExitCodes.OK;
            }
            return ExitCodes.BLOCKED;
        }
        String repaired = result.apply(text);
        if (!write) {
            out.print(diff(shown, text, repaired));
            out.flush();
            err.println("specgen: " + SpecgenCommand.count(result.schemas(), "schema") + " to repair in "
                    + shown + "; run again with --write to make these edits.");
            return ExitCodes.BLOCKED;
        }
        try {
            Files.writeString(contract, repaired, StandardCharsets.UTF_8);
        } catch (IOException e) {
            err.println("specgen: cannot write " + shown + ": " + e.getMessage());
            return ExitCodes.USAGE;
        }
        err.println("specgen: repaired " + shown + " (" + SpecgenCommand.count(result.schemas(), "schema")
                + "); review the change with your version control's diff.");
        return result.manual().isEmpty() ? ExitCodes.OK : ExitCodes.BLOCKED;
    }

    /** A unified diff of the contract, as git prints one. */
    static String diff(String path, String before, String after) {
        List<String> from = List.of(before.split("\n", -1));
        List<String> to = List.of(after.split("\n", -1));
        String name = path.startsWith("/") ? path : "/" + path;
        List<String> lines = UnifiedDiffUtils.generateUnifiedDiff("a" + name, "b" + name, from,
                DiffUtils.diff(from, to), 3);
        return String.join("\n", lines) + "\n";
    }
}
