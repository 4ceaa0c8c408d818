package dev.specgen.draft;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads a data-model.md into its entity sections, whatever the notation: a markdown table of columns
 * (a header naming the column and its type), bullet lists ({@code - field: type}, {@code - **field**: Type
 * (notes)}, {@code - `field` (type, notes)}), and code blocks ({@link CodeTables}: SQL, SQLModel or
 * SQLAlchemy classes, Mermaid). One entity stated several ways (a table, then its SQL, then its class) is
 * one section, its columns merged. Sections that describe rather than define (Indexes, Validation Rules,
 * Data Volume Estimates, Type Mappings, Relationships...) hold no entity; a "Fields" or "SQLModel
 * Definition" subsection belongs to the entity above it.
 */
final class DataModelReader {
    private static final Pattern HEADING = Pattern.compile("^(#{2,6})\\s+(.+?)\\s*#*\\s*$");
    private static final Pattern TABLE_NAME = Pattern.compile("(?i)\\btable\\s+[`\"']?([A-Za-z_][A-Za-z0-9_]*)");
    private static final Pattern TABLE_LINE = Pattern.compile(
            "(?i)^[-*+]?\\s*[*_]*\\s*(?:database\\s+|sql\\s+|db\\s+)?table(?:\\s+name)?\\s*[*_]*\\s*:\\s*[*_]*\\s*[`\"']?"
                    + "([A-Za-z_][A-Za-z0-9_]*)[`\"']?");
    private static final Pattern SEPARATOR = Pattern.compile("^\\|?\\s*:?-{2,}:?\\s*(\\|\\s*:?-{2,}:?\\s*)*\\|?\\s*$");
    private static final Pattern FENCE = Pattern.compile("^(```+|~~~+)\\s*([\\w+-]*).*$");
    /** "- **name**: Type (notes)", "- `name`: type, notes", "- name (type, notes)". */
    private static final Pattern BULLET = Pattern.compile(
            "^[-*+]\\s+[*_`]*([A-Za-z_][A-Za-z0-9_]*)[*_`]*\\s*(?::\\s*(.+)|\\((.+)\\)\\s*(.*))$");
    private static final Set<String> NAME_HEADERS = Set.of("column", "name", "field", "attribute", "property",
            "column name", "field name", "columns");
    private static final Set<String> TYPE_HEADERS = Set.of("type", "sql type", "data type", "datatype", "db type",
            "postgres type", "postgresql type");
    /** Headings that hold an entity's columns for the entity above them. */
    private static final Set<String> GENERIC = Set.of("fields", "field", "columns", "column", "attributes", "attribute",
            "properties", "schema", "definition", "definitions", "specification", "specifications", "sqlmodel",
            "sqlalchemy", "model", "models", "table", "database", "db", "structure", "sql", "postgresql", "postgres",
            "generated", "persistence", "orm", "ddl", "and", "details");
    /** Words of headings whose tables describe, not define, entities. */
    private static final Set<String> DESCRIBES = Set.of("index", "indexes", "indices", "validation", "validations",
            "rule", "rules", "estimate", "estimates", "volume", "mapping", "mappings", "constraint", "constraints",
            "relationship", "relationships", "relations", "enum", "enums", "enumerations", "overview", "queries",
            "query", "migration", "migrations", "performance", "transition", "transitions", "strategy", "security",
            "testing", "tests", "summary", "considerations", "isolation", "flow", "patterns", "retention", "examples",
            "example", "request", "requests", "response", "responses", "api", "schemas", "events", "commands",
            "exceptions", "diagram", "views", "derived", "concurrency", "integrity", "glossary", "types", "payload",
            "payloads", "dto", "dtos", "errors", "changelog", "notes", "checklist");

    private DataModelReader() {
    }

    /** A "## heading" while reading: what lies under it, before it is known to be an entity. */
    private static final class Raw {
        final String heading;
        final int level;
        final Raw parent;
        final List<DataModel.Column> columns = new ArrayList<>();
        final List<String> prose = new ArrayList<>();
        final StringBuilder paragraph = new StringBuilder();
        final List<CodeTables.Table> code = new ArrayList<>();
        Optional<String> table = Optional.empty();

        Raw(String heading, int level, Raw parent) {
            this.heading = heading;
            this.level = level;
            this.parent = parent;
        }

        void prose(String line) {
            if (line.isEmpty()) {
                flush();
                return;
            }
            if (paragraph.length() > 0) {
                paragraph.append(' ');
            }
            paragraph.append(line.replaceFirst("^[-*+]\\s+", ""));
        }

