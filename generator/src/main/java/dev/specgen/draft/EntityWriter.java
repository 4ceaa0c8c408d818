package dev.specgen.draft;

import java.util.ArrayList;
import java.util.List;

/** Writes the inferred entities as model.yaml's entities section, comments and decisions in place. */
final class EntityWriter {
    private EntityWriter() {
    }

    static Yaml.Block entities(EntityCatalog catalog) {
        Yaml.Block entities = new Yaml.Block();
        boolean first = true;
        for (EntityDraft entity : catalog.entities.values()) {
            Yaml.Block block = entity(entity);
            if (first) {
                entities.put(entity.name, block);
            } else {
                entities.spaced(entity.name, block, null);
            }
            first = false;
        }
        return entities;
    }

    private static Yaml.Block entity(EntityDraft entity) {
        Yaml.Block block = new Yaml.Block();
        if (entity.ownership != null) {
            block.gap(entity.ownership, entity.ownershipSuggestion, true);
        }
        block.put("table", Yaml.text(entity.table), entity.tableWhy);
        if (entity.external) {
            block.put("external", Yaml.text(true), entity.externalWhy);
        }
        Yaml.Block fields = new Yaml.Block();
        for (FieldDraft field : entity.fields.values()) {
            if (field.onlyWith != null) {
                fields.gap(field.onlyWith, new Yaml.Block().put(field.name, field(field)), false);
            } else {
                fields.put(field.name, field(field));
            }
        }
        block.put("fields", fields, fieldSources(entity));
        groups(block, "unique", entity.uniques);
        groups(block, "indexes", entity.indexes);
        return block;
    }

    private static String fieldSources(EntityDraft entity) {
        List<String> sources = new ArrayList<>();
        if (!entity.components.isEmpty()) {
            sources.add("schemas " + String.join(", ", entity.components));
        }
        entity.section.ifPresent(s -> sources.add("data-model.md"));
        return sources.isEmpty() ? null : "from " + String.join(" and ", sources);
    }

    private static void groups(Yaml.Block block, String key, List<EntityDraft.Group> groups) {
        if (groups.isEmpty()) {
            return;
        }
        List<String> items = new ArrayList<>();
        for (EntityDraft.Group group : groups) {
            String item = Yaml.flowList(group.fields()).yaml();
            if (!items.contains(item)) {
                items.add(item);
            }
        }
        block.put(key, new Yaml.Seq(items), groups.get(0).why());
    }

    static Yaml.Block field(FieldDraft f) {
        Yaml.Block block = new Yaml.Block();
        if (!f.notes.isEmpty()) {
            block.note("data-model.md: " + String.join(", ", f.notes));
        }
        if (f.type != null) {
            block.put("type", Yaml.text(f.type), f.typeWhy);
        }
        if (f.column != null) {
            block.put("column", Yaml.text(f.column), "the SQL column, as data-model.md spells it");
        }
        if (f.nullable) {
            block.put("nullable", Yaml.text(true), f.nullableWhy);
        }
        if (f.primaryKey) {
            block.put("primary_key", Yaml.text(true), f.primaryKeyWhy);
        }
        if (f.generated != null) {
            block.put("generated", Yaml.text(f.generated), f.generatedWhy);
        }
        if (f.defaultValue != null) {
            block.put("default", Yaml.text(f.defaultValue), f.defaultWhy);
        }
        if (f.readOnly) {
            block.put("read_only", Yaml.text(true), f.readOnlyWhy);
        }
        put(block, "min_length", f.minLength, null);
        put(block, "max_length", f.maxLength, f.maxLengthWhy);
        put(block, "minimum", f.minimum, null);
        put(block, "maximum", f.maximum, null);
        put(block, "pattern", f.pattern, null);
        if (f.values != null) {
            block.put("values", Yaml.flowList(f.values));
        }
        put(block, "precision", f.precision, null);
        put(block, "scale", f.scale, null);
        if (f.unique) {
            block.put("unique", Yaml.text(true), f.uniqueWhy);
        }
        if (f.index) {
            block.put("index", Yaml.text(true), f.indexWhy);
        }
        if (f.fkEntity != null) {
            Yaml.Block fk = new Yaml.Block().put("entity", Yaml.text(f.fkEntity)).put("field", Yaml.text(f.fkField));
            if (f.onDelete != null) {
                fk.put("on_delete", Yaml.text(f.onDelete));
            }
            block.put("foreign_key", fk, f.fkWhy);
        }
        for (FieldDraft.FieldGap gap : f.gaps) {
            block.gap(gap.decision(), gap.suggestion(), true);
        }
        return block;
    }

    private static void put(Yaml.Block block, String key, Object value, String why) {
        if (value != null) {
            block.put(key, Yaml.text(value), why);
        }
    }
}
