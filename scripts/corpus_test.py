"""The corpus leg (run through scripts/corpus-test.sh): every case of ../shared/corpus against the
project's corpus/<case>/model.yaml, checked against corpus/<case>/expect.yaml.

A case that blocks must block at exactly its expected findings (rule, file, line, column) and no
other, so any change of behaviour, better or worse, shows. A case that serves must generate, pass ruff
and mypy with its own settings (before and after the team's handlers go in), pass its own suite on
SQLite and PostgreSQL, migrate and pass `alembic check`, and pass Schemathesis --checks all.

usage: corpus_test.py [--update] [CASE...]
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import corpuslib as lib  # noqa: E402

ROOT = lib.ROOT
VENV = ROOT / ".cache" / "venv" / "bin"
ST = ROOT / ".cache" / "st-venv" / "bin" / "st"
PG_URL = os.environ.get("SPECGEN_PG_URL", "postgresql://specgen:specgen@127.0.0.1:5432")
CI = os.environ.get("CI") == "true"


def run(cmd: list[str], cwd: Path, env: dict[str, str | None] | None = None, log: list[str] | None = None) -> bool:
    merged = {**os.environ, **(env or {})}
    environment = {k: v for k, v in merged.items() if v is not None}  # None unsets a variable
    proc = subprocess.run(cmd, cwd=cwd, env=environment, capture_output=True, text=True, check=False)
    if proc.returncode != 0 and log is not None:
        tail = (proc.stdout + proc.stderr).strip().splitlines()[-25:]
        log.append(f"$ {' '.join(cmd)}  (exit {proc.returncode})\n    " + "\n    ".join(tail))
    return proc.returncode == 0


def pg_available() -> bool:
    return run([str(VENV / "python"), "-c",
                "import sys, psycopg; psycopg.connect(sys.argv[1], connect_timeout=3).close()",
                PG_URL + "/postgres"], ROOT)


def pg_sql(statement: str) -> None:
    run([str(VENV / "python"), "-c",
         "import psycopg,sys; c=psycopg.connect(sys.argv[1], autocommit=True); c.execute(sys.argv[2])",
         PG_URL + "/postgres", statement], ROOT)


EXTERNAL = """from sqlalchemy import create_engine
from sqlmodel import SQLModel
import app.models
from app.migrate import EXTERNAL_TABLES, migration_url
SQLModel.metadata.create_all(create_engine(migration_url()),
    tables=[SQLModel.metadata.tables[t] for t in sorted(EXTERNAL_TABLES)])"""


def lint(out: Path, log: list[str]) -> bool:
    return (run([str(VENV / "ruff"), "check", "--no-cache", "."], out, log=log)
            and run([str(VENV / "ruff"), "format", "--check", "--no-cache", "."], out, log=log)
            and run([str(VENV / "mypy"), "--cache-dir=/dev/null", "app"], out, log=log))


# The steps of a served case, in order (a step that does not apply is left out of what passed).
SERVE_STEPS = ["generate", "lint", "handlers lint", "pytest sqlite", "alembic sqlite", "schemathesis sqlite",
               "alembic postgresql", "schemathesis postgresql", "pytest postgresql"]


def serve(case: str, with_pg: bool) -> tuple[bool, str, list[str]]:
    """Generate the case and run every check on it; (passed, what ran, failure logs)."""
    log: list[str] = []
    steps: list[str] = []
    tmp = Path(tempfile.mkdtemp(prefix=f"corpus-{case}-"))
    out = tmp / "out"
    contract = lib.contract_path(case)
    model = lib.model_path(case)
    try:
        ok = run([str(ROOT / "specgen"), "generate", str(model.parent), "--openapi", str(contract),
                  "--out", str(out)], ROOT, log=log)
        if ok:
            steps.append("generate")
        ok = ok and lint(out, log)
        if ok:
            steps.append("lint")
        implementation = model.parent / "implementation"
        # Every door the case has is implemented as a team would: no stub answering 501 is left.
        stubs = sorted(p.name for p in (out / "app" / "handlers").glob("*.py")
                       if p.name != "__init__.py" and not (implementation / "app" / "handlers" / p.name).is_file())
        if ok and stubs:
            ok = False
            log.append(f"no handler in corpus/{case}/implementation/app/handlers/ for: {', '.join(stubs)}")
        if ok and implementation.is_dir():
            shutil.copytree(implementation, out, dirs_exist_ok=True)
            ok = lint(out, log)
            if ok:
                steps.append("handlers lint")
        ok = ok and run([str(VENV / "python"), "-m", "pytest", "-q", "-p", "no:cacheprovider"], out,
                        env={"DATABASE_URL": None}, log=log)
        if ok:
            steps.append("pytest sqlite")
        db = f"sqlite+aiosqlite:///{out}/contract.db"
        ok = ok and run([str(VENV / "python"), "-c", EXTERNAL], out, env={"DATABASE_URL": db}, log=log) \
            and run([str(VENV / "alembic"), "upgrade", "head"], out, env={"DATABASE_URL": db}, log=log) \
            and run([str(VENV / "alembic"), "check"], out, env={"DATABASE_URL": db}, log=log)
        if ok:
            steps.append("alembic sqlite")
        contract_test = [str(ROOT / "scripts" / "contract-test.sh"), str(out), str(contract)]
        tail = [str(VENV / "python"), str(ST), str(model)]
        # Schemathesis is most of the cost (minutes a case): it runs once, on PostgreSQL when there is
        # one (always in CI), else on SQLite; the generated suite runs on both.
        # At 25 examples an operation on both databases one served case (examples/assistant as a stand-in)
        # took about 5 minutes on the shared 2-core VM; 10 examples on one database keep every check and
        # every operation at a fraction of that.
        st_env = {"SPECGEN_ST_MAX_EXAMPLES": os.environ.get("SPECGEN_CORPUS_ST_MAX_EXAMPLES", "10")}
        if not with_pg:
            ok = ok and run(contract_test + [db] + tail, ROOT, env=st_env, log=log)
            if ok:
                steps.append("schemathesis sqlite")
        if ok and with_pg:
            name = "specgen_corpus_" + re.sub(r"[^a-z0-9]", "_", case) + f"_{os.getpid()}"
            pg_sql(f"DROP DATABASE IF EXISTS {name}")
            pg_sql(f"CREATE DATABASE {name}")
            url = f"{PG_URL}/{name}"
            try:
                ok = run([str(VENV / "python"), "-c", EXTERNAL], out, env={"DATABASE_URL": url}, log=log) \
                    and run([str(VENV / "alembic"), "upgrade", "head"], out, env={"DATABASE_URL": url}, log=log) \
                    and run([str(VENV / "alembic"), "check"], out, env={"DATABASE_URL": url}, log=log)
                if ok:
                    steps.append("alembic postgresql")
                ok = ok and run(contract_test + [url] + tail, ROOT, env=st_env, log=log)
                if ok:
                    steps.append("schemathesis postgresql")
                ok = ok and run([str(VENV / "python"), "-m", "pytest", "-q", "-p", "no:cacheprovider"], out,
                                env={"DATABASE_URL": url}, log=log)
                if ok:
                    steps.append("pytest postgresql")
            finally:
                pg_sql(f"DROP DATABASE IF EXISTS {name}")
        return ok, ", ".join(steps), log
    finally:
        shutil.rmtree(tmp, ignore_errors=True)


def check_blocked(case: str, expected: lib.Expected, findings: list[lib.Finding]) -> tuple[bool, str]:
    want = Counter({(b["rule"], b["at"]): int(b.get("count", 1)) for b in expected.blockers})
    got = Counter(f.key for f in findings)
    extra = sorted((got - want).keys())
    missing = sorted((want - got).keys())
    lines = []
    for rule, at in extra:
        message = next(f.message for f in findings if f.key == (rule, at))
        lines.append(f"    new:  {rule} {at}  {message[:180]}")
    for rule, at in missing:
        lines.append(f"    gone: {rule} {at}  (specgen no longer reports it: run scripts/corpus-test.sh --update)")
    todo = lib.unclassified(expected)
    for b in todo:
        lines.append(f"    unclassified: {b['rule']} {b['at']}: say in expect.yaml whether it is genuine (why) or a limit (lift)")
    return not extra and not missing and not todo, "\n".join(lines)


def carried_notes(variant: str, findings: list[lib.Finding]) -> lib.Expected | None:
    """A +fixed variant's findings are its case's, less what the repair mended, on lines the repair may
    have moved: each takes the note of the case's finding of the same rule at the same JSON pointer."""
    case = lib.base(variant)
    expected = lib.load_expect(case)
    if expected is None:
        return None
    notes = expected.notes()
    by_pointer = {(f.rule, f.pointer): notes[f.key] for f in lib.validate(case) if f.key in notes}
    blockers = [dict(by_pointer[(f.rule, f.pointer)], at=f.at) for f in findings if (f.rule, f.pointer) in by_pointer]
    return lib.Expected(expected.outcome, blockers)


