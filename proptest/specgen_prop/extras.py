"""The draws added after the first suite: each family from a random stream of its own.

draw.py's one random.Random(seed) decides the entities, fields and the six first actions; every family
here reads its own random.Random(f"{seed}:{family}"), so adding a family, or a choice within one,
never changes what the older draws make of a seed (the CI seeds keep their entities and fields).
A family is one method of Extras; spec.py holds what it draws and emit.py how it is written.
"""
from __future__ import annotations

import random
import re

from .spec import Entity, Field, Operation, Spec

NUMERIC = ("integer", "bigint", "decimal", "float")


def snake(name: str) -> str:
    return re.sub(r"(?<!^)(?=[A-Z])", "_", name).lower()


class Extras:
    def __init__(self, spec: Spec, operation_ids: set[str], avoid: set[str]) -> None:
        self.spec = spec
        self.avoid = avoid
        self.operation_ids = operation_ids
        self.rng = random.Random(0)

    def family(self, name: str) -> None:
        self.rng = random.Random(f"{self.spec.seed}:{name}")

    def chance(self, p: float) -> bool:
        return self.rng.random() < p

    def pick(self, items: list):
        return items[self.rng.randrange(len(items))]

    def operation_id(self, action: str, entity: str) -> str:
        base = action + entity
        candidate, n = base, 2
        while candidate in self.operation_ids:
            candidate, n = f"{base}{n}", n + 1
        self.operation_ids.add(candidate)
        return candidate

    def ops_of(self, e: Entity) -> list[Operation]:
        return [op for op in self.spec.operations if op.entity == e.name]

    def item_op(self, e: Entity) -> Operation | None:
        """An operation on one row (its path names the primary key), to hang row commands under."""
        return next((op for op in self.ops_of(e) if op.action in ("get", "update", "replace", "delete")
                     and e.pk.name in op.bindings.values()), None)

    def collection_op(self, e: Entity) -> Operation | None:
        return next((op for op in self.ops_of(e) if op.action in ("list", "create")), None)

    def taken_paths(self) -> set[tuple[str, str]]:
        return {(op.method, op.path) for op in self.spec.operations}

    # -- the row commands and the entity-less actions: toggle, set, aggregate, health --------------

    def actions(self) -> None:
        self.family("actions")
        spec = self.spec
        added: list[Operation] = []
        for e in spec.entities.values():
            item = self.item_op(e)
            if item is not None and self.chance(0.5):
                flag = self.toggle_field(e)
                if flag:
                    added.append(self.command(e, item, "toggle", ["toggle", "complete", "flip"],
                                              toggle_field=flag))
            if item is not None and self.chance(0.4):
                values = self.set_values(e)
                if values:
                    added.append(self.command(e, item, "set", ["archive", "mark", "reset"], values=values))
            collection = self.collection_op(e)
            if collection is not None and self.chance(0.4):
                aggregate = self.aggregate(e, collection)
                if aggregate:
                    added.append(aggregate)
        if self.chance(0.4):
            added.append(Operation(operation_id=self.operation_id("health", ""), entity="", action="health",
                                   method="get", path=self.pick(["/health", "/healthz", "/ready"]), public=True,
                                   summary=self.pick([None, "Liveness"]),
                                   values={"database": self.chance(0.5)}))
        taken = self.taken_paths()
        for op in added:
            if (op.method, op.path) not in taken:
                taken.add((op.method, op.path))
                spec.operations.append(op)

    def toggle_field(self, e: Entity) -> str | None:
        flags = [f.name for f in e.fields.values() if f.type == "boolean" and not f.nullable
                 and not f.primary_key and not f.foreign_key]
        return self.pick(flags) if flags else None

    def set_values(self, e: Entity) -> dict | None:
        fit = [f for f in e.fields.values() if not f.primary_key and not f.foreign_key and not f.generated
               and f.name != e.owner_field and f.type in ("boolean", "enum") and not f.unique]
        if not fit:
            return None
        chosen = self.rng.sample(fit, min(len(fit), self.pick([1, 1, 2])))
        values = {}
        for f in chosen:
            values[f.name] = (self.chance(0.5) if f.type == "boolean" else self.pick(f.constraints["values"]))
        if "set-hidden-field" in self.avoid:
            values = {name: v for name, v in values.items() if name not in self.spec.hidden.get(e.name, set())}
        return values or None

    def command(self, e: Entity, item: Operation, action: str, words: list[str], **extra) -> Operation:
        method = self.pick(["patch", "post", "put"])
        return Operation(operation_id=self.operation_id(action, e.name), entity=e.name, action=action,
                         method=method, path=item.path + "/" + self.pick(words), bindings=dict(item.bindings),
                         status=self.pick(["200", "200"] + ([] if "command-answers-204" in self.avoid else ["204"])), summary=self.pick([None, f"{action} one"]),
                         **extra)

    def aggregate(self, e: Entity, collection: Operation) -> Operation | None:
        if "aggregate-under-path-parameters" in self.avoid and collection.bindings:
            return None
        if "aggregate-without-item-route" in self.avoid and self.item_op(e) is None:
            return None
        if "aggregate-on-shared-entity" in self.avoid and e.shared:
            return None
        groups = [f.name for f in e.fields.values() if not f.primary_key and f.name != e.owner_field
                  and f.type in ("enum", "boolean", "string", "integer", "date", "uuid")
                  and f.name not in collection.bindings.values()]
        if not groups:
            return None
        measures: dict = {self.pick(["count", "n", "rows"]): "count"}
        numbers = [f.name for f in e.fields.values() if f.type in NUMERIC and not f.primary_key
                   and f.name != e.owner_field and not f.foreign_key]
        if numbers and self.chance(0.7):
            function = self.pick(["sum", "sum", "min", "max", "avg"])
            target = self.pick(numbers)
            measures[f"{function}_{target}"] = {function: target}
        group_by = self.rng.sample(groups, 1 if len(groups) == 1 or self.chance(0.7) else 2)
        measures = {k: v for k, v in measures.items() if k not in group_by}
        return Operation(operation_id=self.operation_id("summarize", e.name), entity=e.name, action="aggregate",
                         method="get", path=collection.path + "/" + self.pick(["summary", "stats"]),
                         bindings={k: v for k, v in collection.bindings.items()}, group_by=group_by,
                         measures=measures)


