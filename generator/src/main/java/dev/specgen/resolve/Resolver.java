package dev.specgen.resolve;

import dev.specgen.contract.Contract;
import dev.specgen.contract.Operation;
import dev.specgen.contract.Parameter;
import dev.specgen.contract.SchemaView;
import dev.specgen.load.YMap;
import dev.specgen.load.YNode;
import dev.specgen.load.YScalar;
import dev.specgen.modeldoc.BindingDoc;
import dev.specgen.modeldoc.EntityDoc;
import dev.specgen.modeldoc.FieldDoc;
import dev.specgen.modeldoc.FieldType;
import dev.specgen.modeldoc.ModelDoc;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The resolve stage: turns a validated model and contract into the immutable {@link ServiceModel}.
 * It trusts the validate stage; a broken invariant here is a specgen defect, not a user error.
 */
public final class Resolver {
    private final ModelDoc model;
    private final Contract contract;
    private final Map<String, EntityDoc> entities;
    private final Map<String, Operation> operations;
    private final Map<String, BindingDoc> bindings;
    private Map<String, List<Map.Entry<Operation, BindingDoc>>> boundByEntity;
    private SchemaClassNames schemaClassNames;

    public Resolver(ModelDoc model, Contract contract) {
        this.model = model;
        this.contract = contract;
        this.entities = model.entities();
        this.operations = contract.operationsByKey();
        this.bindings = model.bindings();
    }

    public ServiceModel resolve() {
        AuthModel auth = auth();
        List<EntityModel> entityModels = new ArrayList<>();
        List<RouterModel> routers = new ArrayList<>();
        List<TestModel> tests = new ArrayList<>();
        List<String> exports = new ArrayList<>();
        List<String> schemaExports = new ArrayList<>();
        for (EntityDoc entity : entities.values()) {
            EntityModel entityModel = entity(entity);
            entityModels.add(entityModel);
            exports.add(entityModel.className);
            schemaExports.addAll(entityModel.schemaClasses);
            entityModel.enums.forEach(e -> exports.add(e.className));
            List<Map.Entry<Operation, BindingDoc>> bound = boundOperations(entity);
            if (!bound.isEmpty()) {
                routers.add(router(entity, entityModel, bound));
                tests.add(new TestPlanner(this, entity, entityModel, bound).plan());
            }
        }
        exports.sort(String::compareTo);
        schemaExports.sort(String::compareTo);
        YMap info = contract.root().map("info").orElse(contract.root());
        String title = model.service().text("title").orElseThrow();
        Optional<String> description = model.service().text("description").or(() -> info.text("description"));
        return new ServiceModel(PyLiteral.str(title), PyLiteral.str(info.text("version").orElse("0.1.0")),
                description.map(PyLiteral::str).orElse(null), PyLiteral.comment(title), auth, entityModels, routers,
                tests, exports, schemaExports, new SummaryPlanner(this).plan(entityModels.stream()
                        .collect(java.util.stream.Collectors.toMap(e -> e.className, e -> e))), probeUrl(),
                ContractJson.of(contract.root()), healthChecks(), seeds(), new HandwrittenPlanner(contract, model),
                responsePaths(),
                new ErrorPlanner(contract, model, dev.specgen.shapes.ErrorShapes.explicitFill(model.root())).plan(),
                dev.specgen.contract.Servers.basePath(contract), new AccountPlanner(this, contract, model).plan());
    }

    /** Where a list's numbers sit in its response, by role: the envelope's, or v1's page object. */
    java.util.Map<String, List<String>> numberRoles(BindingDoc binding) {
        java.util.Map<String, List<String>> roles = new java.util.LinkedHashMap<>(dev.specgen.shapes.Envelopes.roles(binding));
        if (roles.isEmpty() && dev.specgen.actions.Pagination.Page.of(binding).map(p -> !p.pageStyle()).orElse(false)) {
            roles = new java.util.LinkedHashMap<>(dev.specgen.shapes.Envelopes.v1Page());
        }
        roles.remove("row");
        roles.remove("rows");
        return roles;
    }

