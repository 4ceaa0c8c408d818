package dev.specgen.resolve;

import dev.specgen.contract.Contract;
import dev.specgen.contract.SchemaView;
import dev.specgen.load.YNode;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A small valid instance of a contract schema, as a Python literal, for tests that need a body the
 * contract accepts or a response it allows: required members only, lower bounds, first enum values.
 */
final class SampleJson {
    private final Contract contract;

    SampleJson(Contract contract) {
        this.contract = contract;
    }

    String of(YNode site) {
        return SchemaView.of(contract, site).map(s -> of(s, 0)).orElse("None");
    }

    private String of(SchemaView schema, int depth) {
        if (depth > 16) {
            return "None";
        }
        Optional<YNode> constant = schema.node().get("const");
        if (constant.isPresent()) {
            return PyLiteral.value(constant.get());
        }
        if (schema.node().seq("enum").filter(e -> !e.items().isEmpty()).isPresent()) {
            return PyLiteral.value(schema.node().seq("enum").orElseThrow().items().get(0));
        }
        List<String> types = schema.types();
        String type = types.isEmpty() ? (schema.properties().isEmpty() ? "string" : "object") : types.get(0);
        return switch (type) {
            case "object" -> {
                List<String> members = new ArrayList<>();
                for (Map.Entry<String, YNode> property : schema.properties().entrySet()) {
                    if (schema.required().contains(property.getKey())) {
                        members.add(PyLiteral.str(property.getKey()) + ": " + SchemaView.of(contract, property.getValue())
                                .map(p -> of(p, depth + 1)).orElse("None"));
                    }
                }
                yield "{" + String.join(", ", members) + "}";
            }
            case "array" -> {
                int count = schema.number("minItems").map(BigDecimal::intValue).orElse(0);
                String item = schema.items().map(i -> of(i, depth + 1)).orElse("None");
                List<String> items = new ArrayList<>();
                for (int i = 0; i < count; i++) {
                    items.add(item);
                }
                yield "[" + String.join(", ", items) + "]";
            }
            case "integer" -> {
                BigDecimal low = schema.number("minimum").orElse(BigDecimal.ONE);
                yield low.setScale(0, java.math.RoundingMode.CEILING).toPlainString();
            }
            case "number" -> {
                BigDecimal value = schema.number("multipleOf").orElse(BigDecimal.ONE);
                Optional<BigDecimal> low = schema.number("minimum");
                if (low.isPresent() && value.compareTo(low.get()) < 0) {
                    value = low.get();
                }
                yield value.toPlainString() + (value.scale() <= 0 ? ".0" : "");
            }
            case "boolean" -> "False";
            case "null" -> "None";
            default -> {
                String format = schema.format().orElse("");
                yield switch (format) {
                    case "date" -> "\"2026-01-01\"";
                    case "date-time" -> "\"2026-01-01T00:00:00Z\"";
                    case "uuid" -> "\"00000000-0000-4000-8000-000000000001\"";
                    case "email" -> "\"user@example.com\"";
                    case "uri", "uri-reference" -> "\"https://example.com/\"";
                    default -> {
                        int length = Math.max(1, schema.number("minLength").map(BigDecimal::intValue).orElse(1));
                        yield PyLiteral.str("x".repeat(length));
                    }
                };
            }
        };
    }
}
