package dev.specgen.validate;

import dev.specgen.actions.EntityBinding;
import dev.specgen.contract.Contract;
import dev.specgen.contract.Operation;
import dev.specgen.diagnostics.Diagnostics;
import dev.specgen.diagnostics.Rule;
import dev.specgen.modeldoc.BindingDoc;
import dev.specgen.modeldoc.EntityDoc;
import dev.specgen.modeldoc.ModelDoc;
import dev.specgen.actions.Action;
import dev.specgen.actions.Actions;
import dev.specgen.contract.Parameter;
import dev.specgen.contract.SchemaView;
import dev.specgen.load.YNode;
import dev.specgen.modeldoc.FieldDoc;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import dev.specgen.shapes.ErrorCodes.Situation;
import dev.specgen.shapes.ReferenceStatus;

/**
 * Every error status the generated route can answer is declared by the contract: 401 for a token, 404
 * for a row the caller cannot see, 409 for a unique clash or a referenced row, 422 (or 400) for input.
 */
final class ErrorResponseChecks {
    private final Contract contract;
    private final ModelDoc model;
    private final Operation operation;
    private final BindingDoc binding;
    private final EntityDoc entity;
    private final Diagnostics diagnostics;
    private final String label;
    private final AuthChecks auth;
    private final Action action;

    ErrorResponseChecks(EntityBinding check, AuthChecks auth) {
        this.contract = check.contract();
        this.model = check.model();
        this.operation = check.operation();
        this.binding = check.binding();
        this.entity = check.entity();
        this.diagnostics = check.diagnostics();
        this.label = check.label();
        this.auth = auth;
        this.action = Actions.get(check.action());
    }

    /** Every error status the generated route can answer must be in the contract. */
    void check() {
        List<String> needed = new java.util.ArrayList<>();
        List<ErrorCodeChecks.Need> situations = new java.util.ArrayList<>();
        if (auth.secured()) {
            needed.add("401 (bad or missing token)");
            situations.add(new ErrorCodeChecks.Need(Situation.UNAUTHORIZED, 401, "a bad or missing token"));
        }
        if (binding.path().containsValue(BindingDoc.SUBJECT) && operation.declaresStatus("403")) {
            situations.add(new ErrorCodeChecks.Need(Situation.FORBIDDEN, 403, "a path user id that is not the caller"));
        }
        // A path user id that is not the caller is the operation's 403, else its 404, else its 401
        // (SubjectMismatch); a parent in the path (owned, or shared and unknown) is a 404.
        boolean subject404 = binding.path().containsValue(BindingDoc.SUBJECT)
                && dev.specgen.shapes.SubjectMismatch.status(operation) == 404;
        boolean guarded = subject404 || binding.path().values().stream().anyMatch(t -> !t.equals(primaryKeyName())
                && !BindingDoc.SUBJECT.equals(t) && entity.field(t).flatMap(FieldDoc::foreignKey).isPresent());
        boolean ownRow = action.findsOwnRow(); // no row yet for this subject
        if (action.itemAction() || ownRow || guarded) {
            needed.add("404 (a row the caller cannot see)");
            situations.add(new ErrorCodeChecks.Need(Situation.NOT_FOUND, 404, "a row the caller cannot see"));
        }
        boolean writes = action.writesRow();
        boolean unique = !entity.groups("unique").isEmpty()
                || entity.fields().values().stream().anyMatch(f -> f.unique() && !f.primaryKey());
        if (writes && unique) {
            needed.add("409 (a unique constraint clash)");
            situations.add(new ErrorCodeChecks.Need(Situation.CONFLICT, 409, "a unique constraint clash"));
        }
        if (bodyNamesSharedParent() || bodyNamesOwnedParent()) {
            // A body always can be invalid, so its 400 or 422 (needed below) answers a missing reference
            // where no 409 says it better (ReferenceStatus): no status of its own is needed.
            situations.add(new ErrorCodeChecks.Need(Situation.REFERENCE_NOT_FOUND,
                    ReferenceStatus.of(contract, operation), "a row the body names that does not exist"));
        }
        if (action.deletesRow() && referencedWithoutCascade()) {
            needed.add("409 (a row other rows still refer to)");
            situations.add(new ErrorCodeChecks.Need(Situation.CONFLICT, 409, "a row other rows still refer to"));
        }
        Optional<String> invalid = invalidInput();
        invalid.ifPresent(why -> needed.add("422 (invalid input: " + why + ")"));
        invalid.ifPresent(why -> situations.add(new ErrorCodeChecks.Need(Situation.VALIDATION_ERROR,
                operation.declaresStatus("422") || !operation.declaresStatus("400") ? 422 : 400, "invalid input")));
        new ErrorCodeChecks(contract, model, diagnostics).check(operation, situations);
        for (String status : needed) {
            String code = status.substring(0, 3);
            boolean declared = operation.declaresStatus(code)
                    || "422".equals(code) && operation.declaresStatus("400");
            if (!declared) {
                YNode at = operation.responses().map(YNode.class::cast).orElse(operation.node());
                // Invalid input may be a 400 or a 422, whichever the contract uses elsewhere.
                String wanted = "422".equals(code) ? "a '400' or '422' response in the contract (as its other"
                        + " operations answer invalid input)" : "a '" + code + "' response in the contract";
                diagnostics.report(Rule.ERROR_RESPONSE_UNDECLARED, at, label + " can answer " + status
                        + " but does not declare it", wanted);
            }
        }
    }

