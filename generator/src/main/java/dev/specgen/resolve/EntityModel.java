package dev.specgen.resolve;

import java.util.List;

/** One entity, with everything its model module, scope function and router need. */
public final class EntityModel {
    public final String className;
    public final String module;
    public final String tableLiteral;
    public final boolean hasDoc;
    /** The entity's description, as comment lines on its table class. */
    public final List<String> docLines;
    public final FieldModel primaryKey;
    /** An integer primary key's column range: a key outside it cannot exist. */
    public final boolean hasKeyRange;
    public final String keyLow;
    public final String keyHigh;
    public final List<EnumModel> enums;
    /** Fields in Base: sent on create and returned in responses. */
    public final List<FieldModel> baseFields;
    /** Table columns not in Base. */
    public final List<FieldModel> tableOnlyFields;
    /** Create-body fields not in Base. */
    public final List<FieldModel> createOnlyFields;
    /** Response fields not in Base. */
    public final List<FieldModel> publicOnlyFields;
    public final List<FieldModel> updateFields;
    public final boolean hasBaseFields;
    public final boolean hasCreateOnlyFields;
    /** The fields of a replace body of its own (hasReplace), declared as a create body declares them. */
    public final List<FieldModel> replaceFields;
    public final boolean hasReplace;
    public final boolean forbidExtraOnReplace;
    /** The request class of replace operations: the create class unless the replace body is its own. */
    public final String replaceClass;
    public final boolean hasPublicOnlyFields;
    public final boolean hasEnums;
    public final List<ConstraintModel> tableArgs;
    public final boolean hasTableArgs;
    public final boolean hasCreate;
    public final boolean hasUpdate;
    public final boolean hasPage;
    public final boolean forbidExtraOnCreate;
    public final boolean forbidExtraOnUpdate;
    /** The request and response classes in app.schemas, sorted; their names follow the contract's schemas. */
    public final List<String> schemaClasses;
    public final String publicClass;
    public final String createClass;
    public final String updateClass;
    public final String pageClass;
    /** What app.models re-exports from this entity's module (its table and enums), in isort's order. */
    public final List<String> exports;
    /** Decimal fields the contract sends as JSON numbers (money with multipleOf), as attribute literals. */
    public final List<String> numberDecimals;
    /** Python string literals: the response members sent as no member at all when null (optional, not nullable). */
    public final List<String> omittedWhenNull;
    public final boolean hasOmittedWhenNull;
    public final boolean oneOmittedWhenNull;
    public final boolean hasNumberDecimals;
    /** The pydantic names the schemas module imports, field_serializer included when it is used. */
    public final String pydanticImports;
    /** The pydantic names the table module imports: its fields' (ConfigDict is the request classes'). */
    public final String modelPydanticImports;
    public final boolean hasModelPydanticImports;
    public final boolean hasPydanticImports;
    public final Imports imports;
    /** What app/schemas/<entity>.py imports. */
    public final SchemaModuleImports schemaImports;

    /** Ownership: exactly one of owned, via and shared is true. */
    public final boolean owned;
    public final boolean via;
    public final boolean shared;
    public final String scopeFunction;
    public final String ownerColumn;
    /** The column a soft delete marks (Task.deleted_at): every scope hides rows where it is set; or null. */
    public final String softDeleteColumn;
    public final boolean softDeletes;
    public final List<JoinModel> joins;
    public final String ownerAttribute;
    public final String viaDescription;
    /** The test factory that inserts rows of this entity straight into the database. */
    public final TestModel.Factory factory;

    EntityModel(Builder b) {
        className = b.className;
        module = b.module;
        tableLiteral = b.tableLiteral;
        docLines = List.copyOf(b.docLines);
        hasDoc = !docLines.isEmpty();
        primaryKey = b.primaryKey;
        keyLow = b.keyLow;
        keyHigh = b.keyHigh;
        hasKeyRange = b.keyLow != null;
        enums = List.copyOf(b.enums);
        baseFields = List.copyOf(b.baseFields);
        tableOnlyFields = List.copyOf(b.tableOnlyFields);
        createOnlyFields = List.copyOf(b.createOnlyFields);
        publicOnlyFields = List.copyOf(b.publicOnlyFields);
        updateFields = List.copyOf(b.updateFields);
        hasBaseFields = !baseFields.isEmpty();
        hasCreateOnlyFields = !createOnlyFields.isEmpty();
        replaceFields = List.copyOf(b.replaceFields);
        hasReplace = b.hasReplace;
        forbidExtraOnReplace = b.forbidExtraOnReplace;
        replaceClass = b.replaceClass;
        hasPublicOnlyFields = !publicOnlyFields.isEmpty();
        hasEnums = !enums.isEmpty();
        tableArgs = List.copyOf(b.tableArgs);
        hasTableArgs = !tableArgs.isEmpty();
        hasCreate = b.hasCreate;
        hasUpdate = b.hasUpdate;
        hasPage = b.hasPage;
        forbidExtraOnCreate = b.forbidExtraOnCreate;
        forbidExtraOnUpdate = b.forbidExtraOnUpdate;
        schemaClasses = List.copyOf(b.schemaClasses);
        publicClass = b.publicClass;
        createClass = b.createClass;
        updateClass = b.updateClass;
        pageClass = b.pageClass;
        List<String> exported = new java.util.ArrayList<>(List.of(b.className));
        enums.forEach(e -> exported.add(e.className));
        exports = Names.isortOrder(exported);
        numberDecimals = List.copyOf(b.numberDecimals);
        hasNumberDecimals = !numberDecimals.isEmpty();
        omittedWhenNull = List.copyOf(b.omittedWhenNull);
        hasOmittedWhenNull = !omittedWhenNull.isEmpty();
        oneOmittedWhenNull = omittedWhenNull.size() == 1;
        java.util.TreeSet<String> pydantic = new java.util.TreeSet<>();
        if (!b.imports.pydanticNames.isEmpty()) {
            pydantic.addAll(List.of(b.imports.pydanticNames.split(", ")));
        }
        if (hasNumberDecimals) {
            pydantic.add("field_serializer");
        }
        if (hasOmittedWhenNull) {
            pydantic.add("SerializerFunctionWrapHandler");
            pydantic.add("model_serializer");
        }
        pydanticImports = String.join(", ", pydantic);
        modelPydanticImports = String.join(", ", pydantic.stream()
                .filter(n -> !List.of("ConfigDict", "field_serializer", "model_serializer", "SerializerFunctionWrapHandler")
                        .contains(n)).toList());
        hasModelPydanticImports = !modelPydanticImports.isEmpty();
        hasPydanticImports = !pydantic.isEmpty();
        imports = b.imports;
        schemaImports = SchemaModuleImports.of(this);
        owned = b.owned;
        via = b.via;
        shared = !b.owned && !b.via;
        scopeFunction = b.scopeFunction;
        ownerColumn = b.ownerColumn;
        softDeleteColumn = b.softDeleteColumn;
        softDeletes = b.softDeleteColumn != null;
        joins = List.copyOf(b.joins);
        ownerAttribute = b.ownerAttribute;
        viaDescription = b.viaDescription;
        factory = b.factory;
    }

