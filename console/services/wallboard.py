"""The wallboard's figures (大屏): what the shift lead's wall screen shows of the floor, read in
one call (:meth:`WallboardService.read`) off the UI thread.

It reads what the other services already read — the seats' latest states (the records every
seat writes), the open deadline alarms per level, the emergency partners overdue and the active
incidents, the exchange link's alarm, the hot spots — and counts them; it adds no query of its
own. The calls waiting and the answer figures are not in the database: the seat's window keeps
them (:class:`console.domain.call_stats.CallStats`, fed by the switch's events on the UI thread),
so the wallboard snapshots them there (:func:`call_figures`) and :class:`DayCalls` counts the
China day's share from the snapshots.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from datetime import date, datetime, timedelta
from typing import Protocol

from console.domain.agent_state import AgentState
from console.domain.alarm_levels import AlarmLevel
from console.domain.calendar import china_date
from console.domain.call_stats import ANSWER_TARGET, CallStats
from console.domain.emergency import IncidentStatus, Level
from console.domain.hotspots import Dimension, State
from console.domain.roles import Capability, Seated
from console.services.exchange_alarms import LinkAlarm
from console.services.incident_views import IncidentAlarm, IncidentLine
from console.services.seat import BoardLine
from console.store.hotspots import StoredHotspot

HOTSPOT_HOURS = 24  # hot spots of the windows that ended in the last day are on the wall


class Seats(Protocol):
    def board(self) -> list[BoardLine]: ...


class OpenCounts(Protocol):
    def open_counts(self) -> dict[AlarmLevel, int]: ...


class IncidentBoard(Protocol):
    def board(self) -> list[IncidentLine]: ...
    def open_alarms(self) -> list[IncidentAlarm]: ...


class OpenLink(Protocol):
    def open_alarm(self) -> LinkAlarm | None: ...


class Hotspots(Protocol):
    def hotspots(self, by: Seated, hours: int = 24) -> list[StoredHotspot]: ...


@dataclass(frozen=True, slots=True)
class CallFigures:
    """The queue as the seat sees it at one instant: calls waiting and since when the longest
    has waited (``oldest``), and the calls answered (in the 15 s target) and abandoned."""

    waiting: int = 0
    oldest: datetime | None = None
    answered: int = 0
    in_target: int = 0
    abandoned: int = 0

    def longest_wait(self, now: datetime) -> timedelta:
        return max(now - self.oldest, timedelta(0)) if self.oldest is not None else timedelta(0)

    @property
    def service_level(self) -> float | None:
        """Share of the calls offered (answered + abandoned) answered within 15 s (GB/T 33358),
        None before the first."""
        offered = self.answered + self.abandoned
        return self.in_target / offered if offered else None

    def since(self, start: CallFigures) -> CallFigures:
        """The counts after ``start`` (the queue as it is now)."""
        return CallFigures(self.waiting, self.oldest, self.answered - start.answered,
                           self.in_target - start.in_target,
                           self.abandoned - start.abandoned)  # fmt: skip


def call_figures(stats: CallStats, now: datetime) -> CallFigures:
    """A snapshot of the seat's queue figures (on the thread that feeds ``stats``)."""
    oldest = now - stats.longest_wait(now) if stats.waiting else None
    return CallFigures(stats.waiting, oldest, stats.answered, stats.answered_in_target,
                       stats.abandoned)  # fmt: skip


@dataclass
class DayCalls:
    """Today's figures (China date) from snapshots of counts that run since the console
    started: the first snapshot of a new day becomes its zero."""

    day: date | None = None
    start: CallFigures = field(default_factory=CallFigures)

    def today(self, figures: CallFigures, now: datetime) -> CallFigures:
        today = china_date(now)
        if self.day is None:
            self.day = today  # the console started today: its counts are today's
        elif today != self.day:
            self.day, self.start = today, figures
        return figures.since(self.start)


@dataclass(frozen=True, slots=True)
class Agents:
    """Seats by state, as the shift lead's seat board counts them (offline ones apart)."""

    ready: int = 0
    on_call: int = 0
    wrap_up: int = 0
    not_ready: int = 0
    offline: int = 0


@dataclass(frozen=True, slots=True)
class Floor:
    """One read of the wallboard. ``None``: the console has no such source (no incident
    service, no exchange link) or the principal may not see it (hot spots: 12345 leads)."""

    at: datetime
    agents: Agents
    alarms: Mapping[AlarmLevel, int]
    partners_overdue: int | None = None  # emergency partners past their deadline (drills apart)
    link: LinkAlarm | None = None  # the exchange link's open alarm
    incidents: Mapping[Level, int] | None = None  # active real incidents per level
    drills: int = 0  # active drills (演练)
    hotspots_open: int | None = None  # found in the last day, not taken up yet
    hotspots_taken: int = 0  # … taken up as verification orders (核查工单)
    hotspots_keywords: int = 0  # open ones of a keyword group (the transfer lists' words)


def count_agents(lines: Sequence[BoardLine]) -> Agents:
    live = [x for x in lines if not x.offline and x.state is not AgentState.LOGGED_OUT]
    tally = {s: sum(1 for x in live if x.state is s) for s in AgentState}
    return Agents(tally[AgentState.READY], tally[AgentState.ON_CALL], tally[AgentState.WRAP_UP],
                  tally[AgentState.NOT_READY], sum(1 for x in lines if x.offline))  # fmt: skip


class WallboardService:
    """Reads as ``by`` (a shift lead: the seat board needs SEE_FLOOR, hot spots HOTSPOTS)."""

    def __init__(
        self, *, by: Seated, clock: Callable[[], datetime], seats: Seats, alarms: OpenCounts,
        incidents: IncidentBoard | None = None, link: OpenLink | None = None,
        hotspots: Hotspots | None = None,
    ) -> None:  # fmt: skip
        self._by, self._clock = by, clock
        self._seats, self._alarms = seats, alarms
        self._incidents, self._link, self._hotspots = incidents, link, hotspots

    def read(self) -> Floor:
        by = self._by
        by.require(Capability.SEE_FLOOR)
        counts = self._alarms.open_counts()
        floor = Floor(
            at=self._clock(),
            agents=count_agents(self._seats.board()),
            alarms={level: counts.get(level, 0) for level in AlarmLevel},
            link=self._link.open_alarm() if self._link is not None else None,
        )
        if self._incidents is not None:
            active = [x for x in self._incidents.board() if x.status is IncidentStatus.ACTIVE]
            real = [x for x in active if not x.drill]
            late = {(a.incident_number, a.partner_code) for a in self._incidents.open_alarms()
                    if not a.drill}  # fmt: skip
            floor = replace(floor, partners_overdue=len(late),
                          incidents={lv: sum(1 for x in real if x.level is lv) for lv in Level},
                          drills=len(active) - len(real))  # fmt: skip
        if self._hotspots is not None and by.may(Capability.HOTSPOTS):
            spots = self._hotspots.hotspots(by, HOTSPOT_HOURS)
            taken = sum(1 for s in spots if s.state is State.TAKEN_UP)
            words = sum(1 for s in spots if s.state is State.OPEN
                        and s.hotspot.dimension is Dimension.KEYWORDS)  # fmt: skip
            floor = replace(floor, hotspots_open=len(spots) - taken, hotspots_taken=taken,
                            hotspots_keywords=words)  # fmt: skip
        return floor


__all__ = [
    "ANSWER_TARGET",
    "Agents",
    "CallFigures",
    "DayCalls",
    "Floor",
    "WallboardService",
    "call_figures",
    "count_agents",
]
