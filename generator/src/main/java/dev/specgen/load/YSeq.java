package dev.specgen.load;

import java.util.List;

/** A YAML sequence. */
public record YSeq(Mark mark, String pointer, List<YNode> items) implements YNode {
    public YSeq {
        items = List.copyOf(items);
    }

    @Override
    public String kindName() {
        return "a list";
    }
}
