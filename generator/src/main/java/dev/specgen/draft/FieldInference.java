package dev.specgen.draft;

import dev.specgen.contract.SchemaView;
import dev.specgen.load.YScalar;
import dev.specgen.modeldoc.FieldType;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * The fields of one entity, from the contract's schemas (responses give types, formats and
 * nullability; request bodies give what is accepted, defaults and bounds) and the entity's table in
 * data-model.md (SQL types, keys, generated values, defaults). The contract wins where both speak and
 * disagree, as it is the law; the disagreement is noted beside the field.
 */
final class FieldInference {
    /** Longest string kept as VARCHAR(n); longer or unbounded strings are text. */
    static final int VARCHAR_LIMIT = 500;

    private final EntityDraft entity;

    FieldInference(EntityDraft entity) {
        this.entity = entity;
    }

    void infer() {
        for (String name : names()) {
            infer(name);
        }
    }

    /** Columns in data-model.md order, then the contract's properties: responses first, then bodies. */
    private Set<String> names() {
        Set<String> names = new LinkedHashSet<>();
        entity.section.ifPresent(s -> s.columns().forEach(c -> names.add(c.name())));
        for (List<SchemaView> schemas : List.of(entity.responses, entity.creates, entity.updates)) {
            for (SchemaView schema : schemas) {
                for (String property : schema.properties().keySet()) {
                    if (column(property).isEmpty()) {
                        names.add(property);
                    }
                }
            }
        }
        return names;
    }

    private Optional<ColumnNotes> column(String name) {
        return entity.section.flatMap(s -> s.columns().stream()
                .filter(c -> c.name().equals(name) || Words.snake(c.name()).equals(name)).findFirst())
                .map(ColumnNotes::new);
    }

    private void infer(String written) {
        Optional<ColumnNotes> col = column(written);
        // A contract property keeps its name, as validate matches fields to properties by name (a camelCase
        // one is stored in its snake_case column); only a column no schema shows is renamed (emailVerified
        // becomes email_verified). Another service's table keeps the columns it has.
        String name = Words.fieldName(written) || hasProperty(written) ? written : Words.snake(written);
        FieldDraft field = entity.add(name);
        boolean keepsColumn = !name.equals(written) || entity.external;
        if (col.isPresent() && keepsColumn && !dev.specgen.modeldoc.FieldDoc.snake(name).equals(written)) {
            field.column = written;
        }
        List<SchemaView> publics = properties(entity.responses, name);
        List<SchemaView> creates = properties(entity.creates, name);
        List<SchemaView> requests = new ArrayList<>(creates);
        requests.addAll(properties(entity.updates, name));
        List<SchemaView> all = new ArrayList<>(publics);
        all.addAll(requests);
        field.inContract = !all.isEmpty();
        field.inRequests = !requests.isEmpty();
        col.ifPresent(c -> field.notes.addAll(c.unread));
        type(field, all, col);
        nullable(field, publics, requests, col);
        bounds(field, all, col);
        col.ifPresent(c -> keys(field, c));
        defaults(field, creates, col);
        secret(field);
    }

    /** A secret (password_hash, api_token) is never written by a body as sent: the server sets it (SG430). */
    private static void secret(FieldDraft field) {
        if (("string".equals(field.type) || "text".equals(field.type)) && field.generated == null
                && dev.specgen.validate.SecretFields.namedLikeSecret(field.name)) {
            field.readOnly = true;
            field.readOnlyWhy = "named like a secret: no body writes it as sent; the register action stores an"
                    + " Argon2 hash of the password in it (SG430)";
        }
    }

    private boolean hasProperty(String name) {
        return List.of(entity.responses, entity.creates, entity.updates).stream().flatMap(List::stream)
                .anyMatch(s -> s.properties().containsKey(name));
    }

    private static List<SchemaView> properties(List<SchemaView> schemas, String name) {
        List<SchemaView> found = new ArrayList<>();
        for (SchemaView schema : schemas) {
            schema.property(name).ifPresent(found::add);
        }
        return found;
    }

