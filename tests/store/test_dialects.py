"""A partial index declares its WHERE once, for both databases; a SQLite seat never loads
PostgreSQL's dialect (its drivers' modules: ~30–40 ms of a start, issue 18)."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from sqlalchemy import Index, inspect
from sqlmodel import SQLModel

from console.store.dialects import WHERE
from console.store.setup import init_db
from console.store.tables import OPEN_SQL

ROOT = Path(__file__).resolve().parents[2]


def _partial_indexes() -> list[Index]:
    return [i for t in SQLModel.metadata.tables.values() for i in t.indexes if WHERE in i.info]


def test_each_partial_index_has_its_where_for_the_database_in_use(empty_db_url: str) -> None:
    db, _ = init_db(empty_db_url)
    try:
        dialect = db.engine.dialect.name
        partial = _partial_indexes()
        assert len(partial) >= 18  # every partial index of the store
        for index in partial:
            said = index.dialect_options[dialect]["where"]
            assert said is not None and str(said) == index.info[WHERE], index.name
        # and the migrated schema has them partial (SQLite and PostgreSQL both report it)
        found = {i["name"]: i for i in inspect(db.engine).get_indexes("work_order")}
        where = found["ix_work_order_open_due"].get("dialect_options", {})
        assert OPEN_SQL.split()[0] in str(where.get(f"{dialect}_where", "")), where
    finally:
        db.dispose()


def test_a_sqlite_seat_does_not_load_postgresql(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'seat.sqlite3'}"
    db, _ = init_db(url)  # migrated here: the migrations may load it, a start must not
    db.dispose()
    script = (
        "import importlib, sys\n"
        "from console.app_open import PRELOAD\n"
        "for name in PRELOAD: importlib.import_module(name)\n"
        "import console.app_compose\n"
        "from console.store.setup import init_db\n"
        f"db, _ = init_db({url!r})\n"
        "print(sorted(m for m in sys.modules if m.startswith('sqlalchemy.dialects.postgresql')))\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, cwd=ROOT, timeout=120,
        env={**os.environ, "QT_QPA_PLATFORM": "offscreen"},
    )  # fmt: skip
    assert done.returncode == 0, done.stderr[-2000:]
    assert done.stdout.strip() == "[]"
