package dev.specgen.draft;

import java.util.Locale;

/** Names: PascalCase entities, snake_case fields and plural table names, the way teams spell them. */
final class Words {
    private Words() {
    }

    /** "ProjectTask" and "projectTask" give "project_task"; "emailVerified" gives "email_verified". */
    static String snake(String name) {
        String s = name.replaceAll("([a-z0-9])([A-Z])", "$1_$2").replaceAll("([A-Z]+)([A-Z][a-z])", "$1_$2")
                .replaceAll("[^A-Za-z0-9]+", "_").replaceAll("^_+|_+$", "").toLowerCase(Locale.ROOT);
        if (s.isEmpty()) {
            return "field";
        }
        return Character.isDigit(s.charAt(0)) ? "_" + s : s;
    }

    /** "user" gives "User", "task_list" gives "TaskList". */
    static String pascal(String name) {
        StringBuilder out = new StringBuilder();
        for (String word : snake(name).split("_")) {
            if (!word.isEmpty()) {
                out.append(Character.toUpperCase(word.charAt(0))).append(word.substring(1));
            }
        }
        String s = out.toString();
        return s.isEmpty() || !Character.isLetter(s.charAt(0)) ? "E" + s : s;
    }

    /** English plural of a snake_case name's last word: task_list gives task_lists, category categories. */
    static String plural(String snake) {
        if (snake.endsWith("s") || snake.endsWith("x") || snake.endsWith("z") || snake.endsWith("ch")
                || snake.endsWith("sh")) {
            return snake.endsWith("ss") || !snake.endsWith("s") ? snake + "es" : snake;
        }
        if (snake.endsWith("y") && snake.length() > 1 && "aeiou".indexOf(snake.charAt(snake.length() - 2)) < 0) {
            return snake.substring(0, snake.length() - 1) + "ies";
        }
        return snake + "s";
    }

    /** The singular a plural path segment names: tasks gives task, categories category. */
    static String singular(String word) {
        String w = snake(word);
        if (w.endsWith("ies") && w.length() > 3) {
            return w.substring(0, w.length() - 3) + "y";
        }
        if (w.endsWith("sses") || w.endsWith("xes") || w.endsWith("ches") || w.endsWith("shes")) {
            return w.substring(0, w.length() - 2);
        }
        if (w.endsWith("s") && !w.endsWith("ss")) {
            return w.substring(0, w.length() - 1);
        }
        return w;
    }

    /** A snake_case name, used as it is for a field, an attribute and a column. */
    static boolean fieldName(String name) {
        return name.matches("[a-z_][a-z0-9_]*");
    }

    /** A name model.yaml takes for a field: snake_case, or camelCase kept as the JSON name. */
    static boolean anyFieldName(String name) {
        return name.matches("[A-Za-z_][A-Za-z0-9_]*");
    }
}
