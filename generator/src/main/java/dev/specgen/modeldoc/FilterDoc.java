package dev.specgen.modeldoc;

import dev.specgen.load.YMap;
import dev.specgen.load.YNode;
import dev.specgen.load.YScalar;
import java.util.Optional;

/**
 * One list filter of model.yaml: a bare field name (equality, the parameter named as the field) or
 * {param, field, op} or {param, field, map}. The operators are PostgREST's: eq neq gt gte lt lte in is_null.
 */
public record FilterDoc(String param, String field, String op, Optional<YMap> map, YNode node) {

    public static FilterDoc of(YNode node) {
        if (node instanceof YScalar scalar) {
            return new FilterDoc(scalar.text(), scalar.text(), "eq", Optional.empty(), node);
        }
        YMap map = (YMap) node;
        return new FilterDoc(map.text("param").orElseThrow(), map.text("field").orElseThrow(),
                map.text("op").orElse("eq"), map.map("map"), node);
    }

    /** Where a finding about the field should point: its name in the filter. */
    public YNode fieldNode() {
        return node instanceof YMap map ? map.get("field").orElse(node) : node;
    }
}
