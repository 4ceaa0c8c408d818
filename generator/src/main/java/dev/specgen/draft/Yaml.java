package dev.specgen.draft;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The draft's YAML as a tree that keeps comments: mappings of entries, comment notes, and gaps where a
 * decision is left to the user. Scalars are spelled here, quoted only when YAML would read them as
 * something else, so the same value is always written the same way.
 */
final class Yaml {
    private static final Pattern BLOCK_PLAIN = Pattern.compile("-?[A-Za-z0-9_/.$][^\\x00-\\x1f#]*");
    private static final Pattern FLOW_PLAIN = Pattern.compile("-?[A-Za-z_/.$][A-Za-z0-9_./$ -]*");
    private static final Pattern NUMBER_LIKE = Pattern.compile(
            "[-+]?(\\.?[0-9][0-9_]*(\\.[0-9_]*)?([eE][-+]?[0-9]+)?|0x[0-9a-fA-F]+|0o[0-7]+|\\.inf|\\.nan|\\.Inf|\\.NaN|\\.INF|\\.NAN)");
    private static final java.util.Set<String> WORDS = java.util.Set.of("true", "false", "null", "~", "yes", "no",
            "on", "off", "y", "n");

    private Yaml() {
    }

    /** One line or block of the file. */
    sealed interface Item permits Entry, Note, Gap {
    }

    /** A value: a scalar or flow collection already spelled, a nested mapping, or a block sequence. */
    sealed interface Node permits Text, Block, Seq {
    }

    record Text(String yaml) implements Node {
    }

    record Seq(List<String> items) implements Node {
    }

    /** key: value  # comment, with a blank line before it when spaced. */
    record Entry(String key, Node value, String comment, boolean spaced) implements Item {
    }

    /** Comment lines at this place. */
    record Note(List<String> lines) implements Item {
    }

    /**
     * A decision left open: its explanation (shown once, at its first gap) and the lines that would
     * settle it, commented out, or written live when the decision is taken as suggested.
     */
    record Gap(Decision decision, Block suggestion, boolean first) implements Item {
    }

    /** A mapping, in the order entries were added. */
    static final class Block implements Node {
        final List<Item> items = new ArrayList<>();

        Block put(String key, Node value) {
            return put(key, value, null);
        }

        Block put(String key, Node value, String comment) {
            items.add(new Entry(key, value, comment, false));
            return this;
        }

        Block spaced(String key, Node value, String comment) {
            items.add(new Entry(key, value, comment, true));
            return this;
        }

        Block note(String... lines) {
            items.add(new Note(List.of(lines)));
            return this;
        }

        Block gap(Decision decision, Block suggestion, boolean first) {
            items.add(new Gap(decision, suggestion, first));
            return this;
        }

        boolean isEmpty() {
            return items.isEmpty();
        }
    }

    static Text text(Object value) {
        return new Text(scalar(value, false));
    }

    /** [a, b] */
    static Text flowList(List<?> values) {
        List<String> items = new ArrayList<>();
        for (Object value : values) {
            items.add(value instanceof List<?> list ? flowList(list).yaml() : scalar(value, true));
        }
        return new Text("[" + String.join(", ", items) + "]");
    }

    /** {a: 1, b: c} */
    static Text flowMap(Map<String, ?> values) {
        List<String> items = new ArrayList<>();
        values.forEach((k, v) -> items.add(scalar(k, true) + ": " + (v instanceof List<?> list ? flowList(list).yaml()
                : v instanceof Map<?, ?> map ? flowMap(castMap(map)).yaml() : scalar(v, true))));
        return new Text("{" + String.join(", ", items) + "}");
    }

    @SuppressWarnings("unchecked")
    private static Map<String, ?> castMap(Map<?, ?> map) {
        return (Map<String, ?>) map;
    }

    /** A key as YAML writes it. */
    static String key(String key) {
        return scalar(key, false);
    }

