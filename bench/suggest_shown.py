"""suggest_shown_ms: the intake form's pause → the suggestion on screen, through the UI path
(console/ui/seat/intake_assist.py): the read asked of ``Operations`` (off the UI thread), the
suggestion service on its read thread, the answer queued back and the labels set. The 150 ms
debounce the assist waits for a pause in the typing is deliberate and not counted: the clock
starts when it fires. The duplicates' read follows it as in the console (asked once the
suggestion is shown, on the same read thread). p95 over 200 typings drawn as ``suggest_ms``
draws them, each with the caller's number and, for half, the district and kind (the
duplicates then read the district's open orders).

- ``suggest_shown_ms``: the first pause of a matter (the service's kept past orders dropped
  first, untimed: the suggestion reads the database);
- ``suggest_shown_next_ms``: the next pause, the whole description typed (the matter's past
  orders kept: ranked again, not read);
- ``duplicates_shown_ms``: the first pause → the duplicates listed too (floor: the suggestion
  and the duplicates asked of the services directly, one after the other).

Floor: ``SuggestionService.suggest`` for the same asks called directly on this thread, same
run, right after ours on each typing (whose rows were read once, untimed, before either):
what the UI path adds is the thread hop, the event loop and the widgets. ``--read-only``
(bench/run.py): the database is opened ``mode=ro``.
"""

from __future__ import annotations

import dataclasses
import os
import statistics
import sys
import time

from common import Context, Figure, p95, time_figure, timed_ms
from suggest import NOW, Typing, _seed_rules, _typings, first_ask

TYPINGS = 200


