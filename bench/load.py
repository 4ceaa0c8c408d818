#!/usr/bin/env python3
"""A bounded loopback load test of a generated backend on PostgreSQL: requests per second for
list, get and create, with a fixed number of requests and a time cap. Traffic goes to 127.0.0.1 only.

    python3 bench/load.py --database postgresql://specgen:specgen@127.0.0.1:5432/specgen_load \\
        [--example todo] [--requests 2000] [--concurrency 16]

It generates the example, migrates the database with the generated Alembic migrations (start-up never
creates tables), starts it with uvicorn (one worker) using the generated suite's own test keys
(tests/serve.py), seeds rows through the API, then measures each operation.
"""
import argparse
import asyncio
import os
import socket
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import httpx

ROOT = Path(__file__).resolve().parent.parent
MAX_SECONDS_PER_PHASE = 60


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


async def hammer(client: httpx.AsyncClient, requests: int, concurrency: int, make) -> tuple[float, int]:
    """Sends `requests` requests, `concurrency` at a time; returns requests/s and the error count."""
    errors = 0
    sent = 0
    started = time.perf_counter()

    async def worker() -> None:
        nonlocal errors, sent
        while sent < requests and time.perf_counter() - started < MAX_SECONDS_PER_PHASE:
            sent += 1
            method, url, body = make(sent)
            response = await client.request(method, url, json=body)
            if response.status_code >= 400:
                errors += 1

    await asyncio.gather(*(worker() for _ in range(concurrency)))
    return sent / (time.perf_counter() - started), errors


async def measure(base: str, auth: str, example: str, requests: int, concurrency: int) -> None:
    headers = {"Authorization": auth}
    async with httpx.AsyncClient(base_url=base, headers=headers, timeout=30) as client:
        if example == "todo":
            user = (await client.get("/openapi.json")).status_code and os.environ["LOAD_USER"]
            collection = f"/api/{user}/tasks"
            body = lambda i: {"title": f"task {i}", "description": "load test"}  # noqa: E731
        else:
            collection = "/notes"
            body = lambda i: {"body": f"note {i}"}  # noqa: E731
        ids = []
        for i in range(50):
            created = await client.post(collection, json=body(i))
            created.raise_for_status()
            ids.append(created.json()["id"])
        # Reads first, over the 50 seeded rows, so the list's size does not grow with the creates.
        for name, make in (
            ("list", lambda i: ("GET", collection, None)),
            ("get", lambda i: ("GET", f"{collection}/{ids[i % len(ids)]}", None)),
            ("create", lambda i: ("POST", collection, body(1000 + i))),
        ):
            rate, errors = await hammer(client, requests, concurrency, make)
            print(f"{example:>6} {name:<7} {rate:8.0f} req/s  ({errors} errors, {requests} requests,"
                  f" concurrency {concurrency})", flush=True)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--database", required=True)
    parser.add_argument("--example", default="todo", choices=["todo", "notes"])
    parser.add_argument("--requests", type=int, default=2000)
    parser.add_argument("--concurrency", type=int, default=16)
    parser.add_argument("--python", default=str(ROOT / ".cache" / "venv" / "bin" / "python"))
    args = parser.parse_args()
    out = Path(tempfile.mkdtemp(prefix="specgen-load-")) / args.example
    subprocess.run([str(ROOT / "specgen"), "generate", str(ROOT / "examples" / args.example), "--out", str(out)],
                   check=True, stdout=subprocess.DEVNULL)
    port = free_port()
    token_file = out / ".token"
    env = {**os.environ, "DATABASE_URL": args.database}
    # Start-up creates no tables: migrate first, as a deployment would.
    migrated = subprocess.run([args.python, "-m", "alembic", "upgrade", "head"], cwd=out, env=env,
                              capture_output=True, text=True)
    if migrated.returncode != 0:
        sys.exit(f"alembic upgrade head failed:\n{migrated.stdout}{migrated.stderr}")
    server = subprocess.Popen([args.python, "-m", "tests.serve", str(port), str(token_file)], cwd=out, env=env,
                              stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        for _ in range(100):
            if token_file.exists():
                try:
                    httpx.get(f"http://127.0.0.1:{port}/openapi.json", timeout=1)
                    break
                except httpx.HTTPError:
                    pass
            time.sleep(0.2)
        user = subprocess.run([args.python, "-c", "from tests.support import USER_A; print(USER_A.id)"], cwd=out,
                              capture_output=True, text=True, check=True).stdout.strip()
        os.environ["LOAD_USER"] = user
        asyncio.run(measure(f"http://127.0.0.1:{port}", token_file.read_text(), args.example, args.requests,
                            args.concurrency))
    finally:
        server.terminate()
        server.wait(timeout=10)


if __name__ == "__main__":
    sys.exit(main())
