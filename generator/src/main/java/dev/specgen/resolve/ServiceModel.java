package dev.specgen.resolve;

import java.util.List;

/** The immutable intermediate model: everything the templates print, computed once. */
public final class ServiceModel {
    public final String titleLiteral;
    public final String versionLiteral;
    public final boolean hasDescription;
    public final String descriptionLiteral;
    public final String titleComment;
    public final AuthModel auth;
    public final List<EntityModel> entities;
    /** The entity classes, in the order an import of all of them lists them (isort's). */
    public final List<String> entityClasses;
    /** Some entity is owned through a parent, so ownership.py joins. */
    public final boolean usesJoins;
    /** ownership.py uses col(): a join, or a soft delete's IS NULL. */
    public final boolean usesCol;
    /** Some entity belongs to a user (owned or through a parent): the owner-scoped queries take the caller. */
    public final boolean hasOwnedEntities;
    /** The entity model modules, likewise. */
    public final List<EntityModel> entitiesByModule;
    public final List<RouterModel> routers;
    public final List<TestModel> tests;
    /** Every entity's test factory, in the order an import lists them (ruff's isort order). */
    public final List<String> factoryNames;
    public final List<String> modelExports;
    public final List<String> schemaExports;
    /** The entities by module name: the order app/schemas/__init__.py imports them in. */
    public final List<EntityModel> schemaModules;
    public final SummaryModel summary;
    /** A URL any authenticated user may GET, for the token tests; null when the contract has none. */
    public final String probeUrl;
    public final boolean hasProbeUrl;
    /** The probe URL as a user types it in the README's curl (user A's id in the path), or null. */
    public final String readmeUrl;
    /** The input contract as JSON (2-space indent, "\n" line ends, keys in document order). */
    public final String contractJson;
    /** Where the contract's servers put its paths (/api), as a literal; null at the root. */
    public final String basePathLiteral;
    /** register, login and logout: the service's own accounts (templates/python/actions/issuing.stg). */
    public final AccountsModel accounts;
    public final boolean hasBasePath;
    public final ErrorsModel errors;
    public final List<HealthModel> health;
    /** External entities whose rows belong to users: the tests seed one per test user. */
    public final List<SeedModel> seeds;
    /** Hand-written operations: routes, typed classes from the contract, and the entities their contexts read. */
    public final List<HandwrittenModel> handwritten;
    /** The same, by function name: the order their modules are imported in. */
    public final List<HandwrittenModel> handwrittenByName;
    public final boolean hasHandwritten;
    public final List<ContractModels.ClassModel> handwrittenClasses;
    /** The classes of app.handwritten that tests/test_handwritten.py names. */
    public final List<String> handwrittenTestClasses;
    public final List<String> handwrittenEntities;
    /** The app.handwritten names each handler stub uses, by function name; the router's, all of them. */
    public final java.util.Map<String, List<String>> handwrittenImports;
    public final List<String> handwrittenRouterImports;
    public final boolean handwrittenUsesEntities;
    public final boolean hasSeeds;
    /** For the tests: where responses carry the row, the rows and the page numbers, per operation. */
    public final List<String> rowPaths;
    public final List<String> rowsPaths;
    public final List<String> numberPaths;
    public final boolean hasHealth;
    public final boolean healthNeedsToken;
    /** Some health check pings the database (the others are liveness checks). */
    public final boolean healthPings;
    public final boolean hasRouters;
    /** Every router module main.py includes: health, hand-written, then one per entity. */
    public final List<String> routerModules;
    /** The same, in the order app/main.py imports them (isort's). */
    public final List<String> routerImports;

