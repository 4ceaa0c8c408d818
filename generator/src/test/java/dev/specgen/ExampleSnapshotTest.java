package dev.specgen;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import dev.specgen.load.SpecPaths;
import dev.specgen.pipeline.Pipeline;
import dev.specgen.render.GeneratedFile;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.approvaltests.Approvals;
import org.approvaltests.core.Options;
import org.approvaltests.reporters.QuietReporter;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Every example's whole generated tree is an approved snapshot in examples/NAME/approved/, one
 * ApprovalTests verification per file plus a file-list check, so a changed, added or removed file
 * fails (ApprovalTests alone neither recurses nor notices files that are no longer generated). Run
 * with -Dspecgen.approve=true to accept the current output; CI never does.
 */
class ExampleSnapshotTest {
    private static final Path EXAMPLES = Path.of("examples");

    @TestFactory
    Stream<DynamicTest> generatedTreesMatchTheirApprovedSnapshots() throws IOException {
        List<DynamicTest> tests = new ArrayList<>();
        try (Stream<Path> dirs = Files.list(EXAMPLES)) {
            for (Path example : dirs.filter(Files::isDirectory).sorted().toList()) {
                tests.addAll(testsFor(example));
            }
        }
        return tests.stream();
    }

    private List<DynamicTest> testsFor(Path example) throws IOException {
        Pipeline.Result result = new Pipeline().run(SpecPaths.locate(example, null, null), false);
        assertFalse(result.blocked(), () -> example + " is blocked: " + result.diagnostics().sorted());
        Map<String, String> generated = new TreeMap<>();
        for (GeneratedFile file : result.files().orElseThrow()) {
            generated.put(file.path(), file.content());
        }
        Path approved = example.resolve("approved");
        if (Boolean.getBoolean("specgen.approve")) {
            approve(approved, generated);
        }
        Map<String, String> onDisk = read(approved);
        List<DynamicTest> tests = new ArrayList<>();
        tests.add(DynamicTest.dynamicTest(example.getFileName() + ": file list", () ->
                assertEquals(String.join("\n", onDisk.keySet()), String.join("\n", generated.keySet()),
                        "files added or removed; rerun with -Dspecgen.approve=true if intended")));
        String name = example.getFileName().toString();
        for (Map.Entry<String, String> file : generated.entrySet()) {
            tests.add(DynamicTest.dynamicTest(name + ": " + file.getKey(), () -> Approvals.verify(file.getValue(),
                    new Options().withReporter(new QuietReporter())
                            .forFile().withNamer(new SnapshotNamer(approved, name, file.getKey())))));
        }
        return tests;
    }

    private static Map<String, String> read(Path root) throws IOException {
        Map<String, String> files = new TreeMap<>();
        if (!Files.isDirectory(root)) {
            return files;
        }
        try (Stream<Path> walk = Files.walk(root)) {
            for (Path path : walk.filter(Files::isRegularFile).toList()) {
                files.put(root.relativize(path).toString().replace('\\', '/'),
                        Files.readString(path, StandardCharsets.UTF_8));
            }
        }
        return files;
    }

    private static void approve(Path root, Map<String, String> generated) throws IOException {
        if (Files.isDirectory(root)) {
            try (Stream<Path> walk = Files.walk(root)) {
                for (Path path : walk.sorted(java.util.Comparator.reverseOrder()).toList()) {
                    Files.delete(path);
                }
            }
        }
        for (Map.Entry<String, String> file : generated.entrySet()) {
            Path target = root.resolve(file.getKey());
            Files.createDirectories(target.getParent());
            Files.writeString(target, file.getValue(), StandardCharsets.UTF_8);
        }
    }
}
