package dev.specgen.contract;

import dev.specgen.load.YMap;
import dev.specgen.load.YNode;
import java.util.Optional;

/** A resolved operation parameter; {@code site} is where it is written (a $ref or the object). */
public record Parameter(Contract contract, YMap node, YNode site) {
    public String name() {
        return node.text("name").orElse("");
    }

    public String in() {
        return node.text("in").orElse("");
    }

    public boolean required() {
        return node.flag("required");
    }

    public Optional<YNode> schema() {
        return node.get("schema");
    }
}
