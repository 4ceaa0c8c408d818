package dev.specgen.resolve;

import dev.specgen.load.YMap;
import dev.specgen.load.YNode;
import dev.specgen.load.YScalar;
import dev.specgen.modeldoc.FieldDoc;
import dev.specgen.modeldoc.FieldType;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import dev.specgen.resolve.FieldModel.Arg;
import dev.specgen.resolve.FieldModel.Kind;

/**
 * Computes the Python declarations of one field in each class it appears in, and records every
 * name a declaration uses ({@code module.Name}) so that the model module imports exactly those.
 */
final class FieldRenderer {
    private final String entityClass;
    private final java.util.Collection<String> entityNames;
    /** Names the declarations rendered so far use, as {@code module.Name}. */
    private final Set<String> needs = new TreeSet<>();

    /** {@code entityNames}: every entity of the model, whose classes an enum name must not take. */
    FieldRenderer(String entityClass, Collection<String> entityNames) {
        this.entityClass = entityClass;
        this.entityNames = entityNames;
    }

    String enumClassName(String field) {
        return Names.enumClassName(entityClass, field, entityNames);
    }

    static String enumColumnConstant(String enumClass) {
        return Names.upperSnake(enumClass) + "_COLUMN_TYPE";
    }

    /** The names used by everything rendered so far. */
    Set<String> needs() {
        return Set.copyOf(needs);
    }

    String pyType(FieldDoc field) {
        FieldType type = FieldType.of(field.type());
        return switch (type) {
            case ENUM -> enumClassName(field.name());
            case DATE -> use("datetime.date");
            case DATETIME -> use("datetime.datetime");
            case UUID -> use("uuid") + ".UUID";
            case DECIMAL -> use("decimal") + ".Decimal";
            case JSON -> jsonType();
            case ARRAY -> "list[" + itemType(items(field)) + "]";
            default -> type.pythonType();
        };
    }

    private String jsonType() {
        use("typing.Annotated");
        use("typing.Any");
        use("pydantic.AfterValidator");
        use("app.validation.finite_json");
        return FieldType.JSON.pythonType();
    }

    /** The items of an array field, read as a field of their own. */
    static FieldDoc items(FieldDoc field) {
        YMap items = field.node().map("items").orElseThrow();
        return new FieldDoc(field.name(), items, items.mark());
    }

    /** One item of an array: its type with its own constraints, strict like the model's scalars. */
    private String itemType(FieldDoc item) {
        FieldType type = FieldType.of(item.type());
        return switch (type) {
            case STRING -> {
                List<String> args = new ArrayList<>();
                item.number("min_length").ifPresent(v -> args.add("min_length=" + v.toPlainString()));
                item.number("max_length").ifPresent(v -> args.add("max_length=" + v.toPlainString()));
                item.text("pattern").ifPresent(p -> args.add("pattern=" + PyLiteral.str(p)));
                yield args.isEmpty() ? "str" : use("typing.Annotated") + "[str, " + use("pydantic.StringConstraints")
                        + "(" + String.join(", ", args) + ")]";
            }
            case INTEGER, BIGINT -> {
                List<String> args = bounds(item);
                yield args.isEmpty() ? use("pydantic.StrictInt") : use("typing.Annotated") + "["
                        + use("pydantic.StrictInt") + ", " + use("sqlmodel.Field") + "(" + String.join(", ", args) + ")]";
            }
            case FLOAT -> {
                List<String> args = bounds(item);
                yield use("typing.Annotated") + "[float, " + use("pydantic.AllowInfNan") + "(False)"
                        + (args.isEmpty() ? "" : ", " + use("sqlmodel.Field") + "(" + String.join(", ", args) + ")")
                        + "]";
            }
            case BOOLEAN -> use("pydantic.StrictBool");
            case ENUM -> use("typing.Literal") + PyLiteral.strList(item.values());
            case JSON -> jsonType();
            default -> throw new IllegalStateException("array items of type " + type + " pass validation");
        };
    }

    private static List<String> bounds(FieldDoc item) {
        List<String> args = new ArrayList<>();
        item.number("minimum").ifPresent(v -> args.add("ge=" + bound(item, v)));
        item.number("maximum").ifPresent(v -> args.add("le=" + bound(item, v)));
        return args;
    }

    private String use(String qualified) {
        needs.add(qualified);
        return qualified.substring(qualified.lastIndexOf('.') + 1);
    }

