package dev.specgen.draft;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A data-model.md as Spec Kit's plan step leaves it, read tolerantly: one section per "## Heading",
 * each with its markdown table of columns (if any) and its prose. Nothing here interprets what a
 * column's notes mean (see {@link ColumnNotes}); unknown layouts give sections without columns, never
 * an error.
 */
record DataModel(String fileName, List<Section> sections) {

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
        return DataModelReader.read(fileName, text);
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
}
