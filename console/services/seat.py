"""The seat's agent state: change it by the domain's rules and record every change.

A shift lead reads :meth:`SeatStateService.board` — each seat's latest state and since when.
A running console also reports a heartbeat (:meth:`SeatStateService.heartbeat`, every 30 s):
a seat not heard of for ``offline_after`` (the site's ``seat.offline_after_s``) is shown offline
(离线) — its console was closed without logging out, crashed, or lost the database.

The service is the seat's: made with the principal signed in there, it refuses (``not_allowed``)
state changes whose roles do not take calls, and the board to all but shift leads.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

from sqlalchemy import func, select, update
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
    offline: bool = False  # not heard of for the site's offline_after (its state is the last known)
    heard_at: datetime | None = None  # its latest state change or heartbeat


class NotRecorded(RuntimeError):
    """The seat changed state but the database did not take the record (the board misses it)."""

    def __init__(self, change: StateChange, error: Exception) -> None:
        self.change = change
        super().__init__(f"state {change.state.value} of seat {change.seat} not recorded: {error}")


class SeatStateService:
    def __init__(
        self,
        db: Database,
        clock: Callable[[], datetime],
        by: Seated,
        offline_after: timedelta = timedelta(seconds=90),
    ) -> None:
        self._offline_after = offline_after
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

    def heartbeat(self) -> None:
        """This seat's console still runs: stamp its latest state row (one indexed UPDATE; the
        board's re-read every few seconds shows it, so no other seat is told)."""
        latest = (
            select(col(AgentStateRow.id))
            .where(col(AgentStateRow.seat) == self.seat.seat)
            .order_by(col(AgentStateRow.at).desc(), col(AgentStateRow.id).desc())
            .limit(1)
            .scalar_subquery()
        )
        with self._db.write(notify=False) as session:
            session.execute(
                update(AgentStateRow)
                .where(col(AgentStateRow.id) == latest)
                .values(alive_at=self._clock())
            )

    def board(self) -> list[BoardLine]:
        """Every seat's latest state (one row per seat), for the shift lead; a seat not heard of
        for ``offline_after`` (no state change, no heartbeat) is offline unless logged out."""
        now = self._clock()
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
                heard = max(_utc(r.at), _utc(r.alive_at or r.at))
                state = AgentState(r.state)
                offline = state is not AgentState.LOGGED_OUT and now - heard > self._offline_after
                reason = NotReadyReason(r.reason) if r.reason else None
                rows.append(BoardLine(r.seat, r.agent, state, reason, r.at, offline, heard))
        return sorted(rows, key=lambda line: line.seat)


def _utc(value: datetime) -> datetime:
    return value.replace(tzinfo=UTC) if value.tzinfo is None else value.astimezone(UTC)
