package dev.specgen.cli;

import dev.specgen.diagnostics.Diagnostic;
import dev.specgen.load.SpecPaths;
import dev.specgen.pipeline.Pipeline;
import dev.specgen.render.GeneratedFile;
import dev.specgen.report.DiagnosticPrinter;
import dev.specgen.report.ReportFormat;
import dev.specgen.write.OutputWriter;
import dev.specgen.write.StaleCheck;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/**
 * Not for users: the launcher runs it once to record a class-data cache. It walks every command's
 * code path (validate, generate, check, each report format) so that all of them start fast.
 */
@Command(name = "train", hidden = true)
final class TrainCommand implements Callable<Integer> {
    @Parameters(paramLabel = "WORK_DIR")
    Path work;

    @Override
    public Integer call() throws Exception {
        Path spec = work.resolve("spec");
        new InitCommand().scaffold(spec);
        SpecPaths paths = SpecPaths.locate(spec, null, null);
        Pipeline.Result validated = new Pipeline().validate(paths, false);
        Pipeline.Result generated = new Pipeline().run(paths, false);
        List<GeneratedFile> files = generated.files().orElseThrow();
        OutputWriter writer = new OutputWriter();
        Path out = work.resolve("out");
        writer.apply(out, files, writer.plan(out, files));
        Files.writeString(out.resolve("app/main.py"), "# edited\n");
        new StaleCheck().differences(out, files);
        Files.writeString(spec.resolve("model.yaml"), Files.readString(spec.resolve("model.yaml"))
                .replace("primary_key: true", "primary_key: false"));
        List<Diagnostic> blockers = new Pipeline().validate(paths, false).diagnostics().sorted();
        for (ReportFormat format : ReportFormat.values()) {
            new DiagnosticPrinter().print(blockers, format, SpecgenCommand.VERSION);
        }
        return validated.blocked() || blockers.isEmpty() ? ExitCodes.INTERNAL : ExitCodes.OK;
    }
}
