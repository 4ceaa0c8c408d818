package dev.specgen.diagnostics;

import static dev.specgen.diagnostics.Category.AMBIGUOUS_RULES;
import static dev.specgen.diagnostics.Category.DISAGREEMENT;
import static dev.specgen.diagnostics.Category.INCOMPLETE_CONTRACT;
import static dev.specgen.diagnostics.Category.MISSING_SPECIFICATION;
import static dev.specgen.diagnostics.Category.UNCLEAR_AUTH;
import static dev.specgen.diagnostics.Category.UNDEFINED_MODEL;

/**
 * The rule catalogue. Ids are stable: a rule may be retired but its id is never reused. The
 * explanation and example feed {@code specgen explain} and docs/rules.md.
 */
public enum Rule {
    SPEC_FILE_MISSING("SG101", "spec-file-missing", MISSING_SPECIFICATION,
            "A specification file is missing",
            "specgen needs both the data model (model.yaml) and the OpenAPI contract"
                    + " (contracts/openapi.yaml, or the files named by --model and --openapi).",
            "specs/001-todo/ holds model.yaml but contracts/ is empty."),
    SPEC_FILE_UNREADABLE("SG102", "spec-file-unreadable", MISSING_SPECIFICATION,
            "A specification file cannot be read",
            "The file exists but cannot be read as UTF-8 text (permissions, a directory, binary content).",
            "contracts/openapi.yaml is a PNG renamed by mistake."),
    YAML_SYNTAX("SG103", "yaml-syntax", MISSING_SPECIFICATION,
            "A specification file is not valid YAML or JSON",
            "The file could not be parsed: a truncated document, bad indentation, an unclosed quote.",
            "title: \"Todo API   (the closing quote is missing)"),
    DUPLICATE_KEY("SG104", "duplicate-key", MISSING_SPECIFICATION,
            "A mapping repeats a key",
            "YAML parsers disagree on which of two equal keys wins, so specgen refuses to pick one.",
            "fields: {title: {type: string}, title: {type: text}}"),
    YAML_LIMITS("SG105", "yaml-limits", MISSING_SPECIFICATION,
            "A specification file exceeds the loader's safety limits",
            "Alias expansion, document size and nesting are bounded so a hostile file cannot exhaust memory.",
            "a 'billion laughs' document of nested aliases."),
    EMPTY_DOCUMENT("SG106", "empty-document", MISSING_SPECIFICATION,
            "A specification file is empty or not a mapping",
            "Both files must be a YAML/JSON mapping at the top level.",
            "model.yaml contains only a comment, or a top-level list."),
    OPENAPI_VERSION("SG107", "openapi-version", MISSING_SPECIFICATION,
            "The contract is not OpenAPI 3.0 or 3.1",
            "specgen reads OpenAPI 3.0.x and 3.1.x documents; Swagger 2.0 must be converted first.",
            "swagger: '2.0'"),

