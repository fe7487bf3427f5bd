"""queue_first_page_ms, queue_scroll_max_stall_ms, queue_partial_search_ms: the work queues
on the 1 M-order database.

- ``queue_first_page_ms``: for each queue (the busiest seat's own orders, 12345's open orders,
  orders awaiting 12345's sign-for, all orders), the median time from
  ``QueueModel.load_first_page()`` to its 200 rows being in the model (read as a UI read operation,
  handed back to the GUI thread, model reset); the worst queue's median. Floor: the same keyset
  query (its first 201 rows) through plain ``sqlite3``, worst queue's median.
- ``queue_scroll_max_stall_ms``: longest event-loop stall (a 5 ms PreciseTimer probe's
  lateness) on the qasync loop while a QTableView over all orders is scrolled to the bottom
  again and again until 10,000 rows are loaded, page by page. Floor: the same probe and the
  same scrolling over a model already holding those 10,000 rows (no paging at all).
- ``queue_partial_search_ms``: the first page (200 rows) of a search by an order number's end
  (``000003``: every day of both platforms spelled out and looked up on the unique index) and
  by a caller number's start (``1381``), through ``read_page``; the worse median. Floor: the
  same lookups through plain ``sqlite3`` (the candidate numbers' ``IN`` list; the phone range).
  For scale, ``number LIKE '%-000003'`` scans the table: ~300 ms on this machine.
- ``queue_count_ms``: the four queue tabs' totals (``count_queues``: the seat's own orders with
  what waits for its platform's 办结, 12345's open orders, those awaiting its sign-for, all
  orders), read from the totals the database keeps (migration 0026), median. Floor: the same
  kept rows read through plain ``sqlite3``. The rows counted with ``count(*)`` (the way before
  0026) are timed once for scale and must give the same four totals. The view re-counts at most
  every ``COUNT_EVERY_MS`` (3 s), however often the change feed refreshes.

The database is brought to the current schema first (migration 0003 adds the queue indexes);
the backup the upgrade takes of a benchmark database is removed again.
"""

from __future__ import annotations

import asyncio
import os
import sqlite3
import statistics
import sys
import time
from functools import partial
from typing import Any

from common import Context, Figure, time_figure

from console.domain.orders import Platform
from console.store import migrate
from console.store.engine import Database
from console.store.queues import QueueKind, QueueQuery, count_queues, read_page

SAMPLES = 40
PAGE = 200
SCROLL_ROWS = 10_000
COLUMNS = (
    "id, number, created_at, kind, status, owner, priority, caller_phone, {due}, "
    "substr(description, 1, 80)"
)
OPEN = "status NOT IN ('completed', 'cancelled')"
FLOOR_SQL = {
    QueueKind.MINE: f"WHERE seat = ? AND {OPEN} AND feedback_due IS NOT NULL "
    "ORDER BY feedback_due, id",
    QueueKind.PLATFORM_OPEN: f"WHERE owner = ? AND {OPEN} AND feedback_due IS NOT NULL "
    "ORDER BY feedback_due, id",
    QueueKind.AWAITING_SIGN_FOR: "WHERE owner = ? AND status = 'transferred' "
    "AND sign_for_due IS NOT NULL ORDER BY sign_for_due, id",
    QueueKind.ALL: "WHERE feedback_due IS NOT NULL ORDER BY feedback_due, id",
}


def _prepare(path: str) -> str:
    """Schema to head (dropping the benchmark copy's backup); the seat with most open orders."""
    db = Database.open(f"sqlite:///{path}")
    done = migrate.upgrade(db.engine)
    db.dispose()
    if done.backup is not None:
        done.backup.unlink()
    conn = sqlite3.connect(path)
    seat = conn.execute(
        f"SELECT seat FROM work_order WHERE seat IS NOT NULL AND {OPEN} "
        "GROUP BY seat ORDER BY count(*) DESC LIMIT 1"
    ).fetchone()
    conn.close()
    if seat is None:
        raise RuntimeError("no order has a seat: MINE would measure an empty queue")
    return str(seat[0])


