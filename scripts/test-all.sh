#!/usr/bin/env bash
# The one test command: Java tests, then every example generated into a temporary folder, linted and
# type-checked (ruff, mypy --strict, as its pyproject.toml says), migrated
# with its own Alembic migrations (upgrade, then check) and its own pytest suite run, on SQLite and on
# PostgreSQL, then a model evolved migration by migration, then random valid specs (proptest/) the
# same way. PostgreSQL is mandatory when CI=true; locally those legs are skipped, with a message, when
# no server answers at SPECGEN_PG_URL.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
pg_url="${SPECGEN_PG_URL:-postgresql://specgen:specgen@127.0.0.1:5432}"
venv="$root/.cache/venv"
requirements="$(mktemp)"

echo "== Java tests (mvn verify)"
mvn -B -q verify
echo "Java tests passed."

# Every example pins the same versions; the approved snapshot holds them.
cp examples/todo/approved/requirements.txt "$requirements"
stamp="$venv/.requirements"
if [ ! -x "$venv/bin/python" ] || ! cmp -s "$requirements" "$stamp"; then
  echo "== Python venv from the generated, pinned requirements (cached in .cache/venv)"
  rm -rf "$venv"
  python3 -m venv "$venv"
  "$venv/bin/pip" install -q --disable-pip-version-check -r "$requirements"
  cp "$requirements" "$stamp"
fi

st_venv="$root/.cache/st-venv"
st_stamp="$st_venv/.requirements"
if [ ! -x "$st_venv/bin/st" ] || ! cmp -s scripts/contract-requirements.txt "$st_stamp"; then
  echo "== Schemathesis venv for contract tests (cached in .cache/st-venv)"
  rm -rf "$st_venv"
  python3 -m venv "$st_venv"
  "$st_venv/bin/pip" install -q --disable-pip-version-check -r scripts/contract-requirements.txt
  cp scripts/contract-requirements.txt "$st_stamp"
fi

pg_available() {
  "$venv/bin/python" - "$pg_url/postgres" <<'PY'
import sys, psycopg
try:
    psycopg.connect(sys.argv[1], connect_timeout=3).close()
except Exception as exc:
    print(f"PostgreSQL not reachable: {exc}".splitlines()[0])
    sys.exit(1)
PY
}

