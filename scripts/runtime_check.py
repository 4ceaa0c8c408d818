"""Runs a generated backend under uvicorn with several workers on a fresh PostgreSQL database and
checks what only a real server shows: keep-alive through a database outage, recovery without a
restart, one log line per event in JSON with the request id, bounded memory under large bodies.

    cd GENERATED_DIR && APP_PYTHON scripts/runtime_check.py DATABASE_URL [--workers N]

DATABASE_URL names an empty database. The schema is created first, as a deployment's migrations
would; the server reaches the database through a TCP relay that is stopped to stage the outage.
"""
import argparse
import http.client
import json
import os
import signal
import socket
import subprocess
import sys
import threading
import time
from pathlib import Path
from typing import Any

MIB = 1024 * 1024
failures: list[str] = []


def check(ok: bool, what: str) -> None:
    print(f"{'ok  ' if ok else 'FAIL'} {what}", flush=True)
    if not ok:
        failures.append(what)


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def request(port: int, method: str, path: str, *, body: Any = None, headers: dict[str, str] | None = None,
            connection: http.client.HTTPConnection | None = None) -> tuple[int, dict[str, str], bytes]:
    """Status, headers and body; status 0 when the server dropped the connection instead of answering."""
    own = connection is None
    conn = connection or http.client.HTTPConnection("127.0.0.1", port, timeout=60)
    try:
        chunked = body is not None and not isinstance(body, bytes)
        conn.request(method, path, body=body, headers=headers or {}, encode_chunked=chunked)
        response = conn.getresponse()
        return response.status, {k.lower(): v for k, v in response.getheaders()}, response.read()
    except (http.client.HTTPException, OSError):
        return 0, {}, b""
    finally:
        if own:
            conn.close()


def is_json_object(payload: bytes) -> bool:
    try:
        return isinstance(json.loads(payload), dict)
    except ValueError:
        return False


def worker_pids(parent: int) -> list[int]:
    pids = []
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        if int(fields[1]) == parent:
            pids.append(int(stat.parent.name))
    return pids


def rss_mib(pids: list[int]) -> float:
    total = 0
    for pid in pids:
        try:
            for line in Path(f"/proc/{pid}/status").read_text().splitlines():
                if line.startswith("VmRSS:"):
                    total += int(line.split()[1])
        except OSError:
            pass
    return total / 1024


