package dev.specgen.draft;

import dev.specgen.contract.Contract;
import dev.specgen.contract.Parameter;
import dev.specgen.diagnostics.Rule;
import dev.specgen.load.YamlLoader;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The operations section: one binding per operation of the contract, keyed as validate expects. An
 * operation this specgen can serve gets a live binding; one it cannot serve yet (a response envelope,
 * /me, an aggregate, hand-written code) gets its binding written out as a commented suggestion, and is
 * left unbound so that validate blocks on it.
 */
final class Bindings {
    private static final Set<String> ITEM_ACTIONS = Set.of("get", "update", "replace", "delete", "toggle", "set");
    private static final Pattern BACKTICKED = Pattern.compile("`([a-z_][a-z0-9_]*)`");

    private final Contract contract;
    private final Capabilities capabilities;
    private final EntityCatalog catalog;
    private final List<OpDraft> ops;
    /** Subject parameters already explained in a comment: said once, not on every binding. */
    private final java.util.Set<String> explained = new java.util.HashSet<>();

    Bindings(Contract contract, Capabilities capabilities, EntityCatalog catalog, List<OpDraft> ops) {
        this.contract = contract;
        this.capabilities = capabilities;
        this.catalog = catalog;
        this.ops = ops;
    }

    Yaml.Block block(List<Decision> decisions) {
        Yaml.Block operations = new Yaml.Block();
        for (OpDraft op : ops) {
            bind(op, operations, decisions);
        }
        return operations;
    }

    private void bind(OpDraft op, Yaml.Block operations, List<Decision> decisions) {
        String action = op.action != null ? op.action : op.pendingAction;
        List<Decision> local = new ArrayList<>();
        List<String> missing = new ArrayList<>();
        Yaml.Block binding = binding(op, action, local, missing);
        if (missing.isEmpty() && op.action != null) {
            op.live = true;
            decisions.addAll(local);
            operations.put(op.key(), binding, route(op));
            return;
        }
        if (op.action == null && op.pendingAction == null) {
            decisions.addAll(local); // an action to choose: the rest of the binding stands
            operations.put(op.key(), binding, route(op));
            return;
        }
        missing.clear();
        binding = binding(op, action, null, missing);
        Decision decision = new Decision("operation " + op.key(), "how to serve " + op.label(), List.of(
                why(op, action), "It needs " + and(missing.stream().distinct().toList())
                        + ", which this specgen cannot generate yet (docs/design-v2.md); until then it stays unbound"
                        + " and blocks. The binding it will take:"),
                Rule.OPERATION_UNBOUND, false, op.pointer(), false);
        decisions.add(decision);
        operations.gap(decision, new Yaml.Block().put(op.key(), binding, route(op)), true);
    }

    /** "GET /projects/{project_id}" beside a binding keyed by operationId, so the route is in sight. */
    private static String route(OpDraft op) {
        return op.operation.operationId().isPresent() ? op.operation.methodPath() : null;
    }

