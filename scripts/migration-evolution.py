"""Evolves a model.yaml step by step, the way a team does, and proves every generated migration on a
real database that holds rows: `alembic upgrade head` keeps the rows, `alembic check` finds no drift,
a destructive change is blocked until acknowledged, and generating again adds nothing.

The model is the todo example plus two entities no operation uses (shelves and items), which can
change freely without touching the contract.

usage: python scripts/migration-evolution.py DATABASE_URL     (with the generated backends' venv)
DATABASE_URL names an empty database: sqlite:///PATH or postgresql://...
"""
import re
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

from sqlalchemy import create_engine, event, text
from sqlalchemy.exc import IntegrityError

ROOT = Path(__file__).resolve().parent.parent
BIN = Path(sys.executable).parent
EXTRA = """
  Shelf:
    table: shelves
    ownership: {shared: true}
    fields:
      id: {type: integer, primary_key: true, generated: increment}
      label: {type: string, max_length: 36}
      note: {type: string, nullable: true}

  Item:
    table: items
    ownership: {shared: true}
    fields:
      id: {type: integer, primary_key: true, generated: increment}
      shelf_id: {type: integer, nullable: true}
      code: {type: string, max_length: 20, nullable: true}

operations:
"""


class Evolution:
    def __init__(self, url: str, work: Path) -> None:
        self.url = url
        self.spec = work / "spec"
        self.out = work / "out"
        shutil.copytree(ROOT / "examples" / "todo", self.spec, ignore=shutil.ignore_patterns("approved"))
        self.model = self.spec / "model.yaml"
        self.edit("\noperations:\n", EXTRA)
        self.edit("\noperations:\n", "\nmigrations:\n  acknowledge: []\n\noperations:\n")
        self.engine = create_engine(url.replace("postgresql://", "postgresql+psycopg://"))
        if self.engine.dialect.name == "sqlite":
            # As the app does: SQLite enforces foreign keys only when asked on each connection.
            event.listen(self.engine, "connect", lambda connection, record: connection.execute("PRAGMA foreign_keys=ON"))

    def run(self, *args: str, cwd: Path = ROOT, expect: int = 0) -> str:
        env = {"PATH": f"{BIN}:/usr/bin:/bin", "HOME": str(Path.home()), "MIGRATION_DATABASE_URL": self.url}
        result = subprocess.run(args, cwd=cwd, env=env, capture_output=True, text=True)
        if result.returncode != expect:
            sys.exit(f"FAILED ({result.returncode}, expected {expect}): {' '.join(args)}\n{result.stdout}{result.stderr}")
        return result.stdout + result.stderr

    def generate(self, expect: int = 0) -> str:
        return self.run(str(ROOT / "specgen"), "generate", str(self.spec), "--out", str(self.out), expect=expect)

    def migrate(self) -> None:
        self.run(str(BIN / "alembic"), "upgrade", "head", cwd=self.out)
        self.run(str(BIN / "alembic"), "check", cwd=self.out)

    def edit(self, old: str, new: str) -> None:
        content = self.model.read_text()
        assert content.count(old) == 1, f"expected once in model.yaml: {old!r}"
        self.model.write_text(content.replace(old, new))

    def acknowledge(self, *ids: str) -> None:
        content = re.sub(r"acknowledge: \[.*\]", f"acknowledge: [{', '.join(ids)}]", self.model.read_text())
        self.model.write_text(content)

    def versions(self) -> list[str]:
        return sorted(p.name for p in (self.out / "migrations" / "versions").glob("*.py"))

    def rows(self, sql: str) -> list[tuple]:
        with self.engine.connect() as db:
            return [tuple(r) for r in db.execute(text(sql)).all()]

    def execute(self, sql: str) -> None:
        with self.engine.begin() as db:
            db.execute(text(sql))

    def refused(self, sql: str) -> None:
        """The database itself refuses the statement (a CHECK constraint)."""
        try:
            self.execute(sql)
        except IntegrityError:
            return
        sys.exit(f"FAILED: the database accepted {sql}")


