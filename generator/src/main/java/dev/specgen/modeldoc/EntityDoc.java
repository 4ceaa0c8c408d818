package dev.specgen.modeldoc;

import dev.specgen.load.Mark;
import dev.specgen.load.YMap;
import dev.specgen.load.YNode;
import dev.specgen.load.YScalar;
import dev.specgen.load.YSeq;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** One entity of model.yaml. Its fields are indexed once: checks and the resolver ask for them a lot. */
public final class EntityDoc {
    private final String name;
    private final YMap node;
    private final Mark nameMark;
    private final Map<String, FieldDoc> fields;

    public EntityDoc(String name, YMap node, Mark nameMark) {
        this.name = name;
        this.node = node;
        this.nameMark = nameMark;
        Map<String, FieldDoc> index = new LinkedHashMap<>();
        YMap map = node.map("fields").orElseThrow();
        map.entries().forEach((field, value) -> index.put(field, new FieldDoc(field, (YMap) value, map.keyMark(field))));
        this.fields = java.util.Collections.unmodifiableMap(index);
    }

    public String name() {
        return name;
    }

    public YMap node() {
        return node;
    }

    public Mark nameMark() {
        return nameMark;
    }

    public String table() {
        return node.text("table").orElseThrow();
    }

    /** A table another service owns: read and referenced, never created, altered or migrated. */
    public boolean external() {
        return node.flag("external");
    }

    public Map<String, FieldDoc> fields() {
        return fields;
    }

    public Optional<FieldDoc> field(String fieldName) {
        return Optional.ofNullable(fields.get(fieldName));
    }

    /**
     * The ownership declaration; empty when model.yaml gives none (a blocker, SG406, that leaves the
     * entity's other checks to run on the same pass).
     */
    public YMap ownership() {
        return node.map("ownership").orElseGet(() -> new YMap(node.mark(), node.pointer() + "/ownership",
                Map.of(), Map.of()));
    }

    /** False when model.yaml says neither who owns the entity nor that it is shared. */
    public boolean ownershipDeclared() {
        return node.has("ownership");
    }

    public Optional<String> ownerField() {
        return ownership().text("owner_field");
    }

    public Optional<String> viaField() {
        return ownership().text("via");
    }

    public boolean shared() {
        return ownership().flag("shared");
    }

    public List<FieldDoc> primaryKeys() {
        return fields().values().stream().filter(FieldDoc::primaryKey).toList();
    }

    /** Composite constraints: each a list of field-name scalars with their marks. */
    public List<List<YScalar>> groups(String key) {
        List<List<YScalar>> groups = new ArrayList<>();
        node.seq(key).ifPresent(seq -> {
            for (YNode group : seq.items()) {
                List<YScalar> names = new ArrayList<>();
                if (group instanceof YSeq list) {
                    list.items().forEach(i -> names.add((YScalar) i));
                }
                groups.add(names);
            }
        });
        return groups;
    }

    /**
     * Whether a field gets a one-column index of its own: it asks for one (index: true), is a foreign key or
     * is the owner, and nothing already serves look-ups by it: not its own unique constraint, not the
     * primary key, and not a composite unique constraint or index whose first column it is.
     */
    public boolean ownIndex(FieldDoc field) {
        boolean wanted = field.index() || field.foreignKey().isPresent()
                || ownerField().filter(field.name()::equals).isPresent();
        if (!wanted || field.unique() || field.primaryKey()) {
            return false;
        }
        for (String key : List.of("unique", "indexes")) {
            for (List<YScalar> group : groups(key)) {
                if (!group.isEmpty() && group.get(0).text().equals(field.name())) {
                    return false;
                }
            }
        }
        return true;
    }
}
