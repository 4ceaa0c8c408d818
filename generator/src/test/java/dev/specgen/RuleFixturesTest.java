package dev.specgen;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.specgen.diagnostics.Diagnostic;
import dev.specgen.diagnostics.Diagnostics;
import dev.specgen.diagnostics.Rule;
import dev.specgen.load.SourceFile;
import dev.specgen.load.SpecPaths;
import dev.specgen.load.YMap;
import dev.specgen.load.YNode;
import dev.specgen.load.YScalar;

import dev.specgen.load.YamlLoader;
import dev.specgen.pipeline.Pipeline;
import dev.specgen.render.GeneratedFile;
import dev.specgen.write.OutputWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every rule of the catalogue has a fixture in rule-fixtures.yaml that triggers it and no other rule,
 * at the file, line and column the fixture states. The file's {@code regressions} section holds
 * fixtures for mistakes users met: each names every finding it expects ("SG215 file:line:column"), and
 * optionally words every message set must or must not contain.
 */
class RuleFixturesTest {
    private static final String REGRESSIONS = "regressions";

    @TempDir
    Path temp;

    @TestFactory
    Stream<DynamicTest> everyRuleIsTriggeredByItsFixtureAlone() throws IOException {
        YMap fixtures = loadFixtures();
        List<DynamicTest> tests = new ArrayList<>();
        for (Rule rule : Rule.values()) {
            tests.add(DynamicTest.dynamicTest(rule.id() + " " + rule.slug(), () -> {
                YMap fixture = fixtures.map(rule.id()).orElse(null);
                assertNotNull(fixture, rule.id() + " has no fixture in rule-fixtures.yaml");
                check(rule, fixture);
            }));
        }
        return tests.stream();
    }

    @TestFactory
    Stream<DynamicTest> everyRegressionFixtureFindsExactlyWhatItExpects() {
        YMap fixtures = loadFixtures();
        for (String key : fixtures.entries().keySet()) {
            assertTrue(key.equals(REGRESSIONS) || Rule.find(key).isPresent(), "unknown top-level key " + key);
        }
        YMap regressions = fixtures.map(REGRESSIONS).orElseThrow();
        assertTrue(regressions.entries().size() >= 20, "the regression set looks too small");
        return regressions.entries().entrySet().stream().map(entry -> DynamicTest.dynamicTest(entry.getKey(),
                () -> checkRegression(entry.getKey(), (YMap) entry.getValue())));
    }

    private void checkRegression(String name, YMap fixture) throws IOException {
        Rule rule = Rule.find(name.substring(0, name.indexOf(' '))).orElseThrow(
                () -> new AssertionError("a regression fixture's name starts with its rule id: " + name));
        Path dir = prepare(rule.id(), fixture);
        Pipeline.Result result = new Pipeline().run(SpecPaths.locate(dir, null, null), false);
        List<Diagnostic> found = result.diagnostics().sorted();
        List<String> actual = found.stream().map(d -> d.rule().id() + " " + place(dir, d)).toList();
        List<String> expected = texts(fixture, "expect");
        assertEquals(expected, actual, () -> "messages: " + found.stream().map(Diagnostic::message).toList());
        assertTrue(actual.stream().anyMatch(a -> a.startsWith(rule.id() + " ")), name + " must find " + rule.id());
        String messages = String.join("\n", found.stream().map(Diagnostic::message).toList());
        for (String words : texts(fixture, "says")) {
            assertTrue(messages.contains(words), () -> "no message says '" + words + "':\n" + messages);
        }
        for (String words : texts(fixture, "never_says")) {
            assertFalse(messages.contains(words), () -> "a message says '" + words + "':\n" + messages);
        }
        assertEquals(found.stream().anyMatch(d -> d.severity() == dev.specgen.diagnostics.Severity.ERROR),
                result.blocked(), "blocked exactly when an error was found");
    }

    private static List<String> texts(YMap fixture, String key) {
        List<String> texts = new ArrayList<>();
        fixture.seq(key).ifPresent(seq -> seq.items().forEach(i -> texts.add(((YScalar) i).text())));
        return texts;
    }

    /** The output generated before a fixture's changes, for migration rules; null for the others. */
    private Path out;

