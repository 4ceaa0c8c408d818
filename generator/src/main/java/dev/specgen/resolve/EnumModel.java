package dev.specgen.resolve;

import java.util.List;

/** A Python enum generated for an enum field. */
public final class EnumModel {
    public final String className;
    public final String columnConstant;
    public final List<Member> members;
    /** The name of the CHECK constraint on the column, as a Python literal. */
    public final String checkNameLiteral;

    EnumModel(String className, List<Member> members, String checkNameLiteral) {
        this.className = className;
        this.columnConstant = FieldRenderer.enumColumnConstant(className);
        this.members = List.copyOf(members);
        this.checkNameLiteral = checkNameLiteral;
    }

    /** One enum member: a safe Python name and the wire value as a literal. */
    public static final class Member {
        public final String name;
        public final String valueLiteral;

        Member(String name, String valueLiteral) {
            this.name = name;
            this.valueLiteral = valueLiteral;
        }
    }
}
