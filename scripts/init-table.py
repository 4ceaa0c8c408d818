#!/usr/bin/env python3
"""How close `specgen init` comes on the real corpus: per case, the DECIDEs it asks, and what still
blocks once every DECIDE takes its first suggestion.

For each case of ../shared/corpus (or --corpus DIR) it copies the contract and data-model.md into a
temporary folder (the corpus is never edited nor copied into the project), runs `specgen init`, then
`specgen init --force --accept-suggestions` (a hidden option that writes every suggestion live) and
`specgen validate --format json`. It writes docs/init-corpus.md (or --out FILE), or prints the table
with --print.

Phantom entities are entities of the draft that are not tables of the case. What the tables are is
written below, per case, from reading its data-model.md and contract (names only, no corpus text).

Usage: scripts/init-table.py [--corpus DIR] [--out FILE] [--print] [--label TEXT]
"""
import argparse
import collections
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile

import yaml

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))

# The tables each case defines (its data-model.md, else its contract), by entity name. A drafted entity
# that is not listed here is a phantom. Lower-case comparison, so Entity names and table names both match.
TABLES = {
    "appointment-booking": {"provider", "slot", "appointment"},
    "budget-tracker": {"user", "bankstatement", "transaction"},
    "evolution-of-todo": {"user", "todo", "session", "jwttoken"},
    "expense-tracker": {"transaction", "account", "category", "payee", "accounttype", "currency"},
    "hackathon2-todo": {"task"},
    "inventory-reservations": {"inventory", "eventlog", "inventorymodel", "eventlogmodel"},
    "spec-driven-fullstack-todo": {"task"},
    "todo-ai-chat": {"conversation", "message", "user"},
    "todo-fullstack-app": {"user", "task"},
    "todoapp-fullstack": {"task"},
}

# The genuine gaps of each case (../shared/corpus/README.md), as the blockers that report them: a rule id
# and a pattern its message matches. A blocker matching one is the case's own gap, not the draft's.
GENUINE = {
    "todoapp-fullstack": [("SG219", "nullable")],
    "spec-driven-fullstack-todo": [("SG219", "nullable")],
    "evolution-of-todo": [("SG215", "answer 401")],
    "todo-ai-chat": [("SG219", "nullable"), ("SG215", "answer 40[14]")],
    "expense-tracker": [("SG214", "'(sort|order)'"), ("SG603", "number \\(decimal\\)"), ("SG604", "is required in the")],
    "inventory-reservations": [("SG215", "answer 401")],
    "budget-tracker": [("SG403", ""), ("SG407", "")],
}

# Statuses specgen itself answers that a contract does not declare (a 422 for a malformed path id, a 503
# from /health): reported by SG215, which another workstream owns. Counted apart from the draft's blockers.
SPECGEN_SG215 = re.compile(r"answer (404|409|422)|answers 503")


def kind(case, b):
    text = b.get("reason", b.get("message", ""))
    for rule, pattern in GENUINE.get(case, []):
        if b["rule"] == rule and re.search(pattern, text):
            return "genuine"
    if b["rule"] == "SG215" and SPECGEN_SG215.search(text):
        return "sg215"
    return "draft"


def run(cmd, cwd=None):
    return subprocess.run(cmd, cwd=cwd, capture_output=True, text=True)


def case_dir(corpus, case, work):
    src = os.path.join(corpus, case)
    dst = os.path.join(work, case)
    shutil.copytree(os.path.join(src, "contracts"), os.path.join(dst, "contracts"))
    if os.path.isfile(os.path.join(src, "data-model.md")):
        shutil.copy(os.path.join(src, "data-model.md"), dst)
    return dst


