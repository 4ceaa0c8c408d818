package dev.specgen.validate;

import dev.specgen.diagnostics.Diagnostics;
import dev.specgen.diagnostics.Rule;
import dev.specgen.load.YMap;
import dev.specgen.load.YNode;
import dev.specgen.load.YScalar;
import dev.specgen.modeldoc.BindingDoc;
import dev.specgen.modeldoc.EntityDoc;
import dev.specgen.modeldoc.FieldDoc;
import dev.specgen.modeldoc.ModelDoc;
import dev.specgen.resolve.Names;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Semantic checks of model.yaml alone, run once its shape follows the schema. */
public final class ModelChecks {
    private final ModelGaps gaps;

    /** gaps: the parts of model.yaml that broke its schema; checks that need them are skipped. */
    public ModelChecks(ModelGaps gaps) {
        this.gaps = gaps;
    }

    public void check(ModelDoc model, Diagnostics diagnostics) {
        if (!gaps.authBroken()) {
            checkKeySource(model.auth(), diagnostics);
        }
        Map<String, EntityDoc> entities = model.entities();
        Map<String, String> tables = new HashMap<>();
        Map<String, String> modules = new HashMap<>();
        for (EntityDoc entity : entities.values()) {
            String table = entity.table();
            String previous = tables.putIfAbsent(table, entity.name());
            if (previous != null) {
                diagnostics.report(Rule.IDENTIFIER_COLLISION, entity.node().get("table").orElseThrow(), "entities "
                        + previous + " and " + entity.name() + " both use table '" + table + "'",
                        "a distinct table name per entity");
            }
            String module = Names.snake(entity.name());
            String clash = modules.putIfAbsent(module, entity.name());
            if (clash != null) {
                diagnostics.report(Rule.IDENTIFIER_COLLISION, entity.nameMark(), "/entities/" + entity.name(),
                        "entities " + clash + " and " + entity.name() + " both become the module '" + module + "'",
                        "entity names that differ once converted to snake_case");
            }
            if (Names.reservedClassName(entity.name())) {
                diagnostics.report(Rule.IDENTIFIER_COLLISION, entity.nameMark(), "/entities/" + entity.name(),
                        "entity " + entity.name() + " would shadow the name " + entity.name()
                                + " that the generated modules import", "another entity name");
            }
            checkEntity(entity, entities, model, diagnostics);
        }
        checkEnumClasses(entities, diagnostics);
        for (BindingDoc binding : model.bindings().values()) {
            EntityDoc entity = binding.entityName().map(entities::get).orElse(null);
            if (entity != null) {
                checkDocuments(binding, entity, diagnostics);
                checkReadOnlyFilled(binding, entity, diagnostics);
            }
        }
    }

    /** JSON documents and lists have no equality a filter could use, nor an order a sort could. */
    private static void checkDocuments(BindingDoc binding, EntityDoc entity, Diagnostics diagnostics) {
        for (String kind : List.of("filters", "sort")) {
            List<YScalar> names = "filters".equals(kind) ? binding.filters().stream().map(f -> f.fieldNode())
                    .filter(YScalar.class::isInstance).map(YScalar.class::cast).toList() : binding.sortFields();
            for (YScalar name : names) {
                Optional<FieldDoc> field = entity.field(name.text());
                String type = field.map(FieldDoc::type).orElse("");
                if ("json".equals(type) || "array".equals(type)) {
                    diagnostics.report(Rule.ACTION_SHAPE, name, "operations." + binding.key() + "." + kind
                            + " names " + entity.name() + "." + name.text() + ", which is " + type + ": it has no "
                            + ("filters".equals(kind) ? "equality to filter by" : "order to sort by"),
                            kind + " on fields of other types");
                }
            }
        }
    }

    /**
     * A create inserts a row before any hook runs, so a read-only field the body never carries must
     * get its value elsewhere: null, a default, a generator, the token (the owner) or the path.
     */
    private static void checkReadOnlyFilled(BindingDoc binding, EntityDoc entity, Diagnostics diagnostics) {
        if (!dev.specgen.actions.Actions.of(binding.action()).map(dev.specgen.actions.Action::createsRow).orElse(false)) {
            return;
        }
        for (FieldDoc field : entity.fields().values()) {
            boolean filled = field.nullable() || field.hasDefault() || field.generated().isPresent()
                    || entity.ownerField().filter(field.name()::equals).isPresent()
                    || binding.path().containsValue(field.name());
            if (field.readOnly() && !filled) {
                diagnostics.report(Rule.CONSTRAINT_CONTRADICTION, field.at("read_only"), entity.name() + "."
                        + field.name() + " is read-only, not nullable, and has neither a default nor a generator, so "
                        + binding.key() + " could never fill it", "nullable: true, a default or generated on "
                        + field.name() + ", or drop read_only so that the body carries it");
            }
        }
    }

