package dev.specgen.draft;

import dev.specgen.contract.Contract;
import dev.specgen.contract.SchemaView;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What a success response carries, as model.yaml's actions see it: nothing, one row, a plain array of
 * rows, a v1 page ({items, total, limit, offset}), an envelope that wraps rows in other members
 * ({data: [...], meta: {...}}), or something that is no entity's row at all.
 *
 * @param row the schema of one row, a component of the contract
 * @param rowsAt for an envelope, the dotted path of the member holding the row or rows
 * @param others for an envelope, the dotted paths of its other members
 */
record Shape(Kind kind, Optional<SchemaView> row, String rowsAt, List<String> others) {
    enum Kind { NONE, ROW, ARRAY, PAGE, ENVELOPE_ROW, ENVELOPE_ARRAY, OTHER }

    static final List<String> PAGE_MEMBERS = List.of("items", "limit", "offset", "total");

    static Shape none() {
        return new Shape(Kind.NONE, Optional.empty(), "", List.of());
    }

    boolean many() {
        return kind == Kind.ARRAY || kind == Kind.PAGE || kind == Kind.ENVELOPE_ARRAY;
    }

    Optional<String> component() {
        return row.flatMap(SchemaView::componentName);
    }

    static Shape of(Contract contract, Optional<SchemaView> schema) {
        if (schema.isEmpty()) {
            return none();
        }
        SchemaView s = schema.get();
        if (isRow(s)) {
            return new Shape(Kind.ROW, schema, "", List.of());
        }
        if ("array".equals(s.type().orElse("")) && s.items().filter(Shape::isRow).isPresent()) {
            return new Shape(Kind.ARRAY, s.items(), "", List.of());
        }
        if (!"object".equals(s.type().orElse("object")) || s.properties().isEmpty()) {
            return new Shape(Kind.OTHER, Optional.empty(), "", List.of());
        }
        Map<String, SchemaView> members = members(s, "", 0);
        if (new java.util.TreeSet<>(members.keySet()).equals(new java.util.TreeSet<>(PAGE_MEMBERS))
                && isArrayOfRows(members.get("items"))) {
            return new Shape(Kind.PAGE, members.get("items").items(), "items", List.of("limit", "offset", "total"));
        }
        String rowsAt = null;
        boolean array = false;
        List<String> others = new ArrayList<>();
        // {data: [rows], pagination: {page, total}}: one array of rows is the rows, even when a member beside
        // it (the pagination) is itself a component object.
        List<String> arrays = members.entrySet().stream().filter(m -> isArrayOfRows(m.getValue())).map(Map.Entry::getKey)
                .toList();
        if (arrays.size() == 1) {
            rowsAt = arrays.get(0);
            array = true;
            for (Map.Entry<String, SchemaView> member : members.entrySet()) {
                if (member.getKey().equals(rowsAt)) {
                    continue;
                }
                if (isRow(member.getValue()) && !member.getKey().contains(".")) {
                    member.getValue().properties().keySet().forEach(p -> others.add(member.getKey() + "." + p));
                } else {
                    others.add(member.getKey());
                }
            }
            SchemaView holder = members.get(rowsAt);
            return new Shape(Kind.ENVELOPE_ARRAY, holder.items(), rowsAt, List.copyOf(others));
        }
        for (Map.Entry<String, SchemaView> member : members.entrySet()) {
            boolean rows = isArrayOfRows(member.getValue());
            if ((rows || isRow(member.getValue())) && rowsAt == null) {
                rowsAt = member.getKey();
                array = rows;
            } else if (rows || isRow(member.getValue())) {
                return new Shape(Kind.OTHER, Optional.empty(), "", List.of());
            } else {
                others.add(member.getKey());
            }
        }
        if (rowsAt == null) {
            return new Shape(Kind.OTHER, Optional.empty(), "", List.of());
        }
        SchemaView holder = members.get(rowsAt);
        return new Shape(array ? Kind.ENVELOPE_ARRAY : Kind.ENVELOPE_ROW, array ? holder.items() : Optional.of(holder),
                rowsAt, List.copyOf(others));
    }

    /** A component object with properties, none of which holds rows of its own: an entity's row. */
    static boolean isRow(SchemaView s) {
        if (s.componentName().isEmpty() || !"object".equals(s.type().orElse("object")) || s.properties().isEmpty()) {
            return false;
        }
        for (String name : s.properties().keySet()) {
            Optional<SchemaView> property = s.property(name);
            if (property.filter(p -> p.componentName().isPresent() && !p.properties().isEmpty()
                    || isArrayOfRows(p)).isPresent()) {
                return false;
            }
        }
        return true;
    }

    private static boolean isArrayOfRows(SchemaView s) {
        return s != null && "array".equals(s.type().orElse("")) && s.items().filter(Shape::isRow).isPresent();
    }

    /**
     * The members of an envelope by dotted path: a nested object that holds no rows (meta) is opened
     * one level, so {data, meta: {page, total}} reads as data, meta.page, meta.total.
     */
    private static Map<String, SchemaView> members(SchemaView s, String prefix, int depth) {
        Map<String, SchemaView> members = new LinkedHashMap<>();
        for (String name : s.properties().keySet()) {
            Optional<SchemaView> property = s.property(name);
            if (property.isEmpty()) {
                continue;
            }
            SchemaView p = property.get();
            boolean plainObject = "object".equals(p.type().orElse("")) && !p.properties().isEmpty() && !isRow(p);
            if (plainObject && depth == 0) {
                members.putAll(members(p, prefix + name + ".", depth + 1));
            } else {
                members.put(prefix + name, p);
            }
        }
        return members;
    }
}
