package dev.specgen.draft;

import dev.specgen.contract.SchemaView;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Which entities there are and which operation acts on which. An entity is a table of data-model.md or
 * a component schema the contract answers rows of; the two are matched by name, by table name, or,
 * for a component named after its use (Profile), by its properties all being columns of one table.
 */
final class EntityCatalog {
    final Map<String, EntityDraft> entities = new LinkedHashMap<>();
    private final Map<String, String> byComponent = new LinkedHashMap<>();

    static EntityCatalog build(List<OpDraft> ops, Optional<DataModel> dataModel) {
        EntityCatalog catalog = new EntityCatalog();
        Map<String, SchemaView> components = new LinkedHashMap<>();
        for (OpDraft op : ops) {
            if (ActionInference.health(op) || "login".equals(AccountDrafts.action(op))) {
                continue; // a liveness answer, or a login's token, is no table
            }
            op.shape.component().ifPresent(c -> components.putIfAbsent(c, op.shape.row().orElseThrow()));
        }
        List<DataModel.Section> tables = dataModel.map(d -> d.sections().stream().filter(DataModel.Section::hasTable)
                .toList()).orElse(List.of());
        Map<DataModel.Section, String> matched = new LinkedHashMap<>();
        Map<String, String> how = new LinkedHashMap<>();
        for (String component : components.keySet()) {
            for (DataModel.Section section : tables) {
                if (!matched.containsKey(section) && sameName(component, section)) {
                    matched.put(section, component);
                    how.put(component, "name");
                    break;
                }
            }
        }
        for (Map.Entry<String, SchemaView> component : components.entrySet()) {
            if (how.containsKey(component.getKey())) {
                continue;
            }
            List<DataModel.Section> holders = tables.stream().filter(s -> !matched.containsKey(s))
                    .filter(s -> columnsOf(s).containsAll(component.getValue().properties().keySet())).toList();
            if (holders.size() == 1) {
                matched.put(holders.get(0), component.getKey());
                how.put(component.getKey(), "columns");
            }
        }
        // TaskResponse, TransactionOut, ConversationSummary: the table's row under its use; Statement for
        // BankStatement. A component several tables could be, or none, is left alone.
        for (String component : components.keySet()) {
            if (how.containsKey(component)) {
                continue;
            }
            String bare = Words.snake(component.replaceFirst("(?<=.)(Response|Out|Read|Public|Schema|Model|Item|Detail"
                    + "|Details|Dto|DTO|Resource|Record|Row|Summary|View|Data|WithMessages)$", ""));
            List<DataModel.Section> holders = tables.stream().filter(s -> !matched.containsKey(s))
                    .filter(s -> sameName(bare, s) || Words.snake(s.name()).endsWith("_" + bare)).toList();
            if (holders.size() == 1) {
                matched.put(holders.get(0), component);
                how.put(component, "use");
            }
        }
        for (DataModel.Section section : tables) {
            String component = matched.get(section);
            String name = component != null && "name".equals(how.get(component)) ? entityName(component)
                    : Words.pascal(section.name());
            EntityDraft entity = catalog.add(name, Optional.of(section));
            if (component != null) {
                entity.components.add(component);
                catalog.byComponent.put(component, name);
            }
        }
        for (String component : components.keySet()) {
            // Where data-model.md states the tables, a schema that is none of them is an answer's shape
            // (an envelope, a summary, a reply), not a table of its own.
            if (!catalog.byComponent.containsKey(component) && tables.isEmpty()) {
                EntityDraft entity = catalog.add(entityName(component), Optional.empty());
                entity.components.add(component);
                catalog.byComponent.put(component, entity.name);
            }
        }
        for (EntityDraft entity : catalog.entities.values()) {
            tableOf(entity);
        }
        catalog.assign(ops);
        return catalog;
    }

    private EntityDraft add(String name, Optional<DataModel.Section> section) {
        String unique = name;
        for (int i = 2; entities.containsKey(unique); i++) {
            unique = name + i;
        }
        EntityDraft entity = new EntityDraft(unique, section);
        entities.put(unique, entity);
        return entity;
    }

