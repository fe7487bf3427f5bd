"""alarm_sweep_ms, alarm_latency_ms, alarm_burst_max_stall_ms on the 1 M-order database.

- ``alarm_sweep_ms``: median of 200 sweeps (raise what is due + find the next instant) with
  100 k open orders holding 600 k pending alarm rows, 5 of them newly due before each sweep.
  Floor: the same two statements through plain ``sqlite3``.
- ``alarm_latency_ms``: p95 of threshold → ``on_raised`` on the qasync loop for 20 alarms
  due 0.5–4.3 s after arming, through the real scheduler. Floor: a bare ``loop.call_at`` timer's
  lateness for the same instants on the same loop.
- ``alarm_burst_max_stall_ms``: longest event-loop stall (a 5 ms probe timer's lateness) while
  500 alarms are raised at once and handed to the console's handler (panel refresh and
  notification when the UI is importable), until the panel has loaded once after the burst and
  1 s more. Floor: the same probe for 1 s, no burst.
"""

from __future__ import annotations

import asyncio
import os
import random
import sqlite3
import statistics
import time
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from datetime import UTC, datetime, timedelta
from typing import Any

from common import Context, Figure, p95, time_figure

from console.scheduling.alarms import AlarmScheduler
from console.scheduling.clock import SystemClock
from console.services.alarms import AlarmService
from console.store.engine import Database

OPEN = 100_000
SWEEPS = 200


def _ts(moment: datetime) -> str:
    return moment.astimezone(UTC).strftime("%Y-%m-%d %H:%M:%S.%f")


def _prepare(path: str) -> None:
    """Make it 100 k open orders with 6 pending alarms each (idempotent). The alarms an earlier
    run raised are resolved: each run starts with none open, so the panel the loop figures
    refresh holds the same rows every run (it grew by 2,000 a run on a reused file)."""
    conn = sqlite3.connect(path, isolation_level=None)
    conn.execute(
        "UPDATE alarm SET resolved_at = ? WHERE key LIKE 'bench:%' AND raised_at IS NOT NULL "
        "AND resolved_at IS NULL",
        (_ts(datetime.now(UTC)),),
    )
    have = conn.execute("SELECT count(*) FROM alarm WHERE key LIKE 'bench:%'").fetchone()[0]
    if have >= OPEN * 6:
        conn.close()
        return
    open_now = conn.execute(
        "SELECT count(*) FROM work_order WHERE status NOT IN ('completed', 'cancelled')"
    ).fetchone()[0]
    conn.execute("BEGIN IMMEDIATE")
    if open_now < OPEN:
        conn.execute(
            "UPDATE work_order SET status = 'handling' WHERE id IN (SELECT id FROM work_order "
            "WHERE status = 'completed' ORDER BY id DESC LIMIT ?)",
            (OPEN - open_now,),
        )
    ids = [r[0] for r in conn.execute(
        "SELECT id FROM work_order WHERE status NOT IN ('completed', 'cancelled') LIMIT ?", (OPEN,)
    )]  # fmt: skip
    rng = random.Random(5)
    now = datetime.now(UTC)
    rows = []
    for oid in ids:
        for deadline in ("feedback", "completion"):
            due = now + timedelta(days=30 + rng.random() * 30)
            for n, level in enumerate(("warning", "due", "overdue")):
                fires = due - timedelta(days=1) + timedelta(days=n)
                rows.append((f"bench:{oid}:{deadline}:{level}", oid, deadline, level,
                             _ts(due), _ts(fires)))  # fmt: skip
    conn.executemany(
        "INSERT OR IGNORE INTO alarm (key, order_id, deadline, level, due_at, fires_at) "
        "VALUES (?, ?, ?, ?, ?, ?)",
        rows,
    )
    conn.execute("COMMIT")
    conn.execute("ANALYZE")
    conn.close()


def _make_due(conn: sqlite3.Connection, n: int) -> None:
    past = _ts(datetime.now(UTC) - timedelta(seconds=1))
    conn.execute(
        "UPDATE alarm SET fires_at = ? WHERE id IN (SELECT id FROM alarm WHERE raised_at IS NULL "
        "AND resolved_at IS NULL AND key LIKE 'bench:%' ORDER BY id LIMIT ?)",
        (past, n),
    )


