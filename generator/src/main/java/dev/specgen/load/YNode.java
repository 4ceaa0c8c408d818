package dev.specgen.load;

/**
 * A node of a loaded YAML/JSON document. Every node knows where it starts in its file and its JSON
 * pointer, so any finding about it can be reported as {@code file:line:column}.
 */
public sealed interface YNode permits YMap, YSeq, YScalar {
    Mark mark();

    String pointer();

    /** A short word for messages: "a mapping", "a list", "a string", ... */
    String kindName();
}
