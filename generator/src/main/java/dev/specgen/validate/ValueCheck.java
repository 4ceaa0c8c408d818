package dev.specgen.validate;

import dev.specgen.diagnostics.Diagnostics;
import dev.specgen.diagnostics.Rule;
import dev.specgen.load.YMap;
import dev.specgen.load.YNode;
import dev.specgen.load.YScalar;
import dev.specgen.load.YSeq;
import dev.specgen.modeldoc.FieldDoc;
import dev.specgen.modeldoc.FieldType;
import java.math.BigDecimal;
import java.util.Locale;
import java.util.Optional;

/** A value written into a field (its default, or what an action sets) must satisfy the field's type and constraints. */
public final class ValueCheck {
    private final String label;
    private final FieldDoc field;
    private final FieldType type;
    private final Diagnostics diagnostics;
    /** Where a failure is reported: the default, also for one item of an array default. */
    private final YNode at;

    /** What the value is ("the default of Task.status"), and "default" or "value" in the way out. */
    private final String subject;
    private final String noun;
    private final Rule rule;

    private ValueCheck(String label, FieldDoc field, FieldType type, Diagnostics diagnostics, YNode at,
            String subject, String noun, Rule rule) {
        this.label = label;
        this.field = field;
        this.type = type;
        this.diagnostics = diagnostics;
        this.at = at;
        this.subject = subject;
        this.noun = noun;
        this.rule = rule;
    }

    /** A field's default: it must satisfy the field's own type and constraints (SG304). */
    static ValueCheck ofDefault(String label, FieldDoc field, Diagnostics diagnostics) {
        return new ValueCheck(label, field, FieldType.of(field.type()), diagnostics, field.at("default"),
                "the default of " + label, "default", Rule.CONSTRAINT_CONTRADICTION);
    }

    /** A value an action writes into a field (set's values), reported at the value with the action's rule. */
    public static ValueCheck ofValue(String subject, FieldDoc field, YNode at, Rule rule, Diagnostics diagnostics) {
        return new ValueCheck(subject, field, FieldType.of(field.type()), diagnostics, at, subject, "value", rule);
    }

    public void check(YNode value) {
        if (value instanceof YScalar scalar && scalar.isNull()) {
            if (!field.nullable()) {
                fail("null, but the field is not nullable", "a non-null " + noun + ", or nullable: true");
            }
            return;
        }
        if (type == FieldType.JSON && !(value instanceof YMap)) {
            // The contract says type: object; a list belongs in a field of type array.
            fail(value.kindName(), "a mapping " + noun + " (type: array holds a list)");
            return;
        }
        if (type == FieldType.ARRAY) {
            checkArray(value);
            return;
        }
        if (!(value instanceof YScalar scalar)) {
            if (type != FieldType.JSON) {
                fail(value.kindName(), "a " + type.modelName() + " " + noun);
            }
            return;
        }
        switch (type) {
            case BOOLEAN -> expect(scalar.kind() == YScalar.Kind.BOOLEAN, scalar, "true or false");
            case INTEGER, BIGINT -> {
                expect(scalar.kind() == YScalar.Kind.INTEGER, scalar, "a whole number");
                range(scalar);
            }
            case FLOAT -> {
                expect(scalar.isNumber(), scalar, "a number");
                range(scalar);
            }
            case DECIMAL -> {
                expect(scalar.isNumber(), scalar, "a number");
                range(scalar);
                scalar.number().ifPresent(this::digits);
            }
            case ENUM -> {
                if (!field.values().contains(scalar.text())) {
                    fail("'" + scalar.text() + "', which is not among its values " + field.values(),
                            "one of " + String.join(", ", field.values()));
                }
            }
            case STRING, TEXT -> {
                expect(scalar.isString(), scalar, "a string");
                int length = scalar.text().codePointCount(0, scalar.text().length());
                field.number("min_length").filter(m -> length < m.intValue()).ifPresent(m ->
                        fail("shorter than min_length " + m, "a " + noun + " of at least " + m + " characters"));
                field.number("max_length").filter(m -> length > m.intValue()).ifPresent(m ->
                        fail("longer than max_length " + m, "a " + noun + " of at most " + m + " characters"));
                field.text("pattern").ifPresent(p -> {
                    try {
                        if (!java.util.regex.Pattern.compile(p).matcher(scalar.text()).find()) {
                            fail("'" + scalar.text() + "', which does not match its pattern",
                                    "a " + noun + " that matches " + p);
                        }
                    } catch (java.util.regex.PatternSyntaxException ignored) {
                        // reported by the pattern check
                    }
                });
            }
            case UUID -> expect(scalar.text().toLowerCase(Locale.ROOT)
                    .matches("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}"), scalar, "a UUID");
            case DATE -> expect(scalar.text().matches("\\d{4}-\\d{2}-\\d{2}"), scalar, "a date (YYYY-MM-DD)");
            case DATETIME -> fail("a fixed timestamp", "generated: created or updated, or no " + noun);
            case JSON -> fail(scalar.kindName(), "a mapping " + noun);
            default -> throw new IllegalStateException("unhandled type " + type);
        }
    }

