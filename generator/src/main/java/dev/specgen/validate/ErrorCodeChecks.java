package dev.specgen.validate;

import dev.specgen.contract.Contract;
import dev.specgen.contract.Operation;
import dev.specgen.diagnostics.Diagnostics;
import dev.specgen.diagnostics.Rule;
import dev.specgen.load.YMap;
import dev.specgen.load.YNode;
import dev.specgen.modeldoc.ModelDoc;
import dev.specgen.shapes.ErrorCodes;
import dev.specgen.shapes.ErrorCodes.Situation;
import dev.specgen.shapes.ErrorShape;
import dev.specgen.shapes.ErrorShapes;
import dev.specgen.shapes.OperationResources;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Where an error response's code member is an enum, each situation the generated route answers with
 * that response has a value of it (ErrorCodes chooses which, as resolve does). One finding per
 * operation and situation, at the enum, naming the situation, the status and the way out.
 */
final class ErrorCodeChecks {
    /** A situation the route answers, and the status it answers it with. */
    record Need(Situation situation, int status, String why) {
    }

    private final Diagnostics diagnostics;
    private final ErrorShapes recognizer;
    private final ErrorCodes.Chooser chooser;

    ErrorCodeChecks(Contract contract, ModelDoc model, Diagnostics diagnostics) {
        this.diagnostics = diagnostics;
        this.recognizer = new ErrorShapes(contract, ErrorShapes.explicitFill(model.root()));
        this.chooser = new ErrorCodes.Chooser(new OperationResources(contract, model), ErrorCodes.explicit(model.root()));
    }

    /** Also every status among 405, 413, 500 and 503 the operation declares by its code: any route can answer them. */
    void check(Operation operation, List<Need> needs) {
        List<Need> all = new java.util.ArrayList<>(needs);
        for (int status : List.of(405, 413, 500, 503)) {
            if (operation.declaresExactStatus(Integer.toString(status))) {
                all.add(new Need(Situation.ofStatus(status), status, HTTP_WHY.get(status)));
            }
        }
        java.util.Set<Situation> reported = java.util.EnumSet.noneOf(Situation.class);
        for (Need need : all) {
            if (need.status() == 0 || !operation.declaresStatus(Integer.toString(need.status()))) {
                continue; // undeclared: SG215's concern
            }
            Optional<ErrorShape.CodeEnum> codes = response(operation, need.status())
                    .map(r -> recognizer.recognize(Integer.toString(need.status()), r)).map(ErrorShape::codes);
            if (codes.isEmpty() || chooser.code(operation, need.situation(), need.status(), codes.get().values())
                    .isPresent() || !reported.add(need.situation())) {
                continue;
            }
            YNode at = codes.get().at();
            String member = String.join(".", codes.get().path());
            diagnostics.report(Rule.ERROR_CODE_UNMATCHED, at, operation.label() + " answers " + need.status() + " for "
                    + need.why() + ", but no value of its '" + member + "' enum [" + String.join(", ",
                    codes.get().values()) + "] says " + need.situation().words() + aboutWhat(operation, need),
                    "a value for it in the enum (such as " + suggestion(operation, need) + "), or errors.codes: {"
                            + need.situation().name() + ": <one of its values>} in model.yaml");
        }
    }

    /** TASK_NOT_FOUND for a task's 404, SLOT_NOT_FOUND for a 404 naming an unknown slot, else the word. */
    private String suggestion(Operation operation, Need need) {
        List<ErrorCodes.Resource> resources = need.situation() == Situation.REFERENCE_NOT_FOUND && need.status() == 404
                ? chooser.resources().referenced(operation)
                : need.situation() == Situation.NOT_FOUND ? chooser.resources().own(operation) : List.of();
        return resources.isEmpty() ? need.situation().name()
                : String.join("_", resources.get(0).names().get(0)) + "_NOT_FOUND";
    }

    private String aboutWhat(Operation operation, Need need) {
        if (need.situation() == Situation.NOT_FOUND || need.situation() == Situation.REFERENCE_NOT_FOUND) {
            List<String> names = (need.situation() == Situation.REFERENCE_NOT_FOUND
                    ? chooser.resources().referenced(operation) : chooser.resources().own(operation))
                    .stream().map(r -> String.join("_", r.names().get(0))).toList();
            if (!names.isEmpty()) {
                return " of " + String.join(" or ", names).toLowerCase(Locale.ROOT).replace('_', ' ')
                        + " (a value naming another resource does not fit)";
            }
        }
        return "";
    }

    private static final java.util.Map<Integer, String> HTTP_WHY = java.util.Map.of(405,
            "a method the path does not declare", 413, "a body over the size limit", 500, "an unexpected error",
            503, "a database that does not answer");

    private Optional<YNode> response(Operation operation, int status) {
        Optional<YMap> responses = operation.responses();
        String code = Integer.toString(status);
        String range = code.charAt(0) + "XX";
        return responses.flatMap(r -> r.get(code).or(() -> r.get(range))
                .or(() -> r.get(range.toLowerCase(Locale.ROOT))).or(() -> r.get("default")));
    }
}
