package dev.specgen.modeldoc;

import dev.specgen.load.Mark;
import dev.specgen.load.YMap;
import dev.specgen.load.YNode;
import dev.specgen.load.YScalar;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** One field of an entity in model.yaml. */
public record FieldDoc(String name, YMap node, Mark nameMark) {

    public String type() {
        return node.text("type").orElseThrow();
    }

    public boolean nullable() {
        return node.flag("nullable");
    }

    public boolean primaryKey() {
        return node.flag("primary_key");
    }

    public Optional<String> generated() {
        return node.text("generated");
    }

    /**
     * The SQL column name: the field name unless {@code column} says otherwise; a camelCase name's column
     * is its snake_case form (patientId is stored in patient_id).
     */
    public String column() {
        return node.text("column").orElse(snake(name));
    }

    /** camelCase to snake_case (patientId: patient_id, userID: user_id); other names as they are. */
    public static String snake(String name) {
        if (name.chars().noneMatch(Character::isUpperCase)) {
            return name;
        }
        return name.replaceAll("([a-z0-9])([A-Z])", "$1_$2").replaceAll("([A-Z]+)([A-Z][a-z])", "$1_$2")
                .toLowerCase(java.util.Locale.ROOT);
    }

    public boolean readOnly() {
        return node.flag("read_only");
    }

    public boolean unique() {
        return node.flag("unique");
    }

    public boolean index() {
        return node.flag("index");
    }

    public Optional<YNode> defaultValue() {
        return node.get("default");
    }

    public boolean hasDefault() {
        return node.has("default");
    }

    public Optional<BigDecimal> number(String key) {
        return node.scalar(key).flatMap(YScalar::number);
    }

    public Optional<String> text(String key) {
        return node.text(key);
    }

    public List<String> values() {
        List<String> values = new ArrayList<>();
        node.seq("values").ifPresent(seq -> seq.items().forEach(i -> values.add(((YScalar) i).text())));
        return values;
    }

    public Optional<YMap> foreignKey() {
        return node.map("foreign_key");
    }

    public YNode at(String key) {
        return node.get(key).orElse(node);
    }
}
