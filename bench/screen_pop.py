"""screen_pop_p95_ms: answer event → the screen pop painted, on the 1 M-order database.

For 200 callers (20 % frequent): the seat asks ``ScreenPopService.pop`` on the UI worker thread,
the answer comes back to the GUI thread, the view is filled and the time is taken at the table's
next Paint event. Floor: the same two indexed queries through plain ``sqlite3``.
"""

from __future__ import annotations

import os
import sqlite3
import time
from datetime import UTC, datetime

from caller_history import phones
from common import Context, Figure, p95, time_figure

from console.domain.orders import Platform
from console.domain.roles import Principal, Role, Seated
from console.services.screen_pop import ScreenPopService
from console.store.engine import Database

SAMPLES = 200
FLOOR_SQL = (
    "SELECT id, number, created_at, kind, status, owner, description FROM work_order "
    "WHERE caller_phone = ? {extra} ORDER BY created_at DESC LIMIT 50"
)


def _painted_ms(path: str, numbers: list[str]) -> list[float]:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtCore import QEvent, QObject
    from PySide6.QtWidgets import QApplication

    from console.ui.operations import Operations
    from console.ui.seat.screen_pop import ScreenPopView

    app = QApplication.instance() or QApplication([])
    db = Database.open(f"sqlite:///{path}")
    agent = Principal("bench", "bench", Platform.HOTLINE, frozenset({Role.AGENT}))
    service = ScreenPopService(db, lambda: datetime.now(UTC), Seated(agent, "A-01"))
    worker = Operations("bench-pop")
    view = ScreenPopView({})
    view.resize(1000, 600)
    view.show()
    state = {"filled": False, "painted": 0.0}

    class Watch(QObject):
        def eventFilter(self, _obj: QObject, event: QEvent) -> bool:
            if event.type() == QEvent.Type.Paint and state["filled"] and not state["painted"]:
                state["painted"] = time.perf_counter()
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
        while not state["painted"]:
            app.processEvents()
        samples.append((state["painted"] - start) * 1000)
    worker.shutdown()
    view.close()
    db.dispose()
    return samples


def run(ctx: Context) -> list[Figure]:
    path = str(ctx.bench_db_path())
    if not os.path.exists(path):
        raise RuntimeError(f"{path} is missing: run the demo_data benchmark first")
    numbers = phones(ctx.orders)[:SAMPLES]
    ours = _painted_ms(path, numbers)
    conn = sqlite3.connect(path)
    closed = "AND status NOT IN ('completed', 'cancelled')"
    floor = []
    for phone in numbers:
        start = time.perf_counter()
        conn.execute(FLOOR_SQL.format(extra=""), (phone,)).fetchall()
        conn.execute(FLOOR_SQL.format(extra=closed), (phone,)).fetchall()
        floor.append((time.perf_counter() - start) * 1000)
    conn.close()
    return [time_figure("screen_pop_p95_ms", "ms", p95(ours), p95(floor))]
