#!/usr/bin/env python3
"""Load, race and fault suite: generated examples on PostgreSQL under uvicorn --workers 4.

    scripts/load-race-test.py PG_URL APP_PYTHON [--examples taskboard,todo,ledger] [--report docs/robustness.md]
                              [--specgen ./specgen] [--rounds 10]

PG_URL names a server, without a database (postgresql://specgen:specgen@127.0.0.1:5432); each example gets a
fresh database of its own, dropped afterwards. APP_PYTHON has the generated requirements installed. Everything
runs on loopback and stops by itself (a minute or so per example). For each example it measures:

- concurrent toggles of one row (8 at once, per round): rounds whose final value is wrong (lost updates);
- concurrent deletes of one row (8 at once, per round): rounds without exactly one 204 and the rest 404;
- every two-decimal amount of a sweep from 0.01 to 5000.00 created (where the contract has money): refused ones;
  1e400 answered as invalid input, not a 5xx;
- a trailing slash on every contract path, with Host: evil.example: redirects (must be 0);
- reads and writes during faults (every server connection of the database terminated, which psycopg reports as
  AdminShutdown, three times, then the database unreachable through a relay that is stopped and restarted):
  5xx answers other than 503 (must be 0), and 503s without Retry-After.

Then the races again on a SQLite file under the same four workers: SQLite has no SELECT ... FOR UPDATE, so it
shows whether the generated backend's BEGIN IMMEDIATE keeps the toggles and deletes exact there too.

It prints each figure, exits 1 when one misses its target, and with --report writes them to a Markdown file.
scripts/runtime_check.py covers the rest of a real server's behaviour (keep-alive, logs, body limits).
"""
import argparse
import json
import os
import random
import shutil
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent

# What each example's contract calls its operations. {uid} is the caller's id, {key} the row's.
EXAMPLES: dict[str, dict[str, Any]] = {
    "taskboard": {
        "collection": "/api/{uid}/tasks",
        "item": "/api/{uid}/tasks/{key}",
        "toggle": ("/api/{uid}/tasks/{key}/complete", "completed"),
        "body": {"title": "load"},
    },
    "todo": {
        "collection": "/api/{uid}/tasks",
        "item": "/api/{uid}/tasks/{key}",
        "body": {"title": "load"},
    },
    "ledger": {
        "collection": "/expenses",
        "item": "/expenses/{key}",
        "body": {"amount": 12.5, "spent_on": "2026-12-01", "merchant": "load"},
        "amount_field": "amount",
        # Expenses name their owner's row in users, which the auth service writes.
        "setup": ["make_user"],
    },
}


def admin(python: str, pg_url: str, statement: str) -> None:
    subprocess.run([python, "-c", "import psycopg,sys; c=psycopg.connect(sys.argv[1], autocommit=True); "
                    "c.execute(sys.argv[2])", f"{pg_url}/postgres", statement], check=True)


