package dev.specgen;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.specgen.cli.Main;
import dev.specgen.load.SpecPaths;
import dev.specgen.pipeline.FreshOutput;
import dev.specgen.pipeline.InputFingerprint;
import dev.specgen.write.Manifest;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * `check` without rendering: it may answer "up to date" from the manifest's hashes only when a
 * full regeneration would say the same. Every doubt must send it back to rendering.
 */
class FreshCheckTest {
    @TempDir
    Path dir;
    Path spec;
    Path out;
    String lastOutput;
    String lastErr;

    @BeforeEach
    void generateTodo() throws Exception {
        spec = copy("todo", dir.resolve("specs/001-todo"));
        out = dir.resolve("backend");
        assertEquals(0, run("generate", spec.toString(), "--out", out.toString()), lastOutput);
    }

    private static Path copy(String example, Path to) throws Exception {
        Files.createDirectories(to.resolve("contracts"));
        Files.copy(Path.of("examples", example, "model.yaml"), to.resolve("model.yaml"));
        Files.copy(Path.of("examples", example, "contracts/openapi.yaml"), to.resolve("contracts/openapi.yaml"));
        return to;
    }

    private int run(String... args) {
        StringWriter stdout = new StringWriter();
        StringWriter stderr = new StringWriter();
        int code = Main.run(args, new PrintWriter(stdout), new PrintWriter(stderr));
        lastOutput = stdout + "" + stderr;
        lastErr = stderr.toString();
        return code;
    }

    private String inputs() {
        return InputFingerprint.of(SpecPaths.locate(spec, null, null), null).orElseThrow();
    }

    private boolean fresh() {
        return FreshOutput.isFresh(out, inputs());
    }

    @Test
    void aCleanGenerateRecordsItsInputsAndEveryFilesHash() throws Exception {
        Manifest.Recorded recorded = Manifest.readAll(out);
        assertEquals(inputs(), recorded.inputs().orElseThrow());
        String main = Files.readString(out.resolve("app/main.py"));
        assertEquals(Manifest.sha256(main), recorded.generated().get("app/main.py"));
        assertTrue(recorded.userOwned().contains("app/hooks/task.py"), recorded.userOwned().toString());
        assertTrue(fresh());
        assertEquals(0, run("check", spec.toString(), "--out", out.toString()), lastOutput);
        assertTrue(lastOutput.contains("is up to date."), lastOutput);
    }

    @Test
    void theFingerprintIsTheSpecsNotTheWayItIsNamed() throws Exception {
        Path elsewhere = copy("todo", dir.resolve("other/spec"));
        assertEquals(inputs(), InputFingerprint.of(SpecPaths.locate(elsewhere.toAbsolutePath(), null, null), null)
                .orElseThrow());
        Path model = elsewhere.resolve("model.yaml");
        Files.writeString(model, Files.readString(model) + "\n");
        assertFalse(inputs().equals(InputFingerprint.of(SpecPaths.locate(elsewhere, null, null), null)
                .orElseThrow()), "a byte of model.yaml counts");
        Path templates = Files.createDirectories(dir.resolve("templates"));
        Files.writeString(templates.resolve("router.stg"), "group router;\n");
        assertFalse(inputs().equals(InputFingerprint.of(SpecPaths.locate(spec, null, null), templates)
                .orElseThrow()), "a template override counts");
    }

    @Test
    void anEditedOrMissingGeneratedFileIsNotFreshAndCheckShowsTheDiff() throws Exception {
        Path main = out.resolve("app/main.py");
        Files.writeString(main, Files.readString(main) + "# a quick fix\n");
        assertFalse(fresh());
        assertEquals(1, run("check", spec.toString(), "--out", out.toString()));
        assertTrue(lastOutput.contains("-# a quick fix"), lastOutput);
        assertEquals(0, run("generate", spec.toString(), "--out", out.toString()), lastOutput);
        assertTrue(fresh());
        Files.delete(out.resolve("app/db.py"));
        assertFalse(fresh());
    }

    @Test
    void aChangedSpecIsNotFreshAndCheckReportsTheMigrationItNeeds() throws Exception {
        Path model = spec.resolve("model.yaml");
        Files.writeString(model, Files.readString(model).replace("      completed:\n",
                "      notes:\n        type: text\n        nullable: true\n      completed:\n"));
        assertFalse(fresh());
        assertEquals(1, run("check", spec.toString(), "--out", out.toString()));
        assertTrue(lastOutput.contains("migrations/versions/"), lastOutput);
    }