    /** The binding's keys; decisions is null for a binding written only as a commented suggestion. */
    private Yaml.Block binding(OpDraft op, String action, List<Decision> decisions, List<String> missing) {
        Optional<EntityDraft> entity = catalog.entity(op.entity);
        if (action != null && !capabilities.action(action)) {
            missing.add("action " + action);
        }
        Yaml.Block binding = new Yaml.Block();
        entity.filter(e -> !"health".equals(action)).ifPresent(e -> binding.put("entity", Yaml.text(e.name),
                op.entityWhy));
        if (action != null) {
            binding.put("action", Yaml.text(action), op.actionWhy);
        } else if (decisions != null) {
            Decision decision = new Decision("action " + op.key(), "what " + op.label() + " does", List.of(
                    "its method, path and bodies fit no action unambiguously.", "Actions: list, get, create, update"
                            + " (partial change), replace (full change), delete, toggle (field:), set (values:)."),
                    Rule.MODEL_SCHEMA, true, "/operations/" + YamlLoader.pointerToken(op.key()), false);
            decisions.add(decision);
            binding.gap(decision, new Yaml.Block(), true);
        }
        if (!op.secured() && !"health".equals(action)) {
            binding.put("auth", Yaml.text("public"), "the contract declares no security");
        }
        if (entity.isPresent()) {
            path(op, entity.get(), action, binding, decisions);
        } else {
            Map<String, Object> subjects = new LinkedHashMap<>();
            OwnerInference.subjectParams(op).forEach(p -> subjects.put(p.name(), "subject"));
            if (!subjects.isEmpty()) {
                binding.put("path", Yaml.flowMap(subjects), null);
            }
        }
        if ("aggregate".equals(action) && entity.isPresent()) {
            missing.addAll(new ListOptions(contract, capabilities, op, entity.get()).aggregate(binding));
        }
        if ("toggle".equals(action) && entity.isPresent()) {
            toggle(op, entity.get(), binding, decisions);
        }
        if ("list".equals(action) && entity.isPresent()) {
            ListOptions options = new ListOptions(contract, capabilities, op, entity.get());
            missing.addAll(options.write(binding, decisions));
            if (decisions != null) {
                index(op, entity.get(), binding, options.filtered);
            }
        }
        if (!op.shape.rowsAt().isEmpty() && op.shape.kind() != Shape.Kind.PAGE) {
            binding.put("response", Yaml.flowMap(envelope(op)), "the contract's envelope");
            if (!capabilities.bindingKey("response")) {
                missing.add("a response envelope");
            }
        }
        return binding;
    }

    /** "a, b and c". */
    static String and(List<String> items) {
        if (items.size() <= 1) {
            return String.join("", items);
        }
        return String.join(", ", items.subList(0, items.size() - 1)) + " and " + items.get(items.size() - 1);
    }

    private static String why(OpDraft op, String action) {
        if ("handwritten".equals(action)) {
            return "no entity's row goes in or out of it: it is code only you can write, which specgen would wrap"
                    + " with its auth, path checks, typed bodies and error shapes.";
        }
        if ("aggregate".equals(action)) {
            return "it answers rows that are no entity's: counts or sums over the caller's rows.";
        }
        if ("me".equals(action)) {
            return "it answers the caller's own " + op.entity + " and names none in its path.";
        }
        return "it answers " + (op.shape.many() ? "rows" : "a row") + " of " + op.entity + " inside {"
                + String.join(", ", envelopeNames(op)) + "}.";
    }

    private static List<String> envelopeNames(OpDraft op) {
        List<String> names = new ArrayList<>();
        names.add(op.shape.rowsAt());
        names.addAll(op.shape.others());
        return names;
    }

    /** {rows: data, total: meta.total}: which member of the contract's envelope holds what. */
    private static Map<String, Object> envelope(OpDraft op) {
        Map<String, Object> response = new LinkedHashMap<>();
        response.put(op.shape.many() ? "rows" : "row", op.shape.rowsAt());
        for (String other : op.shape.others()) {
            String last = other.substring(other.lastIndexOf('.') + 1);
            String source = switch (last) {
                case "total", "count", "total_count", "totalCount" -> "total";
                case "page" -> "page";
                case "page_size", "per_page", "pageSize", "size" -> "page_size";
                case "limit" -> "limit";
                case "offset" -> "offset";
                default -> null;
            };
            if (source != null) {
                response.put(source, other);
            }
        }
        return response;
    }

    /** Each path parameter: the caller, the row's primary key, or the foreign key to its parent. */
    private void path(OpDraft op, EntityDraft entity, String action, Yaml.Block binding, List<Decision> decisions) {
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
    private void index(OpDraft op, EntityDraft entity, Yaml.Block binding, List<String> filtered) {
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
    private void toggle(OpDraft op, EntityDraft entity, Yaml.Block binding, List<Decision> decisions) {
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
