package dev.specgen;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The ./specgen launcher, run against a stand-in Maven and JDK that print what they are given: the
 * first build is quiet and free of terminal escapes, a failed build shows Maven's words without them,
 * and the JVM learns the name the user ran specgen by, also through a link on PATH.
 */
class LauncherTest {
    private static final String ESC = "\u001b";

    @TempDir
    Path dir;
    Path root;
    Path bin;
    String stdout;
    String stderr;

    @BeforeEach
    void standIns() throws IOException {
        assumeTrue(Files.isExecutable(Path.of("/bin/bash")), "the launcher is a bash script");
        root = Files.createDirectories(dir.resolve("checkout"));
        Files.copy(Path.of("specgen"), root.resolve("specgen"));
        executable(root.resolve("specgen"));
        bin = Files.createDirectories(dir.resolve("bin"));
        // Maven 3.8 writes colour resets even with -B -q; the stand-in does the same.
        script(bin.resolve("mvn"), "printf '\\033[0m'\n"
                + "if [ -n \"${FAIL_BUILD:-}\" ]; then printf '\\033[1;31m[ERROR]\\033[m cannot compile\\n'; exit 1; fi\n"
                + "mkdir -p target && echo jar > target/specgen.jar\nprintf '\\033[0m\\033[0m'\n");
        Path jdk = Files.createDirectories(dir.resolve("jdk/bin"));
        Files.writeString(dir.resolve("jdk/release"), "JAVA_VERSION=\"17.0.9\"\n");
        script(jdk.resolve("java"), "for a in \"$@\"; do echo \"ARG $a\"; done\n");
    }

    private static void script(Path path, String body) throws IOException {
        Files.writeString(path, "#!/bin/bash\n" + body, StandardCharsets.UTF_8);
        executable(path);
    }

    private static void executable(Path path) throws IOException {
        Files.setPosixFilePermissions(path, PosixFilePermissions.fromString("rwxr-xr-x"));
    }

    private int run(String commandLine, Map<String, String> env) throws Exception {
        ProcessBuilder builder = new ProcessBuilder("/bin/bash", "-c", commandLine).directory(dir.toFile());
        builder.environment().put("PATH", bin + ":/usr/bin:/bin");
        builder.environment().put("SPECGEN_JAVA", dir.resolve("jdk/bin/java").toString());
        builder.environment().put("SPECGEN_NO_CACHE", "1");
        builder.environment().remove("JAVA_HOME");
        builder.environment().putAll(env);
        Path out = dir.resolve("stdout");
        Path err = dir.resolve("stderr");
        Process process = builder.redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        assertTrue(process.waitFor(60, TimeUnit.SECONDS), "the launcher hangs");
        stdout = Files.readString(out);
        stderr = Files.readString(err);
        return process.exitValue();
    }

    @Test
    void theFirstBuildIsQuietAndPrintsNoEscapeSequences() throws Exception {
        assertEquals(0, run("checkout/specgen validate spec", Map.of()), stderr);
        assertEquals("specgen: building the jar (first run or sources changed)...\n", stderr);
        assertTrue(stdout.contains("ARG -Dspecgen.command=checkout/specgen\n"), stdout);
        assertTrue(stdout.contains("ARG validate\nARG spec\n"), stdout);
        assertFalse(stdout.contains(ESC) || stderr.contains(ESC));
        assertEquals(0, run("checkout/specgen rules", Map.of()));
        assertEquals("", stderr, "the second run does not build again");
    }

    @Test
    void aFailedBuildShowsMavensWordsWithoutEscapesAndExits3() throws Exception {
        assertEquals(3, run("checkout/specgen validate spec", Map.of("FAIL_BUILD", "1")));
        assertTrue(stderr.contains("[ERROR] cannot compile"), stderr);
        assertTrue(stderr.endsWith("specgen: the build failed (Maven's output is above).\n"), stderr);
        assertFalse(stderr.contains(ESC), stderr);
        assertFalse(stdout.contains("ARG"), "no stale jar is run after a failed build");
    }

    @Test
    void aLinkOnPathRunsTheCheckoutAndHintsSayPlainSpecgen() throws Exception {
        Files.createSymbolicLink(bin.resolve("specgen"), root.resolve("specgen"));
        assertEquals(0, run("specgen validate spec", Map.of()), stderr);
        assertTrue(stdout.contains("ARG -Dspecgen.command=specgen\n"), stdout);
        assertTrue(stdout.contains("ARG " + root.toRealPath().resolve("target/specgen.jar") + "\n"), stdout);
        assertTrue(Files.exists(root.resolve("target/specgen.jar")), "built in the checkout");
        assertTrue(Files.notExists(bin.resolve("target")), "not beside the link");
    }
}
