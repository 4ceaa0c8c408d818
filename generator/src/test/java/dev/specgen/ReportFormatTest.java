package dev.specgen;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.specgen.cli.Main;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The machine formats carry every field their consumers read. */
class ReportFormatTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private Path spec;

    @BeforeEach
    void brokenSpec() throws Exception {
        // Inside the working directory, so paths are reported relative to it as SARIF wants.
        spec = Files.createTempDirectory(Path.of("target"), "report-");
        Files.createDirectories(spec.resolve("contracts"));
        String model = Files.readString(Path.of("examples/todo/model.yaml"), StandardCharsets.UTF_8)
                .replace("        primary_key: true\n        generated: increment\n", "")
                .replace("    ownership:\n      owner_field: user_id\n", "");
        Files.writeString(spec.resolve("model.yaml"), model, StandardCharsets.UTF_8);
        Files.copy(Path.of("examples/todo/contracts/openapi.yaml"), spec.resolve("contracts/openapi.yaml"));
    }

    private String run(String format, int expectedCode) {
        StringWriter out = new StringWriter();
        int code = Main.run(new String[] {"validate", spec.toString(), "--format", format}, new PrintWriter(out),
                new PrintWriter(new StringWriter()));
        assertEquals(expectedCode, code);
        return out.toString();
    }

    @Test
    void jsonListsEveryBlockerWithItsPlace() throws Exception {
        JsonNode report = JSON.readTree(run("json", 1));
        assertTrue(report.get("blocked").asBoolean());
        JsonNode blockers = report.get("blockers");
        assertTrue(blockers.size() >= 1);
        for (JsonNode b : blockers) {
            for (String key : new String[] {"rule", "severity", "message", "required", "file", "line", "column",
                "pointer"}) {
                assertTrue(b.has(key), key + " missing in " + b);
            }
            assertTrue(b.get("message").asText().startsWith("Implementation blocked: "));
            assertTrue(b.get("line").asInt() >= 1 && b.get("column").asInt() >= 1);
        }
        java.util.Set<String> rules = new java.util.TreeSet<>();
        blockers.forEach(b -> rules.add(b.get("rule").asText()));
        assertTrue(rules.containsAll(java.util.List.of("SG302", "SG406")), rules.toString());
    }

    @Test
    void aDisagreementNamesBothSidesInEveryFormat() throws Exception {
        // The spec's create body lacks 'id', which the model (its primary key removed) requires: the finding
        // is in the contract, its other side the field in model.yaml.
        JsonNode json = JSON.readTree(run("json", 1));
        JsonNode sg602 = null;
        for (JsonNode b : json.get("blockers")) {
            if (b.get("rule").asText().equals("SG602")) {
                sg602 = b;
            }
        }
        assertTrue(sg602 != null, json.toString());
        assertTrue(sg602.get("file").asText().endsWith("openapi.yaml"), sg602.toString());
        JsonNode related = sg602.at("/related/0");
        assertTrue(related.get("file").asText().endsWith("model.yaml") && related.get("line").asInt() > 1,
                sg602.toString());
        String text = run("text", 1);
        String line = text.lines().filter(l -> l.contains("SG602")).findFirst().orElseThrow();
        assertTrue(line.endsWith(" Related: " + related.get("file").asText() + ":" + related.get("line").asInt() + ":"
                + related.get("column").asInt() + "."), line);
        boolean sarifRelated = false;
        for (JsonNode result : JSON.readTree(run("sarif", 1)).at("/runs/0/results")) {
            if (result.get("ruleId").asText().equals("SG602")) {
                JsonNode at = result.at("/relatedLocations/0/physicalLocation");
                sarifRelated = at.at("/artifactLocation/uri").asText().endsWith("model.yaml")
                        && at.at("/region/startLine").asInt() == related.get("line").asInt();
            }
        }
        assertTrue(sarifRelated, "SARIF relatedLocations of SG602");
        assertTrue(run("github", 1).contains("Related: "), "github annotations name the other side");
    }

    @Test
    void sarifHasTheShapeGithubCodeScanningReads() throws Exception {
        JsonNode sarif = JSON.readTree(run("sarif", 1));
        assertEquals("2.1.0", sarif.get("version").asText());
        JsonNode run = sarif.get("runs").get(0);
        assertEquals("specgen", run.at("/tool/driver/name").asText());
        JsonNode rules = run.at("/tool/driver/rules");
        JsonNode results = run.get("results");
        assertTrue(results.size() >= 1);
        for (JsonNode result : results) {
            String ruleId = result.get("ruleId").asText();
            assertEquals(ruleId, rules.get(result.get("ruleIndex").asInt()).get("id").asText());
            assertEquals("error", result.get("level").asText());
            assertTrue(result.at("/message/text").asText().startsWith("Implementation blocked: "));
            JsonNode location = result.at("/locations/0/physicalLocation");
            String uri = location.at("/artifactLocation/uri").asText();
            assertTrue(uri.startsWith("target/report-") && !uri.startsWith("/"), uri);
            assertTrue(location.at("/region/startLine").asInt() >= 1);
            assertTrue(location.at("/region/startColumn").asInt() >= 1);
        }
        for (JsonNode rule : rules) {
            assertTrue(rule.at("/shortDescription/text").asText().length() > 0);
            assertTrue(rule.at("/fullDescription/text").asText().length() > 0);
        }
    }

    @Test
    void githubFormatWritesWorkflowCommands() {
        String out = run("github", 1);
        assertTrue(out.lines().allMatch(l -> l.matches("::error file=[^,]+,line=\\d+,col=\\d+,title=SG\\d{3} [a-z-]+::.+")),
                out);
    }

    @Test
    void aCleanSpecGivesAnEmptyReport() throws Exception {
        spec = Path.of("examples/todo");
        JsonNode report = JSON.readTree(run("json", 0));
        assertEquals(0, report.get("blockers").size());
        JsonNode sarif = JSON.readTree(run("sarif", 0));
        assertEquals(0, sarif.at("/runs/0/results").size());
    }
}
