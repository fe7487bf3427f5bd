"""purge_1m_s: ``personal-data purge`` of every order closed before the benchmark's last day.

On a copy of the 1 M-order benchmark database (the purge rewrites it; the copy is brought to
the current schema once and copied again for every run), the cut-off is ``UNTIL``: every order
completed or cancelled in the demo year, most of the million. Timed: ``PrivacyService.purge``
as the command runs it (due orders found page by page, phone and name replaced by their keyed
hash, a transaction per batch) but for its one audit row (:class:`_Unwritten`).

Floor: the same rows rewritten by the bare minimum in plain ``sqlite3`` on another fresh copy:
their ids are known beforehand (read, not timed, from the purged copy); timed are one scan of ``work_order`` reading
id, phone and name over the due ids' range (the whole table for the full purge, the first
days' orders for a bounded one), the same :func:`pseudonymise` of each phone and name in Python, and one
``executemany`` ``UPDATE work_order SET caller_phone = ?, caller_name = ? WHERE id = ?`` in
one transaction, and the same for the due orders' callers merged in (``order_caller``) and told
(``caller_told``; the generated databases have none, so the purge only looks for them). So the ratio is what finding the due orders, paging and the session cost on
top of the unavoidable reading, hashing and writing. ``PURGE_RUNS`` runs (default 3), median.

``PURGE_BEFORE=YYYY-MM-DD`` (for the 10 M file, too big to copy): in place, on the benchmark
database itself, with that cut-off instead of ``UNTIL`` — a bounded set of orders (those closed
before it; since 0030 the purge reads only those, through ``ix_work_order_purge``). The callers of every order created
before the cut-off are saved first (to ``purge-saved.json`` beside the database, read back by
:func:`restore` if a run stops half-way) and written back after ours and after the floor, so the
file ends as it began; the purge's one audit row is not written (the file's trail is signed with
a key the bench lacks). Figure ``purge_until_<date>_s``.
"""

from __future__ import annotations

import json
import os
import shutil
import sqlite3
import statistics
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import UTC, date, datetime
from pathlib import Path
from zoneinfo import ZoneInfo

from common import UNTIL, Context, Figure, time_figure
from sqlmodel import Session

from console.domain.audit import AuditEntry
from console.domain.phone import is_pseudonym, pseudonymise
from console.services.audit import AuditTrail
from console.services.privacy import BATCH, PrivacyService, privacy_key
from console.store import migrate
from console.store.engine import Database, make_engine


def _fresh_copy(base: Path, name: str) -> Path:
    target = base.with_name(name)
    for old in base.parent.glob(name + "*"):
        old.unlink()
    shutil.copyfile(base, target)
    return target


def _base(ctx: Context) -> Path:
    """The benchmark database copied once and brought to the current schema."""
    source = ctx.bench_db_path()
    if not source.exists():
        raise RuntimeError(f"{source} is missing: run the demo_data benchmark first")
    base = _fresh_copy(source, "purge-base.sqlite3")
    db = Database.open(f"sqlite:///{base}")
    done = migrate.upgrade(db.engine)
    db.dispose()
    if done.backup is not None:
        done.backup.unlink()
    return base


class _Held(Database):
    """A database that notes how long each write transaction held SQLite's write lock: what a
    seat saving an order during the purge may wait, at worst."""

    held: list[float]

    @contextmanager
    def write(self, notify: bool = True) -> Iterator[Session]:
        start = time.perf_counter()
        with super().write(notify) as session:
            yield session
        self.held.append(time.perf_counter() - start)


def _ours(path: Path, trail: AuditTrail) -> tuple[float, int, float]:
    db = _Held(make_engine(f"sqlite:///{path}"))
    db.held = []
    start = time.perf_counter()
    done = PrivacyService(db, trail, seat="bench").purge(UNTIL, by="bench")
    elapsed = time.perf_counter() - start
    db.dispose()
    return elapsed, done, max(db.held)


