package dev.specgen.diagnostics;

import dev.specgen.load.Mark;
import dev.specgen.load.YNode;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** Collects findings from every stage so that all of them are reported at once. */
public final class Diagnostics {
    private final Set<Diagnostic> found;
    private final Set<String> places;
    /** The other side that every finding reported through this view disagrees with, or null. */
    private final Mark related;

    public Diagnostics() {
        this(new LinkedHashSet<>(), new java.util.HashSet<>(), null);
    }

    private Diagnostics(Set<Diagnostic> found, Set<String> places, Mark related) {
        this.found = found;
        this.places = places;
        this.related = related;
    }

    /**
     * A view that adds to these findings, each naming {@code other} as its related place: a check
     * comparing a contract schema with a model.yaml field reports through it, so both sides are shown.
     */
    public Diagnostics relatedTo(Mark other) {
        return new Diagnostics(found, places, other);
    }

    /** Reports a finding with its rule's severity: a blocker, or a warning for warning rules. */
    public void report(Rule rule, YNode at, String reason, String required) {
        add(rule, rule.severity(), at.mark(), at.pointer(), reason, required, related);
    }

    public void report(Rule rule, Mark at, String pointer, String reason, String required) {
        add(rule, rule.severity(), at, pointer, reason, required, related);
    }

    /**
     * One finding per rule, place and remedy: a schema shared by several operations is reported once,
     * while two different things missing at one place (a 401 and a 404 on one responses node) are both
     * reported, so that one round of fixes is enough.
     */
    private void add(Rule rule, Severity severity, Mark mark, String pointer, String reason, String required,
            Mark other) {
        String key = rule.id() + "@" + mark + "#" + pointer + "\u0000" + required;
        if (places.add(key)) {
            found.add(new Diagnostic(rule, severity, reason, required, mark, pointer, other));
        }
    }

    /** A finding as it was reported before (kept in a manifest): its own severity and related place. */
    public void restore(Diagnostic d) {
        add(d.rule(), d.severity(), d.mark(), d.pointer(), d.reason(), d.required(), d.related());
    }

    public void addAll(Diagnostics other) {
        other.found.forEach(d -> add(d.rule(), d.severity(), d.mark(), d.pointer(), d.reason(), d.required(),
                d.related()));
    }

    public boolean hasErrors() {
        return found.stream().anyMatch(d -> d.severity() == Severity.ERROR);
    }

    public boolean isEmpty() {
        return found.isEmpty();
    }

    /** Every finding, sorted by file, line, column and rule: the order users read them in. */
    public List<Diagnostic> sorted() {
        List<Diagnostic> list = new ArrayList<>(found);
        list.sort(Diagnostic.ORDER);
        return List.copyOf(list);
    }
}
