package dev.specgen.draft;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.specgen.diagnostics.Diagnostic;
import dev.specgen.diagnostics.Severity;
import dev.specgen.load.SpecPaths;
import dev.specgen.pipeline.Pipeline;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * Contracts and tables the draft cannot make much of (camelCase and hyphenated properties, a reference
 * loop, no paths, an operation without responses, a table of unknown SQL types): it still writes a
 * file that parses, the same every time, and whatever validate reports against model.yaml is one of
 * its decisions. What is wrong with the contract itself is the contract's to report.
 */
class OddContractsTest {
    @TempDir
    Path temp;

    @TestFactory
    Stream<DynamicTest> oddInputsGiveADraftWhoseOnlyModelBlockersAreDecisions() throws IOException {
        List<Path> dirs;
        try (Stream<Path> list = Files.list(Path.of("generator/src/test/resources/draft-odd"))) {
            dirs = list.sorted().toList();
        }
        return dirs.stream().map(spec -> DynamicTest.dynamicTest(spec.getFileName().toString(), () -> {
            Draft draft = DraftExamplesTest.draft(spec);
            assertEquals(draft.text(), DraftExamplesTest.draft(spec).text());
            DraftScore.parse(draft.text(), "draft.yaml");
            Path dir = Files.createDirectories(temp.resolve(spec.getFileName().toString()));
            Files.createDirectories(dir.resolve("contracts"));
            Files.copy(spec.resolve("contracts/openapi.yaml"), dir.resolve("contracts/openapi.yaml"));
            Files.writeString(dir.resolve("model.yaml"), draft.text(), StandardCharsets.UTF_8);
            List<Diagnostic> modelBlockers = new Pipeline().validate(SpecPaths.locate(dir, null, null), false)
                    .diagnostics().sorted().stream().filter(d -> d.severity() == Severity.ERROR)
                    .filter(d -> d.file().getFileName().toString().equals("model.yaml")).toList();
            List<Diagnostic> unexplained = modelBlockers.stream().filter(b -> draft.decisions().stream()
                    .noneMatch(d -> d.blocks() == b.rule() && d.inModel() && (b.pointer().equals(d.pointer())
                            || b.pointer().startsWith(d.pointer() + "/")))).toList();
            assertEquals(List.of(), unexplained, draft.text());
        }));
    }
}
