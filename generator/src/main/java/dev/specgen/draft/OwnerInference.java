package dev.specgen.draft;

import dev.specgen.contract.Parameter;
import dev.specgen.contract.SchemaView;
import dev.specgen.diagnostics.Rule;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Who owns each entity. This is never decided by the draft: a wrong owner leaks one user's rows to
 * another. Every entity gets a "DECIDE ownership" with the most likely answer suggested and the
 * evidence for it: a column data-model.md says holds the token's subject, a path parameter that names
 * the caller, a foreign key to an owned parent, operations the contract makes public.
 */
final class OwnerInference {
    static final Pattern SUBJECT_PARAM = Pattern.compile("(?i)(user|owner|account|member)_?id|uid|user|me");
    private static final Pattern OWNER_NAME = Pattern.compile("(user|owner|author|creator|account|member)_id|created_by|owner");
    private static final Pattern TOKEN_SUB = Pattern.compile("(?i)(token's|jwt) `?sub`?");

    private final EntityCatalog catalog;
    private final List<OpDraft> ops;
    private final AuthInference auth;
    private final Map<String, Candidate> candidates = new LinkedHashMap<>();

    /** A likely answer: the ownership form, its field, why, and whether specgen accepts it today. */
    private record Candidate(String form, String field, String why, boolean accepted) {
    }

    OwnerInference(EntityCatalog catalog, List<OpDraft> ops, AuthInference auth) {
        this.catalog = catalog;
        this.ops = ops;
        this.auth = auth;
    }

    /** Path parameters that stand for the caller (the {user_id} of /api/{user_id}/tasks). */
    static List<Parameter> subjectParams(OpDraft op) {
        List<Parameter> found = new ArrayList<>();
        for (Parameter parameter : op.operation.parametersIn("path")) {
            if (SUBJECT_PARAM.matcher(parameter.name()).matches()) {
                found.add(parameter);
            }
        }
        return found;
    }

    void infer(List<Decision> decisions) {
        for (OpDraft op : ops) {
            for (Parameter parameter : subjectParams(op)) {
                parameter.schema().flatMap(s -> SchemaView.of(parameter.contract(), s)).flatMap(FieldInference::contractType)
                        .ifPresent(type -> auth.userIdType("text".equals(type) ? "string" : type, "path parameter "
                                + parameter.name() + " (the caller) is " + ("text".equals(type) ? "string" : type)));
            }
        }
        for (EntityDraft entity : catalog.entities.values()) {
            entity.readPublicly = ops.stream().anyMatch(o -> entity.name.equals(o.entity) && !o.secured());
        }
        for (EntityDraft entity : catalog.entities.values()) {
            direct(entity).ifPresent(c -> candidates.put(entity.name, c));
        }
        for (EntityDraft entity : catalog.entities.values()) {
            Candidate c = candidates.get(entity.name);
            if (c != null && "owner_field".equals(c.form()) && c.accepted()) {
                auth.userIdType(entity.fields.get(c.field()).type, entity.name + "." + c.field() + ", the likely owner,"
                        + " is " + entity.fields.get(c.field()).type);
            }
        }
        viaRounds();
        // An entity with no evidence and no owned parent to go through gets an owner field suggested;
        // its children may then go through it.
        for (EntityDraft entity : catalog.entities.values()) {
            if (!candidates.containsKey(entity.name) && !hasParent(entity)) {
                candidates.put(entity.name, subjectField(entity).orElseGet(() -> added(entity)));
            }
        }
        viaRounds();
        for (EntityDraft entity : catalog.entities.values()) {
            Candidate candidate = candidates.get(entity.name);
            if (candidate == null) {
                candidate = subjectField(entity).orElseGet(() -> added(entity));
            }
            decide(entity, candidate, decisions);
        }
    }

    private Optional<Candidate> direct(EntityDraft entity) {
        List<String> publicOps = ops.stream().filter(o -> entity.name.equals(o.entity) && !o.secured())
                .map(OpDraft::key).toList();
        if (!publicOps.isEmpty()) {
            // Public operations on rows that name a user are per-user data in a contract that forgot its
            // security: never suggest sharing them with anyone (validate then blocks with SG403).
            Optional<Candidate> owner = ownerEvidence(entity);
            if (owner.isPresent()) {
                Candidate c = owner.get();
                return Optional.of(new Candidate(c.form(), c.field(), c.why() + "; " + Bindings.and(publicOps)
                        + (publicOps.size() == 1 ? " is" : " are") + " public in the contract, which validate refuses"
                        + " for owned rows (SG403) until the contract declares its security", c.accepted()));
            }
            if (ownedAbove(entity, 0)) {
                return Optional.empty(); // its parent names a user: ownership goes through it
            }
            return Optional.of(new Candidate("shared", null, Bindings.and(publicOps) + (publicOps.size() == 1
                    ? " is" : " are") + " public in the contract and no field names a user, which only a shared"
                    + " entity allows", true));
        }
        return ownerEvidence(entity);
    }

