#!/usr/bin/env bash
# Starts a generated backend and runs Schemathesis against it with the spec's own input contract and
# a valid token: no 5xx, every status documented, every response matching its schema.
# usage: contract-test.sh GENERATED_DIR CONTRACT DATABASE_URL APP_PYTHON ST_BIN [MODEL_YAML]
# MODEL_YAML defaults to the spec folder's model.yaml, beside contracts/; the corpus keeps its models apart
# from the contracts it reads.
set -euo pipefail
out="$1"; contract="$2"; db="$3"; python="$4"; st="$5"
model="${6:-$(dirname "$contract")/../model.yaml}"
cd "$out"
port="$("$python" -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()')"
log="$(mktemp)"
token_file="$(mktemp)"
rm -f "$token_file"
# tests.serve runs the app with the suite's own test keys (a secret, a PEM key or a loopback JWKS)
# and writes a valid bearer header for one user.
DATABASE_URL="$db" "$python" -m tests.serve "$port" "$token_file" >"$log" 2>&1 &
server=$!
trap 'kill $server 2>/dev/null || true; wait $server 2>/dev/null || true; rm -f "$log" "$token_file"' EXIT
for _ in $(seq 1 100); do
  [ -s "$token_file" ] && "$python" -c "import urllib.request; urllib.request.urlopen('http://127.0.0.1:$port/openapi.json', timeout=1)" 2>/dev/null && break
  sleep 0.2
done
auth="$(cat "$token_file")"
# The served document must be the input contract itself (the contract is the server's law).
"$(dirname "$st")/python" - "$contract" "http://127.0.0.1:$port/openapi.json" <<'PY'
import json, sys, urllib.request, yaml


class Yaml12(yaml.SafeLoader):
    """PyYAML reads YAML 1.1 timestamps as dates; specgen (YAML 1.2) keeps them as the strings written
    (2026-01-15T10:30:00Z stays that, not +00:00)."""


Yaml12.yaml_implicit_resolvers = {
    first: [(tag, regexp) for tag, regexp in resolvers if tag != "tag:yaml.org,2002:timestamp"]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}


def plain(value):
    if isinstance(value, dict):
        return {str(k): plain(v) for k, v in value.items()}
    if isinstance(value, list):
        return [plain(v) for v in value]
    return value

with open(sys.argv[1], encoding="utf-8") as handle:
    contract = plain(yaml.load(handle, Loader=Yaml12))
served = json.load(urllib.request.urlopen(sys.argv[2], timeout=10))
if served != contract:
    sys.exit(f"{sys.argv[2]} is not the input contract {sys.argv[1]}")
print("served /openapi.json equals the input contract")
PY
# Every check Schemathesis has (--checks all: negative data, response schemas for every status,
# Allow headers, object-level authorization, ...). A path parameter model.yaml binds to the token's
# subject is pinned to the test user's id, so requests get past the subject check and reach the
# operation. Schemathesis's coverage phase still counts a pinned parameter's "too long" variant as
# invalid data although the pin replaced it (a false ST201), so that phase runs its negative check
# without the pin, and everything else with it.
#
# A body naming a row that does not exist (a random id Schemathesis makes up for a foreign key) is
# refused with the status the contract declares for it, which may be its 400 or 422 (app.errors'
# reference_status): schema-valid data that no schema can tell apart from valid, which is what
# Schemathesis's positive_data_acceptance lets an operation list among its expected statuses. Only the
# operations whose body names a foreign key get it, and only that one status.
references="$(DATABASE_URL="$db" "$python" -c "import json, sys
from app.errors import OPERATIONS, reference_status
print(json.dumps({f'{method} {path}': reference_status(method, path) for method, path in OPERATIONS}))")"
config="$(mktemp)"
"$(dirname "$st")/python" - "$contract" "$model" "$auth" "$references" > "$config" <<'PY'
import base64, json, sys, yaml
contract, model_path, auth, references = sys.argv[1:5]
references = json.loads(references)
with open(model_path, encoding="utf-8") as handle:
    model = yaml.safe_load(handle)
claim = ((model.get("auth") or {}).get("user_id") or {}).get("claim", "sub")
payload = auth.split()[1].split(".")[1]
subject = json.loads(base64.urlsafe_b64decode(payload + "=" * (-len(payload) % 4)))[claim]
pinned = sorted({name for binding in (model.get("operations") or {}).values()
                 for name, target in ((binding or {}).get("path") or {}).items() if target == "subject"})
