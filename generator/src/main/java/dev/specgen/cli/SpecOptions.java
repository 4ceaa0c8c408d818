package dev.specgen.cli;

import dev.specgen.load.SpecPaths;
import dev.specgen.report.ReportFormat;
import java.nio.file.Path;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** The options every command that reads a spec shares. */
public final class SpecOptions {
    @Parameters(index = "0", paramLabel = "SPEC_DIR",
            description = "Spec folder holding model.yaml and contracts/openapi.yaml (Spec Kit layout).")
    Path specDir;

    @Option(names = "--model", paramLabel = "FILE", description = "model.yaml to read instead of SPEC_DIR/model.yaml.")
    Path model;

    @Option(names = "--openapi", paramLabel = "FILE",
            description = "OpenAPI 3.x contract to read instead of SPEC_DIR/contracts/openapi.yaml.")
    Path openapi;

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "text",
            description = "How findings are printed: text, json, sarif (GitHub code scanning) or github"
                    + " (workflow annotations). Default: text.")
    ReportFormat format;

    @Option(names = "--strict", description = "Treat warnings as blockers.")
    boolean strict;

    @Option(names = "--templates", paramLabel = "DIR", description = "Folder of template groups (router.stg,"
            + " model.stg, ...) whose templates replace the built-in ones of the same name (ST4 inheritance).")
    Path templates;

    SpecPaths paths() {
        return SpecPaths.locate(specDir, model, openapi);
    }
}