    /** A parent (by a non-null foreign key), or its parent, has a field that names a user. */
    private boolean ownedAbove(EntityDraft entity, int depth) {
        if (depth > 4) {
            return false;
        }
        for (FieldDraft field : entity.fields.values()) {
            Optional<EntityDraft> parent = catalog.entity(field.fkEntity).filter(p -> p != entity);
            if (parent.isPresent() && !field.nullable && (namesUser(parent.get()) || ownedAbove(parent.get(), depth + 1))) {
                return true;
            }
        }
        return false;
    }

    private boolean namesUser(EntityDraft entity) {
        return entity.fields.values().stream().anyMatch(f -> OWNER_NAME.matcher(f.name).matches() && !f.nullable
                && !f.primaryKey && (f.fkEntity == null || catalog.entity(f.fkEntity).map(OwnerInference::userTable).orElse(false)));
    }

    /** users, user, accounts of people: the table a user id refers to. */
    static boolean userTable(EntityDraft entity) {
        return entity.external || Words.singular(entity.table).matches("user|app_user|auth_user|member|account_user");
    }

    private Optional<Candidate> ownerEvidence(EntityDraft entity) {
        Optional<String> prose = entity.prose.flatMap(p -> p.sentences().stream()
                .filter(s -> TOKEN_SUB.matcher(s).find()).findFirst());
        Optional<FieldDraft> key = entity.primaryKey();
        if (entity.accounts && key.isPresent()) {
            return Optional.of(new Candidate("owner_field", key.get().name, "The service's own accounts (register,"
                    + " login): each row is its own user's, its key the token's subject", true));
        }
        if (entity.external && key.isPresent() && (prose.isPresent() || userTable(entity))) {
            // The auth service's user table: each row is its own user's, owned by its primary key (as
            // the hand-written ledger model says); never an owner column invented on a table specgen
            // does not migrate.
            key.get().generated = null; // the auth service assigns its users' ids; this backend inserts none
            key.get().generatedWhy = null;
            return Optional.of(new Candidate("owner_field", key.get().name, prose.map(p -> "data-model.md: \""
                    + p + "\" ").orElse("") + "A row of the auth service's user table is its own user's", true));
        }
        for (FieldDraft field : entity.fields.values()) {
            Optional<ColumnNotes> col = column(entity, field);
            if (col.map(c -> c.holdsSubject).orElse(false)) {
                return Optional.of(new Candidate("owner_field", field.name, "data-model.md calls it \""
                        + col.get().column.notes().stream().filter(n -> n.toLowerCase(Locale.ROOT).contains("sub")
                        || n.toLowerCase(Locale.ROOT).contains("jwt")).findFirst().orElse("the user id") + "\"", true));
            }
        }
        for (FieldDraft field : entity.fields.values()) {
            Optional<EntityDraft> target = catalog.entity(field.fkEntity);
            if (target.filter(t -> t.external).isPresent() && !field.nullable) {
                return Optional.of(new Candidate("owner_field", field.name, "it references " + target.get().name
                        + ", the user table of the auth service", true));
            }
        }
        for (FieldDraft field : entity.fields.values()) {
            if (OWNER_NAME.matcher(field.name).matches() && !field.inRequests && !field.nullable && field.fkEntity == null
                    && !field.primaryKey) {
                return Optional.of(new Candidate("owner_field", field.name, "its name, and no request body sets it", true));
            }
        }
        for (FieldDraft field : entity.fields.values()) {
            Optional<EntityDraft> target = catalog.entity(field.fkEntity).filter(t -> t != entity);
            if (OWNER_NAME.matcher(field.name).matches() && !field.inRequests && !field.nullable
                    && target.filter(OwnerInference::userTable).isPresent()) {
                return Optional.of(new Candidate("owner_field", field.name, "it references " + target.get().name
                        + ", the users' table, and no request body sets it", true));
            }
        }
        return hasParent(entity) ? Optional.empty() : subjectField(entity);
    }

