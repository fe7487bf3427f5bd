"""departments_import_s: ``departments import`` of a 100,000-row directory file (a province's
承办单位 and more), read, checked row by row and written in one transaction on a fresh SQLite
database — the CLI's path (``read_import`` then ``import_departments``). Then the same file
again with one name changed (``departments_reimport_s``: every row compared, one updated).

Floor: the same rows parsed by the ``csv`` module and written by one ``executemany`` into the
same table of a fresh database: reading and writing them with no checks at all.
"""

from __future__ import annotations

import csv
import io
import sqlite3
import time

from common import Context, Figure, time_figure

from console.store import departments as directory
from console.store.setup import init_db

ROWS = 100_000
HEADER = "code,name_zh,name_en,district,kind"


def _file(rows: int) -> str:
    lines = (f"IMP-{n:06d},单位{n},Unit {n},210100,functional" for n in range(rows))
    return HEADER + "\n" + "\n".join(lines) + "\n"


def _ours(ctx: Context, text: str, changed: str) -> tuple[float, float]:
    db, _ = init_db(f"sqlite:///{ctx.workdir / 'departments-ours.sqlite3'}")
    try:
        took = []
        for content, expected in ((text, (ROWS, 0)), (changed, (0, 1))):
            start = time.perf_counter()
            with db.write() as session:
                known = directory.district_codes(session)
                entries = directory.read_import(content, "bench.csv", known)
                done = directory.import_departments(session, entries)
            took.append(time.perf_counter() - start)
            if done != expected:
                raise RuntimeError(f"departments import: {done}, expected {expected}")
        return took[0], took[1]
    finally:
        db.dispose()


def _floor(ctx: Context, text: str) -> float:
    path = ctx.workdir / "departments-floor.sqlite3"
    db, _ = init_db(f"sqlite:///{path}")
    db.dispose()
    conn = sqlite3.connect(path, isolation_level=None)
    try:
        start = time.perf_counter()
        rows = list(csv.reader(io.StringIO(text)))[1:]
        conn.execute("BEGIN IMMEDIATE")
        conn.executemany(
            "INSERT INTO department (code, name_zh, name_en, district, kind, active) "
            "VALUES (?, ?, ?, ?, ?, 1)",
            rows,
        )
        conn.execute("COMMIT")
        return time.perf_counter() - start
    finally:
        conn.close()


def run(ctx: Context) -> list[Figure]:
    for old in ctx.workdir.glob("departments-*.sqlite3*"):
        old.unlink()
    text = _file(ROWS)
    changed = text.replace("单位7,", "单位七,")
    first, again = _ours(ctx, text, changed)
    floor = _floor(ctx, text)
    return [
        time_figure("departments_import_s", "s", first, floor),
        time_figure("departments_reimport_s", "s", again, floor),
    ]