    OPENAPI_INVALID("SG201", "openapi-invalid", INCOMPLETE_CONTRACT,
            "The contract is not valid OpenAPI",
            "swagger-parser or specgen's own reading found the document structurally invalid (a missing"
                    + " description, a path parameter without required: true); the parser's message is quoted.",
            "paths: {/tasks: {get: {}}}   (an operation without responses)"),
    REF_UNRESOLVED("SG202", "ref-unresolved", INCOMPLETE_CONTRACT,
            "A $ref points nowhere",
            "Every local $ref must name an existing component.",
            "schema: {$ref: '#/components/schemas/Tsak'}"),
    OPERATION_ID_DUPLICATE("SG203", "operation-id-duplicate", INCOMPLETE_CONTRACT,
            "Two operations share an operationId",
            "An operationId names one operation; model.yaml binds operations by it (or by \"METHOD /path\").",
            "get: {operationId: listTasks}  ...  post: {operationId: listTasks}"),
    OPERATION_UNBOUND("SG204", "operation-unbound", INCOMPLETE_CONTRACT,
            "A contract operation is not bound in model.yaml",
            "Each operation must say which entity and action it implements.",
            "The contract has operationId archiveTask; model.yaml has no operations.archiveTask."),
    RESPONSE_SCHEMA_MISSING("SG205", "response-schema-missing", INCOMPLETE_CONTRACT,
            "A success response that returns data has no JSON schema",
            "list, get, create, update and replace return the entity; their 2xx response needs"
                    + " application/json content with a schema.",
            "'200': {description: OK}   on a get operation"),
    SUCCESS_RESPONSE_MISSING("SG206", "success-response-missing", INCOMPLETE_CONTRACT,
            "An operation has no single success response",
            "Exactly one 2xx response tells the generated route its status code.",
            "responses: {'200': ..., '201': ...}   on a create operation"),
    REQUEST_BODY_MISSING("SG207", "request-body-missing", INCOMPLETE_CONTRACT,
            "A create, update or replace operation has no JSON request body schema",
            "The body's schema decides which fields a client may send.",
            "post: {operationId: createTask, responses: ...}   without requestBody"),
    PROPERTY_TYPE_MISSING("SG208", "property-type-missing", INCOMPLETE_CONTRACT,
            "A schema or property has no type",
            "An untyped property would become Any and lose its constraints. An allOf of objects ($refs and"
                    + " inline parts) is merged into the one object it describes; it is reported only when its parts"
                    + " conflict (a property two parts declare differently, a part that is not an object, or"
                    + " additionalProperties: false in a part while another adds properties).",
            "properties: {title: {maxLength: 200}}"),
    TYPE_UNKNOWN("SG209", "type-unknown", INCOMPLETE_CONTRACT,
            "A schema names a type OpenAPI does not have",
            "swagger-parser accepts misspelled types silently; specgen does not.",
            "type: strnig"),
    CONSTRAINT_VALUE_INVALID("SG210", "constraint-value-invalid", INCOMPLETE_CONTRACT,
            "A schema constraint has a value of the wrong type",
            "Constraints such as minimum, maxLength or pattern need a number, a whole number or a string.",
            "minimum: abc"),
    PATH_PARAM_UNDECLARED("SG211", "path-param-undeclared", INCOMPLETE_CONTRACT,
            "A path template names a parameter that is not declared",
            "Every {name} in a path needs a parameter with in: path.",
            "/tasks/{task_id} with no parameter named task_id"),
    PATH_PARAM_NOT_IN_PATH("SG212", "path-param-not-in-path", INCOMPLETE_CONTRACT,
            "A path parameter is declared but not in the path template",
            "A declared path parameter that the path does not contain can never be sent.",
            "/tasks with a parameter {name: id, in: path}"),
    SECURITY_UNDECLARED("SG407", "security-undeclared", UNCLEAR_AUTH,
            "An operation has no security requirement and is not declared public",
            "Without a bearer requirement in the contract, model.yaml must say auth: public explicitly.",
            "security: []  on listTasks, while model.yaml does not say auth: public"),
    ERROR_SHAPE_UNFILLABLE("SG218", "error-shape-unfillable", INCOMPLETE_CONTRACT,
            "An error schema has a required property nothing can fill",
            "Error bodies follow the contract's schema. specgen recognises message, code, status, title, type,"
                    + " instance, request id and per-field details by their names; errors.fill in model.yaml"
                    + " names the source of any other property.",
            "Error: {required: [detail, hint]}  (nothing says what hint holds)"),
    VERSION_KEYWORD("SG219", "version-keyword", INCOMPLETE_CONTRACT,
            "A schema keyword belongs to the other OpenAPI version",
            "OpenAPI 3.1 schemas are JSON Schema 2020-12, which ignores 3.0's nullable: the document would say"
                    + " null is invalid while its author meant it valid. specgen will not guess which (the 3.1"
                    + " type list in a 3.0 contract is SG209). 'specgen fix SPEC_DIR' prints the 3.1 rewrite of"
                    + " each (type: [string, \"null\"], or anyOf with {type: \"null\"} beside a $ref) as a diff, and"
                    + " --write makes it, keeping comments and layout.",
            "openapi: 3.1.0 ... description: {type: string, nullable: true}"),
    SERVERS_DISAGREE("SG220", "servers-disagree", AMBIGUOUS_RULES,
            "The contract's servers put its paths under different base paths",
            "A server URL's path is where the contract's paths start (servers: [{url: /api}] serves /api/tasks)."
                    + " The generated app serves one base path, so every server must name the same one.",
            "servers: [{url: 'https://api.example.com/v1'}, {url: 'http://localhost:8000'}]"),
    ERROR_CODE_UNMATCHED("SG213", "error-code-unmatched", INCOMPLETE_CONTRACT,
            "An error's code member is an enum with no value for a situation the server answers",
            "Where an error schema's code is an enum, every error the server sends uses one of its values. Each"
                    + " situation (not found, validation, unauthorized, forbidden, conflict, a missing reference,"
                    + " method not allowed, payload too large, internal error, service unavailable) takes the value"
                    + " whose words say it (APPOINTMENT_NOT_FOUND, NOT_FOUND, VALIDATION_ERROR, INVALID_INPUT,"
                    + " UNAUTHORIZED, ...), one naming the operation's resource first; a value naming another"
                    + " resource does not fit. A missing reference takes a value about references, else the"
                    + " status's own naming the referenced row (SLOT_NOT_FOUND). Add a value, or name the one to"
                    + " send in model.yaml's errors.codes.",
            "getAppointment declares 404 with code: {enum: [SLOT_NOT_FOUND, VALIDATION_ERROR]}"),
    ERROR_RESPONSE_UNDECLARED("SG215", "error-response-undeclared", INCOMPLETE_CONTRACT,
            "An operation can answer an error status its contract does not declare",
            "The generated backend answers 401 for bad tokens, 404 for rows the caller cannot see, 409 for"
                    + " unique clashes and 422 (or 400) for invalid input; clients and contract tests need each"
                    + " declared. A range such as 4XX declares every status in it. The message names what makes"
                    + " invalid input possible: a request body, or a query or header parameter and the keyword"
                    + " that refuses values (type: integer, maximum: 100, format: date, enum). A path key is never"
                    + " the reason: where no 400 or 422 is declared, a malformed or out-of-range {id} names no row"
                    + " and is answered with the operation's 404 (a caller id that cannot be the caller, with its"
                    + " 403, 404 or 401). A path user id that is not the caller is the operation's 403, else its"
                    + " 404, else the 401 it declares alone (\"User ID mismatch\"); with none of them a 404 is"
                    + " needed. Declare the status, or drop the constraint if the server should accept every"
                    + " value. A hand-written operation's route is held to the same: 401 where it checks a token,"
                    + " 403, 404 or 401 for a path user id that is not the caller, 400 or 422 where its input can"
                    + " be invalid.",
            "getTask without a '404' response; listTasks with ?limit {type: integer, maximum: 100} and no"
                    + " '400' or '422'"),
    SCHEMA_UNUSED("SG216", "schema-unused", INCOMPLETE_CONTRACT, Severity.WARNING,
            "A component schema is never referenced",
            "An unused schema is often a leftover or a typo in a $ref; it does not stop generation.",
            "components.schemas.TaskV1 with no $ref to it"),
    DESCRIPTION_MISSING("SG217", "description-missing", INCOMPLETE_CONTRACT, Severity.WARNING,
            "An operation has neither a summary nor a description",
            "The generated OpenAPI and docs are only as clear as the contract; this does not stop generation.",
            "get: {operationId: getTask, responses: ...}"),
    QUERY_PARAM_UNSUPPORTED("SG214", "query-param-unsupported", INCOMPLETE_CONTRACT,
            "A query parameter has no meaning in model.yaml",
            "Query parameters must be a declared filter (an operator or a value map), search, sort,"
                    + " or page parameter (limit, offset).",
            "?archived=true on listTasks, while archived is not in its filters"),

