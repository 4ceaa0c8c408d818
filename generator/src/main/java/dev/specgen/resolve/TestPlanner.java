package dev.specgen.resolve;

import dev.specgen.actions.Action;
import dev.specgen.actions.Actions;
import dev.specgen.contract.Operation;
import dev.specgen.contract.SchemaView;
import dev.specgen.modeldoc.BindingDoc;
import dev.specgen.modeldoc.EntityDoc;
import dev.specgen.modeldoc.FieldDoc;
import dev.specgen.modeldoc.FieldType;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Plans the generated tests of one entity. Rows are inserted straight into the database by the
 * factories (see {@link FactoryPlanner}), so every route is tested whatever operations the
 * contract has; bodies are sample values computed from field types and constraints.
 */
final class TestPlanner {
    private static final Pattern TEMPLATE = Pattern.compile("\\{([^}]*)}");

    private final Resolver resolver;
    private final EntityDoc entity;
    private final EntityModel entityModel;
    private final List<Map.Entry<Operation, BindingDoc>> bound;
    private final String pk;
    private final Set<String> publicNames;

    TestPlanner(Resolver resolver, EntityDoc entity, EntityModel entityModel,
            List<Map.Entry<Operation, BindingDoc>> bound) {
        this.resolver = resolver;
        this.entity = entity;
        this.entityModel = entityModel;
        this.bound = bound;
        this.pk = entity.primaryKeys().get(0).name();
        this.publicNames = resolver.schemaFor(entity, "public").map(s -> s.properties().keySet()).orElse(Set.of());
    }

    TestModel plan() {
        List<TestModel.TestOperation> operations = new ArrayList<>();
        for (Map.Entry<Operation, BindingDoc> entry : bound) {
            operations.add(operation(entry.getKey(), entry.getValue()));
        }
        String publicFields = publicNames.stream().map(PyLiteral::str).reduce((a, b) -> a + ", " + b)
                .map(s -> "(" + s + (publicNames.size() == 1 ? ",)" : ")")).orElse("()");
        return new TestModel(entityModel.module, entity.name(), FactoryPlanner.factoryName(entity), PyLiteral.str(pk),
                SampleValues.missingKey(entity.field(pk).orElseThrow()), publicFields, operations, cascades(),
                enumChecks());
    }

    /** One test per enum column of a table the tests can seed: the database itself refuses other values. */
    private List<TestModel.EnumCheckTest> enumChecks() {
        List<TestModel.EnumCheckTest> checks = new ArrayList<>();
        if (entity.external() || !seedable(entity)) {
            return checks;
        }
        for (FieldDoc field : entity.fields().values()) {
            if (FieldType.of(field.type()) == FieldType.ENUM && !field.values().isEmpty()) {
                checks.add(new TestModel.EnumCheckTest(Names.snake(entity.name()) + "_" + Names.snake(field.name())
                        .replaceAll("^_+", ""), entity.table(), field.column(), outside(field.values())));
            }
        }
        return checks;
    }

    /** The first of a, b, ..., z, aa, ab, ... that is none of the values. */
    private static String outside(List<String> values) {
        for (int n = 0; ; n++) {
            String candidate = n < 26 ? String.valueOf((char) ('a' + n))
                    : String.valueOf((char) ('a' + n / 26 - 1)) + (char) ('a' + n % 26);
            if (!values.contains(candidate)) {
                return candidate;
            }
        }
    }

