"""alarm_crowded_{p50,p95,max}_ms: a crowded two minutes, two consoles on one SQLite file.

Two consoles, each a process of its own with its own qasync loop, its ``AlarmScheduler`` (the
15 s safety sweep of the real console), its alarm panel and notifier (refreshed on every raise,
as the console does) and its change watcher (``PRAGMA data_version`` every 200 ms → re-arm and
panel refresh, as ``app_window.watch_changes``), on the benchmark database. Then:

- 1,000 orders get a feedback deadline 20–120 s ahead (3,000 alarm thresholds: warning at 75 %
  of the time, due, overdue 1 s later), written by a third connection in one transaction;
- 600 more orders (300 at each console, on its UI worker, each write followed by the re-arm
  ``OrderService``'s ``on_change`` does) get one while running: planned in the first 60 s,
  due at least 10 s after planning and, if the write is on time, 20–120 s after the start
  (1,800 more thresholds; a late write moves its deadline by as much).

Measured, for each of the 4,800 alarms: its threshold instant → ``on_raised`` on the loop of
the console that raised it (whichever's sweep won the row). Every alarm must be raised exactly
once, by one console; the run fails otherwise. Floor: the same loop's timer lateness with
nothing to do (a chain of bare ``loop.call_later`` timers 5–40 ms apart, the scheduler started
and idle), measured in each console just before the crowd; the floor figures pool both.

``CONSOLE_BENCH_CROWD_WINDOW_S`` (default 120) scales the window (deadlines from a sixth of it
to all of it, the late plans in its first half) for a quicker look; the counts stay the same.
"""

from __future__ import annotations

import asyncio
import logging
import multiprocessing
import os
import random
import sqlite3
import statistics
import sys
import time
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from datetime import UTC, datetime, timedelta
from multiprocessing.connection import Connection
from typing import Any

from common import Context, Figure, p95, time_figure

from console.domain.alarm_levels import AlarmSettings
from console.domain.calendar import load_calendar
from console.domain.deadlines import DeadlineSpec
from console.domain.order_types import Deadlines
from console.services.alarms import AlarmService
from console.store import alarms as alarm_rows
from console.store.engine import Database

SEATS = ("A-01", "J-01")
BEFORE, WHILE = 1_000, 600  # orders whose deadline is planned before / while the crowd runs
LEVELS = 3  # thresholds a deadline plans: warning, due, overdue
PREFIX = "crowd-"
# (when it is planned, after t0; order id; number; its deadline, seconds after it is planned)
Plan = tuple[float, int, str, float]


def _window() -> float:
    return float(os.environ.get("CONSOLE_BENCH_CROWD_WINDOW_S", "120"))


def _plan(db: Database, plans: list[Plan], start: datetime | None = None) -> None:
    """Write the alarms of ``plans`` (a feedback deadline each, begun at ``start`` or now) in
    one transaction."""
    calendar, settings = load_calendar(), AlarmSettings()
    with db.write() as session:
        for _, order_id, number, lead in plans:
            begun = start or datetime.now(UTC)
            due = begun + timedelta(seconds=lead)
            spec = {"feedback": DeadlineSpec(hours=lead / 3600)}
            alarm_rows.plan(
                session, order_id, number, Deadlines(feedback=due), spec, begun, settings, calendar
            )


class _Skips(logging.Handler):
    """Counts APScheduler's "skipped: maximum number of running instances" warnings."""

    def __init__(self) -> None:
        super().__init__(logging.WARNING)
        self.count = 0

    def emit(self, record: logging.LogRecord) -> None:
        if "maximum number of running instances" in record.getMessage():
            self.count += 1


async def _quiet_floor(loop: asyncio.AbstractEventLoop, count: int = 200) -> list[float]:
    """Lateness (ms) of a chain of bare timers at fixed instants 5–40 ms apart."""
    rng, late = random.Random(3), []
    done: asyncio.Future[None] = loop.create_future()

    def arm(i: int, target: float) -> None:
        def fire() -> None:
            late.append(abs(time.time() - target) * 1000)
            if i + 1 == count:
                done.set_result(None)
            else:
                arm(i + 1, target + rng.uniform(0.005, 0.04))

        loop.call_later(max(0.0, target - time.time()), fire)

    arm(0, time.time() + 0.05)
    await done
    return late