    private void type(FieldDraft field, List<SchemaView> contract, Optional<ColumnNotes> col) {
        Optional<String> fromContract = contract.stream().map(FieldInference::contractType).flatMap(Optional::stream)
                .findFirst();
        Optional<ColumnNotes.SqlType> sql = col.flatMap(c -> c.sqlType);
        if (sql.isEmpty()) {
            field.type = fromContract.orElse(null);
            if ("text".equals(field.type)) {
                field.typeWhy = contract.get(0).number("maxLength").isPresent() ? "maxLength above "
                        + VARCHAR_LIMIT + ": TEXT rather than VARCHAR" : "no maxLength: TEXT rather than VARCHAR";
            }
            if (field.type == null && !contract.isEmpty()) {
                field.typeWhy = "the contract's " + String.join("|", contract.get(0).types()) + " has no model.yaml type";
            } else if (field.type == null && col.isPresent()) {
                field.typeWhy = "data-model.md's " + col.get().column.sqlType() + " is no SQL type the draft knows";
            }
            return;
        }
        String fromSql = sql.get().type();
        sql.get().length().ifPresent(n -> field.maxLength = n);
        sql.get().precision().ifPresent(p -> field.precision = p);
        sql.get().scale().ifPresent(s -> field.scale = s);
        boolean key = col.get().primaryKey || col.get().foreignKey.isPresent() || col.get().holdsSubject;
        if ("text".equals(fromSql) && key) {
            fromSql = "string";
            field.typeWhy = "data-model.md: " + col.get().column.sqlType() + " holding an id: a string key";
        }
        if (fromContract.isEmpty()) {
            field.type = fromSql;
            return;
        }
        SchemaView schema = contract.get(0);
        String c = fromContract.get();
        boolean agree = FieldType.of(fromSql).matches(schema.type().orElse(""), schema.format())
                && !"enum".equals(c);
        if (agree || "enum".equals(c) && List.of("string", "text").contains(fromSql)) {
            field.type = "enum".equals(c) ? "enum" : fromSql;
        } else if ("decimal".equals(fromSql) && "float".equals(c)) {
            field.type = null;
            field.typeWhy = "the contract sends a JSON number, data-model.md stores " + col.get().column.sqlType();
        } else {
            field.type = c;
            field.typeWhy = "the contract's type; data-model.md says " + col.get().column.sqlType();
            field.precision = null;
            field.scale = null;
        }
    }

    /** model.yaml's type for a contract schema, when it has one. */
    static Optional<String> contractType(SchemaView p) {
        String type = p.type().orElse(p.hasEnum() ? "string" : "");
        String format = p.format().orElse("");
        return Optional.ofNullable(switch (type) {
            case "string" -> {
                if (p.hasEnum()) {
                    yield "enum";
                }
                yield switch (format) {
                    case "uuid" -> "uuid";
                    case "date" -> "date";
                    case "date-time" -> "datetime";
                    case "decimal" -> "decimal";
                    default -> p.number("maxLength").filter(n -> n.compareTo(BigDecimal.valueOf(VARCHAR_LIMIT)) <= 0)
                            .isPresent() ? "string" : "text";
                };
            }
            case "integer" -> "int64".equals(format) ? "bigint" : "integer";
            case "number" -> "float";
            case "boolean" -> "boolean";
            case "object" -> "json";
            default -> null;
        });
    }

    private void nullable(FieldDraft field, List<SchemaView> publics, List<SchemaView> requests,
            Optional<ColumnNotes> col) {
        boolean contract = !publics.isEmpty() ? publics.get(0).nullable()
                : requests.stream().anyMatch(SchemaView::nullable);
        Optional<Boolean> table = col.flatMap(c -> c.nullable);
        if (!publics.isEmpty() || !requests.isEmpty()) {
            field.nullable = contract;
            if (table.isPresent() && table.get() != contract) {
                field.nullableWhy = "the contract's; data-model.md says " + (table.get() ? "nullable" : "not null");
            }
        } else {
            field.nullable = table.orElse(false);
        }
    }

