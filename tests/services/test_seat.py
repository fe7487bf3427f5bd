from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from console.domain.agent_state import AgentState, NotReadyReason, StateError
from console.domain.orders import Platform
from console.services.seat import SeatStateService
from console.store.engine import Database
from tests.principals import lead


def test_state_changes_are_recorded_and_the_board_shows_the_latest(db: Database) -> None:
    now = [datetime(2026, 11, 26, 1, tzinfo=UTC)]

    def clock() -> datetime:
        now[0] += timedelta(seconds=30)
        return now[0]

    a = SeatStateService(db, clock, lead("王丽", "A-01", Platform.HOTLINE))
    b = SeatStateService(db, clock, lead("张伟", "A-02", Platform.HOTLINE))
    a.change(AgentState.READY)
    b.change(AgentState.READY)
    a.change(AgentState.ON_CALL)
    b.change(AgentState.NOT_READY, NotReadyReason.TRAINING)
    with pytest.raises(StateError):
        a.change(AgentState.NOT_READY, NotReadyReason.BREAK)  # not during a call
    board = {line.seat: line for line in a.board()}
    assert board["A-01"].state is AgentState.ON_CALL
    assert board["A-02"].state is AgentState.NOT_READY
    assert board["A-02"].reason is NotReadyReason.TRAINING
    assert board["A-01"].since < board["A-02"].since  # A-01 went on the call earlier


def test_a_heartbeat_keeps_a_seat_on_the_board_and_silence_makes_it_offline(
    db: Database,
) -> None:
    t0 = datetime(2026, 11, 26, 1, tzinfo=UTC)
    now = [t0 - timedelta(seconds=5)]
    a = SeatStateService(
        db, lambda: now[0], lead("王丽", "A-01", Platform.HOTLINE), timedelta(seconds=90)
    )
    a.heartbeat()  # nothing recorded yet: nothing to stamp, no error
    a.change(AgentState.READY)
    now[0] = t0
    a.change(AgentState.NOT_READY, NotReadyReason.BREAK)
    for seconds in (30, 60, 90, 120):
        now[0] = t0 + timedelta(seconds=seconds)
        a.heartbeat()
    now[0] = t0 + timedelta(seconds=200)
    (line,) = a.board()
    assert not line.offline and line.heard_at == t0 + timedelta(seconds=120)
    assert line.state is AgentState.NOT_READY and line.since == t0  # the state's own time
    now[0] = t0 + timedelta(seconds=211)
    assert a.board()[0].offline
    a.change(AgentState.LOGGED_OUT)  # logged out is logged out, however long ago
    now[0] = t0 + timedelta(hours=5)
    assert not a.board()[0].offline
