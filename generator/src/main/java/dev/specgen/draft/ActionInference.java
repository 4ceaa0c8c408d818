package dev.specgen.draft;

import dev.specgen.contract.SchemaView;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The action of each operation, from its method, its path and its bodies, and from what the team wrote
 * about it where the method alone is ambiguous (a PUT "documented as partial" is an update). An
 * operation no action of this specgen fits is left for the user, with the action a later one would use.
 */
final class ActionInference {
    private static final Set<String> HEALTH_WORDS = Set.of("health", "healthz", "healthcheck", "ready", "readyz",
            "live", "livez", "liveness", "readiness", "ping");
    private static final Pattern PARTIAL = Pattern.compile(
            "(?i)partial|only the fields (sent|given|provided|present)|fields (left out|not sent|omitted) (are|stay)");
    private static final Pattern REPLACES = Pattern.compile("(?i)\\breplace");
    private static final Pattern TOGGLES = Pattern.compile("(?i)\\b(toggle|flip)");
    private static final Pattern AUTH = Pattern.compile("(?i)/(auth|login|logout|signin|sign-in|signup|sign-up|register"
            + "|token|tokens|refresh|password|session|sessions)(/|$)");

    private final Capabilities capabilities;
    private final List<OpDraft> ops;

    ActionInference(Capabilities capabilities, List<OpDraft> ops) {
        this.capabilities = capabilities;
        this.ops = ops;
    }

    void infer() {
        for (OpDraft op : ops) {
            infer(op);
            unfilled(op);
            if (op.action != null && needsEnvelope(op) && !capabilities.bindingKey("response")) {
                op.pendingAction = op.action;
                op.action = null;
            }
        }
    }

    private static final Set<String> FILLED = Set.of("total", "count", "total_count", "totalCount", "page", "page_size",
            "per_page", "pageSize", "size", "limit", "offset");

    /** {success, message, inventory}: members beside the row that no action fills make it code you write. */
    private void unfilled(OpDraft op) {
        if (op.action == null || !needsEnvelope(op) || "handwritten".equals(op.action)) {
            return;
        }
        List<String> unfilled = op.shape.others().stream().map(o -> o.substring(o.lastIndexOf('.') + 1))
                .filter(o -> !FILLED.contains(o)).toList();
        if (!unfilled.isEmpty()) {
            set(op, "handwritten", "its answer holds " + String.join(", ", unfilled) + " beside the " + op.entity
                    + " row, which no action fills: code you write");
        }
    }

    private boolean needsEnvelope(OpDraft op) {
        return op.shape.kind() == Shape.Kind.ENVELOPE_ROW || op.shape.kind() == Shape.Kind.ENVELOPE_ARRAY;
    }

    /** GET /health, /healthz, /ready...: a liveness check, whatever it answers. */
    static boolean health(OpDraft op) {
        return Set.of("get", "head").contains(op.method()) && HEALTH_WORDS.contains(op.lastWord())
                && op.operation.templateNames().isEmpty();
    }

    /** /inventory/{id}/reserve, /tasks/{id}/complete: a verb after a row, not a nested collection (/projects/{id}/tasks). */
    private static boolean command(OpDraft op) {
        String word = Words.snake(op.lastWord());
        return op.entity != null && Words.singular(word).equals(word) && !word.endsWith("_list");
    }