        void flush() {
            if (paragraph.length() > 0) {
                prose.add(paragraph.toString());
                paragraph.setLength(0);
            }
        }

        String name() {
            return cleanName(heading);
        }

        String notes() {
            int paren = heading.indexOf('(');
            if (paren <= 0) {
                return "";
            }
            int close = heading.lastIndexOf(')');
            return heading.substring(paren + 1, close > paren ? close : heading.length());
        }

        Set<String> words() {
            return Set.of(name().toLowerCase(Locale.ROOT).split("[^a-z0-9]+"));
        }

        boolean generic() {
            Set<String> words = words();
            return !words.isEmpty() && GENERIC.containsAll(words) || words.stream().anyMatch(w -> w.equals("sqlmodel")
                    || w.equals("sqlalchemy")) && !describes();
        }

        boolean describes() {
            return words().stream().anyMatch(DESCRIBES::contains) && !generic0();
        }

        private boolean generic0() {
            Set<String> words = words();
            return !words.isEmpty() && GENERIC.containsAll(words);
        }

        /** The section these columns belong to: this one, or for a "Fields" subsection its entity. */
        Raw owner() {
            if (!generic()) {
                return describes() ? null : this;
            }
            for (Raw up = parent; up != null; up = up.parent) {
                if (!up.generic()) {
                    return up.describes() || up.level <= 2 && up.words().contains("entities") ? null : up;
                }
            }
            return null;
        }
    }

