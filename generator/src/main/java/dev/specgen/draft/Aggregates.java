package dev.specgen.draft;

import dev.specgen.contract.Contract;
import dev.specgen.contract.SchemaView;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A read of counts and sums (GET /expenses/summary), drafted in docs/design-v2.md's aggregate keys. */
final class Aggregates {
    private static final Pattern MEASURE = Pattern.compile("(total|sum|avg|average|min|max)_(\\w+)|(\\w+)_(total|sum|avg|min|max)");

    private final Contract contract;
    private final OpDraft op;
    private final EntityDraft entity;

    Aggregates(Contract contract, OpDraft op, EntityDraft entity) {
        this.contract = contract;
        this.op = op;
        this.entity = entity;
    }

    /**
     * An aggregate's keys, as docs/design-v2.md names them: its response's item members that are fields
     * group the rows, the others are measures (count; total_amount is the sum of amount). Written only
     * as a suggestion; it returns what it needs from specgen (nothing, now that aggregate is an action).
     */
    List<String> write(Yaml.Block binding, ListOptions options) {
        Optional<SchemaView> response = op.operation.successResponses().values().stream().findFirst()
                .flatMap(op.operation::jsonSchemaOf).flatMap(s -> SchemaView.of(contract, s));
        String member = null;
        Optional<SchemaView> items = response.filter(r -> "array".equals(r.type().orElse(""))).flatMap(SchemaView::items);
        if (items.isEmpty() && response.isPresent()) {
            for (String name : response.get().properties().keySet()) {
                Optional<SchemaView> p = response.get().property(name);
                if (p.filter(x -> "array".equals(x.type().orElse(""))).isPresent()) {
                    member = name;
                    items = p.get().items();
                    break;
                }
            }
        }
        List<String> groupBy = new ArrayList<>();
        Map<String, Object> measures = new LinkedHashMap<>();
        for (String name : items.map(i -> i.properties().keySet()).orElse(java.util.Set.of())) {
            if (entity.fields.containsKey(name)) {
                groupBy.add(name);
            } else if (name.equals("count")) {
                measures.put(name, "count");
            } else {
                Matcher m = MEASURE.matcher(name);
                if (m.matches()) {
                    String fn = m.group(1) != null ? m.group(1) : m.group(4);
                    String field = m.group(2) != null ? m.group(2) : m.group(3);
                    if (entity.fields.containsKey(field)) {
                        measures.put(name, Map.of(fn.equals("total") ? "sum" : fn.startsWith("av") ? "avg" : fn, field));
                    }
                }
            }
        }
        if (!groupBy.isEmpty()) {
            binding.put("group_by", Yaml.flowList(groupBy), "the response's members that are fields");
        }
        if (!measures.isEmpty()) {
            binding.put("measures", Yaml.flowMap(measures), "by their names");
        }
        options.filters(binding, null, new ArrayList<>());
        if (member != null) {
            binding.put("response", Yaml.flowMap(Map.of("rows", member)), "the contract's envelope");
        }
        return List.of();
    }

}
