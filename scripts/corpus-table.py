#!/usr/bin/env python3
"""Writes docs/corpus.md: for each corpus case, how many operations specgen serves declaratively, how
many through the hand-written door, and how many are blocked, by a genuine gap of the team's contract
or by a limit of today's specgen (with the rule ids). Everything is computed by running specgen
validate on the project's corpus/<case>/model.yaml and the shared contract; the genuine/limit notes
come from corpus/<case>/expect.yaml. corpus/HISTORY.md (a record, kept by hand) is appended.

usage: scripts/corpus-table.py [--check]   (--check: exit 1 when docs/corpus.md differs, write nothing)
"""

from __future__ import annotations

import sys
from collections import Counter
from pathlib import Path

import yaml

sys.path.insert(0, str(Path(__file__).resolve().parent))
import corpuslib as lib  # noqa: E402

DOC = lib.ROOT / "docs" / "corpus.md"
HISTORY = lib.MODELS / "HISTORY.md"

INTRO = """\
# The corpus: ten real contracts

`../shared/corpus/` holds ten OpenAPI contracts that real teams wrote for the stack specgen serves, byte
for byte as they committed them (see its README). They stay there: the project keeps only what a careful
user of specgen would write beside them, in `corpus/<case>/`: the `model.yaml` (written from the
contract and the team's data-model.md), the hand-written door handlers under `implementation/` where an
operation needs code (an AI reply, an upload an LLM parses, a login, a domain command), and
`expect.yaml`, what specgen does with the case today.

`scripts/corpus-test.sh` (a leg of `scripts/test-all.sh`) holds specgen to `expect.yaml`: a blocked
case must block at exactly its listed findings, each marked GENUINE (a gap of the team's contract that a
careful hand-implementer would have to ask about) or LIMIT (specgen's own, with the issue that lifts
it); a served case must generate, lint, pass its suite on SQLite and PostgreSQL and Schemathesis
`--checks all`. After a change to specgen, `scripts/corpus-test.sh --update` re-baselines every
`expect.yaml` and this page.

This page is written by `scripts/corpus-table.py` from specgen's own findings; the corpus leg fails when
it is stale. An operation is *blocked* when a finding lies on it (its path, its operation, a component
it reaches, or its binding in model.yaml); it counts as *genuine* when any of its findings is. An
operation with no finding of its own in a blocked case is *clear*: it waits for the others, since
specgen generates all or nothing.

A row named `<case>+fixed` is that case's contract after `specgen fix --write` (in a temporary copy; the
team's file is never edited), held to `corpus/<case>/expect-fixed.yaml`: what the team has once it takes
the mechanical repairs specgen offers. Its operations are counted in the totals beside the original's.
"""


def case_row(case: str) -> dict:
    findings = lib.validate(case)
    expected = lib.load_expect(case)
    notes = expected.notes() if expected else {}
    ops = lib.operations(case)
    model = yaml.safe_load(lib.model_path(case).read_text(encoding="utf-8")) or {}
    state: dict[str, str] = {}
    rules = {"genuine": Counter(), "limit": Counter()}
    lifts: dict[str, Counter] = {}
    whys: Counter = Counter()
    unplaced = 0
    for f in findings:
        note = notes.get(f.key) or {}
        kind = note.get("kind") if note.get("kind") in ("genuine", "limit") else "limit"
        rules[kind][f.rule] += 1
        if kind == "limit":
            lifts.setdefault(str(note.get("lift", "UNCLASSIFIED")), Counter())[f.rule] += 1
        else:
            whys[(f.rule, str(note.get("why", "")))] += 1
        hit = lib.operations_of(f, ops, model)
        if not hit:
            unplaced += 1
        for op in hit:
            if kind == "genuine" or state.get(op.key) != "genuine":
                state[op.key] = kind
    serves = not findings
    door = [o for o in ops if o.action == "handwritten"]
    declarative = [o for o in ops if o.action not in (None, "handwritten")]
    return {
        "case": case,
        "ops": len(ops),
        "declarative": len(declarative) if serves else 0,
        "door": len(door) if serves else 0,
        "bound_declarative": len(declarative),
        "bound_door": len(door),
        "genuine": sum(1 for v in state.values() if v == "genuine"),
        "limit": sum(1 for v in state.values() if v == "limit"),
        "clear": 0 if serves else len(ops) - len(state),
        "rules": rules,
        "lifts": lifts,
        "whys": whys,
        "unplaced": unplaced,
        "findings": len(findings),
        # Generated, but held at a known failing step (expect.yaml's known_failure): not served yet.
        "outcome": ("generates, fails at " + expected.known_failure["step"]
                    if serves and expected and expected.known_failure else "serves" if serves else "blocked"),
        "known": expected.known_failure if serves and expected else None,
        "state": state,
        "operations": ops,
    }


