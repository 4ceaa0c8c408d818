package dev.specgen.resolve;

import dev.specgen.contract.Operation;
import dev.specgen.contract.SchemaView;
import dev.specgen.modeldoc.BindingDoc;
import dev.specgen.modeldoc.EntityDoc;
import dev.specgen.modeldoc.FieldDoc;
import dev.specgen.modeldoc.FieldType;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Plans the generated tests of one entity: how to make a row through the contract itself, the URL
 * of each operation for a row, and sample bodies computed from field types and constraints.
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

    static String factoryName(EntityDoc entity) {
        return "make_" + Names.snake(entity.name());
    }

    TestModel plan() {
        Optional<Map.Entry<Operation, BindingDoc>> creator = creatorOf(entity, resolver);
        List<String> factory = new ArrayList<>();
        if (creator.isPresent()) {
            Operation operation = creator.get().getKey();
            BindingDoc binding = creator.get().getValue();
            java.util.Set<String> setup = new java.util.LinkedHashSet<>();
            String url = url(operation, binding, "user", null, setup);
            String body = body(operation, setup);
            factory.addAll(setup);
            factory.add("response = client.post(" + url + ", json=" + body + ", headers=user.headers)");
            factory.add("assert response.status_code == " + operation.successResponses().keySet().iterator().next()
                    + ", response.text");
            factory.add("return body_row(response)");
        }
        List<TestModel.TestOperation> operations = new ArrayList<>();
        for (Map.Entry<Operation, BindingDoc> entry : bound) {
            operations.add(operation(entry.getKey(), entry.getValue(), creator));
        }
        String missing = missingKey(entity.field(pk).orElseThrow());
        return new TestModel(entityModel.module, entity.name(), factoryName(entity), factory, PyLiteral.str(pk),
                missing, operations, cascades());
    }

    /** For each child whose foreign key cascades from this entity: delete the parent, the child is gone. */
    private List<TestModel.CascadeTest> cascades() {
        List<TestModel.CascadeTest> cascades = new ArrayList<>();
        Optional<Map.Entry<Operation, BindingDoc>> delete = bound.stream()
                .filter(e -> "delete".equals(e.getValue().action())).findFirst();
        if (delete.isEmpty() || delete.get().getValue().path().values().stream()
                .anyMatch(t -> !BindingDoc.SUBJECT.equals(t) && !t.equals(pk))) {
            return cascades;
        }
        for (EntityDoc child : resolver.entities().values()) {
            for (FieldDoc field : child.fields().values()) {
                boolean cascading = field.foreignKey().filter(fk -> entity.name().equals(fk.text("entity").orElse(""))
                        && "cascade".equals(fk.text("on_delete").orElse("")) && pk.equals(fk.text("field").orElse("")))
                        .isPresent();
                if (!cascading) {
                    continue;
                }
                List<Map.Entry<Operation, BindingDoc>> childOps = resolver.boundOperations(child);
                Optional<Map.Entry<Operation, BindingDoc>> get = childOps.stream()
                        .filter(e -> "get".equals(e.getValue().action())).findFirst();
                TestPlanner childPlanner = new TestPlanner(resolver, child, null, childOps);
                if (get.isEmpty() || creatorOf(child, resolver).isEmpty()
                        || !childPlanner.publicNames.contains(field.name())
                        || !childPlanner.publicNames.contains(childPlanner.pk)) {
                    continue;
                }
                String parentUrl = url(delete.get().getKey(), delete.get().getValue(), "user", "parent_row",
                        new ArrayList<>());
                String childUrl = childPlanner.url(get.get().getKey(), get.get().getValue(), "user", "child",
                        new ArrayList<>());
                cascades.add(new TestModel.CascadeTest(factoryName(child), Names.snake(child.name()) + "_"
                        + field.name(), "{" + PyLiteral.str(pk) + ": child[" + PyLiteral.str(field.name()) + "]}",
                        parentUrl, childUrl));
            }
        }
        return cascades;
    }

    static Optional<Map.Entry<Operation, BindingDoc>> creatorOf(EntityDoc entity, Resolver resolver) {
        return resolver.boundOperations(entity).stream().filter(e -> "create".equals(e.getValue().action()))
                .findFirst();
    }

    private TestModel.TestOperation operation(Operation operation, BindingDoc binding,
            Optional<Map.Entry<Operation, BindingDoc>> creator) {
        TestModel.TestOperation.Builder b = new TestModel.TestOperation.Builder();
        String action = binding.action();
        b.functionName = Names.function(binding.key());
        b.method = operation.method();
        b.label = PyLiteral.comment(operation.label());
        b.action = action;
        b.paged = binding.page().isPresent();
        b.authenticated = !entity.shared() || binding.auth().map("required"::equals).orElse(true);
        b.statusCode = operation.successResponses().keySet().iterator().next();
        if (List.of("me", "update_me").contains(action)) {
            // The caller's own row is seeded for every test user (conftest), whatever operations exist.
            b.customTestsOnly = true;
            b.actionTests = "meTests";
            b.meUrl = PyLiteral.str(operation.path());
            if ("update_me".equals(action)) {
                b.bodyExpression = updateBody(operation);
            }
            return new TestModel.TestOperation(b);
        }
        if (creator.isEmpty()) {
            b.untestableReason = entity.name() + " has no create operation to make rows with";
            return new TestModel.TestOperation(b);
        }
        if ("aggregate".equals(action)) {
            b.customTestsOnly = true;
            b.actionTests = "aggregateTests";
            b.ownUrl = url(operation, binding, "user", "row", new ArrayList<>());
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
        if (!publicNames.contains(pk)) {
            b.untestableReason = "responses of " + entity.name() + " do not include its primary key " + pk;
            return new TestModel.TestOperation(b);
        }
        List<String> setup = new ArrayList<>();
        b.ownUrl = url(operation, binding, "user", "row", setup);
        b.foreignUrl = url(operation, binding, "other", "row", new ArrayList<>());
        if (binding.isItemAction()) {
            b.missingUrl = url(operation, binding, "user", "MISSING", new ArrayList<>());
        }
        b.nestedList = "list".equals(action) && binding.path().values().stream()
                .anyMatch(t -> !BindingDoc.SUBJECT.equals(t) && !t.equals(pk));
        boolean createWithParentPath = "create".equals(action) && binding.path().values().stream()
                .anyMatch(t -> !BindingDoc.SUBJECT.equals(t));
        b.createNeedsRow = createWithParentPath;
        if (!setup.isEmpty() || b.ownUrl.contains("row[") && !List.of("list", "create").contains(action)
                && !binding.isItemAction()) {
            b.untestableReason = "the URL of " + binding.key() + " needs values its rows do not return";
            return new TestModel.TestOperation(b);
        }
        if (b.ownUrl.contains("MISSING_FIELD")) {
            b.untestableReason = "the URL of " + binding.key() + " uses a field its responses do not return";
            return new TestModel.TestOperation(b);
        }
        if (List.of("create", "replace").contains(action)) {
            java.util.Set<String> bodySetup = new java.util.LinkedHashSet<>();
            b.bodyExpression = body(operation, bodySetup);
            b.firstBodyField = operation.requestSchema().flatMap(x -> SchemaView.of(resolver.contract(), x))
                    .flatMap(x -> x.properties().keySet().stream().findFirst())
                    .map(name -> name.replace("\\", "\\\\").replace("\"", "\\\"").replace("'", "\\'")).orElse("x");
            // Outside a factory there are no parent rows to reuse: make them.
            b.bodySetup = bodySetup.stream().map(line -> line.replaceFirst("parents\\.get\\([^)]*\\) or ", ""))
                    .toList();
            b.invalidBodyExpression = "[]";
        } else if ("update".equals(action)) {
            b.bodyExpression = updateBody(operation);
            b.invalidBodyExpression = "[]";
        }
        if ("create".equals(action) && entity.ownerField().isPresent() && entityModel.forbidExtraOnCreate) {
            b.ownerProbeExpression = "{**" + b.bodyExpression + ", " + PyLiteral.str(entity.ownerField().get())
                    + ": other.id}";
        }
        if ("list".equals(action)) {
            listExtras(binding, b);
            // A nested list first finds its parent through the caller's scope (a 404 when it is not theirs).
            b.guardQueries = (int) binding.path().values().stream().filter(t -> !BindingDoc.SUBJECT.equals(t)
                    && !t.equals(pk) && entity.field(t).flatMap(FieldDoc::foreignKey)
                    .map(fk -> !resolver.entities().get(fk.text("entity").orElseThrow()).shared()).orElse(false))
                    .count();
        }
        Optional<Map.Entry<Operation, BindingDoc>> getter = bound.stream()
                .filter(e -> "get".equals(e.getValue().action())).findFirst();
        getter.ifPresent(g -> b.getUrlForRow = url(g.getKey(), g.getValue(), "user", "row", new ArrayList<>()));
        b.hasSubjectParam = binding.path().containsValue(BindingDoc.SUBJECT) && b.authenticated;
        b.subjectForbidden = operation.declaresStatus("403");
        getter.ifPresent(g -> b.getUrlForOther = url(g.getKey(), g.getValue(), "other", "row", new ArrayList<>()));
        if ("toggle".equals(action)) {
            b.actionTests = "toggleTests";
            b.toggleFieldLiteral = PyLiteral.str(binding.node().text("field").orElseThrow());
        } else if ("set".equals(action)) {
            b.actionTests = "setTests";
            List<TestModel.SetCheck> checks = new ArrayList<>();
            binding.node().map("values").orElseThrow().entries().forEach((name, value) -> checks.add(
                    new TestModel.SetCheck(PyLiteral.str(name), PyLiteral.value(value))));
            b.setChecks = checks;
        }
        return new TestModel.TestOperation(b);
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
            filters.add(new TestModel.FilterTest(field.name(), otherValue(field)));
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
            if (publicNames.contains(field.name()) && !field.nullable()) {
                sortKeys.add(new TestModel.SortKey(field.name()));
            }
        }
        b.sortKeys = sortKeys;
        List<String> siblings = new ArrayList<>();
        boolean siblingsPossible = true;
        for (Map.Entry<String, String> path : binding.path().entrySet()) {
            String target = path.getValue();
            if (BindingDoc.SUBJECT.equals(target) || target.equals(pk)) {
                continue;
            }
            FieldDoc field = entity.field(target).orElseThrow();
            String parentKey = field.foreignKey().orElseThrow().text("field").orElseThrow();
            if (!publicNames.contains(target)) {
                siblingsPossible = false;
            }
            siblings.add(target + "={" + PyLiteral.str(parentKey) + ": first[" + PyLiteral.str(target) + "]}");
        }
        b.siblingArgs = siblingsPossible ? (siblings.isEmpty() ? "" : ", " + String.join(", ", siblings)) : null;
        dev.specgen.actions.Pagination.Page.of(binding).ifPresent(page -> {
            b.sizeParamLiteral = PyLiteral.str(page.sizeParam());
            b.positionParamLiteral = PyLiteral.str(page.positionParam());
            b.pageStyle = page.pageStyle();
            java.util.Set<String> roles = resolver.numberRoles(binding).keySet();
            List<String> first = new ArrayList<>();
            List<String> second = new ArrayList<>();
            for (String role : roles) {
                String one = switch (role) {
                    case "total" -> "3";
                    case "page" -> "1";
                    case "offset" -> "0";
                    default -> "2";
                };
                String two = switch (role) {
                    case "total" -> "3";
                    case "page", "offset", "limit", "page_size" -> "2";
                    default -> "2";
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

    /** A value of the field that the first sample row does not have, or null when none is known. */
    private static String otherValue(FieldDoc field) {
        return switch (FieldType.of(field.type())) {
            case BOOLEAN -> "True";
            case ENUM -> field.values().size() > 1 ? PyLiteral.str(field.values().get(1)) : null;
            case STRING, TEXT -> field.node().has("pattern") ? null : PyLiteral.str("x");
            default -> null;
        };
    }

    /**
     * An f-string URL for an operation. Path parameters bound to the subject use {@code user.id};
     * the primary key and foreign keys come from {@code row} (the row the test acts on). Without a
     * row, foreign keys need a parent made first: those lines are added to {@code setup}.
     */
    private String url(Operation operation, BindingDoc binding, String user, String row,
            java.util.Collection<String> setup) {
        StringBuilder out = new StringBuilder("f\"");
        Matcher matcher = TEMPLATE.matcher(operation.path());
        int last = 0;
        while (matcher.find()) {
            out.append(fstringText(operation.path().substring(last, matcher.start())));
            String param = matcher.group(1);
            String target = binding.path().get(param);
            out.append('{');
            if (BindingDoc.SUBJECT.equals(target)) {
                out.append(user).append(".id");
            } else if (target.equals(pk)) {
                out.append("MISSING".equals(row) ? "MISSING_KEY" : row + "[" + PyLiteral.str(pk).replace('"', '\'') + "]");
            } else if (row == null || "MISSING".equals(row)) {
                FieldDoc field = entity.field(target).orElseThrow();
                EntityDoc parent = resolver.entities().get(field.foreignKey().orElseThrow().text("entity").orElseThrow());
                String variable = "parent_" + Names.snake(target);
                setup.add(variable + " = parents.get(" + PyLiteral.str(target) + ") or " + factoryName(parent)
                        + "(client, " + user + ", n)");
                String parentKey = field.foreignKey().orElseThrow().text("field").orElseThrow();
                out.append(variable).append("[").append(PyLiteral.str(parentKey).replace('"', '\'')).append("]");
            } else if (publicNames.contains(target)) {
                out.append(row).append("[").append(PyLiteral.str(target).replace('"', '\'')).append("]");
            } else {
                out.append("MISSING_FIELD");
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
        return PyLiteral.str(text).substring(1, PyLiteral.str(text).length() - 1).replace("{", "{{").replace("}", "}}");
    }

    /** A create body: every property with a sample value; foreign keys from parents made in setup. */
    private String body(Operation operation, java.util.Collection<String> setup) {
        Optional<SchemaView> schema = operation.requestSchema().flatMap(s -> SchemaView.of(resolver.contract(), s));
        List<String> entries = new ArrayList<>();
        for (String property : schema.map(s -> s.properties().keySet()).orElse(Set.of())) {
            FieldDoc field = entity.field(property).orElseThrow();
            String value;
            if (field.foreignKey().isPresent()) {
                EntityDoc parent = resolver.entities().get(field.foreignKey().get().text("entity").orElseThrow());
                String variable = "parent_" + Names.snake(property);
                setup.add(variable + " = parents.get(" + PyLiteral.str(property) + ") or " + factoryName(parent)
                        + "(client, user, n)");
                value = variable + "[" + PyLiteral.str(field.foreignKey().get().text("field").orElseThrow()) + "]";
            } else {
                value = sample(field, "n");
            }
            entries.add(PyLiteral.str(property) + ": " + value);
        }
        return "{" + String.join(", ", entries) + "}";
    }

    /** An update body: the first property that is not a foreign key, with a fresh sample value. */
    private String updateBody(Operation operation) {
        Optional<SchemaView> schema = operation.requestSchema().flatMap(s -> SchemaView.of(resolver.contract(), s));
        for (String property : schema.map(s -> s.properties().keySet()).orElse(Set.of())) {
            FieldDoc field = entity.field(property).orElseThrow();
            if (field.foreignKey().isEmpty()) {
                return "{" + PyLiteral.str(property) + ": " + sample(field, "n + 100") + "}";
            }
        }
        return "{}";
    }

    /** A Python expression of a valid value for the field, varying with {@code n} where it can. */
    static String sample(FieldDoc field, String n) {
        FieldType type = FieldType.of(field.type());
        return switch (type) {
            case STRING, TEXT -> {
                if (field.hasDefault() && field.node().has("pattern")) {
                    yield PyLiteral.str(field.defaultValue().map(v -> ((dev.specgen.load.YScalar) v).text()).orElse(""));
                }
                // unique() keeps values distinct across rows, whatever unique constraints say.
                int max = field.number("max_length").map(BigDecimal::intValue).orElse(64);
                int min = field.number("min_length").map(BigDecimal::intValue).orElse(0);
                String prefix = field.name().replace("_", "-");
                String base = "f\"" + prefix + "-{" + n + "}-{unique()}\"";
                if (max < prefix.length() + 12) {
                    base = "str(unique()).rjust(" + Math.max(1, Math.min(max, Math.max(min, 1))) + ", \"0\")[-" + max + ":]";
                }
                yield min > prefix.length() + 2 ? "(" + base + " + \"x\" * " + min + ")[:" + max + "]" : base;
            }
            case INTEGER, BIGINT -> {
                BigDecimal low = field.number("minimum").orElse(BigDecimal.ONE);
                BigDecimal high = field.number("maximum").orElse(low.add(BigDecimal.valueOf(1000)));
                yield low.toBigInteger() + " + (" + n + ") % " + high.subtract(low).add(BigDecimal.ONE).toBigInteger();
            }
            case FLOAT -> field.number("minimum").map(m -> m.toPlainString() + ".0").orElse("1.5");
            case DECIMAL -> PyLiteral.str(field.number("minimum").map(BigDecimal::toPlainString).orElse("1"));
            case BOOLEAN -> "False";
            case UUID -> "str(uuid.uuid4())";
            case DATE -> "f\"2030-01-{(" + n + ") % 28 + 1:02d}\"";
            case DATETIME -> "\"2030-01-01T00:00:00Z\"";
            case ENUM -> PyLiteral.str(field.values().get(0));
            case JSON -> "{}";
        };
    }

    private static String missingKey(FieldDoc field) {
        return switch (FieldType.of(field.type())) {
            case INTEGER, BIGINT -> "999999999";
            case UUID -> "\"00000000-0000-4000-8000-000000000000\"";
            default -> "\"does-not-exist\"";
        };
    }
}