    private Path prepare(String prefix, YMap fixture) throws IOException {
        Path dir = Files.createTempDirectory(temp, prefix);
        String example = fixture.text("example").orElse("todo");
        copy(Path.of("examples", example), dir);
        // Migration rules compare the spec with an output generated from it before the changes.
        out = fixture.flag("generated_before") ? generate(dir) : null;
        for (YNode change : fixture.seq("changes").orElseThrow().items()) {
            apply((YMap) change, dir);
        }
        return dir;
    }

    private void check(Rule rule, YMap fixture) throws IOException {
        Path dir = prepare(rule.id(), fixture);
        boolean warning = fixture.flag("warning");
        Pipeline.Result result = new Pipeline().run(SpecPaths.locate(dir, null, null), false, out);
        List<Diagnostic> found = result.diagnostics().sorted();
        List<String> ids = found.stream().map(d -> d.rule().id()).distinct().toList();
        assertEquals(List.of(rule.id()), ids, () -> "the fixture must trigger " + rule.id() + " alone; found " + found);
        List<String> places = found.stream().map(d -> place(dir, d)).toList();
        List<String> expected = new ArrayList<>();
        fixture.seq("expect").orElseThrow().items().forEach(i -> expected.add(((YScalar) i).text()));
        assertEquals(expected, places, "places of " + rule.id() + "; messages: " + found.stream()
                .map(Diagnostic::message).toList());
        for (Diagnostic d : found) {
            String lead = warning ? "Warning: " : "Implementation blocked: ";
            assertTrue(d.message().startsWith(lead), d.message());
            assertTrue(d.message().contains(warning ? ". Suggested: " : ". Required before proceeding: "), d.message());
        }
        if (warning) {
            assertFalse(result.blocked(), "a warning must not block generation");
            assertTrue(new Pipeline().run(SpecPaths.locate(dir, null, null), true, out).blocked(),
                    "--strict must turn a warning into a blocker");
        } else {
            assertTrue(result.blocked(), "an error must block generation");
        }
    }

    private static Path generate(Path dir) throws IOException {
        Path out = dir.resolve("out");
        List<GeneratedFile> files = new Pipeline().run(SpecPaths.locate(dir, null, null), false).files().orElseThrow();
        OutputWriter writer = new OutputWriter();
        writer.apply(out, files, writer.plan(out, files));
        return out;
    }

    private static String place(Path dir, Diagnostic d) {
        String file = d.file().toString().replace('\\', '/');
        String root = dir.toAbsolutePath().toString().replace('\\', '/') + "/";
        String shown = file.startsWith(root) ? file.substring(root.length()) : file;
        return shown + ":" + d.mark().line() + ":" + d.mark().column();
    }

    private static void apply(YMap change, Path dir) throws IOException {
        Path file = dir.resolve(change.text("file").orElseThrow());
        if (change.flag("delete")) {
            Files.delete(file);
        } else if (change.has("write")) {
            Files.writeString(file, change.text("write").orElseThrow(), StandardCharsets.UTF_8);
        } else if (change.flag("latin1")) {
            Files.write(file, Files.readString(file, StandardCharsets.UTF_8).getBytes(StandardCharsets.ISO_8859_1));
        } else if (change.has("bytes")) {
            Files.write(file, HexFormat.of().parseHex(change.text("bytes").orElseThrow()));
        } else {
            String text = Files.readString(file, StandardCharsets.UTF_8);
            String from = change.text("replace").orElseThrow();
            int at = text.indexOf(from);
            assertTrue(at >= 0 && text.indexOf(from, at + 1) < 0, "the fixture's text must occur exactly once: " + from);
            Files.writeString(file, text.replace(from, change.text("with").orElse("")), StandardCharsets.UTF_8);
        }
    }

    private static void copy(Path example, Path dir) throws IOException {
        Files.createDirectories(dir.resolve("contracts"));
        Files.copy(example.resolve("model.yaml"), dir.resolve("model.yaml"));
        Files.copy(example.resolve("contracts/openapi.yaml"), dir.resolve("contracts/openapi.yaml"));
    }

    static YMap loadFixtures() {
        Path path = Path.of("generator/src/test/resources/rule-fixtures.yaml");
        Diagnostics diagnostics = new Diagnostics();
        YamlLoader loader = new YamlLoader();
        SourceFile source = loader.read(path, path, diagnostics).orElseThrow();
        YMap fixtures = loader.parse(source, diagnostics).orElseThrow();
        assertTrue(diagnostics.isEmpty(), () -> "rule-fixtures.yaml: " + diagnostics.sorted());
        return fixtures;
    }

}
