#!/usr/bin/env bash
# Runs a generated backend under uvicorn --workers 4 on a fresh PostgreSQL database and checks, on the
# real server, what the in-process tests cannot show: the keep-alive connection through a database
# outage, recovery without a restart, one JSON log line per event with its request id, and memory
# under concurrent oversized bodies (scripts/runtime_check.py).
# usage: runtime-test.sh GENERATED_DIR PG_URL APP_PYTHON     (PG_URL without a database name)
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
out="$1"; pg_url="$2"; python="$3"
db="specgen_runtime_$(basename "$out")_$$"
admin() {
  "$python" -c "import psycopg,sys; c=psycopg.connect(sys.argv[1], autocommit=True); c.execute(sys.argv[2])" "$pg_url/postgres" "$1"
}
admin "DROP DATABASE IF EXISTS $db"
admin "CREATE DATABASE $db"
trap 'admin "DROP DATABASE IF EXISTS $db WITH (FORCE)"' EXIT
cd "$out"
"$python" "$root/scripts/runtime_check.py" "$pg_url/$db?sslmode=prefer&channel_binding=prefer" --workers 4
