"""duplicates_ms: the intake's likely duplicates (并单), p95, on the 1 M-order database.

For 200 intakes made from the database's own open orders (the caller of a random order, and an
open order's district, kind, address and the first 12 characters of its description, as typed
so far) ``DuplicateService.candidates`` runs its indexed reads (the caller's open orders, and
callers merged into open orders; the district's open orders, ``ix_work_order_open_district``)
and ranks them (bigram Jaccard). Target: within the issue's 30 ms suggestion budget. Floor: the
same reads through plain ``sqlite3``, no ranking. Each probe's rows are read once, untimed,
right before ours and the floor are timed on it. The database is upgraded to head first (its
backup removed again), unless ``--read-only`` (then it must be at head already).
"""

from __future__ import annotations

import random
import sqlite3
import sys
from datetime import UTC, datetime

from common import SEED, UNTIL, Context, Figure, p95, time_figure, timed_ms
from sqlalchemy import text

from console.domain.orders import Platform
from console.domain.roles import Principal, Role, Seated
from console.services.duplicates import DuplicateService
from console.services.order_writer import OrderWriter
from console.store import migrate
from console.store import orders as repo
from console.store.engine import Database
from console.store.tables import OPEN_SQL

SAMPLES = 200
NOW = datetime(UNTIL.year, UNTIL.month, UNTIL.day, 8, tzinfo=UTC)
COLUMNS = (
    "id, number, created_at, caller_phone, district, kind, address, description, status, owner"
)
FLOOR_SQL = (
    f"SELECT {COLUMNS} FROM work_order WHERE caller_phone = ? AND {OPEN_SQL} LIMIT 50",
    f"SELECT {COLUMNS} FROM work_order WHERE id IN (SELECT order_id FROM order_caller "
    f"WHERE phone = ?) AND {OPEN_SQL} LIMIT 50",
    f"SELECT {COLUMNS} FROM work_order WHERE district = ? AND {OPEN_SQL} "
    "ORDER BY created_at DESC LIMIT 500",
)


def _probes(db: Database) -> list[dict[str, str]]:
    rng = random.Random(SEED)
    with db.read() as session:
        phones = repo.sample_callers(session, SAMPLES, seed=SEED)
        rows = session.execute(
            text(f"SELECT district, kind, address, description FROM work_order WHERE {OPEN_SQL}")
        ).all()
    picked = [rows[rng.randrange(len(rows))] for _ in range(SAMPLES)]
    return [
        {"phone": phones[i % len(phones)], "district": r[0], "kind": r[1], "address": r[2] or "",
         "text": r[3][:12]}
        for i, r in enumerate(picked)
    ]  # fmt: skip


def _floor(conn: sqlite3.Connection, probe: dict[str, str]) -> int:
    rows = conn.execute(FLOOR_SQL[0], (probe["phone"],)).fetchall()
    rows += conn.execute(FLOOR_SQL[1], (probe["phone"],)).fetchall()
    rows += conn.execute(FLOOR_SQL[2], (probe["district"],)).fetchall()
    return len(rows)


def run(ctx: Context) -> list[Figure]:
    path = ctx.bench_db_path()
    if not path.exists():
        raise RuntimeError(f"{path} is missing: run the demo_data benchmark first")
    db = Database.open(ctx.bench_db_url())
    if not ctx.read_only:  # --read-only: a database already at head, never written
        done = migrate.upgrade(db.engine)
        if done.backup is not None:
            done.backup.unlink()
    agent = Principal("bench", "bench", Platform.HOTLINE, frozenset({Role.AGENT}))
    service = DuplicateService(db, lambda: NOW, OrderWriter(None, None), Seated(agent, "A-01"))
    probes = _probes(db)
    conn = ctx.bench_db_connect()
    found = [len(service.candidates(**p)) for p in probes[:20]]  # the pool and cache warm
    ours: list[float] = []
    floor: list[float] = []
    for probe in probes:  # its rows read just before, for both sides alike (10 M: the page
        found.append(len(service.candidates(**probe)))  # cache does not hold them all)
        service._addresses.clear()  # none remembered: as if the district were new to the seat
        ours.append(timed_ms(lambda p=probe: service.candidates(**p)))  # type: ignore[misc]
        floor.append(timed_ms(lambda p=probe: _floor(conn, p)))  # type: ignore[misc]
    db.dispose()
    conn.close()
    found = found[20:]
    print(
        f"duplicates: {sum(found) / len(found):.1f} candidates an intake on average "
        f"(most {max(found)}); p95 {p95(ours):.1f} ms, floor {p95(floor):.1f} ms",
        file=sys.stderr,
    )
    return [time_figure("duplicates_ms", "ms", p95(ours), p95(floor))]
