package dev.specgen.draft;

import dev.specgen.modeldoc.FieldType;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Keys and server-set values across entities: the primary key, what the server generates, foreign keys
 * and what deleting a parent does, and composite indexes and unique constraints. Each is read from
 * data-model.md when it says so, else from what the contract shows: a field in every response and no
 * request body is set by the server; project_id beside a Project entity refers to it.
 */
final class KeyInference {
    private static final Pattern CREATED = Pattern.compile("(created|added|inserted|submitted)(_at|_on)?");
    private static final Pattern UPDATED = Pattern.compile("(updated|modified|changed|edited)(_at|_on)?");

    private final EntityCatalog catalog;
    private final List<OpDraft> ops;

    KeyInference(EntityCatalog catalog, List<OpDraft> ops) {
        this.catalog = catalog;
        this.ops = ops;
    }

    void infer() {
        for (EntityDraft entity : catalog.entities.values()) {
            primaryKey(entity);
            generated(entity);
        }
        for (EntityDraft entity : catalog.entities.values()) {
            for (FieldDraft field : entity.fields.values()) {
                foreignKey(entity, field);
            }
            groups(entity);
        }
    }

    private void primaryKey(EntityDraft entity) {
        if (entity.primaryKey().isPresent()) {
            return;
        }
        Optional<FieldDraft> id = entity.field("id").filter(f -> f.type != null);
        if (id.isPresent()) {
            id.get().primaryKey = true;
            id.get().primaryKeyWhy = "named id";
            return;
        }
        for (OpDraft op : ops) {
            List<String> names = op.operation.templateNames();
            if (entity.name.equals(op.entity) && op.itemPath() && !names.isEmpty()) {
                Optional<FieldDraft> key = entity.field(names.get(names.size() - 1)).filter(f -> f.type != null);
                if (key.isPresent()) {
                    key.get().primaryKey = true;
                    key.get().primaryKeyWhy = "{" + key.get().name + "} in " + op.path() + " picks one " + entity.name;
                    return;
                }
            }
        }
    }

    private void generated(EntityDraft entity) {
        boolean hasBodies = !entity.creates.isEmpty() || !entity.updates.isEmpty();
        for (FieldDraft field : entity.fields.values()) {
            if (field.generated != null || field.inRequests || !field.inContract || field.type == null) {
                continue;
            }
            if (field.primaryKey && "uuid".equals(field.type)) {
                field.generated = "uuid";
                field.generatedWhy = why(hasBodies, "a uuid4 the server assigns");
            } else if (field.primaryKey && field.integral()) {
                field.generated = "increment";
                field.generatedWhy = why(hasBodies, "the database numbers rows");
            } else if ("datetime".equals(field.type) && !field.nullable && CREATED.matcher(field.name).matches()) {
                field.generated = "created";
                field.generatedWhy = why(hasBodies, "stamped at insert");
            } else if ("datetime".equals(field.type) && !field.nullable && UPDATED.matcher(field.name).matches()) {
                field.generated = "updated";
                field.generatedWhy = why(hasBodies, "stamped at insert and every change");
            }
        }
    }

    private static String why(boolean hasBodies, String what) {
        return (hasBodies ? "in responses, in no request body: " : "") + what;
    }