def ids(counter: Counter) -> str:
    return ", ".join(f"{rule}×{n}" if n > 1 else rule for rule, n in sorted(counter.items())) or "none"


def render(rows: list[dict]) -> str:
    out = [INTRO]
    out.append("## Today\n")
    out.append("| case | operations | served declaratively | served through the door | blocked: genuine gap "
               "| blocked: specgen limit | clear, waiting | findings: genuine | findings: specgen limit |")
    out.append("| --- | ---: | ---: | ---: | ---: | ---: | ---: | --- | --- |")
    total = Counter()
    for r in rows:
        out.append(f"| {r['case']} | {r['ops']} | {r['declarative']} | {r['door']} | {r['genuine']} | "
                   f"{r['limit']} | {r['clear']} | {ids(r['rules']['genuine'])} | {ids(r['rules']['limit'])} |")
        for key in ("ops", "declarative", "door", "genuine", "limit", "clear"):
            total[key] += r[key]
    out.append(f"| **all** | {total['ops']} | {total['declarative']} | {total['door']} | {total['genuine']} | "
               f"{total['limit']} | {total['clear']} | | |")
    served = sum(1 for r in rows if r["outcome"] == "serves")
    known = sum(1 for r in rows if r.get("known"))
    bound_door = sum(r["bound_door"] for r in rows)
    out.append("")
    out.append(f"{served} of {len(rows)} cases serve; {known} more generate a backend that passes its lint and"
               f" suites but fails one later step (below). The models bind {sum(r['bound_declarative'] for r in rows)} "
               f"operations to a declarative action and {bound_door} to the hand-written door.")
    out.append("")
    out.append("## Per case\n")
    for r in rows:
        out.append(f"### {r['case']}\n")
        out.append(f"{r['ops']} operations: {r['bound_declarative']} bound declaratively, {r['bound_door']} "
                   f"through the door. Today: **{r['outcome']}**"
                   + (f", {r['findings']} finding{'s' if r['findings'] != 1 else ''}." if r["findings"] else "."))
        out.append("")
        if r.get("known"):
            out.append(f"Known failure at '{r['known']['step']}': {r['known'].get('lift', '')}")
            out.append("")
        if r["whys"]:
            out.append("Genuine gaps of the contract:")
            for (rule, why), n in sorted(r["whys"].items()):
                out.append(f"- {rule}" + (f"×{n}" if n > 1 else "") + f": {why}")
            out.append("")
        if r["lifts"]:
            out.append("Limits of today's specgen:")
            for lift, counter in sorted(r["lifts"].items()):
                out.append(f"- {ids(counter)}: {lift}")
            out.append("")
        if r["state"]:
            out.append("| operation | bound as | blocked by |")
            out.append("| --- | --- | --- |")
            for op in r["operations"]:
                out.append(f"| `{op.key}` | {op.action or 'unbound'} | {r['state'].get(op.key, '')} |")
            out.append("")
    if HISTORY.exists():
        out.append(HISTORY.read_text(encoding="utf-8").rstrip() + "\n")
    return "\n".join(out).rstrip() + "\n"


def main(argv: list[str]) -> int:
    if not lib.corpus_dir().is_dir():
        print(f"corpus-table: {lib.corpus_dir()} is absent; docs/corpus.md left as it is")
        return 0
    text = render([case_row(case) for case in lib.cases()])
    if "--check" in argv:
        if not DOC.exists() or DOC.read_text(encoding="utf-8") != text:
            print("docs/corpus.md is stale: run scripts/corpus-table.py (or scripts/corpus-test.sh --update)")
            return 1
        return 0
    DOC.write_text(text, encoding="utf-8")
    print(f"wrote {DOC.relative_to(lib.ROOT)}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
