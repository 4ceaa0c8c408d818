#!/usr/bin/env python3
"""Turn a model.yaml into its all-door variant: every operation bound `action: handwritten`.

    scripts/corpus-door.py MODEL.yaml OUT.yaml

Each binding keeps what a hand-written operation can use of it: its path subject bindings
({user_id: subject}), its auth, and the entities it names (entity: X becomes entities: [X]); the
rest (filters, pages, envelopes, fields) is dropped. Service, auth and entities stay as they are.
The result shows whether specgen's door serves every operation of a contract: it must validate,
generate, import, lint, and pass its plumbing tests with every handler still a stub.
"""

import sys

import yaml


def door(binding: dict) -> dict:
    out: dict = {"action": "handwritten"}
    subject = {k: v for k, v in (binding.get("path") or {}).items() if v == "subject"}
    if subject:
        out["path"] = subject
    if "auth" in binding:
        out["auth"] = binding["auth"]
    elif binding.get("action") == "health":
        out["auth"] = "public"  # a health check is public unless the contract secures it; a door says so
    entities = list(binding.get("entities") or [])
    if binding.get("entity") and binding["entity"] not in entities:
        entities.append(binding["entity"])
    if entities:
        out["entities"] = entities
    return out


def main() -> int:
    if len(sys.argv) != 3:
        print(__doc__.strip().splitlines()[2].strip(), file=sys.stderr)
        return 2
    with open(sys.argv[1], encoding="utf-8") as f:
        model = yaml.safe_load(f)
    model["operations"] = {key: door(b or {}) for key, b in (model.get("operations") or {}).items()}
    with open(sys.argv[2], "w", encoding="utf-8") as f:
        f.write("# All-door variant of " + sys.argv[1] + " (scripts/corpus-door.py); do not edit.\n")
        yaml.safe_dump(model, f, sort_keys=False, allow_unicode=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
