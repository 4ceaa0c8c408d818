package dev.specgen.resolve;

import dev.specgen.load.YNode;
import dev.specgen.load.YScalar;
import dev.specgen.modeldoc.FieldDoc;
import dev.specgen.modeldoc.FieldType;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/** Computes the Python declarations of one field in each class it appears in. */
final class FieldRenderer {
    private final String entityClass;
    private final String table;

    FieldRenderer(String entityClass, String table) {
        this.entityClass = entityClass;
        this.table = table;
    }

    static String enumClassName(String entityClass, String field) {
        StringBuilder name = new StringBuilder(entityClass);
        for (String part : field.split("_")) {
            if (!part.isEmpty()) {
                name.append(Character.toUpperCase(part.charAt(0))).append(part.substring(1));
            }
        }
        return name.toString();
    }

    static String enumColumnConstant(String enumClass) {
        return Names.upperSnake(enumClass) + "_COLUMN_TYPE";
    }

    String pyType(FieldDoc field) {
        FieldType type = FieldType.of(field.type());
        if (type == FieldType.ENUM) {
            return enumClassName(entityClass, field.name());
        }
        return switch (type) {
            case DATE -> "date";
            case DATETIME -> "datetime";
            default -> type.pythonType();
        };
    }

    /**
     * A field whose wire name is not a safe attribute (a keyword, or a name pydantic or SQLModel
     * already use) gets a safe attribute. The table class never carries an alias, because SQLModel
     * would read the alias as an attribute (metadata is SQLAlchemy's MetaData); only the API schemas
     * alias it, and the column keeps the wire name.
     */
    FieldModel render(FieldDoc field, String ownerField, EnumModel enumModel, String foreignTable) {
        String attribute = Names.attribute(field.name());
        boolean aliased = !attribute.equals(field.name());
        String pyType = pyType(field);
        String annotation = modelType(field, pyType) + (field.nullable() ? " | None" : "");
        String enumClass = enumModel == null ? null : enumModel.className;
        String aliasArg = "alias=" + PyLiteral.str(field.name());
        String columnDecl = attribute + ": " + columnAnnotation(field, annotation) + " = Field(" + String.join(", ",
                columnArgs(field, ownerField, enumModel, foreignTable)) + ")";
        List<String> createArgs = new ArrayList<>(defaultArgs(field, enumModel));
        createArgs.addAll(validationArgs(field));
        if (aliased) {
            createArgs.add(aliasArg);
        }
        String createDecl = attribute + ": " + annotation + " = Field(" + String.join(", ", createArgs) + ")";
        String publicDecl = attribute + ": " + annotation + (aliased ? " = Field(serialization_alias="
                + PyLiteral.str(field.name()) + ")" : "");
        List<String> updateArgs = new ArrayList<>();
        updateArgs.add("default=None");
        updateArgs.addAll(validationArgs(field));
        if (aliased) {
            updateArgs.add(aliasArg);
        }
        String updateDecl = attribute + ": " + annotation + " = Field(" + String.join(", ", updateArgs) + ")";
        return new FieldModel(field.name(), attribute, pyType, field.nullable(), columnDecl, createDecl, publicDecl,
                updateDecl, enumClass, aliased);
    }

    /**
     * Booleans are strict in models: "yes" and 1 are refused rather than coerced. Integers are not:
     * a body has passed the contract's own schema before it is parsed, and JSON Schema counts 294.0
     * as an integer, so the model must take it (strings never get this far). Query and path
     * parameters stay lax: they are text.
     */
    static String modelType(FieldDoc field, String pyType) {
        return switch (FieldType.of(field.type())) {
            case BOOLEAN -> "StrictBool";
            default -> pyType;
        };
    }

    private static String columnAnnotation(FieldDoc field, String annotation) {
        // An autoincrement key is None until the database assigns it.
        if ("increment".equals(field.generated().orElse(""))) {
            return annotation + " | None";
        }
        return annotation;
    }

    private static List<String> defaultArgs(FieldDoc field, EnumModel enumModel) {
        List<String> args = new ArrayList<>();
        switch (field.generated().orElse("")) {
            case "increment" -> args.add("default=None");
            case "uuid" -> args.add("default_factory=uuid.uuid4");
            case "created", "updated" -> args.add("default_factory=utcnow");
            default -> {
                if (field.hasDefault()) {
                    String literal = defaultLiteral(field, enumModel);
                    // A mapping or list default must be a fresh copy for every row.
                    args.add(literal.startsWith("{") || literal.startsWith("[")
                            ? "default_factory=lambda: " + literal : "default=" + literal);
                } else if (field.nullable()) {
                    args.add("default=None");
                }
            }
        }
        return args;
    }

