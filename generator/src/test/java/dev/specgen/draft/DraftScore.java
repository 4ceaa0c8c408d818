package dev.specgen.draft;

import dev.specgen.diagnostics.Diagnostics;
import dev.specgen.load.SourceFile;
import dev.specgen.load.YMap;
import dev.specgen.load.YNode;
import dev.specgen.load.YScalar;
import dev.specgen.load.YSeq;
import dev.specgen.load.YamlLoader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * How many lines of a hand-written model.yaml a draft reproduces.
 *
 * <p>Each content line of the hand-written file (not blank, not only a comment) makes claims about the
 * draft, by key path:
 * <ul>
 * <li>{@code key: value} (a scalar, or a flow collection on the key's line): the draft has the same
 * path with an equal value (numbers compared as numbers, mappings regardless of key order, sequences
 * in order);</li>
 * <li>{@code key:} opening a block: the draft has that path, holding the same kind of node;</li>
 * <li>{@code - item} of a block sequence: the draft's sequence at that path holds an equal item.</li>
 * </ul>
 * A line is right when all its claims hold. A claim is contradicted when the draft has the path with
 * another value (as opposed to missing it). Comments in the draft, including its commented-out
 * suggestions, count for nothing.
 */
final class DraftScore {
    /** One content line of the hand-written file and whether the draft got it. */
    record Line(int number, String text, boolean right, boolean contradicted) {
    }

    record Result(List<Line> lines) {
        int total() {
            return lines.size();
        }

        int right() {
            return (int) lines.stream().filter(Line::right).count();
        }

        int contradicted() {
            return (int) lines.stream().filter(Line::contradicted).count();
        }

        String percent() {
            return String.format(Locale.ROOT, "%.0f%%", total() == 0 ? 0.0 : 100.0 * right() / total());
        }
    }

    private DraftScore() {
    }

    static Result score(String handWritten, String draft) {
        YMap hand = parse(handWritten, "hand-written.yaml");
        YMap drafted = parse(draft, "draft.yaml");
        Map<Integer, Boolean> right = new TreeMap<>();
        Map<Integer, Boolean> wrong = new TreeMap<>();
        walk(hand, drafted, right, wrong);
        String[] text = handWritten.split("\n", -1);
        List<Line> lines = new ArrayList<>();
        for (Map.Entry<Integer, Boolean> line : right.entrySet()) {
            lines.add(new Line(line.getKey(), text[line.getKey() - 1], line.getValue(),
                    wrong.getOrDefault(line.getKey(), false)));
        }
        return new Result(List.copyOf(lines));
    }

    private static void walk(YMap hand, YNode drafted, Map<Integer, Boolean> right, Map<Integer, Boolean> wrong) {
        YMap other = drafted instanceof YMap m ? m : null;
        for (Map.Entry<String, YNode> entry : hand.entries().entrySet()) {
            int line = hand.keyMark(entry.getKey()).line();
            YNode value = entry.getValue();
            YNode counterpart = other == null ? null : other.entries().get(entry.getKey());
            boolean block = value.mark().line() > line && !(value instanceof YScalar);
            if (block && value instanceof YMap map) {
                claim(line, counterpart instanceof YMap, counterpart != null && !(counterpart instanceof YMap),
                        right, wrong);
                walk(map, counterpart, right, wrong);
            } else if (block && value instanceof YSeq seq) {
                claim(line, counterpart instanceof YSeq, counterpart != null && !(counterpart instanceof YSeq),
                        right, wrong);
                for (YNode item : seq.items()) {
                    boolean found = counterpart instanceof YSeq theirs
                            && theirs.items().stream().anyMatch(i -> same(i, item));
                    for (int l : lines(item)) {
                        claim(l, found, !found && counterpart != null, right, wrong);
                    }
                }
            } else {
                boolean equal = counterpart != null && same(value, counterpart);
                for (int l : lines(value)) {
                    claim(l, equal, counterpart != null && !equal, right, wrong);
                }
                claim(line, equal, counterpart != null && !equal, right, wrong);
            }
        }
    }

    private static void claim(int line, boolean holds, boolean contradicted, Map<Integer, Boolean> right,
            Map<Integer, Boolean> wrong) {
        right.merge(line, holds, Boolean::logicalAnd);
        wrong.merge(line, contradicted, Boolean::logicalOr);
    }

    /** Every line a node spans (a flow collection can span several). */
    private static List<Integer> lines(YNode node) {
        List<Integer> lines = new ArrayList<>();
        lines.add(node.mark().line());
        if (node instanceof YMap map) {
            map.entries().forEach((k, v) -> {
                lines.add(map.keyMark(k).line());
                lines.addAll(lines(v));
            });
        } else if (node instanceof YSeq seq) {
            seq.items().forEach(i -> lines.addAll(lines(i)));
        }
        return lines.stream().distinct().toList();
    }

    static boolean same(YNode a, YNode b) {
        if (a instanceof YScalar x && b instanceof YScalar y) {
            if (x.isNumber() && y.isNumber()) {
                return x.number().isPresent() && y.number().isPresent()
                        && x.number().get().compareTo(y.number().get()) == 0;
            }
            if (x.kind() == YScalar.Kind.BOOLEAN && y.kind() == YScalar.Kind.BOOLEAN) {
                return x.isTrue() == y.isTrue();
            }
            return x.kind() == y.kind() && x.text().equals(y.text());
        }
        if (a instanceof YMap x && b instanceof YMap y) {
            if (!x.entries().keySet().equals(y.entries().keySet())) {
                return false;
            }
            return x.entries().entrySet().stream().allMatch(e -> same(e.getValue(), y.entries().get(e.getKey())));
        }
        if (a instanceof YSeq x && b instanceof YSeq y) {
            if (x.items().size() != y.items().size()) {
                return false;
            }
            for (int i = 0; i < x.items().size(); i++) {
                if (!same(x.items().get(i), y.items().get(i))) {
                    return false;
                }
            }
            return true;
        }
        return false;
    }

    static YMap parse(String text, String name) {
        Diagnostics diagnostics = new Diagnostics();
        return new YamlLoader().parse(new SourceFile(Path.of(name), Path.of(name), text), diagnostics)
                .orElseThrow(() -> new AssertionError(name + " does not parse: " + diagnostics.sorted()));
    }
}
