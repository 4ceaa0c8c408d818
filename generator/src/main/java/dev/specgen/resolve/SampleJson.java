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

    private String objectOf(SchemaView schema, int depth) {
        List<String> members = new ArrayList<>();
        for (Map.Entry<String, YNode> property : schema.properties().entrySet()) {
            if (schema.required().contains(property.getKey())) {
                members.add(PyLiteral.str(property.getKey()) + ": " + SchemaView.of(contract, property.getValue())
                        .map(p -> of(p, depth + 1)).orElse("None"));
            }
        }
        return "{" + String.join(", ", members) + "}";
    }

    /** A valid value of a scalar schema as the text a URL or a header carries. */
    String text(YNode site) {
        return SchemaView.of(contract, site).map(s -> {
            String literal = of(s, 0);
            return literal.startsWith("\"") || literal.startsWith("'") ? unquoted(s, literal) : literal;
        }).orElse("x");
    }

    private String unquoted(SchemaView schema, String literal) {
        if (schema.node().has("const") || schema.node().has("enum")) {
            return schema.node().get("const").or(() -> schema.node().seq("enum").map(e -> e.items().get(0)))
                    .flatMap(n -> n instanceof dev.specgen.load.YScalar y ? Optional.of(y.text()) : Optional.empty())
                    .orElse("x");
        }
        return switch (schema.format().orElse("")) {
            case "date" -> "2026-01-01";
            case "date-time" -> "2026-01-01T00:00:00Z";
            case "uuid" -> "00000000-0000-4000-8000-000000000001";
            case "email" -> "user@example.com";
            case "uri", "uri-reference" -> "https://example.com/";
            default -> text(schema);
        };
    }

    /** A string the schema's pattern and lengths accept (x repeated, without a pattern). */
    private static String text(SchemaView schema) {
        int min = schema.number("minLength").map(BigDecimal::intValue).orElse(0);
        int max = schema.number("maxLength").map(BigDecimal::intValue).orElse(Integer.MAX_VALUE);
        Optional<String> pattern = schema.text("pattern");
        if (pattern.isPresent()) {
            List<String> samples = SampleValues.patternSamples(schema.node().pointer(), pattern.get(), Math.max(1, min), max);
            if (!samples.isEmpty()) {
                return samples.get(0);
            }
        }
        return "x".repeat(Math.max(1, min));
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
        Optional<dev.specgen.load.YSeq> allOf = schema.node().seq("allOf");
        if (allOf.isPresent()) {
            // Every member's required members, in one object.
            List<String> members = new ArrayList<>();
            for (YNode member : allOf.get().items()) {
                String sample = SchemaView.of(contract, member).map(m -> of(m, depth + 1)).orElse("{}");
                if (sample.startsWith("{") && sample.length() > 2) {
                    members.add(sample.substring(1, sample.length() - 1));
                }
            }
            String own = schema.properties().isEmpty() ? "{}" : objectOf(schema, depth);
            if (own.length() > 2) {
                members.add(own.substring(1, own.length() - 1));
            }
            return "{" + String.join(", ", members) + "}";
        }
        for (String keyword : List.of("oneOf", "anyOf")) {
            Optional<dev.specgen.load.YSeq> options = schema.node().seq(keyword);
            if (options.isPresent() && !options.get().items().isEmpty()) {
                return SchemaView.of(contract, options.get().items().get(0)).map(m -> of(m, depth + 1)).orElse("None");
            }
        }
        List<String> types = schema.types();
        String type = types.isEmpty() ? (schema.properties().isEmpty() ? "string" : "object") : types.get(0);
        return switch (type) {
            case "object" -> objectOf(schema, depth);
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
                    default -> PyLiteral.str(text(schema));
                };
            }
        };
    }
}