def _queues(seat: str) -> list[tuple[QueueQuery, tuple[str, ...]]]:
    """Each queue, with the arguments of its floor query."""
    return [
        (QueueQuery(QueueKind.MINE, seat=seat), (seat,)),
        (QueueQuery(QueueKind.PLATFORM_OPEN, platform=Platform.HOTLINE), ("12345",)),
        (QueueQuery(QueueKind.AWAITING_SIGN_FOR, platform=Platform.HOTLINE), ("12345",)),
        (QueueQuery(QueueKind.ALL), ()),
    ]


def _floor_ms(path: str, query: QueueQuery, args: tuple[str, ...]) -> float:
    due = "sign_for_due" if query.kind is QueueKind.AWAITING_SIGN_FOR else "feedback_due"
    sql = f"SELECT {COLUMNS.format(due=due)} FROM work_order {FLOOR_SQL[query.kind]} LIMIT ?"
    conn = sqlite3.connect(path)
    times = []
    for _ in range(SAMPLES + 5):
        start = time.perf_counter()
        rows = conn.execute(sql, (*args, PAGE + 1)).fetchall()
        times.append((time.perf_counter() - start) * 1000)
    conn.close()
    assert len(rows) > PAGE or query.kind is QueueKind.AWAITING_SIGN_FOR, (query, len(rows))
    return statistics.median(times[5:])


def _app() -> Any:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtWidgets import QApplication

    return QApplication.instance() or QApplication([])


def _first_page_ms(db: Database, query: QueueQuery, ops: Any) -> float:
    from PySide6.QtCore import QEventLoop

    from console.ui.models.queue_model import QueueModel

    times = []
    for _ in range(SAMPLES + 5):
        model = QueueModel(partial(read_page, db), ops, query, {})
        wait = QEventLoop()
        start = time.perf_counter()
        model.load_first_page(done=wait.quit)
        if model.busy:
            wait.exec()
        times.append((time.perf_counter() - start) * 1000)
        # Only a few dozen orders await sign-for in the demo data; every other queue has more.
        assert model.rowCount() == PAGE or query.kind is QueueKind.AWAITING_SIGN_FOR, query
    return statistics.median(times[5:])


def first_page_figure(path: str, seat: str) -> Figure:
    from console.ui.operations import Operations

    _app()
    db = Database.open(f"sqlite:///{path}")
    worker = Operations("bench-queues")
    ours, floor = {}, {}
    for query, args in _queues(seat):
        ours[query.kind] = _first_page_ms(db, query, worker)
        floor[query.kind] = _floor_ms(path, query, args)
    worker.shutdown()
    db.dispose()
    for kind in ours:
        print(
            f"#   {kind.value:18} {ours[kind]:7.2f} ms  floor {floor[kind]:6.2f} ms",
            file=sys.stderr,
        )
    return time_figure("queue_first_page_ms", "ms", max(ours.values()), max(floor.values()))


