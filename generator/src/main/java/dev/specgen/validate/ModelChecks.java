package dev.specgen.validate;

import dev.specgen.diagnostics.Diagnostics;
import dev.specgen.diagnostics.Rule;
import dev.specgen.load.YMap;
import dev.specgen.load.YNode;
import dev.specgen.load.YScalar;
import dev.specgen.modeldoc.EntityDoc;
import dev.specgen.modeldoc.FieldDoc;
import dev.specgen.modeldoc.FieldType;
import dev.specgen.modeldoc.ModelDoc;
import dev.specgen.resolve.Names;
import java.math.BigDecimal;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
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
            checkEntity(entity, entities, model, diagnostics);
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
            checkField(entity, field, entities, diagnostics);
            String attribute = Names.attribute(field.name());
            String clash = attributes.putIfAbsent(attribute, field.name());
            if (clash != null) {
                diagnostics.report(Rule.IDENTIFIER_COLLISION, field.nameMark(), field.node().pointer(), "fields "
                        + clash + " and " + field.name() + " of " + entity.name() + " both become the Python"
                        + " attribute '" + attribute + "'", "field names that stay distinct once keywords are escaped");
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

    private void checkField(EntityDoc entity, FieldDoc field, Map<String, EntityDoc> entities,
            Diagnostics diagnostics) {
        FieldType type = FieldType.of(field.type());
        String label = entity.name() + "." + field.name();
        field.generated().ifPresent(generated -> {
            boolean fits = switch (generated) {
                case "uuid" -> type == FieldType.UUID;
                case "increment" -> type.isIntegral() && field.primaryKey();
                default -> type == FieldType.DATETIME;
            };
            if (!fits) {
                diagnostics.report(Rule.GENERATED_FIELD_INVALID, field.at("generated"), label + " is " + type.modelName()
                        + " with generated: " + generated, switch (generated) {
                            case "uuid" -> "type: uuid for generated: uuid";
                            case "increment" -> "an integer or bigint primary key for generated: increment";
                            default -> "type: datetime for generated: " + generated;
                        });
            }
            if (field.hasDefault()) {
                diagnostics.report(Rule.CONSTRAINT_CONTRADICTION, field.at("default"), label
                        + " has both a default and generated: " + generated, "either a default or generated, not both");
            }
        });
        if (field.primaryKey() && field.nullable()) {
            diagnostics.report(Rule.CONSTRAINT_CONTRADICTION, field.at("nullable"), label
                    + " is a primary key and nullable", "a non-null primary key");
        }
        checkRange(field, label, "min_length", "max_length", type.hasLength(), diagnostics);
        checkRange(field, label, "minimum", "maximum", type.hasRange(), diagnostics);
        if (field.node().has("pattern") && !type.hasLength()) {
            inapplicable(field, label, "pattern", type, diagnostics);
        } else {
            field.text("pattern").ifPresent(p -> {
                try {
                    java.util.regex.Pattern.compile(p);
                } catch (java.util.regex.PatternSyntaxException e) {
                    diagnostics.report(Rule.CONSTRAINT_CONTRADICTION, field.at("pattern"), label
                            + " has a pattern that is not a valid regular expression", "a valid regular expression");
                }
            });
        }
        if (field.node().has("values") && type != FieldType.ENUM) {
            inapplicable(field, label, "values", type, diagnostics);
        }
        for (String key : List.of("precision", "scale")) {
            if (field.node().has(key) && type != FieldType.DECIMAL) {
                inapplicable(field, label, key, type, diagnostics);
            }
        }
        if (type == FieldType.DECIMAL && (!field.node().has("precision") || !field.node().has("scale"))) {
            diagnostics.report(Rule.CONSTRAINT_CONTRADICTION, field.nameMark(), field.node().pointer(), label
                    + " is a decimal without precision and scale", "precision and scale for the NUMERIC column");
        } else if (type == FieldType.DECIMAL && field.number("scale").orElseThrow()
                .compareTo(field.number("precision").orElseThrow()) > 0) {
            diagnostics.report(Rule.CONSTRAINT_CONTRADICTION, field.at("scale"), label + " has scale "
                    + field.number("scale").orElseThrow() + " above its precision "
                    + field.number("precision").orElseThrow(), "scale <= precision");
        }
        field.defaultValue().ifPresent(value -> new DefaultCheck(label, field, type, diagnostics).check(value));
        field.foreignKey().ifPresent(fk -> checkForeignKey(label, field, type, fk, entities, diagnostics));
    }

    private void checkForeignKey(String label, FieldDoc field, FieldType type, YMap fk,
            Map<String, EntityDoc> entities, Diagnostics diagnostics) {
        String target = fk.text("entity").orElseThrow();
        String targetField = fk.text("field").orElseThrow();
        EntityDoc parent = entities.get(target);
        if (gaps.fieldBroken(target, targetField)) {
            return; // the referenced entity or field broke the schema, reported already
        }
        if (parent == null) {
            diagnostics.report(Rule.FIELD_REFERENCE_UNKNOWN, fk.get("entity").orElseThrow(), label
                    + " references entity '" + target + "', which is not defined",
                    "one of " + String.join(", ", entities.keySet()));
            return;
        }
        Optional<FieldDoc> referenced = parent.field(targetField);
        if (referenced.isEmpty()) {
            diagnostics.report(Rule.FIELD_REFERENCE_UNKNOWN, fk.get("field").orElseThrow(), label + " references "
                    + target + "." + targetField + ", which is not defined",
                    "one of " + String.join(", ", parent.fields().keySet()));
            return;
        }
        if (!referenced.get().primaryKey() && !referenced.get().unique()) {
            diagnostics.report(Rule.FIELD_REFERENCE_UNKNOWN, fk.get("field").orElseThrow(), label + " references "
                    + target + "." + targetField + ", which is neither a primary key nor unique",
                    "a foreign key to a primary key or unique field");
        }
        FieldType targetType = FieldType.of(referenced.get().type());
        boolean compatible = targetType == type || (targetType.isIntegral() && type.isIntegral())
                || (targetType.hasLength() && type.hasLength());
        if (!compatible) {
            diagnostics.report(Rule.CONSTRAINT_CONTRADICTION, field.at("type"), label + " is " + type.modelName()
                    + " but references " + target + "." + targetField + " of type " + targetType.modelName(),
                    "the referenced field's type");
        }
        if ("set_null".equals(fk.text("on_delete").orElse("")) && !field.nullable()) {
            diagnostics.report(Rule.CONSTRAINT_CONTRADICTION, fk.get("on_delete").orElseThrow(), label
                    + " uses on_delete: set_null but is not nullable", "nullable: true, or another on_delete");
        }
    }

    private static void inapplicable(FieldDoc field, String label, String key, FieldType type,
            Diagnostics diagnostics) {
        diagnostics.report(Rule.CONSTRAINT_CONTRADICTION, field.at(key), label + " is " + type.modelName()
                + ", which cannot have " + key, "remove " + key + " or change the type");
    }

    private static void checkRange(FieldDoc field, String label, String low, String high, boolean applies,
            Diagnostics diagnostics) {
        for (String key : List.of(low, high)) {
            if (field.node().has(key) && !applies) {
                inapplicable(field, label, key, FieldType.of(field.type()), diagnostics);
                return;
            }
        }
        Optional<BigDecimal> min = field.number(low);
        Optional<BigDecimal> max = field.number(high);
        if (min.isPresent() && max.isPresent() && min.get().compareTo(max.get()) > 0) {
            diagnostics.report(Rule.CONSTRAINT_CONTRADICTION, field.at(low), label + " has " + low + " "
                    + min.get().toPlainString() + " above " + high + " " + max.get().toPlainString(),
                    low + " <= " + high);
        }
    }

    /** A default must satisfy the field's own type and constraints. */
    private static final class DefaultCheck {
        private final String label;
        private final FieldDoc field;
        private final FieldType type;
        private final Diagnostics diagnostics;

        DefaultCheck(String label, FieldDoc field, FieldType type, Diagnostics diagnostics) {
            this.label = label;
            this.field = field;
            this.type = type;
            this.diagnostics = diagnostics;
        }

        void check(YNode value) {
            if (value instanceof YScalar scalar && scalar.isNull()) {
                if (!field.nullable()) {
                    fail("null, but the field is not nullable", "a non-null default, or nullable: true");
                }
                return;
            }
            if (!(value instanceof YScalar scalar)) {
                if (type != FieldType.JSON) {
                    fail(value.kindName(), "a " + type.modelName() + " default");
                }
                return;
            }
            switch (type) {
                case BOOLEAN -> expect(scalar.kind() == YScalar.Kind.BOOLEAN, scalar, "true or false");
                case INTEGER, BIGINT -> {
                    expect(scalar.kind() == YScalar.Kind.INTEGER, scalar, "a whole number");
                    range(scalar);
                }
                case FLOAT, DECIMAL -> {
                    expect(scalar.isNumber(), scalar, "a number");
                    range(scalar);
                }
                case ENUM -> {
                    if (!field.values().contains(scalar.text())) {
                        fail("'" + scalar.text() + "', which is not among its values " + field.values(),
                                "one of " + String.join(", ", field.values()));
                    }
                }
                case STRING, TEXT -> {
                    expect(scalar.isString(), scalar, "a string");
                    int length = scalar.text().codePointCount(0, scalar.text().length());
                    field.number("min_length").filter(m -> length < m.intValue()).ifPresent(m ->
                            fail("shorter than min_length " + m, "a default of at least " + m + " characters"));
                    field.number("max_length").filter(m -> length > m.intValue()).ifPresent(m ->
                            fail("longer than max_length " + m, "a default of at most " + m + " characters"));
                    field.text("pattern").ifPresent(p -> {
                        try {
                            if (!java.util.regex.Pattern.compile(p).matcher(scalar.text()).find()) {
                                fail("'" + scalar.text() + "', which does not match its pattern",
                                        "a default that matches " + p);
                            }
                        } catch (java.util.regex.PatternSyntaxException ignored) {
                            // reported by the pattern check
                        }
                    });
                }
                case UUID -> expect(scalar.text().toLowerCase(Locale.ROOT)
                        .matches("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}"), scalar, "a UUID");
                case DATE -> expect(scalar.text().matches("\\d{4}-\\d{2}-\\d{2}"), scalar, "a date (YYYY-MM-DD)");
                case DATETIME -> fail("a fixed timestamp", "generated: created or updated, or no default");
                case JSON -> fail(scalar.kindName(), "a mapping or list default");
                default -> throw new IllegalStateException("unhandled type " + type);
            }
        }

        private void expect(boolean ok, YScalar scalar, String wanted) {
            if (!ok) {
                fail(scalar.kindName() + " '" + scalar.text() + "'", wanted);
            }
        }

        private void range(YScalar scalar) {
            scalar.number().ifPresent(n -> {
                field.number("minimum").filter(m -> n.compareTo(m) < 0).ifPresent(m ->
                        fail(n.toPlainString() + ", below minimum " + m.toPlainString(), "a default >= " + m));
                field.number("maximum").filter(m -> n.compareTo(m) > 0).ifPresent(m ->
                        fail(n.toPlainString() + ", above maximum " + m.toPlainString(), "a default <= " + m));
            });
        }

        private void fail(String what, String required) {
            diagnostics.report(Rule.CONSTRAINT_CONTRADICTION, field.at("default"), "the default of " + label
                    + " is " + what, required);
        }
    }
}
