package dev.specgen.draft;

import dev.specgen.contract.Parameter;
import dev.specgen.diagnostics.Rule;
import dev.specgen.load.YamlLoader;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a binding's path and row-level keys mean: each path parameter (the caller, the primary key, the
 * foreign key to a parent), the boolean a toggle flips, and the indexes a list's reads call for.
 */
final class PathInference {
    private static final Set<String> ITEM_ACTIONS = Set.of("get", "update", "replace", "delete", "toggle", "set");
    private static final Pattern BACKTICKED = Pattern.compile("`([a-z_][a-z0-9_]*)`");

    private final EntityCatalog catalog;
    /** Subject parameters already explained in a comment: said once, not on every binding. */
    private final Set<String> explained = new HashSet<>();

    PathInference(EntityCatalog catalog) {
        this.catalog = catalog;
    }

    /** Each path parameter: the caller, the row's primary key, or the foreign key to its parent. */
    void path(OpDraft op, EntityDraft entity, String action, Yaml.Block binding, List<Decision> decisions) {
        List<String> names = op.operation.templateNames();
        if (names.isEmpty()) {
            return;
        }
        Map<String, Object> path = new LinkedHashMap<>();
        List<String> why = new ArrayList<>();
        List<String> subjects = OwnerInference.subjectParams(op).stream().map(Parameter::name).toList();
        String last = names.get(names.size() - 1);
        String key = entity.primaryKey().map(f -> f.name).orElse(null);
        for (String name : names) {
            if (subjects.contains(name) && !(name.equals(last) && isItem(action)
                    && entity.field(name).filter(f -> f.primaryKey).isPresent())) {
                path.put(name, "subject");
                if (explained.add(name)) {
                    why.add(name + " names the caller (subject)");
                }
            } else if (name.equals(last) && isItem(action) && key != null && Words.fieldName(key)) {
                path.put(name, key);
            } else if (entity.field(name).filter(f -> f.fkEntity != null && Words.fieldName(f.name)).isPresent()) {
                path.put(name, name);
                indexFor(op, entity.fields.get(name), action);
            } else {
                Optional<String> parent = parentKey(op, entity, name);
                if (parent.isPresent()) {
                    path.put(name, parent.get());
                    indexFor(op, entity.fields.get(parent.get()), action);
                } else if (decisions != null) {
                    Parameter parameter = op.operation.parametersIn("path").stream()
                            .filter(p -> p.name().equals(name)).findFirst().orElse(null);
                    String reason = key != null && !Words.fieldName(key) && name.equals(last)
                            ? "it selects by " + entity.name + "." + key + ", which cannot be a field name yet (see"
                                    + " the DECIDE on it)."
                            : "it is neither the caller, nor " + entity.name + "'s primary key, nor a foreign key of"
                                    + " it. Bind it to subject or to a field of " + entity.name + ".";
                    Decision decision = new Decision("path " + op.key() + " " + name, "what {" + name + "} of "
                            + op.label() + " stands for", List.of(reason), Rule.PATH_PARAM_UNBOUND, false,
                            parameter == null ? op.pointer() : parameter.site().pointer(), false);
                    decisions.add(decision);
                    binding.gap(decision, new Yaml.Block(), true);
                }
            }
        }
        if (!path.isEmpty()) {
            binding.put("path", Yaml.flowMap(path), why.isEmpty() ? null : String.join("; ", why));
        }
    }

    /**
     * A list that filters within one owner's (or one parent's) rows reads by both: an index on the pair,
     * unless data-model.md lists the entity's indexes itself.
     */
    void index(OpDraft op, EntityDraft entity, List<String> filtered) {
        boolean declared = entity.prose.map(p -> !p.groups("index").isEmpty()).orElse(false);
        if (declared || filtered.isEmpty()) {
            return;
        }
        String scope = op.operation.templateNames().stream().map(n -> entity.fields.get(n))
                .filter(f -> f != null && f.fkEntity != null).map(f -> f.name).findFirst().orElse(entity.likelyOwner);
        String first = filtered.get(0);
        if (scope == null || scope.equals(first)) {
            return;
        }
        List<String> pair = List.of(scope, first);
        if (entity.indexes.stream().noneMatch(g -> g.fields().equals(pair))) {
            entity.indexes.add(new EntityDraft.Group(pair, op.key() + " filters on " + first + " within one "
                    + scope));
        }
    }

    /** A foreign key a nested list reads by is worth an index. */
    private static void indexFor(OpDraft op, FieldDraft field, String action) {
        if ("list".equals(action) && !field.index) {
            field.index = true;
            field.indexWhy = op.key() + " lists by it";
        }
    }

    private static boolean isItem(String action) {
        return action != null && ITEM_ACTIONS.contains(action);
    }

    /** {id} under /projects/{id}/tasks: the foreign key of Task that refers to what /projects lists. */
    private Optional<String> parentKey(OpDraft op, EntityDraft entity, String name) {
        List<String> segments = op.segments();
        int at = segments.indexOf("{" + name + "}");
        if (at < 1) {
            return Optional.empty();
        }
        String collection = segments.get(at - 1);
        for (FieldDraft field : entity.fields.values()) {
            Optional<EntityDraft> parent = catalog.entity(field.fkEntity);
            if (parent.isPresent() && (parent.get().table.equals(collection) || Words.singular(collection)
                    .equals(Words.snake(parent.get().name)))) {
                return Optional.of(field.name);
            }
        }
        return Optional.empty();
    }

    /** The boolean a toggle flips: named in its text, or its path's last word (complete: completed). */
    void toggle(OpDraft op, EntityDraft entity, Yaml.Block binding, List<Decision> decisions) {
        List<String> booleans = entity.fields.values().stream().filter(f -> "boolean".equals(f.type) && !f.nullable)
                .map(f -> f.name).toList();
        Matcher m = BACKTICKED.matcher(op.text());
        while (m.find()) {
            if (booleans.contains(m.group(1))) {
                binding.put("field", Yaml.text(m.group(1)), "named in the operation's description");
                return;
            }
        }
        String word = op.lastWord().toLowerCase(Locale.ROOT);
        List<String> stems = booleans.stream().filter(b -> b.startsWith(word) || word.startsWith(b)).toList();
        if (stems.size() == 1) {
            binding.put("field", Yaml.text(stems.get(0)), "the path ends in /" + op.lastWord());
        } else if (booleans.size() == 1) {
            binding.put("field", Yaml.text(booleans.get(0)), "the only boolean of " + entity.name);
        } else if (decisions != null) {
            Decision decision = new Decision("toggle " + op.key(), "which boolean " + op.label() + " flips",
                    List.of(entity.name + " has " + (booleans.isEmpty() ? "no boolean field" : "the booleans "
                            + String.join(", ", booleans)) + " and the contract names none."), Rule.ACTION_SHAPE,
                    true, "/operations/" + YamlLoader.pointerToken(op.key()) + "/action", false);
            decisions.add(decision);
            binding.gap(decision, new Yaml.Block(), true);
        }
    }
}
