"""The seat's agent state: change it by the domain's rules and record every change.

A shift lead reads :meth:`SeatStateService.board` — each seat's latest state and since when.
The service is the seat's: made with the principal signed in there, it refuses (``not_allowed``)
state changes whose roles do not take calls, and the board to all but shift leads.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import func, select
from sqlalchemy.exc import SQLAlchemyError
from sqlmodel import col

from console.domain.agent_state import AgentState, NotReadyReason, Seat, StateChange
from console.domain.roles import Capability, Seated
from console.store.engine import Database
from console.store.tables import AgentStateRow


@dataclass(frozen=True, slots=True)
class BoardLine:
    seat: str
    agent: str
    state: AgentState
    reason: NotReadyReason | None
    since: datetime


class NotRecorded(RuntimeError):
    """The seat changed state but the database did not take the record (the board misses it)."""

    def __init__(self, change: StateChange, error: Exception) -> None:
        self.change = change
        super().__init__(f"state {change.state.value} of seat {change.seat} not recorded: {error}")


class SeatStateService:
    def __init__(self, db: Database, clock: Callable[[], datetime], by: Seated) -> None:
        self._db = db
        self._clock = clock
        self._by = by
        self._platform = by.platform
        self.seat = Seat(by.seat, by.actor.name)

    def change(self, to: AgentState, reason: NotReadyReason | None = None) -> StateChange:
        """Move the seat to ``to`` (StateError if the rules refuse) and record it."""
        change = self.apply(to, reason)
        self.record(change)
        return change

    def apply(self, to: AgentState, reason: NotReadyReason | None = None) -> StateChange:
        """Move the seat to ``to`` in memory (StateError if the rules refuse); quick, no I/O."""
        self._by.require(Capability.TAKE_CALLS)
        self.seat, change = self.seat.change(to, self._clock(), reason)
        return change

    def record(self, change: StateChange) -> None:
        """Write ``change`` for the shift lead's board (a worker thread's job in the console);
        ``NotRecorded`` if the database does not take it."""
        self._by.require(Capability.TAKE_CALLS)
        try:
            with self._db.write(notify=False) as session:  # no queue shows it
                session.add(
                    AgentStateRow(
                        seat=change.seat,
                        agent=change.agent,
                        platform=self._platform.value,
                        state=change.state.value,
                        reason=change.reason.value if change.reason else None,
                        at=change.at,
                    )
                )
        except SQLAlchemyError as exc:  # the agent is in the new state all the same
            raise NotRecorded(change, exc) from exc

    def board(self) -> list[BoardLine]:
        """Every seat's latest state (one row per seat), for the shift lead."""
        self._by.require(Capability.SEE_FLOOR)
        latest = (
            select(col(AgentStateRow.seat), func.max(col(AgentStateRow.at)).label("at"))
            .group_by(col(AgentStateRow.seat))
            .subquery()
        )
        rows = []
        with self._db.read() as session:
            for r in session.execute(
                select(AgentStateRow).join(
                    latest,
                    (col(AgentStateRow.seat) == latest.c.seat)
                    & (col(AgentStateRow.at) == latest.c.at),
                )
            ).scalars():
                rows.append(
                    BoardLine(
                        r.seat,
                        r.agent,
                        AgentState(r.state),
                        NotReadyReason(r.reason) if r.reason else None,
                        r.at,
                    )
                )
        return sorted(rows, key=lambda line: line.seat)
