package dev.specgen.report;

/** How findings are printed: for people, for tools, for GitHub. */
public enum ReportFormat {
    TEXT, JSON, SARIF, GITHUB
}
