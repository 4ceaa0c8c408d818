package dev.specgen.shapes;

import java.util.List;

/**
 * How one error response of the contract is filled: its media type (null when the contract
 * declares no content), what fills each property, and, for a list of per-field problems, what
 * fills each item's properties. {@code unfilled} names the required properties nothing fills.
 */
public record ErrorShape(String name, String mediaType, List<Fill> fills, List<ItemFill> itemFills,
        List<String> unfilled, CodeEnum codes) {

    /** The values of a code member that is an enum of several (a constant one is a CONST fill), and where. */
    public record CodeEnum(List<String> path, List<String> values, dev.specgen.load.YNode at) {
        @Override
        public String toString() {
            return path + "=" + values;
        }
    }

    public ErrorShape(String name, String mediaType, List<Fill> fills, List<ItemFill> itemFills, List<String> unfilled) {
        this(name, mediaType, fills, itemFills, unfilled, null);
    }

    public ErrorShape withName(String other) {
        return new ErrorShape(other, mediaType, fills, itemFills, unfilled, codes);
    }

    /** What the generated server puts at a dotted property path. */
    public enum Source { MESSAGE, CODE, STATUS, TITLE, TYPE, INSTANCE, REQUEST_ID, FIELD_ERRORS, TIMESTAMP, CONST }

    /** What fills a property of each per-field problem. */
    public enum ItemSource { POINTER, FIELD, LOC, MESSAGE, CODE }

    /** A property path (keys from the root), its source, and for CONST the value as JSON text. */
    public record Fill(List<String> path, Source source, String constJson) {
    }

    public record ItemFill(String property, ItemSource source) {
    }

    /** Same body for the same inputs: shapes that fill alike are one shape in the generated code. */
    public String signature() {
        return mediaType + "|" + fills + "|" + itemFills + "|" + codes;
    }
}
