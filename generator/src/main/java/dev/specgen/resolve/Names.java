package dev.specgen.resolve;

import java.util.Locale;
import java.util.Set;

/**
 * Turns spec names into safe Python and SQL identifiers.
 *
 * <p>A field becomes a class attribute, where it would shadow what the class body's annotations and
 * defaults read: keywords, builtin classes and constants, names a generated module imports or
 * defines, attributes pydantic and SQLModel reserve. Such a name is escaped (a trailing underscore,
 * the wire name kept as alias or column name). A path parameter, filter or operation becomes a name
 * in a route function, which besides reads the builtins it calls and its own locals.
 * {@code NamesTest} scans the templates so that a new import or builtin call cannot slip past.
 */
public final class Names {
    /** Python keywords and soft keywords. */
    static final Set<String> KEYWORDS = Set.of("False", "None", "True", "and", "as", "assert", "async", "await",
            "break", "class", "continue", "def", "del", "elif", "else", "except", "finally", "for", "from", "global",
            "if", "import", "in", "is", "lambda", "nonlocal", "not", "or", "pass", "raise", "return", "try", "while",
            "with", "yield", "match", "case", "type", "_");
    /** Builtin classes and constants: what an annotation or a default can name. */
    static final Set<String> BUILTIN_TYPES = Set.of("bool", "bytearray", "bytes", "classmethod", "complex", "dict",
            "enumerate", "filter", "float", "frozenset", "int", "list", "map", "memoryview", "object", "property",
            "range", "reversed", "set", "slice", "staticmethod", "str", "super", "tuple", "type", "zip", "Ellipsis",
            "NotImplemented");
    /** Builtin functions that generated modules call. Builtins nothing generated calls (id, input) stay usable. */
    static final Set<String> BUILTIN_CALLS = Set.of("abs", "all", "any", "getattr", "hasattr", "isinstance", "iter",
            "len", "max", "min", "next", "print", "repr", "round", "setattr", "sorted", "sum", "callable", "vars");
    /** Names the generated model, router, ownership and hook modules import or define at module level. */
    static final Set<String> MODULE_NAMES = Set.of("uuid", "decimal", "importlib", "pkgutil", "date", "datetime", "math", "Enum", "Any",
            "Annotated", "Literal", "AfterValidator", "ConfigDict", "SQLModelConfig", "StrEnum", "StrictBool", "StrictInt", "SAEnum", "BigInteger",
            "Index", "Integer", "JSON", "Text", "UniqueConstraint", "Field", "SQLModel", "utcnow", "finite_json",
            "APIRouter", "Path", "Query", "Response", "func", "select", "ownership", "SessionDep", "not_found", "referenced",
            "commit_write", "commit_delete", "flush_write", "flush_delete", "hooks", "run_hook", "CurrentUser", "get_current_user", "UserId", "router",
            "AsyncSession", "SelectOfScalar", "ModuleType", "models", "schemas", "contract_body", "or_", "forbidden",
            "escape_like", "json_number", "json_text", "json_iso", "Depends", "field_serializer");
    /** Parameters and locals of generated route functions. */
    static final Set<String> ROUTE_LOCALS = Set.of("session", "current_user", "body", "statement", "result",
            "changes", "column", "items", "total", "total_result", "now", "limit", "offset", "sort", "rows",
            "pattern", "scoped", "grouped", "page", "page_size", "context");
    /**
     * Attributes that pydantic or SQLModel already define on every model, and cls, which SQLModel's
     * __new__ takes as a keyword-capable parameter (a field named cls breaks every construction).
     */
    static final Set<String> MODEL_RESERVED = Set.of("metadata", "registry", "model_config", "model_fields",
            "model_dump", "model_validate", "copy", "dict", "json", "schema", "validate", "fields", "cls");

    private Names() {
    }

    public static String snake(String name) {
        String spaced = name.replaceAll("([a-z0-9])([A-Z])", "$1_$2").replaceAll("([A-Z]+)([A-Z][a-z])", "$1_$2");
        return spaced.toLowerCase(Locale.ROOT);
    }

    /**
     * Whether a wire name needs another Python name as a class attribute: class bodies read
     * annotations and defaults, which name keywords, builtin types and imported names.
     */
    public static boolean reserved(String name) {
        return KEYWORDS.contains(name) || BUILTIN_TYPES.contains(name) || MODULE_NAMES.contains(name)
                || MODEL_RESERVED.contains(name) || name.startsWith("model_");
    }

    /** Whether a name needs another Python name as a parameter or variable of a generated route. */
    public static boolean reservedInRoutes(String name) {
        return reserved(name) || BUILTIN_CALLS.contains(name) || ROUTE_LOCALS.contains(name);
    }

