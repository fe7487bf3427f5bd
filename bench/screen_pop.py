"""screen_pop_p95_ms / screen_pop_cold_p95_ms: answer event → the screen pop painted.

For each caller (20 % frequent) the seat asks ``ScreenPopService.pop`` on the UI worker thread,
the answer comes back to the GUI thread, the view is filled and the time is taken at the table's
next Paint event. The pop looks the number up in both its stored forms, itself and its
pseudonym (as the seat does: ``OrderService.caller_forms``). Floor: the same reads — the
newest 50 and the open ones, one indexed query per form — through plain ``sqlite3``.

Warm (200 callers) and cold (fresh callers, the file evicted from the page cache before each
batch, a set each, swapped in a second round) as ``caller_history`` measures them.
"""

from __future__ import annotations

import os
import sqlite3
import time
from datetime import UTC, datetime
from pathlib import Path

from caller_history import cold_rounds, phones
from common import Context, Figure, p95, time_figure

from console.domain.orders import Platform
from console.domain.roles import Principal, Role, Seated
from console.services.privacy import caller_forms
from console.services.screen_pop import ScreenPopService
from console.store.engine import Database

SAMPLES = 200
COLD = 50  # per batch; two batches a side
KEY = b"bench-pseudonym-key-0123456789ab"  # the site's pseudonym key: a second stored form
FLOOR_SQL = (
    "SELECT id, number, created_at, kind, status, owner, description, address FROM work_order "
    "WHERE caller_phone = ? {extra} ORDER BY created_at DESC LIMIT 50"
)
OPEN = "AND status NOT IN ('completed', 'cancelled')"


def forms(phone: str) -> tuple[str, ...]:
    return caller_forms(KEY, phone)


def ours(path: Path, numbers: list[str], warm_first: bool) -> list[float]:
    if warm_first:
        _painted_ms(str(path), numbers)
    return _painted_ms(str(path), numbers)


def floor(path: Path, numbers: list[str], warm_first: bool) -> list[float]:
    conn = sqlite3.connect(path)
    reads = [FLOOR_SQL.format(extra=""), FLOOR_SQL.format(extra=OPEN)]

    def pop(phone: str) -> None:
        for sql in reads:
            rows = [r for form in forms(phone) for r in conn.execute(sql, (form,)).fetchall()]
            sorted(rows, key=lambda r: r[2], reverse=True)[:50]

    if warm_first:
        for phone in numbers:
            pop(phone)
    samples = []
    for phone in numbers:
        start = time.perf_counter()
        pop(phone)
        samples.append((time.perf_counter() - start) * 1000)
    conn.close()
    return samples


def _painted_ms(path: str, numbers: list[str]) -> list[float]:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtCore import QEvent, QEventLoop, QObject
    from PySide6.QtWidgets import QApplication

    from console.ui.operations import Operations
    from console.ui.seat.screen_pop import ScreenPopView

    app = QApplication.instance() or QApplication([])
    db = Database.open(f"sqlite:///{path}")
    agent = Principal("bench", "bench", Platform.HOTLINE, frozenset({Role.AGENT}))
    service = ScreenPopService(db, lambda: datetime.now(UTC), Seated(agent, "A-01"), forms=forms)
    worker = Operations("bench-pop")
    view = ScreenPopView({})
    view.resize(1000, 600)
    view.show()
    state = {"filled": False, "painted": 0.0}
    waiting = QEventLoop()

    class Watch(QObject):
        def eventFilter(self, _obj: QObject, event: QEvent) -> bool:
            if event.type() == QEvent.Type.Paint and state["filled"] and not state["painted"]:
                state["painted"] = time.perf_counter()
                waiting.quit()
            return False

    watch = Watch()
    view.table.viewport().installEventFilter(watch)

    def fill(pop: object) -> None:
        view.show_pop(pop)  # type: ignore[arg-type]
        state["filled"] = True

    samples = []
    for phone in numbers:
        view.clear()
        app.processEvents()
        state.update(filled=False, painted=0.0)
        start = time.perf_counter()
        worker.read(view, "pop", lambda p=phone: service.pop(p), success=fill)  # type: ignore[misc]
        if not state["painted"]:
            waiting.exec()  # blocked in the event loop: no spinning beside the worker thread
        samples.append((state["painted"] - start) * 1000)
    worker.shutdown()
    view.close()
    db.dispose()
    return samples


def run(ctx: Context) -> list[Figure]:
    path = ctx.bench_db_path()
    if not path.exists():
        raise RuntimeError(f"{path} is missing: run the demo_data benchmark first")
    cold_ours, cold_floor = cold_rounds(path, ctx.orders, ours, floor, COLD)
    numbers = phones(ctx.orders)[:SAMPLES]
    warm_ours, warm_floor = ours(path, numbers, True), floor(path, numbers, True)
    return [
        time_figure("screen_pop_p95_ms", "ms", p95(warm_ours), p95(warm_floor)),
        time_figure("screen_pop_cold_p95_ms", "ms", p95(cold_ours), p95(cold_floor)),
    ]
