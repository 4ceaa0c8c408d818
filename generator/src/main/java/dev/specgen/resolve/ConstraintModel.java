package dev.specgen.resolve;

/** A composite unique constraint or index, as its __table_args__ line. */
public final class ConstraintModel {
    public final String declaration;

    ConstraintModel(String declaration) {
        this.declaration = declaration;
    }
}