    static DataModel read(String fileName, String text) {
        String[] lines = text.replace("\r\n", "\n").replace('\r', '\n').split("\n", -1);
        List<Raw> raws = new ArrayList<>();
        Raw current = null;
        List<String> header = null;
        List<DataModel.Column> pending = new ArrayList<>();
        int pendingTyped = 0;
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i].strip();
            Matcher fence = FENCE.matcher(line);
            if (fence.matches()) {
                String marker = fence.group(1);
                List<String> code = new ArrayList<>();
                int first = i + 2;
                for (i++; i < lines.length && !lines[i].strip().startsWith(marker); i++) {
                    code.add(lines[i]);
                }
                if (current != null) {
                    current.code.addAll(CodeTables.read(fence.group(2), code, first));
                } else {
                    current = new Raw("", 1, null);
                    raws.add(current);
                    current.code.addAll(CodeTables.read(fence.group(2), code, first));
                }
                continue;
            }
            Matcher heading = HEADING.matcher(line);
            if (heading.matches()) {
                if (current != null) {
                    current.flush();
                }
                int level = heading.group(1).length();
                Raw parent = current;
                while (parent != null && parent.level >= level) {
                    parent = parent.parent;
                }
                current = new Raw(heading.group(2), level, parent);
                raws.add(current);
                header = null;
                continue;
            }
            if (current == null) {
                continue; // the title and anything before the first section
            }
            if (line.startsWith("|")) {
                List<String> cells = DataModel.cells(line);
                if (SEPARATOR.matcher(line).matches()) {
                    continue;
                }
                if (header == null) {
                    header = cells.stream().map(c -> c.replace("*", "").strip().toLowerCase(Locale.ROOT)).toList();
                    pending = new ArrayList<>();
                    pendingTyped = 0;
                    continue;
                }
                Optional<DataModel.Column> column = row(header, cells, i + 1);
                if (column.isPresent()) {
                    pending.add(column.get());
                    pendingTyped += ColumnNotes.sqlType(column.get().sqlType()).isPresent() ? 1 : 0;
                }
                boolean lastRow = i + 1 >= lines.length || !lines[i + 1].strip().startsWith("|");
                if (lastRow) {
                    if (namesColumns(header) || pendingTyped * 2 >= pending.size() && !pending.isEmpty()) {
                        current.columns.addAll(pending);
                    }
                    pending = new ArrayList<>();
                }
                continue;
            }
            header = null;
            Matcher table = TABLE_LINE.matcher(line);
            if (table.find() && current.table.isEmpty()) {
                current.table = Optional.of(table.group(1));
            }
            Optional<DataModel.Column> bullet = bullet(line, i + 1);
            if (bullet.isPresent()) {
                current.columns.add(bullet.get());
                continue;
            }
            current.prose(line);
        }
        if (current != null) {
            current.flush();
        }
        return new DataModel(fileName, assemble(raws));
    }

    /** A table whose header names a column and its type lists columns; others (Index, Rule...) do not. */
    private static boolean namesColumns(List<String> header) {
        return header.stream().anyMatch(NAME_HEADERS::contains) && header.stream().anyMatch(TYPE_HEADERS::contains);
    }

    private static Optional<DataModel.Column> row(List<String> header, List<String> cells, int line) {
        int nameAt = indexOf(header, NAME_HEADERS, 0);
        int typeAt = indexOf(header, TYPE_HEADERS, nameAt == 0 ? 1 : 0);
        if (cells.size() <= Math.max(nameAt, typeAt)) {
            return Optional.empty();
        }
        String name = unquote(cells.get(nameAt));
        if (!name.matches("[A-Za-z_][A-Za-z0-9_]*")) {
            return Optional.empty(); // a placeholder row (| ... |) or a phrase (| All fields |)
        }
        List<String> typeCell = DataModel.phrases(cells.get(typeAt));
        String sqlType = typeCell.isEmpty() ? "" : typeCell.get(0);
        List<String> notes = new ArrayList<>(typeCell.subList(Math.min(1, typeCell.size()), typeCell.size()));
        for (int i = 0; i < cells.size(); i++) {
            if (i == nameAt || i == typeAt) {
                continue;
            }
            String h = i < header.size() ? header.get(i) : "";
            if (h.equals("default") || h.equals("default value")) {
                String v = cells.get(i).replace("`", "").strip();
                if (!v.isEmpty() && !v.matches("(?i)-|—|none|n/a|required|null.*|optional")) {
                    notes.add(CodeTables.COMPUTED.matcher(v).matches() || v.toLowerCase(Locale.ROOT).contains("generated")
                            ? "generated" : "default " + v);
                }
                continue;
            }
            notes.addAll(DataModel.phrases(cells.get(i)));
        }
        return Optional.of(new DataModel.Column(name, sqlType, List.copyOf(notes), line));
    }

    private static Optional<DataModel.Column> bullet(String line, int at) {
        Matcher m = BULLET.matcher(line);
        if (!m.matches()) {
            return Optional.empty();
        }
        String name = m.group(1);
        List<String> parts;
        if (m.group(2) != null) {
            String rest = m.group(2).strip();
            int paren = rest.indexOf('(');
            if (paren > 0 && rest.endsWith(")")) {
                parts = new ArrayList<>();
                parts.add(rest.substring(0, paren).strip());
                parts.addAll(DataModel.phrases(rest.substring(paren + 1, rest.length() - 1)));
            } else {
                parts = new ArrayList<>(DataModel.phrases(rest));
            }
        } else {
            parts = new ArrayList<>(DataModel.phrases(m.group(3)));
            if (!m.group(4).isBlank()) {
                parts.addAll(DataModel.phrases(m.group(4).replaceFirst("^[-–—:]\\s*", "")));
            }
        }
        if (parts.isEmpty()) {
            return Optional.empty();
        }
        String type = parts.get(0).replace("`", "").replaceFirst("(?i)^(enum)\\s*:.*$", "$1");
        if (type.equalsIgnoreCase("enum") && parts.get(0).contains(":")) {
            // (enum: `admin`, `user`): the values follow, one phrase each
            StringBuilder values = new StringBuilder(parts.get(0).substring(parts.get(0).indexOf(':') + 1).strip());
            int k = 1;
            for (; k < parts.size() && parts.get(k).matches("`[^`]+`"); k++) {
                values.append(", ").append(parts.get(k));
            }
            List<String> rest = new ArrayList<>(parts.subList(k, parts.size()));
            rest.add(0, "values: " + values);
            return Optional.of(new DataModel.Column(name, "enum", List.copyOf(rest), at));
        }
        if (ColumnNotes.sqlType(type).isEmpty()) {
            return Optional.empty(); // "- **Validation**: ...", "- `username` non-empty": no type, no field
        }
        return Optional.of(new DataModel.Column(name, type, List.copyOf(parts.subList(1, parts.size())), at));
    }

    private static int indexOf(List<String> header, Set<String> names, int fallback) {
        for (int i = 0; i < header.size(); i++) {
            if (names.contains(header.get(i))) {
                return i;
            }
        }
        return fallback;
    }

    static String unquote(String name) {
        return name.replace("`", "").replace("*", "").strip();
    }

    /** "### Entity 1: Task" is Task, "## User Entity" User, "### 1. Transaction" Transaction. */
    static String cleanName(String heading) {
        String name = heading;
        int paren = name.indexOf('(');
        if (paren > 0) {
            name = name.substring(0, paren);
        }
        name = unquote(name).replaceFirst("^\\d+(\\.\\d+)*[.):]?\\s+", "")
                .replaceFirst("(?i)^(entity|table|model)\\s*\\d*\\s*[:.\\-–—]\\s*", "")
                .replaceFirst("(?i)\\s+(entity|table|model)$", "").strip();
        return name;
    }

    /** Entity sections from what was read: markdown columns, then the tables written in code. */
    private static List<DataModel.Section> assemble(List<Raw> raws) {
        Map<Raw, List<DataModel.Column>> entities = new LinkedHashMap<>();
        Map<Raw, Optional<String>> tables = new LinkedHashMap<>();
        for (Raw raw : raws) {
            Raw owner = raw.columns.isEmpty() ? null : raw.owner();
            if (owner != null) {
                entities.computeIfAbsent(owner, k -> new ArrayList<>()).addAll(raw.columns);
                if (tables.getOrDefault(owner, Optional.empty()).isEmpty()) {
                    tables.put(owner, ownTable(owner).or(() -> raw.table));
                }
            }
        }
        for (Raw raw : raws) {
            for (CodeTables.Table code : raw.code) {
                Raw into = match(entities.keySet(), tables, code);
                if (into == null) {
                    Raw owner = raw.owner();
                    into = owner != null && key(owner.name()).equals(key(code.name())) ? owner : null;
                }
                if (into == null) {
                    into = new Raw(code.name(), 9, null);
                }
                List<DataModel.Column> columns = entities.computeIfAbsent(into, k -> new ArrayList<>());
                merge(columns, code.columns());
                if (tables.getOrDefault(into, Optional.empty()).isEmpty()) {
                    Raw at = into;
                    tables.put(into, code.table().or(() -> ownTable(at)));
                }
            }
        }
        List<DataModel.Section> sections = new ArrayList<>();
        for (Map.Entry<Raw, List<DataModel.Column>> entity : entities.entrySet()) {
            Raw raw = entity.getKey();
            if (entity.getValue().isEmpty()) {
                continue;
            }
            List<String> prose = new ArrayList<>(raw.prose);
            for (Raw sub : raws) {
                if (sub.parent == raw && (sub.generic() || sub.words().contains("constraints"))) {
                    prose.addAll(sub.prose);
                }
            }
            String notes = raw.notes().replaceFirst("(?i)\\btable\\s+[`\"']?[A-Za-z_][A-Za-z0-9_]*[`\"']?\\s*,?\\s*", "")
                    .strip();
            sections.add(new DataModel.Section(raw.heading, raw.name(), tables.getOrDefault(raw, Optional.empty()),
                    notes, List.copyOf(entity.getValue()), List.copyOf(prose)));
        }
        return List.copyOf(sections);
    }

    private static Optional<String> ownTable(Raw raw) {
        Matcher table = TABLE_NAME.matcher(raw.notes());
        return table.find() ? Optional.of(table.group(1)) : raw.table;
    }

    private static Raw match(Set<Raw> entities, Map<Raw, Optional<String>> tables, CodeTables.Table code) {
        for (Raw raw : entities) {
            Optional<String> table = tables.getOrDefault(raw, Optional.empty());
            boolean same = key(raw.name()).equals(key(code.name())) || table.isPresent() && code.table().isPresent()
                    && key(table.get()).equals(key(code.table().get())) || code.table().map(t -> key(t)
                    .equals(key(raw.name()))).orElse(false);
            if (same) {
                return raw;
            }
        }
        return null;
    }

    private static String key(String name) {
        return Words.singular(Words.snake(name)).replace("_", "");
    }

    /** Adds what code states to the columns read so far: new columns, and for known ones its notes first. */
    private static void merge(List<DataModel.Column> into, List<DataModel.Column> code) {
        for (DataModel.Column c : code) {
            int at = -1;
            for (int i = 0; i < into.size(); i++) {
                if (into.get(i).name().equals(c.name())) {
                    at = i;
                }
            }
            if (at < 0) {
                into.add(c);
                continue;
            }
            DataModel.Column known = into.get(at);
            Optional<ColumnNotes.SqlType> mine = ColumnNotes.sqlType(known.sqlType());
            Optional<ColumnNotes.SqlType> theirs = ColumnNotes.sqlType(c.sqlType());
            boolean sharper = theirs.isPresent() && (mine.isEmpty() || mine.get().length().isEmpty()
                    && mine.get().precision().isEmpty() && mine.get().type().equals(theirs.get().type())
                    && (theirs.get().length().isPresent() || theirs.get().precision().isPresent()));
            List<String> notes = new ArrayList<>(c.notes());
            notes.addAll(known.notes()); // the markdown's own words last: they win where both speak
            into.set(at, new DataModel.Column(known.name(), sharper ? c.sqlType() : known.sqlType(), List.copyOf(notes),
                    known.line()));
        }
    }
}
