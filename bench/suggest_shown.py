"""suggest_shown_ms: the intake form's pause → the suggestion on screen, through the UI path
(console/ui/seat/intake_assist.py): the read asked of ``Operations`` (off the UI thread), the
suggestion service on its read thread, the answer queued back and the labels set. The 150 ms
debounce the assist waits for a pause in the typing is deliberate and not counted: the clock
starts when it fires. The duplicates' read is asked with it (after it, on the same read
thread), as in the console. p95 over 200 typings drawn as ``suggest_ms`` draws them, each
with the caller's number and, for half, the district and kind (the duplicates then read the
district's open orders).

Floor: ``SuggestionService.suggest`` for the same typings called directly on this thread, same
run: what the UI path adds is the thread hop, the event loop and the widgets.
"""

from __future__ import annotations

import os
import sqlite3
import time

from common import Context, Figure, p95, time_figure, timed_ms
from suggest import NOW, _seed_rules, _typings

TYPINGS = 200


def run(ctx: Context) -> list[Figure]:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtCore import QEventLoop
    from PySide6.QtWidgets import QApplication

    from console.app_seat import intake_assist
    from console.domain.intake import Draft
    from console.domain.order_types import Platform
    from console.services.duplicates import DuplicateService
    from console.services.orders import OrderService
    from console.services.suggestions import Suggestion, SuggestionService
    from console.store.engine import Database
    from console.store.seed import catalogue
    from console.ui.operations import Operations
    from console.ui.seat.intake_fields import IntakeFields
    from tests.principals import at_seat

    path = ctx.bench_db_path()
    if not path.exists():
        raise RuntimeError(f"{path} is missing: run the demo_data benchmark first")
    app = QApplication.instance() or QApplication([])
    db = Database.open(f"sqlite:///{path}")
    _seed_rules(db)
    conn = sqlite3.connect(path)
    typings = _typings(conn)[:TYPINGS]
    conn.close()
    by = at_seat("坐席", "B-01", Platform.HOTLINE)
    with db.read() as session:
        kinds, fields, districts = catalogue(session)
    ops = Operations("bench")
    orders = OrderService(db, lambda: NOW)
    duplicates = DuplicateService(db, lambda: NOW, orders.writer, by)
    form_fields = IntakeFields(platform=Platform.HOTLINE, kinds=kinds, fields=fields,
                               districts=districts, chinese=True)  # fmt: skip
    assist = intake_assist(db, lambda: NOW, by, duplicates, ops, {}, True)(form_fields)
    shown: list[float] = []
    original = assist._show_suggestion

    def show(suggestion: Suggestion) -> None:
        original(suggestion)
        shown.append(time.perf_counter())

    assist._show_suggestion = show  # type: ignore[method-assign]
    loop = QEventLoop()

    def one(typing: tuple[str | None, str | None, str | None, str]) -> float:
        kind, field, district, text = typing
        draft = Draft(caller_phone="13800000000", kind=kind or "", field=field or "",
                      district=district or "", description=text)  # fmt: skip
        shown.clear()
        assist._draft = draft
        start = time.perf_counter()
        assist._ask()  # what the debounce timer calls when it fires
        while not shown or ops.in_flight(assist, "duplicates"):
            loop.processEvents(QEventLoop.ProcessEventsFlag.WaitForMoreEvents, 50)
        return (shown[0] - start) * 1000

    one(typings[0])  # rules read, pool and page cache warm
    ours = [one(t) for t in typings]
    ops.shutdown()
    service = SuggestionService(db, Platform.HOTLINE, lambda: NOW)
    service.suggest(*typings[0])
    floor = [timed_ms(lambda t=t: service.suggest(*t)) for t in typings]  # type: ignore[misc]
    db.dispose()
    del app
    return [time_figure("suggest_shown_ms", "ms", p95(ours), p95(floor))]
