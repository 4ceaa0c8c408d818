package dev.specgen.resolve;

import java.util.List;

/** One entity, with everything its model module, scope function and router need. */
public final class EntityModel {
    public final String className;
    public final String module;
    public final String tableLiteral;
    public final boolean hasDoc;
    public final String docLiteral;
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
    public final boolean hasPublicOnlyFields;
    public final boolean hasEnums;
    public final List<ConstraintModel> tableArgs;
    public final boolean hasTableArgs;
    public final boolean hasCreate;
    public final boolean hasUpdate;
    public final boolean hasPage;
    public final boolean forbidExtraOnCreate;
    public final boolean forbidExtraOnUpdate;
    public final List<String> schemaClasses;
    /** Decimal fields the contract sends as JSON numbers (money with multipleOf), as attribute literals. */
    public final List<String> numberDecimals;
    public final boolean hasNumberDecimals;
    /** The pydantic names the module imports, field_serializer included when it is used. */
    public final String pydanticImports;
    public final Imports imports;

    /** Ownership: exactly one of owned, via and shared is true. */
    public final boolean owned;
    public final boolean via;
    public final boolean shared;
    public final String scopeFunction;
    public final String ownerColumn;
    public final List<JoinModel> joins;
    public final String ownerAttribute;
    public final String viaDescription;

    EntityModel(Builder b) {
        className = b.className;
        module = b.module;
        tableLiteral = b.tableLiteral;
        docLiteral = b.docLiteral;
        hasDoc = b.docLiteral != null;
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
        numberDecimals = List.copyOf(b.numberDecimals);
        hasNumberDecimals = !numberDecimals.isEmpty();
        List<String> pydantic = new java.util.ArrayList<>(b.imports.pydanticBase);
        if (hasNumberDecimals) {
            pydantic.add("field_serializer");
        }
        pydanticImports = String.join(", ", pydantic);
        imports = b.imports;
        owned = b.owned;
        via = b.via;
        shared = !b.owned && !b.via;
        scopeFunction = b.scopeFunction;
        ownerColumn = b.ownerColumn;
        joins = List.copyOf(b.joins);
        ownerAttribute = b.ownerAttribute;
        viaDescription = b.viaDescription;
    }

    /** Which imports a model module needs, decided from its fields. */
    public static final class Imports {
        public final boolean uuid;
        public final boolean datetime;
        public final boolean date;
        public final boolean decimal;
        public final boolean enumType;
        public final boolean any;
        public final boolean text;
        public final boolean bigint;
        public final boolean json;
        public final boolean index;
        public final boolean unique;
        public final boolean utcnow;
        public final boolean sqlalchemy;
        public final String datetimeNames;
        public final String sqlalchemyNames;
        public final String pydanticNames;
        final List<String> pydanticBase;

        Imports(boolean uuid, boolean datetime, boolean date, boolean decimal, boolean enumType, boolean any,
                boolean text, boolean bigint, boolean json, boolean index, boolean unique, boolean utcnow,
                boolean strictBool, boolean strictInt) {
            this.uuid = uuid;
            this.datetime = datetime;
            this.date = date;
            this.decimal = decimal;
            this.enumType = enumType;
            this.any = any;
            this.text = text;
            this.bigint = bigint;
            this.json = json;
            this.index = index;
            this.unique = unique;
            this.utcnow = utcnow;
            this.sqlalchemy = text || bigint || json || index || unique;
            this.datetimeNames = date && datetime ? "date, datetime" : date ? "date" : "datetime";
            List<String> names = new java.util.ArrayList<>();
            if (bigint) {
                names.add("BigInteger");
            }
            if (index) {
                names.add("Index");
            }
            if (bigint) {
                names.add("Integer");
            }
            if (json) {
                names.add("JSON");
            }
            if (text) {
                names.add("Text");
            }
            if (unique) {
                names.add("UniqueConstraint");
            }
            this.sqlalchemyNames = String.join(", ", names);
            List<String> pydantic = new java.util.ArrayList<>();
            if (json) {
                pydantic.add("AfterValidator");
            }
            pydantic.add("ConfigDict");
            if (strictBool) {
                pydantic.add("StrictBool");
            }
            this.pydanticBase = List.copyOf(pydantic);
            this.pydanticNames = String.join(", ", pydantic);
        }
    }

    static final class Builder {
        String className;
        String module;
        String tableLiteral;
        String docLiteral;
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
        boolean hasUpdate;
        boolean hasPage;
        boolean forbidExtraOnCreate;
        boolean forbidExtraOnUpdate;
        List<String> schemaClasses = List.of();
        List<String> numberDecimals = List.of();
        Imports imports;
        boolean owned;
        boolean via;
        String scopeFunction;
        String ownerColumn;
        List<JoinModel> joins = List.of();
        String ownerAttribute;
        String viaDescription;
    }
}
