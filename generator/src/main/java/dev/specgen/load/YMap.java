package dev.specgen.load;

import java.util.Collections;
import java.util.Map;
import java.util.Optional;

/** A YAML mapping whose keys are strings, in document order. */
public record YMap(Mark mark, String pointer, Map<String, YNode> entries, Map<String, Mark> keyMarks)
        implements YNode {

    /** The loader hands over maps it built for this node alone, so they are wrapped, not copied. */
    public YMap {
        entries = Collections.unmodifiableMap(entries);
        keyMarks = Collections.unmodifiableMap(keyMarks);
    }

    public Optional<YNode> get(String key) {
        return Optional.ofNullable(entries.get(key));
    }

    public boolean has(String key) {
        return entries.containsKey(key);
    }

    public Optional<YMap> map(String key) {
        return get(key).filter(YMap.class::isInstance).map(YMap.class::cast);
    }

    public Optional<YSeq> seq(String key) {
        return get(key).filter(YSeq.class::isInstance).map(YSeq.class::cast);
    }

    public Optional<YScalar> scalar(String key) {
        return get(key).filter(YScalar.class::isInstance).map(YScalar.class::cast);
    }

    /** The text of a scalar entry, when it is a non-null scalar. */
    public Optional<String> text(String key) {
        return scalar(key).filter(s -> !s.isNull()).map(YScalar::text);
    }

    public boolean flag(String key) {
        return scalar(key).map(YScalar::isTrue).orElse(false);
    }

    /** Where the key itself stands: the best place to point at when its value is wrong or missing. */
    public Mark keyMark(String key) {
        return keyMarks.getOrDefault(key, mark);
    }

    @Override
    public String kindName() {
        return "a mapping";
    }
}