def measure(specgen, corpus, case, work):
    spec = case_dir(corpus, case, work)
    first = run([specgen, "init", spec])
    if first.returncode != 0:
        return {"case": case, "error": (first.stderr or first.stdout).strip().splitlines()[-1:]}
    asked = len(re.findall(r"^  \S+model\.yaml:\d+  ", first.stdout, re.M))
    at_zero = len(re.findall(r"model\.yaml:0 ", first.stdout))
    without = first.stdout.count("(no suggestion this specgen can take)")
    taken = run([specgen, "init", spec, "--force", "--accept-suggestions"])
    if taken.returncode != 0:
        return {"case": case, "error": (taken.stderr or taken.stdout).strip().splitlines()[-1:]}
    with open(os.path.join(spec, "model.yaml"), encoding="utf-8") as f:
        model = yaml.safe_load(f) or {}
    entities = list((model.get("entities") or {}).keys())
    phantoms = [e for e in entities if e.lower() not in TABLES.get(case, set())
                and str(((model.get("entities") or {}).get(e) or {}).get("table", "")).lower().rstrip("s")
                not in {t.rstrip("s") for t in TABLES.get(case, set())}]
    checked = run([specgen, "validate", spec, "--format", "json"])
    try:
        blockers = json.loads(checked.stdout).get("blockers", [])
    except json.JSONDecodeError:
        blockers = [{"rule": "SG000", "message": (checked.stderr or checked.stdout).strip()}]
    errors = [b for b in blockers if b.get("severity", "error") == "error"]
    rules = collections.Counter(b["rule"] for b in errors)
    kinds = collections.Counter(kind(case, b) for b in errors)
    draft_rules = collections.Counter(b["rule"] for b in errors if kind(case, b) == "draft")
    ops = model.get("operations") or {}
    unbound = sum(1 for b in errors if b["rule"] == "SG204")
    return {
        "case": case,
        "asked": asked,
        "without": without,
        "at_zero": at_zero,
        "entities": entities,
        "phantoms": phantoms,
        "ops": len(ops),
        "unbound": unbound,
        "handwritten": sum(1 for o in ops.values() if isinstance(o, dict) and o.get("action") == "handwritten"),
        "blockers": sum(rules.values()),
        "genuine": kinds["genuine"],
        "sg215": kinds["sg215"],
        "draft_blockers": kinds["draft"],
        "rules": dict(sorted(rules.items())),
        "draft_rules": dict(sorted(draft_rules.items())),
        "messages": [f'[{kind(case, b)}] {b["rule"]} {b.get("line", "?")}:{b.get("column", "?")} '
                     f'{b.get("reason", b.get("message", ""))}' for b in errors],
    }


def counted(rules):
    return ", ".join(f"{k}×{v}" if v > 1 else k for k, v in rules.items())


def table(rows, label):
    out = [f"| case ({label}) | DECIDEs asked | without a suggestion | blockers left | the case's own gaps |"
           " specgen's undeclared statuses (SG215) | left to the draft (rule ids) | phantom entities |"
           " unbound operations |",
           "|---|---|---|---|---|---|---|---|---|"]
    for r in rows:
        if "error" in r:
            out.append(f'| {r["case"]} | init failed: {" ".join(r["error"])} | | | | | | | |')
            continue
        left = f'{r["draft_blockers"]} ({counted(r["draft_rules"])})' if r["draft_blockers"] else "0"
        out.append(f'| {r["case"]} | {r["asked"]} | {r["without"]} | {r["blockers"] or "0: validates"} |'
                   f' {r["genuine"]} | {r["sg215"]} | {left} | {", ".join(r["phantoms"]) or "none"} |'
                   f' {r["unbound"]} of {r["ops"]} |')
    return "\n".join(out)


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", default=os.path.join(os.path.dirname(ROOT), "..", "shared", "corpus"))
    parser.add_argument("--specgen", default=os.path.join(ROOT, "specgen"))
    parser.add_argument("--out", default=os.path.join(ROOT, "docs", "init-corpus.md"))
    parser.add_argument("--print", action="store_true", help="print the table and the blockers; write nothing")
    parser.add_argument("--label", default="drafted")
    args = parser.parse_args()
    corpus = os.path.abspath(args.corpus)
    if not os.path.isdir(corpus):
        corpus = "/work/shared/corpus"
    cases = sorted(d for d in os.listdir(corpus) if os.path.isdir(os.path.join(corpus, d)))
    with tempfile.TemporaryDirectory(prefix="specgen-init-") as work:
        rows = [measure(args.specgen, corpus, c, work) for c in cases]
    text = table(rows, args.label)
    if args.print:
        print(text)
        for r in rows:
            for m in r.get("messages", []):
                print(f'  {r["case"]}: {m}')
        return 0
    with open(args.out, encoding="utf-8") as f:
        doc = f.read()
    begin, end = "<!-- init-table:begin -->", "<!-- init-table:end -->"
    if begin in doc and end in doc:
        doc = doc[: doc.index(begin) + len(begin)] + "\n" + text + "\n" + doc[doc.index(end):]
    else:
        doc += "\n" + begin + "\n" + text + "\n" + end + "\n"
    with open(args.out, "w", encoding="utf-8") as f:
        f.write(doc)
    print(text)
    return 0


if __name__ == "__main__":
    sys.exit(main())
