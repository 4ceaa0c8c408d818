#!/usr/bin/env python3
"""Property-based specs: every drawn spec must validate, generate, and pass its own test suite.

    python3 proptest/run.py --seeds 1-30                  # seeds 1..30 on SQLite
    python3 proptest/run.py --seeds 1-3 --postgres URL    # the same on PostgreSQL
    python3 proptest/run.py --seed 17                     # replay one seed, keeping its files
    python3 proptest/run.py --regressions                 # the fixed specs under proptest/regressions/
    python3 proptest/run.py --seed 17 --write DIR         # only write seed 17's spec folder
    python3 proptest/run.py --seeds 1-6 --mypy            # also mypy app (strict) on each project
    python3 proptest/run.py --seeds 1-500 --lint-only     # generate and lint only: seconds per seed
    python3 proptest/run.py --known                       # the known failures: each must still fail
    python3 proptest/run.py --seeds 1-40 --mutate         # mutants of each drawn spec must block at their line
    python3 proptest/run.py --seed 2 --corner command-answers-204 --write DIR   # draw one AVOID entry

Each generated project must also pass `ruff check` and `ruff format --check` (the ruff next to
--python) with no finding, as every example does.

A failing case prints how to replay it and copies its spec folder to proptest/failures/, from where
it becomes a fixed regression spec once the bug is fixed (see proptest/README.md).
"""
from __future__ import annotations

import argparse
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path.insert(0, str(HERE))

from specgen_prop import draw, emit, mutate  # noqa: E402


# The line of a failure's output that says what broke, for the report of a known failure.
SYMPTOM = re.compile(r"FAILED|^E  |invalid-syntax|^[A-Z]+\d{3,4} |would be reformatted|SG\d{3}|Error")


@dataclass
class Case:
    name: str
    replay: str
    spec: Path | None = None  # a fixed spec folder; None: drawn from the seed
    seed: int | None = None
    known: bool = False  # a known failure: it must fail, and passing is news


@dataclass
class Outcome:
    case: Case
    ok: bool
    seconds: float
    stage: str = ""
    output: str = ""
    kept: Path | None = None


def seeds(text: str) -> list[int]:
    out: list[int] = []
    for part in text.split(","):
        low, _, high = part.partition("-")
        out.extend(range(int(low), int(high or low) + 1))
    return out


def run_case(case: Case, args: argparse.Namespace, work: Path) -> Outcome:
    started = time.monotonic()
    folder = work / case.name
    spec_dir = folder / "spec"
    if case.spec is not None:
        shutil.copytree(case.spec, spec_dir)
    else:
        emit.write(draw.draw(case.seed, args.all_corners, frozenset(args.corner)), spec_dir)
    if args.mutate and case.seed is not None:
        return mutation_pass(case, args, spec_dir, started)
    out_dir = folder / "out"
    result = subprocess.run(args.specgen + ["generate", str(spec_dir), "--out", str(out_dir)],
                            capture_output=True, text=True)
    if result.returncode != 0:
        return fail(case, started, "validate/generate", result.stdout + result.stderr, spec_dir)
    for stage, command in lint_commands(args):
        result = subprocess.run(command, cwd=out_dir, capture_output=True, text=True)
        if result.returncode != 0:
            return fail(case, started, stage, result.stdout + result.stderr, spec_dir)
    if args.lint_only:
        return Outcome(case, True, time.monotonic() - started)
    env = {k: v for k, v in os.environ.items() if k != "DATABASE_URL"}
    database = None
    if args.postgres:
        database = f"specgen_prop_{os.getpid()}_{case.name.replace('-', '_')}"
        postgres(args, f"DROP DATABASE IF EXISTS {database}", f"CREATE DATABASE {database}")
        env["DATABASE_URL"] = f"{args.postgres}/{database}"
    try:
        result = subprocess.run([args.python, "-m", "pytest", "-q", "-x", "-p", "no:cacheprovider"], cwd=out_dir,
                                env=env, capture_output=True, text=True, timeout=args.timeout)
        output = result.stdout + result.stderr
        code = result.returncode
    except subprocess.TimeoutExpired:
        output, code = f"pytest took longer than {args.timeout} s", 1
    finally:
        if database:
            postgres(args, f"DROP DATABASE IF EXISTS {database}")
    if code != 0:
        return fail(case, started, "pytest" + (" on PostgreSQL" if args.postgres else " on SQLite"), output, spec_dir)
    return Outcome(case, True, time.monotonic() - started)