    /**
     * A Python attribute for a wire name: its snake_case form (patientId: patient_id), with a trailing
     * underscore when that is a keyword or otherwise taken. A leading
     * underscore would make pydantic treat the field as private, so such a name is prefixed instead.
     */
    public static String attribute(String wireName) {
        if (wireName.startsWith("_")) {
            return "f" + dev.specgen.modeldoc.FieldDoc.snake(wireName);
        }
        String name = dev.specgen.modeldoc.FieldDoc.snake(wireName);
        return reserved(name) ? name + "_" : name;
    }

    /** A parameter or local variable of a generated route for a name from the spec. */
    public static String parameter(String wireName) {
        if (wireName.startsWith("_")) {
            return "f" + wireName;
        }
        return reservedInRoutes(wireName) ? wireName + "_" : wireName;
    }

    /** Whether a class name (an entity's) would clash with a name generated modules import. */
    public static boolean reservedClassName(String name) {
        return MODULE_NAMES.contains(name) || BUILTIN_TYPES.contains(name) || KEYWORDS.contains(name);
    }

    /** Classes every entity's model module may define besides its enums. */
    public static final java.util.List<String> ENTITY_CLASS_SUFFIXES = java.util.List.of("", "Base", "Create",
            "Update", "Public", "Page");

    /**
     * The enum class of a field: the entity's name and the field's in PascalCase, with "Enum" added
     * while that names another generated class (Task.page beside TaskPage, Task.status beside an
     * entity TaskStatus) or an imported name.
     */
    public static String enumClassName(String entity, String field, java.util.Collection<String> entityNames) {
        StringBuilder name = new StringBuilder(entity);
        for (String part : field.split("_")) {
            if (!part.isEmpty()) {
                name.append(Character.toUpperCase(part.charAt(0))).append(part.substring(1));
            }
        }
        while (reservedClassName(name.toString()) || takenByEntity(name.toString(), entityNames)) {
            name.append("Enum");
        }
        return name.toString();
    }

    private static boolean takenByEntity(String name, java.util.Collection<String> entityNames) {
        return entityNames.stream().anyMatch(e -> ENTITY_CLASS_SUFFIXES.stream().anyMatch(s -> name.equals(e + s)));
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

    /**
     * A contract path with each {parameter} renamed as the route's Python parameter is. FastAPI binds a
     * function parameter to a path parameter by name, so a template {session} or {body} would otherwise
     * capture the route's own session or body parameter; the URLs matched are the same.
     */
    public static String routePath(String path, java.util.function.UnaryOperator<String> python) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("\\{([^}/]+)}").matcher(path);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            m.appendReplacement(out, java.util.regex.Matcher.quoteReplacement("{" + python.apply(m.group(1)) + "}"));
        }
        m.appendTail(out);
        return out.toString();
    }

    /**
     * Names imported from one module, in the order ruff's isort keeps them: CONSTANTS, then Classes,
     * then the rest, each group case-insensitively with numbers in natural order.
     */
    public static java.util.List<String> isortOrder(java.util.Collection<String> names) {
        return names.stream().distinct().sorted(java.util.Comparator.comparingInt(Names::memberType)
                .thenComparing((a, b) -> natural(a.toLowerCase(java.util.Locale.ROOT), b.toLowerCase(java.util.Locale.ROOT)))
                .thenComparing(java.util.Comparator.naturalOrder())).toList();
    }

    private static int memberType(String name) {
        if (name.length() > 1 && name.equals(name.toUpperCase(java.util.Locale.ROOT))
                && !name.equals(name.toLowerCase(java.util.Locale.ROOT))) {
            return 0;
        }
        return Character.isUpperCase(name.charAt(0)) ? 1 : 2;
    }

    private static int natural(String a, String b) {
        int i = 0;
        int j = 0;
        while (i < a.length() && j < b.length()) {
            char x = a.charAt(i);
            char y = b.charAt(j);
            if (Character.isDigit(x) && Character.isDigit(y)) {
                int ei = i;
                while (ei < a.length() && Character.isDigit(a.charAt(ei))) {
                    ei++;
                }
                int ej = j;
                while (ej < b.length() && Character.isDigit(b.charAt(ej))) {
                    ej++;
                }
                int c = new java.math.BigInteger(a.substring(i, ei)).compareTo(new java.math.BigInteger(b.substring(j, ej)));
                if (c != 0) {
                    return c;
                }
                i = ei;
                j = ej;
            } else {
                if (x != y) {
                    return Character.compare(x, y);
                }
                i++;
                j++;
            }
        }
        return Integer.compare(a.length() - i, b.length() - j);
    }
}
