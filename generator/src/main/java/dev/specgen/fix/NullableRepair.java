package dev.specgen.fix;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.api.lowlevel.Compose;
import org.snakeyaml.engine.v2.common.FlowStyle;
import org.snakeyaml.engine.v2.exceptions.Mark;
import org.snakeyaml.engine.v2.exceptions.YamlEngineException;
import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.NodeTuple;
import org.snakeyaml.engine.v2.nodes.ScalarNode;
import org.snakeyaml.engine.v2.nodes.SequenceNode;
import org.snakeyaml.engine.v2.schema.CoreSchema;

/**
 * Rewrites OpenAPI 3.0's {@code nullable: true} in a 3.1 document into 3.1's own form, as text edits at
 * the nodes' positions (snakeyaml-engine marks), so comments, key order, quoting and layout stay as the
 * team wrote them. Only the schemas that say {@code nullable: true} change:
 * <ul>
 * <li>{@code type: string} becomes {@code type: [string, "null"]} (a type list gains {@code "null"});</li>
 * <li>a {@code $ref} becomes {@code anyOf: [{$ref: ...}, {type: "null"}]} (a sibling type list would AND
 * with the reference, never allow null);</li>
 * <li>{@code allOf} of one schema becomes {@code anyOf} of it and {@code {type: "null"}}; an
 * {@code anyOf} or {@code oneOf} gains {@code {type: "null"}};</li>
 * <li>an {@code enum} gains {@code null} (else null would fail it);</li>
 * <li>and the {@code nullable} entry goes.</li>
 * </ul>
 * A schema none of these fits (an allOf of several parts, nothing but nullable) is left as it is and
 * listed, with its place, for the team to rewrite.
 */
public final class NullableRepair {
    /** A schema that says nullable: true but that no mechanical rewrite fits, at its 1-based place. */
    public record Manual(int line, int column, String reason) {
    }

    /** The edits, and the places left to the team. */
    public record Result(List<TextEdit> edits, int schemas, List<Manual> manual) {
        public String apply(String text) {
            return TextEdit.apply(text, edits);
        }
    }

    private final String text;
    private final int[] charOffsets;
    private final List<TextEdit> edits = new ArrayList<>();
    private final List<Manual> manual = new ArrayList<>();
    private int schemas;

    private NullableRepair(String text) {
        this.text = text;
        int points = text.codePointCount(0, text.length());
        this.charOffsets = new int[points + 1];
        int offset = 0;
        for (int i = 0; i < points; i++) {
            charOffsets[i] = offset;
            offset += Character.charCount(text.codePointAt(offset));
        }
        charOffsets[points] = offset;
    }

    /** The repairs of one contract's text; none when it is an OpenAPI 3.0 document (where nullable is right). */
    public static Result of(String text, String label) {
        LoadSettings settings = LoadSettings.builder().setLabel(label).setSchema(new CoreSchema())
                .setUseMarks(true).setMaxAliasesForCollections(50).build();
        Optional<Node> root;
        try {
            root = new Compose(settings).composeString(text);
        } catch (YamlEngineException e) {
            throw new IllegalArgumentException(label + " is not valid YAML: " + e.getMessage().lines().findFirst()
                    .orElse(""), e);
        }
        NullableRepair repair = new NullableRepair(text);
        if (root.isPresent() && root.get() instanceof MappingNode document
                && !scalar(value(document, "openapi")).orElse("3.0").startsWith("3.0")) {
            repair.walk(document);
        }
        return new Result(List.copyOf(repair.edits), repair.schemas, List.copyOf(repair.manual));
    }

    private void walk(Node node) {
        if (node instanceof MappingNode map) {
            if (scalar(value(map, "nullable")).filter("true"::equals).isPresent()) {
                repair(map);
            }
            map.getValue().forEach(t -> walk(t.getValueNode()));
        } else if (node instanceof SequenceNode seq) {
            seq.getValue().forEach(this::walk);
        }
    }

    private void repair(MappingNode schema) {
        NodeTuple nullable = tuple(schema, "nullable").orElseThrow();
        Node type = value(schema, "type");
        List<TextEdit> found = new ArrayList<>();
        if (type instanceof ScalarNode scalar) {
            if (!"null".equals(scalar.getValue())) {
                found.add(new TextEdit(start(type), end(type), "[" + source(type) + ", \"null\"]"));
            }
        } else if (type instanceof SequenceNode types) {
            if (types.getValue().stream().noneMatch(t -> scalar(t).filter("null"::equals).isPresent())) {
                append(types, "\"null\"").ifPresent(found::add);
            }
        } else if (tuple(schema, "$ref").isPresent()) {
            NodeTuple ref = tuple(schema, "$ref").orElseThrow();
            found.add(new TextEdit(start(ref.getKeyNode()), end(ref.getValueNode()), "anyOf: [{$ref: "
                    + source(ref.getValueNode()) + "}, {type: \"null\"}]"));
        } else if (value(schema, "allOf") instanceof SequenceNode parts && parts.getValue().size() == 1) {
            Node key = tuple(schema, "allOf").orElseThrow().getKeyNode();
            found.add(new TextEdit(start(key), end(key), source(key).replace("allOf", "anyOf")));
            append(parts, "{type: \"null\"}").ifPresent(found::add);
        } else if (value(schema, "anyOf") instanceof SequenceNode parts) {
            append(parts, "{type: \"null\"}").ifPresent(found::add);
        } else if (value(schema, "oneOf") instanceof SequenceNode parts) {
            append(parts, "{type: \"null\"}").ifPresent(found::add);
        } else {
            reportManual(nullable, tuple(schema, "allOf").isPresent()
                    ? "an allOf of several schemas with nullable: true: write anyOf: [{allOf: [...]}, {type: 'null'}]"
                    : "nullable: true with no type, $ref, allOf, anyOf or oneOf: add \"null\" to the schema's types");
            return;
        }
        if (value(schema, "enum") instanceof SequenceNode values
                && values.getValue().stream().noneMatch(v -> v instanceof ScalarNode s && s.getTag().getValue()
                        .endsWith(":null"))) {
            append(values, "null").ifPresent(found::add);
        }
        Optional<TextEdit> removal = removal(schema, nullable);
        if (removal.isEmpty() || found.size() < 1 && type == null) {
            reportManual(nullable, "nullable: true where its entry cannot be removed on its own: rewrite it by hand");
            return;
        }
        edits.addAll(found);
        edits.add(removal.get());
        schemas++;
    }