    @Test
    void theUsersFilesAndUnknownMigrationsAreLookedAtToo() throws Exception {
        Path hook = out.resolve("app/hooks/task.py");
        String mine = Files.readString(hook);
        Files.delete(hook);
        assertFalse(fresh(), "check reports a user module that is gone");
        Files.writeString(hook, mine + "\nMINE = 1\n");
        assertTrue(fresh(), "what the user writes in a module of their own is theirs");
        Path stray = out.resolve("migrations/versions/0002_by_hand.py");
        Files.writeString(stray, "revision = 'x'\n");
        assertFalse(fresh(), "a full run refuses a migration specgen did not write");
        assertEquals(2, run("check", spec.toString(), "--out", out.toString()), lastOutput);
    }

    @Test
    void aManifestWithoutInputsOrFromAnotherRunIsNeverTrusted() throws Exception {
        Path manifest = out.resolve(Manifest.FILE);
        String text = Files.readString(manifest);
        Files.writeString(manifest, text.replaceAll("(?m)^# inputs .*\\n", ""));
        assertFalse(fresh());
        Files.writeString(manifest, text.replaceAll("(?m)^# inputs .*$", "# inputs sha256:00"));
        assertFalse(fresh());
        assertEquals(0, run("check", spec.toString(), "--out", out.toString()), "rendering still finds it current");
        assertEquals(0, run("generate", spec.toString(), "--out", out.toString()), lastOutput);
        assertEquals(text, Files.readString(manifest), "generate puts the manifest right even when nothing else changed");
    }

    @Test
    void aRunsWarningsAreKeptSoACheckThatRendersNothingPrintsTheSameWords() throws Exception {
        Path ledger = copy("ledger", dir.resolve("specs/002-ledger"));
        Path ledgerOut = dir.resolve("ledger");
        assertEquals(0, run("generate", ledger.toString(), "--out", ledgerOut.toString()), lastOutput);
        String generated = lastErr;
        assertTrue(generated.contains("warning SG"), "ledger validates with warnings: " + generated);
        Manifest.Recorded recorded = Manifest.readAll(ledgerOut);
        assertFalse(recorded.findings().isEmpty());
        assertTrue(FreshOutput.isFresh(ledgerOut, recorded.inputs().orElseThrow()));
        assertEquals(0, run("check", ledger.toString(), "--out", ledgerOut.toString()), lastOutput);
        String fast = lastOutput;
        assertEquals(generated, lastErr, "the warnings generate printed, word for word");
        Path manifest = ledgerOut.resolve(Manifest.FILE);
        Files.writeString(manifest, Files.readString(manifest).replaceAll("(?m)^# inputs .*$", "# inputs sha256:00"));
        assertEquals(0, run("check", ledger.toString(), "--out", ledgerOut.toString()), lastOutput);
        assertEquals(lastOutput, fast, "rendering in memory prints exactly what the shortcut printed");
    }

    @Test
    void aHandlerStillTheStubSendsCheckBackToSayingSo() throws Exception {
        Path assistant = copy("assistant", dir.resolve("specs/003-assistant"));
        Path assistantOut = dir.resolve("assistant");
        assertEquals(0, run("generate", assistant.toString(), "--out", assistantOut.toString()), lastOutput);
        String inputs = InputFingerprint.of(SpecPaths.locate(assistant, null, null), null).orElseThrow();
        assertEquals(inputs, Manifest.readAll(assistantOut).inputs().orElseThrow(), "a pending handler is no doubt");
        assertFalse(FreshOutput.isFresh(assistantOut, inputs));
        assertEquals(0, run("check", assistant.toString(), "--out", assistantOut.toString()), lastOutput);
        assertTrue(lastOutput.contains("SG530") && lastOutput.contains("is still the stub"), lastOutput);
        Path handler = assistantOut.resolve("app/handlers/chat.py");
        Files.writeString(handler, Files.readString(handler).replace("# specgen: stub", "# mine"));
        assertTrue(FreshOutput.isFresh(assistantOut, inputs));
    }
}