    MODEL_SCHEMA("SG301", "model-schema", UNDEFINED_MODEL,
            "model.yaml does not follow its schema",
            "model.yaml is checked against specs-schema/model.schema.json (unknown keys are refused).",
            "entities: {Task: {feilds: ...}}"),
    PRIMARY_KEY_MISSING("SG302", "primary-key-missing", UNDEFINED_MODEL,
            "An entity has no single primary key",
            "Exactly one field per entity must say primary_key: true.",
            "Task with fields title and done only"),
    FIELD_REFERENCE_UNKNOWN("SG303", "field-reference-unknown", UNDEFINED_MODEL,
            "A reference names a field or entity that does not exist",
            "Foreign keys, ownership, indexes, unique constraints, filters, sorts and path bindings"
                    + " must name existing fields and entities.",
            "foreign_key: {entity: Projct, field: id}"),
    CONSTRAINT_CONTRADICTION("SG304", "constraint-contradiction", UNDEFINED_MODEL,
            "A field's constraints contradict each other or its type",
            "min above max, a default that breaks its own constraints, an enum default not among its"
                    + " values, a length on a number.",
            "min_length: 10, max_length: 5"),
    IDENTIFIER_INVALID("SG305", "identifier-invalid", UNDEFINED_MODEL,
            "A name cannot become a Python or SQL identifier",
            "Names must be ASCII identifiers; keywords such as class or from are escaped, not refused.",
            "fields: {'due-date': ...}"),
    IDENTIFIER_COLLISION("SG306", "identifier-collision", UNDEFINED_MODEL,
            "Two names collide once converted",
            "Entity and table names must stay distinct as Python modules, classes and SQL tables.",
            "entities Task and TASK, or two entities with table: tasks"),
    FIELD_TYPE_MISSING("SG308", "field-type-missing", UNDEFINED_MODEL,
            "A field has no type, or a type model.yaml does not know",
            "Every field needs one of string, text, integer, bigint, decimal, float, boolean, uuid, date,"
                    + " datetime, enum, json, array.",
            "due_date: {nullable: true}   or   due_date: {type: datetim}"),
    TEXT_UNBOUNDED("SG309", "text-unbounded", UNDEFINED_MODEL, Severity.WARNING,
            "A text field a client writes has no maximum length",
            "Without max_length (and the contract's maxLength) a client may store any text up to the request"
                    + " body limit (1 MiB by default) in every row, and every list returns it. Only fields that a"
                    + " generated operation's request body writes are reported, once each.",
            "description: {type: text, nullable: true}   (add max_length: 5000 here and maxLength: 5000 in the"
                    + " contract)"),
    GENERATED_FIELD_INVALID("SG307", "generated-field-invalid", UNDEFINED_MODEL,
            "A server-generated value does not fit its field",
            "generated: uuid needs type uuid; increment needs integer or bigint; created and updated"
                    + " need datetime.",
            "id: {type: string, generated: increment}"),

