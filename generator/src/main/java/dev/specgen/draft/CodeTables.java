package dev.specgen.draft;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Tables a data-model.md states in code rather than in markdown: SQL {@code CREATE TABLE}, SQLModel and
 * SQLAlchemy classes (a {@code __tablename__} or {@code table=True}; Pydantic request and response classes
 * are not tables), and Mermaid {@code erDiagram} blocks. Each column is given as a
 * {@link DataModel.Column} whose notes are the phrases {@link ColumnNotes} reads ("primary key",
 * "not null", "default false", "generated", "foreign key to users.id"), so every notation ends in one
 * reading.
 */
final class CodeTables {
    /** A table found in code: the name it is written under (a class, or the table), its table, columns. */
    record Table(String name, Optional<String> table, List<DataModel.Column> columns, int line) {
    }

    private static final Pattern CREATE = Pattern.compile(
            "(?is)create\\s+table\\s+(?:if\\s+not\\s+exists\\s+)?[`\"]?(?:\\w+\\.)?[`\"]?(\\w+)[`\"]?\\s*\\(");
    private static final Pattern CLASS = Pattern.compile("^(\\s*)class\\s+(\\w+)\\s*(?:\\((.*)\\))?\\s*:");
    private static final Pattern TABLENAME = Pattern.compile("__tablename__\\s*=\\s*[\"'](\\w+)[\"']");
    private static final Pattern SQL_WORDS = Pattern.compile(
            "(?i)\\b(not\\s+null|null|primary\\s+key|references|default|unique|check|generated|constraint|collate)\\b");
    /** A default that the database or the code computes: it is a generated value, never a literal. */
    static final Pattern COMPUTED = Pattern.compile("(?i).*(\\(\\)|now|current_timestamp|current_date|utc|uuid"
            + "|gen_random|autoincrement|nextval|datetime|timestamp|func\\.).*");

    private CodeTables() {
    }

    static List<Table> read(String language, List<String> lines, int firstLine) {
        String lang = language.toLowerCase(Locale.ROOT);
        String text = String.join("\n", lines);
        if (lang.startsWith("mermaid") || text.strip().startsWith("erDiagram")) {
            return mermaid(lines, firstLine);
        }
        List<Table> tables = new ArrayList<>();
        if (!lang.startsWith("py")) {
            tables.addAll(sql(text, firstLine));
        }
        if (!lang.startsWith("sql")) {
            tables.addAll(python(lines, firstLine));
        }
        return tables;
    }

    // ---- SQL ----

    static List<Table> sql(String text, int firstLine) {
        List<Table> tables = new ArrayList<>();
        String code = text.replaceAll("--[^\n]*", "");
        Matcher m = CREATE.matcher(code);
        while (m.find()) {
            int open = m.end() - 1;
            int close = closing(code, open);
            int line = firstLine + (int) code.substring(0, m.start()).chars().filter(c -> c == '\n').count();
            List<DataModel.Column> columns = new ArrayList<>();
            List<String[]> keys = new ArrayList<>();
            for (String part : splitTop(code.substring(open + 1, close))) {
                String def = part.strip();
                String lower = def.toLowerCase(Locale.ROOT);
                if (lower.startsWith("primary key")) {
                    for (String name : inParens(def)) {
                        keys.add(new String[] {name, "primary key"});
                    }
                } else if (lower.startsWith("foreign key")) {
                    Matcher fk = Pattern.compile("(?i)foreign\\s+key\\s*\\(\\s*\"?(\\w+)\"?\\s*\\)\\s*references\\s+\"?(\\w+)"
                            + "\"?\\s*\\(\\s*\"?(\\w+)\"?\\s*\\)(.*)").matcher(def);
                    if (fk.find()) {
                        keys.add(new String[] {fk.group(1), "foreign key to " + fk.group(2) + "." + fk.group(3)
                                + onDelete(fk.group(4))});
                    }
                } else if (!lower.matches("(constraint|unique|check|index|key|exclude)\\b.*") && !def.isEmpty()) {
                    column(def, line).ifPresent(columns::add);
                }
            }
            for (String[] key : keys) {
                for (int i = 0; i < columns.size(); i++) {
                    DataModel.Column c = columns.get(i);
                    if (c.name().equals(key[0])) {
                        List<String> notes = new ArrayList<>(c.notes());
                        notes.remove("nullable");
                        notes.add(key[1]);
                        columns.set(i, new DataModel.Column(c.name(), c.sqlType(), List.copyOf(notes), c.line()));
                    }
                }
            }
            tables.add(new Table(m.group(1), Optional.of(m.group(1)), List.copyOf(columns), line));
        }
        return tables;
    }