def scroll_figure(path: str) -> Figure:
    import qasync
    from PySide6.QtCore import Qt, QTimer
    from PySide6.QtWidgets import QTableView

    from console.ui.models.queue_model import QueueModel
    from console.ui.operations import Operations

    app = _app()
    loop = qasync.QEventLoop(app)
    asyncio.set_event_loop(loop)
    db = Database.open(f"sqlite:///{path}")
    worker = Operations("bench-queue-scroll")

    async def scroll(model: QueueModel, paged: bool) -> float:
        view = QTableView()
        view.setModel(model)
        view.resize(1280, 720)
        if paged:
            ready = loop.create_future()
            model.load_first_page(done=lambda: ready.set_result(None))
            await ready
        view.show()
        await asyncio.sleep(0.2)
        gaps: list[float] = []
        last = [time.perf_counter()]

        def probe() -> None:
            now = time.perf_counter()
            gaps.append((now - last[0]) * 1000 - 5)
            last[0] = now

        timer = QTimer()
        timer.setTimerType(Qt.TimerType.PreciseTimer)
        timer.setInterval(5)
        timer.timeout.connect(probe)
        last[0] = time.perf_counter()
        timer.start()
        bottom = PAGE
        while bottom <= SCROLL_ROWS:
            if paged:  # the agent drags to the end of what is loaded; the view asks for more
                view.scrollToBottom()
                while model.rowCount() < min(bottom + PAGE, SCROLL_ROWS) and model.canFetchMore():
                    await asyncio.sleep(0.002)
            else:  # the same positions, every row already there
                view.scrollTo(model.index(bottom - 1, 0), QTableView.ScrollHint.PositionAtBottom)
                await asyncio.sleep(0.004)
            bottom += PAGE
        await asyncio.sleep(0.1)
        timer.stop()
        view.close()
        view.deleteLater()
        return max(gaps)

    try:
        paged = QueueModel(partial(read_page, db), worker, QueueQuery(QueueKind.ALL), {},
                           page_size=PAGE, max_rows=SCROLL_ROWS)  # fmt: skip
        busy = loop.run_until_complete(scroll(paged, True))
        assert paged.rowCount() == SCROLL_ROWS, paged.rowCount()
        rows = [paged.row_at(n) for n in range(SCROLL_ROWS)]
        held = QueueModel(lambda *_: (rows, None), worker, QueueQuery(QueueKind.ALL), {},
                          page_size=SCROLL_ROWS, max_rows=SCROLL_ROWS)  # fmt: skip
        loaded = loop.create_future()  # every row in before the view shows, as before
        held.load_first_page(done=lambda: loaded.set_result(None))
        loop.run_until_complete(loaded)
        idle = loop.run_until_complete(scroll(held, False))
    finally:
        worker.shutdown()
        db.dispose()
    return time_figure("queue_scroll_max_stall_ms", "ms", busy, idle)


def search_figure(path: str) -> Figure:
    from console.store.queues import _sequence_numbers

    db = Database.open(f"sqlite:///{path}")
    searches = {"sequence": "000003", "phone_start": "1381"}
    ours = {}
    for name, typed in searches.items():
        query = QueueQuery(QueueKind.ALL, search=typed)
        times = []
        for _ in range(SAMPLES + 5):
            start = time.perf_counter()
            rows, _after = read_page(db, query, None, PAGE)
            times.append((time.perf_counter() - start) * 1000)
        assert rows, name
        ours[name] = statistics.median(times[5:])
    with db.read() as session:
        numbers = _sequence_numbers(session, "-000003")[: PAGE + 1]
    db.dispose()
    conn = sqlite3.connect(path)
    due = "feedback_due"
    floors = {
        "sequence": (f"SELECT {COLUMNS.format(due=due)} FROM work_order WHERE number IN "
                     f"({','.join('?' * len(numbers))})", numbers),
        "phone_start": (f"SELECT {COLUMNS.format(due=due)} FROM work_order WHERE caller_phone "
                        "BETWEEN '1381' AND '1381~' ORDER BY caller_phone, id LIMIT 201", []),
    }  # fmt: skip
    floor = {}
    for name, (sql, args) in floors.items():
        times = []
        for _ in range(SAMPLES + 5):
            start = time.perf_counter()
            conn.execute(sql, args).fetchall()
            times.append((time.perf_counter() - start) * 1000)
        floor[name] = statistics.median(times[5:])
    conn.close()
    for name in ours:
        print(f"#   {name:18} {ours[name]:7.2f} ms  floor {floor[name]:6.2f} ms", file=sys.stderr)
    return time_figure("queue_partial_search_ms", "ms", max(ours.values()), max(floor.values()))


