from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from console.domain.agent_state import (
    ALLOWED,
    AgentState,
    NotReadyReason,
    Seat,
    StateError,
)

T0 = datetime(2026, 11, 26, 1, tzinfo=UTC)


def test_a_call_cycle() -> None:
    seat = Seat("A-01", "王丽")
    seat, _ = seat.change(AgentState.READY, T0)
    assert seat.rings
    seat, _ = seat.change(AgentState.ON_CALL, T0 + timedelta(seconds=5))
    assert not seat.rings
    seat, change = seat.change(AgentState.WRAP_UP, T0 + timedelta(minutes=3))
    assert change.state is AgentState.WRAP_UP
    assert seat.wrap_up_ends(timedelta(seconds=30)) == T0 + timedelta(minutes=3, seconds=30)
    seat, _ = seat.change(AgentState.READY, T0 + timedelta(minutes=4))
    assert seat.time_in_state(T0 + timedelta(minutes=5)) == timedelta(minutes=1)


def test_not_ready_needs_a_reason_and_no_break_during_a_call() -> None:
    seat, _ = Seat("A-01", "王丽").change(AgentState.READY, T0)
    with pytest.raises(StateError, match="reason"):
        seat.change(AgentState.NOT_READY, T0)
    on_call, _ = seat.change(AgentState.ON_CALL, T0)
    with pytest.raises(StateError, match="on_call to not_ready"):
        on_call.change(AgentState.NOT_READY, T0, NotReadyReason.BREAK)
    busy, change = seat.change(AgentState.NOT_READY, T0, NotReadyReason.MEETING)
    assert change.reason is NotReadyReason.MEETING and not busy.rings


@given(st.lists(st.tuples(st.sampled_from(AgentState), st.sampled_from([None, *NotReadyReason]))))
def test_random_changes_only_follow_the_table(
    steps: list[tuple[AgentState, NotReadyReason | None]],
) -> None:
    seat = Seat("A-01", "王丽")
    at = T0
    for to, reason in steps:
        at += timedelta(seconds=1)
        try:
            nxt, change = seat.change(to, at, reason)
        except StateError:
            continue
        assert to in ALLOWED[seat.state]
        assert change.at == at and nxt.state is to
        assert (nxt.reason is not None) == (to is AgentState.NOT_READY)
        seat = nxt
