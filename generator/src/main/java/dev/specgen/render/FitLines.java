package dev.specgen.render;

import java.util.AbstractMap;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Template dictionaries {@code fit4}, {@code fit8}, {@code fit12}, {@code fit16}: a one-line statement
 * (or collection element) written at that indent, kept on one line when it fits in the line length,
 * else split at its last bracket with one element per line and a trailing comma, recursively. That is
 * a form {@code ruff format} keeps (the trailing comma is "magic") and within the line length, whatever
 * length the names and sample values of a spec give a line. Strings are never split.
 */
final class FitLines extends AbstractMap<String, Object> {
    private final int indent;

    FitLines(int indent) {
        this.indent = indent;
    }

    @Override
    public boolean containsKey(Object key) {
        return key instanceof String;
    }

    @Override
    public Object get(Object key) {
        return String.join("\n", lay((String) key, 0, indent));
    }

    @Override
    public Set<Entry<String, Object>> entrySet() {
        return Set.of();
    }

    /** The lines of {@code text} at {@code relative} indent inside a block whose own indent is {@code base}. */
    static List<String> lay(String text, int relative, int base) {
        String pad = " ".repeat(relative);
        List<String> out = new ArrayList<>();
        if (base + relative + text.length() <= DefLines.LINE_LENGTH) {
            out.add(pad + text);
            return out;
        }
        int[] group = lastGroup(text);
        if (group == null && text.startsWith("assert ") && split(text).size() == 1
                && base + relative + 4 + text.length() - 7 <= DefLines.LINE_LENGTH) {
            // Nothing to split (a long string, say): ruff parenthesizes the condition instead.
            out.add(pad + "assert (");
            out.add(pad + "    " + text.substring(7));
            out.add(pad + ")");
            return out;
        }
        if (group == null) {
            out.add(pad + text);
            return out;
        }
        String head = text.substring(0, group[0] + 1);
        String body = text.substring(group[0] + 1, group[1]);
        String tail = text.substring(group[1]);
        List<String> elements = split(body);
        if (elements.isEmpty()) {
            out.add(pad + text);
            return out;
        }
        out.add(pad + head);
        for (String element : elements) {
            out.addAll(lay(element + ",", relative + 4, base));
        }
        out.add(pad + tail);
        return out;
    }

    /** The open and close index of the last top-level bracket pair, or null. */
    private static int[] lastGroup(String text) {
        int depth = 0;
        int open = -1;
        int[] last = null;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '"' || c == '\'') {
                i = endOfString(text, i);
            } else if (c == '(' || c == '[' || c == '{') {
                if (depth == 0) {
                    open = i;
                }
                depth++;
            } else if (c == ')' || c == ']' || c == '}') {
                depth--;
                // A subscript of one element is never split: a trailing comma would make its key a tuple.
                // Of several (Annotated[int, Query(...)]), it already is one, and ruff splits it too.
                boolean subscript = c == ']' && open > 0 && subscripted(text.charAt(open - 1));
                if (depth == 0 && (!subscript || split(text.substring(open + 1, i)).size() > 1)) {
                    last = new int[] {open, i};
                }
            }
        }
        return last;
    }

    private static boolean subscripted(char before) {
        return Character.isLetterOrDigit(before) || before == '_' || before == ')' || before == ']'
                || before == '"' || before == '\'';
    }

    /** The top-level comma-separated parts of a bracket's contents, without a trailing empty part. */
    private static List<String> split(String body) {
        List<String> parts = new ArrayList<>();
        int depth = 0;
        int start = 0;
        for (int i = 0; i < body.length(); i++) {
            char c = body.charAt(i);
            if (c == '"' || c == '\'') {
                i = endOfString(body, i);
            } else if (c == '(' || c == '[' || c == '{') {
                depth++;
            } else if (c == ')' || c == ']' || c == '}') {
                depth--;
            } else if (c == ',' && depth == 0) {
                parts.add(body.substring(start, i).strip());
                start = i + 1;
            }
        }
        String rest = body.substring(start).strip();
        if (!rest.isEmpty()) {
            parts.add(rest);
        }
        return parts;
    }

    /** The index of the quote that closes the string opening at {@code start}. */
    private static int endOfString(String text, int start) {
        char quote = text.charAt(start);
        for (int i = start + 1; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\\') {
                i++;
            } else if (c == quote) {
                return i;
            }
        }
        return text.length() - 1;
    }
}