    /** Where each operation's response carries its row, its rows and its numbers, for the tests. */
    private List<List<String>> responsePaths() {
        List<String> row = new ArrayList<>();
        List<String> rows = new ArrayList<>();
        List<String> numbers = new ArrayList<>();
        for (Operation operation : contract.operations()) {
            BindingDoc binding = model.bindingFor(operation).orElse(null);
            if (binding == null || binding.entityName().isEmpty()) {
                continue;
            }
            String key = "(" + PyLiteral.str(operation.method().toUpperCase(Locale.ROOT)) + ", "
                    + PyLiteral.str(operation.path()) + ")";
            java.util.Map<String, List<String>> roles = dev.specgen.shapes.Envelopes.roles(binding);
            boolean list = dev.specgen.actions.Actions.of(binding).listsRows();
            boolean v1Page = list && roles.isEmpty()
                    && dev.specgen.actions.Pagination.Page.of(binding).map(p -> !p.pageStyle()).orElse(false);
            List<String> carrier = v1Page ? List.of("items") : roles.getOrDefault(list ? "rows" : "row", List.of());
            if (!carrier.isEmpty()) {
                (list ? rows : row).add(key + ": " + tuple(carrier));
            }
            if (list) {
                java.util.Map<String, List<String>> numberRoles = numberRoles(binding);
                if (!numberRoles.isEmpty()) {
                    List<String> entries = new ArrayList<>();
                    numberRoles.forEach((role, path) -> entries.add(PyLiteral.str(role) + ": " + tuple(path)));
                    numbers.add(key + ": {" + String.join(", ", entries) + "}");
                }
            }
        }
        return List.of(row, rows, numbers);
    }

    private static String tuple(List<String> path) {
        return "(" + String.join(", ", path.stream().map(PyLiteral::str).toList()) + (path.size() == 1 ? ",)" : ")");
    }

    /**
     * The rows the tests seed for each test user in tables another service owns: an external entity
     * whose primary key is its owner (an auth service's user table) gets a row per user, with sample
     * values in every column that needs one.
     */
    private List<SeedModel> seeds() {
        List<SeedModel> seeds = new ArrayList<>();
        for (EntityDoc entity : entities.values()) {
            String key = entity.primaryKeys().isEmpty() ? null : entity.primaryKeys().get(0).name();
            // The users of register and login are seeded too: the test users' tokens name their rows.
            boolean users = model.bindings().values().stream().anyMatch(b -> entity.name().equals(
                    b.node().text("users").orElse(null)));
            if (!entity.external() && !users || key == null || !entity.ownerField().filter(key::equals).isPresent()) {
                continue;
            }
            List<String> kwargs = new ArrayList<>();
            Optional<SchemaView> row = schemaFor(entity, "public");
            for (FieldDoc field : entity.fields().values()) {
                String attribute = Names.attribute(field.name());
                if (field.name().equals(key)) {
                    kwargs.add(attribute + "=" + switch (FieldType.of(field.type())) {
                        case INTEGER, BIGINT -> "int(user.id)";
                        case UUID -> "uuid.UUID(user.id)";
                        default -> "user.id";
                    });
                } else if (!field.nullable() && !field.hasDefault() && field.generated().isEmpty()) {
                    // The contract's format holds for a seeded row too: GET /me answers it as is.
                    kwargs.add(attribute + "=" + SeedModel.sample(field, row.flatMap(r -> r.property(field.name()))
                            .flatMap(SchemaView::format)));
                }
            }
            seeds.add(new SeedModel(entity.name(), kwargs));
        }
        return seeds;
    }

    /** The health check routes: public unless the contract secures them. */
    private List<HealthModel> healthChecks() {
        List<HealthModel> checks = new ArrayList<>();
        for (Operation operation : contract.operations()) {
            BindingDoc binding = model.bindingFor(operation).orElse(null);
            if (binding == null || !dev.specgen.actions.HealthAction.binds(binding)) {
                continue;
            }
            String status = operation.successResponses().keySet().iterator().next();
            Optional<SchemaView> schema = operation.jsonSchemaOf(operation.successResponses().values().iterator().next())
                    .flatMap(s -> SchemaView.of(contract, s));
            List<String> members = new ArrayList<>();
            schema.ifPresent(s -> dev.specgen.shapes.ConstantBody.members(contract, s).forEach((name, value) ->
                    members.add(PyLiteral.str(name) + ": " + PyLiteral.value(value))));
            boolean secured = operation.requiresToken();
            checks.add(new HealthModel(operation.method(), PyLiteral.str(operation.path()), Names.function(binding.key()),
                    operation.operationId().orElse(null), status, members, schema.isPresent(), secured,
                    operation.declaresStatus("503")));
        }
        return checks;
    }

    /** A list of rows (not an aggregate over them). */
    private static boolean isList(BindingDoc binding) {
        dev.specgen.actions.Action action = dev.specgen.actions.Actions.of(binding);
        return action.listsRows() && !action.groupsRows();
    }

