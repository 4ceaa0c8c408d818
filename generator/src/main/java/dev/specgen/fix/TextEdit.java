package dev.specgen.fix;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** Text from {@code from} to {@code to} (char offsets, end exclusive) replaced by {@code replacement}. */
public record TextEdit(int from, int to, String replacement) {
    public TextEdit {
        if (from < 0 || to < from) {
            throw new IllegalArgumentException("a text edit from " + from + " to " + to);
        }
    }

    /** The text with every edit made; edits must not overlap (two insertions at one place keep their order). */
    public static String apply(String text, List<TextEdit> edits) {
        List<TextEdit> ordered = new ArrayList<>(edits);
        ordered.sort(Comparator.comparingInt(TextEdit::from).thenComparingInt(TextEdit::to));
        StringBuilder out = new StringBuilder();
        int at = 0;
        for (TextEdit edit : ordered) {
            if (edit.from < at) {
                throw new IllegalStateException("overlapping text edits at offset " + edit.from);
            }
            out.append(text, at, edit.from).append(edit.replacement);
            at = edit.to;
        }
        return out.append(text.substring(at)).toString();
    }
}
