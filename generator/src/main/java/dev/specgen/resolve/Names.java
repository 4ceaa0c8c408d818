package dev.specgen.resolve;

import java.util.Locale;
import java.util.Set;

/** Turns spec names into safe Python and SQL identifiers. */
public final class Names {
    /** Python keywords and soft keywords: a field with such a name gets a trailing underscore and an alias. */
    static final Set<String> PYTHON_RESERVED = Set.of("False", "None", "True", "and", "as", "assert", "async",
            "await", "break", "class", "continue", "def", "del", "elif", "else", "except", "finally", "for",
            "from", "global", "if", "import", "in", "is", "lambda", "nonlocal", "not", "or", "pass", "raise",
            "return", "try", "while", "with", "yield", "match", "case", "type", "_");
    /** Attributes that pydantic or SQLModel already define on every model. */
    static final Set<String> MODEL_RESERVED = Set.of("metadata", "registry", "model_config", "model_fields",
            "model_dump", "model_validate", "copy", "dict", "json", "schema", "validate", "fields");

    private Names() {
    }

    public static String snake(String name) {
        String spaced = name.replaceAll("([a-z0-9])([A-Z])", "$1_$2").replaceAll("([A-Z]+)([A-Z][a-z])", "$1_$2");
        return spaced.toLowerCase(Locale.ROOT);
    }

    /** A Python attribute for a wire name: itself when safe, else with a trailing underscore. */
    public static String attribute(String wireName) {
        if (PYTHON_RESERVED.contains(wireName) || MODEL_RESERVED.contains(wireName) || wireName.startsWith("model_")) {
            return wireName + "_";
        }
        return wireName;
    }

    /**
     * A Python function name for an operation key: the snake-cased operationId, or method and path
     * ("PUT /api/{user_id}/tasks/{id}" gives put_api_user_id_tasks_id).
     */
    public static String function(String key) {
        String words = key.replaceAll("[^A-Za-z0-9]+", " ").trim();
        StringBuilder out = new StringBuilder();
        for (String word : words.split(" ")) {
            if (!word.isEmpty()) {
                out.append(out.length() == 0 ? "" : "_").append(snake(word));
            }
        }
        String name = out.length() == 0 ? "operation" : out.toString();
        return attribute(Character.isDigit(name.charAt(0)) ? "op_" + name : name);
    }

    public static String upperSnake(String name) {
        return snake(name).toUpperCase(Locale.ROOT);
    }
}
