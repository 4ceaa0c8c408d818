"""Draws a random valid spec from a seed: the same seed gives the same spec, on every machine.

Everything random goes through one random.Random(seed), drawn in a fixed order, so a failing seed
replays exactly. The choices aim at the corners of the model format: names that are keywords,
builtins or imported names, Unicode enum values, bounded and unbounded strings, patterns, defaults
of every shape, every ownership form, parents one to three deep, public operations, list options.
"""
from __future__ import annotations

import random
import re

from . import extras
from .spec import MISSING, Auth, Entity, Field, Operation, Spec, body_fields

# Known bugs outside this stream's scope that the drawn specs steer clear of, so that the fixed CI
# seeds stay green until they are fixed; --all-corners draws them too (see proptest/README.md).
AVOID = {
    # models/: the Create/Update classes are SQLModel classes, whose __new__ takes cls; a writable field
    # named cls breaks every request, so validate blocks it (SG306). Drawn, the spec would block.
    "field-named-cls",
    # Not a valid spec: a path naming one parameter twice (/users/{user_id}/user/{user_id}); validate
    # blocks it (SG201), so drawing it would only test the blocker.
    "repeated-path-param",
    # resolve/OperationModel + templates/python/actions/{toggle,set}.stg (the softdel lane rebuilds the
    # action registry there): a toggle or set answering 204 renders `response_model=,` (a SyntaxError)
    # and its test keeps an unused `before` (F841). proptest/known/seed-2-command-answers-204.
    "command-answers-204",
    # templates/python/actions/aggregate.stg: an aggregate under path parameters (/users/{user_id}/x/stats,
    # /parents/{p}/x/stats) has tests whose URLs name `row` and `user`, undefined there (F821).
    # proptest/known/seed-4-aggregate-under-path-parameters.
    "aggregate-under-path-parameters",
    # resolve (the router's error imports): an aggregate on an entity with no item route imports
    # not_found unused (F401). proptest/known/seed-6-aggregate-without-item-route.
    "aggregate-without-item-route",
    # templates/python/actions/aggregate.stg: on a shared entity every user's rows are counted, as they
    # should be, but the generated test expects the other user's row left out (assert 4 == 3).
    # proptest/known/seed-3-aggregate-on-shared-entity.
    "aggregate-on-shared-entity",
    # templates/python (the search test): a search over a field that a neq filter of the same list also
    # reads finds the row the test expects left out (seed 26, Project.extra: assert id not in [...]); the
    # cause is not pinned down yet. proptest/known/seed-26-search-field-also-filtered.
    "search-field-also-filtered",
    # templates/python/actions/set.stg: a set of a field the contract's response leaves out is tested by
    # reading that field from the response (KeyError: 'opened', seed 10). proptest/known/seed-10-set-hidden-field.
    "set-hidden-field",
}
# Fixed, and drawn again since: module helpers (an aggregate's json_*, a search's escape_like) followed by a
# sort's or a value map's constants with one blank line (regressions/seed-7-helpers-before-module-constants); a sort without a default; a filter named like a path parameter (the
# query side takes a _query suffix); a path parameter named like a route's own parameter (the route's
# template uses the Python names); owners whose bounds allow only negative user ids.
# The parameters and locals of a generated route (resolve/Names.java ROUTE_LOCALS).
ROUTE_LOCALS = {"session", "current_user", "body", "statement", "result", "changes", "column", "items", "total",
                "total_result", "now", "limit", "offset", "sort"}

# Field names: plain ones, and ones that are Python keywords, builtins, names the generated modules
# import, locals of generated routes and tests, or attributes pydantic reserves.
PLAIN_NAMES = ["title", "note", "label", "amount", "count", "score", "kind", "color", "rank", "price",
               "weight", "due", "opened", "flag", "tags", "extra", "summary", "level", "position", "detail"]