    /** The first authenticated list whose only path parameters are the subject, as a test f-string. */
    private String probeUrl() {
        return probeUrl("list");
    }

    /** The first authenticated operation of this action whose only path parameters are the subject. */
    private String probeUrl(String action) {
        for (Operation operation : contract.operations()) {
            BindingDoc binding = model.bindingFor(operation).orElse(null);
            if (binding == null || !isList(binding) || binding.auth().filter("public"::equals).isPresent()
                    || !GrantsOf.secured(operation, binding) || !model.rolesOf(binding).isEmpty()) {
                continue;
            }
            boolean onlySubject = binding.path().values().stream().allMatch(BindingDoc.SUBJECT::equals);
            if (onlySubject && operation.parametersIn("path").size() == binding.path().size()) {
                String path = operation.path().replace("{", "{{").replace("}", "}}");
                for (String param : binding.path().keySet()) {
                    path = path.replace("{{" + param + "}}", "{USER_A.id}");
                }
                return binding.path().isEmpty() ? PyLiteral.str(operation.path()) : "f" + PyLiteral.str(path);
            }
        }
        return null;
    }

    /** The operations bound to an entity, in contract order; indexed once for all entities. */
    List<Map.Entry<Operation, BindingDoc>> boundOperations(EntityDoc entity) {
        if (boundByEntity == null) {
            Map<String, List<Map.Entry<Operation, BindingDoc>>> index = new java.util.HashMap<>();
            for (Operation operation : contract.operations()) {
                BindingDoc binding = model.bindingFor(operation).orElse(null);
                if (binding != null && binding.entityName().isPresent()) {
                    index.computeIfAbsent(binding.entity(), k -> new ArrayList<>()).add(Map.entry(operation, binding));
                }
            }
            boundByEntity = index;
        }
        return boundByEntity.getOrDefault(entity.name(), List.of());
    }

    private AuthModel auth() {
        YMap auth = model.auth();
        List<String> algorithms = new ArrayList<>();
        auth.seq("algorithms").orElseThrow().items().forEach(i -> algorithms.add(((YScalar) i).text()));
        boolean symmetric = algorithms.stream().allMatch(a -> a.startsWith("HS"));
        String keySource = auth.text("key_source").orElse(symmetric ? "secret" : "public_key");
        String keyEnv = auth.text("key_env").orElse(switch (keySource) {
            case "secret" -> "JWT_SECRET";
            case "jwks" -> "JWT_JWKS_URL";
            default -> "JWT_PUBLIC_KEY";
        });
        YMap userId = auth.map("user_id").orElseThrow();
        String claim = userId.text("claim").orElse("sub");
        String type = userId.text("type").orElseThrow();
        String pyType = switch (type) {
            case "uuid" -> "uuid.UUID";
            case "int" -> "int";
            default -> "str";
        };
        String annotation = switch (type) {
            case "uuid" -> "uuid.UUID";
            case "int" -> "Annotated[int, BeforeValidator(canonical_integer), Field(" + ownerIntBounds() + ")]";
            default -> "Annotated[str, StringConstraints(min_length=1" + ownerMaxLength().map(m -> ", max_length=" + m)
                    .orElse("") + ")]";
        };
        Optional<String> audience = auth.text("audience").map(PyLiteral::str)
                .or(() -> auth.seq("audience").map(seq -> PyLiteral.strList(seq.items().stream()
                        .map(i -> ((YScalar) i).text()).toList())));
        int leeway = auth.scalar("leeway_seconds").flatMap(YScalar::number).map(n -> n.intValue()).orElse(0);
        Set<String> grants = new java.util.TreeSet<>();
        for (Operation operation : contract.operationsByKey().values()) {
            model.bindingFor(operation).ifPresent(binding -> dev.specgen.contract.Grants.required(operation,
                    GrantsOf.secured(operation, binding) ? model.rolesOf(binding) : List.of()).forEach(grants::addAll));
        }
        List<String> claims = model.grantClaims();
        Set<String> sources = dev.specgen.contract.TokenSources.ofService(contract);
        String cookie = sources.stream().filter(s -> s.startsWith(dev.specgen.contract.TokenSources.COOKIE))
                .map(s -> PyLiteral.str(s.substring(dev.specgen.contract.TokenSources.COOKIE.length())))
                .findFirst().orElse(null);
        AuthModel.Grants grantModel = new AuthModel.Grants(!grants.isEmpty(), PyLiteral.strTuple(claims),
                PyLiteral.str(claims.get(0)), PyLiteral.strTuple(List.copyOf(grants)),
                sources.contains(dev.specgen.contract.TokenSources.BEARER), cookie, probeUrl("create"));
        return new AuthModel(PyLiteral.strList(algorithms), keyEnv, keySource, PyLiteral.str(claim), pyType,
                annotation, auth.text("issuer").map(PyLiteral::str).orElse(null), audience.orElse(null), leeway,
                "The subject must fit the owner columns (user_id type: " + type + ").",
                entities.values().stream().flatMap(e -> e.ownerField().flatMap(e::field).stream()).toList(),
                grantModel);
    }

