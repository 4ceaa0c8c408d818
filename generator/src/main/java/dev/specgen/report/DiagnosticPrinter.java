package dev.specgen.report;

import dev.specgen.diagnostics.Diagnostic;
import dev.specgen.diagnostics.Rule;
import dev.specgen.diagnostics.Severity;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** Renders findings in the formats users and CI systems read (buf's and Spectral's conventions). */
public final class DiagnosticPrinter {
    private static final String INFO_URI = "https://specgen.dev/docs/rules";

    public String print(List<Diagnostic> diagnostics, ReportFormat format, String version) {
        return switch (format) {
            case TEXT -> text(diagnostics);
            case JSON -> json(diagnostics);
            case SARIF -> sarif(diagnostics, version);
            case GITHUB -> github(diagnostics);
        };
    }

    private static String text(List<Diagnostic> diagnostics) {
        StringBuilder out = new StringBuilder();
        for (Diagnostic d : diagnostics) {
            out.append(location(d)).append(": ").append(d.severity().label()).append(' ')
                    .append(d.rule().id()).append(" [").append(d.rule().slug()).append("] ")
                    .append(d.message()).append(d.relatedMark().map(r -> " Related: " + location(r) + ".").orElse(""))
                    .append('\n');
        }
        long errors = diagnostics.stream().filter(d -> d.severity() == Severity.ERROR).count();
        long warnings = diagnostics.size() - errors;
        if (!diagnostics.isEmpty()) {
            out.append(errors).append(errors == 1 ? " blocker" : " blockers").append(", ").append(warnings)
                    .append(warnings == 1 ? " warning" : " warnings").append('\n');
        }
        return out.toString();
    }

    private static String location(Diagnostic d) {
        return location(d.mark());
    }

    private static String location(dev.specgen.load.Mark mark) {
        return mark.file() + ":" + mark.line() + ":" + mark.column();
    }

    private static String json(List<Diagnostic> diagnostics) {
        StringBuilder out = new StringBuilder("{\n  \"blocked\": ")
                .append(diagnostics.stream().anyMatch(d -> d.severity() == Severity.ERROR))
                .append(",\n  \"blockers\": [");
        for (int i = 0; i < diagnostics.size(); i++) {
            Diagnostic d = diagnostics.get(i);
            out.append(i == 0 ? "\n" : ",\n").append("    {")
                    .append("\"rule\": ").append(Json.string(d.rule().id()))
                    .append(", \"name\": ").append(Json.string(d.rule().slug()))
                    .append(", \"category\": ").append(Json.string(d.rule().category().title()))
                    .append(", \"severity\": ").append(Json.string(d.severity().label()))
                    .append(", \"message\": ").append(Json.string(d.message()))
                    .append(", \"reason\": ").append(Json.string(d.reason()))
                    .append(", \"required\": ").append(Json.string(d.required()))
                    .append(", \"file\": ").append(Json.string(d.file().toString()))
                    .append(", \"line\": ").append(d.mark().line())
                    .append(", \"column\": ").append(d.mark().column())
                    .append(", \"pointer\": ").append(Json.string(d.pointer()))
                    .append(d.relatedMark().map(r -> ", \"related\": [{\"file\": " + Json.string(r.file().toString())
                            + ", \"line\": " + r.line() + ", \"column\": " + r.column() + "}]").orElse(""))
                    .append('}');
        }
        return out.append(diagnostics.isEmpty() ? "]\n}\n" : "\n  ]\n}\n").toString();
    }

    private static String github(List<Diagnostic> diagnostics) {
        StringBuilder out = new StringBuilder();
        for (Diagnostic d : diagnostics) {
            String command = d.severity() == Severity.ERROR ? "error" : "warning";
            out.append("::").append(command).append(" file=").append(escapeProperty(d.file().toString()))
                    .append(",line=").append(d.mark().line()).append(",col=").append(d.mark().column())
                    .append(",title=").append(escapeProperty(d.rule().id() + " " + d.rule().slug()))
                    .append("::").append(escapeData(d.message() + d.relatedMark().map(r -> " Related: " + location(r)
                            + ".").orElse(""))).append('\n');
        }
        return out.toString();
    }

    private static String escapeData(String value) {
        return value.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A");
    }

    private static String escapeProperty(String value) {
        return escapeData(value).replace(":", "%3A").replace(",", "%2C");
    }

    private static String sarif(List<Diagnostic> diagnostics, String version) {
        Set<Rule> rules = new LinkedHashSet<>();
        diagnostics.forEach(d -> rules.add(d.rule()));
        List<Rule> ruleList = List.copyOf(rules);
        StringBuilder out = new StringBuilder();
        out.append("{\n  \"$schema\": \"https://json.schemastore.org/sarif-2.1.0.json\",\n")
                .append("  \"version\": \"2.1.0\",\n  \"runs\": [\n    {\n      \"tool\": {\n")
                .append("        \"driver\": {\n          \"name\": \"specgen\",\n")
                .append("          \"version\": ").append(Json.string(version)).append(",\n")
                .append("          \"informationUri\": ").append(Json.string(INFO_URI)).append(",\n")
                .append("          \"rules\": [");
        for (int i = 0; i < ruleList.size(); i++) {
            Rule rule = ruleList.get(i);
            out.append(i == 0 ? "\n" : ",\n").append("            {\"id\": ").append(Json.string(rule.id()))
                    .append(", \"name\": ").append(Json.string(rule.slug()))
                    .append(", \"shortDescription\": {\"text\": ").append(Json.string(rule.title())).append('}')
                    .append(", \"fullDescription\": {\"text\": ").append(Json.string(rule.explanation())).append('}')
                    .append(", \"help\": {\"text\": ").append(Json.string(rule.explanation() + " Example: "
                            + rule.example())).append('}')
                    .append(", \"defaultConfiguration\": {\"level\": \"error\"}}");
        }
        out.append(ruleList.isEmpty() ? "]\n" : "\n          ]\n").append("        }\n      },\n")
                .append("      \"results\": [");
        for (int i = 0; i < diagnostics.size(); i++) {
            Diagnostic d = diagnostics.get(i);
            out.append(i == 0 ? "\n" : ",\n").append("        {\"ruleId\": ").append(Json.string(d.rule().id()))
                    .append(", \"ruleIndex\": ").append(ruleList.indexOf(d.rule()))
                    .append(", \"level\": ").append(Json.string(d.severity() == Severity.ERROR ? "error" : "warning"))
                    .append(", \"message\": {\"text\": ").append(Json.string(d.message())).append('}')
                    .append(", \"locations\": [{\"physicalLocation\": {\"artifactLocation\": {\"uri\": ")
                    .append(Json.string(d.file().toString())).append("}, \"region\": {\"startLine\": ")
                    .append(d.mark().line()).append(", \"startColumn\": ").append(d.mark().column())
                    .append("}}}]")
                    .append(d.relatedMark().map(r -> ", \"relatedLocations\": [{\"id\": 1, \"physicalLocation\":"
                            + " {\"artifactLocation\": {\"uri\": " + Json.string(r.file().toString())
                            + "}, \"region\": {\"startLine\": " + r.line() + ", \"startColumn\": " + r.column()
                            + "}}, \"message\": {\"text\": \"the other side of this disagreement\"}}]").orElse(""))
                    .append('}');
        }
        out.append(diagnostics.isEmpty() ? "]\n" : "\n      ]\n").append("    }\n  ]\n}\n");
        return out.toString();
    }
}
