package dev.specgen.draft;

import dev.specgen.contract.SchemaView;
import dev.specgen.diagnostics.Rule;
import dev.specgen.load.YNode;
import dev.specgen.load.YamlLoader;
import java.util.List;
import java.util.Optional;

/**
 * Field-level choices the contract and data-model.md leave open: a type neither settles, a decimal's
 * precision, the value stored when a create body leaves an optional field out, a missing primary key.
 * Each becomes a decision on the field, blocking with the rule validate uses for the missing key.
 */
final class FieldDecisions {
    private final EntityCatalog catalog;
    private final List<OpDraft> ops;

    FieldDecisions(EntityCatalog catalog, List<OpDraft> ops) {
        this.catalog = catalog;
        this.ops = ops;
    }

    void decide(List<Decision> decisions) {
        for (EntityDraft entity : catalog.entities.values()) {
            if (entity.primaryKey().isEmpty()) {
                Decision decision = new Decision("primary key " + entity.name, "the primary key of " + entity.name,
                        List.of("no field is named id and data-model.md names no primary key. Mark one field"
                                + " primary_key: true (with generated: uuid or increment when the server assigns it)."),
                        Rule.PRIMARY_KEY_MISSING, true, "/entities/" + entity.name, false);
                decisions.add(decision);
                entity.fields.values().stream().findFirst().ifPresent(f -> f.gaps.add(new FieldDraft.FieldGap(decision,
                        new Yaml.Block())));
            }
            for (FieldDraft field : entity.fields.values()) {
                if (field.onlyWith == null) {
                    decide(entity, field, decisions);
                }
            }
        }
    }

    private void decide(EntityDraft entity, FieldDraft field, List<Decision> decisions) {
        String at = "/entities/" + entity.name + "/fields/" + YamlLoader.pointerToken(field.name);
        String label = entity.name + "." + field.name;
        if (!Words.anyFieldName(field.name)) {
            Decision decision = new Decision("name " + label, "the field for property " + field.name, List.of(
                    "model.yaml's field names are ASCII letters, digits and underscores (they become Python and"
                            + " SQL names) and must equal the contract's property names, so this specgen cannot bind "
                            + field.name + " yet."),
                    Rule.IDENTIFIER_INVALID, true, at, false);
            decisions.add(decision);
            field.gaps.add(new FieldDraft.FieldGap(decision, new Yaml.Block()));
            return;
        }
        if (field.type == null) {
            boolean number = field.typeWhy != null && field.typeWhy.contains("JSON number");
            Decision decision = new Decision("type " + label, "the type of " + label, List.of(
                    (field.typeWhy == null ? "the contract and data-model.md do not settle it" : field.typeWhy) + ".",
                    number ? "type: float matches the contract today; a decimal column needs the contract to send a"
                            + " string with format: decimal (docs/model-yaml.md, Types)." : "Choose one of the types"
                            + " in docs/model-yaml.md whose OpenAPI form the contract uses."),
                    Rule.FIELD_TYPE_MISSING, true, at, number);
            decisions.add(decision);
            field.gaps.add(new FieldDraft.FieldGap(decision, number ? new Yaml.Block().put("type", Yaml.text("float"))
                    : new Yaml.Block()));
            field.precision = number ? null : field.precision;
            field.scale = number ? null : field.scale;
            return;
        }
        if ("decimal".equals(field.type) && (field.precision == null || field.scale == null)) {
            Decision decision = new Decision("precision " + label, "the precision and scale of " + label, List.of(
                    "a decimal is a NUMERIC(precision, scale) column, and neither the contract nor data-model.md"
                            + " gives its digits."), Rule.CONSTRAINT_CONTRADICTION, true, at, true);
            decisions.add(decision);
            field.gaps.add(new FieldDraft.FieldGap(decision, new Yaml.Block().put("precision", Yaml.text(12))
                    .put("scale", Yaml.text(2))));
        }
        if (field.defaultValue != null || field.nullable || field.generated != null) {
            return;
        }
        for (OpDraft op : ops) {
            if (!entity.name.equals(op.entity) || !op.live || !("create".equals(op.action) || "replace".equals(op.action))
                    || op.body.isEmpty()) {
                continue;
            }
            SchemaView body = op.body.get();
            Optional<YNode> property = Optional.ofNullable(body.properties().get(field.name));
            if (property.isEmpty() || body.required().contains(field.name)) {
                continue;
            }
            Object suggestion = field.values != null && !field.values.isEmpty() ? field.values.get(0)
                    : "boolean".equals(field.type) ? Boolean.FALSE : null;
            Decision decision = new Decision("default " + label, "the value of " + label + " when a create leaves it"
                    + " out", List.of(body.componentName().orElse("the body of " + op.label()) + " makes " + field.name
                    + " optional without a default, and " + field.name + " is not nullable.",
                    suggestion == null ? "Add default: VALUE, or nullable: true." : "The suggestion is "
                            + (field.values != null ? "its first value" : "false") + "; any valid value will do,"
                            + " or nullable: true."),
                    Rule.REQUIRED_MISMATCH, false, property.get().pointer(), suggestion != null);
            decisions.add(decision);
            field.gaps.add(new FieldDraft.FieldGap(decision, suggestion == null ? new Yaml.Block()
                    : new Yaml.Block().put("default", Yaml.text(suggestion))));
            return;
        }
    }
}
