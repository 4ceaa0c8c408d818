package dev.specgen.resolve;

import java.util.List;
import java.util.stream.Collectors;

/** Writes spec text as Python literals that are safe whatever they contain. */
public final class PyLiteral {
    private PyLiteral() {
    }

    /**
     * A Python string; non-ASCII is escaped so files stay pure ASCII. Quoted as ruff format quotes
     * it: double quotes, unless the text holds more double quotes than single ones.
     */
    public static String str(String value) {
        long doubles = value.chars().filter(c -> c == '"').count();
        long singles = value.chars().filter(c -> c == '\'').count();
        char quote = doubles > singles ? '\'' : '"';
        return quote + body(value, quote) + quote;
    }

    /** The inside of a string literal in {@code quote}s: what goes between the quotes. */
    public static String body(String value, char quote) {
        StringBuilder out = new StringBuilder();
        value.codePoints().forEach(cp -> {
            switch (cp) {
                case '"', '\'' -> {
                    if (cp == quote) {
                        out.append('\\');
                    }
                    out.appendCodePoint(cp);
                }
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    if (cp < 0x20 || cp == 0x7f) {
                        out.append(String.format(java.util.Locale.ROOT, "\\x%02x", cp));
                    } else if (cp < 0x7f) {
                        out.appendCodePoint(cp);
                    } else if (cp <= 0xffff) {
                        out.append(String.format(java.util.Locale.ROOT, "\\u%04x", cp));
                    } else {
                        out.append(String.format(java.util.Locale.ROOT, "\\U%08x", cp));
                    }
                }
            }
        });
        return out.toString();
    }

    /** A tuple of items that are literals already; one item keeps its trailing comma. */
    public static String tupleOf(List<String> literals) {
        return "(" + String.join(", ", literals) + (literals.size() == 1 ? "," : "") + ")";
    }

    /** A tuple of strings; one item keeps its trailing comma. */
    public static String strTuple(List<String> values) {
        return tupleOf(values.stream().map(PyLiteral::str).toList());
    }

    public static String strList(List<String> values) {
        return values.stream().map(PyLiteral::str).collect(Collectors.joining(", ", "[", "]"));
    }

    /** A YAML value (a default) as a Python literal: None, booleans, numbers, strings, lists, dicts. */
    public static String value(dev.specgen.load.YNode node) {
        if (node instanceof dev.specgen.load.YMap map) {
            return map.entries().entrySet().stream().map(e -> str(e.getKey()) + ": " + value(e.getValue()))
                    .collect(Collectors.joining(", ", "{", "}"));
        }
        if (node instanceof dev.specgen.load.YSeq seq) {
            return seq.items().stream().map(PyLiteral::value).collect(Collectors.joining(", ", "[", "]"));
        }
        dev.specgen.load.YScalar scalar = (dev.specgen.load.YScalar) node;
        return switch (scalar.kind()) {
            case NULL -> "None";
            case BOOLEAN -> scalar.isTrue() ? "True" : "False";
            case INTEGER, FLOAT -> scalar.number().map(java.math.BigDecimal::toPlainString).orElse("None");
            case STRING -> str(scalar.text());
        };
    }

    /**
     * Text as comment lines of at most {@code width} characters, broken between words (a longer
     * word keeps a line of its own, which E501 allows in a comment).
     */
    public static List<String> commentLines(String value, int width) {
        List<String> lines = new java.util.ArrayList<>();
        StringBuilder line = new StringBuilder();
        for (String word : comment(value).split(" +")) {
            if (word.isEmpty()) {
                continue;
            }
            if (line.length() > 0 && line.length() + 1 + word.length() > width) {
                lines.add(line.toString());
                line.setLength(0);
            }
            if (line.length() > 0) {
                line.append(' ');
            }
            line.append(word);
        }
        if (line.length() > 0) {
            lines.add(line.toString());
        }
        return lines;
    }

    /** A comment line's text: one line, no control characters. */
    public static String comment(String value) {
        return value.replaceAll("[\\p{Cntrl}]+", " ").trim();
    }
}
