package dev.specgen.validate;

import dev.specgen.actions.Action;
import dev.specgen.actions.Actions;
import dev.specgen.actions.EntityBinding;
import dev.specgen.contract.Contract;
import dev.specgen.contract.Operation;
import dev.specgen.contract.Parameter;
import dev.specgen.contract.SchemaView;
import dev.specgen.diagnostics.Diagnostics;
import dev.specgen.diagnostics.Rule;
import dev.specgen.load.YNode;
import dev.specgen.load.YScalar;
import dev.specgen.modeldoc.BindingDoc;
import dev.specgen.modeldoc.EntityDoc;
import dev.specgen.modeldoc.FieldDoc;
import dev.specgen.modeldoc.ModelDoc;
import dev.specgen.shapes.SchemaShapes;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The checks of one operation bound to an entity, always in this order: method, auth, path, error
 * statuses, list options, response, request. The steps that differ by action are the action's own
 * (actions/&lt;Name&gt;Action.java); what every binding shares is here and in AuthChecks, PathChecks,
 * ErrorResponseChecks and PropertyMatch.
 */
final class EntityBindingChecks implements EntityBinding {
    private final Contract contract;
    private final ModelDoc model;
    private final Operation operation;
    private final BindingDoc binding;
    private final EntityDoc entity;
    private final Diagnostics diagnostics;
    private final ModelGaps gaps;
    private final Action action;
    private final String label;
    /** The first shape seen per entity and role, across bindings, to catch operations that disagree. */
    private final Map<String, Set<String>> shapes;

    EntityBindingChecks(Contract contract, ModelDoc model, Operation operation, BindingDoc binding, EntityDoc entity,
            Diagnostics diagnostics, ModelGaps gaps, Map<String, Set<String>> shapes) {
        this.contract = contract;
        this.model = model;
        this.operation = operation;
        this.binding = binding;
        this.entity = entity;
        this.diagnostics = diagnostics;
        this.gaps = gaps;
        this.shapes = shapes;
        this.action = Actions.get(binding.action());
        this.label = operation.label();
    }

    void check() {
        Actions.checkMethod(operation, binding, action, diagnostics);
        AuthChecks auth = new AuthChecks(this);
        auth.check();
        new PathChecks(this, gaps).check();
        new ErrorResponseChecks(this, auth).check();
        checkListOptions();
        action.checkResponse(this);
        action.checkRequest(this);
    }

    @Override
    public Contract contract() {
        return contract;
    }

    @Override
    public ModelDoc model() {
        return model;
    }

    @Override
    public Operation operation() {
        return operation;
    }

    @Override
    public BindingDoc binding() {
        return binding;
    }

    @Override
    public EntityDoc entity() {
        return entity;
    }

    @Override
    public Diagnostics diagnostics() {
        return diagnostics;
    }

    @Override
    public void checkType(SchemaView schema, FieldDoc field, String what) {
        new PropertyMatch(schema, field, what, diagnostics).checkType();
    }

    @Override
    public void checkPathKeyType(SchemaView schema, FieldDoc field, String what) {
        // A string that is no uuid names no row: type: string fits a uuid key in the path.
        new PropertyMatch(schema, field, what, diagnostics).checkType(true);
    }

    @Override
    public void unknownField(YScalar name) {
        if (!gaps.fieldBroken(entity.name(), name.text())) {
            ModelChecks.unknownField(entity, name, diagnostics);
        }
    }

    @Override
    public boolean fieldBroken(String field) {
        return gaps.fieldBroken(entity.name(), field);
    }

    /** List options only where the action takes them; every query parameter given a meaning. */
    private void checkListOptions() {
        boolean list = action.listsRows() && !action.groupsRows();
        for (String key : List.of("page", "filters", "sort", "order", "search")) {
            boolean fits = action.listOptions().contains(key);
            if (!fits && binding.node().has(key)) {
                diagnostics.report(Rule.ACTION_SHAPE, binding.at(key), "operations." + binding.key() + "."
                        + key + " is set on " + EntityBinding.an(action.name()) + " operation", key
                        + " only on list operations" + ("filters".equals(key) ? " and aggregates" : ""));
            }
        }
        Map<String, Parameter> query = new java.util.LinkedHashMap<>();
        operation.parametersIn("query").forEach(p -> query.put(p.name(), p));
        Set<String> meaningful = new LinkedHashSet<>();
        action.checkQuery(this, query, meaningful);
        for (Parameter parameter : query.values()) {
            if (!meaningful.contains(parameter.name())) {
                diagnostics.report(Rule.QUERY_PARAM_UNSUPPORTED, parameter.site(), label + " declares query"
                        + " parameter '" + parameter.name() + "', which model.yaml gives no meaning",
                        list ? "list it under filters (an operator, or a value map such as all|open|done), or"
                                + " declare search, sort or page for it" : "remove it");
            }
        }
    }

    /**
     * Checks an object schema against the entity's fields and that every operation of the entity
     * uses the same shape in this role. False when the schema is not an object at all.
     */
    @Override
    public boolean checkEntityObject(SchemaView schema, String role, String what, Rule shapeRule) {
        if (!"object".equals(schema.type().orElse("")) || schema.properties().isEmpty()) {
            SchemaShapes.notAnEntityObject(schema, what, entity.name(), shapeRule, diagnostics);
            return false;
        }
        for (Map.Entry<String, YNode> property : schema.properties().entrySet()) {
            Optional<FieldDoc> field = entity.field(property.getKey());
            YNode at = property.getValue();
            if (field.isEmpty() && gaps.fieldBroken(entity.name(), property.getKey())) {
                continue;
            }
            if (field.isEmpty()) {
                SchemaShapes.propertyWithoutField(at, property.getKey(), what, entity.name(), diagnostics);
                continue;
            }
            Optional<SchemaView> view = SchemaView.of(contract, at);
            if (view.isEmpty()) {
                continue;
            }
            PropertyMatch match = new PropertyMatch(view.get(), field.get(), "'" + property.getKey() + "' in "
                    + what, diagnostics);
            match.checkType("public".equals(role));
            match.checkConstraints("public".equals(role));
            if (!"public".equals(role)) {
                match.checkDecimalText();
                match.checkIntegerRange();
            }
            boolean omittedWhenNull = field.get().nullable() && !view.get().nullable()
                    && !schema.required().contains(property.getKey());
            if ("public".equals(role) && !omittedWhenNull) {
                // A property the contract leaves optional conforms whether the server sends it or not.
                // Optional and not nullable over a nullable column, a null is sent as no member at all.
                match.checkNullable();
            }
        }
        String key = entity.name() + "/" + role;
        Set<String> names = new LinkedHashSet<>(schema.properties().keySet());
        Set<String> first = shapes.putIfAbsent(key, names);
        if (first != null && !first.equals(names)) {
            diagnostics.report(Rule.SHAPES_DIFFER, schema.site(), what + " has properties " + names
                    + " but another " + role + " schema of " + entity.name() + " has " + first,
                    "one " + role + " schema per entity");
        }
        return true;
    }
}
