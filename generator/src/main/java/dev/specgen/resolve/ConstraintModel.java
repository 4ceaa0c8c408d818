package dev.specgen.resolve;

import java.util.List;

/** A composite unique constraint or index of __table_args__: its name and its columns, as literals. */
public final class ConstraintModel {
    public final boolean unique;
    public final String nameLiteral;
    public final List<String> columnLiterals;

    ConstraintModel(boolean unique, String nameLiteral, List<String> columnLiterals) {
        this.unique = unique;
        this.nameLiteral = nameLiteral;
        this.columnLiterals = List.copyOf(columnLiterals);
    }
}