TRICKY_NAMES = ["class", "from", "def", "match", "case", "type", "_", "_hidden", "date", "datetime", "uuid",
                "decimal", "str", "list", "dict", "json", "bool", "float", "int", "select", "session", "body",
                "items", "total", "result", "statement", "metadata", "schema", "fields", "copy", "model_kind",
                "validate", "len", "sum", "filter", "format", "input", "hash", "now", "router", "hooks",
                "ownership", "models", "user", "client", "n", "row", "parents", "values", "other", "unique",
                "self", "cls", "response", "key", "changes", "column", "any", "all", "object", "enum"]
ENTITY_NAMES = ["Item", "Entry", "Order", "Group", "User", "Note", "Task", "Project", "Tag", "Step", "Record",
                "Account", "Event", "Session", "Result", "Model", "Type", "Status", "Page", "Base"]
ENUM_VALUES = ["todo", "done", "in progress", "class", "None", "caf\u00e9", "\u66f8\u67b6", "a-b", "1st", "",
               "A", "a", "UPPER", "x y z", "it's \"q\"", "back\\slash", "_", "true"]
# A pattern, values that match it (for defaults), and whether it has enough values to be unique.
PATTERNS = [
    (r"^[a-z]+$", ["abc", "zz"], True),
    (r"^[A-Z]{2,4}-\d{2,3}$", ["AB-12", "XYZ-999"], True),
    (r"^\d{3,6}$", ["123", "000000"], True),
    (r"^[a-z0-9_]{3,12}$", ["a_1", "zzz"], True),
    (r"^(red|green|blue)-[0-9]+$", ["red-1", "blue-42"], True),
    (r"^[a-z][a-z0-9-]{2,10}$", ["a-b", "x99"], True),
    (r"^[\w.]+@example\.com$", ["a.b@example.com", "x@example.com"], True),
    ("^[\u00e4\u00f6\u00fc\u00df]{2,5}$", ["\u00e4\u00f6", "\u00df\u00df\u00df"], True),
    (r"[a-z]", ["1a2", "b"], True),
    (r"^(yes|no)$", ["yes", "no"], False),
]
SCALAR_TYPES = ["string", "text", "integer", "bigint", "decimal", "float", "boolean", "uuid", "date", "datetime",
                "enum", "json", "array"]
ITEM_TYPES = ["string", "integer", "bigint", "float", "boolean", "enum", "json"]
TITLES = ["Prop API", "Caf\u00e9 \"quoted\" API", "back\\slash API", "\u66f8\u67b6 API", "It's an API"]
# Fields whose names must stay free for the list's own query parameters.
QUERY_NAMES = {"limit", "offset", "sort"}


