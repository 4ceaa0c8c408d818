#!/usr/bin/env python3
"""Writes a synthetic spec folder with N owned entities and 5 operations each (list, create, get,
update, delete), so N=200 gives 1,000 operations. Deterministic: the same N gives the same bytes.

    python3 bench/synth.py N OUT_DIR
"""
import json
import sys
from pathlib import Path


def entity_name(i: int) -> str:
    return f"Thing{i:04d}"


def main() -> None:
    n, out = int(sys.argv[1]), Path(sys.argv[2])
    (out / "contracts").mkdir(parents=True, exist_ok=True)
    model = [
        "# yaml-language-server: $schema=../../specs-schema/model.schema.json",
        "specgen: 1",
        "service:",
        f"  title: Synthetic {n}",
        "auth:",
        "  algorithms: [HS256]",
        "  user_id: {type: string}",
        "entities:",
    ]
    paths: dict = {}
    schemas: dict = {}
    operations = ["operations:"]
    for i in range(n):
        name = entity_name(i)
        table = f"thing_{i:04d}"
        has_parent = i > 0 and i % 2 == 1
        model += [
            f"  {name}:",
            f"    table: {table}",
            "    ownership: {owner_field: owner_id}",
            "    fields:",
            "      id: {type: uuid, primary_key: true, generated: uuid}",
            "      owner_id: {type: string, max_length: 64}",
            "      name: {type: string, min_length: 1, max_length: 100}",
            "      amount: {type: integer, minimum: 0, maximum: 1000, default: 0}",
            "      done: {type: boolean, default: false}",
            "      created_at: {type: datetime, generated: created}",
        ]
        if has_parent:
            model.append(f"      parent_id: {{type: uuid, nullable: true, foreign_key: {{entity: {entity_name(i - 1)},"
                         " field: id, on_delete: cascade}}")
        props = {
            "name": {"type": "string", "minLength": 1, "maxLength": 100},
            "amount": {"type": "integer", "minimum": 0, "maximum": 1000},
            "done": {"type": "boolean"},
        }
        if has_parent:
            props["parent_id"] = {"type": ["string", "null"], "format": "uuid"}
        public = {"id": {"type": "string", "format": "uuid"}, **props,
                  "created_at": {"type": "string", "format": "date-time"}}
        schemas[name] = {"type": "object", "additionalProperties": False, "required": sorted(public),
                         "properties": public}
        schemas[f"{name}Create"] = {"type": "object", "additionalProperties": False, "required": ["name"],
                                    "properties": props}
        schemas[f"{name}Update"] = {"type": "object", "additionalProperties": False, "properties": props}
        ref = {"$ref": f"#/components/schemas/{name}"}
        errors = {"401": {"$ref": "#/components/responses/Error"}, "422": {"$ref": "#/components/responses/Error"}}
        item_errors = {**errors, "404": {"$ref": "#/components/responses/Error"}}
        body = lambda schema: {"required": True, "content": {"application/json": {  # noqa: E731
            "schema": {"$ref": f"#/components/schemas/{schema}"}}}}
        ok = lambda status, schema: {status: {"description": "OK", "content": {  # noqa: E731
            "application/json": {"schema": schema}}}}
        paths[f"/things{i:04d}"] = {
            "get": {"operationId": f"list{name}", "summary": "List",
                    "responses": {**ok("200", {"type": "array", "items": ref}), **errors}},
            "post": {"operationId": f"create{name}", "summary": "Create", "requestBody": body(f"{name}Create"),
                     "responses": {**ok("201", ref), **(item_errors if has_parent else errors)}},
        }
        paths[f"/things{i:04d}/{{id}}"] = {
            "parameters": [{"name": "id", "in": "path", "required": True, "schema": {"type": "string", "format": "uuid"}}],
            "get": {"operationId": f"get{name}", "summary": "Get", "responses": {**ok("200", ref), **item_errors}},
            "patch": {"operationId": f"update{name}", "summary": "Update", "requestBody": body(f"{name}Update"),
                      "responses": {**ok("200", ref), **item_errors}},
            "delete": {"operationId": f"delete{name}", "summary": "Delete",
                       "responses": {"204": {"description": "Deleted"}, **item_errors}},
        }
        for action, op in (("list", "list"), ("create", "create"), ("get", "get"), ("update", "update"),
                           ("delete", "delete")):
            line = f"  {op}{name}: {{entity: {name}, action: {action}"
            if action in ("get", "update", "delete"):
                line += ", path: {id: id}"
            operations.append(line + "}")
    contract = {
        "openapi": "3.1.0",
        "info": {"title": f"Synthetic {n}", "version": "1.0.0"},
        "security": [{"bearer": []}],
        "paths": paths,
        "components": {
            "securitySchemes": {"bearer": {"type": "http", "scheme": "bearer", "bearerFormat": "JWT"}},
            "responses": {"Error": {"description": "Error", "content": {"application/json": {
                "schema": {"type": "object", "properties": {"detail": {}}}}}}},
            "schemas": schemas,
        },
    }
    (out / "model.yaml").write_text("\n".join(model + operations) + "\n")
    (out / "contracts" / "openapi.yaml").write_text(json.dumps(contract, indent=1) + "\n")


if __name__ == "__main__":
    main()