    /** For each child whose foreign key cascades from this entity: delete the parent, the child is gone. */
    private List<TestModel.CascadeTest> cascades() {
        List<TestModel.CascadeTest> cascades = new ArrayList<>();
        Optional<Map.Entry<Operation, BindingDoc>> delete = bound.stream()
                .filter(e -> Actions.of(e.getValue()).deletesRow()).findFirst();
        if (delete.isEmpty() || delete.get().getValue().path().values().stream()
                .anyMatch(t -> !BindingDoc.SUBJECT.equals(t) && !t.equals(pk)) || !seedable(entity)) {
            return cascades;
        }
        for (EntityDoc child : resolver.entities().values()) {
            for (FieldDoc field : child.fields().values()) {
                boolean cascading = field.foreignKey().filter(fk -> entity.name().equals(fk.text("entity").orElse(""))
                        && "cascade".equals(fk.text("on_delete").orElse("")) && pk.equals(fk.text("field").orElse("")))
                        .isPresent();
                Optional<Map.Entry<Operation, BindingDoc>> get = resolver.boundOperations(child).stream()
                        .filter(e -> Actions.of(e.getValue()).readsRowBack()).findFirst();
                // A nullable reference that closes a loop stays empty in the child's factory.
                if (!cascading || get.isEmpty() || !seedable(child) || field.nullable()
                        || child.name().equals(entity.name())) {
                    continue;
                }
                TestPlanner childPlanner = new TestPlanner(resolver, child, null, List.of());
                String parentUrl = url(delete.get().getKey(), delete.get().getValue(), "user", "child",
                        "child[" + quoted(field.name()) + "]", Map.of());
                String childUrl = childPlanner.url(get.get().getKey(), get.get().getValue(), "user", "child",
                        "child[" + quoted(childPlanner.pk) + "]", Map.of());
                cascades.add(new TestModel.CascadeTest(FactoryPlanner.factoryName(child), Names.snake(child.name())
                        + "_" + Names.snake(field.name()).replaceAll("^_+", ""), parentUrl, childUrl));
            }
        }
        return cascades;
    }

    private boolean seedable(EntityDoc target) {
        return new FactoryPlanner(resolver.entities(), target, "").plan().seedable;
    }

