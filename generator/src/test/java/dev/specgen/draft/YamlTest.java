package dev.specgen.draft;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.specgen.diagnostics.Rule;
import dev.specgen.load.YMap;
import dev.specgen.load.YScalar;
import dev.specgen.load.YSeq;
import java.math.BigDecimal;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The draft's YAML spelling: every value reads back as itself, and decisions render in both states. */
class YamlTest {
    private static final List<String> STRINGS = List.of("plain", "two words", "true", "No", "null", "~", "123",
            "1.5", "-created_at", "-", "- item", "a: b", "a #b", "#x", "'quoted'", "\"double\"", "it's \"complicated\"",
            "^[^\\n]+$", "^#[0-9a-fA-F]{6}$", "GET /api/{user_id}/tasks", "{x}", "[x]", "café, 書架", "tab\there",
            "line\nbreak", "back\\slash", "trailing ", " leading", "ends:", ".inf", "0x1F", "*alias", "&anchor",
            "!tag", "@at", "%pct", "`tick`", "a,b", "");

    @Test
    void everyStringReadsBackAsItself() {
        for (String s : STRINGS) {
            YMap block = DraftScore.parse("k: " + Yaml.scalar(s, false) + "\n", "block.yaml");
            YScalar value = block.scalar("k").orElseThrow(() -> new AssertionError(s));
            assertEquals(YScalar.Kind.STRING, value.kind(), s);
            assertEquals(s, value.text(), s);
            YMap flow = DraftScore.parse("k: " + Yaml.flowList(List.of(s, "x")).yaml() + "\n", "flow.yaml");
            YScalar item = (YScalar) flow.seq("k").map(YSeq::items).orElseThrow().get(0);
            assertEquals(YScalar.Kind.STRING, item.kind(), s);
            assertEquals(s, item.text(), s);
            YMap key = DraftScore.parse(Yaml.key(s.isEmpty() ? "e" : s) + ": 1\n", "key.yaml");
            assertTrue(key.has(s.isEmpty() ? "e" : s), s);
        }
    }

    @Test
    void numbersAndBooleansStayLiterals() {
        YMap map = DraftScore.parse("a: " + Yaml.scalar(new BigDecimal("0.010"), false) + "\nb: "
                + Yaml.scalar(new BigDecimal("1E+6"), false) + "\nc: " + Yaml.scalar(false, false) + "\nd: "
                + Yaml.scalar(null, false) + "\n", "n.yaml");
        assertEquals("0.01", map.scalar("a").orElseThrow().text());
        assertEquals("1000000", map.scalar("b").orElseThrow().text());
        assertEquals(YScalar.Kind.BOOLEAN, map.scalar("c").orElseThrow().kind());
        assertTrue(map.scalar("d").orElseThrow().isNull());
    }

    @Test
    void aDecisionIsACommentUntilItIsTaken() {
        Decision decision = new Decision("ownership Task", "who owns Task", List.of("a reason."),
                Rule.OWNERSHIP_MISSING, true, "/entities/Task", true);
        Yaml.Block entity = new Yaml.Block().gap(decision, new Yaml.Block().put("ownership",
                Yaml.flowMap(java.util.Map.of("owner_field", "user_id"))), true).put("table", Yaml.text("tasks"), "why");
        Yaml.Block root = new Yaml.Block().put("Task", entity);
        assertEquals("""
                Task:
                  # DECIDE who owns Task: a reason.
                  # ownership: {owner_field: user_id}
                  table: tasks                          # why
                """, Yaml.render(root, Set.of()));
        assertEquals("""
                Task:
                  ownership: {owner_field: user_id}
                  table: tasks                          # why
                """, Yaml.render(root, Set.of("ownership Task")));
        assertEquals("empty: {}\n", Yaml.render(new Yaml.Block().put("empty", new Yaml.Block()), Set.of()));
    }

    @Test
    void longDecisionsWrapUnderTheirFirstLine() {
        List<String> lines = Decision.wrap("DECIDE x: " + "word ".repeat(60).strip(), Decision.WIDTH);
        assertTrue(lines.size() > 2);
        assertTrue(lines.stream().allMatch(l -> l.length() <= Decision.WIDTH), lines.toString());
        assertTrue(lines.stream().skip(1).allMatch(l -> l.startsWith("  ")), lines.toString());
    }
}