    private static Optional<DataModel.Column> column(String def, int line) {
        Matcher name = Pattern.compile("^[`\"]?(\\w+)[`\"]?\\s+(.*)$", Pattern.DOTALL).matcher(def);
        if (!name.matches()) {
            return Optional.empty();
        }
        String rest = name.group(2).replaceAll("\\s+", " ").strip();
        Matcher word = SQL_WORDS.matcher(rest);
        int cut = word.find() ? word.start() : rest.length();
        String type = rest.substring(0, cut).strip();
        String constraints = rest.substring(cut);
        String lower = constraints.toLowerCase(Locale.ROOT);
        List<String> notes = new ArrayList<>();
        boolean key = lower.contains("primary key");
        if (key) {
            notes.add("primary key");
        }
        if (lower.contains("not null")) {
            notes.add("not null");
        } else if (!key) {
            notes.add("nullable");
        }
        if (lower.matches(".*\\bunique\\b.*")) {
            notes.add("unique");
        }
        if (lower.contains("generated") && lower.contains("identity")) {
            notes.add("identity");
        }
        Matcher def2 = Pattern.compile("(?i)\\bdefault\\s+(\\([^)]*\\)\\)?|'[^']*'|[^\\s,]+(?:\\([^)]*\\))?)")
                .matcher(constraints);
        if (def2.find()) {
            notes.add("default " + def2.group(1));
        }
        Matcher ref = Pattern.compile("(?i)references\\s+\"?(\\w+)\"?\\s*(?:\\(\\s*\"?(\\w+)\"?\\s*\\))?(.*)")
                .matcher(constraints);
        if (ref.find()) {
            notes.add("foreign key to " + ref.group(1) + "." + (ref.group(2) == null ? "id" : ref.group(2))
                    + onDelete(ref.group(3)));
        }
        return Optional.of(new DataModel.Column(name.group(1), type, List.copyOf(notes), line));
    }

    private static String onDelete(String text) {
        Matcher m = Pattern.compile("(?i)on\\s+delete\\s+(cascade|set\\s+null|restrict|no\\s+action)").matcher(text);
        return m.find() ? ", on delete " + m.group(1).toLowerCase(Locale.ROOT).replaceAll("\\s+", " ") : "";
    }

    private static List<String> inParens(String text) {
        int open = text.indexOf('(');
        int close = text.indexOf(')', open + 1);
        if (open < 0 || close < 0) {
            return List.of();
        }
        List<String> names = new ArrayList<>();
        for (String n : text.substring(open + 1, close).split(",")) {
            names.add(n.replace("\"", "").replace("`", "").strip());
        }
        return names;
    }

    private static int closing(String text, int open) {
        int depth = 0;
        for (int i = open; i < text.length(); i++) {
            char c = text.charAt(i);
            depth += c == '(' ? 1 : c == ')' ? -1 : 0;
            if (depth == 0) {
                return i;
            }
        }
        return text.length();
    }

    /** Splits at commas outside parentheses and quotes. */
    static List<String> splitTop(String text) {
        List<String> parts = new ArrayList<>();
        int depth = 0;
        char quote = 0;
        StringBuilder part = new StringBuilder();
        for (char c : text.toCharArray()) {
            if (quote != 0) {
                quote = c == quote ? 0 : quote;
            } else if (c == '\'' || c == '"') {
                quote = c;
            } else if (c == '(' || c == '[' || c == '{') {
                depth++;
            } else if (c == ')' || c == ']' || c == '}') {
                depth--;
            } else if (c == ',' && depth == 0) {
                parts.add(part.toString());
                part.setLength(0);
                continue;
            }
            part.append(c);
        }
        if (!part.toString().isBlank()) {
            parts.add(part.toString());
        }
        return parts;
    }

    // ---- Python: SQLModel, SQLAlchemy (declarative and 2.0 Mapped) ----