FLOOR_RAISE = (
    "UPDATE alarm SET raised_at = ?, raised_by = 'floor' WHERE id IN (SELECT id FROM alarm "
    "WHERE raised_at IS NULL AND resolved_at IS NULL AND fires_at <= ? ORDER BY fires_at "
    "LIMIT 1000) AND raised_at IS NULL AND resolved_at IS NULL "
    "RETURNING id, order_id, deadline, level, due_at, fires_at"
)
FLOOR_NEXT = "SELECT min(fires_at) FROM alarm WHERE raised_at IS NULL AND resolved_at IS NULL"


def sweep_figure(path: str) -> Figure:
    _prepare(path)
    db = Database.open(f"sqlite:///{path}")
    service = AlarmService(db, lambda: datetime.now(UTC), "bench")
    prep = sqlite3.connect(path, isolation_level=None)
    ours = []
    for _ in range(SWEEPS):
        _make_due(prep, 5)
        start = time.perf_counter()
        service.sweep()
        service.next_pending()
        ours.append((time.perf_counter() - start) * 1000)
    db.dispose()
    floor = []
    for _ in range(SWEEPS):
        _make_due(prep, 5)
        start = time.perf_counter()
        now = _ts(datetime.now(UTC))
        prep.execute("BEGIN IMMEDIATE")
        prep.execute(FLOOR_RAISE, (now, now)).fetchall()
        prep.execute("COMMIT")
        prep.execute(FLOOR_NEXT).fetchone()
        floor.append((time.perf_counter() - start) * 1000)
    prep.close()
    return time_figure("alarm_sweep_ms", "ms", statistics.median(ours), statistics.median(floor))


def _loop_figures(
    path: str, handler_factory: Callable[[AlarmService], tuple[Callable[[list], None], Any]] | None
) -> list[Figure]:  # type: ignore[type-arg]
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    import qasync
    from apscheduler.schedulers.asyncio import AsyncIOScheduler
    from PySide6.QtCore import Qt, QTimer
    from PySide6.QtWidgets import QApplication

    app = QApplication.instance() or QApplication([])
    loop = qasync.QEventLoop(app)
    asyncio.set_event_loop(loop)
    db = Database.open(f"sqlite:///{path}")
    service = AlarmService(db, lambda: datetime.now(UTC), "bench")
    executor = ThreadPoolExecutor(1)
    raised_at: dict[int, float] = {}
    extra, panel = handler_factory(service) if handler_factory else (None, None)

    def on_raised(batch: list) -> None:  # type: ignore[type-arg]
        seen = time.time()
        for alarm in batch:
            raised_at[alarm.id] = seen
        if extra is not None:
            extra(batch)

    scheduler = AsyncIOScheduler(event_loop=loop, timezone=UTC)
    alarms = AlarmScheduler(scheduler, service, SystemClock(), executor, on_raised, 3600)
    order_id = db.engine.connect().exec_driver_sql("SELECT min(id) FROM work_order").scalar()
    prep = sqlite3.connect(path, isolation_level=None)

    def insert_pending(count: int, first: datetime, step: float, tag: str) -> list[datetime]:
        instants = [first + timedelta(seconds=i * step) for i in range(count)]
        prep.executemany(
            "INSERT INTO alarm (key, order_id, deadline, level, due_at, fires_at) "
            "VALUES (?, ?, 'feedback', 'due', ?, ?)",
            [(f"bench-{tag}-{time.time_ns()}-{i}", order_id, _ts(t), _ts(t))
             for i, t in enumerate(instants)],
        )  # fmt: skip
        return instants

    async def latency() -> tuple[float, float]:
        scheduler.start()
        alarms.start()
        await asyncio.sleep(0.5)  # the start-up sweep
        instants = insert_pending(20, datetime.now(UTC) + timedelta(seconds=0.5), 0.2, "lat")
        alarms.rearm()
        await asyncio.sleep(5.0)
        # Floor: the same instants (shifted past ours) through a chain of bare loop timers,
        # each armed when the previous fires, as the scheduler re-arms after each sweep.
        shift = datetime.now(UTC) + timedelta(seconds=0.5) - instants[0]
        bare: list[float] = []

        def arm(i: int) -> None:
            if i == len(instants):
                return
            target = (instants[i] + shift).timestamp()

            def fire() -> None:
                bare.append((time.time() - target) * 1000)
                arm(i + 1)

            loop.call_later(max(0.0, target - time.time()), fire)

        arm(0)
        await asyncio.sleep(5.0)
        ours = sorted(raised_at.values())[-20:]
        late = [(seen - t.timestamp()) * 1000 for seen, t in zip(ours, instants, strict=False)]
        return p95(late), p95([abs(b) for b in bare])

    async def stall(burst: bool) -> float:
        gaps: list[float] = []
        last = [time.perf_counter()]

        def probe() -> None:
            now = time.perf_counter()
            gaps.append((now - last[0]) * 1000 - 5)
            last[0] = now

        if burst:  # written before the probe starts: only the console's own work is measured
            insert_pending(500, datetime.now(UTC) - timedelta(seconds=1), 0, "burst")
        timer = QTimer()
        timer.setTimerType(Qt.TimerType.PreciseTimer)
        timer.setInterval(5)
        timer.timeout.connect(probe)
        last[0] = time.perf_counter()
        timer.start()
        await asyncio.sleep(0.1)
        if burst:
            await alarms.sweep_now()
            await _shown(panel)
        await asyncio.sleep(1.0)
        timer.stop()
        return max(gaps)

    try:
        lat, lat_floor = loop.run_until_complete(latency())
        idle = loop.run_until_complete(stall(False))
        busy = loop.run_until_complete(stall(True))
    finally:
        scheduler.shutdown(wait=False)
        loop.run_until_complete(asyncio.sleep(0))
        executor.shutdown()
        prep.execute("DELETE FROM alarm WHERE key LIKE 'bench-%'")  # next run starts alike
        prep.close()
        db.dispose()
    return [
        time_figure("alarm_latency_ms", "ms", lat, lat_floor),
        time_figure("alarm_burst_max_stall_ms", "ms", busy, idle),
    ]


