package dev.specgen.draft;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What one data-model.md column says, in model.yaml's words: its type from the SQL type, and the facts
 * its notes state in the phrases teams use ("primary key", "set on insert", "foreign key to user.id,
 * on delete cascade", "unique per user", "default 'EUR'"). Phrases it does not know are kept, so the
 * draft can quote them rather than drop them.
 */
final class ColumnNotes {
    private static final Pattern SIZED = Pattern.compile("(?i)^\\s*([A-Z ]+?)\\s*(?:\\(\\s*(\\d+)\\s*(?:,\\s*(\\d+)\\s*)?\\))?\\s*$");
    private static final Pattern FOREIGN_KEY = Pattern.compile(
            "(?i)(?:foreign key|references|fk)\\s*(?:to\\s+|→\\s*|->\\s*|:\\s*)?`?([A-Za-z_][A-Za-z0-9_]*)`?(?:\\.`?([A-Za-z_][A-Za-z0-9_]*)`?)?");
    private static final Pattern ON_DELETE = Pattern.compile("(?i)on delete\\s+(cascade|set null|restrict|no action)");
    private static final Pattern DEFAULT = Pattern.compile("(?i)^default\\s*[:=]?\\s*(.+)$");
    private static final Pattern UNIQUE_PER = Pattern.compile("(?i)^unique (?:per|for each|within(?: a| the)?)\\s+(\\w+)");
    private static final Pattern LENGTHS = Pattern.compile("(?i)^(\\d+)\\s*(?:to|-|–)\\s*(\\d+) (?:characters?|chars?)$");
    private static final Pattern AT_MOST = Pattern.compile(
            "(?i)^(?:at most|up to|max(?:imum)?(?: length)?:?) (\\d+)(?: characters?| chars?)?$");
    private static final Pattern AT_LEAST = Pattern.compile("(?i)^at least (\\d+) characters?$");
    private static final Pattern RANGE = Pattern.compile("^(-?[0-9][0-9,]*(?:\\.[0-9]+)?) to (-?[0-9][0-9,]*(?:\\.[0-9]+)?)$");
    private static final Pattern BELONGS = Pattern.compile("(?i)belongs to the (\\w+)'s owner");

    /** The SQL type as model.yaml reads it; empty when the type is not one it knows. */
    record SqlType(String type, Optional<Integer> length, Optional<Integer> precision, Optional<Integer> scale) {
    }

    /** A foreign key as written: the referenced table (or entity) and column, and what a delete does. */
    record ForeignKey(String table, String field, Optional<String> onDelete, boolean named) {
        ForeignKey(String table, String field, Optional<String> onDelete) {
            this(table, field, onDelete, true);
        }
    }

    /** "enum: a, b", "one of: user/assistant/system", "values: a, b": the values an enum column takes. */
    Optional<List<String>> values = Optional.empty();
    private static final Pattern VALUES = Pattern.compile("(?i)^(?:enum|one of|values?|allowed(?: values)?)\\s*[:=]\\s*(.+)$");

    final DataModel.Column column;
    Optional<SqlType> sqlType = Optional.empty();
    boolean primaryKey;
    /** uuid, increment, created, updated; "auto" when it says "generated" and the type decides. */
    Optional<String> generated = Optional.empty();
    Optional<Boolean> nullable = Optional.empty();
    boolean unique;
    Optional<String> uniquePer = Optional.empty();
    boolean indexed;
    Optional<String> defaultValue = Optional.empty();
    Optional<ForeignKey> foreignKey = Optional.empty();
    boolean noForeignKey;
    Optional<Integer> minLength = Optional.empty();
    Optional<Integer> maxLength = Optional.empty();
    Optional<BigDecimal> minimum = Optional.empty();
    Optional<BigDecimal> maximum = Optional.empty();
    /** It says it holds the token's subject or the auth service's user id. */
    boolean holdsSubject;
    /** "the message belongs to the conversation's owner": ownership through this column. */
    Optional<String> belongsToOwnerOf = Optional.empty();
    final List<String> unread = new ArrayList<>();

    ColumnNotes(DataModel.Column column) {
        this.column = column;
        this.sqlType = sqlType(column.sqlType());
        if (sqlType.isEmpty() && !column.sqlType().isBlank()) {
            unread.add(column.sqlType());
        }
        if (column.sqlType().toUpperCase(java.util.Locale.ROOT).matches("\\s*(BIG|SMALL)?SERIAL\\s*")) {
            generated = Optional.of("increment");
        }
        for (String phrase : column.notes()) {
            read(phrase.strip());
        }
    }

    /**
     * The type as written in SQL ({@code VARCHAR(255)}, {@code TIMESTAMP WITH TIME ZONE}, {@code SERIAL}),
     * SQLAlchemy ({@code String(20)}, {@code Numeric(15, 2)}), Python ({@code str}, {@code datetime}) or
     * prose ({@code String}, {@code Enum}); {@code `datetime (TIMESTAMPTZ)`} reads either part.
     */
    static Optional<SqlType> sqlType(String text) {
        String t = text.replace("`", "").replace("*", "").strip().replaceFirst("^(sa|postgresql|sqlalchemy)\\.", "");
        Optional<SqlType> whole = sized(t);
        if (whole.isPresent()) {
            return whole;
        }
        Matcher part = Pattern.compile("^([^()]+?)\\s*\\(([^()]*)\\)$").matcher(t);
        if (part.matches()) {
            return sized(part.group(1)).or(() -> sized(part.group(2)));
        }
        return Optional.empty();
    }

    private static Optional<SqlType> sized(String text) {
        Matcher m = SIZED.matcher(text.replace("`", ""));
        if (!m.matches()) {
            return Optional.empty();
        }
        String name = m.group(1).toUpperCase(Locale.ROOT).replaceAll("\\s+", " ").strip();
        Optional<Integer> first = Optional.ofNullable(m.group(2)).map(Integer::valueOf);
        Optional<Integer> second = Optional.ofNullable(m.group(3)).map(Integer::valueOf);
        String type = switch (name) {
            case "UUID", "GUID" -> "uuid";
            case "BIGINT", "INT8", "BIGSERIAL", "BIGINTEGER" -> "bigint";
            case "INTEGER", "INT", "INT4", "SERIAL", "SMALLINT", "INT2", "SMALLSERIAL", "SMALLINTEGER" -> "integer";
            case "VARCHAR", "CHARACTER VARYING", "CHAR", "CHARACTER", "STRING", "STR", "NVARCHAR" -> "string";
            case "TEXT", "CITEXT" -> "text";
            case "NUMERIC", "DECIMAL", "MONEY" -> "decimal";
            case "REAL", "DOUBLE PRECISION", "FLOAT", "FLOAT8", "FLOAT4", "DOUBLE" -> "float";
            case "BOOLEAN", "BOOL" -> "boolean";
            case "DATE" -> "date";
            case "TIMESTAMPTZ", "TIMESTAMP", "TIMESTAMP WITH TIME ZONE", "TIMESTAMP WITHOUT TIME ZONE", "DATETIME",
                    "TIMESTAMP WITH TZ", "TIMESTAMP TZ", "DATE TIME" -> "datetime";
            case "JSON", "JSONB", "DICT", "ARRAY", "LIST" -> "json";
            case "ENUM" -> "enum";
            default -> null;
        };
        if (type == null) {
            return Optional.empty();
        }
        boolean decimal = "decimal".equals(type);
        boolean sized = "string".equals(type);
        return Optional.of(new SqlType(type, sized ? first : Optional.empty(), decimal ? first : Optional.empty(),
                decimal ? second : Optional.empty()));
    }

    private void read(String phrase) {
        String lower = phrase.toLowerCase(Locale.ROOT).replace("`", "");
        Matcher m;
        if (lower.equals("primary key") || lower.equals("pk")) {
            primaryKey = true;
        } else if (lower.startsWith("generated") || lower.equals("random uuid")
                || lower.matches("(auto[- ]?generated|auto|db[- ]generated|server[- ]generated)( \\(.*\\))?")) {
            generated = Optional.of(generated.orElse("auto"));
        } else if (lower.contains("assigned by the database") || lower.contains("auto-increment")
                || lower.contains("autoincrement") || lower.contains("auto increment") || lower.equals("identity")) {
            generated = Optional.of("increment");
        } else if (lower.matches("auto(matic)?(ally)? (set )?on (create|insert)")) {
            generated = Optional.of("created");
        } else if (lower.matches("auto(matic)?(ally)? (set )?on (create|insert) ?(/|and|,) ?update")) {
            generated = Optional.of("updated");
        } else if (lower.startsWith("set on insert and") || lower.contains("on every change")
                || lower.contains("on every update")) {
            generated = Optional.of("updated");
        } else if (lower.startsWith("set on insert") || lower.equals("set on create")) {
            generated = Optional.of("created");
        } else if (lower.equals("not null") || lower.equals("required")) {
            nullable = Optional.of(false);
        } else if (lower.equals("nullable") || lower.equals("null") || lower.equals("optional")) {
            nullable = Optional.of(true);
        } else if ((m = VALUES.matcher(phrase.replace("`", "").strip())).matches()) {
            List<String> found = new ArrayList<>();
            for (String v : m.group(1).split("\\s*[/|,]\\s*|\\s+or\\s+")) {
                String value = v.replaceAll("^[\"'{(\\[]+|[\"'})\\].]+$", "").strip();
                if (value.matches("[A-Za-z0-9_-]+")) {
                    found.add(value);
                }
            }
            if (!found.isEmpty()) {
                values = Optional.of(List.copyOf(found));
            }
        } else if ((m = UNIQUE_PER.matcher(lower)).find()) {
            uniquePer = Optional.of(m.group(1));
        } else if (lower.equals("unique")) {
            unique = true;
        } else if (lower.equals("indexed") || lower.equals("index")) {
            indexed = true;
        } else if ((m = DEFAULT.matcher(phrase.replace("`", ""))).matches()) {
            String value = m.group(1).strip();
            if (CodeTables.COMPUTED.matcher(value).matches() && !value.matches("'.*'|\".*\"")) {
                generated = Optional.of(generated.orElse("auto")); // DEFAULT NOW(), uuid4(): the server's value
            } else {
                defaultValue = Optional.of(value);
            }
        } else if (lower.equals("no foreign key")) {
            noForeignKey = true;
        } else if ((m = FOREIGN_KEY.matcher(phrase.replace("`", ""))).find()) {
            Matcher onDelete = ON_DELETE.matcher(lower);
            foreignKey = Optional.of(new ForeignKey(m.group(1), m.group(2) == null ? "id" : m.group(2),
                    onDelete.find() ? Optional.of(onDelete.group(1)) : Optional.empty(), m.group(2) != null));
        } else if ((m = ON_DELETE.matcher(lower)).find() && foreignKey.isPresent()) {
            ForeignKey fk = foreignKey.get();
            foreignKey = Optional.of(new ForeignKey(fk.table(), fk.field(), Optional.of(m.group(1))));
        } else if ((m = LENGTHS.matcher(lower)).matches()) {
            minLength = Optional.of(Integer.valueOf(m.group(1)));
            maxLength = Optional.of(Integer.valueOf(m.group(2)));
        } else if ((m = AT_MOST.matcher(lower)).matches()) {
            maxLength = Optional.of(Integer.valueOf(m.group(1)));
        } else if ((m = AT_LEAST.matcher(lower)).matches()) {
            minLength = Optional.of(Integer.valueOf(m.group(1)));
        } else if ((m = RANGE.matcher(lower)).matches()) {
            minimum = Optional.of(new BigDecimal(m.group(1).replace(",", "")));
            maximum = Optional.of(new BigDecimal(m.group(2).replace(",", "")));
        } else {
            if (lower.contains("jwt") || lower.contains(" sub)") || lower.matches(".*\\bsub\\b.*")
                    || lower.contains("auth service's user id")) {
                holdsSubject = true;
            }
            if ((m = BELONGS.matcher(lower)).find()) {
                belongsToOwnerOf = Optional.of(m.group(1));
            }
            unread.add(phrase);
        }
    }

    /** The default as YAML would read the literal: 'EUR' is a string, false a boolean, 3 a number. */
    static Object literal(String text) {
        String t = text.strip();
        if ((t.startsWith("'") && t.endsWith("'") || t.startsWith("\"") && t.endsWith("\"")) && t.length() >= 2) {
            return t.substring(1, t.length() - 1);
        }
        String lower = t.toLowerCase(Locale.ROOT);
        if (lower.equals("true") || lower.equals("false")) {
            return Boolean.valueOf(lower);
        }
        if (t.matches("-?\\d+(\\.\\d+)?")) {
            return new BigDecimal(t);
        }
        return t;
    }
}