    /** The bounds every owner column can hold, so an oversized subject is a 401, not an overflow. */
    private String ownerIntBounds() {
        boolean narrow = entities.values().stream().flatMap(e -> e.ownerField().flatMap(e::field).stream())
                .anyMatch(f -> "integer".equals(f.type()));
        return narrow ? "ge=-2147483648, le=2147483647" : "ge=-9223372036854775808, le=9223372036854775807";
    }

    /** The tightest max_length among owner fields, so a too-long subject is a 401 and not a database error. */
    private Optional<String> ownerMaxLength() {
        return entities.values().stream()
                .flatMap(e -> e.ownerField().flatMap(e::field).stream())
                .flatMap(f -> f.number("max_length").stream())
                .min(java.math.BigDecimal::compareTo).map(java.math.BigDecimal::toPlainString);
    }

    /**
     * The schema an operation of this entity uses in a role: public (responses), create, update, replace.
     * With no create operation, the create body is the replace body.
     */
    Optional<SchemaView> schemaFor(EntityDoc entity, String role) {
        for (Map.Entry<Operation, BindingDoc> entry : boundOperations(entity)) {
            Operation operation = entry.getKey();
            dev.specgen.actions.Action action = dev.specgen.actions.Actions.of(entry.getValue());
            if ("public".equals(role) && !action.endsRow()) {
                if (responseSchema(operation).isEmpty()) {
                    continue;
                }
                return roleSchema(operation, entry.getValue(), role);
            }
            boolean full = action.body() == dev.specgen.actions.Action.Body.FULL;
            boolean matches = "update".equals(role) ? action.body() == dev.specgen.actions.Action.Body.PARTIAL
                    : full && ("create".equals(role) ? !action.itemAction() : "replace".equals(role) && action.itemAction());
            if (matches) {
                return roleSchema(operation, entry.getValue(), role);
            }
        }
        return "create".equals(role) ? schemaFor(entity, "replace") : Optional.empty();
    }

    /**
     * Whether the entity's replace body is one of its own: it names other properties than the create
     * body, or treats unknown ones otherwise. Then it has a request class of its own; else replace
     * shares the create class.
     */
    boolean replaceHasOwnBody(EntityDoc entity) {
        Optional<SchemaView> replace = schemaFor(entity, "replace");
        Optional<SchemaView> create = schemaFor(entity, "create");
        return replace.isPresent() && create.isPresent()
                && (!replace.get().properties().keySet().equals(create.get().properties().keySet())
                || replace.get().forbidsAdditional() != create.get().forbidsAdditional());
    }

    /**
     * The fields whose response members the contract makes optional and not nullable over a nullable
     * column: a null is sent as no member at all.
     */
    static List<FieldDoc> omittedWhenNull(EntityDoc entity, Optional<SchemaView> publicSchema) {
        List<FieldDoc> fields = new ArrayList<>();
        if (publicSchema.isEmpty()) {
            return fields;
        }
        Set<String> required = publicSchema.get().required();
        for (FieldDoc field : entity.fields().values()) {
            Optional<SchemaView> property = publicSchema.get().property(field.name());
            if (field.nullable() && property.isPresent() && !property.get().nullable()
                    && !required.contains(field.name())) {
                fields.add(field);
            }
        }
        return fields;
    }

    /** The names a serializer finds such a member under: its JSON name, and its Python name where it differs. */
    private static List<String> omittedNames(List<FieldDoc> fields) {
        List<String> names = new ArrayList<>();
        for (FieldDoc field : fields) {
            names.add(PyLiteral.str(field.name()));
            if (!Names.attribute(field.name()).equals(field.name())) {
                names.add(PyLiteral.str(Names.attribute(field.name())));
            }
        }
        return names;
    }

    /** The JSON schema of an operation's first success response, if it has one. */
    Optional<SchemaView> responseSchema(Operation operation) {
        YNode response = operation.successResponses().values().iterator().next();
        return operation.jsonSchemaOf(response).flatMap(s -> SchemaView.of(contract, s));
    }

