package dev.specgen.resolve;

import dev.specgen.contract.Contract;
import dev.specgen.contract.Operation;
import dev.specgen.contract.Parameter;
import dev.specgen.contract.SchemaView;
import dev.specgen.modeldoc.BindingDoc;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The parameters of a hand-written route, from the contract: path, query, header and cookie, each
 * with its own type and only the bounds the contract states, required as declared. They are
 * keyword-only in the route and the handler, so their order never matters. Also the values the
 * door's tests send for them.
 */
final class DoorParams {
    private static final List<String> LOCATIONS = List.of("path", "query", "header", "cookie");

    private final Contract contract;
    private final SampleJson samples;

    DoorParams(Contract contract) {
        this.contract = contract;
        this.samples = new SampleJson(contract);
    }

    void plan(Operation operation, BindingDoc binding, HandwrittenModel.Builder b) {
        List<HandwrittenModel.Param> params = new ArrayList<>();
        String testUrl = operation.path();
        String otherUrl = operation.path();
        List<String> query = new ArrayList<>();
        List<String> headers = new ArrayList<>();
        for (String location : LOCATIONS) {
            for (Parameter parameter : operation.parametersIn(location)) {
                String name = Names.attribute(Names.function(parameter.name()));
                Optional<SchemaView> schema = parameter.schema().flatMap(s -> SchemaView.of(contract, s));
                boolean subject = "path".equals(location) && BindingDoc.SUBJECT.equals(binding.path().get(parameter.name()));
                String sample = parameter.schema().map(samples::text).orElse("x");
                if (subject) {
                    // Compared with the caller as text: a value that is not even a user id is not the caller.
                    b.subjectParam = name;
                    params.add(new HandwrittenModel.Param(name, "Path", "str", List.of(), true, null, false));
                    testUrl = testUrl.replace("{" + parameter.name() + "}", "{user.id}");
                    otherUrl = otherUrl.replace("{" + parameter.name() + "}", "{other.id}");
                    continue;
                }
                List<String> args = new ArrayList<>();
                if (!"path".equals(location) && !name.equals(parameter.name())) {
                    args.add("alias=" + PyLiteral.str(parameter.name()));
                }
                // Bounds the contract states, and those of an integer format it names: never invented ones.
                ContractTypes.ScalarType type = schema.map(s -> ContractTypes.scalar(s, s.format().isPresent()))
                        .orElse(new ContractTypes.ScalarType("str", List.of()));
                args.addAll(type.args());
                boolean required = "path".equals(location) || parameter.required();
                String byDefault = required ? null : schema.flatMap(SchemaView::defaultValue).map(PyLiteral::value)
                        .orElse(null);
                String annotation = switch (type.annotation()) {
                    case "date" -> "datetime.date"; // the modules import datetime, not its classes
                    case "datetime" -> "datetime.datetime";
                    default -> type.annotation();
                };
                if ("path".equals(location) && operation.declaresStatus("404") && (!args.isEmpty()
                        || !"str".equals(annotation))) {
                    params.add(new HandwrittenModel.Param(name, "Path", "str", List.of(), true, null, true,
                            args.isEmpty() ? annotation : "Annotated[" + annotation + ", Field(" + String.join(", ", args) + ")]", annotation));
                } else {
                    params.add(new HandwrittenModel.Param(name, capital(location), annotation, args, required,
                            byDefault, true));
                }
                switch (location) {
                    case "path" -> {
                        String segment = URLEncoder.encode(sample, StandardCharsets.UTF_8).replace("+", "%20");
                        testUrl = testUrl.replace("{" + parameter.name() + "}", segment);
                        otherUrl = otherUrl.replace("{" + parameter.name() + "}", segment);
                    }
                    case "query" -> {
                        if (required) {
                            query.add(PyLiteral.str(parameter.name()) + ": " + parameter.schema().map(samples::of)
                                    .orElse("\"x\""));
                        }
                    }
                    case "header" -> {
                        if (required) {
                            headers.add(PyLiteral.str(parameter.name()) + ": " + PyLiteral.str(sample));
                        }
                    }
                    default -> {
                        // a required cookie is sent by no test: its operation's tests say so by failing
                    }
                }
            }
        }
        b.params = params;
        b.testUrl = (testUrl.contains("{") ? "f" : "") + PyLiteral.str(testUrl);
        b.otherUrl = (otherUrl.contains("{") ? "f" : "") + PyLiteral.str(otherUrl);
        b.testQuery = query.isEmpty() ? null : "{" + String.join(", ", query) + "}";
        b.testHeaders = headers.isEmpty() ? null : "{" + String.join(", ", headers) + "}";
    }

    private static String capital(String location) {
        return Character.toUpperCase(location.charAt(0)) + location.substring(1);
    }
}
