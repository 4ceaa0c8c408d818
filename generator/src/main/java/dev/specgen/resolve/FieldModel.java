package dev.specgen.resolve;

import java.util.List;
import java.util.Map;

/**
 * One entity field as data: its names, its Python type, and the arguments of its Field(...) in each
 * class it appears in. model.stg prints the declarations (fieldArg names each argument's syntax).
 */
public final class FieldModel {
    public final String name;
    public final String attribute;
    public final String pyType;
    public final boolean nullable;
    /** The wire name as a string literal (the alias of an aliased field). */
    public final String nameLiteral;
    /**
     * What model.stg's annotation adds to pyType: StrictBool for a boolean (never coerced), "| None"
     * when nullable, and on the table class another "| None" for an autoincrement key.
     */
    public final boolean strictBool;
    public final boolean autoIncrement;
    /** Field(...) arguments on the table class, the Create schema and the Update schema, in order. */
    public final List<Arg> columnArgs;
    public final List<Arg> createArgs;
    public final List<Arg> updateArgs;
    /**
     * sqlmodel types Field's ge and le as floats; a decimal bound is a Decimal, which pydantic takes
     * exactly. Those declarations carry a narrow type: ignore[call-overload].
     */
    public final boolean columnDecimalBound;
    public final boolean createDecimalBound;
    public final boolean updateDecimalBound;
    /** The enum class this field uses, when it is an enum. */
    public final String enumClass;
    public final boolean isEnum;
    /** The attribute differs from the wire name; such a field never sits in Base. */
    public final boolean aliased;

    FieldModel(String name, String attribute, String pyType, boolean nullable, String nameLiteral, boolean strictBool,
            boolean autoIncrement, List<Arg> columnArgs, List<Arg> createArgs, List<Arg> updateArgs,
            String enumClass, boolean aliased) {
        this.name = name;
        this.attribute = attribute;
        this.pyType = pyType;
        this.nullable = nullable;
        this.nameLiteral = nameLiteral;
        this.strictBool = strictBool;
        this.autoIncrement = autoIncrement;
        this.columnArgs = List.copyOf(columnArgs);
        this.createArgs = List.copyOf(createArgs);
        this.updateArgs = List.copyOf(updateArgs);
        this.columnDecimalBound = decimalBound(columnArgs);
        this.createDecimalBound = decimalBound(createArgs);
        this.updateDecimalBound = decimalBound(updateArgs);
        this.aliased = aliased;
        this.enumClass = enumClass;
        this.isEnum = enumClass != null;
    }

    private static boolean decimalBound(List<Arg> args) {
        return args.stream().anyMatch(a -> a.is.containsKey(Kind.GE_DECIMAL.key) || a.is.containsKey(Kind.LE_DECIMAL.key));
    }

    /**
     * One Field(...) argument: what it is ({@code is.<kind>} is true for exactly one kind) and its
     * value, when it has one (a number, a string literal, a name). model.stg's fieldArg writes it.
     */
    public static final class Arg {
        public final Map<String, Boolean> is;
        public final String value;

        Arg(Kind kind, String value) {
            this.is = Map.of(kind.key, true);
            this.value = value;
        }

        Arg(Kind kind) {
            this(kind, null);
        }
    }

    /** The kinds of Field(...) argument, by their key in model.stg. */
    enum Kind {
        DEFAULT_NONE("defaultNone"), DEFAULT_UUID4("defaultUuid4"), DEFAULT_UTCNOW("defaultUtcnow"),
        DEFAULT("defaultValue"), DEFAULT_FRESH("defaultFresh"), DEFAULT_DECIMAL("defaultDecimal"),
        DEFAULT_ENUM("defaultEnum"), DEFAULT_UUID("defaultUuid"), DEFAULT_DATE("defaultDate"),
        PRIMARY_KEY("primaryKey"), FOREIGN_KEY("foreignKey"), ON_DELETE("onDelete"),
        MIN_LENGTH("minLength"), MAX_LENGTH("maxLength"), GE("ge"), LE("le"), GE_DECIMAL("geDecimal"),
        LE_DECIMAL("leDecimal"), PATTERN("pattern"), MAX_DIGITS("maxDigits"), DECIMAL_PLACES("decimalPlaces"),
        SA_TEXT("saText"), SA_BIGINT("saBigint"), SA_JSON("saJson"), SA_ENUM("saEnum"), UNIQUE("unique"),
        INDEX("index"), COLUMN_NAME("columnName"), ALIAS("alias");

        final String key;

        Kind(String key) {
            this.key = key;
        }
    }
}