    private TestModel.TestOperation operation(Operation operation, BindingDoc binding) {
        TestModel.TestOperation.Builder b = new TestModel.TestOperation.Builder();
        Action action = Actions.of(binding);
        boolean list = action.listsRows() && !action.groupsRows();
        b.functionName = Names.function(binding.key());
        b.method = operation.method();
        b.label = PyLiteral.comment(operation.label());
        b.action = action;
        b.paged = binding.page().isPresent();
        b.countsTotal = b.paged || list
                && dev.specgen.shapes.Envelopes.roles(binding).containsKey("total");
        b.authenticated = !entity.shared() || binding.auth().map("required"::equals).orElse(true);
        b.shared = entity.shared();
        b.statusCode = operation.successResponses().keySet().iterator().next();
        if (action.findsOwnRow()) {
            // The caller's own row is seeded for every test user (conftest), whatever operations exist.
            b.customTestsOnly = action.customTestsOnly();
            b.actionTests = action.testsTemplate().orElse(null);
            b.meUrl = PyLiteral.str(operation.path());
            if (action.body() != Action.Body.NONE) {
                b.bodyExpression = updateBody(operation);
            }
            return new TestModel.TestOperation(b);
        }
        b.keyInResponses = publicNames.contains(pk);
        if (!seedable(entity)) {
            b.untestableReason = new FactoryPlanner(resolver.entities(), entity, "").plan().unseedableReason;
            return new TestModel.TestOperation(b);
        }
        if (action.groupsRows()) {
            b.customTestsOnly = action.customTestsOnly();
            b.actionTests = action.testsTemplate().orElse(null);
            b.ownUrl = url(operation, binding, "user", "row", "row[" + quoted(pk) + "]", Map.of());
            List<String> groups = dev.specgen.actions.AggregateAction.groupBy(binding).stream()
                    .map(g -> PyLiteral.str(g.text())).toList();
            b.groupKeysLiteral = "(" + String.join(", ", groups) + (groups.size() == 1 ? ",)" : ")");
            List<TestModel.MeasureCheck> checks = new ArrayList<>();
            for (dev.specgen.actions.AggregateAction.Measure m : dev.specgen.actions.AggregateAction.measures(binding)) {
                if (m.field() == null || "sum".equals(m.function())) {
                    checks.add(new TestModel.MeasureCheck(m.property(), m.field()));
                }
            }
            b.measureChecks = checks;
            return new TestModel.TestOperation(b);
        }
        List<String> parentParams = binding.path().values().stream()
                .filter(t -> !BindingDoc.SUBJECT.equals(t) && !t.equals(pk)).toList();
        boolean subjectParam = binding.path().containsValue(BindingDoc.SUBJECT);
        b.underOwnedParent = parentParams.stream().anyMatch(t -> !parentOf(t).shared());
        b.ownUrl = url(operation, binding, "user", "row", "row[" + quoted(pk) + "]", Map.of());
        b.foreignUrl = url(operation, binding, "other", "row", "row[" + quoted(pk) + "]", Map.of());
        if (action.itemAction()) {
            b.missingUrl = url(operation, binding, "user", "row", "MISSING_KEY", Map.of());
            FieldType keyType = FieldType.of(entity.field(pk).orElseThrow().type());
            boolean typedKey = List.of(FieldType.INTEGER, FieldType.BIGINT, FieldType.UUID).contains(keyType);
            if (typedKey && binding.path().containsValue(pk) && operation.declaresStatus("404")
                    && !operation.declaresStatus("400") && !operation.declaresStatus("422")) {
                // No invalid-input status is declared: a key that is not one names no row.
                b.malformedUrl = url(operation, binding, "user", "row", "'not-a-key'", Map.of());
            }
        }
        if (!parentParams.isEmpty() && (list || action.createsRow())) {
            Map<String, String> missing = new java.util.HashMap<>();
            for (String target : parentParams) {
                FieldDoc parentKey = parentOf(target).field(entity.field(target).orElseThrow().foreignKey()
                        .orElseThrow().text("field").orElseThrow()).orElseThrow();
                missing.put(target, SampleValues.missingKey(parentKey).replace('"', '\''));
            }
            b.missingParentUrl = url(operation, binding, "user", "row", "row[" + quoted(pk) + "]", missing);
        }
        b.createNeedsRow = action.createsRow() && !parentParams.isEmpty();
        if (action.createsRow()) {
            // Another user's collection or parent: creating there must look like a missing one.
            b.underOwnedParent = b.underOwnedParent || subjectParam;
        }
        if (action.body() == Action.Body.FULL) {
            Set<String> bodySetup = new LinkedHashSet<>();
            b.bodyExpression = body(operation, bodySetup);
            Set<String> minimalSetup = new LinkedHashSet<>();
            String minimal = body(operation, minimalSetup, true);
            List<String> checks = defaultChecks(operation, action);
            if (!minimal.equals(b.bodyExpression) || !checks.isEmpty()) {
                b.minimalBodyExpression = minimal;
                b.minimalBodySetup = List.copyOf(minimalSetup);
                b.defaultChecks = checks;
            }
            b.unechoableBodies = unechoableBodies(operation);
            b.bodySetup = List.copyOf(bodySetup);
            b.invalidBodyExpression = "[]";
        } else if (action.body() == Action.Body.PARTIAL) {
            b.bodyExpression = updateBody(operation);
            b.invalidBodyExpression = "[]";
        }
        if (action.createsRow() && entity.ownerField().isPresent() && entityModel.forbidExtraOnCreate) {
            b.ownerProbeExpression = "{**" + b.bodyExpression + ", " + PyLiteral.str(entity.ownerField().get())
                    + ": other.id}";
        }
        if (list) {
            listExtras(binding, b);
            // A nested list first finds its parent (through the caller's scope when the parent is owned).
            b.guardQueries = parentParams.size();
        }
        bound.stream().filter(e -> Actions.of(e.getValue()).readsRowBack()).findFirst().ifPresent(g ->
                b.getUrlForRow = url(g.getKey(), g.getValue(), "user", "row", "row[" + quoted(pk) + "]", Map.of()));
        if (action.endsRow()) {
            dev.specgen.actions.DeleteAnswers.of(resolver.contract(), operation, entity).ifPresent(members -> {
                b.answersDelete = true;
                b.deleteAnswerHasKey = members.stream().anyMatch(m -> m.constant().isEmpty());
            });
        }
        if (action.marksDeleted(binding).isPresent()) {
            bound.stream().filter(e -> Actions.of(e.getValue()).listsRows() && !Actions.of(e.getValue()).groupsRows()
                    && e.getValue().page().isEmpty()).findFirst().ifPresent(l ->
                    b.listUrl = url(l.getKey(), l.getValue(), "user", "row", "row[" + quoted(pk) + "]", Map.of()));
        }
        b.hasSubjectParam = binding.path().containsValue(BindingDoc.SUBJECT) && b.authenticated;
        // Only a path user id is answered with the mismatch status (a role or scope the caller lacks is its own test).
        boolean subjectInPath = binding.path().containsValue(BindingDoc.SUBJECT);
        int mismatch = dev.specgen.shapes.SubjectMismatch.status(operation);
        b.subjectForbidden = subjectInPath && mismatch == 403;
        b.subjectUnauthorized = subjectInPath && mismatch == 401;
        grants(Resolver.grantLiterals(resolver.model(), operation, binding), b);
        bound.stream().filter(e -> Actions.of(e.getValue()).readsRowBack()).findFirst().ifPresent(g ->
                b.getUrlForOther = url(g.getKey(), g.getValue(), "other", "row", "row[" + quoted(pk) + "]", Map.of()));
        b.actionTests = action.testsTemplate().orElse(null);
        action.rowChange(binding).ifPresent(change -> {
            change.flipped().ifPresent(field -> b.toggleFieldLiteral = PyLiteral.str(field));
            List<TestModel.SetCheck> checks = new ArrayList<>();
            change.values().forEach((name, value) -> checks.add(
                    new TestModel.SetCheck(PyLiteral.str(name), PyLiteral.value(value))));
            b.setChecks = checks;
            b.setStamped = change.stamped().stream().map(PyLiteral::str).toList();
        });
        return new TestModel.TestOperation(b);
    }