class Drawer:
    def __init__(self, seed: int, avoid: set[str]) -> None:
        self.seed = seed
        self.avoid = avoid
        self.rng = random.Random(seed)
        self.taken_tables: set[str] = set()
        self.operation_ids: set[str] = set()
        self.owner_bounds: dict | None = None

    def chance(self, p: float) -> bool:
        return self.rng.random() < p

    def pick(self, items: list):
        return items[self.rng.randrange(len(items))]

    # -- the spec ---------------------------------------------------------------------------------

    def spec(self) -> Spec:
        auth = self.auth()
        spec = Spec(seed=self.seed, title=self.pick(TITLES), openapi=self.pick(["3.0.3", "3.1.0"]), auth=auth)
        count = self.pick([1, 2, 2, 3, 3, 4])
        names = self.rng.sample(ENTITY_NAMES, count)
        for index, name in enumerate(names):
            entity = self.entity(spec, name, first=index == 0)
            spec.entities[name] = entity
        for entity in spec.entities.values():
            self.constraints_and_shapes(spec, entity)
        for entity in spec.entities.values():
            spec.operations.extend(OperationDrawer(self, spec, entity).operations())
        # A body needs at least one property; an entity whose bodies would be empty has no such operation.
        for entity in spec.entities.values():
            for role, actions in (("create", ("create", "replace")), ("update", ("update",))):
                if not body_fields(spec, entity, role):
                    spec.update_omits[entity.name] = set() if role == "update" else spec.update_omits[entity.name]
                    spec.create_omits[entity.name] = set() if role == "create" else spec.create_omits[entity.name]
                if not body_fields(spec, entity, role):
                    spec.operations = [op for op in spec.operations
                                       if not (op.entity == entity.name and op.action in actions)]
        spec = extras.extend(spec, self.operation_ids, self.avoid)
        self.grants(spec)
        return spec

    def grants(self, spec: Spec) -> None:
        """Roles and scopes, drawn last so that earlier draws keep their meaning: now and then an
        operation requires one of some roles, some scopes of the contract, or both."""
        if not self.chance(0.4):
            return
        spec.auth.role_claim = self.pick([None, "roles", ["role", "scope"], "permissions"])
        for op in spec.operations:
            if op.public:
                continue
            if self.chance(0.4):
                op.roles = self.rng.sample(["admin", "editor", "caf\u00e9:owner"], self.pick([1, 1, 2]))
            if self.chance(0.3):
                op.scopes = self.rng.sample(["items:write", "items:read", "audit"], self.pick([1, 2]))

    def auth(self) -> Auth:
        family = self.pick(["hs", "hs", "rs", "es", "eddsa", "jwks"])
        algorithms, key_source = {
            "hs": ([self.pick(["HS256", "HS384", "HS512"])], None),
            "rs": (["RS256"], None),
            "es": (["ES256"], "public_key"),
            "eddsa": (["EdDSA"], None),
            "jwks": (self.pick([["RS256"], ["EdDSA", "ES256"], ["ES256"]]), "jwks"),
        }[family]
        return Auth(
            algorithms=algorithms,
            key_source=key_source,
            user_id_type=self.pick(["uuid", "int", "string"]),
            claim=self.pick([None, "sub", "uid", "user_id"]),
            issuer=self.pick([None, "https://issuer.example/"]),
            audience=self.pick([None, "prop-api", ["prop-api", "other-api"]]),
            leeway=self.pick([None, 0, 30]),
        )

    # -- entities ---------------------------------------------------------------------------------

    def table_name(self, name: str) -> str:
        snake = re.sub(r"(?<!^)(?=[A-Z])", "_", name).lower()
        for candidate in [self.pick([snake, snake + "s", "t_" + snake]), snake + "_rows", snake + "_table"]:
            if candidate not in self.taken_tables:
                self.taken_tables.add(candidate)
                return candidate
        raise AssertionError("no free table name")

    def entity(self, spec: Spec, name: str, first: bool) -> Entity:
        owned = [e for e in spec.entities.values() if not e.shared]
        depth_ok = [e for e in owned if self.via_depth(spec, e) < 3]
        roll = self.rng.random()
        if first or roll < 0.35:
            kind = "owner_field"
        elif roll < 0.7 and depth_ok:
            kind = "via"
        else:
            kind = "shared"
        entity = Entity(name=name, table=self.table_name(name), ownership=("shared",))
        used: set[str] = set()
        pk = self.primary_key(used)
        entity.fields[pk.name] = pk
        if kind == "owner_field":
            owner = self.owner_field(spec.auth, used)
            entity.fields[owner.name] = owner
            entity.ownership = ("owner_field", owner.name)
        elif kind == "via":
            parent = self.pick(depth_ok)
            fk = self.reference(parent, used, nullable=False)
            entity.fields[fk.name] = fk
            entity.ownership = ("via", fk.name)
        else:
            entity.ownership = ("shared",)
        # Now and then a reference to a shared entity, besides ownership.
        shared = [e for e in spec.entities.values() if e.shared]
        if shared and self.chance(0.4):
            ref = self.reference(self.pick(shared), used, nullable=self.chance(0.5))
            entity.fields[ref.name] = ref
        for _ in range(self.rng.randint(1, 6)):
            data = self.data_field(used)
            entity.fields[data.name] = data
        if self.chance(0.4):
            stamp = Field(name=self.field_name(used, ["created_at", "updated_at", "stamp"]), type="datetime",
                          generated=self.pick(["created", "updated"]))
            entity.fields[stamp.name] = stamp
        if self.chance(0.3):
            entity.description = self.pick(["Rows of \"this\" kind.", "Caf\u00e9 rows", "back\\slash"])
        return entity

    def via_depth(self, spec: Spec, entity: Entity) -> int:
        depth = 0
        while entity.via:
            entity = spec.entities[entity.fields[entity.via].foreign_key[0]]
            depth += 1
        return depth

    def field_name(self, used: set[str], pool: list[str] | None = None) -> str:
        for _ in range(100):
            if pool is None:
                name = self.pick(TRICKY_NAMES) if self.chance(0.45) else self.pick(PLAIN_NAMES)
            else:
                name = self.pick(pool)
            if name not in used and name not in QUERY_NAMES and not (name == "cls" and "field-named-cls" in self.avoid):
                used.add(name)
                return name
        name = f"field_{len(used)}"
        used.add(name)
        return name

    def primary_key(self, used: set[str]) -> Field:
        name = self.field_name(used, ["id", "id", "id", "key", "code", "pk", "uid", "type", "_id"])
        kind = self.pick(["uuid", "uuid", "increment", "bigincrement", "string", "plain_uuid", "plain_int"])
        if kind == "uuid":
            return Field(name=name, type="uuid", primary_key=True, generated="uuid")
        if kind == "increment":
            return Field(name=name, type="integer", primary_key=True, generated="increment")
        if kind == "bigincrement":
            return Field(name=name, type="bigint", primary_key=True, generated="increment")
        if kind == "plain_uuid":
            return Field(name=name, type="uuid", primary_key=True)
        if kind == "plain_int":
            return Field(name=name, type="integer", primary_key=True, constraints={"minimum": 1})
        constraints = {"max_length": self.pick([40, 64, 100])}
        if self.chance(0.3):
            constraints["pattern"] = r"^[a-z0-9_]{3,12}$"
        return Field(name=name, type="string", primary_key=True, constraints=constraints)

    def owner_field(self, auth: Auth, used: set[str]) -> Field:
        name = self.field_name(used, ["owner_id", "user_id", "owner", "author", "from", "user"])
        if auth.user_id_type == "uuid":
            return Field(name=name, type="uuid", index=self.chance(0.5))
        # Bounds are drawn once per spec, so that every owner field can hold the same users.
        if auth.user_id_type == "int":
            if self.owner_bounds is None:
                self.owner_bounds = self.pick([{}, {"minimum": 1}, {"minimum": 0, "maximum": 1000000},
                                               {"minimum": 500}, {"maximum": 50}, {"minimum": -10, "maximum": 10}]
                                              + ([] if "negative-int-subjects" in self.avoid else [{"maximum": -5}]))
            return Field(name=name, type=self.pick(["integer", "bigint"]), constraints=dict(self.owner_bounds))
        if self.owner_bounds is None:
            self.owner_bounds = self.pick([{}, {"max_length": 64}, {"min_length": 1, "max_length": 200},
                                           {"max_length": 6}, {"max_length": 3}, {"min_length": 8},
                                           {"pattern": r"^[a-z0-9-]+$", "max_length": 64}])
        constraints = dict(self.owner_bounds)
        return Field(name=name, type=self.pick(["string", "string", "text"]), constraints=constraints)

    def reference(self, parent: Entity, used: set[str], nullable: bool) -> Field:
        base = re.sub(r"(?<!^)(?=[A-Z])", "_", parent.name).lower()
        name = self.field_name(used, [base + "_id", base + "_key", base, "parent_id"])
        pk = parent.pk
        on_delete = self.pick(["cascade", "cascade", "restrict", "no_action"] + (["set_null"] if nullable else []))
        field = Field(name=name, type=pk.type, nullable=nullable, foreign_key=(parent.name, pk.name, on_delete),
                      index=self.chance(0.3))
        if pk.type == "string":
            field.constraints = {"max_length": pk.constraints.get("max_length", 64)}
        return field

    def data_field(self, used: set[str]) -> Field:
        name = self.field_name(used)
        type_ = self.pick(SCALAR_TYPES)
        field = Field(name=name, type=type_, nullable=self.chance(0.3))
        draw = getattr(self, "draw_" + type_)
        draw(field)
        if field.has_default and self.chance(0.2):
            field.read_only = True
        elif field.nullable and not field.has_default and self.chance(0.15):
            field.read_only = True
        if self.chance(0.1) and type_ not in ("json", "array", "text"):
            field.index = True
        if self.chance(0.2):
            field.description = self.pick(["A \"field\".", "caf\u00e9", "back\\slash \n two lines"])
        return field

    # -- one drawer per type: constraints and maybe a default ------------------------------------

    def maybe_default(self, field: Field, value) -> None:
        if self.chance(0.35):
            field.default = value
        elif field.nullable and self.chance(0.1):
            field.default = None

    def draw_string(self, field: Field) -> None:
        if self.chance(0.35):
            pattern, examples, many = self.pick(PATTERNS)
            field.constraints["pattern"] = pattern
            if self.chance(0.5):
                field.constraints["max_length"] = self.pick([40, 64])
            self.maybe_default(field, self.pick(examples))
            field.unique = many and self.chance(0.15)
            return
        bounds = self.pick([{}, {"max_length": 200}, {"min_length": 1, "max_length": 100}, {"max_length": 5},
                            {"min_length": 3}, {"min_length": 20, "max_length": 30}, {"max_length": 1}])
        field.constraints.update(bounds)
        low, high = bounds.get("min_length", 0), bounds.get("max_length", 50)
        self.maybe_default(field, ("d" * max(low, min(3, high))))
        field.unique = high >= 5 and self.chance(0.2)

    def draw_text(self, field: Field) -> None:
        if self.chance(0.3):
            field.constraints["max_length"] = self.pick([1000, 10000])
        self.maybe_default(field, "caf\u00e9 \"text\"")

    def draw_integer(self, field: Field, limit: int = 2**31 - 1) -> None:
        bounds = self.pick([{}, {"minimum": 0, "maximum": 100}, {"minimum": -50, "maximum": 50},
                            {"minimum": 1, "maximum": 5}, {"minimum": -limit - 1, "maximum": limit},
                            {"minimum": 10}, {"maximum": -5}])
        field.constraints.update(bounds)
        low = bounds.get("minimum", bounds.get("maximum", 0) - 10 if "maximum" in bounds else 0)
        self.maybe_default(field, low)
        field.unique = self.chance(0.1)

    def draw_bigint(self, field: Field) -> None:
        self.draw_integer(field, 2**63 - 1)

    def draw_decimal(self, field: Field) -> None:
        precision, scale = self.pick([(10, 2), (5, 0), (3, 3), (12, 4)])
        field.constraints.update({"precision": precision, "scale": scale})
        if self.chance(0.5) and precision > scale:
            field.constraints.update({"minimum": 0, "maximum": 10 ** (precision - scale) - 1})
        self.maybe_default(field, 0)

    def draw_float(self, field: Field) -> None:
        bounds = self.pick([{}, {"minimum": 0, "maximum": 1}, {"minimum": -1.5, "maximum": 2.5}, {"minimum": 0}])
        field.constraints.update(bounds)
        self.maybe_default(field, bounds.get("minimum", 0.5))

    def draw_boolean(self, field: Field) -> None:
        self.maybe_default(field, self.chance(0.5))

    def draw_uuid(self, field: Field) -> None:
        self.maybe_default(field, "0b5f6a1e-0000-4000-8000-0000000000ff")

    def draw_date(self, field: Field) -> None:
        self.maybe_default(field, "2031-12-31")

    def draw_datetime(self, field: Field) -> None:
        pass  # a fixed timestamp default is refused; generated ones are drawn per entity

    def draw_enum(self, field: Field) -> None:
        values = self.rng.sample(ENUM_VALUES, self.rng.randint(1, 5))
        field.constraints["values"] = values
        self.maybe_default(field, self.pick(values))

    def draw_json(self, field: Field) -> None:
        self.maybe_default(field, self.pick([{}, {"a": [1, "x", None], "caf\u00e9": {"b": True}}]))

    def draw_array(self, field: Field) -> None:
        item_type = self.pick(ITEM_TYPES)
        items: dict = {"type": item_type}
        if item_type == "string":
            items.update(self.pick([{}, {"max_length": 20}, {"min_length": 1, "max_length": 8},
                                    {"pattern": r"^[a-z]+$"}]))
        elif item_type in ("integer", "bigint", "float"):
            items.update(self.pick([{}, {"minimum": 0, "maximum": 10}]))
        elif item_type == "enum":
            items["values"] = self.rng.sample(ENUM_VALUES, self.rng.randint(1, 4))
        field.constraints["items"] = items
        bounds = self.pick([{}, {"max_items": 5}, {"min_items": 1}, {"min_items": 1, "max_items": 3}])
        field.constraints.update(bounds)
        example = {"string": "abc", "integer": 3, "bigint": 3, "float": 1.5, "boolean": True, "json": {"k": 1},
                   "enum": items.get("values", [""])[0]}[item_type]
        count = max(bounds.get("min_items", 0), 1 if self.chance(0.5) else 0)
        self.maybe_default(field, [example] * min(count, bounds.get("max_items", count)))

    # -- per entity, once all exist: unique groups, indexes, which fields each body shows ---------

    def constraints_and_shapes(self, spec: Spec, entity: Entity) -> None:
        varied = [f.name for f in entity.fields.values()
                  if f.type in ("string", "integer") and not f.primary_key and not f.foreign_key
                  and not f.constraints.get("pattern") and f.constraints.get("max_length", 50) >= 5
                  and not f.read_only and not f.nullable]
        scope = entity.owner_field or entity.via
        varied = [name for name in varied if name != scope]
        if varied and self.chance(0.3):
            group = ([scope] if scope else []) + [self.pick(varied)]
            entity.unique.append(group)
        indexable = [f.name for f in entity.fields.values() if f.type not in ("json", "array", "text")]
        if len(indexable) >= 2 and self.chance(0.3):
            entity.indexes.append(self.rng.sample(indexable, 2))
        hidden = set()
        for f in entity.fields.values():
            if not f.primary_key and self.chance(0.1):
                hidden.add(f.name)
        if entity.owner_field and self.chance(0.5):
            hidden.add(entity.owner_field)
        spec.hidden[entity.name] = hidden
        spec.closed_bodies[entity.name] = self.chance(0.7)
        optional = {f.name for f in entity.fields.values() if f.nullable or f.has_default}
        spec.create_omits[entity.name] = {n for n in optional if self.chance(0.2)}
        spec.update_omits[entity.name] = {f for f in entity.fields if self.chance(0.2)}


