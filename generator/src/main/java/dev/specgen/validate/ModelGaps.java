package dev.specgen.validate;

import dev.specgen.load.YMap;
import dev.specgen.load.YNode;
import dev.specgen.load.YamlLoader;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * The parts of model.yaml that break its schema, so that later checks skip only what needs them. A
 * schema error is widened to the smallest part the typed model can do without: a field, an entity, a
 * binding, one key of auth or service, or a whole top-level section. The rest of the file, with those
 * parts removed, still follows the schema and is checked as usual; a check that would otherwise
 * complain about a part's absence (an unknown field, an unbound operation) asks here first.
 */
public final class ModelGaps {
    /** Entity keys that nothing else depends on: an error there removes the key, not the entity. */
    private static final Set<String> LOOSE_ENTITY_KEYS = Set.of("description", "external", "unique", "indexes");

    private final YMap raw;
    private final Set<String> broken;

    private ModelGaps(YMap raw, Set<String> broken) {
        this.raw = raw;
        this.broken = broken;
    }

    public static ModelGaps none(YMap raw) {
        return new ModelGaps(raw, new TreeSet<>());
    }

    /**
     * Widens the JSON pointers of schema errors to the parts they make unusable. An unknown key at the
     * top or in an entity only goes itself; inside a field, binding or auth, a misspelt key (nulable,
     * primay_key) would change what the rest means, so the whole part goes.
     */
    static ModelGaps of(YMap raw, Iterable<String> errorPointers, Iterable<String> unknownKeys) {
        Set<String> broken = new TreeSet<>();
        for (String pointer : errorPointers) {
            broken.add(unitOf(pointer));
        }
        for (String pointer : unknownKeys) {
            boolean loose = pointer.matches("/[^/]+") || pointer.matches("/entities/[^/]+/[^/]+");
            broken.add(loose ? pointer : unitOf(pointer));
        }
        ModelGaps gaps = new ModelGaps(raw, broken);
        gaps.cascade();
        return gaps;
    }

    private static String unitOf(String pointer) {
        List<String> tokens = pointer.isEmpty() ? List.of() : List.of(pointer.substring(1).split("/", -1));
        if (tokens.isEmpty()) {
            return "";
        }
        String top = tokens.get(0);
        switch (top) {
            case "entities" -> {
                if (tokens.size() >= 4 && "fields".equals(tokens.get(2))) {
                    return join(tokens.subList(0, 4));
                }
                if (tokens.size() >= 3 && LOOSE_ENTITY_KEYS.contains(tokens.get(2))) {
                    return join(tokens.subList(0, 3));
                }
                return join(tokens.subList(0, Math.min(2, tokens.size())));
            }
            case "operations" -> {
                return join(tokens.subList(0, Math.min(2, tokens.size())));
            }
            case "auth", "service" -> {
                return join(tokens.subList(0, Math.min(2, tokens.size())));
            }
            default -> {
                return "/" + top;
            }
        }
    }

    private static String join(List<String> tokens) {
        return "/" + String.join("/", tokens);
    }

    /** An entity left without fields, or entities left empty, is broken as a whole. */
    private void cascade() {
        YMap entities = raw.map("entities").orElse(null);
        if (entities == null) {
            return;
        }
        Set<String> added = new TreeSet<>();
        int sound = 0;
        for (Map.Entry<String, YNode> entity : entities.entries().entrySet()) {
            String at = "/entities/" + YamlLoader.pointerToken(entity.getKey());
            if (broken.contains(at)) {
                continue;
            }
            Optional<YMap> fields = entity.getValue() instanceof YMap map ? map.map("fields") : Optional.empty();
            boolean anyField = fields.map(f -> f.entries().keySet().stream()
                    .anyMatch(name -> !broken.contains(at + "/fields/" + YamlLoader.pointerToken(name)))).orElse(true);
            if (anyField) {
                sound++;
            } else {
                added.add(at);
            }
        }
        broken.addAll(added);
        if (sound == 0 && !entities.entries().isEmpty()) {
            broken.add("/entities");
        }
    }

    public boolean isEmpty() {
        return broken.isEmpty();
    }

    /** True when nothing of the model can be checked: the file or its entities are unusable. */
    public boolean modelUnusable() {
        return broken.contains("") || broken.contains("/entities");
    }

    /** True when no binding can be checked: the operations section itself is unusable. */
    public boolean bindingsUnusable() {
        return modelUnusable() || broken.contains("/operations");
    }

    public boolean entityBroken(String entity) {
        return modelUnusable() || broken.contains("/entities/" + YamlLoader.pointerToken(entity));
    }

    /** The field exists in model.yaml but breaks the schema (or its entity does). */
    public boolean fieldBroken(String entity, String field) {
        return entityBroken(entity)
                || broken.contains("/entities/" + YamlLoader.pointerToken(entity) + "/fields/"
                        + YamlLoader.pointerToken(field));
    }

    public boolean bindingBroken(String operationId) {
        return bindingsUnusable() || broken.contains("/operations/" + YamlLoader.pointerToken(operationId));
    }

    /** Some part of auth breaks the schema: checks that read auth are skipped, whatever key they read. */
    public boolean authBroken() {
        return broken.stream().anyMatch(b -> b.equals("/auth") || b.startsWith("/auth/"));
    }

    /** Broken fields of a sound entity that say primary_key: true: they still count as its keys. */
    public long brokenPrimaryKeys(String entity) {
        return raw.map("entities").flatMap(e -> e.map(entity)).flatMap(e -> e.map("fields"))
                .map(fields -> fields.entries().entrySet().stream()
                        .filter(f -> fieldBroken(entity, f.getKey()))
                        .filter(f -> f.getValue() instanceof YMap map && map.flag("primary_key"))
                        .count())
                .orElse(0L);
    }

    /**
     * The model without its broken parts. Sections the typed model needs (auth, entities,
     * operations, service) stay present, empty when broken as a whole.
     */
    public YMap soundPart() {
        if (broken.isEmpty()) {
            return raw;
        }
        YMap pruned = (YMap) prune(raw);
        Map<String, YNode> entries = new LinkedHashMap<>(pruned.entries());
        Map<String, dev.specgen.load.Mark> keyMarks = new HashMap<>(pruned.keyMarks());
        for (String section : List.of("service", "auth", "entities", "operations")) {
            if (!(entries.get(section) instanceof YMap)) {
                entries.put(section, new YMap(raw.mark(), "/" + section, Map.of(), Map.of()));
            }
        }
        return new YMap(pruned.mark(), pruned.pointer(), entries, keyMarks);
    }

    private YNode prune(YNode node) {
        if (!(node instanceof YMap map)) {
            return node;
        }
        Map<String, YNode> entries = new LinkedHashMap<>();
        map.entries().forEach((key, child) -> {
            if (!broken.contains(child.pointer())) {
                entries.put(key, covers(child.pointer()) ? prune(child) : child);
            }
        });
        return new YMap(map.mark(), map.pointer(), entries, map.keyMarks());
    }

    /** True when some broken part lies strictly inside the node at this pointer. */
    private boolean covers(String pointer) {
        String prefix = pointer + "/";
        return broken.stream().anyMatch(b -> b.startsWith(prefix));
    }

    @Override
    public String toString() {
        return broken.toString();
    }
}
