"""Starts a generated backend with `uvicorn --workers 4` on a database, several times, and requires
every worker to complete start-up, the server to answer, and the schema to be left as it was.
Start-up used to create tables, and four workers on an empty PostgreSQL database raced on CREATE
TABLE until the server exited.

usage: python scripts/workers-test.py GENERATED_DIR DATABASE_URL [ROUNDS]   (with the backend's venv)
"""
import os
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

from sqlalchemy import create_engine, inspect

WORKERS = 4


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def tables(url: str) -> set[str]:
    engine = create_engine(url.replace("postgresql://", "postgresql+psycopg://").replace("+aiosqlite", ""))
    try:
        return set(inspect(engine).get_table_names())
    finally:
        engine.dispose()


def start_once(out: Path, url: str, env: dict[str, str]) -> None:
    port = free_port()
    server = subprocess.Popen(
        [sys.executable, "-m", "uvicorn", "app.main:app", "--workers", str(WORKERS), "--port", str(port)],
        cwd=out, env={**env, "DATABASE_URL": url}, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    log: list[str] = []
    try:
        deadline = time.monotonic() + 60
        while sum("Application startup complete" in line for line in log) < WORKERS:
            line = server.stderr.readline()
            if not line and server.poll() is not None:
                sys.exit(f"the server exited ({server.returncode}) before {WORKERS} workers started:\n{''.join(log)}")
            log.append(line)
            if time.monotonic() > deadline:
                sys.exit(f"{WORKERS} workers did not all start within 60 s:\n{''.join(log)}")
        with urllib.request.urlopen(f"http://127.0.0.1:{port}/openapi.json", timeout=10) as response:
            assert response.status == 200
    finally:
        server.terminate()
        server.wait(timeout=30)
    failures = [line for line in log if "Traceback" in line or "ERROR" in line]
    if failures:
        sys.exit("a worker logged an error at start-up:\n" + "".join(log))


def main() -> None:
    out, url = Path(sys.argv[1]).resolve(), sys.argv[2]
    rounds = int(sys.argv[3]) if len(sys.argv) > 3 else 3
    sys.path.insert(0, str(out))
    os.chdir(out)
    from tests.support import JWT_KEY_ENV, server_key_setting  # the suite's own key (or JWKS on loopback)

    env = {k: v for k, v in os.environ.items() if k != "DEV_ONLY_RUN_MIGRATIONS_AT_STARTUP"}
    env[JWT_KEY_ENV] = server_key_setting()
    before = tables(url)
    for _ in range(rounds):
        start_once(out, url, env)
    assert tables(url) == before, f"start-up changed the schema: {sorted(before)} -> {sorted(tables(url))}"
    print(f"{WORKERS} workers started together {rounds} times; the schema was left as it was")


if __name__ == "__main__":
    main()