    static List<Table> python(List<String> lines, int firstLine) {
        List<Table> tables = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            Matcher cls = CLASS.matcher(lines.get(i));
            if (!cls.find()) {
                continue;
            }
            int indent = cls.group(1).length();
            String bases = cls.group(3) == null ? "" : cls.group(3);
            List<String> body = new ArrayList<>();
            List<Integer> at = new ArrayList<>();
            int j = i + 1;
            for (; j < lines.size(); j++) {
                String l = lines.get(j);
                if (!l.isBlank() && indentOf(l) <= indent) {
                    break;
                }
                body.add(l);
                at.add(firstLine + j);
            }
            Optional<String> table = body.stream().map(TABLENAME::matcher).filter(Matcher::find).map(t -> t.group(1))
                    .findFirst();
            if (table.isPresent() || bases.replace(" ", "").contains("table=True")) {
                tables.add(new Table(cls.group(2).replaceFirst("(?<=.)(Model|Table|ORM|Orm|Entity|DB|Db)$", ""),
                        table, pythonColumns(body, at), firstLine + i));
            }
            i = j - 1;
        }
        return tables;
    }

    private static int indentOf(String line) {
        int n = 0;
        while (n < line.length() && Character.isWhitespace(line.charAt(n))) {
            n++;
        }
        return n;
    }

    private static List<DataModel.Column> pythonColumns(List<String> body, List<Integer> at) {
        List<DataModel.Column> columns = new ArrayList<>();
        int level = body.stream().filter(l -> !l.isBlank()).mapToInt(CodeTables::indentOf).min().orElse(0);
        boolean docstring = false;
        for (int i = 0; i < body.size(); i++) {
            String line = body.get(i);
            String s = line.strip();
            if (s.startsWith("\"\"\"") || s.startsWith("'''")) {
                boolean oneLine = s.length() >= 6 && (s.endsWith("\"\"\"") || s.endsWith("'''"));
                docstring = !oneLine && !docstring;
                continue;
            }
            if (docstring || line.isBlank() || indentOf(line) != level || s.startsWith("#")) {
                continue;
            }
            if (s.startsWith("def ") || s.startsWith("class ") || s.startsWith("@")) {
                // skip the nested body
                while (i + 1 < body.size() && (body.get(i + 1).isBlank() || indentOf(body.get(i + 1)) > level)) {
                    i++;
                }
                continue;
            }
            StringBuilder statement = new StringBuilder(s.replaceFirst("\\s+#.*$", ""));
            while (depth(statement) > 0 && i + 1 < body.size()) {
                i++;
                statement.append(' ').append(body.get(i).strip().replaceFirst("\\s+#.*$", ""));
            }
            pythonColumn(statement.toString(), at.get(i)).ifPresent(columns::add);
        }
        return List.copyOf(columns);
    }

    private static int depth(CharSequence text) {
        int depth = 0;
        for (int k = 0; k < text.length(); k++) {
            char c = text.charAt(k);
            depth += c == '(' || c == '[' || c == '{' ? 1 : c == ')' || c == ']' || c == '}' ? -1 : 0;
        }
        return depth;
    }

    private static Optional<DataModel.Column> pythonColumn(String statement, int line) {
        Matcher m = Pattern.compile("^(\\w+)\\s*(?::\\s*([^=]+?))?\\s*(?:=\\s*(.*))?$").matcher(statement);
        if (!m.matches() || m.group(1).startsWith("__") || m.group(2) == null && m.group(3) == null) {
            return Optional.empty();
        }
        String name = m.group(1);
        String annotation = m.group(2) == null ? "" : m.group(2).strip();
        String value = m.group(3) == null ? "" : m.group(3).strip();
        if (value.matches("(?s).*\\b[Rr]elationship\\(.*") || annotation.startsWith("ClassVar")) {
            return Optional.empty();
        }
        boolean columnCall = value.matches("(?s)^(sa\\.)?(Column|mapped_column|Field)\\(.*");
        if (annotation.isEmpty() && !columnCall) {
            return Optional.empty();
        }
        List<String> notes = new ArrayList<>();
        String args = columnCall ? value.substring(value.indexOf('(') + 1, Math.max(value.indexOf('('),
                value.lastIndexOf(')'))) : "";
        String type = "";
        List<String> kwargs = new ArrayList<>();
        for (String part : splitTop(args)) {
            String p = part.strip();
            if (p.matches("(?s)^\\w+\\s*=.*")) {
                kwargs.add(p);
            } else if (p.matches("(?s)^(sa\\.)?ForeignKey\\(.*")) {
                Matcher fk = Pattern.compile("[\"'](\\w+)\\.(\\w+)[\"']").matcher(p);
                if (fk.find()) {
                    notes.add("foreign key to " + fk.group(1) + "." + fk.group(2) + onDelete(p.replaceAll("ondelete\\s*="
                            + "\\s*[\"']([^\"']+)[\"']", "on delete $1")));
                }
            } else if (type.isEmpty() && p.matches("(?s)^(sa\\.|postgresql\\.|sqlalchemy\\.)?[A-Z]\\w*(\\(.*\\))?$")) {
                type = p.replaceFirst("^(sa\\.|postgresql\\.|sqlalchemy\\.)", "").replaceAll("\\((timezone|as_uuid)"
                        + "\\s*=\\s*\\w+\\)", "");
            }
        }
        boolean optional = annotation.matches("(?s).*(Optional\\[|\\|\\s*None|None\\s*\\|).*");
        String bare = annotation.replaceAll("\\s", "").replaceAll("^Mapped\\[(.*)]$", "$1")
                .replaceAll("^Optional\\[(.*)]$", "$1").replaceAll("\\|None|None\\|", "").replace("\"", "");
        if (type.isEmpty()) {
            type = pythonType(bare);
        }
        boolean key = false;
        for (String kw : kwargs) {
            String k = kw.substring(0, kw.indexOf('=')).strip();
            String v = kw.substring(kw.indexOf('=') + 1).strip();
            switch (k) {
                case "primary_key" -> {
                    if (v.equals("True")) {
                        notes.add("primary key");
                        key = true;
                    }
                }
                case "nullable" -> notes.add(v.equals("False") ? "not null" : "nullable");
                case "unique" -> {
                    if (v.equals("True")) {
                        notes.add("unique");
                    }
                }
                case "index" -> {
                    if (v.equals("True")) {
                        notes.add("indexed");
                    }
                }
                case "max_length" -> {
                    if (v.matches("\\d+") && (type.isEmpty() || type.equalsIgnoreCase("str")
                            || type.equalsIgnoreCase("string"))) {
                        type = "VARCHAR(" + v + ")";
                    }
                }
                case "foreign_key" -> {
                    Matcher fk = Pattern.compile("[\"'](\\w+)\\.(\\w+)[\"']").matcher(v);
                    if (fk.find()) {
                        notes.add("foreign key to " + fk.group(1) + "." + fk.group(2));
                    }
                }
                case "autoincrement" -> {
                    if (v.equals("True")) {
                        notes.add("auto-increment");
                    }
                }
                case "default", "server_default", "default_factory" -> {
                    if (COMPUTED.matcher(v).matches() || k.equals("default_factory")) {
                        notes.add("generated");
                    } else if (!v.equals("None")) {
                        notes.add("default " + v.replaceAll("^\\w+\\.(\\w+)$", "$1"));
                    }
                }
                case "onupdate" -> notes.add("set on insert and on every update");
                default -> {
                }
            }
        }
        if (!columnCall && !value.isEmpty() && !value.equals("None")) {
            notes.add(COMPUTED.matcher(value).matches() ? "generated" : "default " + value);
        }
        if (optional && !key && notes.stream().noneMatch(n -> n.equals("not null") || n.equals("nullable"))) {
            notes.add("nullable");
        }
        return Optional.of(new DataModel.Column(name, type, List.copyOf(notes), line));
    }

    /** A Python annotation as the SQL-ish type name {@link ColumnNotes#sqlType} reads. */
    static String pythonType(String annotation) {
        String a = annotation.replaceFirst("^(uuid|datetime|decimal)\\.", "");
        return switch (a) {
            case "int" -> "INTEGER";
            case "str" -> "str";
            case "bool" -> "BOOLEAN";
            case "float" -> "FLOAT";
            case "Decimal" -> "NUMERIC";
            case "datetime" -> "TIMESTAMP";
            case "date" -> "DATE";
            case "UUID" -> "UUID";
            case "dict", "list", "Any", "JSON" -> "JSON";
            default -> a.matches("(?i)^(dict|list|List|Dict)\\[.*") ? "JSON" : a.matches("[A-Z]\\w*") ? "enum" : a;
        };
    }

    // ---- Mermaid erDiagram ----

    static List<Table> mermaid(List<String> lines, int firstLine) {
        List<Table> tables = new ArrayList<>();
        Pattern open = Pattern.compile("^\\s*[\"`]?([A-Za-z_][\\w-]*)[\"`]?\\s*(?:\\[[^]]*])?\\s*\\{\\s*$");
        Pattern attr = Pattern.compile("^\\s*([\\w()\\[\\],]+)\\s+([A-Za-z_]\\w*)((?:\\s+(?:PK|FK|UK)\\s*,?)*)\\s*(\"[^\"]*\")?\\s*$");
        for (int i = 0; i < lines.size(); i++) {
            Matcher o = open.matcher(lines.get(i));
            if (!o.matches()) {
                continue;
            }
            List<DataModel.Column> columns = new ArrayList<>();
            int j = i + 1;
            for (; j < lines.size() && !lines.get(j).strip().startsWith("}"); j++) {
                Matcher a = attr.matcher(lines.get(j));
                if (a.matches()) {
                    List<String> notes = new ArrayList<>();
                    String keys = a.group(3) == null ? "" : a.group(3);
                    if (keys.contains("PK")) {
                        notes.add("primary key");
                    }
                    if (keys.contains("UK")) {
                        notes.add("unique");
                    }
                    if (a.group(4) != null) {
                        notes.addAll(DataModel.phrases(a.group(4).substring(1, a.group(4).length() - 1)));
                    }
                    columns.add(new DataModel.Column(a.group(2), a.group(1), List.copyOf(notes), firstLine + j));
                }
            }
            String raw = o.group(1).replace('-', '_');
            String name = raw.equals(raw.toUpperCase(Locale.ROOT)) ? Words.pascal(raw.toLowerCase(Locale.ROOT))
                    : Words.pascal(raw);
            tables.add(new Table(name, Optional.empty(), List.copyOf(columns), firstLine + i));
            i = j;
        }
        return tables;
    }
}
