package dev.specgen.resolve;

import dev.specgen.contract.Contract;
import dev.specgen.contract.Operation;
import dev.specgen.contract.Parameter;
import dev.specgen.contract.SchemaView;
import dev.specgen.load.YNode;
import dev.specgen.load.YScalar;
import dev.specgen.modeldoc.BindingDoc;
import dev.specgen.modeldoc.EntityDoc;
import dev.specgen.modeldoc.ModelDoc;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Plans the routes of hand-written operations and the typed classes their doors take and give. */
final class HandwrittenPlanner {
    private final Contract contract;
    private final ModelDoc model;
    private final ContractModels classes;

    /** What app/handwritten.py imports besides the tables, which a contract class must not shadow. */
    private static final java.util.Set<String> MODULE_IMPORTS = java.util.Set.of("BaseModel", "ConfigDict", "Field",
            "dataclass", "AsyncSession", "SelectOfScalar", "UserId", "Any", "Literal");

    HandwrittenPlanner(Contract contract, ModelDoc model) {
        this.contract = contract;
        this.model = model;
        java.util.Set<String> taken = new java.util.HashSet<>(MODULE_IMPORTS);
        taken.addAll(model.entities().keySet()); // the tables the contexts' helpers name
        for (Operation operation : contract.operations()) {
            model.bindingFor(operation).filter(b -> "handwritten".equals(b.action()))
                    .ifPresent(b -> taken.add(base(b) + "Context"));
        }
        this.classes = new ContractModels(contract, name -> taken.contains(name) || Names.reservedClassName(name));
    }

    /** The operation's name as a class name prefix: ChatRequest, ChatResponse, ChatContext. */
    private static String base(BindingDoc binding) {
        String function = Names.function(binding.key());
        return ContractModels.className(binding.key().contains(" ") ? function : binding.key());
    }

    List<ContractModels.ClassModel> classes() {
        return classes.classes();
    }

    List<HandwrittenModel> plan() {
        List<HandwrittenModel> planned = new ArrayList<>();
        for (Operation operation : contract.operations()) {
            Optional<BindingDoc> binding = model.bindingFor(operation);
            if (binding.isPresent() && "handwritten".equals(binding.get().action())) {
                planned.add(plan(operation, binding.get()));
            }
        }
        return planned;
    }

    private HandwrittenModel plan(Operation operation, BindingDoc binding) {
        HandwrittenModel.Builder b = new HandwrittenModel.Builder();
        String function = Names.function(binding.key());
        String base = base(binding);
        b.functionName = function;
        b.method = operation.method();
        b.pathLiteral = PyLiteral.str(operation.path());
        b.routePathLiteral = PyLiteral.str(Names.routePath(operation.path(), n -> Names.attribute(Names.function(n))));
        b.operationId = operation.operationId().orElse(null);
        b.label = PyLiteral.comment(operation.label());
        b.statusCode = operation.successResponses().keySet().stream().findFirst().orElse("200");
        b.authenticated = operation.requiresToken();
        List<String> parameters = new ArrayList<>();
        List<String> passed = new ArrayList<>();
        String userType = switch (model.auth().map("user_id").flatMap(u -> u.text("type")).orElse("string")) {
            case "uuid" -> "uuid.UUID";
            case "int" -> "int";
            default -> "str";
        };
        String testUrl = operation.path();
        String otherUrl = operation.path();
        for (Parameter parameter : operation.parametersIn("path")) {
            String name = Names.attribute(Names.function(parameter.name()));
            Optional<SchemaView> schema = parameter.schema().flatMap(s -> SchemaView.of(contract, s));
            List<String> args = new ArrayList<>();
            schema.ifPresent(s -> args.addAll(ContractTypes.scalar(s, false).args()));
            boolean subject = "subject".equals(binding.path().get(parameter.name()));
            String type = subject ? userType : schema.map(s -> ContractTypes.scalar(s, false).annotation()).orElse("str");
            parameters.add(name + ": Annotated[" + type + ", Path(" + String.join(", ", args) + ")]");
            if (subject) {
                b.subjectParam = name;
                b.subjectForbidden = operation.declaresStatus("403");
                testUrl = testUrl.replace("{" + parameter.name() + "}", "{user.id}");
                otherUrl = otherUrl.replace("{" + parameter.name() + "}", "{other.id}");
            } else {
                passed.add(name);
                testUrl = testUrl.replace("{" + parameter.name() + "}", "1");
                otherUrl = otherUrl.replace("{" + parameter.name() + "}", "1");
            }
        }
        b.testUrl = "f" + PyLiteral.str(testUrl);
        b.otherUrl = "f" + PyLiteral.str(otherUrl);
        for (Parameter parameter : operation.parametersIn("query")) {
            String name = Names.attribute(Names.function(parameter.name()));
            Optional<SchemaView> schema = parameter.schema().flatMap(s -> SchemaView.of(contract, s));
            List<String> args = new ArrayList<>();
            if (!name.equals(parameter.name())) {
                args.add("alias=" + PyLiteral.str(parameter.name()));
            }
            ContractTypes.ScalarType type = schema.map(ContractTypes::scalar)
                    .orElse(new ContractTypes.ScalarType("str", List.of()));
            args.addAll(type.args());
            Optional<String> byDefault = schema.flatMap(SchemaView::defaultValue).map(PyLiteral::value);
            parameters.add(name + ": Annotated[" + type.annotation() + (byDefault.isPresent() ? "" : " | None")
                    + ", Query(" + String.join(", ", args) + ")] = " + byDefault.orElse("None"));
            passed.add(name);
        }
        b.parameters = parameters;
        b.passedParameters = passed;
        operation.requestSchema().ifPresent(s -> {
            b.requestClass = classes.annotation(s, base + "Request");
            b.validBody = new SampleJson(contract).of(s);
        });
        Optional<YNode> success = operation.successResponses().values().stream().findFirst();
        success.flatMap(operation::jsonSchemaOf).ifPresent(s -> {
            b.responseClass = classes.annotation(s, base + "Response");
            b.sampleResponse = new SampleJson(contract).of(s);
        });
        b.contextClass = base + "Context";
        List<HandwrittenModel.Helper> helpers = new ArrayList<>();
        binding.node().seq("entities").ifPresent(seq -> seq.items().forEach(item -> {
            EntityDoc entity = model.entity(((YScalar) item).text()).orElseThrow();
            String snake = Names.snake(entity.name());
            helpers.add(new HandwrittenModel.Helper(Names.attribute(snake), entity.name(), "get_" + snake,
                    snake + "_scope", snake + "_rows"));
        }));
        b.helpers = helpers;
        return new HandwrittenModel(b);
    }
}
