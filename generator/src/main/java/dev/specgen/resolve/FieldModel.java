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
    /** Declaration on the Create schema when the field is not in Base. */
    public final String createDecl;
    /** Declaration on the Public schema when the field is not in Base. */
    public final String schemaDecl;
    /** Declaration on the Update schema: optional, with "not sent" as the default. */
    public final String updateDecl;
    /** The enum class this field uses, when it is an enum. */
    public final String enumClass;
    public final boolean isEnum;
    /** The attribute differs from the wire name; such a field never sits in Base. */
    public final boolean aliased;

    FieldModel(String name, String attribute, String pyType, boolean nullable, String tableDecl, String createDecl,
            String schemaDecl, String updateDecl, String enumClass, boolean aliased) {
        this.name = name;
        this.attribute = attribute;
        this.pyType = pyType;
        this.nullable = nullable;
        this.tableDecl = tableDecl;
        this.createDecl = createDecl;
        this.aliased = aliased;
        this.schemaDecl = schemaDecl;
        this.updateDecl = updateDecl;
        this.enumClass = enumClass;
        this.isEnum = enumClass != null;
    }
}
