package dev.specgen.resolve;

import dev.specgen.contract.Contract;
import dev.specgen.contract.Operation;
import dev.specgen.load.YMap;
import dev.specgen.load.YNode;
import dev.specgen.shapes.ErrorShape;
import dev.specgen.shapes.ErrorCodes;
import dev.specgen.shapes.ErrorShapes;
import dev.specgen.shapes.ReferenceStatus;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Plans the error bodies: per operation and per status the server can send, the contract's shape
 * for it (that status, else the operation's default or range response, else the shape the contract
 * uses most, else FastAPI's {detail}), and the status of validation errors (422 or 400, as declared).
 */
final class ErrorPlanner {
    /** Every status the generated server can answer with an error. */
    static final List<Integer> STATUSES = List.of(400, 401, 403, 404, 405, 409, 413, 422, 500, 501, 503);
    private static final String PLAIN = "detail";

    private final Contract contract;
    private final ErrorShapes recognizer;
    private final Map<String, ErrorShape> shapesBySignature = new LinkedHashMap<>();
    private final Map<String, Integer> uses = new LinkedHashMap<>();

    private final dev.specgen.modeldoc.ModelDoc model;

    ErrorPlanner(Contract contract, dev.specgen.modeldoc.ModelDoc model, Map<String, String> explicitFill) {
        this.contract = contract;
        this.model = model;
        this.recognizer = new ErrorShapes(contract, explicitFill);
        this.resources = new ErrorCodes.Chooser(new dev.specgen.shapes.OperationResources(contract, model),
                ErrorCodes.explicit(model.root()));
    }

    private final ErrorCodes.Chooser resources;

    ErrorsModel plan() {
        Map<Operation, Map<Integer, String>> chosen = new LinkedHashMap<>();
        for (Operation operation : contract.operations()) {
            Map<Integer, String> byStatus = new LinkedHashMap<>();
            for (int status : STATUSES) {
                response(operation, status).ifPresent(r -> byStatus.put(status, shapeName(r)));
            }
            chosen.put(operation, byStatus);
        }
        String fallback = uses.entrySet().stream().max(Map.Entry.<String, Integer>comparingByValue()
                .thenComparing(Map.Entry.comparingByKey(Comparator.reverseOrder()))).map(Map.Entry::getKey)
                .orElse(PLAIN);
        List<ErrorsModel.OperationErrors> operations = new ArrayList<>();
        for (Map.Entry<Operation, Map<Integer, String>> entry : chosen.entrySet()) {
            Operation operation = entry.getKey();
            List<String> statusShapes = new ArrayList<>();
            for (int status : STATUSES) {
                String shape = entry.getValue().getOrDefault(status, fallback);
                if (!shape.equals(fallback)) {
                    // Statuses left out are answered in the fallback shape.
                    statusShapes.add(status + ": " + PyLiteral.str(shape));
                }
            }
            int reference = ReferenceStatus.of(contract, operation);
            operations.add(new ErrorsModel.OperationErrors(
                    PyLiteral.str(operation.method().toUpperCase(Locale.ROOT)), PyLiteral.str(operation.path()),
                    validationStatus(operation), statusShapes, declared(operation), pathStatuses(operation),
                    // Written out only where the descriptions choose other than REFERENCE_STATUSES' order.
                    reference == ReferenceStatus.plain(operation) ? 0 : reference,
                    codes(operation, entry.getValue(), fallback, reference)));
        }
        List<ErrorsModel.Shape> shapes = new ArrayList<>();
        if (PLAIN.equals(fallback)) {
            shapes.add(new ErrorsModel.Shape(PyLiteral.str(PLAIN), PyLiteral.str("application/json"),
                    List.of("((\"detail\",), \"message\", None)"), List.of()));
        }
        for (ErrorShape shape : shapesBySignature.values()) {
            shapes.add(shape(shape));
        }
        shapes.sort(Comparator.comparing(s -> s.nameLiteral));
        boolean pathUnauthorized = operations.stream().flatMap(o -> o.pathStatuses.stream())
                .anyMatch(s -> s.endsWith(": 401"));
        return new ErrorsModel(shapes, PyLiteral.str(fallback), operations, paths(), fallbackCodes(fallback),
                pathUnauthorized);
    }

    private Optional<ErrorShape> shapeNamed(String name) {
        return shapesBySignature.values().stream().filter(s -> s.name().equals(name)).findFirst();
    }

    /**
     * The contract's code for each situation the server answers on this operation, where the shape of
     * its status has a code enum and a value fits (ErrorCodes); validate blocks on a declared status no
     * value fits, so a word left out is one for a status the operation does not declare.
     */
    private List<ErrorsModel.CodeEntry> codes(Operation operation, Map<Integer, String> byStatus, String fallback,
            int reference) {
        List<ErrorsModel.CodeEntry> codes = new ArrayList<>();
        for (ErrorCodes.Situation situation : ErrorCodes.Situation.values()) {
            int status = statusOf(situation, operation, reference);
            if (status == 0) {
                continue;
            }
            Optional<ErrorShape.CodeEnum> values = shapeNamed(byStatus.getOrDefault(status, fallback))
                    .map(ErrorShape::codes);
            values.flatMap(v -> resources.code(operation, situation, status, v.values()))
                    .ifPresent(value -> codes.add(new ErrorsModel.CodeEntry(PyLiteral.str(situation.name()),
                            PyLiteral.str(value))));
        }
        return codes;
    }

    /** The status a situation is answered with on this operation; 0 when it has none there. */
    static int statusOf(ErrorCodes.Situation situation, Operation operation, int reference) {
        return switch (situation) {
            case VALIDATION_ERROR -> validationStatus(operation);
            case REFERENCE_NOT_FOUND -> reference;
            case RATE_LIMITED -> 0;
            default -> ErrorCodes.statusOf(situation);
        };
    }

    /** Errors outside every operation (an unknown path): a value of the fallback shape naming no row. */
    private List<ErrorsModel.CodeEntry> fallbackCodes(String fallback) {
        List<ErrorsModel.CodeEntry> codes = new ArrayList<>();
        Optional<ErrorShape.CodeEnum> values = shapeNamed(fallback).map(ErrorShape::codes);
        if (values.isEmpty()) {
            return codes;
        }
        for (ErrorCodes.Situation situation : ErrorCodes.Situation.values()) {
            ErrorCodes.choose(values.get().values(), situation, List.of(), resources.resources().all())
                    .ifPresent(value -> codes.add(new ErrorsModel.CodeEntry(PyLiteral.str(situation.name()),
                            PyLiteral.str(value))));
        }
        return codes;
    }

    private List<String> shapeNames() {
        // Names only; PLAIN is reserved for FastAPI's own {detail} shape.
        return shapesBySignature.values().stream().map(ErrorShape::name).toList();
    }

    /** Every status the operation declares, a range ({@code 4XX}) standing for each status of it the server sends. */
    private static List<String> declared(Operation operation) {
        java.util.Set<Integer> codes = new java.util.LinkedHashSet<>();
        operation.responses().ifPresent(r -> r.entries().keySet().stream().filter(code -> code.matches("[1-5][0-9][0-9]"))
                .forEach(code -> codes.add(Integer.parseInt(code))));
        for (int status : STATUSES) {
            if (operation.declaresStatus(Integer.toString(status))) {
                codes.add(status);
            }
        }
        return codes.stream().map(String::valueOf).toList();
    }

    /**
     * What an invalid path parameter answers where the operation declares no invalid-input status: a key
     * that is malformed or out of range names no row, so it is the 404 of a missing row (a caller id that
     * cannot be the caller, the 403, 404 or 401 of a foreign one), as a hand-writer would answer it.
     */
    private List<String> pathStatuses(Operation operation) {
        if (operation.declaresStatus("400") || operation.declaresStatus("422")) {
            return List.of();
        }
        dev.specgen.modeldoc.BindingDoc binding = model.bindingFor(operation).orElse(null);
        if (binding == null || binding.entityName().isEmpty()) {
            return List.of();
        }
        List<String> statuses = new ArrayList<>();
        for (Map.Entry<String, String> entry : binding.path().entrySet()) {
            boolean subject = dev.specgen.modeldoc.BindingDoc.SUBJECT.equals(entry.getValue());
            String status = subject ? Integer.toString(dev.specgen.shapes.SubjectMismatch.status(operation)) : "404";
            if (operation.declaresStatus(status)) {
                statuses.add(PyLiteral.str(Names.parameter(entry.getKey())) + ": " + status);
            }
        }
        return statuses;
    }

    /** Validation errors use the status the contract declares for them: 422, else 400, else 422. */
    static int validationStatus(Operation operation) {
        if (!operation.declaresStatus("422") && operation.declaresStatus("400")) {
            return 400;
        }
        return 422;
    }

    private Optional<YNode> response(Operation operation, int status) {
        Optional<YMap> responses = operation.responses();
        if (responses.isEmpty()) {
            return Optional.empty();
        }
        String code = Integer.toString(status);
        String range = code.charAt(0) + "XX";
        return responses.get().get(code).or(() -> responses.get().get(range))
                .or(() -> responses.get().get(range.toLowerCase(Locale.ROOT))).or(() -> responses.get().get("default"));
    }

    private String shapeName(YNode response) {
        // Named after the schema's component, else the response's, so the code reads like the contract.
        String base = contract.derefMap(response).flatMap(r -> r.map("content"))
                .flatMap(c -> c.entries().values().stream().findFirst())
                .flatMap(m -> m instanceof YMap media ? media.get("schema") : Optional.empty())
                .flatMap(Contract::refOf).map(r -> r.substring(r.lastIndexOf('/') + 1))
                .or(() -> Contract.refOf(response).map(r -> r.substring(r.lastIndexOf('/') + 1)))
                .orElse("error");
        ErrorShape shape = recognizer.recognize(base, response);
        ErrorShape known = shapesBySignature.get(shape.signature());
        if (known == null) {
            String name = base;
            for (int i = 2; shapeNames().contains(name); i++) {
                name = base + "_" + i;
            }
            known = shape.withName(name);
            shapesBySignature.put(shape.signature(), known);
        }
        uses.merge(known.name(), 1, Integer::sum);
        return known.name();
    }

    private static ErrorsModel.Shape shape(ErrorShape shape) {
        List<String> fills = new ArrayList<>();
        for (ErrorShape.Fill fill : shape.fills()) {
            String path = "(" + String.join(", ", fill.path().stream().map(PyLiteral::str).toList())
                    + (fill.path().size() == 1 ? ",)" : ")");
            String constant = fill.constJson() == null ? "None" : "json.loads(" + PyLiteral.str(fill.constJson()) + ")";
            fills.add("(" + path + ", " + PyLiteral.str(fill.source().name().toLowerCase(Locale.ROOT)) + ", "
                    + constant + ")");
        }
        List<String> items = shape.itemFills().stream().map(i -> "(" + PyLiteral.str(i.property()) + ", "
                + PyLiteral.str(i.source().name().toLowerCase(Locale.ROOT)) + ")").toList();
        return new ErrorsModel.Shape(PyLiteral.str(shape.name()),
                shape.mediaType() == null ? "None" : PyLiteral.str(shape.mediaType()), fills, items);
    }

    /** Literal paths before templated ones, as a router would try them, then in contract order. */
    private List<ErrorsModel.PathMethods> paths() {
        Map<String, List<String>> methods = new LinkedHashMap<>();
        for (Operation operation : contract.operations()) {
            methods.computeIfAbsent(operation.path(), p -> new ArrayList<>())
                    .add(operation.method().toUpperCase(Locale.ROOT));
        }
        List<String> ordered = new ArrayList<>(methods.keySet());
        ordered.sort(Comparator.comparingInt(p -> p.split("\\{", -1).length - 1));
        List<ErrorsModel.PathMethods> paths = new ArrayList<>();
        for (String path : ordered) {
            paths.add(new ErrorsModel.PathMethods(PyLiteral.str(path), "(" + String.join(", ",
                    methods.get(path).stream().map(PyLiteral::str).toList()) + (methods.get(path).size() == 1 ? ",)" : ")")));
        }
        return paths;
    }
}
