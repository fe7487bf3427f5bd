"""audit_verify_s: ``audit verify`` over 1 M audit rows (``--orders`` rows; target ≤ 30 s).

The rows are a valid chain, sealed in Python and written with plain ``sqlite3.executemany``
(STACK-NOTES: the fast way to a million rows). Timed: ``verify_trail`` as the command runs it
(stream in chain order, recompute every MAC). Floor: reading the same rows in the same order
with plain ``sqlite3`` without verifying anything (what verify cannot go below). Three runs of each on the same database, alternating; the
medians are reported.
"""

from __future__ import annotations

import os
import sqlite3
import time
from datetime import UTC, datetime, timedelta
from statistics import median

from common import Context, Figure, time_figure

from console.domain.audit import GENESIS, AuditAction, AuditEntry, Signer
from console.services.audit import verify_trail
from console.store.engine import Database
from console.store.setup import init_db

BATCH = 50_000
REPEATS = 3  # the figure is the median run, the floor the median read
ACTIONS = [AuditAction.ORDER_STEP] * 8 + [AuditAction.ALARM_ACK, AuditAction.SIGN_IN]


def _build(path: str, key: bytes, rows: int) -> None:
    db, _ = init_db(f"sqlite:///{path}")
    db.dispose()
    conn = sqlite3.connect(path)
    signer, previous, t0, batch = Signer(key), GENESIS, datetime(2026, 1, 1, tzinfo=UTC), []
    insert = "INSERT INTO audit VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
    for seq in range(1, rows + 1):
        entry = AuditEntry(
            "王丽" if seq % 3 else "张伟", f"A-0{seq % 9 + 1}", ACTIONS[seq % len(ACTIONS)],
            f"12345-2026{seq:08d}", detail="start_handling",
        )  # fmt: skip
        r = signer.seal(previous, seq, t0 + timedelta(seconds=seq * 7), entry)
        previous = r.mac
        batch.append(r.row())  # the instant as the console's append writes it
        if len(batch) == BATCH:  # a commit a batch: the WAL stays small (10 M rows ≈ GBs)
            conn.executemany(insert, batch)
            conn.commit()
            batch.clear()
    conn.executemany(insert, batch)
    conn.commit()
    conn.close()


def run(ctx: Context) -> list[Figure]:
    rows = ctx.orders
    path = str(ctx.workdir / f"audit-{rows}.sqlite3")
    key = os.urandom(32)
    if os.path.exists(path):
        os.remove(path)
    built = time.perf_counter()
    _build(path, key, rows)
    print(f"# audit_verify: {rows:,} rows built in {time.perf_counter() - built:.1f} s", flush=True)
    floors, ours = [], []
    for _ in range(REPEATS):  # alternating, so a burst of load falls on both alike
        conn = sqlite3.connect(path)
        start = time.perf_counter()
        read = sum(1 for _ in conn.execute("SELECT * FROM audit ORDER BY seq"))
        floors.append(time.perf_counter() - start)
        conn.close()
        db = Database.open(f"sqlite:///{path}")
        start = time.perf_counter()
        verdict = verify_trail(db, key)
        ours.append(time.perf_counter() - start)
        db.dispose()
        if verdict.broken is not None or verdict.rows != rows or read != rows:
            raise RuntimeError(f"audit_verify: the built chain did not verify: {verdict}")
    print(f"# audit_verify: runs {', '.join(f'{s:.1f}' for s in ours)} s; floors "
          f"{', '.join(f'{s:.1f}' for s in floors)} s", flush=True)  # fmt: skip
    return [time_figure("audit_verify_s", "s", median(ours), median(floors))]