class OperationDrawer:
    """The operations of one entity: which actions, on which paths, with which list options."""

    def __init__(self, drawer: Drawer, spec: Spec, entity: Entity) -> None:
        self.d = drawer
        self.spec = spec
        self.entity = entity

    def operations(self) -> list[Operation]:
        d, entity = self.d, self.entity
        actions = [a for a in ["list", "get", "create", "update", "replace", "delete"] if d.chance(0.6)]
        if "create" in actions and "replace" in actions and not entity.pk.generated:
            # A client-chosen key is in the create body but in a replace's path, and the two bodies
            # must share one shape: such an entity has one or the other.
            actions.remove(d.pick(["create", "replace"]))
        if not actions and d.chance(0.7):
            actions = ["get"]
        snake = re.sub(r"(?<!^)(?=[A-Z])", "_", entity.name).lower()
        base = "/" + entity.table.replace("_", "-")
        subject = not entity.shared and d.chance(0.3)
        prefix = "/users/{user_id}" if subject else ""
        parent_ref = entity.via or next((f.name for f in entity.fields.values()
                                         if f.foreign_key and not f.nullable and f.name != entity.via), None)
        nested = parent_ref is not None and d.chance(0.6 if entity.via else 0.3)
        if nested:
            entity.nested_under = parent_ref
        params: set[str] = {"user_id"} if subject else set()
        pk_param = self.param_name(snake + "_id", params)
        item_path = prefix + base + "/{" + pk_param + "}"
        collection = prefix + base
        parent_param = None
        if nested:
            parent = self.spec.entities[entity.fields[parent_ref].foreign_key[0]]
            parent_param = self.param_name(re.sub(r"(?<!^)(?=[A-Z])", "_", parent.name).lower() + "_ref", params)
            collection = prefix + "/" + parent.table.replace("_", "-") + "/{" + parent_param + "}" + base
        nested_items = nested and d.chance(0.3)
        if nested_items:
            item_path = collection + "/{" + pk_param + "}"
        public = entity.shared and d.chance(0.5)
        ops = []
        for action in actions:
            item = action in ("get", "update", "replace", "delete")
            # A replace body shares the create body's shape, so it takes the parent from the path too.
            under_parent = nested and (not item or nested_items or action == "replace")
            if action == "replace" and nested and not nested_items:
                path = collection + "/{" + pk_param + "}"
            else:
                path = item_path if item else collection
            bindings: dict[str, str] = {}
            if subject:
                bindings["user_id"] = "subject"
            if under_parent and parent_param:
                bindings[parent_param] = parent_ref
            if item:
                bindings[pk_param] = entity.pk.name
            op = Operation(
                operation_id=self.operation_id(action, entity.name),
                entity=entity.name,
                action=action,
                method={"list": "get", "get": "get", "create": "post", "update": "patch", "replace": "put",
                        "delete": "delete"}[action],
                path=path,
                bindings=bindings,
                public=public and action in ("list", "get", "create") and d.chance(0.7),
                status={"create": d.pick(["201", "200"]), "delete": "204"}.get(action, "200"),
                summary=d.pick([None, f"{action} {entity.name}", "caf\u00e9 \"quoted\""]),
            )
            if action == "list":
                self.list_options(op, nested and parent_ref)
            ops.append(op)
        return ops

    def param_name(self, name: str, taken: set[str]) -> str:
        """A path parameter name: usually plain, now and then one a route or test would shadow."""
        while name in taken and "repeated-path-param" in self.d.avoid:
            name = "the_" + name
        if self.d.chance(0.25):
            tricky = self.d.pick(["id", "key", "class", "session", "type", "from", "body", "_ref", "item"])
            clash = "path-param-named-like-route-param" in self.d.avoid and tricky in ROUTE_LOCALS
            if tricky not in taken and not clash:
                name = tricky
        taken.add(name)
        return name

    def operation_id(self, action: str, entity: str) -> str:
        candidates = [action + entity + ("s" if action == "list" else "")]
        if self.d.chance(0.1):
            # Operation ids that are Python keywords, builtins or imported names once snake-cased.
            candidates.insert(0, self.d.pick(["select", "list", "sum", "session", "router", "class", "from",
                                              "type", "get"]))
        for candidate in candidates:
            if candidate not in self.d.operation_ids:
                self.d.operation_ids.add(candidate)
                return candidate
        raise AssertionError("operation ids collide")

    def list_options(self, op: Operation, parent_ref: str | None) -> None:
        d, entity = self.d, self.entity
        if d.chance(0.5):
            max_ = d.pick([1, 2, 10, 50, 100])
            op.page = (d.pick([1, 5, max_]) if max_ >= 5 else 1, max_)
        filterable = [f.name for f in entity.fields.values()
                      if f.type not in ("json", "array") and not f.primary_key and f.name != parent_ref
                      and not ("filter-named-like-path-param" in d.avoid and f.name in op.bindings)]
        if filterable and d.chance(0.5):
            op.filters = d.rng.sample(filterable, min(len(filterable), d.rng.randint(1, 3)))
        sortable = [f.name for f in entity.fields.values() if f.type not in ("json", "array")]
        if sortable and d.chance(0.5):
            fields = d.rng.sample(sortable, min(len(sortable), d.rng.randint(1, 3)))
            default = d.pick(([] if "sort-without-default" in d.avoid else [None]) + [fields[0], "-" + fields[-1]])
            op.sort = (fields, default)


def draw(seed: int, all_corners: bool = False, corners: frozenset[str] = frozenset()) -> Spec:
    """The spec of a seed; all_corners draws every AVOID entry too, corners only the ones named."""
    return Drawer(seed, set() if all_corners else set(AVOID) - set(corners)).spec()
