#!/usr/bin/env python3
"""Issue 16's other acceptance test, as a probe: every operation of every corpus contract bound
through the hand-written door. For each case it writes, in a temporary folder, the project's model.yaml
with every binding replaced by `action: handwritten` (keeping its subject path bindings and its `auth`,
naming every entity), then validates, generates, imports the app, lints it (ruff, mypy with its own
settings) and runs its suite on SQLite, where the door's plumbing tests run while the stubs answer 501.

It prints one line per case and a summary and exits 1 when any case fails. It is not a leg of
scripts/test-all.sh yet: at 3f16c5d no case passes (the door bugs of issue 16); the door work runs it,
and wires it in once it is green. The contracts are read where they lie; nothing is written into the
project.

usage: scripts/corpus-door.py [CASE...]   (run it with .cache/st-venv/bin/python, which has PyYAML)
"""

from __future__ import annotations

import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

import yaml

sys.path.insert(0, str(Path(__file__).resolve().parent))
import corpuslib as lib  # noqa: E402

VENV = lib.ROOT / ".cache" / "venv" / "bin"


def door_model(case: str) -> dict:
    model = yaml.safe_load(lib.model_path(case).read_text(encoding="utf-8"))
    entities = sorted((model.get("entities") or {}).keys())
    doors = {}
    for op in lib.operations(case):
        binding = (model.get("operations") or {}).get(op.key) or {}
        door: dict = {"action": "handwritten"}
        subject = {k: v for k, v in (binding.get("path") or {}).items() if v == "subject"}
        if subject:
            door["path"] = subject
        if binding.get("auth"):
            door["auth"] = binding["auth"]
        door["entities"] = entities
        doors[op.key] = door
    model["operations"] = doors
    return model


def step(name: str, cmd: list[str], cwd: Path, env: dict[str, str] | None = None) -> str | None:
    """None when the step passes, else its name and the first lines of what it printed."""
    proc = subprocess.run(cmd, cwd=cwd, capture_output=True, text=True, check=False, env=env)
    if proc.returncode == 0:
        return None
    lines = [line for line in (proc.stdout + proc.stderr).splitlines() if line.strip()]
    interesting = [line for line in lines if "error" in line.lower() or "failed" in line.lower()] or lines
    return f"{name}: " + " | ".join(interesting[:3])[:400]


def probe(case: str) -> str | None:
    tmp = Path(tempfile.mkdtemp(prefix=f"corpus-door-{case}-"))
    try:
        spec = tmp / "spec"
        spec.mkdir()
        (spec / "model.yaml").write_text(yaml.safe_dump(door_model(case), sort_keys=False), encoding="utf-8")
        out = tmp / "out"
        generate = [str(lib.ROOT / "specgen"), "generate", str(spec), "--openapi", str(lib.contract_path(case)),
                    "--out", str(out)]
        env = {"PATH": "/usr/bin:/bin", "HOME": str(tmp)}
        problem = step("generate", generate, lib.ROOT)
        if problem:
            # A contract whose own genuine gap blocks it blocks wholly through the door too, rightly.
            findings = lib.validate(case, spec / "model.yaml")
            expected = lib.load_expect(case)
            genuine = {key for key, b in (expected.notes() if expected else {}).items() if b.get("kind") == "genuine"}
            if findings and all(f.key in genuine for f in findings):
                rules = sorted({f.rule for f in findings})
                return f"BLOCKS at the contract's genuine gaps only ({len(findings)} findings: {', '.join(rules)})"
            return problem
        checks = [
            ("import", [str(VENV / "python"), "-c", "import app.main"], {**env, "JWT_SECRET": "x" * 64,
                                                                         "JWT_PUBLIC_KEY": "x", "JWT_JWKS_URL": "http://127.0.0.1:9/jwks"}),
            ("ruff check", [str(VENV / "ruff"), "check", "--no-cache", "--output-format", "concise", "."], env),
            ("ruff format", [str(VENV / "ruff"), "format", "--check", "--no-cache", "."], env),
            ("mypy", [str(VENV / "mypy"), "--cache-dir=/dev/null", "app"], env),
            ("pytest sqlite", [str(VENV / "python"), "-m", "pytest", "-q", "-x", "-p", "no:cacheprovider"], env),
        ]
        failures = [p for p in (step(name, cmd, out, e) for name, cmd, e in checks) if p]
        return "; ".join(failures) or None
    finally:
        shutil.rmtree(tmp, ignore_errors=True)


def main(argv: list[str]) -> int:
    if not lib.corpus_dir().is_dir():
        print(f"corpus-door: {lib.corpus_dir()} is absent (set SPECGEN_CORPUS)")
        return 0
    names = argv or lib.cases()
    failed = blocked = 0
    for case in names:
        problem = probe(case)
        if problem and problem.startswith("BLOCKS"):
            blocked += 1
            print(f"PASS {case}: {problem}")
            continue
        print(f"{'PASS' if problem is None else 'FAIL'} {case}" + (f": {problem}" if problem else ""))
        failed += problem is not None
    print(f"corpus-door: {len(names) - failed - blocked} of {len(names)} cases generate wholly through the door, "
          f"import, lint clean and pass their plumbing tests; {blocked} block at their contract's genuine gaps; "
          f"{failed} failed")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