    /**
     * A field whose wire name is not a safe attribute (see {@link Names}) gets a safe attribute. The
     * table class never carries an alias, because SQLModel would read the alias as an attribute
     * (metadata is SQLAlchemy's MetaData); only the API schemas alias it, and the column keeps the
     * wire name.
     */
    FieldModel render(FieldDoc field, boolean ownIndex, EnumModel enumModel, String foreignTable) {
        String attribute = Names.attribute(field.name());
        boolean aliased = !attribute.equals(field.name());
        String pyType = pyType(field);
        boolean strictBool = FieldType.of(field.type()) == FieldType.BOOLEAN;
        if (strictBool) {
            use("pydantic.StrictBool");
        }
        String enumClass = enumModel == null ? null : enumModel.className;
        String nameLiteral = PyLiteral.str(field.name());
        use("sqlmodel.Field");
        List<Arg> createArgs = new ArrayList<>(defaultArgs(field, enumModel));
        createArgs.addAll(validationArgs(field));
        if (aliased) {
            createArgs.add(new Arg(Kind.ALIAS, nameLiteral));
        }
        List<Arg> updateArgs = new ArrayList<>();
        updateArgs.add(new Arg(Kind.DEFAULT_NONE));
        updateArgs.addAll(validationArgs(field));
        if (aliased) {
            updateArgs.add(new Arg(Kind.ALIAS, nameLiteral));
        }
        // An autoincrement key is None until the database assigns it.
        boolean autoIncrement = "increment".equals(field.generated().orElse(""));
        return new FieldModel(field.name(), attribute, pyType, field.nullable(), nameLiteral, strictBool,
                autoIncrement, columnArgs(field, ownIndex, enumModel, foreignTable),
                createArgs, updateArgs, enumClass, aliased);
    }

    private List<Arg> defaultArgs(FieldDoc field, EnumModel enumModel) {
        List<Arg> args = new ArrayList<>();
        switch (field.generated().orElse("")) {
            case "increment" -> args.add(new Arg(Kind.DEFAULT_NONE));
            case "uuid" -> {
                use("uuid");
                args.add(new Arg(Kind.DEFAULT_UUID4));
            }
            case "created", "updated" -> {
                use("app.timestamps.utcnow");
                args.add(new Arg(Kind.DEFAULT_UTCNOW));
            }
            default -> {
                if (field.hasDefault()) {
                    args.add(defaultArg(field, enumModel));
                } else if (field.nullable()) {
                    args.add(new Arg(Kind.DEFAULT_NONE));
                }
            }
        }
        return args;
    }

    private List<Arg> columnArgs(FieldDoc field, boolean ownIndex, EnumModel enumModel, String foreignTable) {
        List<Arg> args = new ArrayList<>(defaultArgs(field, enumModel));
        if (field.primaryKey()) {
            args.add(new Arg(Kind.PRIMARY_KEY));
        }
        field.foreignKey().ifPresent(fk -> {
            args.add(new Arg(Kind.FOREIGN_KEY, PyLiteral.str(foreignTable + "." + fk.text("field").orElseThrow())));
            String onDelete = fk.text("on_delete").orElse("no_action");
            if (!"no_action".equals(onDelete)) {
                args.add(new Arg(Kind.ON_DELETE,
                        PyLiteral.str(onDelete.replace('_', ' ').toUpperCase(java.util.Locale.ROOT))));
            }
        });
        args.addAll(validationArgs(field));
        FieldType type = FieldType.of(field.type());
        switch (type) {
            case TEXT -> {
                use("sqlalchemy.Text");
                args.add(new Arg(Kind.SA_TEXT));
            }
            // SQLite only auto-increments a column declared exactly INTEGER PRIMARY KEY.
            case BIGINT -> {
                use("sqlalchemy.BigInteger");
                use("sqlalchemy.Integer");
                args.add(new Arg(Kind.SA_BIGINT));
            }
            case JSON, ARRAY -> {
                use("sqlalchemy.JSON");
                args.add(new Arg(Kind.SA_JSON));
            }
            case ENUM -> args.add(new Arg(Kind.SA_ENUM, enumColumnConstant(enumModel.className)));
            default -> { }
        }
        if (field.unique()) {
            args.add(new Arg(Kind.UNIQUE));
        }
        if (ownIndex) {
            args.add(new Arg(Kind.INDEX));
        }
        if (!Names.attribute(field.name()).equals(field.column())) {
            // The SQL column keeps its own name: the wire name, or model.yaml's column: (camelCase in an
            // auth service's table).
            args.add(new Arg(Kind.COLUMN_NAME, PyLiteral.str(field.column())));
        }
        return args;
    }

