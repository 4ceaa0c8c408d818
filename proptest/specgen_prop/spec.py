"""The abstract spec the generator draws: entities, fields and operations, before any file format.

Drawing (draw.py) decides what a spec holds; emitting (emit.py) writes model.yaml and the OpenAPI
contract from it, so the two always agree. A new action, envelope or error shape is a new kind here,
a new draw choice and a new emitter; nothing else changes.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

MISSING: Any = object()


@dataclass
class Field:
    name: str
    type: str
    nullable: bool = False
    default: Any = MISSING
    primary_key: bool = False
    generated: str | None = None
    read_only: bool = False
    unique: bool = False
    index: bool = False
    # Constraints, by model.yaml key: min_length, max_length, pattern, minimum, maximum, precision,
    # scale, values, min_items, max_items, items (a dict of the items' own keys).
    constraints: dict[str, Any] = field(default_factory=dict)
    # (entity, field, on_delete) when this field references another entity.
    foreign_key: tuple[str, str, str] | None = None
    description: str | None = None

    @property
    def has_default(self) -> bool:
        return self.default is not MISSING


@dataclass
class Entity:
    name: str
    table: str
    # ("owner_field", name) | ("via", name) | ("shared",)
    ownership: tuple[str, ...]
    fields: dict[str, Field] = field(default_factory=dict)
    unique: list[list[str]] = field(default_factory=list)
    indexes: list[list[str]] = field(default_factory=list)
    description: str | None = None
    # Decided when drawing paths: list, create and replace under the parent (via or another foreign key).
    nested_under: str | None = None

    @property
    def pk(self) -> Field:
        return next(f for f in self.fields.values() if f.primary_key)

    @property
    def owner_field(self) -> str | None:
        return self.ownership[1] if self.ownership[0] == "owner_field" else None

    @property
    def via(self) -> str | None:
        return self.ownership[1] if self.ownership[0] == "via" else None

    @property
    def shared(self) -> bool:
        return self.ownership[0] == "shared"


@dataclass
class Operation:
    operation_id: str
    entity: str
    action: str
    method: str
    path: str
    # path parameter -> "subject" or a field name
    bindings: dict[str, str] = field(default_factory=dict)
    public: bool = False
    page: tuple[int, int] | None = None
    filters: list[Any] = field(default_factory=list)
    sort: tuple[list[str], str | None] | None = None
    status: str = "200"
    summary: str | None = None
    # Drawn by extras.py, each family from its own random stream (so the older draws keep their seeds).
    toggle_field: str | None = None  # toggle: the boolean it flips
    values: dict[str, Any] | None = None  # set: the values it sets
    group_by: list[str] = field(default_factory=list)  # aggregate
    measures: dict[str, Any] = field(default_factory=dict)  # aggregate: property -> "count" | {fn: field}
    # model.yaml's roles: (one of them required) and the contract's scopes (all required).
    roles: list[str] | None = None
    scopes: list[str] = field(default_factory=list)
    # list: filters may also hold {param, field, op} or {param, field, map}; a text search; a fixed order.
    search: tuple[str, list[str]] | None = None
    order: list[str] | None = None


@dataclass
class Auth:
    algorithms: list[str]
    key_source: str | None
    user_id_type: str
    claim: str | None
    issuer: str | None = None
    audience: Any = None
    leeway: int | None = None
    # auth.roles.claim: None (the default claims), a name or a list of names.
    role_claim: Any = None


@dataclass
class Spec:
    seed: int
    title: str
    openapi: str
    auth: Auth
    entities: dict[str, Entity] = field(default_factory=dict)
    operations: list[Operation] = field(default_factory=list)
    # Request schemas forbid unknown properties (additionalProperties: false) per entity and role.
    closed_bodies: dict[str, bool] = field(default_factory=dict)
    # Fields each entity's responses leave out (never the primary key).
    hidden: dict[str, set[str]] = field(default_factory=dict)
    # Optional create fields left out of the create schema, and fields left out of the update schema.
    create_omits: dict[str, set[str]] = field(default_factory=dict)
    update_omits: dict[str, set[str]] = field(default_factory=dict)


def body_fields(spec: Spec, e: Entity, role: str) -> list[Field]:
    """The fields a create (and replace) or an update body carries: none the server sets."""
    ops = [op for op in spec.operations if op.entity == e.name
           and (op.action == "update" if role == "update" else op.action in ("create", "replace"))]
    bound = {t for op in ops for t in op.bindings.values()}
    omits = (spec.update_omits if role == "update" else spec.create_omits).get(e.name, set())
    return [f for f in e.fields.values()
            if not f.generated and not f.read_only and f.name != e.owner_field and f.name not in bound
            and f.name not in omits]
