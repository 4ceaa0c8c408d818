package dev.specgen.draft;

import dev.specgen.contract.Contract;
import dev.specgen.diagnostics.Rule;
import dev.specgen.load.YamlLoader;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The operations section: one binding per operation of the contract, keyed as validate expects. An
 * operation this specgen can serve gets a live binding; one it cannot serve yet (a response envelope,
 * /me, an aggregate, hand-written code) gets its binding written out as a commented suggestion, and is
 * left unbound so that validate blocks on it.
 */
final class Bindings {

    private final Contract contract;
    private final Capabilities capabilities;
    private final EntityCatalog catalog;
    private final List<OpDraft> ops;
    private final PathInference paths;

    Bindings(Contract contract, Capabilities capabilities, EntityCatalog catalog, List<OpDraft> ops) {
        this.contract = contract;
        this.capabilities = capabilities;
        this.catalog = catalog;
        this.ops = ops;
        this.paths = new PathInference(catalog);
    }

    Yaml.Block block(List<Decision> decisions) {
        Yaml.Block operations = new Yaml.Block();
        for (OpDraft op : ops) {
            bind(op, operations, decisions);
        }
        return operations;
    }

    private void bind(OpDraft op, Yaml.Block operations, List<Decision> decisions) {
        lacking(op);
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
            // No action fits: the door is the suggestion, as it serves anything the contract declares.
            Decision decision = new Decision("action " + op.key(), "what " + op.label() + " does", List.of(
                    "its method, path and bodies fit no action unambiguously. Actions: list, get, create, update"
                            + " (partial change), replace (full change), delete, toggle (field:), set (values:);"
                            + " the suggestion is the hand-written door (action: handwritten), code you write behind"
                            + " generated auth and typed bodies."),
                    Rule.MODEL_SCHEMA, true, "/operations/" + YamlLoader.pointerToken(op.key()), true);
            decisions.add(decision);
            operations.gap(decision, new Yaml.Block().put(op.key(), door(op), route(op)), true);
            return;
        }
        missing.clear();
        Yaml.Block proposed = binding(op, action, null, missing);
        if (!capabilities.action(action)) {
            missing.add("action " + action);
        }
        // An aggregate over a collection that found what to group or measure: the one pending action
        // this specgen now has. Anything else waits behind the door.
        String shown = Yaml.render(proposed, java.util.Set.of());
        boolean serves = missing.isEmpty() && "aggregate".equals(action) && !op.itemPath()
                && (shown.contains("group_by:") || shown.contains("measures:"));
        Decision decision = new Decision("operation " + op.key(), "how to serve " + op.label(), List.of(
                why(op, action), serves ? "The suggestion is the binding specgen would give it; check its keys"
                        + " against what the contract answers, or bind it as action: handwritten."
                        : "It needs " + and(missing.stream().distinct().toList()) + ", which this specgen cannot"
                        + " generate yet (docs/design-v2.md); until then the suggestion serves it through the"
                        + " hand-written door (action: handwritten), code you write."),
                Rule.OPERATION_UNBOUND, false, op.pointer(), true);
        decisions.add(decision);
        operations.gap(decision, new Yaml.Block().put(op.key(), serves ? proposed : door(op), route(op)), true);
    }

    /**
     * A create whose body lacks what a new row needs (a booking that sends a slot, not the appointment's
     * start) is no insert of its body: code you write.
     */
    private void lacking(OpDraft op) {
        Optional<EntityDraft> entity = catalog.entity(op.entity);
        if (!"create".equals(op.action) || entity.isEmpty() || op.body.isEmpty()) {
            return;
        }
        java.util.Set<String> sent = op.body.get().properties().keySet();
        List<String> path = op.operation.templateNames();
        List<String> lacks = entity.get().fields.values().stream().filter(f -> !f.nullable && f.defaultValue == null
                && !f.serverSet() && f.inContract && !f.name.equals(entity.get().likelyOwner) && !sent.contains(f.name)
                && !path.contains(f.name) && f.onlyWith == null).map(f -> f.name).toList();
        if (!lacks.isEmpty()) {
            op.action = "handwritten";
            op.actionWhy = "its body lacks " + and(lacks) + ", which a new " + op.entity + " needs: code you write";
        }
    }

    /** The hand-written door for an operation: its entity's rows for the code, the caller in the path. */
    private Yaml.Block door(OpDraft op) {
        Yaml.Block binding = new Yaml.Block();
        binding.put("action", Yaml.text("handwritten"), "code you write (docs/model-yaml.md, Hand-written operations)");
        if (!op.secured()) {
            binding.put("auth", Yaml.text("public"), "the contract declares no security");
        }
        Map<String, Object> subjects = new LinkedHashMap<>();
        OwnerInference.subjectParams(op).forEach(p -> subjects.put(p.name(), "subject"));
        if (!subjects.isEmpty()) {
            binding.put("path", Yaml.flowMap(subjects), null);
        }
        return binding;
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
        boolean door = "handwritten".equals(action);
        boolean account = AccountDrafts.ACTIONS.contains(action);
        entity.filter(e -> !"health".equals(action) && !door && !account).ifPresent(e -> binding.put("entity",
                Yaml.text(e.name), op.entityWhy));
        if (op.users != null) {
            binding.put("users", Yaml.text(op.users), op.usersWhy);
        }
        if (door) {
            binding.put("action", Yaml.text(action), op.actionWhy != null ? op.actionWhy
                    : "no action fits it: code you write");
        } else if (action != null) {
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
        if (entity.isPresent() && !door && !account) {
            paths.path(op, entity.get(), action, binding, decisions);
        } else {
            Map<String, Object> subjects = new LinkedHashMap<>();
            OwnerInference.subjectParams(op).forEach(p -> subjects.put(p.name(), "subject"));
            if (!subjects.isEmpty()) {
                binding.put("path", Yaml.flowMap(subjects), null);
            }
        }
        if ("aggregate".equals(action) && entity.isPresent()) {
            missing.addAll(new Aggregates(contract, op, entity.get()).write(binding,
                    new ListOptions(contract, capabilities, op, entity.get())));
        }
        if ("toggle".equals(action) && entity.isPresent()) {
            paths.toggle(op, entity.get(), binding, decisions);
        }
        if ("list".equals(action) && entity.isPresent()) {
            ListOptions options = new ListOptions(contract, capabilities, op, entity.get());
            missing.addAll(options.write(binding, decisions));
            if (decisions != null) {
                paths.index(op, entity.get(), options.filtered);
            }
        }
        if (!op.shape.rowsAt().isEmpty() && op.shape.kind() != Shape.Kind.PAGE && !door) {
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
}