    /**
     * The schema one operation uses in a role: its response's row (public; inside the envelope or the
     * page), its whole response (page), its request body (create, update, replace).
     */
    Optional<SchemaView> roleSchema(Operation operation, BindingDoc binding, String role) {
        if (List.of("create", "update", "replace").contains(role)) {
            return operation.requestSchema().flatMap(s -> SchemaView.of(contract, s));
        }
        Optional<SchemaView> schema = responseSchema(operation);
        if ("page".equals(role) || schema.isEmpty()) {
            return schema;
        }
        boolean offsetPage = dev.specgen.actions.Pagination.Page.of(binding).map(p -> !p.pageStyle()).orElse(false);
        return dev.specgen.shapes.Envelopes.rowSchema(contract, binding, schema.get(),
                dev.specgen.actions.Actions.of(binding).listsRows(), offsetPage);
    }

    /** The names of the entities' request and response classes, from the contract's schemas. */
    SchemaClassNames schemaClassNames() {
        if (schemaClassNames == null) {
            schemaClassNames = new SchemaClassNames(this);
        }
        return schemaClassNames;
    }

    String scopeFunction(EntityDoc entity) {
        return Names.snake(entity.name()) + "_scope";
    }

    /** Routers call the ownership module qualified, so a route named like a getter cannot shadow it. */
    String scopeCall(EntityDoc entity) {
        return "ownership." + scopeFunction(entity) + (entity.shared() ? "()" : "(current_user)");
    }

    /** The getter that finds one row by key within the caller's scope, or raises 404. */
    String getterCall(EntityDoc entity) {
        return "ownership.get_" + Names.snake(entity.name()) + "(session, " + (entity.shared() ? "" : "current_user, ");
    }