    /** Keywords that refuse no value of a parameter's declared type. */
    private static final Set<String> NOT_CONSTRAINTS = Set.of("type", "description", "title", "example",
            "examples", "default", "deprecated", "nullable");

    /**
     * What makes invalid input possible, in words naming the parameter or body member and its constraint;
     * empty when nothing can be invalid. A path parameter bound to a key or to the caller is never the
     * reason: a malformed or out-of-range one names no row, and is answered as a missing row (404, or the
     * 403 of a foreign caller id) where no invalid-input status is declared.
     */
    private Optional<String> invalidInput() {
        Optional<YNode> body = operation.requestSchema();
        if (operation.requestBody().isPresent()) {
            String why = body.flatMap(s -> SchemaView.of(contract, s)).flatMap(this::bodyConstraint)
                    .map(c -> ": " + c).orElse("");
            return Optional.of("a request body that is not JSON or does not fit its schema" + why);
        }
        for (Parameter parameter : operation.parameters().values()) {
            if ("path".equals(parameter.in()) && binding.path().containsKey(parameter.name())) {
                continue;
            }
            Optional<SchemaView> schema = parameter.schema().flatMap(s -> SchemaView.of(contract, s));
            if (schema.isEmpty()) {
                continue;
            }
            Optional<String> constraint = constraint(schema.get());
            if (constraint.isPresent()) {
                return Optional.of(parameter.in() + " parameter " + parameter.name() + " has " + constraint.get());
            }
        }
        return Optional.empty();
    }

    /** The first keyword that refuses some value: a type other than string, a format, a bound, an enum. */
    private static Optional<String> constraint(SchemaView schema) {
        for (Map.Entry<String, YNode> entry : schema.node().entries().entrySet()) {
            if (!NOT_CONSTRAINTS.contains(entry.getKey())) {
                String value = entry.getValue() instanceof dev.specgen.load.YScalar scalar ? scalar.text() : "...";
                return Optional.of(entry.getKey() + ": " + value);
            }
        }
        List<String> types = schema.types();
        if (!List.of("string").equals(types) && !types.isEmpty()) {
            return Optional.of("type: " + String.join(", ", types));
        }
        return Optional.empty();
    }

    /** A required member, else the first member with a constraint, of a body's schema. */
    private Optional<String> bodyConstraint(SchemaView schema) {
        Optional<String> required = schema.required().stream().findFirst().map(name -> "'" + name + "' is required");
        if (required.isPresent()) {
            return required;
        }
        for (String name : schema.properties().keySet()) {
            Optional<String> constraint = schema.property(name).flatMap(ErrorResponseChecks::constraint);
            if (constraint.isPresent()) {
                return Optional.of("'" + name + "' has " + constraint.get());
            }
        }
        return Optional.empty();
    }

    /** Some foreign key to this entity neither cascades nor sets null, so a delete can be refused. */
    private boolean referencedWithoutCascade() {
        return model.entities().values().stream().flatMap(e -> e.fields().values().stream())
                .flatMap(f -> f.foreignKey().stream())
                .anyMatch(fk -> entity.name().equals(fk.text("entity").orElse(""))
                        && !List.of("cascade", "set_null").contains(fk.text("on_delete").orElse("no_action")));
    }

    private String primaryKeyName() {
        return entity.primaryKeys().stream().findFirst().map(FieldDoc::name).orElse("");
    }

    private boolean ownedParent(String fieldName) {
        return entity.field(fieldName).flatMap(FieldDoc::foreignKey).flatMap(fk -> fk.text("entity"))
                .flatMap(model::entity).map(parent -> parent.ownershipDeclared() && !parent.shared()).orElse(false);
    }

    private boolean bodyNamesOwnedParent() {
        return operation.requestSchema().flatMap(s -> SchemaView.of(contract, s))
                .map(s -> s.properties().keySet().stream().anyMatch(this::ownedParent)).orElse(false);
    }

    /** The body names a row of a shared entity by foreign key: one that does not exist is refused. */
    private boolean bodyNamesSharedParent() {
        return operation.requestSchema().flatMap(s -> SchemaView.of(contract, s))
                .map(s -> s.properties().keySet().stream().anyMatch(name -> entity.field(name)
                        .flatMap(FieldDoc::foreignKey).flatMap(fk -> fk.text("entity")).flatMap(model::entity)
                        .map(EntityDoc::shared).orElse(false))).orElse(false);
    }
}
