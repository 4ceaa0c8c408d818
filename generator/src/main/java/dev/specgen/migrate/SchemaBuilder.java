package dev.specgen.migrate;

import dev.specgen.load.JsonTrees;
import dev.specgen.load.Mark;
import dev.specgen.load.YNode;
import dev.specgen.load.YScalar;
import dev.specgen.modeldoc.EntityDoc;
import dev.specgen.modeldoc.FieldDoc;
import dev.specgen.modeldoc.FieldType;
import dev.specgen.modeldoc.ModelDoc;
import dev.specgen.resolve.Resolver;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The tables model.yaml describes, exactly as the generated SQLModel classes declare them (the
 * models' metadata carries the same naming convention), so a migration built from them leaves
 * `alembic check` nothing to report. External tables are left out: another service owns them.
 */
public final class SchemaBuilder {
    /** The metadata's naming convention, as app/models/__init__.py sets it. */
    static String primaryKeyName(String table) {
        return "pk_" + table;
    }

    static String uniqueName(String table, String column) {
        return "uq_" + table + "_" + column;
    }

    static String indexName(String table, String column) {
        return "ix_" + table + "_" + column;
    }

    static String foreignKeyName(String table, String column, String referredTable) {
        return "fk_" + table + "_" + column + "_" + referredTable;
    }

    /** The schema, and where in model.yaml each part of it is declared. */
    public record Built(SchemaSnapshot schema, Sources sources) {
    }

    public Built build(ModelDoc model) {
        Map<String, TableSchema> tables = new LinkedHashMap<>();
        Sources sources = new Sources();
        for (EntityDoc entity : model.entities().values()) {
            if (entity.external()) {
                sources.external.add(entity.table());
                continue;
            }
            tables.put(entity.table(), table(model, entity, sources));
        }
        return new Built(new SchemaSnapshot(tables), sources);
    }

    private TableSchema table(ModelDoc model, EntityDoc entity, Sources sources) {
        String table = entity.table();
        sources.entities.put(table, entity);
        List<TableSchema.Column> columns = new ArrayList<>();
        List<TableSchema.Key> uniques = new ArrayList<>();
        List<TableSchema.Key> indexes = new ArrayList<>();
        List<TableSchema.ForeignKey> foreignKeys = new ArrayList<>();
        List<TableSchema.Check> checks = new ArrayList<>();
        TableSchema.Key primaryKey = null;
        for (FieldDoc field : entity.fields().values()) {
            String column = field.column();
            sources.fields.put(table + "." + column, field);
            columns.add(new TableSchema.Column(column, type(field), field.nullable() && !field.primaryKey(), fill(field)));
            if (field.primaryKey()) {
                primaryKey = new TableSchema.Key(primaryKeyName(table), List.of(column));
                sources.marks.put(table + "#pk", field.nameMark());
            }
            if (field.unique()) {
                String name = uniqueName(table, column);
                uniques.add(new TableSchema.Key(name, List.of(column)));
                sources.marks.put(table + "#" + name, field.node().keyMark("unique"));
            }
            if (FieldType.of(field.type()) == FieldType.ENUM) {
                String name = Resolver.checkName(table, column);
                checks.add(new TableSchema.Check(name, column, field.values()));
                sources.marks.put(table + "#" + name, field.node().keyMark("values"));
            }
            if (entity.ownIndex(field)) {
                indexes.add(new TableSchema.Key(indexName(table, column), List.of(column)));
            }
            field.foreignKey().ifPresent(fk -> {
                EntityDoc parent = model.entity(fk.text("entity").orElseThrow()).orElseThrow();
                FieldDoc referred = parent.field(fk.text("field").orElseThrow()).orElseThrow();
                String name = foreignKeyName(table, column, parent.table());
                foreignKeys.add(new TableSchema.ForeignKey(name, List.of(column), parent.table(),
                        List.of(referred.column()), onDelete(fk.text("on_delete").orElse("no_action"))));
                sources.marks.put(table + "#" + name, field.node().keyMark("foreign_key"));
            });
        }
        for (List<YScalar> group : entity.groups("unique")) {
            String name = Resolver.constraintName("uq", table, columns(entity, group));
            uniques.add(new TableSchema.Key(name, columns(entity, group)));
            sources.marks.put(table + "#" + name, group.get(0).mark());
        }
        for (List<YScalar> group : entity.groups("indexes")) {
            String name = Resolver.constraintName("ix", table, columns(entity, group));
            indexes.add(new TableSchema.Key(name, columns(entity, group)));
        }
        Comparator<TableSchema.Key> byName = Comparator.comparing(TableSchema.Key::name);
        uniques.sort(byName);
        indexes.sort(byName);
        foreignKeys.sort(Comparator.comparing(TableSchema.ForeignKey::name));
        checks.sort(Comparator.comparing(TableSchema.Check::name));
        return new TableSchema(table, entity.name(), columns, primaryKey, uniques, indexes, foreignKeys, checks);
    }

    private static List<String> columns(EntityDoc entity, List<YScalar> group) {
        return Resolver.columnsOf(entity, group);
    }

    private static String onDelete(String action) {
        return "no_action".equals(action) ? null : action.replace('_', ' ').toUpperCase(Locale.ROOT);
    }

    /** The SQL type SQLModel gives the field (see FieldRenderer's sa_type choices). */
    static SqlType type(FieldDoc field) {
        return switch (FieldType.of(field.type())) {
            case STRING -> SqlType.string(field.number("max_length").map(n -> n.intValueExact()).orElse(null));
            case TEXT -> SqlType.of(SqlType.Kind.TEXT);
            case INTEGER -> SqlType.of(SqlType.Kind.INTEGER);
            case BIGINT -> SqlType.of(SqlType.Kind.BIGINT);
            case DECIMAL -> SqlType.numeric(field.number("precision").map(n -> n.intValueExact()).orElse(null),
                    field.number("scale").map(n -> n.intValueExact()).orElse(null));
            case FLOAT -> SqlType.of(SqlType.Kind.FLOAT);
            case BOOLEAN -> SqlType.of(SqlType.Kind.BOOLEAN);
            case UUID -> SqlType.of(SqlType.Kind.UUID);
            case DATE -> SqlType.of(SqlType.Kind.DATE);
            case DATETIME -> SqlType.of(SqlType.Kind.DATETIME);
            case JSON, ARRAY -> SqlType.of(SqlType.Kind.JSON);
            // A non-native SQLAlchemy Enum is a VARCHAR as long as its longest value, in characters.
            case ENUM -> SqlType.string(field.values().stream().mapToInt(v -> v.codePointCount(0, v.length()))
                    .max().orElse(0));
        };
    }

    /** What existing rows get when the column arrives NOT NULL; null when nothing sensible exists. */
    static Fill fill(FieldDoc field) {
        String generated = field.generated().orElse("");
        if (generated.equals("created") || generated.equals("updated")) {
            return Fill.NOW;
        }
        if (!generated.isEmpty() || field.defaultValue().isEmpty()) {
            return null;
        }
        YNode value = field.defaultValue().get();
        FieldType type = FieldType.of(field.type());
        if (!(value instanceof YScalar scalar)) {
            return type == FieldType.JSON ? Fill.literal(JsonTrees.toJson(value).toString()) : null;
        }
        if (scalar.isNull()) {
            return null;
        }
        return switch (type) {
            case BOOLEAN -> scalar.isTrue() ? Fill.TRUE : Fill.FALSE;
            case INTEGER, BIGINT -> Fill.literal(scalar.number().orElseThrow().toBigInteger().toString());
            case FLOAT, DECIMAL -> Fill.literal(scalar.number().orElseThrow().toPlainString());
            // SQLAlchemy stores a UUID on SQLite as 32 hex digits; PostgreSQL reads that spelling too.
            case UUID -> Fill.literal(java.util.UUID.fromString(scalar.text()).toString().replace("-", ""));
            case JSON -> Fill.literal(JsonTrees.toJson(value).toString());
            // A timestamp literal would be read in the session's time zone; no fill is better than a wrong one.
            case DATETIME -> null;
            default -> Fill.literal(scalar.text());
        };
    }

    /** Where the parts of the schema come from in model.yaml, for blockers; never written anywhere. */
    public static final class Sources {
        private final Map<String, EntityDoc> entities = new HashMap<>();
        private final Map<String, FieldDoc> fields = new HashMap<>();
        private final Map<String, Mark> marks = new HashMap<>();
        private final Set<String> external = new HashSet<>();

        public java.util.Optional<EntityDoc> entity(String table) {
            return java.util.Optional.ofNullable(entities.get(table));
        }

        public java.util.Optional<FieldDoc> field(String table, String column) {
            return java.util.Optional.ofNullable(fields.get(table + "." + column));
        }

        /** Where a constraint of a table is declared ("pk" for the primary key); null when unknown. */
        public Mark constraint(String table, String name) {
            return marks.get(table + "#" + name);
        }

        public boolean isExternal(String table) {
            return external.contains(table);
        }

        public List<String> externalTables() {
            return external.stream().sorted().toList();
        }
    }
}
