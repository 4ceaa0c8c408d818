#!/usr/bin/env bash
# The corpus leg: each real contract of ../shared/corpus (or $SPECGEN_CORPUS) with the project's own
# corpus/<case>/model.yaml, checked against corpus/<case>/expect.yaml. A blocked case must block at
# exactly its expected findings (rule, file, line, column); a served case must generate, lint, pass its
# suite on SQLite and PostgreSQL and Schemathesis --checks all. Prints a line per case and a summary,
# then checks that docs/corpus.md is up to date (scripts/corpus-table.py).
# Locally, an absent corpus is skipped with a message, and so is PostgreSQL when no server answers at
# SPECGEN_PG_URL; under CI=true both are mandatory.
# usage: scripts/corpus-test.sh [--update] [CASE...]
#   --update  rewrite each expect.yaml from the current findings (keeping the genuine/limit notes; a
#             new finding comes in UNCLASSIFIED and fails until classified) and docs/corpus.md.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
# Schemathesis's venv has PyYAML (scripts/contract-requirements.txt); scripts/test-all.sh creates both.
python="$root/.cache/st-venv/bin/python"
if [ ! -x "$python" ] || [ ! -x "$root/.cache/venv/bin/python" ]; then
  echo "corpus: the venvs in .cache/ are missing; scripts/test-all.sh creates them (.cache/venv, .cache/st-venv)" >&2
  exit 2
fi
exec "$python" "$root/scripts/corpus_test.py" "$@"