    ServiceModel(String titleLiteral, String versionLiteral, String descriptionLiteral, String titleComment,
            AuthModel auth, List<EntityModel> entities, List<RouterModel> routers, List<TestModel> tests,
            List<String> modelExports, List<String> schemaExports, SummaryModel summary, String probeUrl, String contractJson, List<HealthModel> health, List<SeedModel> seeds, HandwrittenPlanner handwritten, List<List<String>> responsePaths, ErrorsModel errors, String basePath, AccountsModel accounts) {
        this.accounts = accounts;
        this.titleLiteral = titleLiteral;
        this.versionLiteral = versionLiteral;
        this.descriptionLiteral = descriptionLiteral;
        this.hasDescription = descriptionLiteral != null;
        this.titleComment = titleComment;
        this.auth = auth;
        this.entities = List.copyOf(entities);
        this.usesJoins = entities.stream().anyMatch(e -> !e.joins.isEmpty());
        this.usesCol = usesJoins || entities.stream().anyMatch(e -> e.softDeletes);
        this.hasOwnedEntities = entities.stream().anyMatch(e -> !e.shared);
        this.entityClasses = Names.isortOrder(entities.stream().map(e -> e.className).toList());
        this.entitiesByModule = entities.stream().sorted(java.util.Comparator.comparing(e -> e.module)).toList();
        this.routers = List.copyOf(routers);
        this.tests = List.copyOf(tests);
        this.factoryNames = this.entities.stream().map(e -> e.factory.name).sorted().toList();
        this.modelExports = List.copyOf(modelExports);
        this.schemaExports = List.copyOf(schemaExports);
        this.schemaModules = entities.stream().sorted(java.util.Comparator.comparing((EntityModel e) -> e.module))
                .toList();
        this.summary = summary;
        this.probeUrl = probeUrl;
        this.hasProbeUrl = probeUrl != null;
        String userA = auth.testUserA.startsWith("\"") ? auth.testUserA.substring(1, auth.testUserA.length() - 1)
                : auth.testUserA;
        this.readmeUrl = probeUrl == null ? null : basePath + probeUrl.replaceFirst("^f?\"", "")
                .replaceFirst("\"$", "").replace("{USER_A.id}", userA);
        this.contractJson = contractJson;
        this.hasBasePath = !basePath.isEmpty();
        this.basePathLiteral = hasBasePath ? PyLiteral.str(basePath) : null;
        this.errors = errors;
        this.health = List.copyOf(health);
        this.seeds = List.copyOf(seeds);
        this.handwritten = List.copyOf(handwritten.plan());
        this.hasHandwritten = !this.handwritten.isEmpty();
        this.handwrittenTestClasses = this.handwritten.stream().flatMap(h -> h.hasRequest
                ? java.util.stream.Stream.of(h.contextClass, h.requestClass) : java.util.stream.Stream.of(h.contextClass))
                .distinct().collect(java.util.stream.Collectors.collectingAndThen(java.util.stream.Collectors.toList(),
                        Names::isortOrder));
        this.handwrittenByName = this.handwritten.stream()
                .sorted(java.util.Comparator.comparing((HandwrittenModel h) -> h.functionName)).toList();
        this.handwrittenClasses = handwritten.classes();
        java.util.Set<String> classNames = new java.util.HashSet<>();
        this.handwrittenClasses.forEach(c -> classNames.add(c.name));
        java.util.Map<String, List<String>> stubImports = new java.util.LinkedHashMap<>();
        java.util.Set<String> routerImports = new java.util.HashSet<>();
        for (HandwrittenModel h : this.handwritten) {
            java.util.Set<String> names = new java.util.HashSet<>();
            names.add(h.contextClass);
            String text = String.join(" ", h.hasRequest ? h.requestClass : "", h.hasResponse ? h.responseClass : "");
            java.util.regex.Matcher m = java.util.regex.Pattern.compile("[A-Za-z_][A-Za-z0-9_]*").matcher(text);
            while (m.find()) {
                if (classNames.contains(m.group())) {
                    names.add(m.group());
                }
            }
            stubImports.put(h.functionName, Names.isortOrder(names));
            routerImports.addAll(names);
            m = java.util.regex.Pattern.compile("[A-Za-z_][A-Za-z0-9_]*").matcher(String.join(" ", h.params.stream().map(p -> p.annotation).toList()));
            while (m.find()) {
                if (classNames.contains(m.group())) {
                    routerImports.add(m.group());
                }
            }
        }
        this.handwrittenImports = java.util.Map.copyOf(stubImports);
        this.handwrittenRouterImports = Names.isortOrder(routerImports);
        this.handwrittenEntities = this.handwritten.stream().flatMap(h -> h.helpers.stream())
                .map(x -> x.entityClass).distinct().sorted().toList();
        this.handwrittenUsesEntities = !handwrittenEntities.isEmpty();
        this.hasSeeds = !seeds.isEmpty();
        this.rowPaths = List.copyOf(responsePaths.get(0));
        this.rowsPaths = List.copyOf(responsePaths.get(1));
        this.numberPaths = List.copyOf(responsePaths.get(2));
        this.hasHealth = !health.isEmpty();
        this.healthNeedsToken = health.stream().anyMatch(h -> h.authenticated);
        this.healthPings = health.stream().anyMatch(h -> h.pings);
        this.hasRouters = !routers.isEmpty();
        List<String> modules = new java.util.ArrayList<>();
        if (hasHealth) {
            modules.add("health");
        }
        if (hasHandwritten) {
            modules.add("handwritten");
        }
        if (accounts.present) {
            modules.add("issuing");
        }
        routers.forEach(r -> modules.add(r.module));
        this.routerModules = List.copyOf(modules);
        this.routerImports = Names.isortOrder(modules);
    }
}