print("[parameters]")
for name in pinned:
    print(f'"path.{name}" = {json.dumps(str(subject))}')
with open(contract, encoding="utf-8") as handle:
    document = yaml.safe_load(handle)


def deref(node):
    while isinstance(node, dict) and isinstance(node.get("$ref"), str) and node["$ref"].startswith("#/"):
        target = document
        for part in node["$ref"][2:].split("/"):
            target = target[part.replace("~1", "/").replace("~0", "~")]
        node = target
    return node if isinstance(node, dict) else {}


def members(schema):
    schema = deref(schema)
    names = set(schema.get("properties") or {})
    for part in schema.get("allOf") or []:
        names |= members(part)
    return names


entities = model.get("entities") or {}
operations = {}
for path, item in (document.get("paths") or {}).items():
    for method, operation in (item or {}).items():
        if isinstance(operation, dict) and "requestBody" in operation:
            operations[operation.get("operationId")] = (method.upper(), path, operation)
for key, binding in (model.get("operations") or {}).items():
    found = operations.get(key)
    entity = entities.get((binding or {}).get("entity") or "") or {}
    if found is None or not entity:
        continue
    method, path, operation = found
    content = (deref(operation["requestBody"]).get("content") or {})
    schema = next((media.get("schema") for media in content.values() if isinstance(media, dict)), None)
    keys = {name for name, spec in (entity.get("fields") or {}).items() if (spec or {}).get("foreign_key")}
    status = references.get(f"{method} {path}")
    if schema is None or not (members(schema) & keys) or status in (None, 404, 409):
        continue
    print("[[operations]]")
    print(f"include-name = {json.dumps(method + ' ' + path)}")
    expected = ["2xx", "3xx", "401", "403", "404", "409", "429", "5xx", str(status)]
    print(f"checks.positive_data_acceptance.expected-statuses = {json.dumps(expected)}")
PY
# The contract's servers may put its paths under a base path (servers: [{url: .../api}]): Schemathesis
# calls them there, as a client generated from the contract would.
base="$("$(dirname "$st")/python" - "$contract" <<'PY'
import sys, urllib.parse, yaml
with open(sys.argv[1], encoding="utf-8") as handle:
    servers = (yaml.safe_load(handle) or {}).get("servers") or []
url = (servers[0].get("url") or "") if servers else ""
for name, variable in ((servers[0].get("variables") or {}) if servers else {}).items():
    url = url.replace("{" + name + "}", str(variable.get("default", "")))
print(urllib.parse.urlsplit(url).path.rstrip("/"))
PY
)"
common=(--url "http://127.0.0.1:$port$base" -H "Authorization: $auth" --max-examples "${SPECGEN_ST_MAX_EXAMPLES:-25}" --seed 20261126
  --request-timeout 10 --no-color --warnings off)
# PostgreSQL cannot store a NUL character in text (SQLite can). The server answers a string holding one
# with the contract's invalid-input status ("a value does not fit its column", docs/model-yaml.md: Types),
# which Schemathesis would count as a valid request refused, so on PostgreSQL it sends none.
case "$db" in
  postgresql*) common+=(--generation-allow-x00 false) ;;
esac
# Bounded: a fixed seed, 25 examples per operation (SPECGEN_ST_MAX_EXAMPLES; the corpus leg takes fewer)
# and a request timeout keep CI time predictable
# (--max-time would make every run last the whole budget), and timeout guards against a hang.
status=0
timeout 600 "$st" --config-file "$config" run "$contract" "${common[@]}" --checks all \
  --phases examples,fuzzing || status=1
# Stateful links carry values from one response into the next request; a null foreign key becomes
# the text "None" in a path, a request Schemathesis then wrongly counts as valid. Every other check runs.
timeout 600 "$st" --config-file "$config" run "$contract" "${common[@]}" --checks all \
  --exclude-checks positive_data_acceptance --phases stateful || status=1
timeout 600 "$st" --config-file "$config" run "$contract" "${common[@]}" --checks all \
  --exclude-checks negative_data_rejection --phases coverage || status=1
timeout 600 "$st" run "$contract" "${common[@]}" --checks negative_data_rejection --phases coverage || status=1
rm -f "$config"
if [ "$status" -ne 0 ]; then
  echo "--- server log (last 40 lines) ---"
  tail -n 40 "$log"
  exit 1
fi
