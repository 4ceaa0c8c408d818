package dev.specgen;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.specgen.cli.Main;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * Hostile or broken files give blockers (exit 1) with a place, never a stack trace or a hang. The
 * time limit here only catches hangs; speed is measured by the benchmarks.
 */
class MalformedInputTest {
    @TempDir
    Path temp;

    @TestFactory
    Stream<DynamicTest> brokenFilesAreBlockedCleanly() throws Exception {
        String model = Files.readString(Path.of("examples/todo/model.yaml"), StandardCharsets.UTF_8);
        String contract = Files.readString(Path.of("examples/todo/contracts/openapi.yaml"), StandardCharsets.UTF_8);
        Map<String, byte[]> cases = new LinkedHashMap<>();
        cases.put("truncated YAML", model.substring(0, model.length() / 2 + 7).getBytes(StandardCharsets.UTF_8));
        cases.put("a list at the top", "- specgen: 1\n- entities: {}\n".getBytes(StandardCharsets.UTF_8));
        cases.put("a scalar at the top", "just some words\n".getBytes(StandardCharsets.UTF_8));
        cases.put("an empty file", new byte[0]);
        cases.put("binary bytes", new byte[] {(byte) 0x89, 'P', 'N', 'G', 0, 0, 0, 13, (byte) 0xff, (byte) 0xfe});
        cases.put("invalid UTF-8", new byte[] {'a', ':', ' ', (byte) 0xc3, (byte) 0x28});
        cases.put("an alias bomb", aliasBomb().getBytes(StandardCharsets.UTF_8));
        cases.put("a recursive alias", "a: &a [*a]\n".getBytes(StandardCharsets.UTF_8));
        cases.put("deep nesting", ("a: " + "[".repeat(5000) + "]".repeat(5000) + "\n").getBytes(StandardCharsets.UTF_8));
        cases.put("tabs for indentation", "specgen: 1\nservice:\n\ttitle: x\n".getBytes(StandardCharsets.UTF_8));
        cases.put("wrong types everywhere", "specgen: one\nservice: []\nauth: 3\nentities: yes\noperations: ~\n"
                .getBytes(StandardCharsets.UTF_8));
        return cases.entrySet().stream().flatMap(c -> Stream.of(
                DynamicTest.dynamicTest("model.yaml as " + c.getKey(), () -> check(c.getValue(), null, contract)),
                DynamicTest.dynamicTest("openapi.yaml as " + c.getKey(), () -> check(null, c.getValue(), model))));
    }

    private void check(byte[] badModel, byte[] badContract, String goodOther) throws Exception {
        Path dir = Files.createTempDirectory(temp, "bad");
        Files.createDirectories(dir.resolve("contracts"));
        Files.write(dir.resolve("model.yaml"), badModel != null ? badModel : goodOther.getBytes(StandardCharsets.UTF_8));
        Files.write(dir.resolve("contracts/openapi.yaml"), badContract != null ? badContract
                : goodOther.getBytes(StandardCharsets.UTF_8));
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = assertTimeoutPreemptively(Duration.ofSeconds(20), () -> Main.run(
                new String[] {"validate", dir.toString()}, new PrintWriter(out), new PrintWriter(err)));
        String all = out + "" + err;
        assertEquals(1, code, all);
        assertTrue(out.toString().contains("Implementation blocked: "), all);
        assertTrue(out.toString().matches("(?s).*(model|openapi)\\.yaml:\\d+:\\d+: error SG\\d{3}.*"), all);
        assertFalse(all.contains("Exception") || all.contains("\tat "), "a stack trace leaked: " + all);
    }

    private static String aliasBomb() {
        StringBuilder bomb = new StringBuilder("a: &a [\"lol\", \"lol\", \"lol\", \"lol\", \"lol\", \"lol\", \"lol\"]\n");
        char previous = 'a';
        for (char c = 'b'; c <= 'j'; c++) {
            bomb.append(c).append(": &").append(c).append(" [");
            for (int i = 0; i < 9; i++) {
                bomb.append(i == 0 ? "" : ", ").append('*').append(previous);
            }
            bomb.append("]\n");
            previous = c;
        }
        return bomb.toString();
    }
}
