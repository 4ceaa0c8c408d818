package dev.specgen.validate;

import dev.specgen.diagnostics.Diagnostics;
import dev.specgen.diagnostics.Rule;
import dev.specgen.load.YMap;
import dev.specgen.load.YNode;
import dev.specgen.load.YScalar;
import dev.specgen.load.YSeq;
import dev.specgen.modeldoc.EntityDoc;
import dev.specgen.modeldoc.FieldDoc;
import dev.specgen.modeldoc.FieldType;
import java.math.BigDecimal;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** Checks of one field alone: its constraints fit its type and each other, its default fits them. */
final class FieldChecks {
    private FieldChecks() {
    }

    static void check(EntityDoc entity, FieldDoc field, Map<String, EntityDoc> entities, ModelGaps gaps,
            Diagnostics diagnostics) {
        FieldType type = FieldType.of(field.type());
        String label = entity.name() + "." + field.name();
        field.generated().ifPresent(generated -> {
            boolean fits = switch (generated) {
                case "uuid" -> type == FieldType.UUID;
                case "increment" -> type.isIntegral() && field.primaryKey();
                default -> type == FieldType.DATETIME;
            };
            if (!fits) {
                diagnostics.report(Rule.GENERATED_FIELD_INVALID, field.at("generated"), label + " is " + type.modelName()
                        + " with generated: " + generated, switch (generated) {
                            case "uuid" -> "type: uuid for generated: uuid";
                            case "increment" -> "an integer or bigint primary key for generated: increment";
                            default -> "type: datetime for generated: " + generated;
                        });
            }
            if (field.hasDefault()) {
                diagnostics.report(Rule.CONSTRAINT_CONTRADICTION, field.at("default"), label
                        + " has both a default and generated: " + generated, "either a default or generated, not both");
            }
        });
        if (field.primaryKey() && field.nullable()) {
            diagnostics.report(Rule.CONSTRAINT_CONTRADICTION, field.at("nullable"), label
                    + " is a primary key and nullable", "a non-null primary key");
        }
        checkRange(field, label, "min_length", "max_length", type.hasLength(), diagnostics);
        checkRange(field, label, "minimum", "maximum", type.hasRange(), diagnostics);
        if (field.node().has("pattern") && !type.hasLength()) {
            inapplicable(field, label, "pattern", type, diagnostics);
        } else {
            checkPattern(field, label, diagnostics);
        }
        if (field.node().has("values") && type != FieldType.ENUM) {
            inapplicable(field, label, "values", type, diagnostics);
        }
        for (String key : List.of("precision", "scale")) {
            if (field.node().has(key) && type != FieldType.DECIMAL) {
                inapplicable(field, label, key, type, diagnostics);
            }
        }
        if (type == FieldType.DECIMAL && (!field.node().has("precision") || !field.node().has("scale"))) {
            diagnostics.report(Rule.CONSTRAINT_CONTRADICTION, field.nameMark(), field.node().pointer(), label
                    + " is a decimal without precision and scale", "precision and scale for the NUMERIC column");
        } else if (type == FieldType.DECIMAL && field.number("scale").orElseThrow()
                .compareTo(field.number("precision").orElseThrow()) > 0) {
            diagnostics.report(Rule.CONSTRAINT_CONTRADICTION, field.at("scale"), label + " has scale "
                    + field.number("scale").orElseThrow() + " above its precision "
                    + field.number("precision").orElseThrow(), "scale <= precision");
        }
        checkArrayShape(field, label, type, diagnostics);
        field.defaultValue().ifPresent(value -> ValueCheck.ofDefault(label, field, diagnostics)
                .check(value));
        field.foreignKey().ifPresent(fk -> checkForeignKey(label, field, type, fk, entities, gaps, diagnostics));
    }

    /** items only and always on an array; min_items and max_items only there; the items' own constraints. */
    private static void checkArrayShape(FieldDoc field, String label, FieldType type, Diagnostics diagnostics) {
        if (type != FieldType.ARRAY) {
            for (String key : List.of("items", "min_items", "max_items")) {
                if (field.node().has(key)) {
                    inapplicable(field, label, key, type, diagnostics);
                }
            }
            return;
        }
        Optional<YMap> items = field.node().map("items");
        if (items.isEmpty()) {
            diagnostics.report(Rule.CONSTRAINT_CONTRADICTION, field.at("type"), label + " is an array without items",
                    "items: {type: ...} saying what the list holds");
            return;
        }
        Optional<BigDecimal> min = field.number("min_items");
        Optional<BigDecimal> max = field.number("max_items");
        if (min.isPresent() && max.isPresent() && min.get().compareTo(max.get()) > 0) {
            diagnostics.report(Rule.CONSTRAINT_CONTRADICTION, field.at("min_items"), label + " has min_items "
                    + min.get() + " above max_items " + max.get(), "min_items <= max_items");
        }
        FieldDoc item = new FieldDoc(field.name(), items.get(), items.get().mark());
        FieldType itemType = FieldType.of(item.type());
        String itemLabel = label + " (its items)";
        checkRange(item, itemLabel, "min_length", "max_length", itemType.hasLength(), diagnostics);
        checkRange(item, itemLabel, "minimum", "maximum", itemType.hasRange(), diagnostics);
        if (item.node().has("pattern") && !itemType.hasLength()) {
            inapplicable(item, itemLabel, "pattern", itemType, diagnostics);
        } else {
            checkPattern(item, itemLabel, diagnostics);
        }
        if (item.node().has("values") != (itemType == FieldType.ENUM)) {
            diagnostics.report(Rule.CONSTRAINT_CONTRADICTION, item.at("type"), itemLabel + (itemType == FieldType.ENUM
                    ? " are enums without values" : " are " + itemType.modelName() + ", which cannot have values"),
                    itemType == FieldType.ENUM ? "values: [...] for enum items" : "remove values or use type: enum");
        }
    }