ORDERED = ("integer", "bigint", "float", "decimal", "date", "datetime")


class ListOptions:
    """Filters with operators and value maps, a text search and a fixed order, on the drawn lists."""

    def __init__(self, extras: Extras) -> None:
        self.x = extras

    def draw(self) -> None:
        x = self.x
        x.family("list")
        for op in x.spec.operations:
            if op.action != "list":
                continue
            e = x.spec.entities[op.entity]
            taken = {"limit", "offset", "sort"} | set(op.bindings) | {f for f in op.filters if isinstance(f, str)}
            if x.chance(0.6):
                for _ in range(x.pick([1, 1, 2, 3])):
                    drawn = self.filter(e, op, taken)
                    if drawn:
                        op.filters.append(drawn)
            texts = [f.name for f in e.fields.values() if f.type in ("string", "text") and not f.primary_key
                     and f.name != e.owner_field and not f.foreign_key]
            if texts and x.chance(0.4):
                if "search-field-also-filtered" in x.avoid:
                    filtered = {f["field"] if isinstance(f, dict) else f for f in op.filters}
                    texts = [name for name in texts if name not in filtered]
                param = next((p for p in ("q", "search", "query", "text_q") if p not in taken), None)
                if param and texts:
                    taken.add(param)
                    op.search = (param, x.rng.sample(texts, min(len(texts), x.pick([1, 2]))))
            if op.sort is None and x.chance(0.5):
                orderable = [f.name for f in e.fields.values() if f.type not in ("json", "array")]
                fields = x.rng.sample(orderable, min(len(orderable), x.pick([1, 1, 2])))
                op.order = [name if x.chance(0.5) else "-" + name for name in fields]

    def filter(self, e: Entity, op: Operation, taken: set[str]) -> dict | None:
        x = self.x
        bound = set(op.bindings.values())
        fit = [f for f in e.fields.values() if f.type not in ("json", "array") and not f.primary_key
               and f.name not in bound and f.name != e.owner_field]
        if not fit:
            return None
        f: Field = x.pick(fit)
        forms = ["neq"] if f.type in ("string", "enum", "integer", "bigint", "uuid", "boolean") else []
        forms += ["gte", "lte", "gt", "lt"] if f.type in ORDERED else []
        forms += ["in"] if f.type in ("string", "enum", "integer", "uuid") else []
        forms += ["is_null"] if f.nullable else []
        forms += ["map"] if f.type in ("boolean", "enum") else []
        if not forms:
            return None
        form = x.pick(forms)
        suffix = {"neq": "_not", "gte": "_from", "lte": "_to", "gt": "_after", "lt": "_before", "in": "_in",
                  "is_null": "_missing", "map": "_state"}[form]
        param = x.pick([f.name.strip("_") + suffix, "f_" + f.name.strip("_") + suffix])
        if param in taken or param in e.fields:
            return None
        taken.add(param)
        if form != "map":
            return {"param": param, "field": f.name, "op": form}
        if f.type == "boolean":
            mapping = x.pick([{"pending": False, "completed": True, "all": None}, {"yes": True, "no": False}])
        else:
            mapping = {f"v{i}": value for i, value in enumerate(f.constraints["values"])}
            if x.chance(0.5):
                mapping["any"] = None
        return {"param": param, "field": f.name, "map": mapping}


def extend(spec: Spec, operation_ids: set[str], avoid: set[str]) -> Spec:
    extras = Extras(spec, operation_ids, avoid)
    extras.actions()
    ListOptions(extras).draw()
    return spec
