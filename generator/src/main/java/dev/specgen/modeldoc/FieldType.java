package dev.specgen.modeldoc;

import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/** model.yaml's field types and how each appears in OpenAPI and in Python. */
public enum FieldType {
    STRING("string", null, "str"),
    TEXT("string", null, "str"),
    INTEGER("integer", "int32", "int"),
    BIGINT("integer", "int64", "int"),
    DECIMAL("string", "decimal", "decimal.Decimal"),
    FLOAT("number", null, "float"),
    BOOLEAN("boolean", null, "bool"),
    UUID("string", "uuid", "uuid.UUID"),
    DATE("string", "date", "datetime.date"),
    DATETIME("string", "date-time", "datetime.datetime"),
    ENUM("string", null, null),
    // NaN and Infinity are not JSON: refused inside documents too, as the databases disagree on them.
    JSON("object", null, "Annotated[dict[str, Any], AfterValidator(finite_json)]"),
    // A JSON column holding a list; its Python type follows its items (see FieldRenderer).
    ARRAY("array", null, null);

    /** The types an array's items may have: values JSON holds as they are. */
    public static final Set<FieldType> ITEM_TYPES = Set.of(STRING, INTEGER, BIGINT, FLOAT, BOOLEAN, ENUM, JSON);

    /** String formats that carry meaning; a plain string field must not claim one of them. */
    private static final Set<String> TYPED_STRING_FORMATS = Set.of("uuid", "date", "date-time", "decimal");

    private final String openapiType;
    private final String openapiFormat;
    private final String pythonType;

    FieldType(String openapiType, String openapiFormat, String pythonType) {
        this.openapiType = openapiType;
        this.openapiFormat = openapiFormat;
        this.pythonType = pythonType;
    }

    public static FieldType of(String name) {
        return valueOf(name.toUpperCase(Locale.ROOT));
    }

    public String modelName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public String openapiType() {
        return openapiType;
    }

    public Optional<String> openapiFormat() {
        return Optional.ofNullable(openapiFormat);
    }

    public String pythonType() {
        return pythonType;
    }

    public boolean hasLength() {
        return this == STRING || this == TEXT;
    }

    public boolean hasRange() {
        return this == INTEGER || this == BIGINT || this == FLOAT || this == DECIMAL;
    }

    public boolean isIntegral() {
        return this == INTEGER || this == BIGINT;
    }

    /** Whether a contract type and format describe this field type. */
    public boolean matches(String type, Optional<String> format) {
        if (this == DECIMAL && "number".equals(type) && (format.isEmpty() || format.get().equals("decimal"))) {
            // Money as a JSON number over a NUMERIC column (format: decimal says so in words); its multipleOf
            // must match the scale (checked apart).
            return true;
        }
        if (!openapiType.equals(type)) {
            return false;
        }
        return switch (this) {
            case INTEGER -> format.isEmpty() || format.get().equals("int32");
            // JSON Schema's integer has no bound: a 64-bit column holds what the contract's values need.
            case BIGINT -> format.isEmpty() || format.get().equals("int64");
            case FLOAT -> format.isEmpty() || format.get().equals("float") || format.get().equals("double");
            case STRING, TEXT, ENUM -> format.isEmpty() || !TYPED_STRING_FORMATS.contains(format.get());
            case BOOLEAN, JSON, ARRAY -> true;
            default -> format.isPresent() && format.get().equals(openapiFormat);
        };
    }

    /** How a contract should spell this type, for messages. */
    public String contractSpelling() {
        return "type: " + openapiType + (openapiFormat == null || this == INTEGER ? "" : ", format: " + openapiFormat);
    }
}
