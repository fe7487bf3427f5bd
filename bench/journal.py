"""The seat's outage journal (issue 18, docs/outage.md).

``journal_hold_ms``: one order saved while the database is away — the draft held in the seat's
journal file, fsynced — median of 200. Floor: the bare minimum of a durable local write, one
``INSERT`` of the same JSON into a SQLite table in WAL mode with ``synchronous=FULL`` (one
fsync'd commit), same disk, same run.

``journal_replay_ms``: writing the journal back, per order (200 held orders replayed: each
order created with its key and original time, its journal entry deleted). Floor: the same 200
orders saved with the database there (``OrderService.create``, no key, no journal).
"""

from __future__ import annotations

import json
import sqlite3
import statistics
import time
from dataclasses import asdict
from datetime import UTC, datetime

from common import Context, Figure, time_figure

from console.domain.intake import Draft
from console.domain.orders import Platform
from console.domain.roles import Principal, Role, Seated
from console.services.journal import JournalService
from console.services.orders import OrderService
from console.store.journal_file import JournalFile
from console.store.setup import init_db

ORDERS = 200
AGENT = Seated(Principal("王丽", "王丽", Platform.HOTLINE, frozenset({Role.AGENT})), "A-01")


def _draft(n: int) -> Draft:
    return Draft(
        caller_phone="13812345678", kind="C-TS", field="F-SH", district="210102",
        description=f"楼下烧烤店夜间噪音扰民 {n}", consent=True,
    )  # fmt: skip


def run(ctx: Context) -> list[Figure]:
    clock = lambda: datetime.now(UTC)  # noqa: E731
    db, _ = init_db(f"sqlite:///{ctx.workdir / 'journal.sqlite3'}")
    try:
        orders = OrderService(db, clock)
        journal = JournalService(
            orders, AGENT, JournalFile(ctx.workdir / "journal" / "A-01.sqlite3"), clock
        )
        for n in range(5):  # warm: the statements compiled, as on a seat that has saved before
            orders.create(_draft(n), AGENT)
        journal.health(False)
        bare = _BareJournal(ctx)
        holds, floors = [], []
        for n in range(ORDERS):  # interleaved: the disk's load changes from second to second
            start = time.perf_counter()
            journal.save(_draft(n))
            holds.append((time.perf_counter() - start) * 1000)
            floors.append(bare.insert(_draft(n)))
        bare.close()
        journal.health(True)
        start = time.perf_counter()
        done = journal.replay()
        replay = (time.perf_counter() - start) * 1000 / ORDERS
        assert len(done.written) == ORDERS and not done.aside
        start = time.perf_counter()
        for n in range(ORDERS):
            orders.create(_draft(n), AGENT)
        creates = (time.perf_counter() - start) * 1000 / ORDERS
    finally:
        db.dispose()
    return [
        time_figure("journal_hold_ms", "ms", statistics.median(holds), statistics.median(floors)),
        time_figure("journal_replay_ms", "ms/order", replay, creates),
    ]


class _BareJournal:
    """The floor: one durable INSERT of the draft's JSON, nothing else."""

    def __init__(self, ctx: Context) -> None:
        self.conn = sqlite3.connect(ctx.workdir / "bare-journal.sqlite3", isolation_level=None)
        self.conn.execute("PRAGMA journal_mode=WAL")
        self.conn.execute("PRAGMA synchronous=FULL")
        self.conn.execute("CREATE TABLE entry (seq INTEGER PRIMARY KEY, body TEXT NOT NULL)")

    def insert(self, draft: Draft) -> float:
        body = json.dumps(asdict(draft), ensure_ascii=False)
        start = time.perf_counter()
        self.conn.execute("INSERT INTO entry (body) VALUES (?)", (body,))
        return (time.perf_counter() - start) * 1000

    def close(self) -> None:
        self.conn.close()