    private static List<Arg> validationArgs(FieldDoc field) {
        List<Arg> args = new ArrayList<>();
        // On a list, pydantic's min_length and max_length count its items.
        field.number("min_length").or(() -> field.number("min_items"))
                .ifPresent(v -> args.add(new Arg(Kind.MIN_LENGTH, v.toPlainString())));
        field.number("max_length").or(() -> field.number("max_items"))
                .ifPresent(v -> args.add(new Arg(Kind.MAX_LENGTH, v.toPlainString())));
        // Any length constraint makes pydantic read a string as Unicode, so a lone surrogate is a 422
        // and never reaches the database (a 500); a string without bounds gets a neutral one.
        if (FieldType.of(field.type()).hasLength() && args.isEmpty() && !field.node().has("pattern")) {
            args.add(new Arg(Kind.MIN_LENGTH, "0"));
        }
        args.addAll(rangeArgs(field));
        // SQLModel's own regex= is silently ignored under pydantic 2; the pattern must go through
        // schema_extra to be enforced.
        field.text("pattern").ifPresent(p -> args.add(new Arg(Kind.PATTERN, PyLiteral.str(p))));
        field.number("precision").ifPresent(v -> args.add(new Arg(Kind.MAX_DIGITS, v.toPlainString())));
        field.number("scale").ifPresent(v -> args.add(new Arg(Kind.DECIMAL_PLACES, v.toPlainString())));
        // The field's description stays in the contract, which app/openapi.json serves as it is.
        return args;
    }

    /**
     * ge/le for a numeric field. Integers always get their column's bounds when the model gives
     * none, so an out-of-range value is a 422 and never a database overflow.
     */
    static List<Arg> rangeArgs(FieldDoc field) {
        List<Arg> args = new ArrayList<>();
        FieldType type = FieldType.of(field.type());
        BigDecimal low = type == FieldType.INTEGER ? BigDecimal.valueOf(Integer.MIN_VALUE)
                : type == FieldType.BIGINT ? BigDecimal.valueOf(Long.MIN_VALUE) : null;
        BigDecimal high = type == FieldType.INTEGER ? BigDecimal.valueOf(Integer.MAX_VALUE)
                : type == FieldType.BIGINT ? BigDecimal.valueOf(Long.MAX_VALUE) : null;
        boolean decimal = type == FieldType.DECIMAL;
        field.number("minimum").or(() -> Optional.ofNullable(low))
                .ifPresent(v -> args.add(new Arg(decimal ? Kind.GE_DECIMAL : Kind.GE, bound(field, v))));
        field.number("maximum").or(() -> Optional.ofNullable(high))
                .ifPresent(v -> args.add(new Arg(decimal ? Kind.LE_DECIMAL : Kind.LE, bound(field, v))));
        return args;
    }

    /** A bound as its value: a decimal's as the text Decimal reads, a float's with its point. */
    private static String bound(FieldDoc field, BigDecimal value) {
        FieldType type = FieldType.of(field.type());
        if (type == FieldType.DECIMAL) {
            return PyLiteral.str(value.toPlainString());
        }
        if (type == FieldType.FLOAT && value.scale() <= 0) {
            return value.toPlainString() + ".0";
        }
        return value.toPlainString();
    }

    /**
     * A decimal default written with the field's scale: pydantic counts the digits of the value as
     * written, and Decimal("0") has one whole digit where NUMERIC(3, 3) allows none ("0.000" fits).
     */
    private static String decimalDefault(FieldDoc field, BigDecimal value) {
        int scale = field.number("scale").map(BigDecimal::intValue).orElse(value.scale());
        return value.scale() <= scale ? value.setScale(scale).toPlainString() : value.toPlainString();
    }

    private Arg defaultArg(FieldDoc field, EnumModel enumModel) {
        YNode value = field.defaultValue().orElseThrow();
        FieldType type = FieldType.of(field.type());
        if (value instanceof YScalar scalar) {
            if (scalar.isNull()) {
                return new Arg(Kind.DEFAULT_NONE);
            }
            return switch (type) {
                case BOOLEAN -> new Arg(Kind.DEFAULT, scalar.isTrue() ? "True" : "False");
                case INTEGER, BIGINT -> new Arg(Kind.DEFAULT, scalar.number().orElseThrow().toBigInteger().toString());
                case FLOAT -> new Arg(Kind.DEFAULT, scalar.number().orElseThrow().toPlainString());
                case DECIMAL -> {
                    use("decimal");
                    yield new Arg(Kind.DEFAULT_DECIMAL, PyLiteral.str(decimalDefault(field, scalar.number().orElseThrow())));
                }
                case ENUM -> new Arg(Kind.DEFAULT_ENUM, enumModel.className + "." + enumModel.members.stream()
                        .filter(m -> m.valueLiteral.equals(PyLiteral.str(scalar.text()))).findFirst().orElseThrow().name);
                case UUID -> {
                    use("uuid");
                    yield new Arg(Kind.DEFAULT_UUID, PyLiteral.str(scalar.text()));
                }
                case DATE -> {
                    use("datetime.date");
                    yield new Arg(Kind.DEFAULT_DATE, PyLiteral.str(scalar.text()));
                }
                default -> new Arg(Kind.DEFAULT, PyLiteral.str(scalar.text()));
            };
        }
        // A mapping or list default must be a fresh copy for every row.
        return new Arg(Kind.DEFAULT_FRESH, PyLiteral.value(value));
    }
}