    /**
     * The grant tests: a token with just the first alternative is admitted; a token with none, and one
     * short of each alternative by one grant (where that satisfies no other), is the 403.
     */
    static void grants(List<List<String>> alternatives, TestModel.TestOperation.Builder b) {
        if (alternatives.isEmpty()) {
            return;
        }
        b.admittedGrants = PyLiteral.tupleOf(alternatives.get(0));
        List<String> refused = new ArrayList<>();
        refused.add("()");
        for (List<String> alternative : alternatives) {
            for (String dropped : alternative) {
                List<String> shortOne = alternative.stream().filter(g -> !g.equals(dropped)).toList();
                boolean admitted = alternatives.stream().anyMatch(shortOne::containsAll);
                String literal = PyLiteral.tupleOf(shortOne);
                if (!admitted && !refused.contains(literal)) {
                    refused.add(literal);
                }
            }
        }
        b.refusedGrants = refused;
    }

    private EntityDoc parentOf(String field) {
        return resolver.entities().get(entity.field(field).orElseThrow().foreignKey().orElseThrow()
                .text("entity").orElseThrow());
    }

    /** Filters, sort keys, siblings in the same parent, and page bounds for a list's tests. */
    private void listExtras(BindingDoc binding, TestModel.TestOperation.Builder b) {
        List<TestModel.FilterTest> filters = new ArrayList<>();
        List<TestModel.OperatorFilterTest> operatorFilters = new ArrayList<>();
        for (dev.specgen.modeldoc.FilterDoc filter : binding.filters()) {
            FieldDoc field = entity.field(filter.field()).orElseThrow();
            if (!publicNames.contains(field.name())) {
                continue;
            }
            if (filter.map().isPresent()) {
                operatorFilters.add(new TestModel.OperatorFilterTest(filter.param(), field.name(),
                        PyLiteral.value(filter.map().get()), false));
                continue;
            }
            if (List.of("gte", "lte", "gt", "lt", "neq").contains(filter.op())
                    || "eq".equals(filter.op()) && !filter.param().equals(field.name())) {
                operatorFilters.add(new TestModel.OperatorFilterTest(filter.param(), field.name(), null,
                        List.of("eq", "gte", "lte").contains(filter.op())));
                continue;
            }
            if (!"eq".equals(filter.op())) {
                continue; // in and is_null need rows with chosen values: covered by the route's own checks
            }
            filters.add(new TestModel.FilterTest(field.name(), SampleValues.other(field)));
        }
        b.filters = filters;
        b.operatorFilters = operatorFilters;
        dev.specgen.actions.Search.Spec.of(binding).ifPresent(search -> search.fields().stream()
                .map(dev.specgen.load.YScalar::text)
                .filter(name -> publicNames.contains(name) && !entity.field(name).orElseThrow().nullable())
                .findFirst().ifPresent(field -> {
                    b.searchParamLiteral = PyLiteral.str(search.param());
                    b.searchFieldLiteral = PyLiteral.str(field);
                }));
        List<TestModel.OrderCheck> order = new ArrayList<>();
        for (dev.specgen.load.YScalar key : binding.order()) {
            boolean descending = key.text().startsWith("-");
            String name = descending ? key.text().substring(1) : key.text();
            if (!publicNames.contains(name)) {
                break; // only a prefix of keys the responses carry can be checked
            }
            order.add(new TestModel.OrderCheck(name, descending));
        }
        b.orderChecks = order;
        List<TestModel.SortKey> sortKeys = new ArrayList<>();
        for (dev.specgen.load.YScalar name : binding.sortFields()) {
            FieldDoc field = entity.field(name.text()).orElseThrow();
            if (publicNames.contains(field.name()) && !field.nullable() && SampleValues.sortsAsPython(field)) {
                sortKeys.add(new TestModel.SortKey(field.name()));
            }
        }
        b.sortKeys = sortKeys;
        binding.sort().ifPresent(sort -> {
            b.sortParam = sort.text("param").orElse("sort");
            b.directionParam = sort.text("direction_param").orElse(null);
        });
        List<String> siblings = new ArrayList<>();
        for (String target : binding.path().values()) {
            if (BindingDoc.SUBJECT.equals(target) || target.equals(pk)) {
                continue;
            }
            String parentKey = entity.field(target).orElseThrow().foreignKey().orElseThrow().text("field")
                    .orElseThrow();
            siblings.add(PyLiteral.str(target) + ": {" + PyLiteral.str(parentKey) + ": first[" + PyLiteral.str(target)
                    + "]}");
        }
        b.siblingArgs = siblings.isEmpty() ? "" : ", {" + String.join(", ", siblings) + "}";
        dev.specgen.actions.Pagination.Page.of(binding).ifPresent(page -> {
            b.sizeParamLiteral = PyLiteral.str(page.sizeParam());
            b.positionParamLiteral = PyLiteral.str(page.positionParam());
            b.pageStyle = page.pageStyle();
            java.util.Set<String> roles = resolver.numberRoles(binding).keySet();
            int size = Math.min(2, page.max().intValue());
            List<String> first = new ArrayList<>();
            List<String> second = new ArrayList<>();
            for (String role : roles) {
                String one = switch (role) {
                    case "total" -> "3";
                    case "page" -> "1";
                    case "offset" -> "0";
                    default -> Integer.toString(size);
                };
                String two = switch (role) {
                    case "total" -> "3";
                    case "page" -> "2";
                    case "offset" -> Integer.toString(size);
                    default -> Integer.toString(size);
                };
                first.add(PyLiteral.str(role) + ": " + one);
                second.add(PyLiteral.str(role) + ": " + two);
            }
            b.firstPageNumbers = first;
            b.secondPageNumbers = second;
        });
        b.pageMax = binding.page().flatMap(p -> p.scalar("max")).flatMap(dev.specgen.load.YScalar::number)
                .map(BigDecimal::toPlainString).orElse(null);
    }

