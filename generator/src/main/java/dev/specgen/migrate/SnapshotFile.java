package dev.specgen.migrate;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.specgen.render.Renderer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * migrations/specgen-model.json: the chain of migrations specgen wrote, each with the hash of its
 * text, and the tables the newest one leads to. The next generate diffs model.yaml against these
 * tables. Written by hand, one column or constraint per line, so that its diff reads well in review.
 */
public final class SnapshotFile {
    public static final String PATH = "migrations/specgen-model.json";
    static final int FORMAT = 1;
    private static final ObjectMapper JSON = new ObjectMapper();

    private SnapshotFile() {
    }

    /** One migration of the chain: its file, its Alembic revision and the SHA-256 of its text. */
    public record Entry(String file, String revision, String sha256) {
    }

    /** What a snapshot file holds. */
    public record Contents(List<Entry> migrations, SchemaSnapshot schema) {
    }

    public static String write(List<Entry> migrations, SchemaSnapshot schema) {
        StringBuilder out = new StringBuilder("{\n");
        out.append("  \"comment\": ").append(str(Renderer.HEADER + " The tables the newest migration leads to;"
                + " the next generate adds a migration for whatever model.yaml changed since.")).append(",\n");
        out.append("  \"format\": ").append(FORMAT).append(",\n");
        out.append("  \"migrations\": [");
        for (int i = 0; i < migrations.size(); i++) {
            Entry e = migrations.get(i);
            out.append(i == 0 ? "\n" : ",\n").append("    {\"file\": ").append(str(e.file())).append(", \"revision\": ")
                    .append(str(e.revision())).append(", \"sha256\": ").append(str(e.sha256())).append('}');
        }
        out.append(migrations.isEmpty() ? "],\n" : "\n  ],\n");
        out.append("  \"tables\": {");
        boolean first = true;
        for (TableSchema table : schema.tables().values()) {
            out.append(first ? "\n" : ",\n");
            first = false;
            table(out, table);
        }
        out.append(schema.tables().isEmpty() ? "}\n" : "\n  }\n").append("}\n");
        return out.toString();
    }

    private static void table(StringBuilder out, TableSchema t) {
        out.append("    ").append(str(t.name())).append(": {\n");
        out.append("      \"entity\": ").append(str(t.entity())).append(",\n");
        List<String> columns = new ArrayList<>();
        for (TableSchema.Column c : t.columns()) {
            columns.add("{\"name\": " + str(c.name()) + ", \"type\": " + str(c.type().toString()) + ", \"nullable\": "
                    + c.nullable() + (c.fill() == null ? "" : ", \"fill\": " + str(c.fill().sql())) + "}");
        }
        out.append(list("columns", columns)).append(",\n");
        out.append("      \"primary_key\": ").append(key(t.primaryKey())).append(",\n");
        out.append(list("unique", t.uniques().stream().map(SnapshotFile::key).toList())).append(",\n");
        out.append(list("indexes", t.indexes().stream().map(SnapshotFile::key).toList())).append(",\n");
        List<String> foreignKeys = new ArrayList<>();
        for (TableSchema.ForeignKey fk : t.foreignKeys()) {
            foreignKeys.add("{\"name\": " + str(fk.name()) + ", \"columns\": " + strs(fk.columns()) + ", \"references\": "
                    + str(fk.referredTable()) + ", \"referred_columns\": " + strs(fk.referredColumns())
                    + (fk.onDelete() == null ? "" : ", \"on_delete\": " + str(fk.onDelete())) + "}");
        }
        out.append(list("foreign_keys", foreignKeys));
        // Written only when the table has one, so that snapshots of tables without enums read as before.
        if (!t.checks().isEmpty()) {
            out.append(",\n").append(list("checks", t.checks().stream().map(c -> "{\"name\": " + str(c.name())
                    + ", \"column\": " + str(c.column()) + ", \"values\": " + strs(c.values()) + "}").toList()));
        }
        out.append("\n    }");
    }

    private static String list(String name, List<String> items) {
        String head = "      " + str(name) + ": [";
        if (items.isEmpty()) {
            return head + "]";
        }
        return head + "\n" + String.join(",\n", items.stream().map(i -> "        " + i).toList()) + "\n      ]";
    }

