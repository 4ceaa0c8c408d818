"""Writes an abstract spec as a spec folder: model.yaml and contracts/openapi.yaml, agreeing."""
from __future__ import annotations

from pathlib import Path
from typing import Any

from . import yaml_out
from .spec import Entity, Field, Operation, Spec, body_fields

ERROR_RESPONSES = {
    "401": ("Unauthorized", "Missing, expired or invalid bearer token.", "Error"),
    "403": ("Forbidden", "A valid token without the role or scope required.", "Error"),
    "404": ("NotFound", "No such resource for this user.", "Error"),
    "409": ("Conflict", "A constraint would be broken.", "Error"),
    "422": ("ValidationError", "The request did not match the contract.", "ValidationErrorBody"),
}
FIELD_KEYS = ["min_length", "max_length", "pattern", "minimum", "maximum", "precision", "scale", "values",
              "items", "min_items", "max_items"]


def write(spec: Spec, folder: Path) -> None:
    (folder / "contracts").mkdir(parents=True, exist_ok=True)
    header = f"# Drawn by proptest from seed {spec.seed}; replay: python3 proptest/run.py --seed {spec.seed}\n"
    (folder / "model.yaml").write_text(header + yaml_out.dump(model(spec)), encoding="utf-8")
    (folder / "contracts" / "openapi.yaml").write_text(header + yaml_out.dump(contract(spec)), encoding="utf-8")


# -- model.yaml -------------------------------------------------------------------------------------

def model(spec: Spec) -> dict[str, Any]:
    auth: dict[str, Any] = {"algorithms": spec.auth.algorithms}
    if spec.auth.key_source:
        auth["key_source"] = spec.auth.key_source
    user_id: dict[str, Any] = {"type": spec.auth.user_id_type}
    if spec.auth.claim:
        user_id["claim"] = spec.auth.claim
    auth["user_id"] = user_id
    if spec.auth.issuer:
        auth["issuer"] = spec.auth.issuer
    if spec.auth.audience:
        auth["audience"] = spec.auth.audience
    if spec.auth.leeway is not None:
        auth["leeway_seconds"] = spec.auth.leeway
    if spec.auth.role_claim is not None:
        auth["roles"] = {"claim": spec.auth.role_claim}
    return {
        "specgen": 1,
        "service": {"title": spec.title},
        "auth": auth,
        "entities": {e.name: entity(e) for e in spec.entities.values()},
        "operations": {op.operation_id: binding(op) for op in spec.operations},
    }


def entity(e: Entity) -> dict[str, Any]:
    out: dict[str, Any] = {"table": e.table}
    if e.description:
        out["description"] = e.description
    out["ownership"] = {"shared": True} if e.shared else {e.ownership[0]: e.ownership[1]}
    out["fields"] = {f.name: field(f) for f in e.fields.values()}
    if e.unique:
        out["unique"] = e.unique
    if e.indexes:
        out["indexes"] = e.indexes
    return out


def field(f: Field) -> dict[str, Any]:
    out: dict[str, Any] = {"type": f.type}
    for flag in ["nullable", "primary_key", "read_only", "unique", "index"]:
        if getattr(f, flag):
            out[flag] = True
    if f.generated:
        out["generated"] = f.generated
    if f.has_default:
        out["default"] = f.default
    for name in FIELD_KEYS:
        if name in f.constraints:
            out[name] = f.constraints[name]
    if f.foreign_key:
        out["foreign_key"] = {"entity": f.foreign_key[0], "field": f.foreign_key[1], "on_delete": f.foreign_key[2]}
    if f.description:
        out["description"] = f.description
    return out


def binding(op: Operation) -> dict[str, Any]:
    out: dict[str, Any] = {"entity": op.entity, "action": op.action} if op.entity else {"action": op.action}
    if op.action == "health":
        return out
    if op.toggle_field:
        out["field"] = op.toggle_field
    if op.values is not None:
        out["values"] = dict(op.values)
    if op.group_by:
        out["group_by"] = list(op.group_by)
        out["measures"] = dict(op.measures)
    if op.public:
        out["auth"] = "public"
    if op.roles is not None:
        out["roles"] = list(op.roles)
    if op.bindings:
        out["path"] = dict(op.bindings)
    if op.page:
        out["page"] = {"default": op.page[0], "max": op.page[1]}
    if op.filters:
        out["filters"] = list(op.filters)
    if op.search:
        out["search"] = {"param": op.search[0], "fields": list(op.search[1])}
    if op.order:
        out["order"] = list(op.order)
    if op.sort:
        sort: dict[str, Any] = {"fields": op.sort[0]}
        if op.sort[1]:
            sort["default"] = op.sort[1]
        out["sort"] = sort
    return out


