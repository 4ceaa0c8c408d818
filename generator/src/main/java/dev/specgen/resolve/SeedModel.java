package dev.specgen.resolve;

import dev.specgen.modeldoc.FieldDoc;
import dev.specgen.modeldoc.FieldType;
import java.util.List;

/** A row the tests seed per test user in a table another service owns: its class and keyword arguments. */
public final class SeedModel {
    public final String className;
    public final List<String> kwargs;

    SeedModel(String className, List<String> kwargs) {
        this.className = className;
        this.kwargs = List.copyOf(kwargs);
    }

    /** A value of the field's type, distinct per user where it is text (an email must be unique). */
    static String sample(FieldDoc field, java.util.Optional<String> format) {
        return switch (FieldType.of(field.type())) {
            case STRING, TEXT -> {
                if (format.filter("email"::equals).isPresent()) {
                    yield "f" + PyLiteral.str(field.name() + "-{user.id}@example.com");
                }
                if (format.filter(f -> f.equals("uri") || f.equals("url")).isPresent()) {
                    yield "f" + PyLiteral.str("https://example.com/" + field.name() + "/{user.id}");
                }
                String text = "f" + PyLiteral.str(field.name() + "-{user.id}");
                yield field.number("max_length").map(m -> text + "[:" + m.toPlainString() + "]").orElse(text);
            }
            case BOOLEAN -> "False";
            case INTEGER, BIGINT -> "1";
            case FLOAT -> "1.0";
            case DECIMAL -> "decimal.Decimal(\"1\")";
            case UUID -> "uuid.uuid4()";
            case DATE -> "datetime.date(2026, 1, 1)";
            case DATETIME -> "datetime.datetime(2026, 1, 1, tzinfo=datetime.UTC)";
            case ENUM -> PyLiteral.str(field.values().get(0));
            case JSON -> "{}";
            case ARRAY -> "[]";
        };
    }
}
