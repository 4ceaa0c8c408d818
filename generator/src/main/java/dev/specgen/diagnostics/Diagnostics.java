package dev.specgen.diagnostics;

import dev.specgen.load.Mark;
import dev.specgen.load.YNode;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** Collects findings from every stage so that all of them are reported at once. */
public final class Diagnostics {
    private final Set<Diagnostic> found = new LinkedHashSet<>();

    public void block(Rule rule, YNode at, String reason, String required) {
        add(rule, Severity.ERROR, at.mark(), at.pointer(), reason, required);
    }

    public void block(Rule rule, Mark at, String pointer, String reason, String required) {
        add(rule, Severity.ERROR, at, pointer, reason, required);
    }

    public void warn(Rule rule, YNode at, String reason, String required) {
        add(rule, Severity.WARNING, at.mark(), at.pointer(), reason, required);
    }

    private void add(Rule rule, Severity severity, Mark mark, String pointer, String reason, String required) {
        found.add(new Diagnostic(rule, severity, reason, required, mark, pointer));
    }

    public void addAll(Diagnostics other) {
        found.addAll(other.found);
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