def main() -> None:
    work = Path(tempfile.mkdtemp(prefix="specgen-evolution-"))
    e = Evolution(sys.argv[1], work)
    try:
        e.generate()
        e.migrate()
        e.execute("INSERT INTO tasks (user_id, title, completed, created_at, updated_at) VALUES"
                  " ('u1', 'first', false, CURRENT_TIMESTAMP, CURRENT_TIMESTAMP),"
                  " ('u1', 'second', true, CURRENT_TIMESTAMP, CURRENT_TIMESTAMP)")
        e.execute("INSERT INTO shelves (label, note) VALUES ('top', NULL), ('bottom', 'dusty')")
        e.execute("INSERT INTO items (shelf_id, code) VALUES (1, 'a-1'), (2, 'b-2')")
        print("v1: the first migration built every table; rows stored")

        # v2, safe: a nullable column, an index, NOT NULL columns with defaults, a wider column.
        e.edit("        default: false\n", "        default: false\n      notes:\n        type: text\n"
               "        nullable: true\n      priority:\n        type: integer\n        default: 3\n")
        e.edit("        max_length: 200\n", "        max_length: 200\n        index: true\n")
        e.edit("        max_length: 64\n", "        max_length: 128\n")
        e.edit("note: {type: string, nullable: true}", "note: {type: string, default: ''}")
        e.generate()
        assert e.versions()[1].startswith("0002_"), e.versions()
        e.migrate()
        assert e.rows("SELECT title, notes, priority FROM tasks ORDER BY id") == [("first", None, 3), ("second", None, 3)]
        assert e.rows("SELECT note FROM shelves ORDER BY id") == [("",), ("dusty",)]
        print("v2: nullable column, index, NOT NULL columns filled from their defaults, wider column: rows kept")

        # v3: each dangerous change blocks, with rule, place and id, until acknowledged.
        e.edit("      notes:\n        type: text\n        nullable: true\n", "")
        e.edit("code: {type: string, max_length: 20, nullable: true}",
               "code: {type: string, max_length: 8, nullable: true, unique: true}")
        e.edit("shelf_id: {type: integer, nullable: true}",
               "shelf_id: {type: integer, nullable: true, foreign_key: {entity: Shelf, field: id}}")
        blocked = e.generate(expect=1)
        needed = ["add-foreign-key:items.shelf_id", "add-unique:items.code", "drop-column:tasks.notes",
                  "narrow-type:items.code"]
        for change in needed:
            assert re.search(r"model\.yaml:\d+:\d+: error SG520 \[migration-unacknowledged\] Implementation blocked: "
                             r".*Required before proceeding: .*" + re.escape(change), blocked), (change, blocked)
        assert len(e.versions()) == 2, "a blocked generate writes nothing"
        e.acknowledge(*needed)
        e.generate()
        e.migrate()
        assert e.rows("SELECT shelf_id, code FROM items ORDER BY id") == [(1, "a-1"), (2, "b-2")]
        print("v3: drop column, narrower type, unique and foreign key blocked (SG520), then acknowledged and migrated")

        # Generating again adds nothing and rewrites no byte; check calls the output up to date.
        e.acknowledge()
        e.generate()
        before = {p: p.read_bytes() for p in e.out.rglob("*") if p.is_file() and "__pycache__" not in p.parts}
        again = e.generate()
        assert " is up to date (" in again, again
        assert {p: p.read_bytes() for p in e.out.rglob("*") if p.is_file() and "__pycache__" not in p.parts} == before
        e.run(str(ROOT / "specgen"), "check", str(e.spec), "--out", str(e.out))
        print("v3 again: nothing added, nothing rewritten; specgen check: up to date")

        # v4: ON DELETE changes in place; v5: a table is dropped once acknowledged.
        e.edit("foreign_key: {entity: Shelf, field: id}", "foreign_key: {entity: Shelf, field: id, on_delete: cascade}")
        e.generate()
        e.migrate()
        e.execute("DELETE FROM shelves WHERE id = 1")
        assert e.rows("SELECT id FROM items ORDER BY id") == [(2,)], "ON DELETE CASCADE"
        content = e.model.read_text()
        e.model.write_text(content[:content.index("  Item:\n")] + content[content.index("\nmigrations:"):])
        e.generate(expect=1)
        e.acknowledge("drop-table:items")
        e.generate()
        e.migrate()
        print(f"v4, v5: ON DELETE changed, table items dropped once acknowledged ({len(e.versions())} migrations)")

        # v6: an enum column arrives with its CHECK constraint; new values need nothing, a lost one blocks.
        e.edit("note: {type: string, default: ''}", "note: {type: string, default: ''}\n"
               "      kind: {type: enum, values: [wood, metal], default: wood}")
        e.generate()
        e.migrate()
        assert e.rows("SELECT kind FROM shelves ORDER BY id") == [("wood",)]
        e.refused("UPDATE shelves SET kind = 'glass'")
        e.edit("values: [wood, metal]", "values: [wood, metal, glass]")
        e.generate()
        e.migrate()
        e.execute("UPDATE shelves SET kind = 'metal'")
        e.edit("values: [wood, metal, glass]", "values: [wood, glass]")
        blocked = e.generate(expect=1)
        assert re.search(r"error SG520 .*lose metal.*add-check:shelves\.kind", blocked), blocked
        e.execute("UPDATE shelves SET kind = 'glass'")
        e.acknowledge("add-check:shelves.kind")
        e.generate()
        e.migrate()
        e.refused("UPDATE shelves SET kind = 'metal'")
        # A later change to the same table copies it on SQLite: the named CHECK constraint goes along.
        e.acknowledge()
        e.edit("label: {type: string, max_length: 36}", "label: {type: string, max_length: 48}")
        e.generate()
        e.migrate()
        e.refused("UPDATE shelves SET kind = 'metal'")
        assert e.rows("SELECT label, kind FROM shelves ORDER BY id") == [("bottom", "glass")]
        print("v6: enum column with its CHECK constraint; values added freely, a removed one blocked (SG520) until"
              " acknowledged; the database refuses other values, also after the table is copied")

        # A downgrade narrows the enum again, which fails on rows holding a later value, as it should.
        e.execute("UPDATE shelves SET kind = 'wood'")
        e.run(str(BIN / "alembic"), "downgrade", "base", cwd=e.out)
        e.migrate()
        print("downgrade to base and upgrade again: alembic check clean")
    finally:
        e.engine.dispose()
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