# -- the contract -------------------------------------------------------------------------------------

class ContractWriter:
    def __init__(self, spec: Spec) -> None:
        self.spec = spec
        self.v31 = spec.openapi.startswith("3.1")

    def schema(self, f: Field, *, constraints: bool = True, nullable: bool | None = None) -> dict[str, Any]:
        """The OpenAPI schema of a field, as docs/model-yaml.md's table of types says."""
        out = self.type_schema(f.type, f.constraints if constraints else {})
        if f.nullable if nullable is None else nullable:
            if self.v31:
                out["type"] = [out["type"], "null"]
            else:
                out["nullable"] = True
            if "enum" in out:
                out["enum"] = out["enum"] + [None]
        return out

    def type_schema(self, type_: str, c: dict[str, Any]) -> dict[str, Any]:
        out: dict[str, Any] = {
            "string": {"type": "string"}, "text": {"type": "string"}, "integer": {"type": "integer", "format": "int32"},
            "bigint": {"type": "integer", "format": "int64"}, "decimal": {"type": "string", "format": "decimal"},
            "float": {"type": "number"}, "boolean": {"type": "boolean"},
            "uuid": {"type": "string", "format": "uuid"}, "date": {"type": "string", "format": "date"},
            "datetime": {"type": "string", "format": "date-time"}, "enum": {"type": "string"},
            "json": {"type": "object"}, "array": {"type": "array"},
        }[type_]
        if type_ == "enum":
            out["enum"] = list(c.get("values", []))
        if type_ == "decimal":
            # JSON Schema does not check format: decimal; specgen asks for a pattern saying the digits.
            precision, scale = int(c.get("precision", 18)), int(c.get("scale", 0))
            negative = "minimum" not in c or float(c["minimum"]) < 0
            whole = max(1, precision - scale)
            fraction = f"(\\.\\d{{1,{scale}}})?" if scale > 0 else ""
            out["pattern"] = f"^{'-?' if negative else ''}\\d{{1,{whole}}}{fraction}$"
        for model_key, contract_key in [("min_length", "minLength"), ("max_length", "maxLength"),
                                        ("pattern", "pattern"), ("min_items", "minItems"),
                                        ("max_items", "maxItems")]:
            if model_key in c:
                out[contract_key] = c[model_key]
        if type_ in ("integer", "bigint", "float"):
            for name in ("minimum", "maximum"):
                if name in c:
                    out[name] = c[name]
        if type_ == "array":
            out["items"] = self.type_schema(c["items"]["type"], c["items"])
        return out

    def document(self) -> dict[str, Any]:
        spec = self.spec
        paths: dict[str, dict[str, Any]] = {}
        for op in spec.operations:
            paths.setdefault(op.path, {})[op.method] = self.operation(op)
        return {
            "openapi": spec.openapi,
            "info": {"title": spec.title, "version": "1.0.0"},
            "security": [{"bearerAuth": []}],
            "paths": paths,
            "components": {
                "securitySchemes": self.security_schemes(),
                "responses": self.responses(),
                "schemas": self.schemas(),
            },
        }

    def security_schemes(self) -> dict[str, Any]:
        schemes: dict[str, Any] = {"bearerAuth": {"type": "http", "scheme": "bearer", "bearerFormat": "JWT"}}
        scopes = sorted({s for op in self.spec.operations for s in op.scopes})
        if scopes and self.spec.openapi.startswith("3.0"):
            schemes["oauth"] = {"type": "oauth2", "flows": {"clientCredentials": {
                "tokenUrl": "https://auth.example/token", "scopes": {s: "The " + s + " scope." for s in scopes}}}}
        return schemes

    # -- which fields each shape holds --

    def body_fields(self, e: Entity, role: str) -> list[Field]:
        return body_fields(self.spec, e, role)

    def public_fields(self, e: Entity) -> list[Field]:
        hidden = self.spec.hidden[e.name]
        return [f for f in e.fields.values() if f.name not in hidden]

    def schemas(self) -> dict[str, Any]:
        out: dict[str, Any] = {}
        for e in self.spec.entities.values():
            ops = [op for op in self.spec.operations if op.entity == e.name]
            if not ops:
                continue
            fields = self.public_fields(e)
            out[e.name] = {"type": "object", "required": [f.name for f in fields],
                           "properties": {f.name: self.schema(f) for f in fields}}
            for role, actions in (("Create", ("create", "replace")), ("Update", ("update",))):
                if any(op.action in actions for op in ops):
                    body = self.body_fields(e, role.lower())
                    schema: dict[str, Any] = {"type": "object"}
                    if self.spec.closed_bodies[e.name]:
                        schema["additionalProperties"] = False
                    required = [f.name for f in body if role == "Create" and not f.nullable and not f.has_default]
                    if required:
                        schema["required"] = required
                    schema["properties"] = {f.name: self.schema(f) for f in body}
                    out[e.name + role] = schema
            if any(op.page for op in ops):
                out[e.name + "Page"] = {
                    "type": "object", "required": ["items", "total", "limit", "offset"],
                    "properties": {"items": {"type": "array", "items": {"$ref": f"#/components/schemas/{e.name}"}},
                                   "total": {"type": "integer"}, "limit": {"type": "integer"},
                                   "offset": {"type": "integer"}},
                }
        out["Error"] = {"type": "object", "required": ["detail"], "properties": {"detail": {"type": "string"}}}
        out["ValidationErrorBody"] = {"type": "object", "required": ["detail"],
                                      "properties": {"detail": {"type": "array", "items": {"type": "object"}}}}
        return out

    def responses(self) -> dict[str, Any]:
        grants = any(op.roles or op.scopes for op in self.spec.operations)
        return {name: {"description": text, "content": {"application/json": {
            "schema": {"$ref": f"#/components/schemas/{schema}"}}}}
            for status, (name, text, schema) in ERROR_RESPONSES.items() if status != "403" or grants}

    # -- one operation --

    def operation(self, op: Operation) -> dict[str, Any]:
        out: dict[str, Any] = {"operationId": op.operation_id}
        if op.summary:
            out["summary"] = op.summary
        if op.action == "health":
            return self.health(op, out)
        e = self.spec.entities[op.entity]
        if op.public:
            out["security"] = []
        elif op.scopes:
            # OpenAPI 3.0 gives scopes to OAuth2 schemes only; 3.1 lets a bearer scheme list them too.
            scheme = "oauth" if self.spec.openapi.startswith("3.0") else "bearerAuth"
            out["security"] = [{scheme: list(op.scopes)}]
        parameters = self.path_parameters(op, e) + self.query_parameters(op, e)
        if parameters:
            out["parameters"] = parameters
        role = {"create": "Create", "replace": "Create", "update": "Update"}.get(op.action)
        if role:
            out["requestBody"] = {"required": True, "content": {"application/json": {
                "schema": {"$ref": f"#/components/schemas/{e.name}{role}"}}}}
        responses: dict[str, Any] = {}
        if op.action == "delete" or op.status == "204":
            responses["204"] = {"description": "Deleted." if op.action == "delete" else "Done."}
        else:
            if op.action == "aggregate":
                schema = {"type": "array", "items": self.aggregate_row(op, e)}
            elif op.action == "list":
                schema = ({"$ref": f"#/components/schemas/{e.name}Page"} if op.page
                          else {"type": "array", "items": {"$ref": f"#/components/schemas/{e.name}"}})
            else:
                schema = {"$ref": f"#/components/schemas/{e.name}"}
            responses[op.status] = {"description": "Success.", "content": {"application/json": {"schema": schema}}}
        for status in self.error_statuses(op, e, bool(parameters), role):
            responses[status] = {"$ref": f"#/components/responses/{ERROR_RESPONSES[status][0]}"}
        out["responses"] = responses
        return out

    def health(self, op: Operation, out: dict[str, Any]) -> dict[str, Any]:
        """Liveness (200 only), or readiness (a 503 when the database does not answer)."""
        out["security"] = []
        ok = {"type": "object", "required": ["status"], "properties": {"status": {"type": "string", "enum": ["ok"]}}}
        out["responses"] = {"200": {"description": "Up.", "content": {"application/json": {"schema": ok}}}}
        if op.values and op.values.get("database"):
            out["responses"]["503"] = {"description": "The database does not answer.", "content": {
                "application/json": {"schema": {"$ref": "#/components/schemas/Error"}}}}
        return out

    def aggregate_row(self, op: Operation, e: Entity) -> dict[str, Any]:
        """One group: its group fields as the entity says them, and each measure."""
        properties: dict[str, Any] = {}
        for name in op.group_by:
            properties[name] = self.schema(e.fields[name])
        for name, measure in op.measures.items():
            if measure == "count":
                properties[name] = {"type": "integer"}
                continue
            function, target = next(iter(measure.items()))
            whole = e.fields[target].type in ("integer", "bigint") and function in ("sum", "min", "max")
            properties[name] = {"type": "integer" if whole else "number"}
            if self.nullable_measure(e, target, function):
                properties[name] = self.nullable(properties[name])
        return {"type": "object", "required": list(properties), "properties": properties}

    @staticmethod
    def nullable_measure(e: Entity, target: str, function: str) -> bool:
        """A sum over a group whose values are all null is null."""
        return e.fields[target].nullable

    def nullable(self, schema: dict[str, Any]) -> dict[str, Any]:
        out = dict(schema)
        if self.v31:
            out["type"] = [out["type"], "null"]
        else:
            out["nullable"] = True
        return out

    def path_parameters(self, op: Operation, e: Entity) -> list[dict[str, Any]]:
        out = []
        for name, target in op.bindings.items():
            if target == "subject":
                schema = {"uuid": {"type": "string", "format": "uuid"}, "int": {"type": "integer"},
                          "string": {"type": "string"}}[self.spec.auth.user_id_type]
            else:
                schema = self.schema(e.fields[target], constraints=False, nullable=False)
            out.append({"name": name, "in": "path", "required": True, "schema": schema})
        return out

    def query_parameters(self, op: Operation, e: Entity) -> list[dict[str, Any]]:
        out = []
        if op.page:
            out.append({"name": "limit", "in": "query", "schema": {"type": "integer", "minimum": 1,
                                                                  "maximum": op.page[1], "default": op.page[0]}})
            out.append({"name": "offset", "in": "query", "schema": {"type": "integer", "minimum": 0, "default": 0}})
        for name in op.filters:
            if isinstance(name, dict):
                out.append({"name": name["param"], "in": "query", "schema": self.filter_schema(e, name)})
                continue
            out.append({"name": name, "in": "query",
                        "schema": self.schema(e.fields[name], constraints=False, nullable=False)})
        if op.search:
            out.append({"name": op.search[0], "in": "query", "schema": {"type": "string"}})
        if op.sort:
            keys = [k for f in op.sort[0] for k in (f, "-" + f)]
            schema: dict[str, Any] = {"type": "string", "enum": keys}
            if op.sort[1]:
                schema["default"] = op.sort[1]
            out.append({"name": "sort", "in": "query", "schema": schema})
        return out

    def filter_schema(self, e: Entity, f: dict[str, Any]) -> dict[str, Any]:
        if "map" in f:
            return {"type": "string", "enum": list(f["map"])}
        if f["op"] == "is_null":
            return {"type": "boolean"}
        field = e.fields[f["field"]]
        schema = self.type_schema(field.type, {"values": field.constraints["values"]} if field.type == "enum" else {})
        return {"type": "array", "items": schema} if f["op"] == "in" else schema

    def error_statuses(self, op: Operation, e: Entity, has_parameters: bool, role: str | None) -> list[str]:
        """What the generated route can answer, as the validator requires it declared."""
        statuses = []
        if not op.public:
            statuses.append("401")
        if op.roles or op.scopes:
            statuses.append("403")
        pk = e.pk.name
        guarded = any(t != pk and (t == "subject" or e.fields[t].foreign_key) for t in op.bindings.values())
        body = self.body_fields(e, role.lower()) if role else []
        owned_parent_in_body = any(f.foreign_key and not self.spec.entities[f.foreign_key[0]].shared for f in body)
        if op.action in ("get", "update", "replace", "delete", "toggle", "set") or guarded or owned_parent_in_body:
            statuses.append("404")
        unique = bool(e.unique) or any(f.unique and not f.primary_key for f in e.fields.values())
        referenced = any(f.foreign_key and f.foreign_key[0] == e.name and f.foreign_key[2] not in ("cascade", "set_null")
                         for other in self.spec.entities.values() for f in other.fields.values())
        # A body naming a shared parent that does not exist is a 409 (a 404 where one is declared anyway).
        shared_parent_in_body = any(f.foreign_key and self.spec.entities[f.foreign_key[0]].shared for f in body)
        if ((op.action in ("create", "update", "replace") and unique) or (op.action == "delete" and referenced)
                or (shared_parent_in_body and "404" not in statuses)):
            statuses.append("409")
        if has_parameters or role:
            statuses.append("422")
        return statuses


def contract(spec: Spec) -> dict[str, Any]:
    return ContractWriter(spec).document()