    private void foreignKey(EntityDraft entity, FieldDraft field) {
        Optional<ColumnNotes> col = entity.section.flatMap(s -> s.columns().stream()
                .filter(c -> c.name().equals(field.name) || c.name().equals(field.column)).findFirst())
                .map(ColumnNotes::new);
        if (col.flatMap(c -> c.foreignKey).isPresent()) {
            ColumnNotes.ForeignKey fk = col.get().foreignKey.get();
            Optional<EntityDraft> target = catalog.ofTable(fk.table());
            if (target.isEmpty()) {
                field.notes.add("foreign key to " + fk.table() + "." + fk.field()
                        + ", a table neither data-model.md nor the contract describes");
                return;
            }
            String targetField = target.get().fields.values().stream()
                    .filter(f -> f.name.equals(fk.field()) || fk.field().equals(f.column)).map(f -> f.name)
                    .findFirst().or(() -> fk.named() ? Optional.empty() : target.get().primaryKey().map(f -> f.name))
                    .orElse(fk.field()); // "FK → User" names no column: User's primary key
            field.fkEntity = target.get().name;
            field.fkField = targetField;
            field.onDelete = fk.onDelete().map(d -> d.replace(' ', '_').toLowerCase(Locale.ROOT)).orElse(null);
            field.fkWhy = "data-model.md";
            FieldDraft key = target.get().fields.get(targetField);
            if (key != null && key.type != null && !key.type.equals(field.type) && !field.inContract) {
                // A reference holds what it refers to: the key's type, as the contract (the law) types it.
                field.type = key.type;
                field.maxLength = key.maxLength;
                field.typeWhy = "the type of " + target.get().name + "." + targetField + ", which it refers to";
            }
            return;
        }
        if (col.map(c -> c.noForeignKey).orElse(false) || field.primaryKey || !field.name.endsWith("_id")
                || field.type == null) {
            return;
        }
        String stem = field.name.substring(0, field.name.length() - 3);
        Optional<EntityDraft> target = catalog.entities.values().stream()
                .filter(e -> e != entity && (Words.snake(e.name).equals(stem) || e.table.equals(Words.plural(stem))))
                .findFirst();
        if (target.isEmpty()) {
            return;
        }
        Optional<FieldDraft> key = target.get().primaryKey();
        if (key.isEmpty() || key.get().type == null || !compatible(key.get().type, field.type)) {
            return;
        }
        field.fkEntity = target.get().name;
        field.fkField = key.get().name;
        field.fkWhy = "named after " + target.get().name;
        onDelete(entity, field, target.get());
    }

    static boolean compatible(String a, String b) {
        FieldType x = FieldType.of(a);
        FieldType y = FieldType.of(b);
        return x == y || x.isIntegral() && y.isIntegral() || x.hasLength() && y.hasLength();
    }

    /**
     * What deleting the parent does, when the contract shows it: the parent's delete mentions the
     * children ("Delete a project and its tasks"), or declares no 409 for a child that cannot be null.
     */
    private void onDelete(EntityDraft child, FieldDraft field, EntityDraft parent) {
        for (OpDraft op : ops) {
            if (!"delete".equals(op.action) || !parent.name.equals(op.entity)) {
                continue;
            }
            String text = op.lowerText() + " " + op.operation.responses().flatMap(r -> r.map("204"))
                    .flatMap(r -> r.text("description")).orElse("").toLowerCase(Locale.ROOT);
            String plural = Words.plural(Words.snake(child.name)).replace('_', ' ');
            String table = child.table.replace('_', ' ');
            if (text.contains(plural) || text.contains(table)) {
                field.onDelete = "cascade";
                field.fkWhy = op.label() + " says its " + (text.contains(plural) ? plural : table) + " go too";
            } else if (!op.operation.declaresStatus("409") && !field.nullable) {
                field.onDelete = "cascade";
                field.fkWhy = op.label() + " declares no 409, so it cannot refuse while " + plural + " remain";
            }
            return;
        }
    }

    /** "Index on (a, b)" and "unique per user" from data-model.md. */
    private void groups(EntityDraft entity) {
        entity.prose.ifPresent(prose -> {
            prose.groups("index").forEach(f -> entity.indexes.add(new EntityDraft.Group(f.value(), "data-model.md")));
            prose.groups("unique").forEach(f -> entity.uniques.add(new EntityDraft.Group(f.value(), "data-model.md")));
        });
        entity.section.ifPresent(section -> section.columns().forEach(c -> {
            ColumnNotes notes = new ColumnNotes(c);
            notes.uniquePer.ifPresent(per -> {
                String name = Words.snake(c.name());
                Optional<String> scope = entity.fields.keySet().stream()
                        .filter(f -> f.equals(per + "_id") || f.equals(per)).findFirst();
                scope.ifPresentOrElse(s -> entity.uniques.add(new EntityDraft.Group(List.of(s, name),
                        "data-model.md: " + name + " is unique per " + per)), () -> entity.fields.get(name).notes
                        .add("unique per " + per + ", and no field names the " + per));
            });
        }));
    }
}