def _console(seat: str, url: str, conn: Connection) -> None:  # type: ignore[type-arg]
    """One console (a spawned process): see the module doc. Talks to the parent over ``conn``."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    import qasync
    from alarms import console_reaction
    from apscheduler.schedulers.asyncio import AsyncIOScheduler
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication

    from console.scheduling.alarms import AlarmScheduler
    from console.scheduling.clock import SystemClock
    from console.store.changes import watch_for

    app = QApplication([])
    loop = qasync.QEventLoop(app)
    asyncio.set_event_loop(loop)
    skips = _Skips()
    logging.getLogger("apscheduler").addHandler(skips)
    db = Database.open(url)
    service = AlarmService(db, lambda: datetime.now(UTC), seat)
    sweeper, ui_worker = ThreadPoolExecutor(1), ThreadPoolExecutor(1)
    react, panel = console_reaction(service)
    raised: list[tuple[int, float, float]] = []  # (alarm id, threshold, seen), epoch seconds

    def on_raised(batch: list[alarm_rows.RaisedAlarm]) -> None:
        seen = time.time()
        raised.extend((a.id, a.fires_at.timestamp(), seen) for a in batch)
        react(batch)

    scheduler = AsyncIOScheduler(event_loop=loop, timezone=UTC)
    timer = AlarmScheduler(scheduler, service, SystemClock(), sweeper, on_raised)
    changes = watch_for(db.engine)
    assert changes is not None
    poll = QTimer(interval=200)  # app_window.watch_changes: another seat's commit
    poll.timeout.connect(
        lambda: (panel.refresh_soon(), timer.rearm()) if changes.changed() else None
    )

    async def message() -> Any:
        while not conn.poll():
            await asyncio.sleep(0.05)
        return conn.recv()

    def write(plan: Plan) -> None:  # OrderService: commit, then on_change
        _plan(db, [plan])
        timer.rearm()

    async def main() -> None:
        scheduler.start()
        timer.start()
        poll.start()
        while timer.sweeps < 1:  # the start-up sweep
            await asyncio.sleep(0.05)
        conn.send(("ready", await _quiet_floor(loop)))
        _, t0, plans = await message()
        written = 0
        for plan in sorted(plans):
            await asyncio.sleep(max(0.0, t0 + plan[0] - time.time()))
            await loop.run_in_executor(ui_worker, write, plan)
            written += 1
        await message()  # "stop": every alarm of the run is raised
        await timer.stop()
        poll.stop()
        scheduler.shutdown(wait=False)
        await asyncio.sleep(0)
        conn.send(("done", raised, skips.count, timer.sweeps, written))

    try:
        loop.run_until_complete(main())
    finally:
        sweeper.shutdown()
        ui_worker.shutdown()
        changes.close()
        db.dispose()


def run(ctx: Context) -> list[Figure]:
    path = str(ctx.bench_db_path())
    if not os.path.exists(path):
        raise RuntimeError(f"{path} is missing: run the demo_data benchmark first")
    url = f"sqlite:///{path}"
    window = _window()
    db = Database.open(url)
    prep = sqlite3.connect(path, isolation_level=None)
    prep.execute(f"DELETE FROM alarm WHERE key LIKE '{PREFIX}%'")  # an interrupted run's
    AlarmService(db, lambda: datetime.now(UTC), "bench-prep").sweep()  # nothing left over due
    base = prep.execute("SELECT coalesce(max(id), 0) FROM alarm").fetchone()[0]
    ids = [r[0] for r in prep.execute("SELECT id FROM work_order LIMIT ?", (BEFORE + WHILE,))]
    rng = random.Random(11)
    tag = time.strftime("%H%M%S")
    before: list[Plan] = [
        (0.0, oid, f"{PREFIX}{tag}-{n}", rng.uniform(window / 6, window))
        for n, oid in enumerate(ids[:BEFORE])
    ]
    late: list[list[Plan]] = [[], []]
    for n, oid in enumerate(ids[BEFORE:], start=BEFORE):
        at = rng.uniform(0, window / 2)
        due = rng.uniform(max(at + window / 12, window / 6), window)
        late[n % 2].append((at, oid, f"{PREFIX}{tag}-{n}", due - at))
    expected = (BEFORE + WHILE) * LEVELS

    spawn = multiprocessing.get_context("spawn")
    pipes = [spawn.Pipe() for _ in SEATS]
    procs = [
        spawn.Process(target=_console, args=(seat, url, child), daemon=True)
        for seat, (_, child) in zip(SEATS, pipes, strict=True)
    ]
    for proc in procs:
        proc.start()
    try:
        floors = [_receive(parent, "ready", 120)[1] for parent, _ in pipes]
        t0 = time.time()
        _plan(db, before, datetime.fromtimestamp(t0, UTC))
        for (parent, _), mine in zip(pipes, late, strict=True):
            parent.send(("go", t0, mine))
        _wait_all_raised(prep, base, expected, t0 + window + 60, procs)
        for parent, _ in pipes:
            parent.send(("stop",))
        results = [_receive(parent, "done", 60) for parent, _ in pipes]
        rows = prep.execute(
            f"SELECT id, raised_by FROM alarm WHERE id > ? AND key LIKE '{PREFIX}%'", (base,)
        ).fetchall()
    finally:
        for proc in procs:
            proc.join(timeout=10)
            if proc.is_alive():
                proc.kill()
        prep.execute(f"DELETE FROM alarm WHERE key LIKE '{PREFIX}%'")  # next run starts alike
        prep.close()
        db.dispose()
    return _figures(results, floors, rows, expected)


def _receive(conn: Connection, what: str, timeout: float) -> Any:  # type: ignore[type-arg]
    if not conn.poll(timeout):
        raise RuntimeError(f"a console sent no {what!r} within {timeout:g} s")
    got = conn.recv()
    if got[0] != what:
        raise RuntimeError(f"a console sent {got[0]!r}, expected {what!r}")
    return got


def _wait_all_raised(
    prep: sqlite3.Connection, base: int, expected: int, deadline: float, procs: list[Any]
) -> None:
    query = f"SELECT count(*), count(raised_at) FROM alarm WHERE id > ? AND key LIKE '{PREFIX}%'"
    while True:
        total, raised = prep.execute(query, (base,)).fetchone()
        if total == expected and raised == expected:
            return
        if not all(proc.is_alive() for proc in procs):
            raise RuntimeError("a console stopped before the crowd was raised (see above)")
        if time.time() > deadline:
            raise RuntimeError(f"{raised} of {total} crowd alarms raised ({expected} planned)")
        time.sleep(0.5)


def _figures(
    results: list[Any], floors: list[list[float]], rows: list[tuple[int, str]], expected: int
) -> list[Figure]:
    by_console = [{alarm_id for alarm_id, _, _ in r[1]} for r in results]
    counts = [len(r[1]) for r in results]
    raised_by = dict(rows)
    once = (
        len(rows) == expected
        and all(len(ids) == n for ids, n in zip(by_console, counts, strict=True))  # no repeats
        and not by_console[0] & by_console[1]  # never raised by both
        and by_console[0] | by_console[1] == raised_by.keys()
        and all(
            raised_by[i] == seat for ids, seat in zip(by_console, SEATS, strict=True) for i in ids
        )
    )
    if not once:
        raise AssertionError(
            f"alarms not raised exactly once: {len(rows)} rows, {expected} planned, raised "
            f"{counts} by {SEATS}, {len(by_console[0] & by_console[1])} by both"
        )
    late = [(seen - fires) * 1000 for r in results for _, fires, seen in r[1]]
    quiet = [x for f in floors for x in f]
    over = sum(1 for x in late if x > 1000)
    print(
        f"# alarm_crowded: {len(late):,} alarms raised once each "
        f"({', '.join(f'{s} {n:,}' for s, n in zip(SEATS, counts, strict=True))}); "
        f"over 1 s: {over} ({over / len(late):.1%}); sweeps {[r[3] for r in results]}; "
        f"plans while running {[r[4] for r in results]}; "
        f"timer runs skipped {[r[2] for r in results]}; window {_window():g} s",
        file=sys.stderr,
        flush=True,
    )
    stats: list[tuple[str, Callable[[list[float]], float]]] = [
        ("p50", statistics.median),
        ("p95", p95),
        ("max", max),
    ]
    return [time_figure(f"alarm_crowded_{n}_ms", "ms", f(late), f(quiet)) for n, f in stats]
