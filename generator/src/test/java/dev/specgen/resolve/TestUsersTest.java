package dev.specgen.resolve;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.specgen.load.Mark;
import dev.specgen.load.YMap;
import dev.specgen.load.YNode;
import dev.specgen.load.YScalar;
import dev.specgen.modeldoc.FieldDoc;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The generated tests' users fit every owner field, so that only a wrong backend fails them. */
class TestUsersTest {
    @Test
    void stringUsersFitTheOwnerFieldsLengths() {
        assertUsers("\"user-a\"", "\"user-b\"", TestUsers.of("string", List.of(owner(Map.of()))));
        assertUsers("\"aaa\"", "\"bbb\"", TestUsers.of("string", List.of(owner(Map.of("max_length", "3")))));
        assertUsers("\"aaaaaaaa\"", "\"bbbbbbbb\"", TestUsers.of("string", List.of(owner(Map.of("min_length", "8")))));
        assertUsers("\"aaaa\"", "\"bbbb\"", TestUsers.of("string", List.of(owner(Map.of("max_length", "10")),
                owner(Map.of("max_length", "4")))));
    }

    @Test
    void stringUsersMatchTheOwnerFieldsPattern() {
        TestUsers users = TestUsers.of("string", List.of(owner(Map.of("pattern", "^[0-9]{4}$"))));
        assertEquals(true, users.a.matches("\"[0-9]{4}\"") && users.b.matches("\"[0-9]{4}\"") && !users.a.equals(users.b),
                users.a + " " + users.b);
    }

    @Test
    void integerUsersFitTheOwnerFieldsRange() {
        assertUsers("\"101\"", "\"202\"", TestUsers.of("int", List.of(owner(Map.of()))));
        assertUsers("\"500\"", "\"501\"", TestUsers.of("int", List.of(owner(Map.of("minimum", "500")))));
        assertUsers("\"1\"", "\"2\"", TestUsers.of("int", List.of(owner(Map.of("maximum", "50")))));
        assertUsers("\"1\"", "\"2\"", TestUsers.of("int", List.of(owner(Map.of("minimum", "-10", "maximum", "10")))));
        assertUsers("\"-6\"", "\"-5\"", TestUsers.of("int", List.of(owner(Map.of("maximum", "-5")))));
    }

    private static void assertUsers(String a, String b, TestUsers users) {
        assertEquals(List.of(a, b), List.of(users.a, users.b));
    }

    private static FieldDoc owner(Map<String, String> constraints) {
        Mark mark = new Mark(java.nio.file.Path.of("model.yaml"), 1, 1);
        Map<String, YNode> entries = new LinkedHashMap<>();
        constraints.forEach((key, value) -> entries.put(key, new YScalar(mark, "/" + key, value,
                value.matches("-?\\d+") ? YScalar.Kind.INTEGER : YScalar.Kind.STRING)));
        return new FieldDoc("owner_id", new YMap(mark, "/owner_id", entries, Map.of()), mark);
    }
}