    OWNER_FIELD_INVALID("SG401", "owner-field-invalid", UNCLEAR_AUTH,
            "An ownership declaration does not fit the field it names",
            "owner_field must have the type of auth.user_id.type; via must be a foreign key to an"
                    + " owned entity.",
            "auth.user_id.type: uuid, ownership: {owner_field: owner_id} with owner_id: {type: string}"),
    SECURITY_SCHEME_UNSUPPORTED("SG402", "security-scheme-unsupported", UNCLEAR_AUTH,
            "A security scheme is not HTTP bearer (JWT)",
            "The generated backend verifies bearer JWTs: an HTTP bearer scheme, or OAuth2 and OpenID Connect"
                    + " access tokens (sent as bearer JWTs, their scopes enforced), or an apiKey scheme in a cookie"
                    + " carrying the JWT (with CSRF checks), the same for every operation; API keys in a header or"
                    + " a query and basic auth are not implemented.",
            "securitySchemes: {key: {type: apiKey, in: header, name: X-Key}}"),
    PUBLIC_OWNED_DATA("SG403", "public-owned-data", UNCLEAR_AUTH,
            "A public operation touches owned data",
            "Owned rows can only be scoped to a token's subject; a public operation has none.",
            "listTasks: {auth: public} on an entity with ownership.owner_field"),
    AUTH_DISAGREES("SG404", "auth-disagrees", UNCLEAR_AUTH,
            "model.yaml and the contract disagree on an operation's auth",
            "auth: public in model.yaml while the contract requires a bearer token, or the reverse.",
            "auth: public on an operation with security: [{bearerAuth: []}]"),
    OWNERSHIP_MISSING("SG406", "ownership-missing", UNCLEAR_AUTH,
            "An entity says neither who owns it nor that it is shared",
            "Every entity needs ownership: {owner_field: F}, {via: FK_FIELD} or {shared: true}; specgen never"
                    + " assumes data is public.",
            "Task: {table: tasks, fields: ...}   with no ownership"),
    KEY_SOURCE_MISMATCH("SG408", "key-source-mismatch", UNCLEAR_AUTH,
            "The JWT algorithms and the key source do not fit together",
            "HS* algorithms verify with a shared secret; RS*, ES* and EdDSA with a public key or JWKS. Mixing"
                    + " both kinds would let a token signed with the public key as an HMAC secret pass.",
            "algorithms: [HS256, RS256]   or   algorithms: [RS256], key_source: secret"),
    FORBIDDEN_UNDECLARED("SG409", "forbidden-undeclared", UNCLEAR_AUTH,
            "An operation requires a role or scope but declares no 403",
            "A caller with a valid token but without the role (roles: in model.yaml) or the OAuth2 scope (the"
                    + " contract's security) an operation requires is refused with 403, in the contract's error"
                    + " shape; the contract must declare that answer.",
            "roles: [admin] on createGenre, whose responses have no '403'"),
    FORBIDDEN_UNREACHABLE("SG410", "forbidden-unreachable", UNCLEAR_AUTH,
            "The contract declares a 403 that nothing can answer",
            "A declared 403 promises that some callers are refused. On rows every user shares, nothing in model.yaml"
                    + " produces it unless the operation requires a role or scope, binds a path user id to the caller,"
                    + " or is hand-written; served as it stands, every caller with a valid token would be let through."
                    + " Over owned rows the 403 is simply never needed: another user's row is answered like a missing"
                    + " one (404), and isolation holds in SQL.",
            "updateEvent declares '403' (only organisers), on a shared entity, with no roles: in model.yaml"),
    SECRET_FIELD_WRITABLE("SG430", "secret-field-writable", UNCLEAR_AUTH,
            "A field named like a secret may be written by a request body",
            "A field named password, password_hash, secret, token, api_key or salt that a client may write is"
                    + " stored exactly as sent: a plain password in a column, or a hash anyone can choose. The"
                    + " register action stores an Argon2 hash (pwdlib) of the request's password in a read-only"
                    + " field; a secret some code of yours sets is read_only: true.",
            "User: {fields: {password_hash: {type: string}}}   (read_only: true, and action: register)"),
    PATH_PARAM_UNBOUND("SG405", "path-param-unbound", AMBIGUOUS_RULES,
            "A path parameter is not tied to a field or to the token",
            "Each path parameter must be bound in the operation's path: to the token's subject, to the"
                    + " primary key, or to a foreign-key field. A hand-written operation passes its other path"
                    + " parameters to its handler, but one named as the caller's id (user_id, owner_id, uid) must be"
                    + " bound to subject, or the handler would trust whatever id the path names.",
            "/api/{user_id}/tasks with no path: {user_id: subject}"),

