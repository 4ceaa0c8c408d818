package dev.specgen.render;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The layout helpers the test templates use to write what ruff format keeps, whatever the names. */
class PythonLayoutTest {
    @Test
    void aHeaderThatFitsStaysOnOneLine() {
        assertEquals("def test_a(client: TestClient) -> None:", DefLines.header("test_a(client: TestClient) -> None"));
    }

    @Test
    void aLongHeaderPutsItsParametersOnALineOfTheirOwn() {
        String name = "test_" + "x".repeat(90);
        assertEquals("def " + name + "(\n    client: TestClient, headers: dict[str, str]\n) -> None:",
                DefLines.header(name + "(client: TestClient, headers: dict[str, str]) -> None"));
    }

    @Test
    void aLineThatFitsIsKept() {
        assertEquals(List.of("response = client.get(\"/a\", headers=user.headers)"),
                FitLines.lay("response = client.get(\"/a\", headers=user.headers)", 0, 4));
    }

    @Test
    void aLongLineSplitsItsLastBracketWithATrailingCommaAndRecurses() {
        String body = "{\"title\": \"" + "t".repeat(50) + "\", \"more\": [\"" + "m".repeat(100) + "\", 2]}";
        assertEquals(List.of(
                "response = client.post(",
                "    \"/a\",",
                "    json={",
                "        \"title\": \"" + "t".repeat(50) + "\",",
                "        \"more\": [",
                "            \"" + "m".repeat(100) + "\",",
                "            2,",
                "        ],",
                "    },",
                "    headers=user.headers,",
                ")"), FitLines.lay("response = client.post(\"/a\", json=" + body + ", headers=user.headers)", 0, 4));
    }

    @Test
    void bracketsInsideStringsAndSubscriptsAreNeverSplit() {
        String line = "x = created[\"" + "f".repeat(60) + "\"] == \"a(b, c]\" + \"" + "x".repeat(60) + "\"";
        assertEquals(List.of(line), FitLines.lay(line, 0, 4));
    }

    @Test
    void anAssertWithNothingToSplitIsParenthesizedAsRuffDoes() {
        String condition = "created[\"" + "f".repeat(50) + "\"] == \"" + "some words ".repeat(4) + "\"";
        assertEquals(List.of("assert (", "    " + condition, ")"), FitLines.lay("assert " + condition, 0, 4));
    }

    @Test
    void unusedLocalsKeepTheirCallsAndUnusedImportsGo() {
        String module = """
                from tests.support import (
                    User,
                    only,
                )
                import uuid


                def test_a(client: TestClient, user: User) -> None:
                    n = 1
                    first = make_row(client, user, 1)
                    row = first
                    # a comment about the row is not a use
                    assert client.get("/a").status_code == 200
                """;
        assertEquals("""
                from tests.support import (
                    User,
                )


                def test_a(client: TestClient, user: User) -> None:
                    make_row(client, user, 1)
                    # a comment about the row is not a use
                    assert client.get("/a").status_code == 200
                """, TestTidy.tidy(module));
    }

    @Test
    void aModuleNamedOnlyByAnotherImportIsUnused() {
        assertEquals("from app.db import engine\n\nprint(engine)\n",
                TestTidy.tidy("from app import db\nfrom app.db import engine\n\nprint(engine)\n"));
    }

    @Test
    void namesInStringsAndCommentsAreNoUseButInFStringsAre() {
        assertEquals("import os\n\nprint(f\"{os.sep}\")  # json\n",
                TestTidy.tidy("import json\nimport os\n\nprint(f\"{os.sep}\")  # json\n"));
        assertEquals("\nprint('json', \"\"\"json\"\"\")\n",
                TestTidy.tidy("import json\n\nprint('json', \"\"\"json\"\"\")\n"));
    }

    @Test
    void aPropertyNamedLikeALocalIsNoUseOfIt() {
        String function = "def test_a(client: TestClient, user: User) -> None:\n"
                + "    row = make_row(client, user, 1)\n"
                + "    assert client.patch(f\"/a/{MISSING}/row\", json={\"row\": 1}).status_code == 404\n";
        assertEquals(function.replace("    row = make_row", "    make_row"), TestTidy.tidy(function));
    }
}
