package dev.specgen.pipeline;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.specgen.diagnostics.Diagnostic;
import dev.specgen.diagnostics.Diagnostics;
import dev.specgen.diagnostics.Rule;
import dev.specgen.diagnostics.Severity;
import dev.specgen.load.Mark;
import dev.specgen.load.SpecPaths;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The warnings of a generate, kept in the manifest so that a `check` which renders nothing still
 * prints them. A place is kept as "model" or "contract" plus line and column, never as a path, so the
 * manifest is the same whatever the working directory; a finding that names anything else, or whose
 * text holds a path, is not kept, and then nothing is (every later check renders).
 */
final class RecordedFindings {
    private static final ObjectMapper JSON = new ObjectMapper();

    private RecordedFindings() {
    }

    /** One JSON line per finding, or empty when some finding cannot be kept faithfully. */
    static Optional<List<String>> encode(List<Diagnostic> findings, SpecPaths paths) {
        Path model = SpecPaths.display(paths.model());
        Path contract = SpecPaths.display(paths.openapi());
        List<String> lines = new ArrayList<>();
        for (Diagnostic d : findings) {
            if (d.rule() == Rule.HANDWRITTEN_PENDING) {
                continue; // depends on the output folder: FreshOutput looks at the handlers itself
            }
            Optional<String> file = side(d.mark(), model, contract);
            Optional<String> related = d.relatedMark().flatMap(m -> side(m, model, contract));
            if (file.isEmpty() || d.relatedMark().isPresent() && related.isEmpty()
                    || mentions(d, model) || mentions(d, contract)) {
                return Optional.empty();
            }
            ObjectNode node = JSON.createObjectNode();
            node.put("rule", d.rule().id()).put("severity", d.severity().name())
                    .put("reason", d.reason()).put("required", d.required()).put("pointer", d.pointer());
            place(node.putObject("at"), file.get(), d.mark());
            d.relatedMark().ifPresent(m -> place(node.putObject("related"), related.get(), m));
            try {
                lines.add(JSON.writeValueAsString(node));
            } catch (JsonProcessingException e) {
                return Optional.empty();
            }
        }
        return Optional.of(lines);
    }

    /** The recorded findings as this run would report them, placed in this run's files. */
    static Optional<Diagnostics> decode(List<String> lines, SpecPaths paths) {
        Path model = SpecPaths.display(paths.model());
        Path contract = SpecPaths.display(paths.openapi());
        Diagnostics diagnostics = new Diagnostics();
        try {
            for (String line : lines) {
                JsonNode node = JSON.readTree(line);
                Optional<Rule> rule = Rule.find(node.path("rule").asText());
                if (rule.isEmpty()) {
                    return Optional.empty();
                }
                Mark related = node.has("related") ? mark(node.get("related"), model, contract) : null;
                diagnostics.restore(new Diagnostic(rule.get(), Severity.valueOf(node.path("severity").asText()),
                        node.path("reason").asText(), node.path("required").asText(),
                        mark(node.get("at"), model, contract), node.path("pointer").asText(), related));
            }
        } catch (JsonProcessingException | RuntimeException e) {
            return Optional.empty();
        }
        return Optional.of(diagnostics);
    }

    private static Optional<String> side(Mark mark, Path model, Path contract) {
        if (mark.file().equals(model)) {
            return Optional.of("model");
        }
        return mark.file().equals(contract) ? Optional.of("contract") : Optional.empty();
    }

    /** A text holding the file's path as shown would differ from another working directory. */
    private static boolean mentions(Diagnostic d, Path file) {
        String name = file.toString().replace('\\', '/');
        if (!name.contains("/")) {
            return false; // a bare "model.yaml" is how messages name the file anyway
        }
        return d.reason().contains(name) || d.required().contains(name) || d.pointer().contains(name);
    }

    private static void place(ObjectNode node, String file, Mark mark) {
        node.put("file", file).put("line", mark.line()).put("column", mark.column());
    }

    private static Mark mark(JsonNode node, Path model, Path contract) {
        String file = node.path("file").asText();
        if (!file.equals("model") && !file.equals("contract")) {
            throw new IllegalArgumentException("a recorded finding in an unknown file: " + file);
        }
        return new Mark(file.equals("model") ? model : contract, node.path("line").asInt(), node.path("column").asInt());
    }
}
