package dev.specgen.diagnostics;

/** docs/rules.md, written from the catalogue itself so the two cannot drift apart. */
public final class RuleDocs {
    private RuleDocs() {
    }

    public static String markdown() {
        StringBuilder out = new StringBuilder();
        out.append("<!-- Generated from the rule catalogue by `specgen rules --markdown`; do not edit. -->\n")
                .append("# specgen rules\n\n")
                .append("specgen refuses to generate from an incomplete or ambiguous spec. Each finding names a rule,\n")
                .append("the place (`file:line:column`) and what is required, in the words of the backend agent's brief:\n")
                .append("\"Implementation blocked: REASON. Required before proceeding: REQUIREMENT.\"\n\n")
                .append("Errors block generation. Warnings never do, unless `--strict` is given.\n")
                .append("`specgen explain ID` prints one rule.\n");
        for (Category category : Category.values()) {
            out.append("\n## ").append(category.number()).append(". ").append(category.title()).append("\n\n")
                    .append("| id | name | severity | title |\n| --- | --- | --- | --- |\n");
            for (Rule rule : Rule.values()) {
                if (rule.category() == category) {
                    out.append("| [").append(rule.id()).append("](#").append(rule.id().toLowerCase(java.util.Locale.ROOT))
                            .append(") | `").append(rule.slug()).append("` | ").append(rule.severity().label())
                            .append(" | ").append(rule.title()).append(" |\n");
                }
            }
        }
        out.append("\n## Every rule\n");
        for (Rule rule : Rule.values()) {
            out.append("\n### ").append(rule.id()).append("\n\n")
                    .append("`").append(rule.slug()).append("`, ").append(rule.severity().label()).append(", ")
                    .append(rule.category().title().toLowerCase(java.util.Locale.ROOT)).append(".\n\n")
                    .append("**").append(rule.title()).append(".** ").append(rule.explanation()).append("\n\n")
                    .append("Example: `").append(rule.example().replace("`", "'")).append("`\n");
        }
        return out.toString();
    }
}
