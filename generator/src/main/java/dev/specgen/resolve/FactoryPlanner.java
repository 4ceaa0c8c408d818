package dev.specgen.resolve;

import dev.specgen.load.YMap;
import dev.specgen.load.YScalar;
import dev.specgen.modeldoc.EntityDoc;
import dev.specgen.modeldoc.FieldDoc;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Plans the test factory of one entity: a function that inserts a row straight into the database,
 * so every route can be tested whatever operations the contract has. Parents are made first by
 * their own factories, for the same user; a nullable foreign key that closes a loop of references
 * stays empty, as nothing could be inserted first otherwise.
 */
final class FactoryPlanner {
    private final Map<String, EntityDoc> entities;
    private final EntityDoc entity;
    private final String userIdType;
    private final Optional<String> softDeleteField;

    FactoryPlanner(Map<String, EntityDoc> entities, EntityDoc entity, String userIdType) {
        this(entities, entity, userIdType, Optional.empty());
    }

    /** With the field a soft delete marks: a made row is a live one, so that field stays empty. */
    FactoryPlanner(Map<String, EntityDoc> entities, EntityDoc entity, String userIdType, Optional<String> softDeleteField) {
        this.entities = entities;
        this.entity = entity;
        this.userIdType = userIdType;
        this.softDeleteField = softDeleteField;
    }

    static String factoryName(EntityDoc entity) {
        return "make_" + Names.snake(entity.name());
    }

    /** The variable holding the parent row a foreign key names; distinct per field name. */
    static String parentVariable(String field) {
        return "parent_" + field;
    }

    TestModel.Factory plan() {
        List<String> parentLines = new ArrayList<>();
        List<String> values = new ArrayList<>();
        Map<String, String> renames = new LinkedHashMap<>();
        Set<String> distinct = distinctFields(entity);
        for (FieldDoc field : entity.fields().values()) {
            String attribute = Names.attribute(field.name());
            if (!attribute.equals(field.name()) || !field.column().equals(field.name())) {
                renames.put(attribute, field.name());
            }
            if (field.generated().isPresent() || softDeleteField.filter(field.name()::equals).isPresent()) {
                continue;
            }
            String value;
            if (entity.ownerField().filter(field.name()::equals).isPresent()) {
                value = "int".equals(userIdType) ? "int(user.id)" : "user.id";
            } else if (field.foreignKey().isPresent()) {
                YMap fk = field.foreignKey().get();
                EntityDoc parent = entities.get(fk.text("entity").orElseThrow());
                if (field.nullable() && closesLoop(parent)) {
                    value = "None";
                } else {
                    String variable = parentVariable(field.name());
                    parentLines.add(variable + " = parents.get(" + PyLiteral.str(field.name()) + ") or "
                            + factoryName(parent) + "(client, user, n)");
                    value = variable + "[" + PyLiteral.str(fk.text("field").orElseThrow()) + "]";
                }
            } else {
                value = SampleValues.of(field, entity.name() + "." + field.name(), "n", distinct.contains(field.name()));
            }
            values.add(PyLiteral.str(attribute) + ": " + value);
        }
        String renamesLiteral = renames.isEmpty() ? null : renames.entrySet().stream()
                .map(e -> PyLiteral.str(e.getKey()) + ": " + PyLiteral.str(e.getValue()))
                .collect(java.util.stream.Collectors.joining(", ", "{", "}"));
        return new TestModel.Factory(factoryName(entity), entity.name(), parentLines, values, renamesLiteral,
                // No name in the reason: the line that carries it stays within ruff's line length.
                seedable() ? null : "each row needs another one first, in a loop of non-nullable foreign keys");
    }

    /** Fields whose values must differ between rows: keys, unique ones and members of unique groups. */
    static Set<String> distinctFields(EntityDoc entity) {
        Set<String> names = new HashSet<>();
        entity.fields().values().stream().filter(f -> f.unique() || f.primaryKey()).forEach(f -> names.add(f.name()));
        for (List<YScalar> group : entity.groups("unique")) {
            group.forEach(name -> names.add(name.text()));
        }
        return names;
    }

    /** Whether the parent's factory would, through references, come back to this entity. */
    private boolean closesLoop(EntityDoc parent) {
        Deque<EntityDoc> pending = new ArrayDeque<>(List.of(parent));
        Set<String> seen = new HashSet<>();
        while (!pending.isEmpty()) {
            EntityDoc current = pending.pop();
            if (current.name().equals(entity.name())) {
                return true;
            }
            if (seen.add(current.name())) {
                parentsOf(current, false).forEach(pending::push);
            }
        }
        return false;
    }

    /** The entities a factory makes first: all referenced ones, or only those it follows. */
    private List<EntityDoc> parentsOf(EntityDoc current, boolean onlyFollowed) {
        List<EntityDoc> parents = new ArrayList<>();
        for (FieldDoc field : current.fields().values()) {
            Optional<EntityDoc> next = field.foreignKey().flatMap(fk -> fk.text("entity")).map(entities::get);
            if (next.isPresent() && !(onlyFollowed && field.nullable()
                    && new FactoryPlanner(entities, current, userIdType).closesLoop(next.get()))) {
                parents.add(next.get());
            }
        }
        return parents;
    }

    /** The factory ends: the references factories follow from here never loop. */
    private boolean seedable() {
        return !loops(entity, new HashSet<>(), new HashSet<>());
    }

    private boolean loops(EntityDoc current, Set<String> onPath, Set<String> done) {
        if (done.contains(current.name())) {
            return false;
        }
        if (!onPath.add(current.name())) {
            return true;
        }
        for (EntityDoc parent : parentsOf(current, true)) {
            if (loops(parent, onPath, done)) {
                return true;
            }
        }
        onPath.remove(current.name());
        done.add(current.name());
        return false;
    }
}
