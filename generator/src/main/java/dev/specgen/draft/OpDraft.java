package dev.specgen.draft;

import dev.specgen.contract.Contract;
import dev.specgen.contract.Operation;
import dev.specgen.contract.SchemaView;
import dev.specgen.load.YMap;
import dev.specgen.load.YNode;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** One operation of the contract and what the draft makes of it. */
final class OpDraft {
    final Operation operation;
    final Shape shape;
    final Optional<SchemaView> body;
    /** The entity it acts on, when one could be found. */
    String entity;
    String entityWhy;
    /** The action, when inferred; null leaves a decision. */
    String action;
    String actionWhy;
    /** The action a later specgen could serve it with, when this one cannot (me, aggregate, handwritten). */
    String pendingAction;
    /** Bound live in the draft (not a commented suggestion). */
    boolean live;
    /** The entity of the users, for register and login (AccountDrafts). */
    String users;
    String usersWhy;
    /** The success response's JSON schema, when it has exactly one. */
    final Optional<SchemaView> response;

    OpDraft(Contract contract, Operation operation) {
        this.operation = operation;
        Map<String, YNode> success = operation.successResponses();
        Optional<SchemaView> response = success.size() == 1
                ? operation.jsonSchemaOf(success.values().iterator().next()).flatMap(s -> SchemaView.of(contract, s))
                : Optional.empty();
        this.shape = success.size() == 1 ? Shape.of(contract, response) : Shape.none();
        this.response = response;
        this.body = operation.requestSchema().flatMap(s -> SchemaView.of(contract, s));
    }

    /** The binding key: the operationId, else "METHOD /path". */
    String key() {
        return operation.key();
    }

    String method() {
        return operation.method();
    }

    String path() {
        return operation.path();
    }

    /** Summary and description, for reading what the team wrote about it. */
    String text() {
        YMap node = operation.node();
        String summary = node.text("summary").orElse("").strip();
        String description = node.text("description").orElse("").strip();
        if (summary.isEmpty() || description.isEmpty()) {
            return (summary + description).strip();
        }
        return summary + (summary.matches(".*[.!?]$") ? " " : ". ") + description;
    }

    String lowerText() {
        return text().toLowerCase(Locale.ROOT);
    }

    boolean secured() {
        return operation.security().map(s -> !s.items().isEmpty() && s.items().stream()
                .allMatch(i -> i instanceof YMap m && !m.entries().isEmpty())).orElse(false);
    }

    List<String> segments() {
        return List.of(path().replaceAll("^/+|/+$", "").split("/"));
    }

    /** The path ends with a parameter: /tasks/{task_id}. */
    boolean itemPath() {
        List<String> segments = segments();
        return !segments.isEmpty() && isParam(segments.get(segments.size() - 1));
    }

    /** The path ends with a word after a parameter: /tasks/{id}/complete. */
    boolean itemSubPath() {
        List<String> segments = segments();
        return segments.size() >= 2 && !isParam(segments.get(segments.size() - 1))
                && isParam(segments.get(segments.size() - 2));
    }

    String lastWord() {
        List<String> segments = segments();
        return segments.isEmpty() ? "" : segments.get(segments.size() - 1);
    }

    /** The path up to, not including, its last segment: /tasks/{id}/complete gives /tasks/{id}. */
    String parentPath() {
        int slash = path().replaceAll("/+$", "").lastIndexOf('/');
        return slash <= 0 ? "/" : path().substring(0, slash);
    }

    static boolean isParam(String segment) {
        return segment.startsWith("{") && segment.endsWith("}");
    }

    String label() {
        return operation.label();
    }

    /** Where validate points when this operation is left unbound. */
    String pointer() {
        return operation.keyNode().pointer();
    }
}
