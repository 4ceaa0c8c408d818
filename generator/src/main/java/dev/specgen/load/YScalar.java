package dev.specgen.load;

import java.math.BigDecimal;
import java.util.Optional;

/** A YAML scalar with the type the YAML 1.2 core schema gives it. */
public record YScalar(Mark mark, String pointer, String text, Kind kind) implements YNode {

    public enum Kind { NULL, BOOLEAN, INTEGER, FLOAT, STRING }

    public boolean isNull() {
        return kind == Kind.NULL;
    }

    public boolean isString() {
        return kind == Kind.STRING;
    }

    public boolean isTrue() {
        return kind == Kind.BOOLEAN && Boolean.parseBoolean(text.toLowerCase(java.util.Locale.ROOT));
    }

    public boolean isNumber() {
        return kind == Kind.INTEGER || kind == Kind.FLOAT;
    }

    public Optional<BigDecimal> number() {
        if (!isNumber()) {
            return Optional.empty();
        }
        try {
            return Optional.of(new BigDecimal(text.replace("_", "")));
        } catch (NumberFormatException notDecimal) {
            return Optional.empty(); // .inf, .nan
        }
    }

    @Override
    public String kindName() {
        return switch (kind) {
            case NULL -> "null";
            case BOOLEAN -> "a boolean";
            case INTEGER -> "an integer";
            case FLOAT -> "a number";
            case STRING -> "a string";
        };
    }
}
