package dev.specgen.resolve;

/**
 * One entity field as the templates print it. Declarations are computed here so that templates
 * only place them; each is a complete Python class-body line without indentation.
 */
public final class FieldModel {
    public final String name;
    public final String attribute;
    public final String pyType;
    public final boolean nullable;
    /** Declaration on the table class. */
    public final String tableDecl;
    /** Declaration on Base/Create/Public schemas. */
    public final String schemaDecl;
    /** Declaration on the Update schema: optional, with "not sent" as the default. */
    public final String updateDecl;
    /** The enum class this field uses, when it is an enum. */
    public final String enumClass;
    public final boolean isEnum;

    FieldModel(String name, String attribute, String pyType, boolean nullable, String tableDecl, String schemaDecl,
            String updateDecl, String enumClass) {
        this.name = name;
        this.attribute = attribute;
        this.pyType = pyType;
        this.nullable = nullable;
        this.tableDecl = tableDecl;
        this.schemaDecl = schemaDecl;
        this.updateDecl = updateDecl;
        this.enumClass = enumClass;
        this.isEnum = enumClass != null;
    }
}