# Another service owns the tables of external entities; on an empty database, stand in for it.
create_external_tables() {
  (cd "$1" && DATABASE_URL="$2" "$venv/bin/python" -c "from sqlalchemy import create_engine
from sqlmodel import SQLModel
import app.models
from app.migrate import EXTERNAL_TABLES, migration_url
SQLModel.metadata.create_all(create_engine(migration_url()), tables=[SQLModel.metadata.tables[t] for t in sorted(EXTERNAL_TABLES)])")
}

failures=0
runs=0
for example in examples/*/; do
  name="$(basename "$example")"
  out="$(mktemp -d)/$name"
  echo "== $name: generate"
  ./specgen generate "$example" --out "$out" >/dev/null
  # What specgen wrote, before any hand-written code goes in, passes the linters and the type checker
  # with the settings of its own pyproject.toml, with no finding.
  echo "== $name: ruff check, ruff format --check, mypy app"
  (cd "$out" && "$venv/bin/ruff" check --no-cache . && "$venv/bin/ruff" format --check --no-cache . \
    && "$venv/bin/mypy" --cache-dir=/dev/null app) || failures=$((failures + 1)); runs=$((runs + 1))
  # An example's hand-written code (the modules specgen creates once for the user) goes in as a user's
  # would: the generated suite and the contract tests then run against the implemented backend.
  if [ -d "$example/implementation" ]; then
    cp -R "$example/implementation/." "$out/"
    echo "== $name: the example's hand-written code passes the same ruff and mypy settings"
    (cd "$out" && "$venv/bin/ruff" check --no-cache . && "$venv/bin/ruff" format --check --no-cache . \
      && "$venv/bin/mypy" --cache-dir=/dev/null app) || failures=$((failures + 1)); runs=$((runs + 1))
  fi
  echo "== $name: pytest on SQLite"
  (cd "$out" && env -u DATABASE_URL "$venv/bin/python" -m pytest -q -p no:cacheprovider) || failures=$((failures + 1)); runs=$((runs + 1))
  # Start-up creates no tables: the migrations do, and then the models and the migrations must agree.
  echo "== $name: alembic upgrade head on an empty SQLite database, then alembic check"
  (create_external_tables "$out" "sqlite+aiosqlite:///$out/contract.db" \
    && cd "$out" && DATABASE_URL="sqlite+aiosqlite:///$out/contract.db" "$venv/bin/alembic" upgrade head \
    && DATABASE_URL="sqlite+aiosqlite:///$out/contract.db" "$venv/bin/alembic" check) || failures=$((failures + 1)); runs=$((runs + 1))
  echo "== $name: Schemathesis against its own contract, on SQLite"
  scripts/contract-test.sh "$out" "$root/$example/contracts/openapi.yaml" "sqlite+aiosqlite:///$out/contract.db" \
    "$venv/bin/python" "$st_venv/bin/st" || failures=$((failures + 1)); runs=$((runs + 1))
  if pg_available; then
    db="specgen_test_${name}_$$"
    "$venv/bin/python" -c "import psycopg,sys; c=psycopg.connect(sys.argv[1], autocommit=True); c.execute('DROP DATABASE IF EXISTS $db'); c.execute('CREATE DATABASE $db')" "$pg_url/postgres"
    echo "== $name: four workers start together on the empty PostgreSQL database, three times, and leave it empty"
    "$venv/bin/python" scripts/workers-test.py "$out" "$pg_url/$db" 3 || failures=$((failures + 1)); runs=$((runs + 1))
    echo "== $name: alembic upgrade head on it, then alembic check"
    (create_external_tables "$out" "$pg_url/$db" \
      && cd "$out" && DATABASE_URL="$pg_url/$db?sslmode=prefer&channel_binding=prefer" "$venv/bin/alembic" upgrade head \
      && DATABASE_URL="$pg_url/$db?sslmode=prefer&channel_binding=prefer" "$venv/bin/alembic" check) || failures=$((failures + 1)); runs=$((runs + 1))
    echo "== $name: Schemathesis against its own contract, on PostgreSQL"
    scripts/contract-test.sh "$out" "$root/$example/contracts/openapi.yaml" "$pg_url/$db" \
      "$venv/bin/python" "$st_venv/bin/st" || failures=$((failures + 1)); runs=$((runs + 1))
    echo "== $name: pytest on PostgreSQL (sslmode and channel_binding passed through, as Neon URLs carry them)"
    (cd "$out" && DATABASE_URL="$pg_url/$db?sslmode=prefer&channel_binding=prefer" "$venv/bin/python" -m pytest -q -p no:cacheprovider) || failures=$((failures + 1)); runs=$((runs + 1))
    echo "== $name: uvicorn --workers 4 on a fresh PostgreSQL database: outage, recovery, body limit, logs"
    scripts/runtime-test.sh "$out" "$pg_url" "$venv/bin/python" || failures=$((failures + 1)); runs=$((runs + 1))
    "$venv/bin/python" -c "import psycopg,sys; c=psycopg.connect(sys.argv[1], autocommit=True); c.execute('DROP DATABASE IF EXISTS $db')" "$pg_url/postgres"
  elif [ "${CI:-}" = "true" ]; then
    echo "PostgreSQL is mandatory in CI." >&2
    exit 1
  else
    echo "== $name: PostgreSQL leg SKIPPED (no server at $pg_url; set SPECGEN_PG_URL)"
  fi
done
rm -f "$requirements"

# The real contracts of ../shared/corpus with the project's own models (corpus/): each blocks at exactly
# its expected findings or serves (generate, lint, suite on SQLite and PostgreSQL, Schemathesis), and
# docs/corpus.md is up to date. An absent corpus is skipped locally and fails under CI=true.
echo "== corpus: ten real contracts, each as corpus/<case>/expect.yaml says"
scripts/corpus-test.sh || failures=$((failures + 1)); runs=$((runs + 1))
echo "== the door on real contracts: every corpus operation bound hand-written generates, imports, lints and passes its plumbing tests"
SPECGEN_PY3="$st_venv/bin/python" SPECGEN_VENV="$venv" scripts/corpus-door-test.sh || failures=$((failures + 1)); runs=$((runs + 1))

echo "== migrations evolve: each model change gets exactly its migration; destructive ones wait for acknowledgment"
evolution="$(mktemp -d)"
"$venv/bin/python" scripts/migration-evolution.py "sqlite:///$evolution/evolution.db" || failures=$((failures + 1)); runs=$((runs + 1))
rm -rf "$evolution"
if pg_available; then
  db="specgen_test_evolution_$$"
  "$venv/bin/python" -c "import psycopg,sys; c=psycopg.connect(sys.argv[1], autocommit=True); c.execute('DROP DATABASE IF EXISTS $db'); c.execute('CREATE DATABASE $db')" "$pg_url/postgres"
  "$venv/bin/python" scripts/migration-evolution.py "$pg_url/$db?sslmode=prefer" || failures=$((failures + 1)); runs=$((runs + 1))
  "$venv/bin/python" -c "import psycopg,sys; c=psycopg.connect(sys.argv[1], autocommit=True); c.execute('DROP DATABASE IF EXISTS $db')" "$pg_url/postgres"
fi

# Races, faults and hostile input on a real server (about a minute): concurrent toggles and deletes of one row,
# two-decimal amounts, trailing slashes, connections killed and the database cut off under load.
if pg_available > /dev/null; then
  echo "== load, race and fault suite: taskboard, todo, ledger under uvicorn --workers 4 on PostgreSQL"
  python3 scripts/load-race-test.py "$pg_url" "$venv/bin/python" || failures=$((failures + 1)); runs=$((runs + 1))
fi

# Random valid specs (proptest/README.md): each must validate, generate and pass its own suite. The
# seeds are fixed, so CI is deterministic; a failure prints the seed and how to replay it.
echo "== property-based specs: seeds ${PROPTEST_SEEDS:-1-28} and the regression specs, on SQLite"
python3 proptest/run.py --python "$venv/bin/python" --seeds "${PROPTEST_SEEDS:-1-28}" --regressions \
  || failures=$((failures + 1)); runs=$((runs + 1))
echo "== property-based specs: mutants of seeds ${PROPTEST_SEEDS:-1-28} block at the line they change"
python3 proptest/run.py --python "$venv/bin/python" --seeds "${PROPTEST_SEEDS:-1-28}" --mutate \
  || failures=$((failures + 1)); runs=$((runs + 1))
if pg_available > /dev/null; then
  echo "== property-based specs: seeds ${PROPTEST_PG_SEEDS:-1-4} on PostgreSQL"
  python3 proptest/run.py --python "$venv/bin/python" --seeds "${PROPTEST_PG_SEEDS:-1-4}" --postgres "$pg_url" \
    || failures=$((failures + 1)); runs=$((runs + 1))
elif [ "${CI:-}" = "true" ]; then
  echo "PostgreSQL is mandatory in CI." >&2
  exit 1
else
  echo "== property-based specs on PostgreSQL SKIPPED (no server at $pg_url)"
fi

echo "== determinism: every example generated under another time zone and locale (tr_TR) is byte-identical"
for example in examples/*/; do
  a="$(mktemp -d)"; b="$(mktemp -d)"
  ./specgen generate "$example" --out "$a/out" > /dev/null
  TZ=Asia/Kolkata LANG=tr_TR.UTF-8 LC_ALL=tr_TR.UTF-8 \
    JAVA_TOOL_OPTIONS="-Duser.language=tr -Duser.country=TR -Duser.timezone=Asia/Kolkata" \
    ./specgen generate "$example" --out "$b/out" > /dev/null 2>&1
  if ! diff -r "$a/out" "$b/out"; then
    echo "$example: output differs under tr_TR / Asia/Kolkata"
    failures=$((failures + 1))
  fi
  runs=$((runs + 1))
  rm -rf "$a" "$b"
done

echo "== benchmark specs still validate (bench/synth.py, 3 entities)"
synth="$(mktemp -d)"
python3 bench/synth.py 3 "$synth/spec" && ./specgen validate "$synth/spec" || failures=$((failures + 1)); runs=$((runs + 1))
rm -rf "$synth"

echo "== pre-commit hooks on a throwaway repository"
scripts/pre-commit-test.sh || failures=$((failures + 1)); runs=$((runs + 1))

echo "suites: $((runs - failures)) passed, $failures failed"
if [ "$failures" -ne 0 ]; then
  exit 1
fi
