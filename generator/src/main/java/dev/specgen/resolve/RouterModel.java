package dev.specgen.resolve;

import java.util.List;

/** The routes of one entity, in contract order, with the names the router module imports. */
public final class RouterModel {
    public final String module;
    public final String tagLiteral;
    public final EntityModel entity;
    public final List<OperationModel> operations;
    public final List<String> modelImports;
    public final List<String> scopeImports;
    public final boolean usesUuid;
    public final boolean usesDatetime;
    public final boolean usesDate;
    public final boolean usesDecimal;
    public final boolean usesLiteral;
    public final boolean usesQuery;
    public final boolean usesCurrentUser;
    public final boolean usesUtcnow;
    public final boolean usesConflict;
    public final boolean usesResponse;

    RouterModel(String module, String tagLiteral, EntityModel entity, List<OperationModel> operations,
            List<String> modelImports, List<String> scopeImports, boolean usesUuid, boolean usesDatetime,
            boolean usesDate, boolean usesDecimal, boolean usesUtcnow) {
        this.module = module;
        this.tagLiteral = tagLiteral;
        this.entity = entity;
        this.operations = List.copyOf(operations);
        this.modelImports = List.copyOf(modelImports);
        this.scopeImports = List.copyOf(scopeImports);
        this.usesUuid = usesUuid;
        this.usesDatetime = usesDatetime;
        this.usesDate = usesDate;
        this.usesDecimal = usesDecimal;
        this.usesLiteral = operations.stream().anyMatch(o -> o.hasSort);
        this.usesQuery = operations.stream().anyMatch(o -> o.hasSort || o.isPaged || !o.filters.isEmpty());
        this.usesCurrentUser = operations.stream().anyMatch(o -> o.authenticated);
        this.usesUtcnow = usesUtcnow;
        this.usesConflict = operations.stream().anyMatch(o -> o.isCreate || o.isUpdate || o.isReplace);
        this.usesResponse = operations.stream().anyMatch(o -> o.isDelete);
    }
}