    private static void checkPattern(FieldDoc field, String label, Diagnostics diagnostics) {
        field.text("pattern").ifPresent(p -> {
            try {
                java.util.regex.Pattern.compile(p);
            } catch (java.util.regex.PatternSyntaxException e) {
                diagnostics.report(Rule.CONSTRAINT_CONTRADICTION, field.at("pattern"), label
                        + " has a pattern that is not a valid regular expression", "a valid regular expression");
            }
        });
    }

    private static void checkForeignKey(String label, FieldDoc field, FieldType type, YMap fk,
            Map<String, EntityDoc> entities, ModelGaps gaps, Diagnostics diagnostics) {
        String target = fk.text("entity").orElseThrow();
        String targetField = fk.text("field").orElseThrow();
        if (gaps.fieldBroken(target, targetField)) {
            return; // the referenced entity or field broke the schema, reported already
        }
        EntityDoc parent = entities.get(target);
        if (parent == null) {
            diagnostics.report(Rule.FIELD_REFERENCE_UNKNOWN, fk.get("entity").orElseThrow(), label
                    + " references entity '" + target + "', which is not defined",
                    "one of " + String.join(", ", entities.keySet()));
            return;
        }
        Optional<FieldDoc> referenced = parent.field(targetField);
        if (referenced.isEmpty()) {
            diagnostics.report(Rule.FIELD_REFERENCE_UNKNOWN, fk.get("field").orElseThrow(), label + " references "
                    + target + "." + targetField + ", which is not defined",
                    "one of " + String.join(", ", parent.fields().keySet()));
            return;
        }
        if (!referenced.get().primaryKey() && !referenced.get().unique()) {
            diagnostics.report(Rule.FIELD_REFERENCE_UNKNOWN, fk.get("field").orElseThrow(), label + " references "
                    + target + "." + targetField + ", which is neither a primary key nor unique",
                    "a foreign key to a primary key or unique field");
        }
        FieldType targetType = FieldType.of(referenced.get().type());
        boolean compatible = targetType == type || (targetType.isIntegral() && type.isIntegral())
                || (targetType.hasLength() && type.hasLength());
        if (!compatible) {
            diagnostics.report(Rule.CONSTRAINT_CONTRADICTION, field.at("type"), label + " is " + type.modelName()
                    + " but references " + target + "." + targetField + " of type " + targetType.modelName(),
                    "the referenced field's type");
        }
        if ("set_null".equals(fk.text("on_delete").orElse("")) && !field.nullable()) {
            diagnostics.report(Rule.CONSTRAINT_CONTRADICTION, fk.get("on_delete").orElseThrow(), label
                    + " uses on_delete: set_null but is not nullable", "nullable: true, or another on_delete");
        }
    }

    private static void inapplicable(FieldDoc field, String label, String key, FieldType type,
            Diagnostics diagnostics) {
        diagnostics.report(Rule.CONSTRAINT_CONTRADICTION, field.at(key), label + " is " + type.modelName()
                + ", which cannot have " + key, "remove " + key + " or change the type");
    }

    private static void checkRange(FieldDoc field, String label, String low, String high, boolean applies,
            Diagnostics diagnostics) {
        for (String key : List.of(low, high)) {
            if (field.node().has(key) && !applies) {
                inapplicable(field, label, key, FieldType.of(field.type()), diagnostics);
                return;
            }
        }
        Optional<BigDecimal> min = field.number(low);
        Optional<BigDecimal> max = field.number(high);
        if (min.isPresent() && max.isPresent() && min.get().compareTo(max.get()) > 0) {
            diagnostics.report(Rule.CONSTRAINT_CONTRADICTION, field.at(low), label + " has " + low + " "
                    + min.get().toPlainString() + " above " + high + " " + max.get().toPlainString(),
                    low + " <= " + high);
        }
    }
}