    /** A key inside an f-string expression: single-quoted (field names need no escaping). */
    private static String quoted(String name) {
        return "'" + name + "'";
    }

    /**
     * An f-string URL for an operation. Path parameters bound to the subject use {@code who.id}; the
     * primary key is {@code key}; foreign keys come from {@code rowVar} unless {@code overrides} names
     * a value for that field.
     */
    private String url(Operation operation, BindingDoc binding, String who, String rowVar, String key,
            Map<String, String> overrides) {
        StringBuilder out = new StringBuilder("f\"");
        Matcher matcher = TEMPLATE.matcher(operation.path());
        int last = 0;
        while (matcher.find()) {
            out.append(fstringText(operation.path().substring(last, matcher.start())));
            String target = binding.path().get(matcher.group(1));
            out.append('{');
            if (BindingDoc.SUBJECT.equals(target)) {
                out.append(who).append(".id");
            } else if (target.equals(pk)) {
                out.append(key);
            } else {
                out.append(overrides.getOrDefault(target, rowVar + "[" + quoted(target) + "]"));
            }
            out.append('}');
            last = matcher.end();
        }
        if (last == 0) {
            return PyLiteral.str(operation.path()); // no parameters: a plain string, not an f-string
        }
        out.append(fstringText(operation.path().substring(last))).append('"');
        return out.toString();
    }

