package dev.specgen.shapes;

import dev.specgen.contract.Contract;
import dev.specgen.contract.SchemaView;
import dev.specgen.load.JsonTrees;
import dev.specgen.load.YNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A body made only of the contract's constants (const, a one-value enum, a default): what a health
 * check answers. Never invented: a required member without a constant is reported.
 */
public final class ConstantBody {
    private ConstantBody() {
    }

    /** The members and their constant values, in contract order; optional members without one are left out. */
    public static Map<String, YNode> members(Contract contract, SchemaView schema) {
        Map<String, YNode> members = new LinkedHashMap<>();
        for (Map.Entry<String, YNode> entry : schema.properties().entrySet()) {
            SchemaView.of(contract, entry.getValue()).flatMap(ConstantBody::constantNode)
                    .ifPresent(value -> members.put(entry.getKey(), value));
        }
        return members;
    }

    public static List<String> unfilled(Contract contract, SchemaView schema) {
        List<String> missing = new ArrayList<>();
        Map<String, YNode> members = members(contract, schema);
        for (String required : schema.required()) {
            if (!members.containsKey(required)) {
                missing.add(required);
            }
        }
        return missing;
    }

    static Optional<String> constant(SchemaView schema) {
        return constantNode(schema).map(v -> JsonTrees.toJson(v).toString());
    }

    static Optional<YNode> constantNode(SchemaView schema) {
        Optional<YNode> value = schema.node().get("const");
        if (value.isEmpty()) {
            value = schema.node().seq("enum").filter(e -> e.items().size() == 1).map(e -> e.items().get(0));
        }
        if (value.isEmpty()) {
            value = schema.defaultValue();
        }
        return value;
    }
}
