package dev.specgen.actions;

import dev.specgen.contract.Contract;
import dev.specgen.contract.Operation;
import dev.specgen.contract.SchemaView;
import dev.specgen.diagnostics.Diagnostics;
import dev.specgen.diagnostics.Rule;
import dev.specgen.load.YNode;
import dev.specgen.modeldoc.BindingDoc;
import dev.specgen.modeldoc.EntityDoc;
import dev.specgen.modeldoc.FieldDoc;
import dev.specgen.validate.SecretFields;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * What a register or login operation reads and answers, from the contract and the user entity: the
 * read-only field that holds the password's hash, the unique field a user logs in with, the body's
 * password member, the other fields a registration writes, and the members of the answer (a token
 * body, the user's row, or both). Validate reports what does not fit; resolve plans from the same
 * reading, so the two never disagree.
 */
public final class AccountShape {
    /** A member of the answer and what fills it. */
    public record Member(String name, String kind, String field, List<String> rowFields) {
    }

    static final Set<String> WRITABLE_TYPES = Set.of("string", "text", "boolean", "integer", "bigint");

    public final EntityDoc entity;
    public final FieldDoc hashField;
    public final FieldDoc loginField;
    public final FieldDoc keyField;
    public final String passwordMember;
    public final List<FieldDoc> bodyFields;
    public final List<Member> answer;
    public final String successStatus;

    private AccountShape(EntityDoc entity, FieldDoc hashField, FieldDoc loginField, FieldDoc keyField,
            String passwordMember, List<FieldDoc> bodyFields, List<Member> answer, String successStatus) {
        this.entity = entity;
        this.hashField = hashField;
        this.loginField = loginField;
        this.keyField = keyField;
        this.passwordMember = passwordMember;
        this.bodyFields = bodyFields;
        this.answer = answer;
        this.successStatus = successStatus;
    }

    /** The entity users: names, or empty (reported when it names none or an unknown one). */
    public static Optional<EntityDoc> users(dev.specgen.modeldoc.ModelDoc model, BindingDoc binding,
            Diagnostics diagnostics) {
        Optional<String> name = binding.node().text("users");
        Optional<EntityDoc> entity = name.flatMap(model::entity);
        if (name.isPresent() && entity.isEmpty() && diagnostics != null) {
            diagnostics.report(Rule.FIELD_REFERENCE_UNKNOWN, binding.at("users"), "operations." + binding.key()
                    + " names users '" + name.get() + "', which is not an entity", "one of "
                    + String.join(", ", model.entities().keySet()));
        }
        return entity;
    }

    /** The reading of the operation, or empty after reporting why there is none. */
    public static Optional<AccountShape> read(Contract contract, Operation operation, BindingDoc binding,
            Optional<EntityDoc> bound, Diagnostics diagnostics, boolean register) {
        String what = "operations." + binding.key() + " (" + binding.action() + ")";
        if (bound.isEmpty()) {
            if (binding.node().text("users").isEmpty()) {
                diagnostics.report(Rule.ACTION_SHAPE, binding.idMark(), binding.node().pointer(), what
                        + " names no users: it reads and writes the users table", "users: the entity of the"
                        + " users (with a unique email or username and a read-only password_hash)");
            }
            return Optional.empty();
        }
        EntityDoc entity = bound.get();
        List<FieldDoc> hashes = entity.fields().values().stream().filter(f -> f.readOnly()
                && SecretFields.namedLikeSecret(f.name()) && "string".equals(f.node().text("type").orElse(""))
                && f.name().toLowerCase(java.util.Locale.ROOT).contains("pass")).toList();
        boolean ok = true;
        if (hashes.size() != 1) {
            diagnostics.report(Rule.ACTION_SHAPE, binding.at("users"), what + (register ? " stores" : " verifies")
                    + " an Argon2 hash of the password, but " + entity.name() + " has " + (hashes.isEmpty() ? "no" : hashes.size())
                    + " read-only string field named for a password", "exactly one, such as password_hash: {type:"
                    + " string, max_length: 255, read_only: true} on " + entity.name());
            ok = false;
        }
        FieldDoc key = entity.primaryKeys().isEmpty() ? null : entity.primaryKeys().get(0);
        // With no ownership declared yet, SG406 asks for it: the users' ownership is part of that answer.
        if (key == null || entity.ownershipDeclared() && !entity.ownerField().filter(key.name()::equals).isPresent()) {
            diagnostics.report(Rule.ACTION_SHAPE, binding.at("users"), what + " signs tokens whose subject is a "
                    + entity.name() + "'s primary key, but that key is not " + entity.name() + "'s owner",
                    "ownership: {owner_field: <its primary key>} on " + entity.name());
            ok = false;
        }
        String keyType = key == null ? "" : key.node().text("type").orElse("");
        boolean roomForUuid = "uuid".equals(keyType) || "string".equals(keyType) && key.number("max_length")
                .map(n -> n.intValue() >= 36).orElse(true);
        if (register && key != null && !roomForUuid) {
            diagnostics.report(Rule.ACTION_SHAPE, key.nameMark(), key.node().pointer(), what + " creates a "
                    + entity.name() + " with a new random id, but its primary key " + key.name() + " is " + keyType
                    + (keyType.equals("string") ? " shorter than a UUID" : ""), "type: uuid on " + entity.name() + "."
                    + key.name() + " (register sets it to a random UUID; the owner field has no generator)");
            ok = false;
        }
        Optional<SchemaView> body = operation.requestSchema().flatMap(s -> SchemaView.of(contract, s));
        if (body.isEmpty() || !operation.requestBody().flatMap(b -> b.map("content"))
                .map(c -> c.has("application/json")).orElse(false)) {
            diagnostics.report(Rule.ACTION_SHAPE, operation.node().get("requestBody").orElse(operation.keyNode()),
                    what + " reads a JSON body with the login and the password", "requestBody: {content:"
                    + " {application/json: {schema: {properties: {email, password}}}}} (an OAuth2 password form is"
                    + " not served yet)");
            return Optional.empty();
        }
        Map<String, YNode> members = body.get().properties();
        String password = members.containsKey("password") ? "password" : null;
        if (password == null || !body.get().required().contains(password)) {
            diagnostics.report(Rule.ACTION_SHAPE, body.get().site(), what + "'s body has no required member"
                    + " 'password'", "required: [password] with properties: {password: {type: string}}");
            ok = false;
        }
        FieldDoc login = null;
        List<FieldDoc> writes = new ArrayList<>();
        for (String member : members.keySet()) {
            if (member.equals(password)) {
                continue;
            }
            Optional<FieldDoc> field = entity.field(member);
            if (field.isPresent() && field.get().unique() && login == null && body.get().required().contains(member)
                    && Set.of("string", "text").contains(field.get().node().text("type").orElse(""))) {
                login = field.get();
                writes.add(field.get());
            } else if (register && field.isPresent() && !field.get().readOnly() && field.get().generated().isEmpty()
                    && !field.get().primaryKey() && WRITABLE_TYPES.contains(field.get().node().text("type").orElse(""))) {
                writes.add(field.get());
            } else {
                diagnostics.report(Rule.ACTION_SHAPE, body.get().propertyKeyMark(member), body.get().node().pointer(),
                        what + "'s body member '" + member + "' is " + (field.isEmpty() ? "no field of "
                        + entity.name() : "not a field " + binding.action() + " can " + (register ? "write" : "read")),
                        register ? "members that are the unique login field, password, or writable string, integer"
                        + " or boolean fields of " + entity.name() : "the unique login field (email or username)"
                        + " and password only");
                ok = false;
            }
        }
        if (login == null) {
            diagnostics.report(Rule.ACTION_SHAPE, body.get().site(), what + "'s body has no required member that is a"
                    + " unique string field of " + entity.name() + " to log in with", "a required email (or"
                    + " username) member, with unique: true on that field of " + entity.name());
            ok = false;
        }
        for (FieldDoc field : entity.fields().values()) {
            boolean filled = field.nullable() || field.hasDefault() || field.generated().isPresent()
                    || hashes.contains(field) || field.equals(key) || SecretFields.namedLikeSecret(field.name())
                    || writes.contains(field) && body.get().required().contains(field.name());
            if (register && !filled) {
                diagnostics.report(Rule.ACTION_SHAPE, field.nameMark(), field.node().pointer(), what + " creates a "
                        + entity.name() + " but its body does not always carry " + field.name() + ", which has no default",
                        "the member " + field.name() + " required in the body, or nullable: true or a default on it");
                ok = false;
            }
        }
        Map<String, YNode> success = operation.successResponses();
        if (success.size() != 1) {
            return Optional.empty(); // reported by the contract checks
        }
        String status = success.keySet().iterator().next();
        List<Member> answer = new ArrayList<>();
        Optional<SchemaView> schema = operation.jsonSchemaOf(success.values().iterator().next())
                .flatMap(s -> SchemaView.of(contract, s));
        if (schema.isEmpty()) {
            diagnostics.report(Rule.ACTION_SHAPE, success.values().iterator().next(), what + " answers " + status
                    + " without a JSON body", "a body with access_token and token_type, or the " + entity.name()
                    + " row");
            return Optional.empty();
        }
        for (Map.Entry<String, YNode> member : schema.get().properties().entrySet()) {
            String name = member.getKey();
            Optional<SchemaView> property = schema.get().property(name);
            Optional<FieldDoc> field = entity.field(name).filter(f -> !hashes.contains(f));
            switch (name) {
                case "access_token" -> answer.add(new Member(name, "token", null, List.of()));
                case "token_type" -> answer.add(new Member(name, "token_type", null, List.of()));
                case "expires_in" -> answer.add(new Member(name, "expires_in", null, List.of()));
                default -> {
                    if (field.isPresent()) {
                        answer.add(new Member(name, "field", field.get().name(), List.of()));
                    } else if (property.isPresent() && !property.get().properties().isEmpty() && property.get()
                            .properties().keySet().stream().allMatch(p -> entity.field(p).filter(f -> !hashes
                            .contains(f)).isPresent())) {
                        answer.add(new Member(name, "row", null, List.copyOf(property.get().properties().keySet())));
                    } else {
                        diagnostics.report(Rule.ACTION_SHAPE, schema.get().propertyKeyMark(name), schema.get().node()
                                .pointer(), "the " + status + " body of " + what + " holds '" + name + "', which no"
                                + " account action fills", "access_token, token_type, expires_in, fields of "
                                + entity.name() + " (never its password hash), or an object of them");
                        ok = false;
                    }
                }
            }
        }
        if (!register && answer.stream().noneMatch(m -> "token".equals(m.kind()))) {
            diagnostics.report(Rule.ACTION_SHAPE, schema.get().site(), what + " issues a token, but its " + status
                    + " body has no access_token", "properties: {access_token: {type: string}, token_type: {type:"
                    + " string}}");
            ok = false;
        }
        return ok && hashes.size() == 1 && login != null ? Optional.of(new AccountShape(entity, hashes.get(0), login,
                key, password, List.copyOf(writes), List.copyOf(answer), status)) : Optional.empty();
    }
}
