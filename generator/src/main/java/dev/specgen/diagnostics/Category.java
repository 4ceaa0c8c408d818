package dev.specgen.diagnostics;

/** The seed's rejection criteria, which group the rule catalogue. */
public enum Category {
    MISSING_SPECIFICATION(1, "Missing specification"),
    INCOMPLETE_CONTRACT(2, "Incomplete API contract"),
    UNDEFINED_MODEL(3, "Undefined data model"),
    UNCLEAR_AUTH(4, "Unclear authentication"),
    AMBIGUOUS_RULES(5, "Ambiguous business rules"),
    DISAGREEMENT(6, "Contract and model disagree");

    private final int number;
    private final String title;

    Category(int number, String title) {
        this.number = number;
        this.title = title;
    }

    public int number() {
        return number;
    }

    public String title() {
        return title;
    }
}