    private EntityModel entity(EntityDoc entity) {
        EntityModel.Builder b = new EntityModel.Builder();
        String className = entity.name();
        b.className = className;
        b.module = Names.snake(entity.name());
        b.tableLiteral = PyLiteral.str(entity.table());
        // Indented 4 and after "# ": 114 characters keep each line within 120.
        b.docLines = entity.node().text("description").map(d -> PyLiteral.commentLines(d, 114)).orElse(List.of());
        FieldRenderer renderer = renderer(entity);
        String ownerField = entity.ownerField().orElse(null);

        List<EnumModel> enums = new ArrayList<>();
        Map<String, FieldModel> fields = new LinkedHashMap<>();
        for (FieldDoc field : entity.fields().values()) {
            EnumModel enumModel = null;
            if (FieldType.of(field.type()) == FieldType.ENUM) {
                enumModel = enumModel(renderer.enumClassName(field.name()), field.values(),
                        checkName(entity.table(), field.column()));
                enums.add(enumModel);
            }
            String foreignTable = field.foreignKey().map(fk -> entities.get(fk.text("entity").orElseThrow()).table())
                    .orElse(null);
            fields.put(field.name(), renderer.render(field, entity.ownIndex(field), enumModel, foreignTable));
        }
        b.enums = enums;
        b.primaryKey = fields.get(entity.primaryKeys().get(0).name());
        FieldType keyType = FieldType.of(entity.primaryKeys().get(0).type());
        if (keyType == FieldType.INTEGER) {
            b.keyLow = Integer.toString(Integer.MIN_VALUE);
            b.keyHigh = Integer.toString(Integer.MAX_VALUE);
        } else if (keyType == FieldType.BIGINT) {
            b.keyLow = Long.toString(Long.MIN_VALUE);
            b.keyHigh = Long.toString(Long.MAX_VALUE);
        }

        Set<String> publicNames = propertyNames(schemaFor(entity, "public"), entity);
        Optional<SchemaView> create = schemaFor(entity, "create");
        Optional<SchemaView> update = schemaFor(entity, "update");
        Set<String> createNames = propertyNames(create, entity);
        Set<String> updateNames = propertyNames(update, entity);
        List<FieldModel> base = new ArrayList<>();
        List<FieldModel> tableOnly = new ArrayList<>();
        List<FieldModel> createOnly = new ArrayList<>();
        List<FieldModel> publicOnly = new ArrayList<>();
        List<FieldModel> updateFields = new ArrayList<>();
        // A replace body of its own gets its own class; else it is the create class.
        Optional<SchemaView> replace = replaceHasOwnBody(entity) ? schemaFor(entity, "replace") : Optional.empty();
        Set<String> replaceNames = propertyNames(replace, entity);
        List<FieldModel> replaceFields = new ArrayList<>();
        for (FieldModel field : fields.values()) {
            boolean inCreate = createNames.contains(field.name);
            boolean inPublic = publicNames.contains(field.name);
            if (inCreate && inPublic && !field.aliased) {
                base.add(field);
            } else {
                tableOnly.add(field);
                if (inCreate) {
                    createOnly.add(field);
                }
                if (inPublic) {
                    publicOnly.add(field);
                }
            }
            if (updateNames.contains(field.name)) {
                updateFields.add(field);
            }
            if (replaceNames.contains(field.name)) {
                replaceFields.add(field);
            }
        }
        b.baseFields = base;
        b.tableOnlyFields = tableOnly;
        b.createOnlyFields = createOnly;
        b.publicOnlyFields = publicOnly;
        b.updateFields = updateFields;
        b.hasCreate = create.isPresent();
        b.hasUpdate = update.isPresent();
        b.replaceFields = replaceFields;
        b.hasReplace = replace.isPresent();
        b.forbidExtraOnReplace = replace.map(SchemaView::forbidsAdditional).orElse(false);
        b.forbidExtraOnCreate = create.map(SchemaView::forbidsAdditional).orElse(false);
        b.forbidExtraOnUpdate = update.map(SchemaView::forbidsAdditional).orElse(false);
        // v1's page object ({items, total, limit, offset}); an envelope builds its own JSON.
        b.hasPage = boundOperations(entity).stream().anyMatch(e -> e.getValue().page().isPresent()
                && dev.specgen.shapes.Envelopes.roles(e.getValue()).isEmpty());
        b.tableArgs = tableArgs(entity);

        b.publicClass = schemaClassNames().of(entity, "public");
        b.createClass = schemaClassNames().of(entity, "create");
        b.updateClass = schemaClassNames().of(entity, "update");
        b.pageClass = schemaClassNames().of(entity, "page");
        b.replaceClass = schemaClassNames().of(entity, "replace");
        List<String> classes = new ArrayList<>(List.of(b.publicClass));
        if (b.hasCreate) {
            classes.add(b.createClass);
        }
        if (b.hasUpdate) {
            classes.add(b.updateClass);
        }
        if (b.hasPage) {
            classes.add(b.pageClass);
        }
        if (b.hasReplace) {
            classes.add(b.replaceClass);
        }
        classes.sort(String::compareTo);
        b.schemaClasses = classes;

        Optional<SchemaView> publicSchema = schemaFor(entity, "public");
        List<String> numberDecimals = new ArrayList<>();
        for (FieldDoc field : entity.fields().values()) {
            boolean number = publicSchema.flatMap(s -> s.property(field.name())).flatMap(SchemaView::type)
                    .filter("number"::equals).isPresent();
            if (FieldType.of(field.type()) == FieldType.DECIMAL && number) {
                numberDecimals.add(PyLiteral.str(Names.attribute(field.name())));
            }
        }
        b.numberDecimals = numberDecimals;
        b.omittedWhenNull = omittedNames(omittedWhenNull(entity, publicSchema));
        b.imports = EntityModel.Imports.of(renderer.needs(), !enums.isEmpty(), !entity.groups("indexes").isEmpty(),
                !entity.groups("unique").isEmpty());

        b.owned = entity.ownerField().isPresent();
        b.via = entity.viaField().isPresent();
        b.scopeFunction = scopeFunction(entity);
        b.ownerAttribute = ownerField == null ? null : Names.attribute(ownerField);
        List<JoinModel> joins = new ArrayList<>();
        EntityDoc current = entity;
        while (current.viaField().isPresent()) {
            FieldDoc via = current.field(current.viaField().get()).orElseThrow();
            YMap fk = via.foreignKey().orElseThrow();
            EntityDoc parent = entities.get(fk.text("entity").orElseThrow());
            joins.add(new JoinModel(parent.name(), current.name(), Names.attribute(via.name()),
                    Names.attribute(fk.text("field").orElseThrow())));
            current = parent;
        }
        b.joins = joins;
        b.softDeleteColumn = softDeleteField(entity).map(f -> entity.name() + "." + Names.attribute(f)).orElse(null);
        b.ownerColumn = current.ownerField().map(o -> entityName(entity, joins) + "." + Names.attribute(o)).orElse(null);
        b.factory = new FactoryPlanner(entities, entity, model.auth().map("user_id").flatMap(u -> u.text("type"))
                .orElseThrow(), softDeleteField(entity)).plan();
        b.viaDescription = entity.viaField().map(v -> "A " + className + " is owned through its "
                + v + " (ownership.via).").orElse(null);
        return new EntityModel(b);
    }

