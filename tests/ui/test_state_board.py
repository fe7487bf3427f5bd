from __future__ import annotations

import threading
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QWidget
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot

from console.domain.agent_state import AgentState, NotReadyReason
from console.domain.orders import Platform
from console.services.seat import BoardLine, SeatStateService
from console.store.engine import Database
from console.ui.operations import Operations
from console.ui.seat.state_board import StateBoard
from tests.principals import lead
from tests.ui.linkage_harness import Seats
from tests.waiting import wait_until


@pytest.fixture
def worker(qapp: object) -> Iterator[Operations]:
    made = Operations("board-test")
    yield made
    made.shutdown()


def test_board_shows_each_seat_state_and_time(
    qtbot: QtBot, qtmodeltester: ModelTester, sqlite_db: Database, worker: Operations
) -> None:
    t0 = datetime(2026, 11, 26, 1, tzinfo=UTC)
    a = SeatStateService(sqlite_db, lambda: t0, lead("王丽", "A-01", Platform.HOTLINE))
    b = SeatStateService(sqlite_db, lambda: t0, lead("张伟", "A-02", Platform.HOTLINE))
    a.change(AgentState.READY)
    b.change(AgentState.NOT_READY, NotReadyReason.MEETING)
    holder = QWidget()
    qtbot.addWidget(holder)
    board = StateBoard(a.board, worker, holder)
    board.refresh()
    qtbot.waitUntil(lambda: board.model.rowCount() == 2)
    board.set_now(t0 + timedelta(minutes=3, seconds=5))
    model = board.model
    assert [model.index(r, 0).data() for r in range(2)] == ["A-01", "A-02"]
    assert model.index(1, model.REASON).data() == "Meeting"
    assert model.index(0, model.SINCE).data() == "03:05"
    assert "Ready 1" in board.summary.text() and "not ready 1" in board.summary.text()
    qtmodeltester.check(model)


def test_a_poll_does_not_queue_behind_one_still_running(qtbot: QtBot, worker: Operations) -> None:
    started, release, reads = threading.Event(), threading.Event(), []

    def slow_board() -> list[BoardLine]:
        reads.append(len(reads))
        started.set()
        assert release.wait(10), "the test never let the read finish"
        return []

    holder = QWidget()
    qtbot.addWidget(holder)
    board = StateBoard(slow_board, worker, holder)
    board.timer.stop()  # the test polls
    board.refresh()
    assert started.wait(10)
    for _ in range(5):  # five polls while the database is slow
        board.refresh()
    release.set()
    qtbot.waitUntil(lambda: len(reads) == 2 and not worker.in_flight(board, "board"))
    assert reads == [0, 1]  # the one running, then one more: not six


def test_a_seat_that_stops_reporting_shows_offline(
    qtbot: QtBot, sqlite_db: Database, worker: Operations
) -> None:
    """J-01's process was killed on a call: after the site's timeout it is offline, not
    "on a call" for ever; A-01's heartbeat keeps it on the board as it is."""
    t0 = datetime(2026, 11, 26, 1, tzinfo=UTC)
    now = [t0]
    a = SeatStateService(sqlite_db, lambda: now[0], lead("王丽", "A-01", Platform.HOTLINE))
    j = SeatStateService(sqlite_db, lambda: now[0], lead("李强", "J-01", Platform.POLICE))
    a.change(AgentState.READY)
    j.change(AgentState.READY)
    now[0] = t0 + timedelta(seconds=1)
    j.change(AgentState.ON_CALL)
    now[0] = t0 + timedelta(seconds=60)
    a.heartbeat()
    j.heartbeat()  # its last: the process dies here
    now[0] = t0 + timedelta(seconds=120)
    a.heartbeat()
    holder = QWidget()
    qtbot.addWidget(holder)
    board = StateBoard(a.board, worker, holder)
    board.refresh()
    qtbot.waitUntil(lambda: board.model.rowCount() == 2)
    model = board.model
    assert model.index(1, model.STATE).data() == "On a call"  # 60 s since: not yet
    now[0] = t0 + timedelta(seconds=151)
    board.refresh()
    qtbot.waitUntil(lambda: model.index(1, model.STATE).data() == "Offline")
    board.set_now(now[0])
    assert model.index(1, model.REASON).data() == "On a call"  # what it was last doing
    assert model.index(1, model.SINCE).data() == "01:31"  # since its last heartbeat
    assert model.index(0, model.STATE).data() == "Ready"
    assert "offline 1" in board.summary.text() and "on a call 0" in board.summary.text()


def test_each_seat_window_reports_its_heartbeat(seats: Seats, qloop: object, db: Database) -> None:
    timer = seats.hot.window.findChild(QTimer, "seat-heartbeat")
    assert timer is not None and timer.isActive() and timer.interval() == 30_000
    # The board is the shift lead's (SEE_FLOOR), not the agent's: read it as a lead would.
    states = SeatStateService(db, lambda: datetime.now(UTC), lead("赵敏", "L-01", Platform.HOTLINE))
    before = {line.seat: line.heard_at for line in states.board()}
    timer.timeout.emit()
    wait_until(
        lambda: {line.seat: line.heard_at for line in states.board()}["A-01"] != before["A-01"],
        what="A-01's heartbeat",
    )
