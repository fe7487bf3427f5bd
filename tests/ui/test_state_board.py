from __future__ import annotations

import threading
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta

import pytest
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
