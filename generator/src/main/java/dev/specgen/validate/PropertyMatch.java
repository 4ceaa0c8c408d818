package dev.specgen.validate;

import dev.specgen.contract.SchemaView;
import dev.specgen.diagnostics.Diagnostics;
import dev.specgen.diagnostics.Rule;
import dev.specgen.load.YNode;
import dev.specgen.modeldoc.FieldDoc;
import dev.specgen.modeldoc.FieldType;
import java.math.BigDecimal;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Compares one contract schema (a property, a parameter, an array's items) with one model field: type,
 * nullability, default and constraints.
 */
final class PropertyMatch {
    private final SchemaView schema;
    private final FieldDoc field;
    private final FieldType type;
    private final String what;
    private final Diagnostics diagnostics;

    PropertyMatch(SchemaView schema, FieldDoc field, String what, Diagnostics diagnostics) {
        this.diagnostics = diagnostics.relatedTo(field.nameMark());
        this.schema = schema;
        this.field = field;
        this.type = FieldType.of(field.type());
        this.what = what;
    }

    void checkType() {
        checkType(false);
    }

    /**
     * @param uuidAsText whether a uuid field may be a plain {@code type: string} here: a response member
     *     (every uuid is a string) or a path key (a string that is no uuid names no row)
     */
    void checkType(boolean uuidAsText) {
        if (uuidAsText && type == FieldType.UUID && schema.types().equals(List.of("string"))
                && schema.format().isEmpty()) {
            return;
        }
        if (!schema.hasType() && !schema.hasEnum()) {
            diagnostics.report(Rule.PROPERTY_TYPE_MISSING, schema.site(), what + " has no type",
                    type.contractSpelling());
            return;
        }
        Optional<String> declared = schema.type();
        if (!SchemaView.TYPES.containsAll(schema.types())) {
            return; // an unknown type is reported once, by the contract checks
        }
        if (declared.isEmpty() || !type.matches(declared.get(), schema.format())) {
            diagnostics.report(Rule.TYPE_MISMATCH, schema.typeNode().orElse(schema.site()), what + " is "
                    + declared.orElse(String.join("|", schema.types())) + schema.format().map(f -> " (" + f + ")")
                    .orElse("") + " but field " + field.name() + " is " + type.modelName(),
                    type.contractSpelling());
        }
    }

    void checkNullable() {
        if (schema.nullable() != field.nullable()) {
            diagnostics.report(Rule.REQUIRED_MISMATCH, schema.site(), what + (schema.nullable() ? " is" : " is not")
                    + " nullable but field " + field.name() + (field.nullable() ? " is" : " is not"),
                    field.nullable() ? "nullable: true (3.0) or type: [..., 'null'] (3.1)" : "drop the null option");
        }
    }

    /**
     * A default the contract states is what a client relies on when it leaves the property out: the
     * model's must be the same value, or the server would silently store another.
     */
    void checkDefault() {
        Optional<YNode> declared = schema.defaultValue();
        if (declared.isEmpty()) {
            return;
        }
        String contractValue = dev.specgen.load.JsonTrees.toJson(declared.get()).toString();
        String modelValue = field.defaultValue().map(v -> dev.specgen.load.JsonTrees.toJson(v).toString())
                .orElse(null);
        boolean same = contractValue.equals(modelValue) || modelValue != null && numeric(contractValue)
                && numeric(modelValue) && new BigDecimal(contractValue).compareTo(new BigDecimal(modelValue)) == 0;
        if (!same) {
            diagnostics.report(Rule.CONSTRAINT_MISMATCH, declared.get(), what + " defaults to " + contractValue
                    + " but field " + field.name() + (modelValue == null ? " has no default"
                    : " defaults to " + modelValue), "default: " + contractValue + " on field " + field.name()
                    + " in model.yaml (or the model's default in the contract)");
        }
    }

    private static boolean numeric(String json) {
        return json.matches("-?\\d+(\\.\\d+)?([eE][-+]?\\d+)?");
    }

    /**
     * A request's integer over a 32-bit column: an integer with no format has no bound in JSON Schema, so
     * the contract must bound it within the column (minimum: 0 alone admits 3000000000, which the column
     * cannot hold and the server would refuse though the contract calls it valid).
     */
    void checkIntegerRange() {
        if (type != FieldType.INTEGER || !"integer".equals(schema.type().orElse(""))
                || field.foreignKey().isPresent()) {
            return; // a reference beyond the column names no row: it is answered as a missing one
        }
        BigDecimal max = BigDecimal.valueOf(Integer.MAX_VALUE);
        BigDecimal min = BigDecimal.valueOf(Integer.MIN_VALUE);
        Optional<BigDecimal> maximum = schema.number("maximum").or(() -> schema.number("exclusiveMaximum"));
        Optional<BigDecimal> minimum = schema.number("minimum").or(() -> schema.number("exclusiveMinimum"));
        // format: int32 says it in OpenAPI's words; else the bounds must.
        boolean fits = schema.format().filter("int32"::equals).isPresent()
                || maximum.map(m -> m.compareTo(max) <= 0).orElse(false)
                && minimum.map(m -> m.compareTo(min) >= 0).orElse(false);
        if (!fits) {
            diagnostics.report(Rule.CONSTRAINT_MISMATCH, schema.site(), what + " admits integers "
                    + (maximum.isEmpty() ? "above " + max : "below " + min) + " but field " + field.name()
                    + " is a 32-bit integer", "type: bigint on field " + field.name() + ", or format: int32 (or"
                    + " minimum and maximum within " + min + ".." + max + ") in the contract");
        }
    }

    /** A request's decimal sent as text must be constrained to decimals by a pattern. */
    void checkDecimalText() {
        if (type == FieldType.DECIMAL && "string".equals(schema.type().orElse(""))
                && schema.text("pattern").isEmpty()) {
            // JSON Schema does not check format: decimal, so without a pattern any text is valid by the
            // contract, and yet "abc" or too many digits cannot be stored in the column.
            int precision = field.number("precision").map(BigDecimal::intValue).orElse(18);
            int scale = field.number("scale").map(BigDecimal::intValue).orElse(0);
            boolean negative = field.number("minimum").map(m -> m.signum() < 0).orElse(true);
            String suggested = "^" + (negative ? "-?" : "") + "\\d{1," + Math.max(1, precision - scale) + "}"
                    + (scale > 0 ? "(\\.\\d{1," + scale + "})?" : "") + "$";
            diagnostics.report(Rule.CONSTRAINT_MISMATCH, schema.site(), what + " is any string (format: decimal"
                    + " is not checked by JSON Schema), but field " + field.name() + " only holds decimals"
                    + field.number("precision").map(p -> " of " + p + " digits").orElse(""), "pattern: '"
                    + suggested + "' in the contract, so clients and the server agree on what is valid");
        }
    }

    void checkConstraints() {
        checkConstraints(false);
    }

    /**
     * @param response whether the schema describes what the server sends: then it must hold every value
     *     the column can (an enum listing at least the field's values, or a plain string; a JSON number
     *     whose multipleOf, if any, every value of the column's scale meets), where a request's must admit
     *     only values the column can store (an enum within the field's values, a number of its scale)
     */
    void checkConstraints(boolean response) {
        checkDefault();
        compare("minLength", "min_length");
        compare("maxLength", "max_length");
        compare("minimum", "minimum");
        compare("maximum", "maximum");
        Optional<String> pattern = schema.text("pattern");
        Optional<String> fieldPattern = field.text("pattern");
        // A decimal's pattern in the contract spells its digits as text; the model says them as numbers.
        if (pattern.isPresent() && !pattern.equals(fieldPattern) && type != FieldType.DECIMAL) {
            mismatch("pattern", pattern.get(), fieldPattern.orElse("none"));
        }
        if (type == FieldType.DECIMAL && "number".equals(schema.type().orElse(""))) {
            // A JSON number carries no scale: multipleOf must say it, or 1.234 is valid by the contract and
            // yet cannot be stored in the column without rounding.
            Optional<BigDecimal> step = schema.number("multipleOf");
            Optional<BigDecimal> scale = field.number("scale");
            BigDecimal expected = scale.map(s -> BigDecimal.ONE.movePointLeft(s.intValue())).orElse(null);
            // The server writes the column's scale: a response needs no multipleOf, only none it breaks.
            boolean sent = response && (step.isEmpty() || expected != null && step.get().signum() > 0
                    && expected.remainder(step.get()).signum() == 0);
            if (!sent && (expected == null || step.isEmpty() || step.get().compareTo(expected) != 0)) {
                diagnostics.report(Rule.CONSTRAINT_MISMATCH, schema.site(), what + " is a JSON number"
                        + step.map(s -> " with multipleOf " + s.toPlainString()).orElse(" without multipleOf")
                        + " but field " + field.name() + " is a decimal" + scale.map(s -> " of scale " + s)
                        .orElse(" without a scale"), expected == null ? "scale: <digits after the point> on the"
                        + " field, and multipleOf: 10^-scale in the contract" : "multipleOf: "
                        + expected.toPlainString() + " in the contract (or type: string, format: decimal)");
            }
        }
        if (type == FieldType.ARRAY) {
            checkItems(response);
        }
        if (type == FieldType.ENUM && !schema.hasEnum() && !response) {
            diagnostics.report(Rule.CONSTRAINT_MISMATCH, schema.site(), what + " has no enum, but model.yaml"
                    + " allows only " + field.values(), "enum: " + field.values() + " in the contract");
        } else if (type == FieldType.ENUM && schema.hasEnum()) {
            // Every value sent must be in a response's enum; every value received, in the field's. A
            // request may be narrower than the field ([income, expense] in, [income, expense, transfer] out).
            Set<String> values = new LinkedHashSet<>(schema.enumValues());
            Set<String> stored = new LinkedHashSet<>(field.values());
            if (response ? !values.containsAll(stored) : values.isEmpty() || !stored.containsAll(values)) {
                mismatch("enum", schema.enumValues().toString(), field.values().toString());
            }
        }
    }

    /** An array's items and counts: the contract's items schema is compared like a field of its own. */
    private void checkItems(boolean response) {
        compare("minItems", "min_items");
        compare("maxItems", "max_items");
        field.node().map("items").ifPresent(items -> {
            Optional<SchemaView> declared = schema.items();
            if (declared.isEmpty()) {
                diagnostics.report(Rule.PROPERTY_TYPE_MISSING, schema.site(), what + " is an array without"
                        + " items", "items: {" + FieldType.of(items.text("type").orElseThrow()).contractSpelling()
                        + "}");
                return;
            }
            PropertyMatch item = new PropertyMatch(declared.get(), new FieldDoc(field.name(), items, items.mark()),
                    "the items of " + what, diagnostics);
            item.checkType();
            item.checkNullable();
            item.checkConstraints(response);
        });
    }

    private void compare(String keyword, String fieldKey) {
        Optional<BigDecimal> contractValue = schema.number(keyword);
        Optional<BigDecimal> modelValue = field.number(fieldKey);
        if (contractValue.isPresent() && (modelValue.isEmpty()
                || contractValue.get().compareTo(modelValue.get()) != 0)) {
            mismatch(keyword, contractValue.get().toPlainString(),
                    modelValue.map(BigDecimal::toPlainString).orElse("none"));
        }
    }

    private void mismatch(String keyword, String contractValue, String modelValue) {
        diagnostics.report(Rule.CONSTRAINT_MISMATCH, schema.node().get(keyword).orElse(schema.site()), what
                + " has " + keyword + " " + contractValue + " but model.yaml says " + modelValue,
                "the same " + keyword + " in the contract and model.yaml");
    }
}