    private void checkArray(YNode value) {
        if (!(value instanceof YSeq seq)) {
            fail(value.kindName(), "a list " + noun);
            return;
        }
        int count = seq.items().size();
        field.number("min_items").filter(m -> count < m.intValue()).ifPresent(m ->
                fail("a list of " + count + " items, fewer than min_items " + m, "at least " + m + " items"));
        field.number("max_items").filter(m -> count > m.intValue()).ifPresent(m ->
                fail("a list of " + count + " items, more than max_items " + m, "at most " + m + " items"));
        field.node().map("items").ifPresent(items -> {
            FieldDoc item = new FieldDoc(field.name() + "[]", items, items.mark());
            FieldType itemType = FieldType.of(item.type());
            for (YNode element : seq.items()) {
                if (element instanceof YScalar scalar && scalar.isNull()) {
                    fail("a list holding null", "items of type " + itemType.modelName());
                } else {
                    new ValueCheck(label + " (an item)", item, itemType, diagnostics, at, subject + " (an item)", noun, rule)
                            .check(element);
                }
            }
        });
    }

    private void expect(boolean ok, YScalar scalar, String wanted) {
        if (!ok) {
            fail(scalar.kindName() + " '" + scalar.text() + "'", wanted);
        }
    }

    /** A decimal default must fit NUMERIC(precision, scale): its decimals and its whole digits. */
    private void digits(BigDecimal value) {
        Optional<BigDecimal> precision = field.number("precision");
        Optional<BigDecimal> scale = field.number("scale");
        if (precision.isEmpty() || scale.isEmpty()) {
            return; // reported by the decimal check
        }
        BigDecimal stripped = value.stripTrailingZeros();
        int decimals = Math.max(0, stripped.scale());
        int whole = stripped.signum() == 0 ? 0 : Math.max(0, stripped.precision() - stripped.scale());
        int allowedWhole = precision.get().intValue() - scale.get().intValue();
        if (decimals > scale.get().intValue() || whole > allowedWhole) {
            fail(value.toPlainString() + ", which does not fit precision " + precision.get() + " and scale "
                    + scale.get(), "a " + noun + " with at most " + allowedWhole + " digits before the point and "
                    + scale.get() + " after it");
        }
    }

    private void range(YScalar scalar) {
        scalar.number().ifPresent(n -> {
            field.number("minimum").filter(m -> n.compareTo(m) < 0).ifPresent(m ->
                    fail(n.toPlainString() + ", below minimum " + m.toPlainString(), "a " + noun + " >= " + m));
            field.number("maximum").filter(m -> n.compareTo(m) > 0).ifPresent(m ->
                    fail(n.toPlainString() + ", above maximum " + m.toPlainString(), "a " + noun + " <= " + m));
        });
    }

    private void fail(String what, String required) {
        diagnostics.report(rule, at, subject + " is " + what, required);
    }
}