    /** The entity is reached under a path parameter naming the caller: its rows must record whose they are. */
    private Optional<Candidate> subjectField(EntityDraft entity) {
        for (OpDraft op : ops) {
            if (!entity.name.equals(op.entity)) {
                continue;
            }
            for (Parameter parameter : subjectParams(op)) {
                String name = Words.fieldName(parameter.name()) ? parameter.name() : Words.snake(parameter.name());
                if (entity.fields.containsKey(name)) {
                    continue;
                }
                FieldDraft field = entity.insertAfterKey(name);
                field.type = auth.ownerFieldType();
                field.typeWhy = "not in the contract: the owner, whom {" + parameter.name() + "} in the paths names";
                if ("string".equals(field.type)) {
                    parameter.schema().flatMap(s -> SchemaView.of(parameter.contract(), s))
                            .flatMap(s -> s.number("maxLength")).map(BigDecimal::intValue)
                            .ifPresent(n -> field.maxLength = n);
                }
                field.index = true;
                field.indexWhy = "every query filters on the owner";
                return Optional.of(new Candidate("owner_field", name, "{" + parameter.name() + "} in " + op.path()
                        + " names the caller, and the draft adds " + name + " to hold it", true));
            }
        }
        return Optional.empty();
    }

    private void viaRounds() {
        for (int round = 0; round < catalog.entities.size(); round++) {
            for (EntityDraft entity : catalog.entities.values()) {
                if (!candidates.containsKey(entity.name)) {
                    via(entity).ifPresent(c -> candidates.put(entity.name, c));
                }
            }
        }
    }

    /** A non-null foreign key to an entity that is not shared: ownership may go through it. */
    private boolean hasParent(EntityDraft entity) {
        return entity.fields.values().stream().anyMatch(f -> f.fkEntity != null && !f.nullable
                && !f.fkEntity.equals(entity.name) && catalog.entity(f.fkEntity).map(p -> !p.readPublicly).orElse(false));
    }

    private Optional<Candidate> via(EntityDraft entity) {
        for (FieldDraft field : entity.fields.values()) {
            Candidate parent = field.fkEntity == null ? null : candidates.get(field.fkEntity);
            if (parent == null || "shared".equals(parent.form()) || field.nullable) {
                continue;
            }
            Optional<String> says = column(entity, field).flatMap(c -> c.belongsToOwnerOf)
                    .flatMap(x -> column(entity, field).flatMap(c -> c.column.notes().stream()
                            .filter(n -> n.contains("owner")).findFirst()));
            return Optional.of(new Candidate("via", field.name, says.map(s -> "data-model.md: \"" + s + "\"")
                    .orElse("a " + entity.name + " belongs to whoever owns its " + field.fkEntity), true));
        }
        return Optional.empty();
    }

    /** No evidence: suggest an owner field of the caller's id type, written only as a suggestion. */
    private Candidate added(EntityDraft entity) {
        String name = entity.fields.containsKey("owner_id") ? "owner_user_id" : "owner_id";
        FieldDraft field = entity.insertAfterKey(name);
        field.type = auth.ownerFieldType();
        field.index = true;
        field.indexWhy = "every query filters on the owner";
        return new Candidate("added", name, "no field of " + entity.name + " holds its owner, and nothing in the"
                + " contract names one; the suggestion adds " + name + " (of the caller's id type) for it", true);
    }

    private void decide(EntityDraft entity, Candidate c, List<Decision> decisions) {
        String form = "added".equals(c.form()) ? "owner_field" : c.form();
        String likely = switch (c.form()) {
            case "shared" -> "{shared: true} looks right: " + c.why() + ".";
            case "via" -> c.field() + " looks like the way to the owner: " + c.why() + ".";
            case "added" -> c.why().substring(0, 1).toUpperCase(Locale.ROOT) + c.why().substring(1) + ".";
            default -> c.field() + " looks like the owner: " + c.why() + ".";
        };
        List<String> others = new java.util.ArrayList<>(List.of("{owner_field: FIELD}", "{via: FOREIGN_KEY_FIELD}",
                "{shared: true}"));
        others.remove("shared".equals(form) ? 2 : "via".equals(form) ? 1 : 0);
        Decision decision = new Decision("ownership " + entity.name, "who owns " + entity.name, List.of(
                "who may see and change its rows; specgen never guesses this.", likely,
                "The other answers: " + others.get(0) + " or " + others.get(1) + "."),
                Rule.OWNERSHIP_MISSING, true, "/entities/" + entity.name, c.accepted());
        decisions.add(decision);
        entity.ownership = decision;
        Map<String, Object> value = new LinkedHashMap<>();
        value.put(form, "shared".equals(form) ? Boolean.TRUE : c.field());
        entity.ownershipSuggestion = new Yaml.Block().put("ownership", Yaml.flowMap(value));
        if ("added".equals(c.form())) {
            entity.fields.get(c.field()).onlyWith = decision;
        } else if ("owner_field".equals(form)) {
            entity.likelyOwner = c.field();
        }
    }

    private static Optional<ColumnNotes> column(EntityDraft entity, FieldDraft field) {
        return entity.section.flatMap(s -> s.columns().stream()
                .filter(c -> c.name().equals(field.name) || c.name().equals(field.column)).findFirst())
                .map(ColumnNotes::new);
    }
}