    ACTION_SHAPE("SG501", "action-shape", AMBIGUOUS_RULES,
            "An operation's binding does not fit its action",
            "Item actions (get, update, replace, delete) need the primary key bound in the path;"
                    + " page, filters and sort belong to list; HTTP methods must suit the action.",
            "getTask: {action: get} on /tasks without {task_id}"),
    BINDING_UNKNOWN_OPERATION("SG502", "binding-unknown-operation", AMBIGUOUS_RULES,
            "model.yaml binds an operation the contract does not have",
            "Every key under operations must be an operationId of the contract.",
            "operations: {listTask: ...} while the contract says listTasks"),

    MIGRATION_UNACKNOWLEDGED("SG520", "migration-unacknowledged", AMBIGUOUS_RULES,
            "A model change would destroy data, or fail on rows already stored",
            "generate compares model.yaml with the model the output's newest migration leads to"
                    + " (migrations/specgen-model.json) and writes a migration for the difference. Dropping a table"
                    + " or a column, narrowing or converting a column's type, NOT NULL without a default, a primary key"
                    + " change, and a new unique constraint or foreign key over existing rows can lose data or fail"
                    + " on it, so such a change waits until migrations.acknowledge in model.yaml names it. A renamed"
                    + " field or table is a drop and an add: its data is not carried over.",
            "unique: true added to Task.title: acknowledge add-unique:tasks.title once no two titles are equal"),
    HANDWRITTEN_PENDING("SG530", "handwritten-pending", AMBIGUOUS_RULES, Severity.WARNING,
            "A hand-written operation has no implementation yet",
            "specgen generates the route, auth, typed models and error shapes of an action: handwritten"
                    + " operation and creates app/handlers/<operation>.py once with a stub that answers 501;"
                    + " this warning stays until that stub is replaced (an error under --strict).",
            "operations: {chat: {action: handwritten}} with app/handlers/chat.py still the stub"),
    ACKNOWLEDGMENT_UNUSED("SG521", "acknowledgment-unused", AMBIGUOUS_RULES, Severity.WARNING,
            "migrations.acknowledge names a change that is not pending",
            "An acknowledgment is needed only until the migration it allows has been generated. Left in place,"
                    + " it would silently allow the same change again one day, so it should go.",
            "migrations: {acknowledge: [drop-column:tasks.notes]} once the migration dropping it exists"),