def ui_handler(service: AlarmService) -> tuple[Callable[[list], None], Any]:  # type: ignore[type-arg]
    """The console's own reaction to raised alarms: the panel re-queries, the notifier speaks;
    and the panel, whose refresh the burst's stall waits for."""
    return console_reaction(service)


async def _shown(panel: Any, timeout_s: float = 10.0) -> None:
    """Until the panel has loaded once after the burst; the window then runs 1 s more (a load
    under way when the burst came is followed by the burst's own). The window used to be a
    fixed 1 s, which ended before the panel's refill while the alarm counts' query took ~2 s
    (BENCHMARKS.md, "Queue tab totals at 10 M"): the refill went unmeasured."""
    if panel is None:
        return
    loads = [0]
    panel.counts_changed.connect(lambda _counts: loads.__setitem__(0, loads[0] + 1))
    start = time.perf_counter()
    while not loads[0] and time.perf_counter() - start < timeout_s:
        await asyncio.sleep(0.02)


def console_reaction(service: AlarmService) -> tuple[Callable[[list], None], Any]:  # type: ignore[type-arg]
    """:func:`ui_handler` and the panel it refreshes (the change feed refreshes it too)."""
    from console.config import load_settings
    from console.ui.alarms.notifier import AlarmNotifier
    from console.ui.alarms.panel import AlarmPanel
    from console.ui.operations import Operations

    worker = Operations("bench-ui")
    from console.domain.orders import Platform
    from console.domain.roles import Principal, Role, Seated

    lead = Principal("bench", "bench", Platform.HOTLINE, frozenset({Role.SHIFT_LEAD}))
    panel = AlarmPanel(service, kind_names={}, by=Seated(lead, "A-01"), ops=worker)
    panel.resize(1280, 720)
    panel.show()
    notifier = AlarmNotifier(load_settings({}, {}), player=lambda _path, _volume: None)
    _keep.extend([worker, panel, notifier])

    def handle(batch: list) -> None:  # type: ignore[type-arg]
        notifier.notify(batch, datetime.now(UTC))
        panel.refresh_soon()  # as the console does (app.py on_raised)

    return handle, panel


_keep: list[object] = []


def run(ctx: Context) -> list[Figure]:
    path = str(ctx.bench_db_path())
    if not os.path.exists(path):
        raise RuntimeError(f"{path} is missing: run the demo_data benchmark first")
    return [sweep_figure(path), *_loop_figures(path, ui_handler)]
