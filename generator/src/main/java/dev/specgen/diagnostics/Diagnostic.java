package dev.specgen.diagnostics;

import dev.specgen.load.Mark;
import java.nio.file.Path;
import java.util.Comparator;

/**
 * One finding: a rule broken at a place. {@code reason} and {@code required} fill the seed's sentence
 * "Implementation blocked: REASON. Required before proceeding: REQUIRED." {@code related} is the other
 * side of a disagreement (the model.yaml field a contract property contradicts), or null.
 */
public record Diagnostic(Rule rule, Severity severity, String reason, String required, Mark mark, String pointer,
        Mark related) {

    public Diagnostic(Rule rule, Severity severity, String reason, String required, Mark mark, String pointer) {
        this(rule, severity, reason, required, mark, pointer, null);
    }

    public java.util.Optional<Mark> relatedMark() {
        return java.util.Optional.ofNullable(related);
    }

    public static final Comparator<Diagnostic> ORDER = Comparator
            .comparing((Diagnostic d) -> d.mark().file().toString())
            .thenComparingInt(d -> d.mark().line())
            .thenComparingInt(d -> d.mark().column())
            .thenComparing(d -> d.rule().id())
            .thenComparing(Diagnostic::reason)
            .thenComparing(Diagnostic::required);

    public Path file() {
        return mark.file();
    }

    public String message() {
        if (severity == Severity.WARNING) {
            return "Warning: " + stripStop(reason) + ". Suggested: " + stripStop(required) + ".";
        }
        return "Implementation blocked: " + stripStop(reason) + ". Required before proceeding: " + stripStop(required)
                + ".";
    }

    private static String stripStop(String text) {
        return text.endsWith(".") ? text.substring(0, text.length() - 1) : text;
    }
}
