package dev.specgen.resolve;

import com.github.curiousoddman.rgxgen.RgxGen;
import com.github.curiousoddman.rgxgen.config.RgxGenOption;
import com.github.curiousoddman.rgxgen.config.RgxGenProperties;
import dev.specgen.load.YScalar;
import dev.specgen.modeldoc.FieldDoc;
import dev.specgen.modeldoc.FieldType;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Python expressions of valid values for fields, computed from their types and constraints, for the
 * generated tests. Each is valid JSON once evaluated, so it serves request bodies and rows inserted
 * straight into the database alike. {@code n} varies values between rows; {@code unique()} keeps
 * them distinct where a unique constraint asks.
 */
final class SampleValues {
    /** How many strings matching a pattern the tests cycle through. */
    private static final int PATTERN_SAMPLES = 7;
    private static final int PATTERN_ATTEMPTS = 500;

    private SampleValues() {
    }

    /**
     * A valid value. {@code key} names the field for the pattern samples ("Entity.field");
     * {@code distinct}: the field takes part in a unique constraint.
     */
    static String of(FieldDoc field, String key, String n, boolean distinct) {
        FieldType type = FieldType.of(field.type());
        String vary = distinct ? "unique()" : n;
        return switch (type) {
            case STRING, TEXT -> string(field, key, n);
            case INTEGER, BIGINT -> {
                BigDecimal[] range = integerRange(field);
                BigDecimal span = range[1].subtract(range[0]).add(BigDecimal.ONE);
                yield span.compareTo(BigDecimal.ONE) == 0 ? range[0].toPlainString()
                        : range[0].toPlainString() + " + (" + vary + ") % " + span.min(BigDecimal.valueOf(1_000_000))
                                .toPlainString();
            }
            case FLOAT -> floatLiteral(field.number("minimum").or(() -> field.number("maximum"))
                    .orElse(new BigDecimal("1.5")));
            case DECIMAL -> PyLiteral.str(decimal(field));
            case BOOLEAN -> "False";
            case UUID -> "str(uuid.uuid4())";
            case DATE -> "f\"2030-01-{(" + vary + ") % 28 + 1:02d}\"";
            case DATETIME -> "f\"2030-01-01T00:{(" + vary + ") % 60:02d}:00Z\"";
            case ENUM -> PyLiteral.str(field.values().get(0));
            case JSON -> "{\"n\": " + n + "}";
            case ARRAY -> array(field, key, n);
        };
    }

    /** A value of the field the sample rows never have, for filters; null when none is known. */
    static String other(FieldDoc field) {
        return switch (FieldType.of(field.type())) {
            case BOOLEAN -> "True";
            case ENUM -> field.values().size() > 1 ? PyLiteral.str(field.values().get(1)) : null;
            case STRING, TEXT -> field.node().has("pattern") || field.number("min_length")
                    .filter(m -> m.intValue() > 1).isPresent() ? null : PyLiteral.str("x");
            default -> null;
        };
    }

    /**
     * Whether the database orders the samples as Python does: collations differ on case and
     * punctuation, so only lowercase letters and digits are safe to compare, besides numbers and dates.
     */
    static boolean sortsAsPython(FieldDoc field) {
        return switch (FieldType.of(field.type())) {
            case STRING, TEXT -> field.text("pattern").map(p -> patternSamples(field, p).stream()
                    .allMatch(s -> s.matches("[a-z0-9]*"))).orElse(true);
            case JSON, ARRAY -> false;
            default -> true;
        };
    }

    private static String string(FieldDoc field, String key, String n) {
        Optional<String> pattern = field.text("pattern");
        if (pattern.isPresent()) {
            List<String> samples = patternSamples(field, pattern.get());
            if (samples.isEmpty()) {
                return field.defaultValue().filter(YScalar.class::isInstance)
                        .map(v -> PyLiteral.str(((YScalar) v).text())).orElse(PyLiteral.str(""));
            }
            return "sample_of(" + PyLiteral.str(key) + ", " + PyLiteral.strList(samples).replaceFirst("^\\[", "(")
                    .replaceFirst("]$", samples.size() == 1 ? ",)" : ")") + ")";
        }
        int max = field.number("max_length").map(BigDecimal::intValue).orElse(64);
        int min = field.number("min_length").map(BigDecimal::intValue).orElse(0);
        if (max == 0) {
            return "\"\"";
        }
        // unique() keeps values distinct across rows, whatever unique constraints say.
        String prefix = field.name().replace("_", "-").replaceAll("^-+", "");
        String base = "f\"" + prefix + "-{" + n + "}-{unique()}\"";
        if (max < prefix.length() + 12) {
            base = "str(unique()).rjust(" + Math.max(1, Math.min(max, Math.max(min, 1))) + ", \"0\")[-" + max + ":]";
        }
        return min > prefix.length() + 2 ? "(" + base + " + \"x\" * " + min + ")[:" + max + "]" : base;
    }