    /** The field the entity's soft deletes mark (validation has made them agree), if any operation soft-deletes it. */
    Optional<String> softDeleteField(EntityDoc entity) {
        return boundOperations(entity).stream()
                .flatMap(e -> dev.specgen.actions.Actions.of(e.getValue()).marksDeleted(e.getValue()).stream())
                .findFirst();
    }

    private static String entityName(EntityDoc entity, List<JoinModel> joins) {
        return joins.isEmpty() ? entity.name() : joins.get(joins.size() - 1).parentClass;
    }

    private static Set<String> propertyNames(Optional<SchemaView> schema, EntityDoc entity) {
        Set<String> names = new LinkedHashSet<>();
        schema.ifPresent(s -> s.properties().keySet().stream().filter(n -> entity.field(n).isPresent()).forEach(names::add));
        return names;
    }

    private static List<ConstraintModel> tableArgs(EntityDoc entity) {
        List<ConstraintModel> args = new ArrayList<>();
        for (List<YScalar> group : entity.groups("unique")) {
            List<String> names = columnsOf(entity, group);
            args.add(new ConstraintModel(true, PyLiteral.str(constraintName("uq", entity.table(), names)),
                    names.stream().map(PyLiteral::str).toList()));
        }
        for (List<YScalar> group : entity.groups("indexes")) {
            List<String> names = columnsOf(entity, group);
            args.add(new ConstraintModel(false, PyLiteral.str(constraintName("ix", entity.table(), names)),
                    names.stream().map(PyLiteral::str).toList()));
        }
        return args;
    }

    /** A composite's SQL columns (a camelCase field's is its snake_case form, or its column:). */
    public static List<String> columnsOf(EntityDoc entity, List<YScalar> group) {
        return group.stream().map(s -> entity.field(s.text()).map(FieldDoc::column).orElse(s.text())).toList();
    }

    /** PostgreSQL truncates identifiers at 63 bytes; a hash suffix keeps long names distinct. */
    public static String constraintName(String prefix, String table, List<String> columns) {
        String name = prefix + "_" + table + "_" + String.join("_", columns);
        if (name.length() <= 63) {
            return name;
        }
        String hash = Integer.toHexString(name.hashCode() & 0x7fffffff);
        return name.substring(0, 54) + "_" + hash;
    }

    /** The methods of str, which an enum member's name must not take (the enums are StrEnums). */
    private static final Set<String> STR_METHODS = Set.of("capitalize", "casefold", "center", "count", "encode", "endswith", "expandtabs", "find", "format", "format_map", "index", "isalnum", "isalpha", "isascii", "isdecimal", "isdigit", "isidentifier", "islower", "isnumeric", "isprintable", "isspace", "istitle", "isupper", "join", "ljust", "lower", "lstrip", "maketrans", "partition", "removeprefix", "removesuffix", "replace", "rfind", "rindex", "rjust", "rpartition", "rsplit", "rstrip", "split", "splitlines", "startswith", "strip", "swapcase", "title", "translate", "upper", "zfill");

    /** The name of the CHECK constraint that holds an enum column to its values, in the models and the migrations. */
    public static String checkName(String table, String column) {
        return constraintName("ck", table, List.of(column));
    }