def mutation_pass(case: Case, args: argparse.Namespace, spec_dir: Path, started: float) -> Outcome:
    """Each mutation of the drawn spec must block at the line it changed (specgen_prop/mutate.py)."""
    model = (spec_dir / "model.yaml").read_text(encoding="utf-8")
    contract = (spec_dir / "contracts" / "openapi.yaml").read_text(encoding="utf-8")
    spec = draw.draw(case.seed, args.all_corners, frozenset(args.corner))
    for mutation in mutate.mutations(spec, model, contract, set() if args.all_corners else mutate.AVOID):
        folder = spec_dir.parent / ("mutant-" + mutation.name)
        shutil.copytree(spec_dir, folder)
        problem = mutate.check(args.specgen, folder, mutation)
        if problem:
            return fail(case, started, f"mutation {mutation.name}", problem, folder)
    return Outcome(case, True, time.monotonic() - started)


def lint_commands(args: argparse.Namespace) -> list[tuple[str, list[str]]]:
    """The static checks a generated project passes with no finding, with the tools next to --python."""
    if args.no_lint:
        return []
    tools = Path(args.python).parent
    paths = args.lint_paths.split()
    commands = [("ruff check", [str(tools / "ruff"), "check", "--no-cache", *paths]),
                ("ruff format", [str(tools / "ruff"), "format", "--check", "--no-cache", *paths])]
    if args.mypy:
        commands.append(("mypy", [args.python, "-m", "mypy", "--no-incremental", "app"]))
    return commands


def postgres(args: argparse.Namespace, *statements: str) -> None:
    script = ("import psycopg, sys\nwith psycopg.connect(sys.argv[1], autocommit=True) as c:\n"
              + "".join(f"    c.execute({s!r})\n" for s in statements))
    subprocess.run([args.python, "-c", script, f"{args.postgres}/postgres"], check=True, capture_output=True)


