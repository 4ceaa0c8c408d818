"""Evolves the todo example's model.yaml step by step and proves each generated migration on a real
database holding rows: `alembic upgrade head` keeps the rows, `alembic check` finds no drift, a
destructive change is blocked until acknowledged, and generating again adds nothing.

usage: python scripts/migration-evolution.py DATABASE_URL      (run with the generated backends' venv)
DATABASE_URL is an empty database: sqlite:///PATH or postgresql://...
"""
import re
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

from sqlalchemy import create_engine, text

ROOT = Path(__file__).resolve().parent.parent
BIN = Path(sys.executable).parent


def run(*args: str, cwd: Path = ROOT, env_url: str | None = None, expect: int = 0) -> str:
    env = {"PATH": f"{BIN}:/usr/bin:/bin", "HOME": str(Path.home())}
    if env_url:
        env["MIGRATION_DATABASE_URL"] = env_url
    result = subprocess.run(args, cwd=cwd, env=env, capture_output=True, text=True)
    if result.returncode != expect:
        sys.exit(f"FAILED ({result.returncode}, expected {expect}): {' '.join(args)}\n{result.stdout}\n{result.stderr}")
    return result.stdout + result.stderr


def edit(model: Path, old: str, new: str) -> None:
    content = model.read_text()
    assert content.count(old) == 1, f"expected once in model.yaml: {old!r}"
    model.write_text(content.replace(old, new))


def versions(out: Path) -> list[str]:
    return sorted(p.name for p in (out / "migrations" / "versions").glob("*.py"))


def main() -> None:
    url = sys.argv[1]
    work = Path(tempfile.mkdtemp(prefix="specgen-evolution-"))
    try:
        spec, out = work / "spec", work / "out"
        shutil.copytree(ROOT / "examples" / "todo", spec, ignore=shutil.ignore_patterns("approved"))
        model = spec / "model.yaml"
        generate = lambda expect=0: run(str(ROOT / "specgen"), "generate", str(spec), "--out", str(out), expect=expect)
        alembic = lambda *args: run(str(BIN / "alembic"), *args, cwd=out, env_url=url)

        generate()
        alembic("upgrade", "head")
        engine = create_engine(url.replace("postgresql://", "postgresql+psycopg://"))
        with engine.begin() as db:
            for title in ("first", "second"):
                db.execute(text("INSERT INTO tasks (user_id, title, completed, created_at, updated_at)"
                                " VALUES ('u1', :t, false, CURRENT_TIMESTAMP, CURRENT_TIMESTAMP)"), {"t": title})
        print("v1: the first migration created the tables; two rows stored")

        # v2: a nullable column, an index, a NOT NULL column with a default, a wider column.
        edit(model, "        default: false\n", "        default: false\n      notes:\n        type: text\n"
             "        nullable: true\n      priority:\n        type: integer\n        default: 3\n")
        edit(model, "        max_length: 200\n", "        max_length: 200\n        index: true\n")
        edit(model, "        max_length: 64\n", "        max_length: 128\n")
        generate()
        assert versions(out)[1].startswith("0002_"), versions(out)
        alembic("upgrade", "head")
        alembic("check")
        with engine.connect() as db:
            rows = db.execute(text("SELECT title, notes, priority FROM tasks ORDER BY id")).all()
        assert [tuple(r) for r in rows] == [("first", None, 3), ("second", None, 3)], rows
        print("v2: nullable column, index, NOT NULL column filled with its default, wider column: rows kept")

        # v3: dropping a column is blocked, with its rule, place and id, until acknowledged.
        edit(model, "      notes:\n        type: text\n        nullable: true\n", "")
        blocked = generate(expect=1)
        assert re.search(r"model\.yaml:\d+:\d+: error SG520 \[migration-unacknowledged\] Implementation blocked: "
                         r"column tasks\.notes .*Required before proceeding: add drop-column:tasks\.notes", blocked), blocked
        assert len(versions(out)) == 2, "a blocked generate writes nothing"
        edit(model, "\noperations:\n", "\nmigrations:\n  acknowledge: [drop-column:tasks.notes]\n\noperations:\n")
        generate()
        alembic("upgrade", "head")
        alembic("check")
        print("v3: dropping tasks.notes was blocked (SG520), then acknowledged and migrated")

        # Generating again adds nothing and changes no byte; check calls the output up to date.
        before = {p: p.read_bytes() for p in out.rglob("*") if p.is_file()}
        again = generate()
        assert " 0 created, 0 modified, 0 deleted" in again, again
        assert {p: p.read_bytes() for p in out.rglob("*") if p.is_file()} == before
        run(str(ROOT / "specgen"), "check", str(spec), "--out", str(out))
        print("v3 again: nothing added, nothing rewritten; specgen check: up to date")

        alembic("downgrade", "base")
        alembic("upgrade", "head")
        alembic("check")
        print(f"downgrade to base and upgrade again: clean ({len(versions(out))} migrations)")
        engine.dispose()
    finally:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
