package dev.specgen;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.specgen.diagnostics.RuleDocs;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** docs/rules.md is the catalogue's own output; a stale copy fails (-Dspecgen.approve=true rewrites it). */
class RuleDocsTest {
    private static final Path DOC = Path.of("docs/rules.md");

    @Test
    void rulesDocumentIsUpToDate() throws IOException {
        String expected = RuleDocs.markdown();
        if (Boolean.getBoolean("specgen.approve")) {
            Files.writeString(DOC, expected, StandardCharsets.UTF_8);
        }
        String actual = Files.exists(DOC) ? Files.readString(DOC, StandardCharsets.UTF_8) : "";
        assertEquals(expected, actual, "docs/rules.md is stale: run mvn test -Dspecgen.approve=true");
    }
}