    Optional<EntityDraft> entity(String name) {
        return Optional.ofNullable(name == null ? null : entities.get(name));
    }

    Optional<EntityDraft> ofComponent(String component) {
        return Optional.ofNullable(byComponent.get(component)).map(entities::get);
    }

    /** The entity whose table (or name) a data-model foreign key names: "user.id", "categories.id". */
    Optional<EntityDraft> ofTable(String table) {
        for (EntityDraft entity : entities.values()) {
            if (entity.table.equals(table) || entity.name.equalsIgnoreCase(table)) {
                return Optional.of(entity);
            }
        }
        return Optional.empty();
    }

    private static boolean sameName(String component, DataModel.Section section) {
        String c = Words.snake(component);
        if (Words.singular(c).equals(Words.singular(Words.snake(section.name())))) {
            return true;
        }
        return c.equals(Words.snake(section.name())) || section.table().map(t -> t.equals(Words.plural(c))
                || t.equals(c) || Words.singular(t).equals(Words.singular(c))).orElse(false);
    }

    private static Set<String> columnsOf(DataModel.Section section) {
        Set<String> names = new TreeSet<>();
        section.columns().forEach(c -> {
            names.add(c.name());
            names.add(Words.snake(c.name()));
        });
        return names;
    }

    private static String entityName(String component) {
        return component.matches("[A-Z][A-Za-z0-9]*") ? component : Words.pascal(component);
    }

    private static void tableOf(EntityDraft entity) {
        Optional<String> declared = entity.section.flatMap(DataModel.Section::table);
        if (declared.isPresent() && Words.fieldName(declared.get())) {
            entity.table = declared.get();
            entity.tableWhy = null;
        } else {
            entity.table = Words.plural(Words.snake(entity.name));
            entity.tableWhy = "the plural of " + entity.name + (entity.section.isPresent()
                    ? " (data-model.md names no table)" : "");
        }
        entity.section.ifPresent(section -> {
            String notes = section.headingNotes().toLowerCase(Locale.ROOT);
            String prose = String.join(" ", section.prose()).toLowerCase(Locale.ROOT);
            if (notes.contains("owned by") || notes.contains("external") || prose.contains("creates and migrates")
                    || prose.contains("only reads it") || prose.matches(".*\\b(created|managed|owned|issued)"
                    + " (and managed )?by (the )?(better auth|auth service|neon auth|clerk|auth0|supabase auth"
                    + "|the frontend|another service|the auth).*")) {
                entity.external = true;
                entity.externalWhy = "data-model.md: " + (section.headingNotes().isEmpty()
                        ? "another service creates this table" : section.headingNotes());
            }
        });
    }

    /** Gives every operation its entity: by its response's rows, else by its neighbours on the path. */
    private void assign(List<OpDraft> ops) {
        for (OpDraft op : ops) {
            op.shape.component().flatMap(this::ofComponent).ifPresent(e -> {
                op.entity = e.name;
                op.entityWhy = null;
            });
        }
        for (OpDraft op : ops) {
            // Rows that are no entity's (a chat reply) have no entity, except a read under a collection
            // (GET /expenses/summary), which reads that collection's rows.
            if (op.entity != null || op.shape.kind() == Shape.Kind.OTHER && !"get".equals(op.method())) {
                continue;
            }
            for (String path = op.path(); path.length() > 1; path = parent(path)) {
                String at = path;
                List<String> found = new ArrayList<>(ops.stream().filter(o -> o.path().equals(at) && o.entity != null
                        && o.entityWhy == null).map(o -> o.entity).distinct().toList());
                if (found.size() == 1) {
                    op.entity = found.get(0);
                    op.entityWhy = at.equals(op.path()) ? "the other operations on " + at + " act on " + found.get(0)
                            : found.get(0) + " is what " + at + " lists";
                    break;
                }
            }
        }
    }

    private static String parent(String path) {
        int slash = path.replaceAll("/+$", "").lastIndexOf('/');
        return slash <= 0 ? "/" : path.substring(0, slash);
    }
}