    /** Which imports a model module needs: exactly the names its declarations use. */
    public static final class Imports {
        public final boolean uuid;
        public final boolean decimal;
        public final boolean hasDatetime;
        public final String datetimeNames;
        public final boolean enumType;
        public final boolean hasTyping;
        public final String typingNames;
        public final String pydanticNames;
        public final boolean hasSqlalchemy;
        public final String sqlalchemyNames;
        public final boolean utcnow;
        public final boolean finiteJson;
        /** Some import from the standard library, or from app, so that group is there. */
        public final boolean hasStdlib;
        /** isort puts "from sqlalchemy import Enum as SAEnum" before or after the other sqlalchemy import. */
        public final boolean enumFirst;
        public final boolean enumLast;
        public final boolean hasApp;

        private Imports(java.util.Set<String> needs, boolean enumType) {
            this.uuid = needs.contains("uuid");
            this.decimal = needs.contains("decimal");
            this.datetimeNames = names(needs, "datetime");
            this.hasDatetime = !datetimeNames.isEmpty();
            this.enumType = enumType;
            this.typingNames = names(needs, "typing");
            this.hasTyping = !typingNames.isEmpty();
            this.pydanticNames = names(needs, "pydantic");
            this.sqlalchemyNames = names(needs, "sqlalchemy");
            this.hasSqlalchemy = !sqlalchemyNames.isEmpty();
            this.utcnow = needs.contains("app.timestamps.utcnow");
            this.finiteJson = needs.contains("app.validation.finite_json");
            this.hasStdlib = uuid || decimal || hasDatetime || enumType || hasTyping;
            this.hasApp = utcnow || finiteJson;
            String first = sqlalchemyNames.isEmpty() ? null : sqlalchemyNames.split(", ")[0];
            this.enumFirst = enumType && (first == null || Names.isortOrder(List.of("Enum", first)).get(0).equals("Enum"));
            this.enumLast = enumType && !enumFirst;
        }

        /**
         * {@code needs}: the names the field declarations use, as {@code module.Name} (see
         * FieldRenderer); constraints and the request classes add their own.
         */
        static Imports of(java.util.Set<String> needs, boolean enums, boolean indexes, boolean uniques) {
            java.util.Set<String> all = new java.util.TreeSet<>(needs);
            if (indexes) {
                all.add("sqlalchemy.Index");
            }
            if (uniques) {
                all.add("sqlalchemy.UniqueConstraint");
            }
            return new Imports(all, enums);
        }

        /** The names imported from one module, sorted as isort sorts them (case-sensitively). */
        private static String names(java.util.Set<String> needs, String module) {
            return String.join(", ", Names.isortOrder(needs.stream().filter(n -> n.startsWith(module + ".")
                    && n.indexOf('.', module.length() + 1) < 0).map(n -> n.substring(module.length() + 1))
                    .toList()));
        }
    }

    static final class Builder {
        String className;
        String module;
        String tableLiteral;
        List<String> docLines = List.of();
        FieldModel primaryKey;
        String keyLow;
        String keyHigh;
        List<EnumModel> enums = List.of();
        List<FieldModel> baseFields = List.of();
        List<FieldModel> tableOnlyFields = List.of();
        List<FieldModel> createOnlyFields = List.of();
        List<FieldModel> publicOnlyFields = List.of();
        List<FieldModel> updateFields = List.of();
        List<ConstraintModel> tableArgs = List.of();
        boolean hasCreate;
        List<FieldModel> replaceFields = List.of();
        boolean hasReplace;
        boolean forbidExtraOnReplace;
        String replaceClass;
        boolean hasUpdate;
        boolean hasPage;
        boolean forbidExtraOnCreate;
        boolean forbidExtraOnUpdate;
        List<String> schemaClasses = List.of();
        String publicClass;
        String createClass;
        String updateClass;
        String pageClass;
        List<String> numberDecimals = List.of();
        List<String> omittedWhenNull = List.of();
        Imports imports;
        boolean owned;
        boolean via;
        String scopeFunction;
        String ownerColumn;
        String softDeleteColumn;
        List<JoinModel> joins = List.of();
        String ownerAttribute;
        String viaDescription;
        TestModel.Factory factory;
    }
}
