#!/usr/bin/env bash
# Proves specgen's pre-commit hooks with the real pre-commit on a throwaway git repository: a commit
# whose generated backend is stale is refused, and the commit after regenerating goes through.
# The hooks come from this repository's committed HEAD, as users get them.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
venv="$root/.cache/pc-venv"
if [ ! -x "$venv/bin/pre-commit" ] || ! cmp -s "$root/scripts/precommit-requirements.txt" "$venv/.requirements"; then
  rm -rf "$venv"
  python3 -m venv "$venv"
  "$venv/bin/pip" install -q --disable-pip-version-check -r "$root/scripts/precommit-requirements.txt"
  cp "$root/scripts/precommit-requirements.txt" "$venv/.requirements"
fi
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
export PRE_COMMIT_HOME="$work/pre-commit-home"
rev="$(git -C "$root" rev-parse HEAD)"
cd "$work" && mkdir repo && cd repo
git init -q -b main
git config user.email ci@example.invalid
git config user.name "specgen CI"
mkdir -p spec/contracts
cp "$root/examples/todo/model.yaml" spec/
cp "$root/examples/todo/contracts/openapi.yaml" spec/contracts/
cat > .pre-commit-config.yaml <<YAML
repos:
  - repo: $root
    rev: $rev
    hooks:
      - id: specgen-validate
        args: [spec]
      - id: specgen-check
        args: [spec, --out, backend]
YAML
"$root/specgen" generate spec --out backend > /dev/null
"$venv/bin/pre-commit" install > /dev/null
git add -A
echo "== pre-commit: a fresh backend commits"
git commit -q -m "spec and backend" || { echo "the first commit was refused"; exit 1; }
echo "== pre-commit: a spec change without regenerating is refused"
sed -i 's/      completed:/      notes:\n        type: text\n        nullable: true\n      completed:/' spec/model.yaml
git add -A
if git commit -q -m "stale backend" > "$work/stale.log" 2>&1; then
  cat "$work/stale.log"; echo "a stale backend was committed"; exit 1
fi
grep -q "out of date" "$work/stale.log" || { cat "$work/stale.log"; echo "no staleness message"; exit 1; }
echo "== pre-commit: after regenerating, the commit goes through"
"$root/specgen" generate spec --out backend > /dev/null
git add -A
git commit -q -m "regenerated" || { echo "the regenerated backend was refused"; exit 1; }
echo "pre-commit hooks: 3 passed, 0 failed"
