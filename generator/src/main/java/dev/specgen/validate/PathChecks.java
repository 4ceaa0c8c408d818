package dev.specgen.validate;

import dev.specgen.actions.EntityBinding;
import dev.specgen.contract.Contract;
import dev.specgen.contract.Operation;
import dev.specgen.diagnostics.Diagnostics;
import dev.specgen.diagnostics.Rule;
import dev.specgen.modeldoc.BindingDoc;
import dev.specgen.modeldoc.EntityDoc;
import dev.specgen.modeldoc.ModelDoc;
import dev.specgen.contract.Parameter;
import dev.specgen.contract.SchemaView;
import dev.specgen.load.YScalar;
import dev.specgen.modeldoc.FieldDoc;
import dev.specgen.modeldoc.FieldType;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * What each path parameter of an operation stands for: the token's subject (of auth.user_id.type), the
 * primary key (item actions), or a foreign key (a nested collection); every parameter bound, every
 * binding a parameter.
 */
final class PathChecks {
    private final Contract contract;
    private final ModelDoc model;
    private final Operation operation;
    private final BindingDoc binding;
    private final EntityDoc entity;
    private final Diagnostics diagnostics;
    private final String label;
    private final EntityBinding check;
    private final ModelGaps gaps;
    private final String action;

    PathChecks(EntityBinding check, ModelGaps gaps) {
        this.contract = check.contract();
        this.model = check.model();
        this.operation = check.operation();
        this.binding = check.binding();
        this.entity = check.entity();
        this.diagnostics = check.diagnostics();
        this.label = check.label();
        this.check = check;
        this.gaps = gaps;
        this.action = check.action();
    }

    void check() {
        Map<String, String> bound = binding.path();
        List<Parameter> pathParams = operation.parametersIn("path");
        Set<String> declared = new LinkedHashSet<>();
        String primaryKey = entity.primaryKeys().stream().findFirst().map(FieldDoc::name).orElse(null);
        boolean pkBound = false;
        List<String> template = operation.templateNames();
        for (Parameter parameter : pathParams) {
            declared.add(parameter.name());
            if (!template.contains(parameter.name())) {
                continue; // reported by the contract checks
            }
            if (!parameter.name().matches("[A-Za-z_][A-Za-z0-9_]*")) {
                diagnostics.report(Rule.IDENTIFIER_INVALID, parameter.site(), "path parameter '" + parameter.name()
                        + "' of " + label + " cannot become a Python parameter name",
                        "a path parameter name of letters, digits and underscores");
                continue;
            }
            String target = bound.get(parameter.name());
            if (target == null) {
                diagnostics.report(Rule.PATH_PARAM_UNBOUND, parameter.site(), label + " has path parameter '"
                        + parameter.name() + "' with no binding in model.yaml",
                        "operations." + binding.key() + ".path." + parameter.name()
                                + ": subject, or a field of " + entity.name());
                continue;
            }
            if (BindingDoc.SUBJECT.equals(target)) {
                checkSubjectParam(parameter);
                continue;
            }
            Optional<FieldDoc> field = entity.field(target);
            if (field.isEmpty()) {
                check.unknownField((YScalar) binding.pathEntry(parameter.name()));
                continue;
            }
            pkBound |= target.equals(primaryKey);
            // Without a single primary key (reported by the model checks) no binding can be judged.
            boolean allowed = primaryKey == null || entity.primaryKeys().size() > 1
                    || target.equals(primaryKey) || field.get().foreignKey().isPresent();
            if (!allowed) {
                diagnostics.report(Rule.ACTION_SHAPE, binding.pathEntry(parameter.name()), label + " binds path"
                        + " parameter '" + parameter.name() + "' to " + entity.name() + "." + target
                        + ", which is neither the primary key nor a foreign key",
                        "bind path parameters to the primary key, a foreign key, or subject");
            }
            parameter.schema().flatMap(s -> SchemaView.of(contract, s))
                    .ifPresent(schema -> check.checkPathKeyType(schema, field.get(), "path parameter '"
                            + parameter.name() + "' of " + label));
        }
        for (String key : bound.keySet()) {
            if (!declared.contains(key)) {
                diagnostics.report(Rule.FIELD_REFERENCE_UNKNOWN, binding.pathEntry(key), "operations."
                        + binding.key() + ".path names '" + key + "', which is not a path parameter of "
                        + label, "one of " + (declared.isEmpty() ? "(none)" : String.join(", ", declared)));
            }
        }
        if (dev.specgen.actions.Actions.get(action).itemAction() && !pkBound && primaryKey != null) {
            diagnostics.report(Rule.ACTION_SHAPE, binding.at("action"), label + " is " + EntityBinding.an(action)
                    + " but no path parameter is bound to the primary key " + entity.name() + "." + primaryKey,
                    "a path parameter bound to " + primaryKey);
        }
        if (!dev.specgen.actions.Actions.get(action).itemAction() && pkBound) {
            diagnostics.report(Rule.ACTION_SHAPE, binding.at("path"), label + " is " + EntityBinding.an(action)
                    + " but binds the primary key in its path", "no primary key in the path of "
                    + EntityBinding.an(action));
        }
    }

    private void checkSubjectParam(Parameter parameter) {
        if (gaps.authBroken()) {
            return;
        }
        String userIdType = model.auth().map("user_id").flatMap(u -> u.text("type")).orElse("string");
        Optional<SchemaView> schema = parameter.schema().flatMap(s -> SchemaView.of(contract, s));
        if (schema.isEmpty()) {
            return;
        }
        FieldType expected = switch (userIdType) {
            case "uuid" -> FieldType.UUID;
            case "int" -> FieldType.BIGINT;
            default -> FieldType.STRING;
        };
        String type = schema.get().type().orElse("?");
        boolean ok = expected == FieldType.BIGINT ? "integer".equals(type)
                : expected.matches(type, schema.get().format());
        if (!ok) {
            Optional<String> format = schema.get().format();
            String required = expected == FieldType.STRING && format.isPresent()
                    ? "type: string without format: " + format.get() + (format.get().equals("uuid")
                            ? ", or auth.user_id.type: uuid in model.yaml if subjects are UUIDs" : "")
                    : (expected == FieldType.BIGINT ? "type: integer" : expected.contractSpelling())
                            + ", or the auth.user_id.type in model.yaml that the contract describes";
            diagnostics.report(Rule.TYPE_MISMATCH, parameter.schema().orElseThrow(), "path parameter '"
                    + parameter.name() + "' of " + label + " is bound to the token subject, whose type is "
                    + userIdType + " (auth.user_id.type), but its schema is " + type
                    + format.map(f -> " with format: " + f).orElse(""), required);
        }
    }
}
