package dev.specgen.draft;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/** A drafted model.yaml and the decisions it leaves open. */
public final class Draft {
    private final Yaml.Block root;
    private final List<Decision> decisions;
    private final String text;

    Draft(Yaml.Block root, List<Decision> decisions) {
        this.root = root;
        this.text = Yaml.render(root, Set.of());
        List<Decision> ordered = new ArrayList<>(decisions);
        ordered.sort(Comparator.comparingInt(this::lineOf).thenComparing(Decision::id));
        this.decisions = List.copyOf(ordered);
    }

    /** The file as written: every decision open. */
    public String text() {
        return text;
    }

    /**
     * The file with the named decisions taken as suggested (those whose suggestion is a complete
     * answer); the others stay open. For tests and for showing what a suggestion changes.
     */
    public String text(Set<String> taken) {
        Set<String> accepted = new TreeSet<>();
        for (Decision decision : decisions) {
            if (taken.contains(decision.id()) && decision.suggested()) {
                accepted.add(decision.id());
            }
        }
        return Yaml.render(root, accepted);
    }

    /**
     * Everything the draft proposes, written live: every suggestion, including those this specgen
     * cannot take yet (a binding that needs response envelopes). For checking the proposal against the
     * contract; it is not a model.yaml this specgen accepts.
     */
    String proposal() {
        Set<String> all = new TreeSet<>();
        decisions.forEach(d -> all.add(d.id()));
        return Yaml.render(root, all);
    }

    /** In the order they appear in the file. */
    public List<Decision> decisions() {
        return decisions;
    }

    /** The 1-based line of a decision's DECIDE comment in {@link #text()}, 0 when not found. */
    public int lineOf(Decision decision) {
        String marker = "# DECIDE " + decision.title() + ":";
        String[] lines = text.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            if (lines[i].strip().startsWith(marker)) {
                return i + 1;
            }
        }
        return 0;
    }
}
