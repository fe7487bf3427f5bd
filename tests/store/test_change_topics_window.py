"""A seat's window re-reads only what a change's topics concern (app_window.on_topics): another
platform's write leaves its queues and inbox alone, a step on the order in view re-reads it, and
"everything" (SQLite, a reconnect, an unknown payload) re-reads everything."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta

import pytest
import qasync
import shiboken6
from pytestqt.qtbot import QtBot

from console.app_window import Shared, WindowParts, build_window, watch_changes
from console.domain.calendar import load_calendar
from console.domain.orders import Platform
from console.services.alarms import AlarmService, load_site_policy
from console.services.orders import OrderService
from console.store import change_topics as ct
from console.store.engine import Database
from console.store.seed import catalogue
from console.telephony.simulated import SimulatedSwitch
from console.ui.operations import Operations
from tests.principals import at_seat

A01 = at_seat("王丽", "A-01", Platform.HOTLINE)
MONDAY = datetime(2026, 11, 23, 2, tzinfo=UTC)
IN_VIEW = "12345-20261123-000001"


class Window:
    """A 12345 seat's window with its re-reads counted instead of run."""

    def __init__(self, db: Database, loop: object, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch):
        clock = lambda: MONDAY  # noqa: E731
        self.worker = Operations("test-change-topics")
        with db.read() as session:
            shared = Shared(
                db=db, orders=OrderService(db, clock, load_site_policy(db), load_calendar()),
                alarms=AlarmService(db, clock, A01.seat), clock=clock,
                catalogue=catalogue(session), chinese=True, ops=self.worker, loop=loop,  # type: ignore[arg-type]
                db_url="sqlite://", wrap_up=timedelta(seconds=30),
            )  # fmt: skip
        self.switch = SimulatedSwitch(rate_per_min=0, seed=3, loop=loop)  # type: ignore[arg-type]
        self.part: WindowParts = build_window(shared, A01, self.switch)
        qtbot.addWidget(self.part.window)
        self.reads: Counter[str] = Counter()
        w = self.part.window
        for name, widget in (("queues", w.queues), ("inbox", w.inbox), ("detail", w.detail),
                             ("panel", self.part.panel)):  # fmt: skip
            method = "refresh_soon" if name == "panel" else "refresh"
            monkeypatch.setattr(widget, method, lambda name=name: self.reads.update([name]))

    def told(self, *topics: str) -> Counter[str]:
        self.reads.clear()
        self.part.on_topics(frozenset(topics))
        return Counter(self.reads)

    def close(self) -> None:
        self.part.seat.close()
        self.worker.shutdown()


@pytest.fixture
def window(
    qtbot: QtBot, qloop: qasync.QEventLoop, sqlite_db: Database, monkeypatch: pytest.MonkeyPatch
) -> Iterator[Window]:
    made = Window(sqlite_db, qloop, qtbot, monkeypatch)
    made.part.window.detail.expect(IN_VIEW)  # an order on its way to the detail
    yield made
    made.close()


def test_a_write_at_the_other_platform_leaves_this_seats_queues_alone(window: Window) -> None:
    reads = window.told(ct.platform_topic("110"), ct.order_topic("110-20261123-000007"))
    assert reads["queues"] == 0 and reads["inbox"] == 0 and reads["detail"] == 0


def test_a_write_at_this_platform_re_reads_its_queues_not_the_detail(window: Window) -> None:
    reads = window.told(ct.platform_topic("12345"), ct.order_topic("12345-20261123-000009"))
    assert reads["queues"] == 1 and reads["inbox"] == 1
    assert reads["detail"] == 0  # another order


def test_a_step_on_the_order_in_view_re_reads_it(window: Window) -> None:
    reads = window.told(ct.platform_topic("110"), ct.order_topic(IN_VIEW))
    assert reads["detail"] == 1


def test_alarms_re_read_the_panel_only(window: Window) -> None:
    reads = window.told(ct.ALARMS)
    assert reads == Counter({"panel": 1})


def test_everything_re_reads_everything(window: Window) -> None:
    reads = window.told(ct.EVERYTHING)
    assert {"queues", "inbox", "detail", "panel"} <= set(reads)
    window.reads.clear()
    window.part.on_change()  # what SQLite and a reconnect answer
    assert {"queues", "inbox", "detail", "panel"} <= set(window.reads)


def test_rules_and_articles_follow_without_re_reading_the_queues(
    window: Window, monkeypatch: pytest.MonkeyPatch
) -> None:
    followed: list[tuple[bool, bool]] = []
    monkeypatch.setattr(window.part.seat, "follow_policy", lambda *what: followed.append(what))
    assert window.told(ct.RULES) == Counter()  # no queue, inbox, detail or panel re-read
    assert window.told(ct.KNOWLEDGE) == Counter()
    window.told(ct.platform_topic("12345"))
    assert followed == [(True, False), (False, True), (False, False)]
    window.told(ct.EVERYTHING)  # SQLite, a reconnect: the seat compares the stamps
    assert followed[-1] == (True, True)


class FakeWatch:
    def __init__(self) -> None:
        self.next: ct.Topics = ct.NOTHING

    def changed(self) -> bool:
        return bool(self.next)

    def topics(self) -> ct.Topics:
        found, self.next = self.next, ct.NOTHING
        return found

    def close(self) -> None:
        pass


def test_the_change_poll_passes_the_topics_on(window: Window, qtbot: QtBot) -> None:
    watch = FakeWatch()
    changes: list[int] = []
    timer = watch_changes(window.part.window, watch, lambda: changes.append(1),
                          on_topics=window.part.on_topics)  # fmt: skip
    try:
        watch.next = frozenset({ct.platform_topic("110")})
        qtbot.waitUntil(lambda: bool(changes), timeout=5000)  # the poll saw the change
        assert window.reads["queues"] == 0
        watch.next = ct.ALL  # a reconnect
        qtbot.waitUntil(lambda: window.reads["queues"] == 1, timeout=5000)  # everything re-read
    finally:
        if shiboken6.isValid(timer):
            timer.stop()