def _purged_ids(path: Path) -> set[int]:
    """The orders a purge rewrote: the rows whose phone is now a pseudonym."""
    conn = sqlite3.connect(path)
    ids = {
        int(r[0]) for r in conn.execute("SELECT id FROM work_order WHERE caller_phone LIKE '~%'")
    }
    conn.close()
    return ids


def _floor(path: Path, key: bytes, due: set[int]) -> tuple[float, int]:
    conn = sqlite3.connect(path, isolation_level=None)
    conn.execute("PRAGMA journal_mode=WAL")
    conn.execute("PRAGMA synchronous=NORMAL")
    start = time.perf_counter()
    conn.execute("BEGIN IMMEDIATE")
    rows = [
        (pseudonymise(key, phone), _hidden_name(key, name), row_id)
        for row_id, phone, name in conn.execute(
            "SELECT id, caller_phone, caller_name FROM work_order WHERE id BETWEEN ? AND ?",
            (min(due, default=0), max(due, default=0)),
        )
        if row_id in due and not is_pseudonym(phone)
    ]
    conn.executemany("UPDATE work_order SET caller_phone = ?, caller_name = ? WHERE id = ?", rows)
    # The callers beside the due orders (merged in: phone and name; told: phone) go with them.
    merged = [
        (pseudonymise(key, phone), _hidden_name(key, name), row_id)
        for row_id, order_id, phone, name in conn.execute(
            "SELECT id, order_id, phone, name FROM order_caller WHERE phone NOT LIKE '~%'"
        )
        if order_id in due
    ]
    conn.executemany("UPDATE order_caller SET phone = ?, name = ? WHERE id = ?", merged)
    told = [
        (pseudonymise(key, phone), row_id)
        for row_id, order_id, phone in conn.execute(
            "SELECT id, order_id, phone FROM caller_told WHERE phone NOT LIKE '~%'"
        )
        if order_id in due
    ]
    conn.executemany("UPDATE caller_told SET phone = ? WHERE id = ?", told)
    conn.execute("COMMIT")
    elapsed = time.perf_counter() - start
    conn.close()
    return elapsed, len(rows)


def _hidden_name(key: bytes, name: str | None) -> str | None:
    return pseudonymise(key, name, "name") if name and not is_pseudonym(name) else name


def _save(path: Path, before: date) -> Path:
    """The callers of every order created before ``before`` (a superset of those closed before
    it), written to a file first: what :func:`restore` puts back."""
    saved = path.with_name("purge-saved.json")
    if saved.exists():
        raise RuntimeError(f"{saved} exists: a run stopped; restore it first (purge.restore)")
    conn = sqlite3.connect(path)
    rows = conn.execute(
        "SELECT id, caller_phone, caller_name FROM work_order WHERE created_at < ?",
        (_cutoff(before).strftime("%Y-%m-%d %H:%M:%S.%f"),),
    ).fetchall()
    conn.close()
    saved.write_text(json.dumps(rows, ensure_ascii=False), encoding="utf-8")
    return saved


def _no_joined_callers(path: Path) -> None:
    """In place, only the orders' callers are saved and put back: refuse a file whose orders
    have callers merged in or told (the purge would hash those for good; the generated files
    have none)."""
    conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    tables = ("order_caller", "caller_told")
    found = [t for t in tables if conn.execute(f"SELECT 1 FROM {t} LIMIT 1").fetchone()]
    conn.close()
    if found:
        raise RuntimeError(f"{path}: rows in {', '.join(found)} would not be put back")


