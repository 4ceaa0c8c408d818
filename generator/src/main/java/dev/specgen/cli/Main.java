package dev.specgen.cli;

import java.io.PrintWriter;
import picocli.CommandLine;

/** Entry point: wires picocli, and turns any unexpected failure into one clear line. */
public final class Main {
    private Main() {
    }

    public static void main(String[] args) {
        System.exit(run(args, new PrintWriter(System.out, true), new PrintWriter(System.err, true)));
    }

    public static int run(String[] args, PrintWriter out, PrintWriter err) {
        CommandLine commandLine = SpecgenCommand.commandLine();
        commandLine.setOut(out);
        commandLine.setErr(err);
        boolean debug = java.util.Arrays.asList(args).contains("--debug");
        commandLine.setExecutionExceptionHandler((exception, cmd, parsed) -> {
            if (exception instanceof dev.specgen.render.Renderer.UserTemplateException
                    || exception instanceof dev.specgen.render.Renderer.TemplateException
                    && java.util.Arrays.asList(args).contains("--templates")) {
                err.println("specgen: template error: " + exception.getMessage().lines().findFirst().orElse(""));
                return ExitCodes.USAGE;
            }
            err.println("specgen: internal error: " + exception.getClass().getSimpleName()
                    + (exception.getMessage() == null ? "" : ": " + exception.getMessage().lines().findFirst().orElse(""))
                    + (debug ? "" : " (run again with --debug for the stack trace)"));
            if (debug) {
                exception.printStackTrace(err);
            }
            return ExitCodes.INTERNAL;
        });
        int code;
        try {
            code = commandLine.execute(args);
        } catch (Error error) {
            // Errors (out of memory, stack overflow) bypass picocli's handler; still one line.
            err.println("specgen: internal error: " + error.getClass().getSimpleName()
                    + (debug ? "" : " (run again with --debug for the stack trace)"));
            if (debug) {
                error.printStackTrace(err);
            }
            code = ExitCodes.INTERNAL;
        }
        out.flush();
        err.flush();
        return code;
    }
}