    /**
     * Up to {@value #PATTERN_SAMPLES} distinct strings that match the pattern and fit the length
     * bounds, drawn by rgxgen from a seed made of the field's name, so the output is the same on
     * every run. Each is checked again with java.util.regex, as a Python search would.
     */
    static List<String> patternSamples(FieldDoc field, String pattern) {
        return patternSamples(field.name(), pattern, field.number("min_length").map(BigDecimal::intValue).orElse(0),
                field.number("max_length").map(BigDecimal::intValue).orElse(Integer.MAX_VALUE));
    }

    /** The same, for any named value with these length bounds (a contract parameter, say). */
    static List<String> patternSamples(String name, String pattern, int min, int max) {
        Pattern compiled;
        RgxGen generator;
        try {
            compiled = Pattern.compile(pattern);
            RgxGenProperties properties = new RgxGenProperties();
            RgxGenOption.INFINITE_PATTERN_REPETITION.setInProperties(properties, Math.max(1, Math.min(max, 12)));
            generator = RgxGen.parse(properties, pattern);
        } catch (RuntimeException unsupported) {
            return List.of();
        }
        Random random = new Random(name.hashCode() * 31L + pattern.hashCode());
        Set<String> found = new LinkedHashSet<>();
        for (int attempt = 0; attempt < PATTERN_ATTEMPTS && found.size() < PATTERN_SAMPLES; attempt++) {
            String sample;
            try {
                sample = generator.generate(random);
            } catch (RuntimeException unsupported) {
                return List.of();
            }
            int length = sample.codePointCount(0, sample.length());
            boolean plain = sample.codePoints().allMatch(c -> c >= 0x20 && c != 0x7f && (c < 0xd800 || c > 0xdfff));
            if (plain && length >= min && length <= max && compiled.matcher(sample).find()) {
                found.add(sample);
            }
        }
        return new ArrayList<>(found);
    }

    private static String array(FieldDoc field, String key, String n) {
        int min = field.number("min_items").map(BigDecimal::intValue).orElse(0);
        int max = field.number("max_items").map(BigDecimal::intValue).orElse(Integer.MAX_VALUE);
        int count = Math.min(max, Math.max(min, 1));
        FieldDoc item = FieldRenderer.items(field);
        List<String> items = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            items.add(of(item, key + "[]", n, false));
        }
        return "[" + String.join(", ", items) + "]";
    }

    /** The lowest and highest sample of an integer field: its bounds, or 1 to 1000 within them. */
    private static BigDecimal[] integerRange(FieldDoc field) {
        Optional<BigDecimal> minimum = field.number("minimum").map(m -> m.setScale(0, RoundingMode.CEILING));
        Optional<BigDecimal> maximum = field.number("maximum").map(m -> m.setScale(0, RoundingMode.FLOOR));
        BigDecimal low = minimum.orElseGet(() -> maximum.map(m -> m.min(BigDecimal.ONE).subtract(
                m.compareTo(BigDecimal.ONE) < 0 ? BigDecimal.valueOf(999) : BigDecimal.ZERO)).orElse(BigDecimal.ONE));
        BigDecimal high = maximum.orElse(low.add(BigDecimal.valueOf(999)));
        return new BigDecimal[] {low, high};
    }

    private static String floatLiteral(BigDecimal value) {
        String plain = value.toPlainString();
        return plain.contains(".") ? plain : plain + ".0";
    }

    /**
     * A decimal within the bounds that fits precision and scale, counting digits as pydantic does
     * (0 has one whole digit, 0.1 none): 1, 0, 0.1, or a bound.
     */
    private static String decimal(FieldDoc field) {
        int precision = field.number("precision").map(BigDecimal::intValue).orElse(38);
        int scale = field.number("scale").map(BigDecimal::intValue).orElse(0);
        List<BigDecimal> candidates = new ArrayList<>(List.of(BigDecimal.ONE, BigDecimal.ZERO, new BigDecimal("0.1")));
        field.number("minimum").ifPresent(m -> candidates.add(m.setScale(scale, RoundingMode.CEILING)));
        field.number("maximum").ifPresent(m -> candidates.add(m.setScale(scale, RoundingMode.FLOOR)));
        for (BigDecimal candidate : candidates) {
            boolean inRange = field.number("minimum").map(m -> candidate.compareTo(m) >= 0).orElse(true)
                    && field.number("maximum").map(m -> candidate.compareTo(m) <= 0).orElse(true);
            BigDecimal stripped = candidate.stripTrailingZeros();
            int decimals = Math.max(0, stripped.scale());
            int digits = stripped.scale() >= 0 ? Math.max(stripped.precision(), stripped.scale())
                    : stripped.precision() - stripped.scale();
            if (inRange && decimals <= scale && digits - decimals <= precision - scale) {
                return stripped.toPlainString();
            }
        }
        return "0";
    }

    /** A key that no row has: past the samples' range for integers, a fixed UUID, a word otherwise. */
    static String missingKey(FieldDoc field) {
        return switch (FieldType.of(field.type())) {
            case INTEGER, BIGINT -> field.number("maximum").map(m -> m.setScale(0, RoundingMode.FLOOR).toPlainString())
                    .orElse("999999999");
            case UUID -> "\"00000000-0000-4000-8000-000000000000\"";
            default -> "\"does-not-exist\"";
        };
    }
}