    private static EnumModel enumModel(String className, List<String> values, String checkName) {
        List<EnumModel.Member> members = new ArrayList<>();
        Set<String> used = new LinkedHashSet<>();
        for (String value : values) {
            String name = value.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9_]", "_");
            if (name.isEmpty() || Character.isDigit(name.charAt(0))) {
                name = "v_" + name;
            }
            name = Names.attribute(name);
            // A StrEnum member named like a str method (title, count, ...) would shadow it.
            if (STR_METHODS.contains(name)) {
                name = name + "_";
            }
            String unique = name;
            for (int i = 2; !used.add(unique); i++) {
                unique = name + "_" + i;
            }
            members.add(new EnumModel.Member(unique, PyLiteral.str(value)));
        }
        return new EnumModel(className, members, PyLiteral.str(checkName));
    }

    private RouterModel router(EntityDoc entity, EntityModel entityModel,
            List<Map.Entry<Operation, BindingDoc>> bound) {
        List<OperationModel> operationModels = new ArrayList<>();
        Set<String> modelNames = new java.util.TreeSet<>();
        modelNames.add(entity.name());
        Set<String> errorNames = new java.util.TreeSet<>();
        Set<String> securityNames = new java.util.TreeSet<>();
        Set<String> parameterText = new LinkedHashSet<>();
        for (Map.Entry<Operation, BindingDoc> entry : bound) {
            OperationModel op = new OperationPlanner(this, entity, entityModel, entry.getKey(), entry.getValue()).plan();
            operationModels.add(op);
            if (op.subjectForbidden) {
                errorNames.add("forbidden");
            }
            // Every action that writes a row flushes, runs its after hook, then commits (router.stg, writeRow).
            if (RouterModel.changesRow(op) && !op.deletesRow) {
                errorNames.add("commit_write");
                errorNames.add("flush_write");
            }
            if (op.deletesRow) {
                errorNames.add("commit_delete");
                errorNames.add("flush_delete");
            }
            if (op.subjectUnauthorized) {
                securityNames.add("unauthorized");
            }
            if ((op.hasSubjectParam && !op.subjectForbidden && !op.subjectUnauthorized) || op.findsRow
                    || !op.keyRanges.isEmpty()) {
                errorNames.add("not_found");
            }
            if (op.parentGuards.stream().anyMatch(g -> !g.inPath)) {
                errorNames.add("referenced");
            }
            if (op.authenticated) {
                securityNames.add("CurrentUser");
                if (op.checksBody || op.requiresGrants) {
                    securityNames.add("get_current_user");
                }
            }
            if (op.requiresGrants) {
                securityNames.add("RequiredGrants");
            }
            parameterText.addAll(op.parameters);
        }
        // Types are read from the parameters' text without their string literals (a Literal of a
        // field named "datetime" uses no datetime).
        String joined = String.join("\n", parameterText).replaceAll("\"(\\\\.|[^\"\\\\])*\"|'(\\\\.|[^'\\\\])*'", "\"\"");
        if (joined.contains("[UserId,")) {
            securityNames.add("UserId");
        }
        for (EnumModel enumModel : entityModel.enums) {
            if (joined.contains(enumModel.className)) {
                modelNames.add(enumModel.className);
            }
        }
        return new RouterModel(entityModel.module, PyLiteral.str(entity.table()), entityModel, operationModels,
                Names.isortOrder(modelNames), Names.isortOrder(errorNames), Names.isortOrder(securityNames),
                joined.contains("uuid.UUID"), java.util.regex.Pattern.compile("(?<![\\w.])datetime(?!\\w)").matcher(joined).find(),
                java.util.regex.Pattern.compile("(?<![\\w.])date(?!\\w)").matcher(joined).find(), joined.contains("decimal."));
    }

    /** What a caller's token must carry for an operation, as alternatives of Python string literals. */
    static List<List<String>> grantLiterals(ModelDoc model, Operation operation, BindingDoc binding) {
        if (!GrantsOf.secured(operation, binding)) {
            return List.of();
        }
        return dev.specgen.contract.Grants.required(operation, model.rolesOf(binding)).stream()
                .map(set -> set.stream().sorted().map(PyLiteral::str).toList()).toList();
    }

    /** Where grants apply: operations that read a token (the contract asks for one, model.yaml agrees). */
    static final class GrantsOf {
        private GrantsOf() {
        }

        static boolean secured(Operation operation, BindingDoc binding) {
            return operation.requiresToken() && binding.auth().filter("public"::equals).isEmpty();
        }
    }

    Map<String, EntityDoc> entities() {
        return entities;
    }

    Contract contract() {
        return contract;
    }

    ModelDoc model() {
        return model;
    }

    /** The Python type of a path parameter from what it is bound to. */
    String pathParamType(EntityDoc entity, BindingDoc binding, Parameter parameter) {
        String target = binding.path().get(parameter.name());
        if (BindingDoc.SUBJECT.equals(target)) {
            // The plain type of a user id with the contract's bounds only: a value the contract allows but
            // no user can have is simply not the caller (403 or 404), never a 422 the contract does not promise.
            return switch (model.auth().map("user_id").flatMap(u -> u.text("type")).orElse("string")) {
                case "uuid" -> "uuid.UUID";
                case "int" -> "int";
                default -> "str";
            };
        }
        return renderer(entity).pyType(entity.field(target).orElseThrow());
    }

    /** Renders the fields of one entity; enum class names keep clear of every entity's classes. */
    FieldRenderer renderer(EntityDoc entity) {
        return new FieldRenderer(entity.name(), entities.keySet());
    }
}