    private void infer(OpDraft op) {
        String method = op.method();
        if (health(op) && !op.secured()) {
            set(op, "health", "public GET " + op.path() + ": a liveness check");
            return;
        }
        String account = AccountDrafts.action(op);
        if (account != null && capabilities.action(account)) {
            set(op, account, AccountDrafts.why(account));
            return;
        }
        if (AUTH.matcher(op.path()).find() && !"get".equals(method)) {
            set(op, "handwritten", "logging in, registering or issuing tokens checks or sets a password: code you"
                    + " write, never a create of a password column");
            return;
        }
        if ("post".equals(method) && op.itemSubPath() && op.body.isPresent() && command(op)) {
            set(op, "handwritten", "POST " + op.path() + " is a command on one row (" + op.lastWord() + "), not a"
                    + " create: code you write");
            return;
        }
        if ("get".equals(method) && op.shape.kind() == Shape.Kind.OTHER && op.secured()) {
            pending(op, "aggregate");
            return;
        }
        if (op.entity == null) {
            if (!op.secured() && Set.of("get", "head").contains(method) && HEALTH_WORDS.contains(op.lastWord())) {
                set(op, "health", "public GET " + op.path() + ": a liveness check");
            } else if ("get".equals(method) && op.shape.kind() == Shape.Kind.OTHER) {
                pending(op, "aggregate");
            } else {
                set(op, "handwritten", "no entity's row goes in or out: code only you can write");
            }
            return;
        }
        boolean body = op.body.isPresent();
        switch (method) {
            case "get" -> {
                if (op.shape.many()) {
                    set(op, "list", null);
                } else if (op.itemPath()) {
                    set(op, "get", null);
                } else if (op.operation.templateNames().isEmpty() && op.entityWhy == null
                        && (op.shape.kind() == Shape.Kind.ROW || op.shape.kind() == Shape.Kind.ENVELOPE_ROW) && op.secured()) {
                    set(op, "me", "GET " + op.path() + " answers one " + op.entity + " and names none: the caller's own");
                }
            }
            case "post" -> {
                if (body && !op.itemPath() && op.entityWhy != null && (op.shape.kind() == Shape.Kind.ROW
                        || op.shape.kind() == Shape.Kind.OTHER)) {
                    set(op, "handwritten", "POST " + op.path() + " answers no " + op.entity + " row: code you write");
                } else if (body && !op.itemPath()) {
                    set(op, "create", null);
                } else if (!body && op.itemSubPath()) {
                    flag(op);
                }
            }
            case "patch" -> {
                if (body && op.itemPath()) {
                    set(op, "update", null);
                } else if (!body && (op.itemPath() || op.itemSubPath())) {
                    flag(op);
                }
            }
            case "put" -> {
                if (body && op.itemPath()) {
                    put(op);
                } else if (!body && (op.itemPath() || op.itemSubPath())) {
                    flag(op);
                }
            }
            case "delete" -> {
                if (!body && op.itemPath()) {
                    set(op, "delete", null);
                }
            }
            default -> {
            }
        }
    }

    /** PUT: partial when the team says so, a replacement when it says so or sends the create body. */
    private void put(OpDraft op) {
        if (PARTIAL.matcher(op.text()).find()) {
            set(op, "update", "PUT documented as partial: \"" + sentence(op.text(), PARTIAL) + "\"");
        } else if (REPLACES.matcher(op.text()).find()) {
            set(op, "replace", "PUT that \"" + sentence(op.text(), REPLACES) + "\": a full replacement");
        } else if (createBodies(op.entity).contains(op.body.flatMap(SchemaView::componentName).orElse("?"))) {
            set(op, "replace", "PUT with the create body " + op.body.flatMap(SchemaView::componentName).orElseThrow()
                    + ": a full replacement");
        } else if (op.entityWhy != null && op.shape.kind() == Shape.Kind.ROW) {
            set(op, "handwritten", "PUT " + op.path() + " answers no " + op.entity + " row: code you write");
        } else {
            set(op, "update", "PUT whose body is not the create body: a change of the fields it sends");
        }
    }

    /** A body-less change of one row: a toggle when the team says it flips something. */
    private void flag(OpDraft op) {
        if (TOGGLES.matcher(op.text()).find()) {
            set(op, "toggle", "\"" + sentence(op.text(), TOGGLES) + "\"");
        }
    }

    private List<String> createBodies(String entity) {
        return ops.stream().filter(o -> entity.equals(o.entity) && "post".equals(o.method()) && !o.itemPath())
                .map(o -> o.body.flatMap(SchemaView::componentName)).flatMap(Optional::stream).toList();
    }

    private void set(OpDraft op, String action, String why) {
        if (capabilities.action(action)) {
            op.action = action;
            op.actionWhy = why;
        } else {
            op.pendingAction = action;
        }
    }

    private void pending(OpDraft op, String action) {
        op.pendingAction = action;
    }

    /** The sentence of a text that a pattern matched in, for quoting. */
    static String sentence(String text, Pattern pattern) {
        for (String sentence : text.split("(?<=[.!?])\\s+")) {
            if (pattern.matcher(sentence).find()) {
                String s = sentence.strip().replaceAll("\\s+", " ");
                return s.endsWith(".") ? s.substring(0, s.length() - 1) : s;
            }
        }
        return text.strip();
    }
}