    /** Every enum becomes a class beside the entities' own; two enums must not get one name. */
    private static void checkEnumClasses(Map<String, EntityDoc> entities, Diagnostics diagnostics) {
        Map<String, String> classes = new HashMap<>();
        for (EntityDoc entity : entities.values()) {
            for (FieldDoc field : entity.fields().values()) {
                if (!"enum".equals(field.node().text("type").orElse(""))) {
                    continue;
                }
                String name = Names.enumClassName(entity.name(), field.name(), entities.keySet());
                String clash = classes.putIfAbsent(name, entity.name() + "." + field.name());
                if (clash != null) {
                    diagnostics.report(Rule.IDENTIFIER_COLLISION, field.nameMark(), field.node().pointer(), "enums "
                            + clash + " and " + entity.name() + "." + field.name() + " both become the class "
                            + name, "entity and field names that stay distinct once joined in PascalCase");
                }
            }
        }
    }

    private static void checkKeySource(YMap auth, Diagnostics diagnostics) {
        List<String> algorithms = auth.seq("algorithms").orElseThrow().items().stream()
                .map(i -> ((YScalar) i).text()).toList();
        long hmac = algorithms.stream().filter(a -> a.startsWith("HS")).count();
        YNode at = auth.get("algorithms").orElseThrow();
        if (hmac > 0 && hmac < algorithms.size()) {
            diagnostics.report(Rule.KEY_SOURCE_MISMATCH, at, "auth.algorithms mixes HMAC (HS*) with public-key"
                    + " algorithms " + algorithms, "either HS* algorithms with a secret, or RS*/ES*/EdDSA with a"
                    + " public key or JWKS");
            return;
        }
        String source0 = auth.text("key_source").orElse(hmac > 0 ? "secret" : "public_key");
        long families = algorithms.stream().map(a -> a.startsWith("RS") ? "RSA" : a).distinct().count();
        if ("public_key".equals(source0) && families > 1) {
            diagnostics.report(Rule.KEY_SOURCE_MISMATCH, at, "one PEM public key cannot verify " + algorithms
                    + ": each needs another kind of key", "algorithms of one kind (RS*, ES256, ES384 or EdDSA) for a"
                    + " public key, or key_source: jwks for several");
            return;
        }
        auth.scalar("key_source").ifPresent(source -> {
            boolean secret = "secret".equals(source.text());
            if (hmac > 0 && !secret) {
                diagnostics.report(Rule.KEY_SOURCE_MISMATCH, source, "HS* algorithms verify with a shared secret,"
                        + " not key_source: " + source.text(), "key_source: secret (or omit it)");
            } else if (hmac == 0 && secret) {
                diagnostics.report(Rule.KEY_SOURCE_MISMATCH, source, algorithms + " verify with a public key, not"
                        + " a shared secret", "key_source: public_key or jwks");
            }
        });
    }

    private void checkEntity(EntityDoc entity, Map<String, EntityDoc> entities, ModelDoc model,
            Diagnostics diagnostics) {
        List<FieldDoc> keys = entity.primaryKeys();
        if (keys.isEmpty() && gaps.brokenPrimaryKeys(entity.name()) == 0) {
            diagnostics.report(Rule.PRIMARY_KEY_MISSING, entity.nameMark(), "/entities/" + entity.name(),
                    "entity " + entity.name() + " has no primary key", "exactly one field with primary_key: true");
        }
        // Each key after the first is reported where it is declared: that is the line to change.
        for (FieldDoc extra : keys.subList(Math.min(1, keys.size()), keys.size())) {
            diagnostics.report(Rule.PRIMARY_KEY_MISSING, extra.at("primary_key"), entity.name() + "." + extra.name()
                    + " is a second primary key of " + entity.name() + " (" + entity.name() + "." + keys.get(0).name()
                    + " is one already)", "exactly one field with primary_key: true (composite keys are not"
                    + " supported; use unique: [[...]] for a composite natural key)");
        }
        Map<String, String> attributes = new HashMap<>();
        for (FieldDoc field : entity.fields().values()) {
            FieldChecks.check(entity, field, entities, gaps, diagnostics);
            SecretFields.check(entity, field, diagnostics);
            String attribute = Names.attribute(field.name());
            String clash = attributes.putIfAbsent(attribute, field.name());
            if (clash != null) {
                diagnostics.report(Rule.IDENTIFIER_COLLISION, field.nameMark(), field.node().pointer(), "fields "
                        + clash + " and " + field.name() + " of " + entity.name() + " both become the Python"
                        + " attribute '" + attribute + "'", "field names that stay distinct once keywords are escaped");
            }
            if ("cls".equals(field.name()) && !field.readOnly() && field.generated().isEmpty()) {
                // Pydantic passes a body's fields to SQLModel.__new__(cls, ...) as keywords: a property named cls
                // collides with its first argument, and every body carrying it fails with a 500. Read-only, it
                // only travels out, which works.
                diagnostics.report(Rule.IDENTIFIER_COLLISION, field.nameMark(), field.node().pointer(), "field cls of "
                        + entity.name() + " would reach SQLModel's constructor as the keyword cls, which is its own"
                        + " first argument", "another field (and property) name than cls");
            }
        }
        for (String kind : List.of("unique", "indexes")) {
            for (List<YScalar> group : entity.groups(kind)) {
                for (YScalar name : group) {
                    if (entity.field(name.text()).isEmpty()) {
                        unknown(entity, name, diagnostics);
                    }
                }
            }
        }
        checkOwnership(entity, entities, model, diagnostics);
    }

