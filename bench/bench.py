#!/usr/bin/env python3
"""Times whole-process specgen runs, as a pre-commit hook sees them, and compares them with
OpenAPI Generator's python-fastapi generator on the same contracts.

    python3 bench/bench.py [--runs 5] [--sizes 1,10,100,200] [--no-openapi-generator]

For each size N (entities; 5 operations each) it prints the median wall time and the peak memory
(max RSS) of validate, generate and check, then OpenAPI Generator's generate and the ratio. The todo
example is timed too, against its targets. OpenAPI Generator is a Maven artifact fetched into
bench/.cache for this comparison only; it is never shipped.
"""
import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SPECGEN = ROOT / "specgen"
CACHE = ROOT / "bench" / ".cache"
OAG_VERSION = "7.25.0"
TARGETS = {("todo", "validate"): 0.35, ("todo", "check"): 0.35, ("todo", "generate"): 0.5,
           (200, "validate"): 2.0, (200, "generate"): 2.0, (200, "check"): 2.0}


def timed(cmd: list[str]) -> tuple[float, int]:
    """Wall seconds and peak RSS in MiB of one process, measured by GNU time."""
    with tempfile.NamedTemporaryFile("r", suffix=".time") as out:
        proc = subprocess.run(["/usr/bin/time", "-f", "%e %M", "-o", out.name, *cmd],
                              stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
        if proc.returncode != 0:
            sys.exit(f"failed ({proc.returncode}): {' '.join(cmd)}\n{proc.stderr[-2000:]}")
        seconds, kib = out.read().split()[-2:]
        return float(seconds), int(kib) // 1024


def median_of(runs: int, make_cmd) -> tuple[float, int]:
    samples = [timed(make_cmd(i)) for i in range(runs)]
    return statistics.median(s[0] for s in samples), max(s[1] for s in samples)


def openapi_generator_jar() -> Path | None:
    jar = CACHE / f"openapi-generator-cli-{OAG_VERSION}.jar"
    if not jar.exists():
        CACHE.mkdir(parents=True, exist_ok=True)
        subprocess.run(["mvn", "-B", "-q", "dependency:copy",
                        f"-Dartifact=org.openapitools:openapi-generator-cli:{OAG_VERSION}",
                        f"-DoutputDirectory={CACHE}"], check=False, cwd=ROOT)
    return jar if jar.exists() else None


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--sizes", default="1,10,100,200")
    parser.add_argument("--no-openapi-generator", action="store_true")
    args = parser.parse_args()
    work = Path(tempfile.mkdtemp(prefix="specgen-bench-"))
    subprocess.run([str(SPECGEN), "--version"], check=True, capture_output=True)  # build + class-data cache
    oag = None if args.no_openapi_generator else openapi_generator_jar()
    specs: list[tuple[object, Path]] = [("todo", ROOT / "examples" / "todo")]
    for n in [int(s) for s in args.sizes.split(",")]:
        spec = work / f"spec-{n}"
        subprocess.run([sys.executable, str(ROOT / "bench" / "synth.py"), str(n), str(spec)], check=True)
        specs.append((n, spec))
    print(f"{'spec':>6} {'command':<28} {'median s':>9} {'peak MiB':>9} {'target':>8}")
    for size, spec in specs:
        out = work / f"out-{size}"
        rows = [
            ("validate", lambda i: [str(SPECGEN), "validate", str(spec)]),
            ("generate", lambda i: [str(SPECGEN), "generate", str(spec), "--out", str(out / f"fresh-{i}")]),
            ("check", lambda i: [str(SPECGEN), "check", str(spec), "--out", str(out / "fresh-0")]),
        ]
        results = {}
        for name, cmd in rows:
            seconds, mib = median_of(args.runs, cmd)
            results[name] = seconds
            target = TARGETS.get((size, name))
            verdict = "" if target is None else (f"<= {target}" + (" ok" if seconds <= target else " MISSED"))
            print(f"{size!s:>6} {'specgen ' + name:<28} {seconds:9.2f} {mib:9d} {verdict:>8}", flush=True)
        # check of unchanged output answers from the manifest's hashes: at least 10x faster than generate.
        ratio = results["generate"] / results["check"]
        print(f"{size!s:>6} {'generate / check':<28} {ratio:8.1f}x {'':>9} {'>= 10x' + (' ok' if ratio >= 10 else ' MISSED'):>8}",
              flush=True)
        if oag is not None:
            contract = spec / "contracts" / "openapi.yaml"
            seconds, mib = median_of(min(args.runs, 3), lambda i: [
                "java", "-jar", str(oag), "generate", "-g", "python-fastapi", "-i", str(contract),
                "-o", str(work / f"oag-{size}-{i}"), "--skip-validate-spec"])
            speedup = seconds / results["generate"]
            print(f"{size!s:>6} {'openapi-generator generate':<28} {seconds:9.2f} {mib:9d}"
                  f"   ({speedup:.1f}x specgen generate; target >= 5x{' ok' if speedup >= 5 else ' MISSED'})",
                  flush=True)
    shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