    private static String fstringText(String text) {
        return PyLiteral.body(text, '"').replace("{", "{{").replace("}", "}}");
    }

    private Optional<SchemaView> requestSchema(Operation operation) {
        return operation.requestSchema().flatMap(s -> SchemaView.of(resolver.contract(), s));
    }

    /**
     * For each field a response carries that the minimal body leaves out and that has a default whose
     * JSON form is exact: a comparison of the response with it. Decimals are left out (the database
     * gives them their scale) and so are server-set fields.
     */
    private List<String> defaultChecks(Operation operation, Action action) {
        Set<String> required = requestSchema(operation).map(SchemaView::required).orElse(Set.of());
        Set<String> properties = requestSchema(operation).map(s -> s.properties().keySet()).orElse(Set.of());
        List<String> checks = new ArrayList<>();
        for (FieldDoc field : entity.fields().values()) {
            FieldType type = FieldType.of(field.type());
            // A replace resets what its body may carry; what the body cannot carry keeps its value.
            boolean resets = action.createsRow() || properties.contains(field.name());
            if (field.hasDefault() && publicNames.contains(field.name()) && !required.contains(field.name())
                    && type != FieldType.DECIMAL && field.generated().isEmpty() && resets) {
                String expected = field.defaultValue().filter(v -> v instanceof dev.specgen.load.YScalar scalar
                        && scalar.isString()).map(v -> PyLiteral.str(((dev.specgen.load.YScalar) v).text()))
                        .orElseGet(() -> PyLiteral.value(field.defaultValue().orElseThrow()));
                // Identity for the singletons, as ruff's E711 and E712 ask, and a stricter check besides.
                String compare = expected.equals("None") || expected.equals("True") || expected.equals("False")
                        ? " is " : " == ";
                boolean omitted = Resolver.omittedWhenNull(entity, resolver.schemaFor(entity, "public")).contains(field);
                if (omitted && expected.equals("None")) {
                    // The contract makes it optional and not nullable: a null is no member at all.
                    checks.add("assert " + PyLiteral.str(field.name()) + " not in created");
                } else {
                    checks.add("assert created[" + PyLiteral.str(field.name()) + "]" + compare + expected);
                }
            }
        }
        return checks;
    }

