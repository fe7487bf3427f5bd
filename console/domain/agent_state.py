"""The agent's state at the seat, as every call-centre desktop has it.

就绪 ready → 通话中 on a call → 话后整理 wrap-up (a configurable number of seconds) → ready again;
示忙 not ready, with a reason (break, meeting, training), at any time but during a call. The
switch rings only ready seats. Every change is a :class:`StateChange` with its instant, so a
shift lead can see who is in which state and for how long.
"""

from __future__ import annotations

import enum
from dataclasses import dataclass
from datetime import datetime, timedelta

from console.domain.refusals import Refused


class AgentState(enum.StrEnum):
    READY = "ready"  # 就绪
    NOT_READY = "not_ready"  # 示忙
    ON_CALL = "on_call"  # 通话中
    WRAP_UP = "wrap_up"  # 话后整理
    LOGGED_OUT = "logged_out"  # 未登录


class NotReadyReason(enum.StrEnum):
    BREAK = "break"  # 小休
    MEETING = "meeting"  # 会议
    TRAINING = "training"  # 培训
    OTHER = "other"  # 其他
    NO_ANSWER = "no_answer"  # 未接来电: the switch rang the seat out (ring-no-answer), not chosen


class StateError(Refused, ValueError):
    """A state change the seat's current state does not allow: a declared refusal
    (``state_*`` in :data:`console.domain.refusals.REFUSALS`); ``str()`` is the English why."""


ALLOWED: dict[AgentState, frozenset[AgentState]] = {
    AgentState.LOGGED_OUT: frozenset({AgentState.READY, AgentState.NOT_READY}),
    AgentState.READY: frozenset({AgentState.ON_CALL, AgentState.NOT_READY, AgentState.LOGGED_OUT}),
    AgentState.NOT_READY: frozenset(
        {AgentState.READY, AgentState.NOT_READY, AgentState.LOGGED_OUT}
    ),
    AgentState.ON_CALL: frozenset({AgentState.WRAP_UP}),
    AgentState.WRAP_UP: frozenset(
        {AgentState.READY, AgentState.NOT_READY, AgentState.ON_CALL, AgentState.LOGGED_OUT}
    ),
}


def _refusal_code(now: AgentState) -> str:
    """Why the agent may not leave ``now`` for the state asked (``ALLOWED`` said no)."""
    if now is AgentState.ON_CALL:
        return "state_on_call"
    if now is AgentState.LOGGED_OUT:
        return "state_logged_out"
    return "state_not_now"


@dataclass(frozen=True, slots=True)
class StateChange:
    seat: str
    agent: str
    state: AgentState
    at: datetime
    reason: NotReadyReason | None = None


@dataclass(frozen=True, slots=True)
class Seat:
    """One seat's current state; :meth:`change` returns the next one or raises StateError."""

    seat: str
    agent: str
    state: AgentState = AgentState.LOGGED_OUT
    since: datetime | None = None
    reason: NotReadyReason | None = None

    def change(
        self, to: AgentState, at: datetime, reason: NotReadyReason | None = None
    ) -> tuple[Seat, StateChange]:
        if at.tzinfo is None:
            raise ValueError("instants must be timezone-aware")
        if to not in ALLOWED[self.state]:
            raise StateError(
                _refusal_code(self.state),
                f"seat {self.seat}: cannot go from {self.state.value} to {to.value}",
            )
        if to is AgentState.NOT_READY and reason is None:
            raise StateError("state_needs_reason", f"seat {self.seat}: not ready needs a reason")
        if to is not AgentState.NOT_READY:
            reason = None
        seat = Seat(self.seat, self.agent, to, at, reason)
        return seat, StateChange(self.seat, self.agent, to, at, reason)

    def wrap_up_ends(self, wrap_up: timedelta) -> datetime | None:
        """When wrap-up is over and the seat turns ready again by itself."""
        if self.state is not AgentState.WRAP_UP or self.since is None:
            return None
        return self.since + wrap_up

    def time_in_state(self, now: datetime) -> timedelta:
        return now - self.since if self.since is not None else timedelta()

    @property
    def rings(self) -> bool:
        """The switch rings only ready seats."""
        return self.state is AgentState.READY