def outer(args: argparse.Namespace) -> int:
    results: dict[str, Any] = {}
    failed = False
    for name in args.examples.split(","):
        work = Path(tempfile.mkdtemp(prefix=f"load-{name}-"))
        out = work / name
        try:
            subprocess.run([args.specgen, "generate", str(ROOT / "examples" / name), "--out", str(out)], check=True,
                           stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
            db = f"specgen_load_{name}_{os.getpid()}"
            admin(args.python, args.pg_url, f"DROP DATABASE IF EXISTS {db}")
            admin(args.python, args.pg_url, f"CREATE DATABASE {db}")
            try:
                print(f"== {name}: uvicorn --workers 4 on PostgreSQL", flush=True)
                figures_path = work / "figures.json"
                code = subprocess.run([args.python, str(Path(__file__).resolve()), "--inner", name,
                                       f"{args.pg_url}/{db}", str(figures_path), "--rounds", str(args.rounds)],
                                      cwd=out).returncode
                failed |= code != 0
                results[name] = json.loads(figures_path.read_text()) if figures_path.exists() else {"error": code}
                print(f"== {name}: uvicorn --workers 4 on SQLite", flush=True)
                sqlite_figures = work / "figures-sqlite.json"
                code = subprocess.run([args.python, str(Path(__file__).resolve()), "--inner", name,
                                       f"sqlite:///{work}/load.db", str(sqlite_figures), "--rounds", str(args.rounds)],
                                      cwd=out).returncode
                failed |= code != 0
                rows = json.loads(sqlite_figures.read_text())["rows"] if sqlite_figures.exists() else []
                results[name].setdefault("rows", []).extend(
                    {**row, "what": "SQLite: " + row["what"]} for row in rows)
            finally:
                admin(args.python, args.pg_url, f"DROP DATABASE IF EXISTS {db} WITH (FORCE)")
        finally:
            shutil.rmtree(work, ignore_errors=True)
    if args.report:
        write_report(Path(args.report), results, args)
    print("load-race: " + ("FAILED" if failed else "all figures on target"))
    return 1 if failed else 0


def write_report(path: Path, results: dict[str, Any], args: argparse.Namespace) -> None:
    """One section per --section (default "current"); the file's other sections are kept, so a run of an
    older specgen (--specgen) and of this one sit side by side."""
    header = [
        "# Robustness under load, races and faults",
        "",
        "Written by `scripts/load-race-test.py` from what it measured; do not edit by hand. Each example runs",
        "under `uvicorn --workers 4` on a fresh PostgreSQL database, on loopback, on the project's 2-core VM; the",
        "rows marked SQLite race the same requests on a SQLite file (no row locks there: BEGIN IMMEDIATE instead):",
        "",
        "```sh",
        "scripts/load-race-test.py PG_URL APP_PYTHON --report docs/robustness.md [--section NAME --specgen PATH]",
        "```",
        "",
    ]
    sections: dict[str, list[str]] = {}
    if path.exists():
        current = None
        for line in path.read_text(encoding="utf-8").splitlines():
            if line.startswith("## "):
                current = line[3:]
                sections[current] = []
            elif current is not None:
                sections[current].append(line)
    table = [
        "",
        f"`--examples {args.examples} --rounds {args.rounds}`" + (f", generated by `{args.specgen}`"
                                                                  if args.section != "current" else ""),
        "",
        "| example | measure | result | target | met |",
        "| --- | --- | --- | --- | --- |",
    ]
    for name, figures in results.items():
        for row in figures.get("rows", []):
            table.append(f"| {name} | {row['what']} | {row['value']} | {row['target']} | "
                         f"{'yes' if row['ok'] else '**no**'} |")
    sections[args.section] = table + [""]
    lines = header
    for name in sorted(sections, key=lambda section: (section != "current", section)):
        lines += [f"## {name}", *sections[name]]
    path.write_text("\n".join(lines).rstrip("\n") + "\n", encoding="utf-8")
    print(f"figures written to {path}")


# --- inside the generated folder, with the app's Python ---------------------------------------------


class Run:
    def __init__(self, port: int, headers: dict[str, str], uid: str, spec: dict[str, Any]) -> None:
        import httpx

        self.client = httpx.Client(base_url=f"http://127.0.0.1:{port}", timeout=60,
                                   limits=httpx.Limits(max_connections=64))
        self.headers = headers
        self.uid = uid
        self.spec = spec
        self.rows: list[dict[str, Any]] = []
        self.failures: list[str] = []

    def record(self, what: str, value: Any, target: str, ok: bool) -> None:
        print(f"{'ok  ' if ok else 'FAIL'} {what}: {value} (target {target})", flush=True)
        self.rows.append({"what": what, "value": value, "target": target, "ok": ok})
        if not ok:
            self.failures.append(what)

    def url(self, template: str, key: Any = None) -> str:
        return template.replace("{uid}", self.uid).replace("{key}", str(key))

    def create(self, body: dict[str, Any] | None = None) -> Any:
        from tests.support import body_row

        response = self.client.post(self.url(self.spec["collection"]), json=body or self.spec["body"],
                                    headers=self.headers)
        assert response.status_code == 201, response.text
        return body_row(response)["id"]

    def together(self, count: int, call: Any) -> list[Any]:
        """count calls started at the same moment, each on its own thread."""
        barrier = threading.Barrier(count)
        answers: list[Any] = [None] * count

        def one(index: int) -> None:
            barrier.wait()
            answers[index] = call()

        threads = [threading.Thread(target=one, args=(i,)) for i in range(count)]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
        return answers


def toggles(run: Run, rounds: int) -> None:
    from tests.support import body_row

    path, field = run.spec["toggle"]
    lost = 0
    statuses: set[int] = set()
    for _ in range(rounds):
        key = run.create()
        before = body_row(run.client.get(run.url(run.spec["item"], key), headers=run.headers))[field]
        answers = run.together(8, lambda: run.client.patch(run.url(path, key), headers=run.headers).status_code)
        statuses.update(answers)
        after = body_row(run.client.get(run.url(run.spec["item"], key), headers=run.headers))[field]
        lost += after != before  # eight flips leave the value as it was
    run.record(f"rounds of 8 concurrent toggles of one row with a lost update ({rounds} rounds)", lost, "0",
               lost == 0 and statuses == {200})


def deletes(run: Run, rounds: int) -> None:
    wrong = 0
    seen: dict[int, int] = {}
    for _ in range(rounds):
        key = run.create()
        answers = run.together(8, lambda: run.client.delete(run.url(run.spec["item"], key),
                                                            headers=run.headers).status_code)
        for status in answers:
            seen[status] = seen.get(status, 0) + 1
        wrong += sorted(answers) != [204] + [404] * 7
    run.record(f"rounds of 8 concurrent deletes of one row without exactly one 204 ({rounds} rounds)", wrong, "0",
               wrong == 0)
    run.record("answers to those deletes", json.dumps(dict(sorted(seen.items()))), "one 204 per row, the rest 404",
               wrong == 0)


def amounts(run: Run) -> None:
    field = run.spec["amount_field"]
    rng = random.Random(19)
    cents = sorted({1, 7, 1999, 123457, 500000, *rng.sample(range(1, 500001), 600)})
    refused: list[str] = []
    lock = threading.Lock()

    def post(batch: list[int]) -> None:
        for value in batch:
            text = f"{value // 100}.{value % 100:02d}"
            body = json.dumps({**run.spec["body"], field: "AMOUNT"}).replace('"AMOUNT"', text)
            response = run.client.post(run.url(run.spec["collection"]), content=body,
                                       headers={**run.headers, "Content-Type": "application/json"})
            if response.status_code != 201:
                with lock:
                    refused.append(text)

    threads = [threading.Thread(target=post, args=(cents[i::8],)) for i in range(8)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    run.record(f"two-decimal amounts refused (of {len(cents)} from 0.01 to 5000.00)",
               f"{len(refused)}" + (f" (e.g. {', '.join(refused[:3])})" if refused else ""), "0", not refused)
    huge = json.dumps({**run.spec["body"], field: "AMOUNT"}).replace('"AMOUNT"', "1e400")
    status = run.client.post(run.url(run.spec["collection"]), content=huge,
                             headers={**run.headers, "Content-Type": "application/json"}).status_code
    run.record("status of an amount of 1e400", status, "400 or 422 (invalid input)", status in (400, 422))


def redirects(run: Run, paths: list[str]) -> None:
    redirected = []
    for template in paths:
        path = template.replace("{user_id}", run.uid)
        for variant in (path + "/", path.replace("{", "x").replace("}", "") + "/"):
            response = run.client.get(variant, headers={**run.headers, "Host": "evil.example"})
            if 300 <= response.status_code < 400 or "location" in response.headers:
                redirected.append(f"{variant} {response.status_code}")
    run.record(f"redirects for a trailing slash ({2 * len(paths)} paths, Host: evil.example)", len(redirected), "0",
               not redirected)


def faults(run: Run, database_url: str, proxy: Any) -> None:
    import psycopg

    statuses: dict[int, int] = {}
    unexplained: list[str] = []
    stop = threading.Event()
    lock = threading.Lock()

    def load() -> None:
        import httpx

        keys: list[Any] = []
        while not stop.is_set():
            try:
                if keys and random.random() < 0.3:
                    response = run.client.delete(run.url(run.spec["item"], keys.pop()), headers=run.headers)
                elif random.random() < 0.5:
                    response = run.client.post(run.url(run.spec["collection"]), json=run.spec["body"],
                                               headers=run.headers)
                    if response.status_code == 201:
                        from tests.support import body_row

                        keys.append(body_row(response)["id"])
                else:
                    response = run.client.get(run.url(run.spec["collection"]), headers=run.headers)
            except httpx.HTTPError as exc:
                with lock:
                    unexplained.append(f"connection error {type(exc).__name__}")
                continue
            with lock:
                statuses[response.status_code] = statuses.get(response.status_code, 0) + 1
                if response.status_code >= 500 and response.status_code != 503:
                    unexplained.append(f"{response.status_code} {response.text[:120]}")
                if response.status_code == 503 and not response.headers.get("retry-after", "").isdigit():
                    unexplained.append("503 without Retry-After")

    threads = [threading.Thread(target=load) for _ in range(8)]
    for thread in threads:
        thread.start()
    database = database_url.rsplit("/", 1)[1].split("?")[0]
    admin_url = database_url.rsplit("/", 1)[0] + "/postgres"
    with psycopg.connect(admin_url, autocommit=True) as conn:
        for _ in range(3):
            time.sleep(1.5)
            # What a restarting server does to each connection: psycopg raises AdminShutdown (57P01).
            conn.execute("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = %s "
                         "AND pid <> pg_backend_pid()", (database,))
    time.sleep(1.5)
    proxy.stop()  # the database unreachable
    time.sleep(2)
    proxy.start()
    time.sleep(2.5)
    stop.set()
    for thread in threads:
        thread.join()
    total = sum(statuses.values())
    answered = json.dumps(dict(sorted(statuses.items())))
    run.record(f"answers under load through 3 connection kills and an outage ({total} requests)", answered,
               "counted", True)
    run.record("5xx other than 503, or 503 without Retry-After, or dropped connections", len(unexplained)
               if not unexplained else f"{len(unexplained)} ({unexplained[0]})", "0", not unexplained)
    recovered = run.client.get(run.url(run.spec["collection"]), headers=run.headers).status_code
    run.record("status once the database is back", recovered, "200", recovered == 200)


def inner(args: argparse.Namespace) -> int:
    sys.path.insert(0, os.getcwd())
    sys.path.insert(0, str(Path(__file__).resolve().parent))
    os.environ["DATABASE_URL"] = args.database_url
    from tests.support import JWT_KEY_ENV, USER_A, server_key_setting

    os.environ[JWT_KEY_ENV] = server_key_setting()
    import runtime_check
    from sqlmodel import SQLModel, create_engine
    from tests.test_runtime import TcpProxy

    from app import models  # noqa: F401  (every table)
    from app.db import normalize_database_url

    spec = EXAMPLES[args.inner]
    on_sqlite = args.database_url.startswith("sqlite")
    schema_engine = create_engine(args.database_url if on_sqlite else normalize_database_url(args.database_url))
    SQLModel.metadata.create_all(schema_engine)
    schema_engine.dispose()
    if spec.get("setup"):
        from fastapi.testclient import TestClient

        from app.main import app
        from tests import factories

        with TestClient(app) as client:
            for factory in spec["setup"]:
                getattr(factories, factory)(client, USER_A)
    url = schema_engine.url
    proxy = None
    served_url = args.database_url
    if not on_sqlite:
        proxy = TcpProxy(url.host or "127.0.0.1", url.port or 5432)
        proxy.start()
        served_url = url.set(port=proxy.port).update_query_dict({"hostaddr": "127.0.0.1"}).render_as_string(
            hide_password=False)
    port = runtime_check.free_port()
    log_path = Path("load-race-sqlite.log" if on_sqlite else "load-race.log")
    env = {**os.environ, "DATABASE_URL": served_url, "LOG_FORMAT": "json"}
    with log_path.open("w") as log:
        server = subprocess.Popen([sys.executable, "-m", "uvicorn", "app.main:app", "--host", "127.0.0.1", "--port",
                                   str(port), "--workers", "4"], env=env, stdout=log, stderr=subprocess.STDOUT)
    run = Run(port, USER_A.headers, str(USER_A.id), spec)
    try:
        deadline = time.monotonic() + 120
        while time.monotonic() < deadline and server.poll() is None:
            if log_path.read_text().count('"message": "Application startup complete."') == 4:
                break
            time.sleep(0.2)
        started = time.monotonic()
        if "toggle" in spec:
            toggles(run, args.rounds)
        deletes(run, args.rounds)
        if not on_sqlite:
            if "amount_field" in spec:
                amounts(run)
            contract = json.loads(Path("app/openapi.json").read_text())
            redirects(run, sorted(contract.get("paths", {})))
            faults(run, args.database_url, proxy)
        run.record("seconds the checks took", round(time.monotonic() - started, 1), "bounded", True)
    finally:
        server.terminate()
        try:
            server.wait(timeout=30)
        except subprocess.TimeoutExpired:
            server.kill()
        if proxy is not None:
            proxy.stop()
    tracebacks = sum("Traceback" in line for line in log_path.read_text().splitlines())
    run.record("tracebacks in the server log", tracebacks, "0", tracebacks == 0)
    if run.failures:
        lines = log_path.read_text().splitlines()
        first = next((i for i, line in enumerate(lines) if "Traceback" in line), max(0, len(lines) - 30))
        print("--- server log ---")
        print("\n".join(lines[first:first + 30]))
    Path(args.figures).write_text(json.dumps({"rows": run.rows}))
    return 1 if run.failures else 0


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("pg_url", nargs="?")
    parser.add_argument("python", nargs="?")
    parser.add_argument("--examples", default="taskboard,todo,ledger")
    parser.add_argument("--report")
    parser.add_argument("--section", default="current", help="the report's section these figures go to")
    parser.add_argument("--specgen", default=str(ROOT / "specgen"))
    parser.add_argument("--rounds", type=int, default=10)
    parser.add_argument("--inner")
    parser.add_argument("figures", nargs="?")
    args, rest = parser.parse_known_args()
    if args.inner:
        args.database_url, args.figures = args.pg_url, args.python
        return inner(args)
    if not args.pg_url or not args.python:
        parser.error("PG_URL and APP_PYTHON are required")
    return outer(args)


if __name__ == "__main__":
    sys.exit(main())