    /** An unknown field, unless the field is there but broke the schema (reported already). */
    private void unknown(EntityDoc entity, YScalar name, Diagnostics diagnostics) {
        if (!gaps.fieldBroken(entity.name(), name.text())) {
            unknownField(entity, name, diagnostics);
        }
    }

    static void unknownField(EntityDoc entity, YScalar name, Diagnostics diagnostics) {
        diagnostics.report(Rule.FIELD_REFERENCE_UNKNOWN, name, "entity " + entity.name() + " has no field '"
                + name.text() + "'", "one of " + String.join(", ", entity.fields().keySet()));
    }

    private void checkOwnership(EntityDoc entity, Map<String, EntityDoc> entities, ModelDoc model,
            Diagnostics diagnostics) {
        YMap ownership = entity.ownership();
        String userIdType = model.auth().map("user_id").flatMap(u -> u.text("type")).orElse("string");
        entity.ownerField().ifPresent(name -> {
            YNode at = ownership.get("owner_field").orElseThrow();
            Optional<FieldDoc> field = entity.field(name);
            if (field.isEmpty()) {
                unknown(entity, (YScalar) at, diagnostics);
                return;
            }
            String expected = switch (userIdType) {
                case "uuid" -> "uuid";
                case "int" -> "integer|bigint";
                default -> "string|text";
            };
            if (!gaps.authBroken() && !List.of(expected.split("\\|")).contains(field.get().type())) {
                diagnostics.report(Rule.OWNER_FIELD_INVALID, field.get().at("type"), "owner field " + entity.name()
                        + "." + name + " is " + field.get().type() + " but auth.user_id.type is " + userIdType,
                        "an owner field of type " + expected.replace("|", " or "));
            }
            // The primary key may be the owner: the row is the user's own (a profile, an auth service's user).
            if (field.get().nullable() || field.get().hasDefault() || field.get().generated().isPresent()) {
                diagnostics.report(Rule.OWNER_FIELD_INVALID, field.get().nameMark(), field.get().node().pointer(),
                        "owner field " + entity.name() + "." + name + " is nullable, defaulted or generated",
                        "a plain, non-null owner field that the server sets from the token");
            }
        });
        entity.viaField().ifPresent(name -> {
            YScalar at = (YScalar) ownership.get("via").orElseThrow();
            Optional<FieldDoc> field = entity.field(name);
            if (field.isEmpty()) {
                unknown(entity, at, diagnostics);
                return;
            }
            Optional<String> parent = field.get().foreignKey().flatMap(fk -> fk.text("entity"));
            if (parent.isEmpty()) {
                diagnostics.report(Rule.OWNER_FIELD_INVALID, at, "ownership via " + entity.name() + "." + name
                        + " needs a foreign key", "a foreign_key on " + name + " pointing at the owning entity");
                return;
            }
            Optional<EntityDoc> target = Optional.ofNullable(entities.get(parent.get()));
            if (target.isPresent() && target.get().shared()) {
                diagnostics.report(Rule.OWNER_FIELD_INVALID, at, "ownership via " + entity.name() + "." + name
                        + " leads to " + parent.get() + ", which is shared", "a parent that is owned");
            }
            if (field.get().nullable()) {
                diagnostics.report(Rule.OWNER_FIELD_INVALID, field.get().nameMark(), field.get().node().pointer(),
                        "ownership via " + entity.name() + "." + name + " is nullable, so some rows would have no owner",
                        "a non-null foreign key");
            }
            if (viaChainLoops(entity, entities)) {
                diagnostics.report(Rule.OWNER_FIELD_INVALID, at, "ownership of " + entity.name()
                        + " loops through its parents and never reaches an owner field",
                        "a chain of 'via' that ends at an entity with owner_field");
            }
        });
    }

    private static boolean viaChainLoops(EntityDoc start, Map<String, EntityDoc> entities) {
        EntityDoc current = start;
        for (int depth = 0; depth <= entities.size(); depth++) {
            Optional<String> via = current.viaField();
            if (via.isEmpty()) {
                return false;
            }
            Optional<String> parent = current.field(via.get()).flatMap(FieldDoc::foreignKey)
                    .flatMap(fk -> fk.text("entity"));
            if (parent.isEmpty() || !entities.containsKey(parent.get())) {
                return false;
            }
            current = entities.get(parent.get());
        }
        return true;
    }
}
