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