    private List<String> columnArgs(FieldDoc field, String ownerField, EnumModel enumModel, String foreignTable) {
        List<String> args = new ArrayList<>(defaultArgs(field, enumModel));
        if (field.primaryKey()) {
            args.add("primary_key=True");
        }
        field.foreignKey().ifPresent(fk -> {
            args.add("foreign_key=" + PyLiteral.str(foreignTable + "." + fk.text("field").orElseThrow()));
            String onDelete = fk.text("on_delete").orElse("no_action");
            if (!"no_action".equals(onDelete)) {
                args.add("ondelete=" + PyLiteral.str(onDelete.replace('_', ' ').toUpperCase(java.util.Locale.ROOT)));
            }
        });
        args.addAll(validationArgs(field));
        FieldType type = FieldType.of(field.type());
        switch (type) {
            case TEXT -> args.add("sa_type=Text");
            // SQLite only auto-increments a column declared exactly INTEGER PRIMARY KEY.
            case BIGINT -> args.add("sa_type=BigInteger().with_variant(Integer(), \"sqlite\")");
            case JSON -> args.add("sa_type=JSON");
            case ENUM -> args.add("sa_type=" + enumColumnConstant(enumModel.className));
            default -> { }
        }
        if (field.unique()) {
            args.add("unique=True");
        }
        if ((field.index() || field.foreignKey().isPresent() || field.name().equals(ownerField)) && !field.unique()
                && !field.primaryKey()) {
            args.add("index=True");
        }
        if (!Names.attribute(field.name()).equals(field.column())) {
            // The SQL column keeps its own name: the wire name, or model.yaml's column: (camelCase in an
            // auth service's table).
            args.add("sa_column_kwargs={\"name\": " + PyLiteral.str(field.column()) + "}");
        }
        return args;
    }

    private static List<String> validationArgs(FieldDoc field) {
        List<String> args = new ArrayList<>();
        field.number("min_length").ifPresent(v -> args.add("min_length=" + v.toPlainString()));
        field.number("max_length").ifPresent(v -> args.add("max_length=" + v.toPlainString()));
        args.addAll(rangeArgs(field));
        // SQLModel's own regex= is silently ignored under pydantic 2; the pattern must go through
        // schema_extra to be enforced.
        field.text("pattern").ifPresent(p -> args.add("schema_extra={\"pattern\": " + PyLiteral.str(p) + "}"));
        field.number("precision").ifPresent(v -> args.add("max_digits=" + v.toPlainString()));
        field.number("scale").ifPresent(v -> args.add("decimal_places=" + v.toPlainString()));
        field.text("description").ifPresent(d -> args.add("description=" + PyLiteral.str(d)));
        return args;
    }

    /**
     * ge/le for a numeric field. Integers always get their column's bounds when the model gives
     * none, so an out-of-range value is a 422 and never a database overflow.
     */
    static List<String> rangeArgs(FieldDoc field) {
        List<String> args = new ArrayList<>();
        FieldType type = FieldType.of(field.type());
        BigDecimal low = type == FieldType.INTEGER ? BigDecimal.valueOf(Integer.MIN_VALUE)
                : type == FieldType.BIGINT ? BigDecimal.valueOf(Long.MIN_VALUE) : null;
        BigDecimal high = type == FieldType.INTEGER ? BigDecimal.valueOf(Integer.MAX_VALUE)
                : type == FieldType.BIGINT ? BigDecimal.valueOf(Long.MAX_VALUE) : null;
        field.number("minimum").or(() -> java.util.Optional.ofNullable(low))
                .ifPresent(v -> args.add("ge=" + number(field, v)));
        field.number("maximum").or(() -> java.util.Optional.ofNullable(high))
                .ifPresent(v -> args.add("le=" + number(field, v)));
        return args;
    }

    private static String number(FieldDoc field, BigDecimal value) {
        FieldType type = FieldType.of(field.type());
        if (type == FieldType.DECIMAL) {
            return "decimal.Decimal(" + PyLiteral.str(value.toPlainString()) + ")";
        }
        if (type == FieldType.FLOAT && value.scale() <= 0) {
            return value.toPlainString() + ".0";
        }
        return value.toPlainString();
    }

    static String defaultLiteral(FieldDoc field, EnumModel enumModel) {
        YNode value = field.defaultValue().orElseThrow();
        FieldType type = FieldType.of(field.type());
        if (value instanceof YScalar scalar) {
            if (scalar.isNull()) {
                return "None";
            }
            return switch (type) {
                case BOOLEAN -> scalar.isTrue() ? "True" : "False";
                case INTEGER, BIGINT -> scalar.number().orElseThrow().toBigInteger().toString();
                case FLOAT -> scalar.number().orElseThrow().toPlainString();
                case DECIMAL -> "decimal.Decimal(" + PyLiteral.str(scalar.number().orElseThrow().toPlainString()) + ")";
                case ENUM -> enumModel.className + "." + enumModel.members.stream()
                        .filter(m -> m.valueLiteral.equals(PyLiteral.str(scalar.text()))).findFirst().orElseThrow().name;
                case UUID -> "uuid.UUID(" + PyLiteral.str(scalar.text()) + ")";
                case DATE -> "date.fromisoformat(" + PyLiteral.str(scalar.text()) + ")";
                default -> PyLiteral.str(scalar.text());
            };
        }
        return PyLiteral.value(value);
    }
}
