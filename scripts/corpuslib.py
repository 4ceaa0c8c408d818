"""What scripts/corpus-test.sh and scripts/corpus-table.py share: the corpus cases, specgen's findings on
each (normalised to `contract:LINE:COL` / `model:LINE:COL`), the operations of each contract with their
bindings, and each case's expect.yaml.

The contracts are data that stay where they lie (../shared/corpus/<case>/contracts/openapi.yaml, or
$SPECGEN_CORPUS); the project holds only its own corpus/<case>/model.yaml, expect.yaml and
implementation/. Nothing here copies a contract into the project.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import tempfile
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
MODELS = Path(os.environ.get("SPECGEN_CORPUS_MODELS", ROOT / "corpus"))
METHODS = ("get", "put", "post", "delete", "options", "head", "patch", "trace")


def corpus_dir() -> Path:
    """Where the shared contracts lie: $SPECGEN_CORPUS, else ../shared/corpus beside the checkout."""
    return Path(os.environ.get("SPECGEN_CORPUS", ROOT.parent / "shared" / "corpus")).resolve()


# A case's variant "<case>+fixed" is its contract after `specgen fix --write` (in a temporary copy: the
# shared contract is never edited), held to corpus/<case>/expect-fixed.yaml: what the team gets once it
# takes the mechanical repairs specgen offers.
FIXED = "+fixed"
_fixed_copies: dict[str, Path] = {}


def base(case: str) -> str:
    return case[: -len(FIXED)] if case.endswith(FIXED) else case


def cases() -> list[str]:
    """The project's cases: every corpus/<case>/ holding a model.yaml, in name order, each followed by
    its +fixed variant where corpus/<case>/expect-fixed.yaml exists."""
    names = []
    for name in sorted(p.parent.name for p in MODELS.glob("*/model.yaml")):
        names.append(name)
        if (MODELS / name / "expect-fixed.yaml").exists():
            names.append(name + FIXED)
    return names


def contract_path(case: str) -> Path:
    shared = corpus_dir() / base(case) / "contracts" / "openapi.yaml"
    if not case.endswith(FIXED) or not shared.is_file():
        return shared
    if case not in _fixed_copies:
        copy = Path(tempfile.mkdtemp(prefix=f"corpus-fixed-{base(case)}-")) / "contracts" / "openapi.yaml"
        copy.parent.mkdir(parents=True)
        shutil.copyfile(shared, copy)
        proc = subprocess.run(specgen_cmd() + ["fix", str(copy.parent.parent), "--write"], cwd=ROOT,
                              capture_output=True, text=True, check=False)
        if proc.returncode != 0:
            raise RuntimeError(f"specgen fix {base(case)} exited {proc.returncode}: {proc.stderr.strip()}")
        _fixed_copies[case] = copy
    return _fixed_copies[case]


def model_path(case: str) -> Path:
    return MODELS / base(case) / "model.yaml"


def expect_path(case: str) -> Path:
    return MODELS / base(case) / ("expect-fixed.yaml" if case.endswith(FIXED) else "expect.yaml")


@dataclass(frozen=True)
class Finding:
    rule: str
    at: str  # contract:LINE:COL or model:LINE:COL
    pointer: str
    message: str

    @property
    def key(self) -> tuple[str, str]:
        """Where and what: two findings of one rule at one place (an operation's responses that miss
        both a 401 and a 422) share a key, and expect.yaml counts them."""
        return (self.rule, self.at)


def specgen_cmd() -> list[str]:
    return [str(ROOT / "specgen")]


def validate(case: str, model: Path | None = None) -> list[Finding]:
    """specgen validate on the case (the project's model.yaml, or another, and the shared contract): its
    errors."""
    contract = contract_path(case)
    model = model or model_path(case)
    proc = subprocess.run(
        specgen_cmd() + ["validate", str(model.parent), "--model", str(model), "--openapi", str(contract),
                         "--format", "json"],
        cwd=ROOT, capture_output=True, text=True, check=False,
    )
    if proc.returncode not in (0, 1):
        raise RuntimeError(f"specgen validate {case} exited {proc.returncode}: {proc.stderr.strip() or proc.stdout.strip()}")
    document = json.loads(proc.stdout)
    names = {str(contract.resolve()): "contract", str(model.resolve()): "model"}
    found = []
    for item in document.get("blockers", []):
        if item.get("severity") != "error":
            continue
        raw = str(Path(item.get("file", "")).resolve()) if item.get("file") else ""
        where = names.get(raw, item.get("file", "?"))
        at = f"{where}:{item.get('line', 0)}:{item.get('column', 0)}"
        found.append(Finding(item["rule"], at, item.get("pointer", ""), item.get("message", "")))
    return sorted(set(found), key=lambda f: (f.at.split(":")[0], _num(f.at, 1), _num(f.at, 2), f.rule))


def _num(at: str, index: int) -> int:
    try:
        return int(at.split(":")[index])
    except (IndexError, ValueError):
        return 0


# ---- expect.yaml -------------------------------------------------------------------------------------

@dataclass
class Expected:
    outcome: str  # "blocked" or "serves"
    blockers: list[dict] = field(default_factory=list)
    # A served case that today stops at one step for a limit of specgen: {step, lift}. The leg holds it
    # there: failing earlier fails, and getting past it fails too, until the note is removed.
    known_failure: dict | None = None

    def notes(self) -> dict[tuple[str, str], dict]:
        return {(b["rule"], b["at"]): b for b in self.blockers}


def load_expect(case: str) -> Expected | None:
    path = expect_path(case)
    if not path.exists():
        return None
    data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    return Expected(str(data.get("outcome", "")), list(data.get("blockers") or []), data.get("known_failure"))


HEADER = """\
# What specgen does with this corpus case today (scripts/corpus-test.sh asserts exactly this).
# outcome: serves  -> generate, import, ruff + mypy clean, the generated suite on SQLite and
#                     PostgreSQL, Schemathesis --checks all (scripts/contract-test.sh).
# outcome: blocked -> validate blocks at exactly these findings and no other.
# Each blocker is GENUINE (a gap in the team's contract: `why`) or a LIMIT of today's specgen
# (`lift`: the issue that would lift it). `scripts/corpus-test.sh --update` rewrites the list from
# the current findings and keeps these notes; a new finding comes in as UNCLASSIFIED, which fails
# the leg until someone says which it is.
"""


def write_expect(case: str, outcome: str, blockers: list[dict], known_failure: dict | None = None) -> None:
    variant = ["# This variant: the case's contract after `specgen fix --write`, in a temporary copy.\n"] \
        if case.endswith(FIXED) else []
    lines = [HEADER + "".join(variant), f"outcome: {outcome}"]
    if not blockers:
        lines.append("blockers: []")
    else:
        lines.append("blockers:")
        for b in blockers:
            lines.append(f"  - rule: {b['rule']}")
            lines.append(f"    at: {b['at']}")
            if b.get("count", 1) != 1:
                lines.append(f"    count: {b['count']}")
            lines.append(f"    kind: {b['kind']}")
            note_key = "why" if b["kind"] == "genuine" else "lift"
            lines.append(f"    {note_key}: {json.dumps(b.get(note_key, 'UNCLASSIFIED'), ensure_ascii=False)}")
    if known_failure and outcome == "serves":
        lines.append("known_failure:")
        lines.append(f"  step: {json.dumps(known_failure['step'])}")
        lines.append(f"  lift: {json.dumps(known_failure.get('lift', 'UNCLASSIFIED'), ensure_ascii=False)}")
    expect_path(case).write_text("\n".join(lines) + "\n", encoding="utf-8")


def classify(case: str, findings: list[Finding], expected: Expected | None) -> list[dict]:
    """The findings as expect.yaml entries, each keeping the note it had (or UNCLASSIFIED)."""
    notes = expected.notes() if expected else {}
    entries = []
    counts = Counter(f.key for f in findings)
    seen: set[tuple[str, str]] = set()
    for f in findings:
        if f.key in seen:
            continue
        seen.add(f.key)
        old = notes.get(f.key)
        if old and old.get("kind") in ("genuine", "limit"):
            kind = old["kind"]
            note = old.get("why" if kind == "genuine" else "lift", "UNCLASSIFIED")
        else:
            kind, note = "limit", "UNCLASSIFIED: " + f.message.replace("Implementation blocked: ", "")[:160]
        entry = {"rule": f.rule, "at": f.at, "kind": kind}
        if counts[f.key] != 1:
            entry["count"] = counts[f.key]
        entry["why" if kind == "genuine" else "lift"] = note
        entries.append(entry)
    return entries


def unclassified(expected: Expected) -> list[dict]:
    out = []
    for b in expected.blockers:
        kind = b.get("kind")
        note = str(b.get("why" if kind == "genuine" else "lift", ""))
        if kind not in ("genuine", "limit") or not note or note.startswith("UNCLASSIFIED"):
            out.append(b)
    return out


# ---- operations and bindings -------------------------------------------------------------------------

@dataclass
class Operation:
    key: str  # the binding's name in model.yaml: operationId, else "METHOD /path"
    method: str
    path: str
    refs: set[str]  # every component this operation reaches, transitively ("schemas/Task", ...)
    action: str | None = None  # its binding's action in model.yaml


def _refs_of(node, found: set[str]) -> None:
    if isinstance(node, dict):
        ref = node.get("$ref")
        if isinstance(ref, str) and ref.startswith("#/components/"):
            found.add(ref[len("#/components/"):])
        for value in node.values():
            _refs_of(value, found)
    elif isinstance(node, list):
        for value in node:
            _refs_of(value, found)


def operations(case: str) -> list[Operation]:
    contract = yaml.safe_load(contract_path(case).read_text(encoding="utf-8")) or {}
    model = yaml.safe_load(model_path(case).read_text(encoding="utf-8")) or {}
    bindings = model.get("operations") or {}
    components = contract.get("components") or {}

    def component(name: str):
        kind, _, rest = name.partition("/")
        return (components.get(kind) or {}).get(rest)

    ops = []
    for path, item in (contract.get("paths") or {}).items():
        for method in METHODS:
            op = (item or {}).get(method)
            if not isinstance(op, dict):
                continue
            key = op.get("operationId") or f"{method.upper()} {path}"
            refs: set[str] = set()
            _refs_of([op, item.get("parameters") or []], refs)
            pending = list(refs)
            while pending:
                target = component(pending.pop())
                more: set[str] = set()
                _refs_of(target, more)
                for name in more - refs:
                    refs.add(name)
                    pending.append(name)
            binding = bindings.get(key) or {}
            ops.append(Operation(key, method, path, refs, binding.get("action")))
    return ops


def _unescape(segment: str) -> str:
    return segment.replace("~1", "/").replace("~0", "~")


def operations_of(finding: Finding, ops: list[Operation], model: dict) -> list[Operation]:
    """The operations a finding blocks: the `METHOD /path` its message names, and, for a finding in a
    component, every declaratively bound operation that reaches it (a PUT reusing the create body has
    the create's money members); else by its JSON pointer alone (a path item, an operation, a component
    they reach, a model.yaml binding or entity)."""
    named: list[Operation] = []
    for match in re.finditer(r"\b(GET|PUT|POST|DELETE|PATCH|HEAD|OPTIONS) (/\S*)", finding.message):
        named += [o for o in ops if o.method == match.group(1).lower() and o.path == match.group(2) and o not in named]
    parts = [_unescape(p) for p in finding.pointer.split("/")[1:]] if finding.pointer else []
    file = finding.at.split(":")[0]
    hit: list[Operation] = []
    if file == "contract" and len(parts) >= 2 and parts[0] == "paths":
        path = parts[1]
        method = parts[2] if len(parts) >= 3 and parts[2] in METHODS else None
        hit = [o for o in ops if o.path == path and (method is None or o.method == method)]
    elif file == "contract" and len(parts) >= 3 and parts[0] == "components":
        name = f"{parts[1]}/{parts[2]}"
        hit = [o for o in ops if name in o.refs]
        if named:
            # A door takes the component as the contract writes it; only bound shapes disagree with it.
            hit = [o for o in hit if o.action != "handwritten"]
    elif file == "model" and len(parts) >= 2 and parts[0] == "operations":
        hit = [o for o in ops if o.key == parts[1]]
    elif file == "model" and len(parts) >= 2 and parts[0] == "entities":
        bindings = model.get("operations") or {}
        hit = [o for o in ops if (bindings.get(o.key) or {}).get("entity") == parts[1]
               or parts[1] in ((bindings.get(o.key) or {}).get("entities") or [])]
    if named and parts[:1] == ["paths"]:
        return named
    return named + [o for o in hit if o not in named]
