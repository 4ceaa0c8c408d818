package dev.specgen.resolve;

import dev.specgen.contract.Contract;
import dev.specgen.contract.Operation;
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
    private final DoorParams params;

    /** What app/handwritten.py imports besides the tables, which a contract class must not shadow. */
    private static final java.util.Set<String> MODULE_IMPORTS = java.util.Set.of("BaseModel", "ConfigDict", "Field",
            "dataclass", "AsyncSession", "SelectOfScalar", "UserId", "Any", "Literal");

    HandwrittenPlanner(Contract contract, ModelDoc model) {
        this.contract = contract;
        this.model = model;
        java.util.Set<String> taken = new java.util.HashSet<>(MODULE_IMPORTS);
        taken.addAll(model.entities().keySet()); // the tables the contexts' helpers name
        for (Operation operation : contract.operations()) {
            model.bindingFor(operation).filter(dev.specgen.actions.HandwrittenAction::binds)
                    .ifPresent(b -> taken.add(base(b) + "Context"));
        }
        this.params = new DoorParams(contract);
        this.classes = new ContractModels(contract, name -> taken.contains(name) || Names.reservedClassName(name));
    }

    /** The operation's name as a class name prefix: ChatRequest, ChatResponse, ChatContext. */
    private static String base(BindingDoc binding) {
        String function = Names.function(binding.key());
        return ContractModels.className(binding.key().contains(" ") ? function : binding.key());
    }

    /** JSON values the body's schema refuses whatever it holds: another type, a missing required member. */
    private String invalidBodies(YNode site) {
        Optional<dev.specgen.contract.SchemaView> schema = dev.specgen.contract.SchemaView.of(contract, site);
        if (schema.isEmpty() || schema.get().nullable() || schema.get().types().size() != 1) {
            return null;
        }
        List<String> invalid = new ArrayList<>();
        switch (schema.get().types().get(0)) {
            case "object" -> {
                invalid.add("[]");
                invalid.add("\"text\"");
                if (!schema.get().required().isEmpty()) {
                    invalid.add("{}");
                }
            }
            case "array" -> invalid.addAll(List.of("{}", "\"text\""));
            case "string" -> invalid.addAll(List.of("{}", "[]"));
            default -> invalid.addAll(List.of("{}", "[]", "\"text\""));
        }
        return "(" + String.join(", ", invalid) + ")";
    }

    /** How the caller is known: a required token, an optional one, or none (the contract says public). */
    static HandwrittenModel.Auth auth(Operation operation, BindingDoc binding) {
        if (binding.auth().filter("public"::equals).isPresent() || operation.security().isEmpty()
                || operation.security().get().items().isEmpty()) {
            return HandwrittenModel.Auth.NONE;
        }
        return operation.requiresToken() ? HandwrittenModel.Auth.REQUIRED : HandwrittenModel.Auth.OPTIONAL;
    }

    /** A path user id that is not the caller: the contract's 403, else its 404, else its 401. */
    static int subjectStatus(Operation operation) {
        return dev.specgen.shapes.SubjectMismatch.status(operation);
    }

    /** 204, 205 and 304 never carry a body; another status carries none when its response has no content. */
    private boolean noContent(String status, YNode response) {
        return List.of("204", "205", "304").contains(status) || contract.derefMap(response)
                .flatMap(r -> r.map("content")).map(c -> c.entries().isEmpty()).orElse(true);
    }

    private boolean media(YNode response, String type) {
        return contract.derefMap(response).flatMap(r -> r.map("content")).map(c -> c.has(type)).orElse(false);
    }

    List<ContractModels.ClassModel> classes() {
        return classes.classes();
    }

    List<HandwrittenModel> plan() {
        List<HandwrittenModel> planned = new ArrayList<>();
        for (Operation operation : contract.operations()) {
            Optional<BindingDoc> binding = model.bindingFor(operation);
            if (binding.isPresent() && dev.specgen.actions.HandwrittenAction.binds(binding.get())) {
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
        // The first 2xx, else the first 3xx (a redirect the handler answers with its Location).
        Optional<String> redirect = operation.responses().flatMap(r -> r.entries().keySet().stream()
                .filter(code -> code.matches("3[0-9][0-9]") && !"304".equals(code)).findFirst());
        b.statusCode = operation.successResponses().keySet().stream().findFirst()
                .or(() -> redirect).orElse("200");
        b.auth = auth(operation, binding);
        b.subjectStatus = subjectStatus(operation);
        b.grantAlternatives = Resolver.grantLiterals(model, operation, binding);
        params.plan(operation, binding, b);
        operation.requestSchema().ifPresent(s -> {
            b.requestClass = classes.annotation(s, base + "Request");
            b.validBody = new SampleJson(contract).of(s);
            b.invalidBodies = invalidBodies(s);
            b.testsValidation = b.invalidBodies != null;
        });
        b.rawBody = operation.requestBody().isPresent() && operation.requestSchema().isEmpty();
        Optional<YNode> success = operation.responses().flatMap(r -> r.get(b.statusCode));
        b.noContent = success.map(r -> noContent(b.statusCode, r)).orElse(true);
        b.rawResponse = b.statusCode.startsWith("3") && !"304".equals(b.statusCode);
        success.flatMap(r -> contract.derefMap(r)).flatMap(r -> r.map("content"))
                .filter(c -> !c.entries().isEmpty() && !c.has("application/json") && !c.has("text/event-stream"))
                .ifPresent(c -> {
                    b.rawResponse = true;
                    b.rawMedia = c.entries().keySet().iterator().next();
                });
        if (b.rawResponse) {
            b.noContent = false;
        }
        b.stream = success.map(r -> media(r, "text/event-stream")).orElse(false);
        success.flatMap(operation::jsonSchemaOf).ifPresent(s -> {
            b.responseClass = classes.annotation(s, base + "Response");
            b.sampleResponse = new SampleJson(contract).of(s);
        });
        b.contextClass = base + "Context";
        List<HandwrittenModel.Helper> helpers = new ArrayList<>();
        binding.node().seq("entities").ifPresent(seq -> seq.items().forEach(item -> {
            EntityDoc entity = model.entity(((YScalar) item).text()).orElseThrow();
            String snake = Names.snake(entity.name());
            // The context's own fields (session, user) keep their names: an entity named like one reads as <name>_row.
            String method = Names.attribute(snake);
            if (List.of("session", "user").contains(method)) {
                method = method + "_row";
            }
            helpers.add(new HandwrittenModel.Helper(method, entity.name(), "get_" + snake, snake + "_scope",
                    snake + "_rows", entity.shared()));
        }));
        b.helpers = helpers;
        return new HandwrittenModel(b);
    }
}
