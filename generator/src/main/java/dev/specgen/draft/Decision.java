package dev.specgen.draft;

import dev.specgen.diagnostics.Rule;
import java.util.ArrayList;
import java.util.List;

/**
 * A choice the draft will not make: who owns an entity, how tokens are signed, an operation this
 * specgen cannot serve yet. It is written as a "# DECIDE" comment where the answer belongs, with the
 * suggested answer commented out below it, and the answer's key is left out, so that validate blocks
 * with its own rule until the user decides.
 *
 * @param id stable name, e.g. "ownership Task"
 * @param title what is to be decided, for the summary init prints
 * @param why the evidence and the options, one sentence each
 * @param blocks the rule validate reports while the decision is open, and where: a JSON pointer in
 *     model.yaml ("/entities/Task") or in the contract ("/paths/~1me/get")
 * @param inModel whether that pointer is in model.yaml (else the contract)
 * @param suggested whether the commented-out lines are a complete answer this specgen accepts; when
 *     false the decision waits for a feature specgen does not have yet, or for the user alone
 */
public record Decision(String id, String title, List<String> why, Rule blocks, boolean inModel, String pointer,
        boolean suggested) {
    static final int WIDTH = 96;

    /** The comment lines: "DECIDE title: why...", wrapped. */
    List<String> lines() {
        return wrap("DECIDE " + title + ": " + String.join(" ", why), WIDTH);
    }

    /** Words, with a {key: value} group kept whole so that it is never split across lines. */
    private static List<String> words(String text) {
        List<String> words = new ArrayList<>();
        StringBuilder group = null;
        for (String word : text.split(" ")) {
            if (group != null) {
                group.append(' ').append(word);
            } else if (word.startsWith("{") && !word.contains("}")) {
                group = new StringBuilder(word);
            } else {
                words.add(word);
            }
            if (group != null && word.contains("}")) {
                words.add(group.toString());
                group = null;
            }
        }
        if (group != null) {
            words.add(group.toString());
        }
        return words;
    }

    static List<String> wrap(String text, int width) {
        List<String> lines = new ArrayList<>();
        StringBuilder line = new StringBuilder();
        for (String word : words(text)) {
            if (line.length() > 0 && line.length() + 1 + word.length() > width) {
                lines.add(line.toString());
                line.setLength(0);
                line.append("  ");
            }
            if (line.length() > 0 && !line.toString().equals("  ")) {
                line.append(' ');
            }
            line.append(word);
        }
        if (line.length() > 0) {
            lines.add(line.toString());
        }
        return lines;
    }
}