    private void reportManual(NodeTuple nullable, String reason) {
        Mark mark = nullable.getKeyNode().getStartMark().orElseThrow();
        manual.add(new Manual(mark.getLine() + 1, mark.getColumn() + 1, reason));
    }

    /** An item added at the end of a list, in the list's own style. */
    private Optional<TextEdit> append(SequenceNode seq, String item) {
        List<Node> items = seq.getValue();
        if (items.isEmpty()) {
            return Optional.empty();
        }
        Node last = items.get(items.size() - 1);
        if (seq.getFlowStyle() == FlowStyle.FLOW) {
            return Optional.of(new TextEdit(end(last), end(last), ", " + item));
        }
        // A block list: a new "- item" line under the last one, at its indentation.
        int lineStart = text.lastIndexOf('\n', start(last) - 1) + 1;
        String prefix = text.substring(lineStart, start(last));
        if (!prefix.strip().equals("-")) {
            return Optional.empty(); // an item that does not start its own line: left to the team
        }
        int lineEnd = lineEnd(contentEnd(last));
        return Optional.of(new TextEdit(lineEnd, lineEnd, "\n" + prefix + item));
    }

    /** The edit that takes the nullable entry out of its mapping. */
    private Optional<TextEdit> removal(MappingNode schema, NodeTuple nullable) {
        int from = start(nullable.getKeyNode());
        int to = end(nullable.getValueNode());
        if (schema.getFlowStyle() == FlowStyle.FLOW) {
            List<NodeTuple> tuples = schema.getValue();
            int index = tuples.indexOf(nullable);
            if (index > 0) {
                return Optional.of(new TextEdit(contentEnd(tuples.get(index - 1).getValueNode()), to, ""));
            }
            if (tuples.size() > 1) {
                return Optional.of(new TextEdit(from, start(tuples.get(1).getKeyNode()), ""));
            }
            return Optional.empty();
        }
        int lineStart = text.lastIndexOf('\n', from - 1) + 1;
        if (!text.substring(lineStart, from).isBlank()) {
            return Optional.empty(); // "- nullable: true" opens a list item: left to the team
        }
        int lineEnd = lineEnd(to);
        String rest = text.substring(to, lineEnd).strip();
        if (rest.startsWith("#")) {
            // A comment on the line stays, where the entry was.
            return Optional.of(new TextEdit(from, to + text.substring(to, lineEnd).indexOf('#'), ""));
        }
        return Optional.of(new TextEdit(lineStart, Math.min(lineEnd + 1, text.length()), ""));
    }

    private int lineEnd(int offset) {
        int newline = text.indexOf('\n', offset);
        int end = newline < 0 ? text.length() : newline;
        return end > offset && text.charAt(end - 1) == '\r' ? end - 1 : end;
    }

    /**
     * Where a node's own text ends: a block collection's end mark is where the next token starts (often
     * the next line), so it ends with its last scalar or flow collection instead.
     */
    private int contentEnd(Node node) {
        if (node instanceof MappingNode map && map.getFlowStyle() == FlowStyle.BLOCK && !map.getValue().isEmpty()) {
            return contentEnd(map.getValue().get(map.getValue().size() - 1).getValueNode());
        }
        if (node instanceof SequenceNode seq && seq.getFlowStyle() == FlowStyle.BLOCK && !seq.getValue().isEmpty()) {
            return contentEnd(seq.getValue().get(seq.getValue().size() - 1));
        }
        return end(node);
    }

    private int start(Node node) {
        return charOffsets[node.getStartMark().orElseThrow().getIndex()];
    }

    private int end(Node node) {
        return charOffsets[node.getEndMark().orElseThrow().getIndex()];
    }

    private String source(Node node) {
        return text.substring(start(node), end(node));
    }

    private static Optional<NodeTuple> tuple(MappingNode map, String key) {
        return map.getValue().stream().filter(t -> scalar(t.getKeyNode()).filter(key::equals).isPresent())
                .findFirst();
    }

    private static Node value(MappingNode map, String key) {
        return tuple(map, key).map(NodeTuple::getValueNode).orElse(null);
    }

    private static Optional<String> scalar(Node node) {
        return node instanceof ScalarNode s ? Optional.of(s.getValue()) : Optional.empty();
    }
}
