package dev.specgen.draft;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A data-model.md as Spec Kit's plan step leaves it, read tolerantly: one section per "## Heading",
 * each with its markdown table of columns (if any) and its prose. Nothing here interprets what a
 * column's notes mean (see {@link ColumnNotes}); unknown layouts give sections without columns, never
 * an error.
 */
record DataModel(String fileName, List<Section> sections) {
    private static final Pattern HEADING = Pattern.compile("^(#{2,4})\\s+(.+?)\\s*#*\\s*$");
    private static final Pattern TABLE_NAME = Pattern.compile("(?i)\\btable\\s+[`\"']?([A-Za-z_][A-Za-z0-9_]*)");
    private static final Pattern SEPARATOR = Pattern.compile("^\\|?\\s*:?-{2,}:?\\s*(\\|\\s*:?-{2,}:?\\s*)*\\|?\\s*$");

    /** One "## Name (table `t`, notes)" section. */
    record Section(String heading, String name, Optional<String> table, String headingNotes, List<Column> columns,
            List<String> prose) {
        /** The prose as sentences, in order; backticks are kept, as they mark names. */
        List<String> sentences() {
            List<String> sentences = new ArrayList<>();
            for (String paragraph : prose) {
                for (String sentence : paragraph.split("(?<=[.!?])\\s+(?=[A-Z`\"(])")) {
                    if (!sentence.isBlank()) {
                        sentences.add(sentence.strip());
                    }
                }
            }
            return sentences;
        }

        boolean hasTable() {
            return !columns.isEmpty();
        }

        Optional<Column> column(String name) {
            return columns.stream().filter(c -> c.name().equals(name)).findFirst();
        }
    }

    /** One row of a section's table: the column's name, its SQL type and every other cell. */
    record Column(String name, String sqlType, List<String> notes, int line) {
        /** Every cell after the name, as written, for comments. */
        String text() {
            List<String> all = new ArrayList<>();
            all.add(sqlType);
            all.addAll(notes);
            return String.join(", ", all.stream().filter(s -> !s.isBlank()).toList());
        }
    }

    static DataModel parse(String fileName, String text) {
        List<Section> sections = new ArrayList<>();
        String[] lines = text.replace("\r\n", "\n").replace('\r', '\n').split("\n", -1);
        SectionBuilder current = null;
        List<String> header = null;
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i].strip();
            Matcher heading = HEADING.matcher(line);
            if (heading.matches()) {
                if (current != null) {
                    sections.add(current.build());
                }
                current = new SectionBuilder(heading.group(2));
                header = null;
                continue;
            }
            if (current == null) {
                continue; // the title and anything before the first section
            }
            if (line.startsWith("|")) {
                List<String> cells = cells(line);
                if (SEPARATOR.matcher(line).matches()) {
                    continue;
                }
                if (header == null) {
                    header = cells.stream().map(c -> c.toLowerCase(Locale.ROOT)).toList();
                    continue;
                }
                current.row(header, cells, i + 1);
                continue;
            }
            header = null;
            current.prose(line);
        }
        if (current != null) {
            sections.add(current.build());
        }
        return new DataModel(fileName, List.copyOf(sections));
    }

    /** Cells of a markdown table row; a pipe inside backticks or escaped as \| stays in its cell. */
    static List<String> cells(String row) {
        List<String> cells = new ArrayList<>();
        StringBuilder cell = new StringBuilder();
        boolean code = false;
        String body = row.strip();
        body = body.startsWith("|") ? body.substring(1) : body;
        for (int i = 0; i < body.length(); i++) {
            char c = body.charAt(i);
            if (c == '\\' && i + 1 < body.length() && body.charAt(i + 1) == '|') {
                cell.append('|');
                i++;
            } else if (c == '`') {
                code = !code;
                cell.append(c);
            } else if (c == '|' && !code) {
                cells.add(cell.toString().strip());
                cell.setLength(0);
            } else {
                cell.append(c);
            }
        }
        if (!cell.toString().isBlank()) {
            cells.add(cell.toString().strip());
        }
        return cells;
    }

    /** Splits notes at commas and semicolons that end a phrase, never inside parentheses or numbers. */
    static List<String> phrases(String text) {
        List<String> phrases = new ArrayList<>();
        StringBuilder phrase = new StringBuilder();
        int depth = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            depth += c == '(' ? 1 : c == ')' ? -1 : 0;
            boolean breaks = (c == ',' || c == ';') && depth <= 0
                    && (i + 1 >= text.length() || Character.isWhitespace(text.charAt(i + 1)));
            if (breaks) {
                phrases.add(phrase.toString().strip());
                phrase.setLength(0);
            } else {
                phrase.append(c);
            }
        }
        phrases.add(phrase.toString().strip());
        phrases.removeIf(String::isEmpty);
        return phrases;
    }

    private static String unquote(String name) {
        return name.replace("`", "").replace("*", "").strip();
    }

    private static final class SectionBuilder {
        private final String heading;
        private final List<Column> columns = new ArrayList<>();
        private final List<String> prose = new ArrayList<>();
        private final StringBuilder paragraph = new StringBuilder();

        SectionBuilder(String heading) {
            this.heading = heading;
        }

        void row(List<String> header, List<String> cells, int line) {
            int nameAt = indexOf(header, List.of("column", "name", "field", "attribute"), 0);
            int typeAt = indexOf(header, List.of("type", "sql type", "data type"), nameAt == 0 ? 1 : 0);
            if (cells.size() <= Math.max(nameAt, typeAt)) {
                return;
            }
            String name = unquote(cells.get(nameAt));
            if (name.isEmpty()) {
                return;
            }
            List<String> typeCell = phrases(cells.get(typeAt));
            String sqlType = typeCell.isEmpty() ? "" : typeCell.get(0);
            List<String> notes = new ArrayList<>(typeCell.subList(Math.min(1, typeCell.size()), typeCell.size()));
            for (int i = 0; i < cells.size(); i++) {
                if (i != nameAt && i != typeAt) {
                    notes.addAll(phrases(cells.get(i)));
                }
            }
            columns.add(new Column(name, sqlType, List.copyOf(notes), line));
        }

        private static int indexOf(List<String> header, List<String> names, int fallback) {
            for (int i = 0; i < header.size(); i++) {
                if (names.contains(header.get(i))) {
                    return i;
                }
            }
            return fallback;
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

        private void flush() {
            if (paragraph.length() > 0) {
                prose.add(paragraph.toString());
                paragraph.setLength(0);
            }
        }

        Section build() {
            flush();
            String name = heading;
            String notes = "";
            int paren = heading.indexOf('(');
            if (paren > 0) {
                name = heading.substring(0, paren);
                int close = heading.lastIndexOf(')');
                notes = heading.substring(paren + 1, close > paren ? close : heading.length());
            }
            Matcher table = TABLE_NAME.matcher(notes);
            Optional<String> tableName = table.find() ? Optional.of(table.group(1)) : Optional.empty();
            String rest = notes.replaceFirst("(?i)\\btable\\s+[`\"']?[A-Za-z_][A-Za-z0-9_]*[`\"']?\\s*,?\\s*", "")
                    .strip();
            return new Section(heading, unquote(name), tableName, rest, List.copyOf(columns), List.copyOf(prose));
        }
    }
}
