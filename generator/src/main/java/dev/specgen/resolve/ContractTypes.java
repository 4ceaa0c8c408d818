package dev.specgen.resolve;

import dev.specgen.contract.SchemaView;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The Python type and pydantic constraints of a contract schema for a scalar parameter. Bounds come
 * from the contract, never the model, so the server accepts exactly what the contract allows.
 */
public final class ContractTypes {
    private ContractTypes() {
    }

    /** A parameter's annotation and the arguments of its Query()/Path(). */
    public record ScalarType(String annotation, List<String> args) {
    }

    public static ScalarType scalar(SchemaView schema) {
        return scalar(schema, true);
    }

    /**
     * @param formatBounds give integers the bounds of their format (int32, else int64) when the
     *     contract states none: right for a query value, wrong for a path key, where a value no
     *     column can hold is simply a row that does not exist (404)
     */
    public static ScalarType scalar(SchemaView schema, boolean formatBounds) {
        List<String> args = new ArrayList<>();
        List<String> values = schema.enumValues();
        String type = schema.type().orElse(values.isEmpty() ? "string" : "string");
        if (!values.isEmpty() && "string".equals(type)) {
            return new ScalarType("Literal[" + String.join(", ", values.stream().map(PyLiteral::str).toList()) + "]",
                    args);
        }
        String annotation;
        switch (type) {
            case "integer" -> {
                annotation = "int";
                boolean int32 = "int32".equals(schema.format().orElse(""));
                bound(schema, "minimum", "ge", args, !formatBounds ? null : int32 ? BigDecimal.valueOf(Integer.MIN_VALUE)
                        : BigDecimal.valueOf(Long.MIN_VALUE));
                bound(schema, "maximum", "le", args, !formatBounds ? null : int32 ? BigDecimal.valueOf(Integer.MAX_VALUE)
                        : BigDecimal.valueOf(Long.MAX_VALUE));
                exclusive(schema, args);
            }
            case "number" -> {
                annotation = "float";
                bound(schema, "minimum", "ge", args, null);
                bound(schema, "maximum", "le", args, null);
                exclusive(schema, args);
                args.add("allow_inf_nan=False");
            }
            case "boolean" -> annotation = "bool";
            default -> {
                String format = schema.format().orElse("");
                annotation = switch (format) {
                    case "date" -> "date";
                    case "date-time" -> "datetime";
                    case "uuid" -> "uuid.UUID";
                    default -> "str";
                };
                if ("str".equals(annotation)) {
                    schema.number("minLength").ifPresent(n -> args.add("min_length=" + n.toPlainString()));
                    schema.number("maxLength").ifPresent(n -> args.add("max_length=" + n.toPlainString()));
                    schema.text("pattern").ifPresent(p -> args.add("pattern=" + PyLiteral.str(p)));
                }
            }
        }
        return new ScalarType(annotation, args);
    }

    /**
     * The contract's constraints a parameter of this Python type can carry: length and pattern only
     * on text (a decimal the contract spells as a string is parsed as a Decimal, which takes neither).
     */
    public static List<String> fitting(List<String> args, String annotation) {
        boolean text = annotation.startsWith("str");
        return args.stream().filter(a -> text || !(a.startsWith("pattern=") || a.startsWith("min_length=")
                || a.startsWith("max_length="))).toList();
    }

    private static void bound(SchemaView schema, String keyword, String arg, List<String> args, BigDecimal fallback) {
        Optional<BigDecimal> value = schema.number(keyword).or(() -> Optional.ofNullable(fallback));
        value.ifPresent(v -> args.add(arg + "=" + v.toPlainString()));
    }

    private static void exclusive(SchemaView schema, List<String> args) {
        // 3.1 writes exclusive bounds as numbers; 3.0 as booleans beside minimum/maximum.
        schema.number("exclusiveMinimum").ifPresent(v -> args.add("gt=" + v.toPlainString()));
        schema.number("exclusiveMaximum").ifPresent(v -> args.add("lt=" + v.toPlainString()));
        if (schema.node().scalar("exclusiveMinimum").map(s -> s.isTrue()).orElse(false)) {
            args.replaceAll(a -> a.startsWith("ge=") ? "gt=" + a.substring(3) : a);
        }
        if (schema.node().scalar("exclusiveMaximum").map(s -> s.isTrue()).orElse(false)) {
            args.replaceAll(a -> a.startsWith("le=") ? "lt=" + a.substring(3) : a);
        }
    }
}
