package dev.specgen.cli;

import dev.specgen.validate.ModelSchemaCheck;
import java.io.IOException;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Spec;

@Command(name = "schema", mixinStandardHelpOptions = true,
        description = "Print the JSON Schema of model.yaml (Draft 2020-12), for editors and CI.")
final class SchemaCommand implements Callable<Integer> {
    @Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        spec.commandLine().getOut().print(InitCommand.resource(ModelSchemaCheck.SCHEMA_RESOURCE));
        return ExitCodes.OK;
    }
}
