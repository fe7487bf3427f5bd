"""The queue tabs count every order of their queue, beyond the 200 loaded, and re-count at most
once per COUNT_EVERY_MS however often the change feed refreshes."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from functools import partial

import pytest
from pytestqt.qtbot import QtBot

from console.domain.orders import Platform
from console.services.queues import QueueQuery
from console.store.engine import Database
from console.store.queues import QueueKind, count_queues, read_page
from console.ui.operations import Operations
from console.ui.seat.queues_view import COUNT_EVERY_MS, QueuesView
from tests.ui.test_queues_view import Scene


@pytest.fixture
def worker() -> Iterator[Operations]:
    made = Operations("test-queue-counts")
    yield made
    made.shutdown()


def test_tabs_show_real_counts_and_recount_sparingly(
    qtbot: QtBot,
    sqlite_db: Database,
    worker: Operations,
) -> None:
    scene = Scene(sqlite_db)
    counted: list[int] = []

    def count(queries: Sequence[QueueQuery]) -> list[int]:
        counted.append(len(queries))
        return count_queues(scene.db, queries)

    view = QueuesView(fetch=partial(read_page, scene.db), ops=worker, platform=Platform.HOTLINE,
                      seat="A-01", kind_names={}, count=count)  # fmt: skip
    qtbot.addWidget(view)
    qtbot.waitUntil(
        lambda: view.is_ready and view.counted(QueueKind.ALL) is not None, timeout=10_000
    )
    assert view.tabs.tabText(3) == "All orders (505)"  # 500 demo orders and five of the scene's
    assert view.tabs.tabText(0) == "My orders (3)"
    assert view.count_timer.interval() == COUNT_EVERY_MS and view.count_timer.isActive()
    for _ in range(5):  # a busy change feed: five refreshes within the interval
        view.refresh()
    assert counted == [4]  # not yet: once the interval is up, one count for all five
    view.count_timer.setInterval(1)
    view.count_timer.start()
    qtbot.waitUntil(lambda: len(counted) == 2)
    qtbot.waitUntil(lambda: not view.count_timer.isActive() or len(counted) > 2)
    assert len(counted) == 2