def run(ctx: Context) -> list[Figure]:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtCore import QEventLoop, QTimer
    from PySide6.QtWidgets import QApplication

    from console.app_seat import intake_assist
    from console.domain.duplicates import Candidate
    from console.domain.intake import Draft
    from console.domain.order_types import Platform
    from console.services.duplicates import DuplicateService
    from console.services.journal import JournalService
    from console.services.orders import OrderService
    from console.services.suggestions import Suggestion, SuggestionService
    from console.store.engine import Database
    from console.store.journal_file import JournalFile
    from console.store.seed import catalogue
    from console.ui.operations import Operations
    from console.ui.seat.intake_fields import IntakeFields
    from tests.principals import at_seat

    path = ctx.bench_db_path()
    if not path.exists():
        raise RuntimeError(f"{path} is missing: run the demo_data benchmark first")
    app = QApplication.instance() or QApplication([])
    db = Database.open(ctx.bench_db_url())
    _seed_rules(db, ctx.read_only)
    conn = ctx.bench_db_connect()
    typings = _typings(conn)[:TYPINGS]
    wholes = _typings(conn, whole=True)[:TYPINGS]
    conn.close()
    by = at_seat("坐席", "B-01", Platform.HOTLINE)
    with db.read() as session:
        kinds, fields, districts = catalogue(session)
    ops = Operations("bench")
    orders = OrderService(db, lambda: NOW)
    duplicates = DuplicateService(db, lambda: NOW, orders.writer, by)
    form_fields = IntakeFields(platform=Platform.HOTLINE, kinds=kinds, fields=fields,
                               districts=districts, chinese=True)  # fmt: skip
    kept = SuggestionService(db, Platform.HOTLINE, lambda: NOW)
    held = JournalService(orders, by, JournalFile(ctx.workdir / "suggest-shown-journal.sqlite3"),
                          lambda: NOW)  # fmt: skip
    assist = intake_assist(db, by, kept, duplicates, ops, {}, True, held)(form_fields)
    shown: list[float] = []
    original = assist._show_suggestion

    widgets: list[float] = []  # of the labels alone

    def show(suggestion: Suggestion) -> None:
        begun = time.perf_counter()
        original(suggestion)
        shown.append(time.perf_counter())
        widgets.append((shown[-1] - begun) * 1000)

    assist._show_suggestion = show  # type: ignore[method-assign]
    listed: list[float] = []
    list_them = assist._show_candidates

    def show_candidates(found: list[Candidate]) -> None:
        list_them(found)
        listed.append(time.perf_counter())

    assist._show_candidates = show_candidates  # type: ignore[method-assign]
    loop = QEventLoop()
    # Wait as the console's event loop does: blocked until an event comes. The overload with a
    # time limit never waits (Qt ignores WaitForMoreEvents there): it spun the GUI thread,
    # ~3,600 turns an ask, taking a core and the interpreter from the read thread (the first
    # version of this benchmark measured that: ratios 1.7-3.6). A slow timer guards a hang.
    guard = QTimer(interval=100)
    guard.start()

    def draft_of(typing: Typing) -> Draft:
        kind, field, district, text = typing
        return Draft(caller_phone="13800000000", kind=kind or "", field=field or "",
                     district=district or "", description=text)  # fmt: skip

    def one(typing: Typing) -> float:
        shown.clear()
        listed.clear()
        assist._draft = draft_of(typing)
        start = time.perf_counter()
        assist._ask()  # what the debounce timer calls when it fires
        while not shown or not listed or ops.in_flight(assist, "duplicates"):
            loop.processEvents(QEventLoop.ProcessEventsFlag.WaitForMoreEvents)
        both.append((listed[0] - start) * 1000)
        return (shown[0] - start) * 1000

    both: list[float] = []  # pause -> the duplicates listed too

    def hop() -> float:  # the path's own floor: a read that does nothing, there and back
        back: list[float] = []
        start = time.perf_counter()
        ops.read(assist, "hop", lambda: None, success=lambda _: back.append(time.perf_counter()))
        while not back:
            loop.processEvents(QEventLoop.ProcessEventsFlag.WaitForMoreEvents)
        return (back[0] - start) * 1000

    inside: list[tuple[float, float]] = []  # the service on the read thread: wall, CPU (ms)

    def timed_suggest(*asked: str | None) -> Suggestion:
        wall, cpu = time.perf_counter(), time.thread_time()
        found = kept.suggest(*asked)  # type: ignore[arg-type]
        inside.append(((time.perf_counter() - wall) * 1000, (time.thread_time() - cpu) * 1000))
        return found

    assist._calls = dataclasses.replace(assist._calls, suggest=timed_suggest)
    service = SuggestionService(db, Platform.HOTLINE, lambda: NOW)
    kept.forget()
    one(typings[0])  # rules read, the pool's connection open
    both.clear()
    inside.clear()
    ours: list[float] = []
    going_on: list[float] = []
    floor: list[float] = []
    floor_next: list[float] = []
    floor_both: list[float] = []
    floor_cpu: list[float] = []
    for typing, whole in zip(typings, wholes, strict=True):
        first_ask(service, typing)  # this typing's rows read just before, for both sides alike
        assist._calls.candidates(draft_of(typing))
        kept.forget()  # the first pause of this matter: its past orders read
        ours.append(one(typing))
        going_on.append(one(whole))
        service.forget()
        cpu = time.thread_time()
        floor.append(timed_ms(lambda t=typing: service.suggest(*t)))  # type: ignore[misc]
        floor_cpu.append((time.thread_time() - cpu) * 1000)
        floor_next.append(timed_ms(lambda w=whole: service.suggest(*w)))  # type: ignore[misc]
        service.forget()
        draft = draft_of(typing)
        floor_both.append(timed_ms(lambda t=typing, d=draft: (
            service.suggest(*t), assist._calls.candidates(d))))  # type: ignore[misc]  # fmt: skip
    listed_too = both[::2]  # those of the first pauses
    hops = [hop() for _ in typings]
    firsts = inside[::2]
    print(f"suggest_shown: the read thread and back, doing nothing: p95 {p95(hops):.2f} ms, "
          f"median {statistics.median(hops):.2f} ms; setting the labels: p95 "
          f"{p95(widgets):.2f} ms, median {statistics.median(widgets):.2f} ms; first pauses' "
          f"service on the read thread: wall p95 {p95([w for w, _ in firsts]):.1f} ms, CPU "
          f"p95 {p95([c for _, c in firsts]):.1f} / median "
          f"{statistics.median([c for _, c in firsts]):.1f} ms; the floor's CPU p95 "
          f"{p95(floor_cpu):.1f} / median {statistics.median(floor_cpu):.1f} ms",
          file=sys.stderr)  # fmt: skip
    ops.shutdown()
    held.close()
    db.dispose()
    del app
    return [
        time_figure("suggest_shown_ms", "ms", p95(ours), p95(floor)),
        time_figure("suggest_shown_next_ms", "ms", p95(going_on), p95(floor_next)),
        time_figure("duplicates_shown_ms", "ms", p95(listed_too), p95(floor_both)),
    ]
