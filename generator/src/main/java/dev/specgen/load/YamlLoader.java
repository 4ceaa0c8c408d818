package dev.specgen.load;

import dev.specgen.diagnostics.Diagnostics;
import dev.specgen.diagnostics.Rule;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.ArrayList;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.api.lowlevel.Compose;
import org.snakeyaml.engine.v2.exceptions.MarkedYamlEngineException;
import org.snakeyaml.engine.v2.exceptions.YamlEngineException;
import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.NodeTuple;
import org.snakeyaml.engine.v2.nodes.ScalarNode;
import org.snakeyaml.engine.v2.nodes.SequenceNode;
import org.snakeyaml.engine.v2.nodes.Tag;
import org.snakeyaml.engine.v2.schema.CoreSchema;

/**
 * Reads a YAML or JSON file into a {@link YNode} tree that keeps every node's line, column and JSON
 * pointer. Problems become diagnostics; nothing here throws for bad input.
 */
public final class YamlLoader {
    /** Large enough for any real spec, small enough that a hostile file fails fast. */
    static final int MAX_CODE_POINTS = 8 * 1024 * 1024;
    static final int MAX_ALIASES = 100;
    static final int MAX_DEPTH = 200;
    static final int MAX_NODES = 2_000_000;

    public Optional<SourceFile> read(Path path, Path displayPath, Diagnostics diagnostics) {
        Mark top = Mark.startOf(displayPath);
        if (!Files.exists(path)) {
            diagnostics.report(Rule.SPEC_FILE_MISSING, top, "",
                    displayPath + " does not exist",
                    displayPath.getFileName() != null && displayPath.getFileName().toString().equals("model.yaml")
                            ? "create " + displayPath + " (specgen init <spec dir> drafts it from the contract and"
                                    + " data-model.md) or name another file with --model"
                            : "create " + displayPath + " or name another file with the matching option");
            return Optional.empty();
        }
        if (!Files.isRegularFile(path)) {
            diagnostics.report(Rule.SPEC_FILE_UNREADABLE, top, "",
                    displayPath + " is not a regular file", "point specgen at a YAML or JSON file");
            return Optional.empty();
        }
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(path);
        } catch (IOException e) {
            diagnostics.report(Rule.SPEC_FILE_UNREADABLE, top, "",
                    displayPath + " cannot be read (" + e.getClass().getSimpleName() + ")",
                    "make the file readable");
            return Optional.empty();
        }
        for (byte b : bytes) {
            if (b == 0) {
                diagnostics.report(Rule.SPEC_FILE_UNREADABLE, top, "", displayPath + " is binary, not text",
                        "save the file as UTF-8 YAML or JSON");
                return Optional.empty();
            }
        }
        int bad = firstNonUtf8(bytes);
        if (bad >= 0) {
            // The place of the first bad byte: lines and columns count the characters before it.
            String before = new String(bytes, 0, bad, StandardCharsets.UTF_8);
            int line = (int) before.chars().filter(c -> c == '\n').count() + 1;
            String lastLine = before.substring(before.lastIndexOf('\n') + 1);
            Mark at = new Mark(displayPath, line, lastLine.codePointCount(0, lastLine.length()) + 1);
            String hex = String.format("0x%02X", bytes[bad] & 0xff);
            diagnostics.report(Rule.SPEC_FILE_UNREADABLE, at, "", displayPath + " is not UTF-8 text: the byte " + hex
                    + " here is not UTF-8 (" + ((bytes[bad] & 0xff) >= 0xA0
                    ? "a Latin-1 '" + (char) (bytes[bad] & 0xff) + "'?" : "another encoding?") + ")",
                    "save the file as UTF-8 YAML or JSON");
            return Optional.empty();
        }
        String text = new String(bytes, StandardCharsets.UTF_8);
        return Optional.of(new SourceFile(path, displayPath, text.startsWith("\uFEFF") ? text.substring(1) : text));
    }

    /** The index of the first byte that does not belong to a valid UTF-8 sequence, or -1. */
    private static int firstNonUtf8(byte[] bytes) {
        ByteBuffer in = ByteBuffer.wrap(bytes);
        java.nio.CharBuffer out = java.nio.CharBuffer.allocate(Math.max(16, bytes.length));
        java.nio.charset.CoderResult result = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT)
                .decode(in, out, true);
        return result.isError() ? in.position() : -1;
    }

    /** Parses a source file's text; the root must be a mapping. */
    public Optional<YMap> parse(SourceFile source, Diagnostics diagnostics) {
        Path display = source.displayPath();
        LoadSettings settings = LoadSettings.builder()
                .setLabel(display.toString())
                .setSchema(new CoreSchema())
                .setAllowDuplicateKeys(false)
                .setAllowRecursiveKeys(false)
                .setMaxAliasesForCollections(MAX_ALIASES)
                .setCodePointLimit(MAX_CODE_POINTS)
                .setUseMarks(true)
                .build();
        Optional<Node> node;
        try {
            node = new Compose(settings).composeString(source.text());
        } catch (MarkedYamlEngineException e) {
            String problem = e.getProblem() == null ? "unparseable YAML" : e.getProblem();
            String context = e.getContext() == null ? "" : e.getContext();
            // A quote or bracket left open runs to the end of the file: where it opened is the place to fix.
            boolean unclosed = problem.contains("end of stream") && e.getContextMark().isPresent();
            Mark at = (unclosed ? e.getContextMark() : e.getProblemMark().or(e::getContextMark))
                    .map(m -> new Mark(display, m.getLine() + 1, m.getColumn() + 1))
                    .orElse(Mark.startOf(display));
            if (unclosed && context.contains("quoted scalar")) {
                diagnostics.report(Rule.YAML_SYNTAX, at, "", display + " is not valid YAML: the quoted value that"
                        + " starts here is never closed", "the closing quote at the end of the value");
            } else {
                diagnostics.report(Rule.YAML_SYNTAX, at, "", display + " is not valid YAML: "
                        + (unclosed ? oneLine(context) + " that starts here, " : "") + oneLine(problem),
                        "fix the syntax at this position");
            }
            return Optional.empty();
        } catch (StackOverflowError e) {
            // The YAML parser recurses per nesting level and has no depth limit of its own; the
            // parser state is thrown away with the error, so recovering here is safe.
            diagnostics.report(Rule.YAML_LIMITS, Mark.startOf(display), "", display + " nests too deeply to load",
                    "flatten the document (at most " + MAX_DEPTH + " levels)");
            return Optional.empty();
        } catch (YamlEngineException e) {
            Rule rule = isLimit(e) ? Rule.YAML_LIMITS : Rule.YAML_SYNTAX;
            diagnostics.report(rule, Mark.startOf(display), "",
                    display + " cannot be loaded: " + oneLine(String.valueOf(e.getMessage())),
                    rule == Rule.YAML_LIMITS ? "remove the excess aliases or size" : "fix the document");
            return Optional.empty();
        }
        if (node.isEmpty()) {
            diagnostics.report(Rule.EMPTY_DOCUMENT, Mark.startOf(display), "",
                    display + " is empty", "write the document's top-level mapping");
            return Optional.empty();
        }
        Converter converter = new Converter(display, diagnostics);
        YNode root;
        try {
            root = converter.convert(node.get(), "", 0);
        } catch (LimitExceeded e) {
            diagnostics.report(Rule.YAML_LIMITS, e.at, "", display + " " + e.getMessage(),
                    "flatten the document or remove recursive aliases");
            return Optional.empty();
        }
        if (!(root instanceof YMap map)) {
            diagnostics.report(Rule.EMPTY_DOCUMENT, root, display + " holds " + root.kindName()
                    + " at the top level", "make the top level a mapping");
            return Optional.empty();
        }
        return Optional.of(map);
    }

    private static boolean isLimit(YamlEngineException e) {
        String message = String.valueOf(e.getMessage()).toLowerCase(java.util.Locale.ROOT);
        return message.contains("alias") || message.contains("limit") || message.contains("recursive");
    }

    private static String oneLine(String text) {
        return text.replaceAll("\\s+", " ").trim();
    }

    /** JSON pointer escaping (RFC 6901). */
    public static String pointerToken(String key) {
        return key.replace("~", "~0").replace("/", "~1");
    }

    private static final class LimitExceeded extends RuntimeException {
        private static final long serialVersionUID = 1L;
        final transient Mark at;

        LimitExceeded(String message, Mark at) {
            super(message, null, false, false);
            this.at = at;
        }
    }

    private static final class Converter {
        private final Path display;
        private final Diagnostics diagnostics;
        private final Map<Node, Boolean> onPath = new IdentityHashMap<>();
        private int nodes;

        Converter(Path display, Diagnostics diagnostics) {
            this.display = display;
            this.diagnostics = diagnostics;
        }

        Mark markOf(Node node) {
            return node.getStartMark()
                    .map(m -> new Mark(display, m.getLine() + 1, m.getColumn() + 1))
                    .orElse(Mark.startOf(display));
        }

        YNode convert(Node node, String pointer, int depth) {
            Mark mark = markOf(node);
            if (++nodes > MAX_NODES) {
                throw new LimitExceeded("expands to more than " + MAX_NODES + " nodes", mark);
            }
            if (depth > MAX_DEPTH) {
                throw new LimitExceeded("nests deeper than " + MAX_DEPTH + " levels", mark);
            }
            if (onPath.put(node, Boolean.TRUE) != null) {
                throw new LimitExceeded("contains a recursive alias", mark);
            }
            try {
                return switch (node.getNodeType()) {
                    case SCALAR -> scalar((ScalarNode) node, pointer, mark);
                    case SEQUENCE -> sequence((SequenceNode) node, pointer, mark, depth);
                    case MAPPING -> mapping((MappingNode) node, pointer, mark, depth);
                    default -> throw new IllegalStateException("unknown YAML node " + node.getNodeType());
                };
            } finally {
                onPath.remove(node);
            }
        }

        private YScalar scalar(ScalarNode node, String pointer, Mark mark) {
            Tag tag = node.getTag();
            YScalar.Kind kind;
            if (Tag.NULL.equals(tag)) {
                kind = YScalar.Kind.NULL;
            } else if (Tag.BOOL.equals(tag)) {
                kind = YScalar.Kind.BOOLEAN;
            } else if (Tag.INT.equals(tag)) {
                kind = YScalar.Kind.INTEGER;
            } else if (Tag.FLOAT.equals(tag)) {
                kind = YScalar.Kind.FLOAT;
            } else {
                kind = YScalar.Kind.STRING;
            }
            return new YScalar(mark, pointer, node.getValue(), kind);
        }

        private YSeq sequence(SequenceNode node, String pointer, Mark mark, int depth) {
            List<YNode> items = new ArrayList<>();
            int index = 0;
            for (Node child : node.getValue()) {
                items.add(convert(child, pointer + "/" + index++, depth + 1));
            }
            return new YSeq(mark, pointer, items);
        }

        private YMap mapping(MappingNode node, String pointer, Mark mark, int depth) {
            Map<String, YNode> entries = new LinkedHashMap<>();
            Map<String, Mark> keyMarks = new HashMap<>();
            for (NodeTuple tuple : node.getValue()) {
                Node keyNode = tuple.getKeyNode();
                Mark keyMark = markOf(keyNode);
                if (!(keyNode instanceof ScalarNode scalarKey)) {
                    diagnostics.report(Rule.YAML_SYNTAX, keyMark, pointer,
                            "a mapping key is not a plain value", "use a string key");
                    continue;
                }
                String key = scalarKey.getValue();
                String childPointer = pointer + "/" + pointerToken(key);
                if (entries.containsKey(key)) {
                    diagnostics.report(Rule.DUPLICATE_KEY, keyMark, childPointer,
                            "the key '" + key + "' appears twice in the same mapping (first at line "
                                    + keyMarks.get(key).line() + ")",
                            "keep exactly one '" + key + "'");
                    continue;
                }
                keyMarks.put(key, keyMark);
                entries.put(key, convert(tuple.getValueNode(), childPointer, depth + 1));
            }
            return new YMap(mark, pointer, entries, keyMarks);
        }
    }
}