    private static String key(TableSchema.Key key) {
        return "{\"name\": " + str(key.name()) + ", \"columns\": " + strs(key.columns()) + "}";
    }

    private static String strs(List<String> values) {
        return "[" + String.join(", ", values.stream().map(SnapshotFile::str).toList()) + "]";
    }

    private static String str(String value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Reads a snapshot file; anything unexpected is reported as a problem with the file, in one line. */
    public static Contents read(String text) {
        JsonNode root;
        try {
            root = JSON.readTree(text);
        } catch (JsonProcessingException e) {
            throw new MigrationHistoryException(PATH + " is not valid JSON (" + e.getOriginalMessage() + ")");
        }
        if (root == null || !root.isObject()) {
            throw new MigrationHistoryException(PATH + " is not a JSON object");
        }
        int format = root.path("format").asInt(-1);
        if (format != FORMAT) {
            throw new MigrationHistoryException(PATH + " has format " + root.path("format") + "; this specgen reads"
                    + " format " + FORMAT + " (was it written by another specgen version?)");
        }
        List<Entry> migrations = new ArrayList<>();
        for (JsonNode m : array(root, "migrations")) {
            migrations.add(new Entry(text(m, "file"), text(m, "revision"), text(m, "sha256")));
        }
        Map<String, TableSchema> tables = new LinkedHashMap<>();
        JsonNode tablesNode = root.path("tables");
        if (!tablesNode.isObject()) {
            throw bad("tables");
        }
        for (Map.Entry<String, JsonNode> t : tablesNode.properties()) {
            tables.put(t.getKey(), table(t.getKey(), t.getValue()));
        }
        return new Contents(migrations, new SchemaSnapshot(tables));
    }

    private static TableSchema table(String name, JsonNode t) {
        List<TableSchema.Column> columns = new ArrayList<>();
        for (JsonNode c : array(t, "columns")) {
            SqlType type = SqlType.parse(text(c, "type"));
            if (type == null || !c.path("nullable").isBoolean()) {
                throw bad("tables." + name + ".columns");
            }
            Fill fill = null;
            if (c.has("fill")) {
                fill = Fill.parse(text(c, "fill"));
                if (fill == null) {
                    throw bad("tables." + name + ".columns");
                }
            }
            columns.add(new TableSchema.Column(text(c, "name"), type, c.path("nullable").asBoolean(), fill));
        }
        List<TableSchema.ForeignKey> foreignKeys = new ArrayList<>();
        for (JsonNode fk : array(t, "foreign_keys")) {
            foreignKeys.add(new TableSchema.ForeignKey(text(fk, "name"), texts(fk, "columns"), text(fk, "references"),
                    texts(fk, "referred_columns"), fk.has("on_delete") ? text(fk, "on_delete") : null));
        }
        // A snapshot written before enum columns had CHECK constraints has no "checks": the tables had none.
        List<TableSchema.Check> checks = new ArrayList<>();
        if (t.has("checks")) {
            for (JsonNode c : array(t, "checks")) {
                checks.add(new TableSchema.Check(text(c, "name"), text(c, "column"), texts(c, "values")));
            }
        }
        return new TableSchema(name, text(t, "entity"), columns, key(t.path("primary_key")),
                array(t, "unique").stream().map(SnapshotFile::key).toList(),
                array(t, "indexes").stream().map(SnapshotFile::key).toList(), foreignKeys, checks);
    }

    private static TableSchema.Key key(JsonNode node) {
        return new TableSchema.Key(text(node, "name"), texts(node, "columns"));
    }

    private static List<JsonNode> array(JsonNode node, String field) {
        JsonNode value = node.path(field);
        if (!value.isArray()) {
            throw bad(field);
        }
        List<JsonNode> items = new ArrayList<>();
        value.forEach(items::add);
        return items;
    }

    private static List<String> texts(JsonNode node, String field) {
        List<String> values = new ArrayList<>();
        for (JsonNode item : array(node, field)) {
            if (!item.isTextual()) {
                throw bad(field);
            }
            values.add(item.asText());
        }
        return values;
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.path(field);
        if (!value.isTextual()) {
            throw bad(field);
        }
        return value.asText();
    }

    private static MigrationHistoryException bad(String field) {
        return new MigrationHistoryException(PATH + " has no valid '" + field + "'; it is generated: restore it from"
                + " version control");
    }
}
