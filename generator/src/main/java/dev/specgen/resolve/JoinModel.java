package dev.specgen.resolve;

/** One hop of ownership through a parent: JOIN parentClass ON onClause. */
public final class JoinModel {
    public final String parentClass;
    public final String onClause;

    JoinModel(String parentClass, String onClause) {
        this.parentClass = parentClass;
        this.onClause = onClause;
    }
}
