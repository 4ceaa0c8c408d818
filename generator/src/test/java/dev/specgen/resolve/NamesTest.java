package dev.specgen.resolve;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * A field, parameter or operation name becomes a Python name beside everything the generated
 * modules import, define and call. These tests read the templates, so a new import or builtin call
 * cannot leave a name that a field would shadow (a field named date beside an annotation date).
 */
class NamesTest {
    /** The templates whose scopes hold names that come from the spec. */
    private static final List<String> TEMPLATES = List.of("model", "router", "ownership", "hooks");
    private static final Set<String> PYTHON_BUILTINS = Set.of("abs", "aiter", "all", "anext", "any", "ascii", "bin",
            "bool", "breakpoint", "bytearray", "bytes", "callable", "chr", "classmethod", "compile", "complex",
            "delattr", "dict", "dir", "divmod", "enumerate", "eval", "exec", "filter", "float", "format",
            "frozenset", "getattr", "globals", "hasattr", "hash", "help", "hex", "id", "input", "int", "isinstance",
            "issubclass", "iter", "len", "list", "locals", "map", "max", "memoryview", "min", "next", "object", "oct",
            "open", "ord", "pow", "print", "property", "range", "repr", "reversed", "round", "set", "setattr",
            "slice", "sorted", "staticmethod", "str", "sum", "super", "tuple", "type", "vars", "zip");
    private static final Pattern FROM_IMPORT = Pattern.compile("^from [\\w.]+ import \\(?([^)#\\n]*)",
            Pattern.MULTILINE);
    private static final Pattern IMPORT = Pattern.compile("^import ([\\w.]+)", Pattern.MULTILINE);
    private static final Pattern CALL = Pattern.compile("(?<![\\w.])([a-z_]+)\\(");

    @Test
    void everyNameTheTemplatesImportIsReserved() throws IOException {
        Set<String> missing = new TreeSet<>();
        for (String template : TEMPLATES) {
            String text = read(template);
            Matcher from = FROM_IMPORT.matcher(text);
            while (from.find()) {
                for (String part : from.group(1).split(",")) {
                    String name = part.trim().replaceAll(".* as ", "").replaceAll("\\$.*", "").trim();
                    if (name.matches("\\w+") && !Names.reserved(name)) {
                        missing.add(template + ": " + name);
                    }
                }
            }
            Matcher plain = IMPORT.matcher(text);
            while (plain.find()) {
                String name = plain.group(1).split("\\.")[0];
                if (!Names.reserved(name)) {
                    missing.add(template + ": " + name);
                }
            }
        }
        assertEquals(Set.of(), missing, "names imported by generated modules that a field could shadow");
    }

    @Test
    void everyBuiltinTheTemplatesCallIsReserved() throws IOException {
        Set<String> missing = new TreeSet<>();
        for (String template : TEMPLATES) {
            Matcher call = CALL.matcher(read(template));
            while (call.find()) {
                String name = call.group(1);
                if (PYTHON_BUILTINS.contains(name) && !Names.reservedInRoutes(name)) {
                    missing.add(template + ": " + name);
                }
            }
        }
        assertEquals(Set.of(), missing, "builtins generated modules call that a field could shadow");
    }

    @Test
    void namesThatWouldShadowGetASafeAttribute() {
        for (String name : List.of("date", "datetime", "uuid", "decimal", "str", "list", "dict", "type", "select",
                "json", "model_kind", "class", "match", "cls")) {
            assertEquals(name + "_", Names.attribute(name), name);
            assertEquals(name + "_", Names.parameter(name), name);
        }
        // A route's own variables and the builtins it calls only matter to its parameters.
        for (String name : List.of("session", "body", "statement", "len", "items", "total")) {
            assertEquals(name, Names.attribute(name), name);
            assertEquals(name + "_", Names.parameter(name), name);
        }
        // A camelCase JSON name becomes a snake_case attribute (its alias keeps the JSON name).
        assertEquals("patient_id", Names.attribute("patientId"));
        assertEquals("user_id", Names.attribute("userID"));
        assertEquals("url_path", Names.attribute("URLPath"));
        assertEquals("class_", Names.attribute("Class"));
        assertEquals("field", Names.attribute("Field"));
        // Builtins nothing generated calls stay as they are: every example has an id.
        for (String name : List.of("id", "title", "input", "format", "hash")) {
            assertEquals(name, Names.attribute(name), name);
        }
    }

    @Test
    void aLeadingUnderscoreWouldBePrivateToPydanticSoItIsPrefixed() {
        assertEquals("f_secret", Names.attribute("_secret"));
        assertEquals("f_", Names.attribute("_"));
        assertEquals("f__init__", Names.attribute("__init__"));
    }

    @Test
    void entityNamesThatTheGeneratedModulesImportAreReserved() {
        for (String name : List.of("Field", "SQLModel", "Query", "Path", "Response", "Enum", "Text", "JSON")) {
            assertTrue(Names.reservedClassName(name), name);
        }
    }

    private static String read(String template) throws IOException {
        return Files.readString(Path.of("templates", "python", template + ".stg"));
    }
}
