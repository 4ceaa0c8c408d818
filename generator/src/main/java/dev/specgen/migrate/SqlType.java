package dev.specgen.migrate;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A column's SQL type as SQLModel's metadata declares it, independent of the dialect. Written in
 * the snapshot as {@code string(200)}, {@code numeric(10,2)}, {@code bigint}...; an enum is the
 * string column it is stored in.
 */
public record SqlType(Kind kind, Integer length, Integer precision, Integer scale) {
    private static final Pattern SPELLING = Pattern.compile("([a-z]+)(?:\\((\\d+)(?:,(\\d+))?\\))?");

    public enum Kind { STRING, TEXT, INTEGER, BIGINT, NUMERIC, FLOAT, BOOLEAN, UUID, DATE, DATETIME, JSON }

    public static SqlType of(Kind kind) {
        return new SqlType(kind, null, null, null);
    }

    public static SqlType string(Integer length) {
        return new SqlType(Kind.STRING, length, null, null);
    }

    public static SqlType numeric(Integer precision, Integer scale) {
        return new SqlType(Kind.NUMERIC, null, precision, scale);
    }

    /** Reads the snapshot's spelling back; null when it is not one. */
    public static SqlType parse(String text) {
        Matcher m = SPELLING.matcher(text);
        if (!m.matches()) {
            return null;
        }
        Kind kind;
        try {
            kind = Kind.valueOf(m.group(1).toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException unknown) {
            return null;
        }
        Integer first = m.group(2) == null ? null : Integer.valueOf(m.group(2));
        Integer second = m.group(3) == null ? null : Integer.valueOf(m.group(3));
        return switch (kind) {
            case STRING -> second == null ? string(first) : null;
            case NUMERIC -> numeric(first, second);
            default -> first == null ? of(kind) : null;
        };
    }

    /** The snapshot's spelling. */
    @Override
    public String toString() {
        String name = kind.name().toLowerCase(Locale.ROOT);
        if (kind == Kind.STRING && length != null) {
            return name + "(" + length + ")";
        }
        if (kind == Kind.NUMERIC && precision != null) {
            return name + "(" + precision + (scale == null ? "" : "," + scale) + ")";
        }
        return name;
    }

    /**
     * Whether every value of this type fits the other one unchanged, so altering a column from
     * this type to that one can neither fail nor lose data.
     */
    public boolean widensTo(SqlType other) {
        if (equals(other)) {
            return true;
        }
        return switch (kind) {
            case STRING -> other.kind == Kind.TEXT
                    || other.kind == Kind.STRING && (other.length == null || length != null && other.length >= length);
            case TEXT -> other.kind == Kind.STRING && other.length == null;
            case INTEGER -> other.kind == Kind.BIGINT;
            case NUMERIC -> other.kind == Kind.NUMERIC && (other.precision == null
                    || precision != null && other.scaleOrZero() >= scaleOrZero()
                            && other.precision - other.scaleOrZero() >= precision - scaleOrZero());
            default -> false;
        };
    }

    /**
     * Whether PostgreSQL converts the old values to this type by itself; a conversion it does not
     * make implicitly needs a USING clause.
     */
    public boolean castsImplicitlyFrom(SqlType old) {
        return kind == old.kind || old.widensTo(this);
    }

    /** The type as PostgreSQL spells it, for the USING clause of a conversion. */
    public String postgresName() {
        return switch (kind) {
            case STRING -> length == null ? "VARCHAR" : "VARCHAR(" + length + ")";
            case NUMERIC -> precision == null ? "NUMERIC" : "NUMERIC(" + precision + (scale == null ? "" : ", " + scale) + ")";
            case DATETIME -> "TIMESTAMP WITH TIME ZONE";
            default -> kind.name();
        };
    }

    private int scaleOrZero() {
        return scale == null ? 0 : scale;
    }
}