def restore(path: Path, saved: Path) -> int:
    """Write the saved callers back where a purge changed them; how many rows went back."""
    rows = json.loads(saved.read_text(encoding="utf-8"))
    conn = sqlite3.connect(path, isolation_level=None)
    conn.execute("BEGIN IMMEDIATE")
    back = conn.executemany(
        "UPDATE work_order SET caller_phone = ?, caller_name = ? WHERE id = ? "
        "AND (caller_phone IS NOT ? OR caller_name IS NOT ?)",
        [(phone, name, row_id, phone, name) for row_id, phone, name in rows],
    ).rowcount
    conn.execute("COMMIT")
    conn.close()
    return back


def _cutoff(before: date) -> datetime:
    return datetime.combine(before, datetime.min.time(), ZoneInfo("Asia/Shanghai")).astimezone(UTC)


class _Unwritten(AuditTrail):
    """The purge's one audit row left out: the shared file's trail is signed with a key the
    bench does not have (a row signed with another is refused), and the file is left as found."""

    def write(self, db: Database, entry: AuditEntry) -> None:
        pass


def _in_place(ctx: Context, before: date) -> list[Figure]:
    path = ctx.bench_db_path()
    _no_joined_callers(path)
    saved = _save(path, before)
    trail = _Unwritten(os.urandom(32), lambda: datetime.now(UTC))
    db = _Held(make_engine(f"sqlite:///{path}"))
    db.held = []
    start = time.perf_counter()
    try:
        done = PrivacyService(db, trail, seat="bench").purge(before, by="bench")
    except BaseException:
        restore(path, saved)  # its batches are committed: put the callers back, then stop
        saved.unlink()
        raise
    seconds = time.perf_counter() - start
    db.dispose()
    due = _purged_ids(path)
    back = restore(path, saved)
    floor_s, floor_rows = _floor(path, privacy_key(trail), due)
    back_floor = restore(path, saved)
    saved.unlink()
    if not done == floor_rows == back == back_floor:
        raise RuntimeError(f"purge: {done:,} purged, floor {floor_rows:,}, restored {back:,}, "
                           f"{back_floor:,}")  # fmt: skip
    print(f"# purge in place before {before}: {done:,} orders in {seconds:.1f} s (write lock "
          f"held {max(db.held):.2f} s at most), floor {floor_s:.1f} s; restored both",
          file=sys.stderr, flush=True)  # fmt: skip
    name = f"purge_until_{before:%Y%m%d}_s"
    return [time_figure(name, "s", seconds, floor_s)]


def run(ctx: Context) -> list[Figure]:
    if before := os.environ.get("PURGE_BEFORE"):
        return _in_place(ctx, date.fromisoformat(before))
    runs = int(os.environ.get("PURGE_RUNS", "3"))
    base = _base(ctx)
    # The purge's one audit row left out here too: the benchmark file may hold a trail signed
    # with a key the bench lacks (another benchmark's rows), which refuses a row signed anew.
    trail = _Unwritten(os.urandom(32), lambda: datetime.now(UTC))
    key = privacy_key(trail)
    ours: list[float] = []
    floor: list[float] = []
    for i in range(runs):
        purged = _fresh_copy(base, "purge-ours.sqlite3")
        seconds, done, held = _ours(purged, trail)
        due = _purged_ids(purged)  # the floor rewrites the very same rows
        floor_s, floor_rows = _floor(_fresh_copy(base, "purge-floor.sqlite3"), key, due)
        if done != floor_rows:
            raise RuntimeError(f"purge: {done:,} orders purged, the floor rewrote {floor_rows:,}")
        ours.append(seconds)
        floor.append(floor_s)
        print(f"# purge run {i + 1}: {done:,} orders in {seconds:.1f} s (batches of {BATCH:,}, "
              f"write lock held {held:.2f} s at most), floor {floor_s:.1f} s",
              file=sys.stderr, flush=True)  # fmt: skip
    for name in ("purge-base.sqlite3", "purge-ours.sqlite3", "purge-floor.sqlite3"):
        for p in base.parent.glob(name + "*"):
            p.unlink()
    return [time_figure("purge_1m_s", "s", statistics.median(ours), statistics.median(floor))]