    /** A lone surrogate in each string property (stored, it would be a 500), and NaN in the first. */
    private String unechoableBodies(Operation operation) {
        List<String> bodies = new ArrayList<>();
        Set<String> properties = requestSchema(operation).map(s -> s.properties().keySet()).orElse(Set.of());
        for (String property : properties) {
            if (entity.field(property).map(f -> FieldType.of(f.type()).hasLength()).orElse(false)) {
                bodies.add(PyLiteral.str("{" + jsonString(property) + ": \"\\ud800\"}"));
            }
        }
        properties.stream().findFirst().ifPresent(first -> bodies.add(PyLiteral.str("{" + jsonString(first)
                + ": NaN}")));
        return String.join(", ", bodies);
    }

    private static String jsonString(String text) {
        return "\"" + text.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }

    /** A create body: every property with a sample value; foreign keys from parents made in setup. */
    private String body(Operation operation, Set<String> setup) {
        return body(operation, setup, false);
    }

    /** {@code requiredOnly}: only the properties the contract requires, so the server fills the rest. */
    private String body(Operation operation, Set<String> setup, boolean requiredOnly) {
        Set<String> distinct = FactoryPlanner.distinctFields(entity);
        Set<String> required = requestSchema(operation).map(SchemaView::required).orElse(Set.of());
        List<String> entries = new ArrayList<>();
        for (String property : requestSchema(operation).map(s -> s.properties().keySet()).orElse(Set.of())) {
            if (requiredOnly && !required.contains(property)) {
                continue;
            }
            FieldDoc field = entity.field(property).orElseThrow();
            String value;
            if (field.foreignKey().isPresent()) {
                EntityDoc parent = resolver.entities().get(field.foreignKey().get().text("entity").orElseThrow());
                String variable = FactoryPlanner.parentVariable(property);
                setup.add(variable + " = " + FactoryPlanner.factoryName(parent) + "(client, user, n)");
                value = variable + "[" + PyLiteral.str(field.foreignKey().get().text("field").orElseThrow()) + "]";
            } else {
                value = asWire(operation, property, field,
                        SampleValues.of(field, entity.name() + "." + field.name(), "n", distinct.contains(property)));
            }
            entries.add(PyLiteral.str(property) + ": " + value);
        }
        return "{" + String.join(", ", entries) + "}";
    }

    /**
     * A decimal the contract sends as a JSON number is written as one (money with multipleOf); an enum
     * value the body's narrower enum refuses ({@code [income, expense]} over three values) is its first.
     */
    private String asWire(Operation operation, String property, FieldDoc field, String sample) {
        Optional<SchemaView> schema = requestSchema(operation).flatMap(s -> s.property(property));
        List<String> accepted = schema.map(SchemaView::enumValues).orElse(List.of());
        if (FieldType.of(field.type()) == FieldType.ENUM && !accepted.isEmpty()
                && accepted.stream().map(PyLiteral::str).noneMatch(sample::equals)) {
            return PyLiteral.str(accepted.get(0));
        }
        boolean number = schema.flatMap(SchemaView::type).filter("number"::equals).isPresent();
        if (number && FieldType.of(field.type()) == FieldType.DECIMAL && sample.startsWith("\"")) {
            return "float(" + sample + ")";
        }
        return sample;
    }

    /** An update body: the first property that is not a foreign key, with a fresh sample value. */
    private String updateBody(Operation operation) {
        Set<String> distinct = FactoryPlanner.distinctFields(entity);
        for (String property : requestSchema(operation).map(s -> s.properties().keySet()).orElse(Set.of())) {
            FieldDoc field = entity.field(property).orElseThrow();
            if (field.foreignKey().isEmpty()) {
                return "{" + PyLiteral.str(property) + ": " + asWire(operation, property, field, SampleValues.of(field,
                        entity.name() + "." + property, "n + 100", distinct.contains(property))) + "}";
            }
        }
        return "{}";
    }
}