def fail(case: Case, started: float, stage: str, output: str, spec_dir: Path) -> Outcome:
    if case.known:
        return Outcome(case, False, time.monotonic() - started, stage, output, case.spec)
    kept = HERE / "failures" / case.name
    if kept.exists():
        shutil.rmtree(kept)
    shutil.copytree(spec_dir, kept)
    return Outcome(case, False, time.monotonic() - started, stage, output, kept)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--seeds", help="seeds to draw, e.g. 1-30 or 1,5,9-12")
    parser.add_argument("--seed", type=int, help="one seed: replay it and keep its files")
    parser.add_argument("--regressions", action="store_true", help="run the fixed specs in proptest/regressions/")
    parser.add_argument("--postgres", metavar="URL", help="server URL without a database, e.g. "
                        "postgresql://u:p@127.0.0.1:5432; each case gets a database of its own")
    parser.add_argument("--write", metavar="DIR", help="with --seed: write the spec folder there and stop")
    parser.add_argument("--all-corners", action="store_true",
                        help="also draw what the known bugs of other streams need (specgen_prop/draw.py AVOID)")
    parser.add_argument("--corner", action="append", default=[], metavar="NAME",
                        help="also draw this one AVOID entry (repeatable), to reproduce its known failure")
    parser.add_argument("--known", action="store_true",
                        help="run the known failures in proptest/known/: each must still fail; one that passes "
                        "is reported, to move to regressions/ with its AVOID entry removed")
    parser.add_argument("--mutate", action="store_true",
                        help="instead of generating: remove from each drawn spec what a careful implementer needs "
                        "(a 401, the owner field, a create member the table needs); each must block at its line")
    parser.add_argument("--jobs", type=int, default=int(os.environ.get("PROPTEST_JOBS", "2")))
    parser.add_argument("--timeout", type=int, default=600, help="seconds one suite may take")
    parser.add_argument("--python", default=str(ROOT / ".cache" / "venv" / "bin" / "python"),
                        help="the Python that has the generated backends' requirements")
    parser.add_argument("--lint-paths", default=".", metavar="PATHS",
                        help="what ruff checks in each generated project (default: all of it), e.g. 'tests'")
    parser.add_argument("--no-lint", action="store_true", help="skip ruff check and ruff format --check")
    parser.add_argument("--mypy", action="store_true", help="also run mypy app (strict) on each generated project")
    parser.add_argument("--lint-only", action="store_true",
                        help="generate and lint, without the test suites: a quick sweep over many seeds")
    args = parser.parse_args()

    if args.write:
        if args.seed is None:
            parser.error("--write needs --seed")
        emit.write(draw.draw(args.seed, args.all_corners, frozenset(args.corner)), Path(args.write))
        print(f"wrote seed {args.seed} to {args.write}")
        return 0
    pg = (f" --postgres {args.postgres}" if args.postgres else "") + (" --all-corners" if args.all_corners else "")
    pg += "".join(f" --corner {name}" for name in args.corner) + (" --mutate" if args.mutate else "")
    pg += (f" --lint-paths {args.lint_paths!r}" if args.lint_paths != "." else "") + (" --mypy" if args.mypy else "")
    cases: list[Case] = []
    for seed in ([args.seed] if args.seed is not None else seeds(args.seeds) if args.seeds else []):
        cases.append(Case(f"seed-{seed}", f"python3 proptest/run.py --seed {seed}{pg}", seed=seed))
    if args.regressions:
        for spec in sorted(p for p in (HERE / "regressions").iterdir() if (p / "model.yaml").exists()):
            cases.append(Case(spec.name, f"python3 proptest/run.py --regressions{pg}  # {spec.name}", spec=spec))
    if args.known:
        for spec in sorted(p for p in (HERE / "known").iterdir() if (p / "model.yaml").exists()):
            cases.append(Case(spec.name, f"python3 proptest/run.py --known{pg}  # {spec.name}", spec=spec, known=True))
    if not cases:
        parser.error("give --seeds, --seed, --regressions or --known")

    keep = args.seed is not None
    work = Path(tempfile.mkdtemp(prefix="specgen-prop-"))
    # Build the jar once and run a copy of it, so that cases running side by side, or sources edited
    # during a run, never rebuild it under them.
    subprocess.run([str(ROOT / "specgen"), "--version"], check=True, capture_output=True)
    shutil.copy(ROOT / "target" / "specgen.jar", work / "specgen.jar")
    java = os.environ.get("SPECGEN_JAVA") or shutil.which("java") or "java"
    args.specgen = [java, "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-jar", str(work / "specgen.jar")]
    started = time.monotonic()
    failures = 0
    with ThreadPoolExecutor(max_workers=max(1, args.jobs)) as pool:
        for outcome in pool.map(lambda c: run_case(c, args, work), cases):
            if outcome.case.known:
                if outcome.ok:
                    failures += 1
                    print(f"FIXED {outcome.case.name}: a known failure passes now; move it to proptest/regressions/"
                          " and remove its entry from AVOID in specgen_prop/draw.py", flush=True)
                else:
                    first = next((line for line in outcome.output.splitlines() if SYMPTOM.search(line)), "")
                    print(f"known {outcome.case.name} still fails at {outcome.stage}: {first.strip()[:120]}",
                          flush=True)
                continue
            if outcome.ok:
                print(f"ok    {outcome.case.name} ({outcome.seconds:.1f} s)", flush=True)
                continue
            failures += 1
            tail = "\n".join(outcome.output.strip().splitlines()[-40:])
            print(f"FAIL  {outcome.case.name} at {outcome.stage} ({outcome.seconds:.1f} s)\n{tail}\n"
                  f"  replay: {outcome.case.replay}\n  spec kept in {outcome.kept.relative_to(ROOT)}"
                  + (f"\n  files in {work / outcome.case.name}" if keep else ""), flush=True)
    if not keep:
        shutil.rmtree(work, ignore_errors=True)
    print(f"proptest: {len(cases) - failures} passed, {failures} failed in {time.monotonic() - started:.0f} s")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