class NoRelay:
    port = None

    def start(self) -> None:
        pass

    def stop(self) -> None:
        pass


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("database_url")
    parser.add_argument("--workers", type=int, default=4)
    args = parser.parse_args()

    sys.path.insert(0, os.getcwd())
    os.environ["DATABASE_URL"] = args.database_url
    from tests.support import JWT_KEY_ENV, USER_A, server_key_setting

    # A JWKS example serves its keys from this process: it stays up while the server runs.
    os.environ[JWT_KEY_ENV] = server_key_setting()
    import tests.test_runtime as runtime_tests
    from sqlmodel import SQLModel, create_engine

    from app import models  # noqa: F401  (every table)
    from app.config import settings
    from app.db import normalize_database_url

    schema_engine = create_engine(normalize_database_url(args.database_url))
    SQLModel.metadata.create_all(schema_engine)
    schema_engine.dispose()

    probe_url = getattr(runtime_tests, "PROBE_URL", None)
    body_method, body_url = runtime_tests.BODY_METHOD, runtime_tests.BODY_URL
    auth = USER_A.headers
    url = schema_engine.url
    # The generated suite's relay; it comes with the outage tests, which need a probe URL.
    relay = getattr(runtime_tests, "TcpProxy", None)
    proxy = relay(url.host or "127.0.0.1", url.port or 5432) if relay and probe_url else NoRelay()
    proxy.start()
    relayed = url.set(port=proxy.port).update_query_dict({"hostaddr": "127.0.0.1"}) if proxy.port else url

    port = free_port()
    log_path = Path("runtime-check.log")
    env = {**os.environ, "DATABASE_URL": relayed.render_as_string(hide_password=False), "LOG_FORMAT": "json"}
    command = [sys.executable, "-m", "uvicorn", "app.main:app", "--host", "127.0.0.1", "--port", str(port),
               "--workers", str(args.workers)]
    with log_path.open("w") as log:
        server = subprocess.Popen(command, env=env, stdout=log, stderr=subprocess.STDOUT)
    try:
        deadline = time.monotonic() + 120
        started = 0
        while time.monotonic() < deadline and server.poll() is None:
            started = log_path.read_text().count('"message": "Application startup complete."')
            if started == args.workers:
                break
            time.sleep(0.2)
        check(started == args.workers, f"{args.workers} workers started on a fresh database ({started} did)")
        if started != args.workers:
            return finish(server, proxy, log_path)

        status, headers, _ = request(port, "GET", "/no-such-path", headers={"X-Request-ID": "runtime-check-1"})
        check(headers.get("x-request-id") == "runtime-check-1", "a plain X-Request-ID is honoured")

        # A chunked body is counted as it is read, so it needs an operation that reads one.
        reads_body = runtime_tests.BODY_ROUTE is not None
        big = [("Content-Length", b"x" * 2 * MIB)] + ([("chunked", iter([b"x" * 64 * 1024] * 32))] if reads_body else [])
        for name, body in big:
            status, headers, payload = request(port, body_method, body_url, body=body,
                                               headers={**auth, "Content-Type": "application/json"})
            check(status == 413 and is_json_object(payload), f"a 2 MiB body ({name}) is a 413 with a JSON body ({status})")

        pids = worker_pids(server.pid)
        before = rss_mib(pids)
        peak = before
        results: list[int] = []

        def upload(chunked: bool) -> None:
            data = b"x" * 10 * MIB
            body: Any = iter([data[i:i + 65536] for i in range(0, len(data), 65536)]) if chunked else data
            results.append(request(port, body_method, body_url, body=body, headers={**auth, "Content-Type": "application/json"})[0])

        threads = [threading.Thread(target=upload, args=(reads_body and i % 2 == 0,)) for i in range(8)]
        for thread in threads:
            thread.start()
        while any(thread.is_alive() for thread in threads):
            peak = max(peak, rss_mib(pids))
            time.sleep(0.01)
        check(results.count(413) == 8, f"8 concurrent 10 MB bodies are all 413 ({sorted(results)})")
        check(peak - before < 64, f"workers' memory grows by {peak - before:.0f} MiB under them (under 64)")

        if probe_url is None:
            print("skip outage checks: the contract has no authenticated list to probe with")
            return finish(server, proxy, log_path)
        check(request(port, "GET", probe_url, headers=auth)[0] == 200, "the database answers through the relay")

        proxy.stop()
        kept = http.client.HTTPConnection("127.0.0.1", port, timeout=60)
        status, headers, payload = request(port, "GET", probe_url, headers={**auth, "X-Request-ID": "outage-1"},
                                           connection=kept)
        check(status == 503 and headers.get("retry-after", "").isdigit() and is_json_object(payload),
              f"database stopped: 503 with Retry-After and a JSON error body ({status})")
        first_socket = kept.sock
        status = request(port, "GET", probe_url, headers={**auth, "X-Request-ID": "outage-2"}, connection=kept)[0]
        check(status == 503 and kept.sock is first_socket and first_socket is not None,
              f"the keep-alive connection survives the outage ({status or 'dropped'})")
        statuses = [request(port, "GET", probe_url, headers=auth)[0] for _ in range(12)]
        check(statuses == [503] * 12, f"every worker answers 503 during the outage ({sorted(set(statuses))})")

        proxy.start()
        status = request(port, "GET", probe_url, headers=auth, connection=kept)[0]
        same = kept.sock is first_socket
        check(status == 200 and same, "database back: 200 on the same connection, no restart"
              f" ({status or 'dropped'}, {'same' if same else 'new'} connection)")
        statuses = [request(port, "GET", probe_url, headers=auth)[0] for _ in range(12)]
        check(statuses == [200] * 12, f"every worker recovers ({sorted(set(statuses))})")
        kept.close()
        return finish(server, proxy, log_path, expected_outage_lines=14)
    finally:
        if server.poll() is None:
            server.kill()
        proxy.stop()


def finish(server: subprocess.Popen[bytes], proxy: Any, log_path: Path, expected_outage_lines: int | None = None) -> int:
    server.send_signal(signal.SIGTERM)
    try:
        server.wait(timeout=30)
    except subprocess.TimeoutExpired:
        server.kill()
    proxy.stop()
    lines = log_path.read_text().splitlines()
    events = []
    for line in lines:
        try:
            events.append(json.loads(line))
        except ValueError:
            pass  # uvicorn's supervisor process never imports the app and keeps its own format
    check(not any("Traceback" in line or "Exception in ASGI application" in line for line in lines),
          "no traceback in the server log")
    if expected_outage_lines is not None:
        outage = [e for e in events if e["message"].startswith("Database unavailable")]
        check(len(outage) == expected_outage_lines,
              f"each failed request is logged once ({len(outage)} lines for {expected_outage_lines} requests)")
        tagged = [e for e in events if e["request_id"] == "outage-1"]
        check({e["logger"] for e in tagged} == {"app", "uvicorn.access"},
              "the outage line and the access line carry the request id")
    if failures:
        print("--- server log (last 40 lines) ---")
        print("\n".join(lines[-40:]))
        return 1
    log_path.unlink()
    return 0


if __name__ == "__main__":
    sys.exit(main())
