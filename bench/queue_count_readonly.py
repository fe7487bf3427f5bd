"""``queue_count_ms`` on a database that may not be written (the shared 10 M file, at 0025).

``python bench/queue_count_readonly.py FILE``: opens FILE read-only (``immutable``: no lock, no
-shm, nothing written), builds migration 0026's counters in a TEMP table of each connection
(the migration's backfill, timed: what the upgrade reads at this size), then runs
``bench/queues.py``'s ``count_figure`` — ours through ``count_queues``, the floor through plain
``sqlite3``, the rows counted the old way once, all three compared. The kept totals are the same
few rows whatever the order table's size; what the table's size changes is the backfill and
the old counts, which this reads from FILE itself. Not in ``run.py``: the normal run migrates.
"""

from __future__ import annotations

import importlib.util
import sqlite3
import sys
import time
from pathlib import Path
from typing import Any

from sqlalchemy import event
from sqlalchemy.engine import Engine

HERE = Path(__file__).resolve().parent
MIGRATION = HERE.parent / "db" / "versions" / "0026_queue_counts.py"
OPEN = "status NOT IN ('completed', 'cancelled')"


def _backfill_sql() -> str:
    spec = importlib.util.spec_from_file_location("m0026", MIGRATION)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return str(module.recount_sql())


def _counters(conn: Any, backfill: str) -> float:
    start = time.perf_counter()
    conn.execute(
        "CREATE TEMP TABLE queue_count (queue TEXT NOT NULL, scope TEXT NOT NULL, "
        "part INTEGER NOT NULL, n BIGINT NOT NULL, PRIMARY KEY (queue, scope, part))"
    )
    conn.execute(f"INSERT INTO temp.queue_count {backfill}")
    conn.commit()  # the TEMP table only: FILE is immutable
    return (time.perf_counter() - start) * 1000


def main(path: str) -> None:
    sys.path.insert(0, str(HERE))
    import queues  # bench/queues.py

    uri = f"file:{path}?mode=ro&immutable=1"
    backfill = _backfill_sql()
    raw = sqlite3.connect(uri, uri=True)
    print(f"# backfill (migration 0026's recount), first: {_counters(raw, backfill):.0f} ms")
    print(f"# again, warm: {_counters(sqlite3.connect(uri, uri=True), backfill):.0f} ms")
    seat = raw.execute(
        f"SELECT seat FROM work_order WHERE seat IS NOT NULL AND {OPEN} "
        "GROUP BY seat ORDER BY count(*) DESC LIMIT 1"
    ).fetchone()[0]

    @event.listens_for(Engine, "connect")  # count_figure's own engine: its connections too
    def _temp(dbapi_conn: sqlite3.Connection, _record: object) -> None:
        _counters(dbapi_conn, backfill)

    original = sqlite3.connect

    def connect(target: str, *args: Any, **kwargs: Any) -> sqlite3.Connection:
        conn = original(target, *args, **kwargs)
        _counters(conn, backfill)
        return conn

    sqlite3.connect = connect  # type: ignore[assignment]  # the floor's connection too
    try:
        figure = queues.count_figure(f"sqlite:///{uri}&uri=true", uri, seat)
    finally:
        sqlite3.connect = original  # type: ignore[assignment]
    print(f"{figure.name} {figure.value:.3f} ms  floor {figure.floor:.3f} ms  "
          f"ratio {figure.ratio:.2f}")  # fmt: skip


if __name__ == "__main__":
    main(sys.argv[1])
