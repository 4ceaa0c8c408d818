package dev.specgen.validate;

import dev.specgen.contract.Contract;
import dev.specgen.contract.Operation;
import dev.specgen.diagnostics.Diagnostics;
import dev.specgen.diagnostics.Rule;
import dev.specgen.load.YMap;
import dev.specgen.load.YNode;
import dev.specgen.modeldoc.ModelDoc;
import dev.specgen.shapes.ErrorShape;
import dev.specgen.shapes.ErrorShapes;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;

/**
 * Every error response the contract declares must be fillable: each required property of its schema
 * is recognised by name or named in errors.fill. One finding per schema property, at its definition.
 */
public final class ErrorShapeChecks {
    private final Contract contract;
    private final Diagnostics diagnostics;
    private final ErrorShapes recognizer;

    public ErrorShapeChecks(Contract contract, ModelDoc model, Diagnostics diagnostics) {
        this.contract = contract;
        this.diagnostics = diagnostics;
        this.recognizer = new ErrorShapes(contract, ErrorShapes.explicitFill(model.root()));
    }

    public void check() {
        Set<String> reported = new HashSet<>();
        Set<YMap> successBodies = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
        for (Operation operation : contract.operations()) {
            operation.responses().ifPresent(responses -> responses.entries().forEach((status, response) -> {
                if (status.startsWith("2")) {
                    bodySchema(response).flatMap(contract::derefMap).ifPresent(successBodies::add);
                }
            }));
        }
        for (Operation operation : contract.operations()) {
            operation.responses().ifPresent(responses -> responses.entries().forEach((status, response) -> {
                if (status.startsWith("2") || status.startsWith("1") || status.startsWith("3")) {
                    return;
                }
                ErrorShape shape = recognizer.recognize(status, response);
                Optional<YNode> body = bodySchema(response);
                if (!shape.unfilled().isEmpty()
                        && body.flatMap(contract::derefMap).filter(successBodies::contains).isPresent()) {
                    // One finding, not one per member of the row: an error cannot be a row, and no fill makes it one.
                    if (reported.add(body.get().pointer())) {
                        diagnostics.report(Rule.ERROR_SHAPE_UNFILLABLE, body.get(), "the " + status + " response of "
                                + operation.label() + " answers with " + Contract.refOf(body.get())
                                .map(r -> r.substring(r.lastIndexOf('/') + 1)).orElse("the schema")
                                + ", which is also a success body: an error has no row to fill it with",
                                "an error schema of its own for " + status + " (for example {detail: string},"
                                        + " or the contract's other error schema)");
                    }
                    return;
                }
                for (String property : shape.unfilled()) {
                    YNode at = propertyNode(response, property).orElse(response);
                    if (reported.add(at.pointer() + "#" + property)) {
                        diagnostics.report(Rule.ERROR_SHAPE_UNFILLABLE, at, "the " + status + " response of "
                                + operation.label() + " requires '" + property + "', which nothing can fill",
                                "errors.fill: {" + property + ": <one of " + String.join(", ", ErrorShapes.SOURCES)
                                        + ">} in model.yaml, or '" + property + "' left out of required");
                    }
                }
            }));
        }
    }

    /** The JSON schema node of a response, as written (a $ref stays a $ref). */
    private Optional<YNode> bodySchema(YNode response) {
        return contract.derefMap(response).flatMap(r -> r.map("content"))
                .flatMap(c -> c.entries().entrySet().stream().filter(e -> e.getKey().endsWith("json")).findFirst())
                .flatMap(e -> e.getValue() instanceof YMap media ? media.get("schema") : Optional.empty());
    }

    /** The definition of a dotted property inside the response's JSON schema. */
    private Optional<YNode> propertyNode(YNode response, String dotted) {
        Optional<YMap> schema = contract.derefMap(response).flatMap(r -> r.map("content"))
                .flatMap(c -> c.entries().values().stream().findFirst())
                .flatMap(m -> m instanceof YMap media ? media.get("schema") : Optional.empty())
                .flatMap(contract::derefMap);
        YNode found = null;
        for (String key : dotted.split("\\.")) {
            if (schema.isEmpty()) {
                return Optional.ofNullable(found);
            }
            Optional<YNode> property = schema.get().map("properties").flatMap(p -> p.get(key));
            if (property.isEmpty()) {
                return Optional.ofNullable(found);
            }
            found = property.get();
            schema = contract.derefMap(property.get());
        }
        return Optional.ofNullable(found);
    }
}