    PROPERTY_FIELD_MISSING("SG601", "property-field-missing", DISAGREEMENT,
            "A contract property has no matching field",
            "Request and response properties must be fields of the bound entity.",
            "Task response has 'priority'; entity Task has no priority field"),
    REQUIRED_FIELD_NOT_IN_CONTRACT("SG602", "required-field-not-in-contract", DISAGREEMENT,
            "A required field is missing from a create body",
            "A field that is not nullable, has no default and is not server-generated must be a"
                    + " required property of the create and replace bodies.",
            "title is required in the model but TaskCreate has no title"),
    TYPE_MISMATCH("SG603", "type-mismatch", DISAGREEMENT,
            "A property's type or format differs from its field",
            "The contract and the model must agree on each field's type and format. An integer with no"
                    + " format fits bigint (and integer, bounded as SG605 says); {type: number, format: decimal}"
                    + " fits decimal; a uuid field may be a plain type: string in responses and path keys.",
            "created_at: {type: string} for a datetime field (format: date-time is missing)"),
    REQUIRED_MISMATCH("SG604", "required-mismatch", DISAGREEMENT,
            "A property's required-ness or nullability differs from its field",
            "A create body requires exactly the fields with no default; a replace body requires at least"
                    + " those (it may require one with a default too: the default applies to a create); responses"
                    + " mark nullable fields nullable, or leave them optional (not required, not nullable): a null"
                    + " is then sent as no member at all.",
            "description is nullable in the model but not in the Task schema"),
    CONSTRAINT_MISMATCH("SG605", "constraint-mismatch", DISAGREEMENT,
            "A property's constraints differ from its field",
            "Lengths, ranges, patterns and enum values must be the same in contract and model, but for what"
                    + " only holds in one direction: a request's enum may be narrower than the field's (every value"
                    + " it admits is stored), a response's wider or a plain string (every stored value is sent),"
                    + " and a response's JSON-number money needs no multipleOf (the server writes the column's"
                    + " scale); a request's money needs multipleOf: 10^-scale. A request's"
                    + " integer with no format has no bound in JSON Schema: over a 32-bit column (type: integer)"
                    + " it needs format: int32 or bounds within the column, else use type: bigint.",
            "maxLength: 100 in the contract, max_length: 200 in model.yaml"),
    OWNER_IN_REQUEST("SG606", "owner-in-request", DISAGREEMENT,
            "A request body accepts the owner field",
            "The server sets the owner from the token; a body that carries it invites mass assignment.",
            "TaskCreate.properties.user_id"),
    SERVER_FIELD_IN_REQUEST("SG607", "server-field-in-request", DISAGREEMENT,
            "A request body accepts a server-managed field",
            "Generated, read-only and path-bound fields are set by the server, never by the body.",
            "TaskCreate.properties.created_at for a field with generated: created"),
    LIST_SHAPE("SG608", "list-shape", DISAGREEMENT,
            "A list response is neither an array of the entity nor a page of it",
            "Without page, a list returns an array of the entity schema; with page, an object with"
                    + " items, total, limit and offset.",
            "page: {default: 20, max: 100} while the response is a plain array"),
    SHAPES_DIFFER("SG609", "shapes-differ", DISAGREEMENT,
            "Operations of one entity use different shapes",
            "All responses of an entity share one schema (its response class); all create bodies share one"
                    + " (its create class); all replace bodies share one, the create body or one of their own (its"
                    + " replace class); all update bodies share one (its update class). The schemas"
                    + " may have different names as long as their properties agree; the class then keeps specgen's"
                    + " derived name (see model-yaml.md#python-class-names).",
            "getTask returns Task while listTasks returns TaskSummary");

    private final String id;
    private final String slug;
    private final Category category;
    private final String title;
    private final String explanation;
    private final String example;
    private final Severity severity;

    Rule(String id, String slug, Category category, String title, String explanation, String example) {
        this(id, slug, category, Severity.ERROR, title, explanation, example);
    }

    Rule(String id, String slug, Category category, Severity severity, String title, String explanation,
            String example) {
        this.severity = severity;
        this.id = id;
        this.slug = slug;
        this.category = category;
        this.title = title;
        this.explanation = explanation;
        this.example = example;
    }

    public String id() {
        return id;
    }

    public String slug() {
        return slug;
    }

    public Category category() {
        return category;
    }

    public String title() {
        return title;
    }

    public String explanation() {
        return explanation;
    }

    public String example() {
        return example;
    }

    /** Errors block generation; warnings only with --strict. */
    public Severity severity() {
        return severity;
    }

    /** Finds a rule by id ("SG302") or slug ("primary-key-missing"), ignoring case. */
    public static java.util.Optional<Rule> find(String key) {
        for (Rule rule : values()) {
            if (rule.id.equalsIgnoreCase(key) || rule.slug.equalsIgnoreCase(key)) {
                return java.util.Optional.of(rule);
            }
        }
        return java.util.Optional.empty();
    }
}
