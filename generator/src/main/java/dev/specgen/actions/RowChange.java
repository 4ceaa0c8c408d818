package dev.specgen.actions;

import dev.specgen.load.YNode;
import java.util.Map;
import java.util.Optional;

/**
 * The plan of an action that changes the caller's row with no body: the field it flips (toggle), or
 * the declared values it sets (set), in model.yaml's order, and the datetime fields it stamps with the
 * server's time. Plain data; the templates print it.
 */
public record RowChange(Optional<String> flipped, Map<String, YNode> values, java.util.List<String> stamped) {
    /** The datetime fields set to the server's time (set's {@code now}: {@code cancelled_at: now}). */
    public RowChange {
        stamped = java.util.List.copyOf(stamped);
    }
}
