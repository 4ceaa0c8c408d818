package dev.specgen.resolve;

import dev.specgen.modeldoc.FieldDoc;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The two users of the generated tests, as Python string literals: subjects every owner field can
 * hold (within its bounds and pattern), so that a test fails only when the backend is wrong.
 */
final class TestUsers {
    final String a;
    final String b;
    /** A third valid user id that no seeded row belongs to (me's 404). */
    final String c;

    private TestUsers(String a, String b) {
        this.a = PyLiteral.str(a);
        this.b = PyLiteral.str(b);
        this.c = PyLiteral.str(third(a, b));
    }

    /** Another id of the same kind: a UUID, an integer or a string. */
    private static String third(String a, String b) {
        if (a.matches("[0-9a-f-]{36}")) {
            return "0b5f6a1e-0000-4000-8000-00000000000c";
        }
        if (a.matches("-?\\d+")) {
            return new java.math.BigInteger(b).add(java.math.BigInteger.ONE).toString();
        }
        return b.length() > 1 ? b.substring(0, b.length() - 1) + (b.endsWith("c") ? "d" : "c") : b + "c";
    }

    static TestUsers of(String userIdType, List<FieldDoc> owners) {
        return switch (userIdType) {
            case "uuid" -> new TestUsers("0b5f6a1e-0000-4000-8000-00000000000a", "0b5f6a1e-0000-4000-8000-00000000000b");
            case "int" -> integers(owners);
            default -> strings(owners);
        };
    }

    private static TestUsers integers(List<FieldDoc> owners) {
        BigDecimal low = owners.stream().flatMap(f -> f.number("minimum").stream())
                .map(m -> m.setScale(0, RoundingMode.CEILING)).max(BigDecimal::compareTo)
                .orElse(BigDecimal.valueOf(Long.MIN_VALUE));
        BigDecimal high = owners.stream().flatMap(f -> f.number("maximum").stream())
                .map(m -> m.setScale(0, RoundingMode.FLOOR)).min(BigDecimal::compareTo)
                .orElse(BigDecimal.valueOf(Long.MAX_VALUE));
        BigDecimal a = BigDecimal.valueOf(101);
        BigDecimal b = BigDecimal.valueOf(202);
        if (a.compareTo(low) < 0 || b.compareTo(high) > 0) {
            // Two positive users the bounds allow, low ones; two negative ones only when nothing else fits.
            a = low.max(BigDecimal.ONE);
            if (a.add(BigDecimal.ONE).compareTo(high) > 0) {
                a = high.subtract(BigDecimal.ONE);
            }
            b = a.add(BigDecimal.ONE);
        }
        return new TestUsers(a.toPlainString(), b.toPlainString());
    }

    private static TestUsers strings(List<FieldDoc> owners) {
        int low = Math.max(1, owners.stream().flatMap(f -> f.number("min_length").stream())
                .mapToInt(BigDecimal::intValue).max().orElse(1));
        int high = owners.stream().flatMap(f -> f.number("max_length").stream()).mapToInt(BigDecimal::intValue)
                .min().orElse(Integer.MAX_VALUE);
        Optional<FieldDoc> patterned = owners.stream().filter(f -> f.text("pattern").isPresent()).findFirst();
        if (patterned.isPresent()) {
            List<String> fitting = new ArrayList<>();
            for (String sample : SampleValues.patternSamples(patterned.get(), patterned.get().text("pattern").get())) {
                int length = sample.codePointCount(0, sample.length());
                boolean everyPattern = owners.stream().allMatch(f -> f.text("pattern")
                        .map(p -> Pattern.compile(p).matcher(sample).find()).orElse(true));
                if (length >= low && length <= high && everyPattern) {
                    fitting.add(sample);
                }
            }
            if (fitting.size() >= 2) {
                return new TestUsers(fitting.get(0), fitting.get(1));
            }
        }
        if (low <= 6 && 6 <= high) {
            return new TestUsers("user-a", "user-b");
        }
        int length = Math.max(low, Math.min(6, high));
        return new TestUsers("a".repeat(length), "b".repeat(length));
    }
}