    /**
     * A scalar: strings plain when YAML reads them back as the same string, else single-quoted (double
     * quotes when they hold characters single quotes cannot carry); numbers and booleans as literals.
     */
    static String scalar(Object value, boolean flow) {
        if (value == null || value == Prose.NO_FILTER) {
            return "null";
        }
        if (value instanceof Boolean b) {
            return b.toString();
        }
        if (value instanceof BigDecimal d) {
            return d.stripTrailingZeros().scale() <= 0 ? d.toBigInteger().toString() : d.stripTrailingZeros().toPlainString();
        }
        if (value instanceof Number n) {
            return n.toString();
        }
        if (value instanceof Literal literal) {
            return literal.yaml();
        }
        String s = value.toString();
        boolean plain = (flow ? FLOW_PLAIN : BLOCK_PLAIN).matcher(s).matches() && !s.endsWith(" ")
                && !s.endsWith(":") && !s.contains(": ") && !s.contains(" #")
                && !WORDS.contains(s.toLowerCase(Locale.ROOT)) && !NUMBER_LIKE.matcher(s).matches()
                && !(flow && s.contains(" ")) && !s.startsWith("- ");
        if (plain) {
            return s;
        }
        if (s.chars().allMatch(c -> c >= 0x20 && c != 0x7f) ) {
            return "'" + s.replace("'", "''") + "'";
        }
        StringBuilder out = new StringBuilder("\"");
        for (char c : s.toCharArray()) {
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\t' -> out.append("\\t");
                case '\r' -> out.append("\\r");
                default -> out.append(c < 0x20 ? String.format("\\x%02x", (int) c) : String.valueOf(c));
            }
        }
        return out.append('"').toString();
    }

    /** A scalar copied from the contract with its YAML type kept: a number stays a number. */
    record Literal(String yaml) {
    }

    /** The file: comments aligned at a column where they fit, two spaces after the value where not. */
    static String render(Block root, java.util.Set<String> accepted) {
        StringBuilder out = new StringBuilder();
        render(root, 0, accepted, out);
        return out.toString();
    }

    static final int COMMENT_COLUMN = 40;

    private static void render(Block block, int indent, java.util.Set<String> accepted, StringBuilder out) {
        String pad = " ".repeat(indent);
        for (Item item : block.items) {
            if (item instanceof Entry entry) {
                if (entry.spaced() && out.length() > 0) {
                    out.append('\n');
                }
                String head = pad + key(entry.key()) + ":";
                if (entry.value() instanceof Text text) {
                    line(out, head + " " + text.yaml(), entry.comment());
                } else if (entry.value() instanceof Block child && child.items.stream().noneMatch(Entry.class::isInstance)
                        && child.items.stream().noneMatch(i -> i instanceof Gap g && accepted.contains(g.decision().id()))) {
                    line(out, head + " {}", entry.comment());
                    render(child, indent + 2, accepted, out);
                } else if (entry.value() instanceof Block child) {
                    line(out, head, entry.comment());
                    render(child, indent + 2, accepted, out);
                } else if (entry.value() instanceof Seq seq) {
                    line(out, head, entry.comment());
                    for (String value : seq.items()) {
                        out.append(pad).append("  - ").append(value).append('\n');
                    }
                }
            } else if (item instanceof Note note) {
                for (String line : note.lines()) {
                    out.append(pad).append(line.isEmpty() ? "#" : "# " + line).append('\n');
                }
            } else if (item instanceof Gap gap) {
                if (accepted.contains(gap.decision().id())) {
                    render(gap.suggestion(), indent, accepted, out);
                    continue;
                }
                List<String> text = gap.first() ? gap.decision().lines() : List.of("DECIDE " + gap.decision().title()
                        + " (above): uncomment if you take the suggestion.");
                for (String line : text) {
                    out.append(pad).append("# ").append(line).append('\n');
                }
                StringBuilder inner = new StringBuilder();
                render(gap.suggestion(), indent, java.util.Set.of(), inner);
                for (String line : inner.toString().split("\n")) {
                    if (!line.isEmpty()) {
                        out.append(pad).append("# ").append(line.substring(Math.min(indent, line.length())))
                                .append('\n');
                    }
                }
            }
        }
    }

    private static void line(StringBuilder out, String text, String comment) {
        out.append(text);
        if (comment != null && !comment.isEmpty()) {
            int width = text.length();
            out.append(width < COMMENT_COLUMN - 1 ? " ".repeat(COMMENT_COLUMN - width) : "  ").append("# ").append(comment);
        }
        out.append('\n');
    }
}