# The rows each tab holds, counted (the proof that the kept totals are right, and for scale:
# what the tabs cost before migration 0026). MINE as the seat's view asks: its platform's 办结 too.
RECOUNT_SQL = {
    QueueKind.MINE: f"SELECT (SELECT count(*) FROM work_order WHERE seat = :seat AND {OPEN}) + "
    "(SELECT count(*) FROM work_order WHERE origin = :platform AND status = 'fed_back' "
    "AND (seat IS NULL OR seat <> :seat))",
    QueueKind.PLATFORM_OPEN: f"SELECT count(*) FROM work_order WHERE owner = :platform AND {OPEN}",
    QueueKind.AWAITING_SIGN_FOR: "SELECT count(*) FROM work_order "
    "WHERE owner = :platform AND status = 'transferred'",
    QueueKind.ALL: "SELECT count(*) FROM work_order",
}
KEPT_SQL = (
    "SELECT queue, scope, sum(n) FROM queue_count WHERE (queue, scope) IN (VALUES "
    "('seat_open', :seat), ('fed_back', '12345'), ('seat_fed_back', '12345/' || :seat), "
    "('open', '12345'), ('transferred', '12345'), ('all', '')) GROUP BY queue, scope"
)


def _counted_queues(seat: str) -> list[QueueQuery]:
    return [
        QueueQuery(QueueKind.MINE, seat=seat, platform=Platform.HOTLINE),
        QueueQuery(QueueKind.PLATFORM_OPEN, platform=Platform.HOTLINE),
        QueueQuery(QueueKind.AWAITING_SIGN_FOR, platform=Platform.HOTLINE),
        QueueQuery(QueueKind.ALL),
    ]


def _floor_counts(kept: dict[tuple[str, str], int], seat: str) -> list[int]:
    """The four totals from the kept rows, by hand (the floor's mapping)."""
    mine = kept.get(("seat_open", seat), 0) + kept.get(("fed_back", "12345"), 0)
    mine -= kept.get(("seat_fed_back", f"12345/{seat}"), 0)
    return [mine, kept.get(("open", "12345"), 0), kept.get(("transferred", "12345"), 0),
            kept.get(("all", ""), 0)]  # fmt: skip


def count_figure(url: str, path: str, seat: str) -> Figure:
    """``queue_count_ms``: ours through ``count_queues``; the floor reads the same kept rows
    through plain ``sqlite3``. The rows counted the old way are timed once, for scale, and must
    give the same totals. ``url``/``path`` may name a read-only connection (the 10 M file)."""
    queries = _counted_queues(seat)
    db = Database.open(url)
    ours = []
    for _ in range(SAMPLES + 5):
        start = time.perf_counter()
        counts = count_queues(db, queries)
        ours.append((time.perf_counter() - start) * 1000)
    db.dispose()
    conn = sqlite3.connect(path, uri=path.startswith("file:"))
    floor = []
    for _ in range(SAMPLES + 5):
        start = time.perf_counter()
        kept = {(q, s): int(n) for q, s, n in conn.execute(KEPT_SQL, {"seat": seat})}
        plain = _floor_counts(kept, seat)
        floor.append((time.perf_counter() - start) * 1000)
    values = {"seat": seat, "platform": "12345"}
    recount, took = [], []
    for query in queries:
        start = time.perf_counter()
        recount.append(conn.execute(RECOUNT_SQL[query.kind], values).fetchone()[0])
        took.append((time.perf_counter() - start) * 1000)
    conn.close()
    assert counts == plain == recount, (counts, plain, recount)
    named = dict(zip([q.kind.value for q in queries], counts, strict=True))
    print(f"#   queue counts {named}", file=sys.stderr)
    print("#   the same rows counted (before migration 0026), once: "
          + ", ".join(f"{q.kind.value} {t:.1f} ms" for q, t in zip(queries, took, strict=True)),
          file=sys.stderr)  # fmt: skip
    return time_figure(
        "queue_count_ms", "ms", statistics.median(ours[5:]), statistics.median(floor[5:])
    )


def run(ctx: Context) -> list[Figure]:
    path = str(ctx.bench_db_path())
    if not os.path.exists(path):
        raise RuntimeError(f"{path} is missing: run the demo_data benchmark first")
    seat = _prepare(path)
    return [
        first_page_figure(path, seat),
        scroll_figure(path),
        search_figure(path),
        count_figure(f"sqlite:///{path}", path, seat),
    ]
