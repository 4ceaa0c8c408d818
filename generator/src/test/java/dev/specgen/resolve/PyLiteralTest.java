package dev.specgen.resolve;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class PyLiteralTest {
    @Test
    void quotesBackslashesAndNewlinesAreEscaped() {
        // More double quotes than single ones: single-quoted, as ruff format would write it.
        assertEquals("'a\"b\\\\c\\nd'", PyLiteral.str("a\"b\\c\nd"));
        assertEquals("\"it's \\\"x\\\" 'y'\"", PyLiteral.str("it's \"x\" 'y'"));
    }

    @Test
    void theQuotesAreTheOnesRuffFormatPrefers() {
        // Double quotes, unless single ones need fewer escapes.
        assertEquals("'say \"hi\"'", PyLiteral.str("say \"hi\""));
        assertEquals("'it\\'s \"so\"'", PyLiteral.str("it's \"so\""));
        assertEquals("\"it's\"", PyLiteral.str("it's"));
    }

    @Test
    void tripleQuotesCannotCloseAnything() {
        assertEquals("\"'''x\\\"\\\"\\\"\"", PyLiteral.str("'''x\"\"\""));
    }

    @Test
    void nonAsciiIsEscapedSoFilesStayAscii() {
        assertEquals("\"caf\\u00e9 \\U0001f4da\"", PyLiteral.str("café 📚"));
    }

    @Test
    void controlCharactersAreEscaped() {
        assertEquals("\"\\x00\\x1b\\x7f\"", PyLiteral.str("\u0000\u001b\u007f"));
    }

    @Test
    void keywordsAndModelNamesGetSafeAttributes() {
        assertEquals("class_", Names.attribute("class"));
        assertEquals("from_", Names.attribute("from"));
        assertEquals("metadata_", Names.attribute("metadata"));
        assertEquals("model_kind_", Names.attribute("model_kind"));
        assertEquals("title", Names.attribute("title"));
        assertEquals("id", Names.attribute("id"));
    }

    @Test
    void snakeCaseHandlesAcronyms() {
        assertEquals("http_server_log", Names.snake("HTTPServerLog"));
        assertEquals("project_task", Names.snake("ProjectTask"));
    }
}
