package dev.specgen.resolve;

import java.util.List;

/** The routes of one entity, in contract order, with exactly the names the router module uses. */
public final class RouterModel {
    public final String module;
    public final String tagLiteral;
    public final EntityModel entity;
    public final List<OperationModel> operations;
    public final List<String> modelImports;
    /** The request and response classes, module-qualified: schemas.Task beside the table Task. */
    public final boolean usesSchemas;
    /** What the router imports from the app package itself (ownership, schemas). */
    public final String appImports;
    public final boolean hasAppImports;
    /** isort puts "from app.hooks import <module> as hooks" before "from app.hooks import run_hook". */
    public final boolean hooksAliasFirst;
    public final List<String> errorImports;
    public final List<String> securityImports;
    public final boolean hasErrorImports;
    public final boolean hasSecurityImports;
    public final boolean usesUuid;
    public final boolean usesDatetime;
    public final boolean usesDate;
    public final boolean usesDecimal;
    public final boolean usesLiteral;
    public final boolean usesQuery;
    public final boolean usesSelect;
    public final boolean usesOwnership;
    public final boolean usesUtcnow;
    /** Some operation writes a row, and so runs the entity's hooks. */
    public final boolean usesHooks;
    /** Some route parameter is Annotated, some is a Path parameter. */
    public final boolean usesAnnotated;
    public final boolean usesPath;
    public final List<String> typingNames;
    /** col (a list orders, searches), func and select (counts, aggregates), as sqlmodel's names. */
    public final List<String> sqlmodelNames;
    public final boolean usesSqlmodel;
    public final boolean usesTyping;
    public final boolean usesResponse;
    public final boolean checksBodies;
    /** A route has dependencies: a body checked against the contract, or grants to require. */
    public final boolean usesDepends;
    public final boolean usesAny;
    public final boolean usesPages;
    public final boolean usesSearch;
    public final boolean usesAggregate;
    /** ISO-only date and date-time query parameters (app.validation), as a from-import list; empty when none. */
    public final String isoImports;
    public final boolean usesIso;

    RouterModel(String module, String tagLiteral, EntityModel entity, List<OperationModel> operations,
            List<String> modelImports, List<String> errorImports, List<String> securityImports, boolean usesUuid,
            boolean usesDatetime, boolean usesDate, boolean usesDecimal) {
        this.module = module;
        this.tagLiteral = tagLiteral;
        this.entity = entity;
        this.operations = List.copyOf(operations);
        this.modelImports = List.copyOf(modelImports);
        this.hooksAliasFirst = Names.isortOrder(List.of(module, "run_hook")).get(0).equals(module);
        this.errorImports = List.copyOf(errorImports);
        this.securityImports = List.copyOf(securityImports);
        this.hasErrorImports = !errorImports.isEmpty();
        this.hasSecurityImports = !securityImports.isEmpty();
        this.usesUuid = usesUuid;
        this.usesDatetime = usesDatetime;
        this.usesDate = usesDate;
        this.usesDecimal = usesDecimal;
        this.usesLiteral = operations.stream().anyMatch(o -> o.hasSort
                || o.parameters.stream().anyMatch(p -> p.contains("Literal[")));
        this.usesQuery = operations.stream().anyMatch(o -> o.hasSort || o.isPaged || !o.filters.isEmpty()
                || o.hasSearch);
        this.usesSelect = operations.stream().anyMatch(o -> o.countsTotal || o.aggregate != null);
        this.usesOwnership = operations.stream().anyMatch(o -> !o.isCreate || !o.parentGuards.isEmpty());
        this.usesSchemas = operations.stream().anyMatch(o -> o.responseModel != null || o.requestModel != null);
        java.util.List<String> app = new java.util.ArrayList<>();
        if (usesOwnership) {
            app.add("ownership");
        }
        if (usesSchemas) {
            app.add("schemas");
        }
        this.appImports = String.join(", ", app);
        this.hasAppImports = !app.isEmpty();
        this.usesUtcnow = operations.stream().anyMatch(o -> o.isCreate && o.createUsesNow
                || changesRow(o) && !o.isCreate && !o.isDelete && o.hasUpdateOverrides
                || o.softDeleteAttribute != null || o.stampsNow);
        this.usesAnnotated = operations.stream().flatMap(o -> o.parameters.stream()).anyMatch(p -> p.contains("Annotated["));
        this.usesPath = operations.stream().flatMap(o -> o.parameters.stream()).anyMatch(p -> p.contains("Path("));
        this.usesHooks = operations.stream().anyMatch(RouterModel::changesRow);
        this.usesResponse = operations.stream().anyMatch(o -> o.isDelete && !o.hasDeleteAnswer);
        this.checksBodies = operations.stream().anyMatch(o -> o.checksBody);
        this.usesDepends = checksBodies || operations.stream().anyMatch(o -> o.requiresGrants);
        this.usesAny = operations.stream().anyMatch(o -> o.enveloped || o.aggregate != null || o.hasDeleteAnswer);
        this.usesPages = operations.stream().anyMatch(o -> o.isPaged);
        this.usesSearch = operations.stream().anyMatch(o -> o.hasSearch);
        this.usesAggregate = operations.stream().anyMatch(o -> o.aggregate != null);
        java.util.List<String> iso = new java.util.ArrayList<>();
        String all = String.join("\n", operations.stream().flatMap(o -> o.parameters.stream()).toList());
        if (java.util.regex.Pattern.compile("IsoDate(?!Time)").matcher(all).find()) {
            iso.add("IsoDate");
        }
        if (all.contains("IsoDateTime")) {
            iso.add("IsoDateTime");
        }
        this.isoImports = String.join(", ", iso.stream().distinct().toList());
        this.usesIso = !iso.isEmpty();
        List<String> typing = new java.util.ArrayList<>();
        if (usesAnnotated) {
            typing.add("Annotated");
        }
        if (usesAny) {
            typing.add("Any");
        }
        if (usesLiteral) {
            typing.add("Literal");
        }
        this.typingNames = typing;
        List<String> sqlmodel = new java.util.ArrayList<>();
        if (operations.stream().anyMatch(o -> o.isList || o.filters.stream().anyMatch(f -> f.isNull || f.isIn))) {
            sqlmodel.add("col");
        }
        if (usesSelect) {
            sqlmodel.add("func");
            sqlmodel.add("select");
        }
        this.sqlmodelNames = sqlmodel;
        this.usesSqlmodel = !sqlmodel.isEmpty();
        this.usesTyping = !typing.isEmpty();
    }

    /** The actions that write a row run the hooks (router.stg, writeRow and persistChanges). */
    static boolean changesRow(OperationModel o) {
        return o.changesRow;
    }
}
