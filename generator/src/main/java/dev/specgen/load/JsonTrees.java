package dev.specgen.load;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.HashMap;
import java.util.Map;

/** Bridges the marked YAML tree to Jackson for libraries that validate JSON trees. */
public final class JsonTrees {
    private static final JsonNodeFactory NODES = JsonNodeFactory.withExactBigDecimals(true);

    private JsonTrees() {
    }

    public static JsonNode toJson(YNode node) {
        if (node instanceof YMap map) {
            ObjectNode object = NODES.objectNode();
            map.entries().forEach((key, value) -> object.set(key, toJson(value)));
            return object;
        }
        if (node instanceof YSeq seq) {
            ArrayNode array = NODES.arrayNode();
            seq.items().forEach(item -> array.add(toJson(item)));
            return array;
        }
        return scalar((YScalar) node);
    }

    private static JsonNode scalar(YScalar scalar) {
        String text = scalar.text().replace("_", "");
        return switch (scalar.kind()) {
            case NULL -> NODES.nullNode();
            case BOOLEAN -> NODES.booleanNode(scalar.isTrue());
            case INTEGER -> integer(text);
            case FLOAT -> scalar.number().<JsonNode>map(NODES::numberNode).orElse(NODES.textNode(scalar.text()));
            case STRING -> NODES.textNode(scalar.text());
        };
    }

    private static JsonNode integer(String text) {
        try {
            return NODES.numberNode(new BigInteger(text));
        } catch (NumberFormatException e) {
            // 0x1F and 0o17 are integers in YAML 1.2's core schema.
            try {
                if (text.startsWith("0x")) {
                    return NODES.numberNode(new BigInteger(text.substring(2), 16));
                }
                if (text.startsWith("0o")) {
                    return NODES.numberNode(new BigInteger(text.substring(2), 8));
                }
            } catch (NumberFormatException ignored) {
                // falls through to a decimal reading
            }
            return NODES.numberNode(new BigDecimal(text));
        }
    }

    /** Every node of a tree by its JSON pointer, to map a validator's findings back to lines. */
    public static Map<String, YNode> index(YNode root) {
        Map<String, YNode> index = new HashMap<>();
        indexInto(root, index);
        return index;
    }

    private static void indexInto(YNode node, Map<String, YNode> index) {
        index.put(node.pointer(), node);
        if (node instanceof YMap map) {
            map.entries().values().forEach(child -> indexInto(child, index));
        } else if (node instanceof YSeq seq) {
            seq.items().forEach(child -> indexInto(child, index));
        }
    }
}
