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

/** One entity of model.yaml. */
public record EntityDoc(String name, YMap node, Mark nameMark) {

    public String table() {
        return node.text("table").orElseThrow();
    }

    public Map<String, FieldDoc> fields() {
        Map<String, FieldDoc> fields = new LinkedHashMap<>();
        YMap map = node.map("fields").orElseThrow();
        map.entries().forEach((name, value) -> fields.put(name, new FieldDoc(name, (YMap) value, map.keyMark(name))));
        return fields;
    }

    public Optional<FieldDoc> field(String name) {
        return Optional.ofNullable(fields().get(name));
    }

    public YMap ownership() {
        return node.map("ownership").orElseThrow();
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
}