    private void bounds(FieldDraft field, List<SchemaView> contract, Optional<ColumnNotes> col) {
        for (SchemaView schema : contract) {
            if (field.values == null && schema.hasEnum()) {
                field.values = schema.enumValues();
            }
            if (field.pattern == null) {
                field.pattern = schema.text("pattern").orElse(null);
            }
            if (field.minLength == null) {
                field.minLength = schema.number("minLength").map(BigDecimal::intValue).orElse(null);
            }
            if (field.minimum == null) {
                field.minimum = schema.number("minimum").orElse(null);
            }
            if (field.maximum == null) {
                field.maximum = schema.number("maximum").orElse(null);
            }
        }
        Optional<Integer> contractMax = contract.stream().map(s -> s.number("maxLength")).flatMap(Optional::stream)
                .map(BigDecimal::intValue).findFirst();
        if (contractMax.isPresent()) {
            if (field.maxLength != null && !field.maxLength.equals(contractMax.get())) {
                field.maxLengthWhy = "the contract's; data-model.md says " + field.maxLength;
            }
            field.maxLength = contractMax.get();
        }
        col.ifPresent(c -> {
            c.values.filter(v -> field.values == null).ifPresent(v -> field.values = v);
            c.minLength.filter(n -> field.minLength == null).ifPresent(n -> field.minLength = n);
            c.maxLength.filter(n -> field.maxLength == null).ifPresent(n -> field.maxLength = n);
            c.minimum.filter(n -> field.minimum == null).ifPresent(n -> field.minimum = n);
            c.maximum.filter(n -> field.maximum == null).ifPresent(n -> field.maximum = n);
        });
        FieldType type = field.type == null ? null : FieldType.of(field.type);
        if (type == null || !type.hasLength()) {
            field.minLength = null;
            field.maxLength = null;
            field.pattern = null;
        }
        if (type != null && !type.hasRange()) {
            field.minimum = null;
            field.maximum = null;
        }
        if (type != FieldType.ENUM) {
            field.values = null;
        }
    }

    /** updated_at, modified_at, last_modified: stamped at every change, not only at insert. */
    static boolean updates(String name) {
        return name.matches("(?i)(updated|modified|last_modified|last_updated|changed)(_at|_on|At|On)?");
    }

    /** What the table's notes say about keys, generated values, uniqueness and indexes. */
    private void keys(FieldDraft field, ColumnNotes col) {
        if (col.primaryKey) {
            field.primaryKey = true;
        }
        col.generated.ifPresent(g -> {
            String generated = switch (g) {
                case "auto" -> "uuid".equals(field.type) ? "uuid" : field.integral() ? "increment"
                        : "datetime".equals(field.type) ? updates(field.name) ? "updated" : "created" : null;
                case "created" -> "datetime".equals(field.type) && updates(field.name) ? "updated" : g;
                default -> g;
            };
            if (generated != null) {
                field.generated = generated;
                field.generatedWhy = "data-model.md: " + String.join(", ", col.column.notes().stream()
                        .filter(n -> !n.equalsIgnoreCase("not null") && !n.equalsIgnoreCase("primary key")).limit(1)
                        .toList());
            }
        });
        if (col.unique) {
            field.unique = true;
        }
        if (col.indexed) {
            field.index = true;
        }
    }

    private void defaults(FieldDraft field, List<SchemaView> creates, Optional<ColumnNotes> col) {
        for (SchemaView schema : creates) {
            Optional<YScalar> value = schema.defaultValue().filter(YScalar.class::isInstance).map(YScalar.class::cast);
            if (value.isPresent()) {
                field.defaultValue = literal(value.get());
                return;
            }
        }
        if (field.generated != null) {
            return; // the server's value: a default beside it would never be used
        }
        col.flatMap(c -> c.defaultValue).ifPresent(text -> {
            field.defaultValue = ColumnNotes.literal(text);
            field.defaultWhy = "data-model.md";
        });
    }

    /** A contract scalar as model.yaml writes it: booleans and numbers stay literals. */
    static Object literal(YScalar scalar) {
        return switch (scalar.kind()) {
            case NULL -> null;
            case BOOLEAN -> Boolean.valueOf(scalar.text().toLowerCase(Locale.ROOT));
            case INTEGER, FLOAT -> scalar.number().map(Object.class::cast).orElse(scalar.text());
            case STRING -> scalar.text();
        };
    }
}