def main(argv: list[str]) -> int:
    update = "--update" in argv
    chosen = [a for a in argv if not a.startswith("--")]
    corpus = lib.corpus_dir()
    if not corpus.is_dir():
        message = f"corpus: {corpus} is absent (set SPECGEN_CORPUS, or put shared/corpus beside the checkout)"
        if CI:
            print(f"FAIL {message}; it is mandatory in CI.", file=sys.stderr)
            return 1
        print(f"SKIPPED {message}.")
        return 0
    names = chosen or lib.cases()
    missing = [c for c in names if not (lib.corpus_dir() / lib.base(c) / "contracts" / "openapi.yaml").is_file()]
    if missing:
        print(f"FAIL corpus: no contract for {', '.join(missing)} under {corpus}", file=sys.stderr)
        return 1
    with_pg = pg_available()
    if not with_pg and CI:
        print("PostgreSQL is mandatory in CI.", file=sys.stderr)
        return 1
    if not with_pg:
        print(f"corpus: PostgreSQL legs SKIPPED (no server at {PG_URL}; set SPECGEN_PG_URL)")
    passed = failed = 0
    tally = {"serves": 0, "blocked": 0}
    for case in names:
        started = time.monotonic()
        findings = lib.validate(case)
        expected = lib.load_expect(case)
        if update:
            outcome = "blocked" if findings else "serves"
            notes = expected or (carried_notes(case, findings) if case != lib.base(case) else None)
            lib.write_expect(case, outcome, lib.classify(case, findings, notes),
                             expected.known_failure if expected else None)
            expected = lib.load_expect(case)
        if expected is None:
            print(f"FAIL {case}: no corpus/{case}/expect.yaml (scripts/corpus-test.sh --update {case} writes one)")
            failed += 1
            continue
        if expected.outcome == "blocked":
            ok, detail = check_blocked(case, expected, findings)
            kinds = Counter()
            for b in expected.blockers:
                kinds[b.get("kind")] += int(b.get("count", 1))
            summary = (f"blocks at its {len(findings)} expected finding{'' if len(findings) == 1 else 's'} "
                       f"({kinds['genuine']} genuine, {kinds['limit']} specgen limits)")
            if not findings:
                ok, detail = False, "    specgen no longer blocks: run scripts/corpus-test.sh --update, then the full serve leg"
        elif expected.outcome == "serves":
            if findings:
                ok = False
                detail = "\n".join(f"    new:  {f.rule} {f.at}  {f.message[:180]}" for f in findings)
                summary = f"expected to serve, but {len(findings)} blockers"
            else:
                ok, steps, log = serve(case, with_pg)
                summary = f"serves ({steps})" if ok else f"does not serve (passed: {steps or 'nothing'})"
                detail = "\n".join(log)
                known = expected.known_failure
                if known:
                    # Held at a known step: it must fail there, having passed every step before it.
                    step = known.get("step", "")
                    order = SERVE_STEPS[:SERVE_STEPS.index(step)] if step in SERVE_STEPS else None
                    passed_steps = [s for s in steps.split(", ") if s]
                    has_handlers = (lib.model_path(case).parent / "implementation").is_dir()
                    before = [s for s in order or [] if (with_pg or "postgresql" not in s)
                              and (not with_pg or s != "schemathesis sqlite")
                              and (has_handlers or s != "handlers lint")]
                    if ok:
                        ok, summary = False, (f"serves past its known failure at '{step}': remove known_failure"
                                              " from its expect.yaml")
                    elif order is not None and passed_steps == before:
                        ok, detail = True, ""
                        summary = f"stops at its known failure, '{step}' ({known.get('lift', '')}); passed: {steps}"
        else:
            ok, summary, detail = False, f"unknown outcome {expected.outcome!r} in expect.yaml", ""
        seconds = time.monotonic() - started
        print(f"{'PASS' if ok else 'FAIL'} {case}: {summary} [{seconds:.0f} s]")
        if detail:
            print(detail)
        if ok:
            passed += 1
            held = expected.outcome == "serves" and expected.known_failure
            key = "held" if held else expected.outcome
            tally[key] = tally.get(key, 0) + 1
        else:
            failed += 1
    # docs/corpus.md is computed from the same findings; stale means someone changed a model,
    # an expectation or specgen without regenerating it.
    table = [sys.executable, str(ROOT / "scripts" / "corpus-table.py")] + ([] if update else ["--check"])
    docs_ok = subprocess.run(table, cwd=ROOT, check=False).returncode == 0 if not chosen else True
    if not docs_ok:
        failed += 1
    print(f"corpus: {passed} of {len(names)} cases as expected ({tally.get('serves', 0)} serve, "
          f"{tally.get('held', 0)} generate and stop at their known failure, "
          f"{tally.get('blocked', 0)} block exactly where expected), {failed} failed"
          + ("" if docs_ok else "; docs/corpus.md is stale (scripts/corpus-table.py rewrites it)"))
    return 0 if failed == 0 else 1


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
