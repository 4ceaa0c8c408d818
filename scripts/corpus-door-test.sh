#!/usr/bin/env bash
# The hand-written door against real contracts: for every case of the corpus that has a model.yaml in
# the project (corpus/<case>/model.yaml), its all-door variant (scripts/corpus-door.py: every
# operation bound action: handwritten) must generate a backend that imports, passes ruff and mypy with
# its own settings, and passes its suite with every handler still the stub: the handlers' tests skip as
# not implemented, the plumbing tests (tokens, the path's user id, validation, declared errors) pass.
# A variant that blocks prints its blockers; that is the contract's gap, not the door's (the corpus leg
# asserts each gap), and fails this leg only with DOOR_STRICT=1. The project's own door fixture
# (generator/src/test/resources/doors: every shape a door serves) always runs and must pass.
#
#   scripts/corpus-door-test.sh [CASE...]      (SPECGEN_CORPUS: the corpus folder, default ../shared/corpus)
set -uo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
cd "$root"
venv="${SPECGEN_VENV:-$root/.cache/venv}"
py="$venv/bin/python"
corpus="${SPECGEN_CORPUS:-$root/../shared/corpus}"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
failures=0
# corpus-door.py reads YAML with PyYAML, which the generated backends do not need.
"${SPECGEN_PY3:-python3}" -c "import yaml" 2>/dev/null || { echo "corpus-door-test: ${SPECGEN_PY3:-python3} has no PyYAML (pip install pyyaml, or set SPECGEN_PY3)" >&2; exit 1; }

# run NAME SPEC_DIR: generate, import, lint, test; 0 when all pass, 3 when specgen blocks.
run() {
  local name="$1" spec="$2" out="$work/out-$1"
  if ! ./specgen validate "$spec" > "$work/$name.validate" 2>&1; then
    echo "== $name: blocked (the contract's gaps):"
    grep -E ' error SG[0-9]+' "$work/$name.validate" | sed -E 's/^/   /' | cut -c1-220
    return 3
  fi
  echo "== $name: generate"
  ./specgen generate "$spec" --out "$out" > "$work/$name.generate" 2>&1 || { cat "$work/$name.generate"; return 1; }
  echo "== $name: import"
  (cd "$out" && JWT_SECRET="door-test-secret-0123456789abcdef0123456789" "$py" -c "import app.main") || return 1
  echo "== $name: ruff check, ruff format --check, mypy app"
  (cd "$out" && "$venv/bin/ruff" check --no-cache -q . && "$venv/bin/ruff" format --check --no-cache -q . \
    && "$venv/bin/mypy" --cache-dir=/dev/null app) || return 1
  echo "== $name: pytest on SQLite (stub handlers skip as not implemented)"
  (cd "$out" && env -u DATABASE_URL "$py" -m pytest -q -p no:cacheprovider -rs 2>&1 | tail -3) || return 1
  (cd "$out" && env -u DATABASE_URL "$py" -m pytest -q -p no:cacheprovider > /dev/null 2>&1) || return 1
}

run doors-fixture "$root/generator/src/test/resources/doors" || { echo "FAIL: the door fixture"; failures=$((failures + 1)); }

if [ ! -d "$corpus" ]; then
  if [ "${CI:-}" = "true" ]; then
    echo "corpus-door-test: no corpus at $corpus (set SPECGEN_CORPUS); in CI it is mandatory" >&2
    exit 1
  fi
  echo "corpus-door-test: no corpus at $corpus; only the door fixture ran (set SPECGEN_CORPUS to run the cases)"
  exit $((failures > 0))
fi

cases=("$@")
if [ ${#cases[@]} -eq 0 ]; then
  for dir in "$corpus"/*/; do cases+=("$(basename "$dir")"); done
fi
blocked=0
for name in "${cases[@]}"; do
  model="$root/corpus/$name/model.yaml"
  if [ ! -f "$model" ]; then
    echo "== $name: no corpus/$name/model.yaml in the project; skipped"
    continue
  fi
  spec="$work/$name"
  mkdir -p "$spec"
  cp -R "$corpus/$name/contracts" "$spec/contracts"
  [ -f "$corpus/$name/data-model.md" ] && cp "$corpus/$name/data-model.md" "$spec/"
  "${SPECGEN_PY3:-python3}" scripts/corpus-door.py "$model" "$spec/model.yaml" || { failures=$((failures + 1)); continue; }
  run "$name" "$spec"
  case $? in
    0) ;;
    3) blocked=$((blocked + 1)); [ "${DOOR_STRICT:-}" = "1" ] && failures=$((failures + 1)) ;;
    *) echo "FAIL: $name (all-door)"; failures=$((failures + 1)) ;;
  esac
done
echo "corpus-door-test: $failures failure(s), $blocked case(s) blocked by their contract's gaps"
exit $((failures > 0))
