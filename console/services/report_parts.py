"""The parts of a report (报表): one small value per group of figures (calls, transfers,
dispatches, alarms, hot spots, incidents, callers per order and merges …), assembled into a
:class:`console.services.report_views.Report`. Pure Python: no Qt, no database."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime


@dataclass(frozen=True, slots=True)
class Count:
    """One row of a breakdown: ``key`` is the code (kind, district, platform …), ``label`` its
    Chinese name where the catalogue has one (else the code)."""

    key: str
    label: str
    value: int


@dataclass(frozen=True, slots=True)
class CallFigures:
    offered: int = 0  # answered + abandoned (calls still ringing at the period's end: neither)
    answered: int = 0
    answered_in_target: int = 0  # within 15 s (GB/T 33358)
    abandoned: int = 0
    handling_seconds: float = 0.0  # summed over answered calls, answer to hang-up

    @property
    def service_level(self) -> float | None:
        """Share of offered calls answered within 15 s; None with no calls."""
        return self.answered_in_target / self.offered if self.offered else None

    @property
    def average_handling_s(self) -> float | None:
        return self.handling_seconds / self.answered if self.answered else None


@dataclass(frozen=True, slots=True)
class TransferLine:
    """Transfers (互派/一键转接) one way and how many the other side signed for (went through)."""

    sender: str  # platform value
    receiver: str
    sent: int
    signed_for: int


@dataclass(frozen=True, slots=True)
class DispatchLine:
    """Dispatches (派单) to one department, and its feedback: ``fed_back`` counts the feedback
    given in the period, ``on_time`` those before the feedback deadline in force."""

    department: str
    name: str
    dispatched: int
    fed_back: int
    on_time: int

    @property
    def on_time_share(self) -> float | None:
        return self.on_time / self.fed_back if self.fed_back else None


@dataclass(frozen=True, slots=True)
class AlarmFigures:
    raised: int = 0  # alarm levels raised in the period
    by_level: list[Count] = field(default_factory=list)  # warning | due | overdue
    acknowledged: int = 0
    median_ack_s: float | None = None  # raise to acknowledgement, acknowledged ones only


@dataclass(frozen=True, slots=True)
class SuggestionFigures:
    """Orders saved in the period whose intake showed a routing suggestion (a 会商 rule or a
    transfer-list item), and of those how many the agent accepted (the accept key) or saved
    without accepting (ignored)."""

    shown: int = 0
    accepted: int = 0
    ignored: int = 0


@dataclass(frozen=True, slots=True)
class HotspotFigures:
    """Hot spots (热点分析) found in windows ending in the period, taken up, and the
    verification orders (核查工单, kind ``V-HS``) created in it."""

    found: int = 0
    taken_up: int = 0
    verification_orders: int = 0


@dataclass(frozen=True, slots=True)
class IncidentLine:
    """An emergency incident (应急联动) started in the period; drills are left out."""

    number: str
    platform: str
    event_type: str
    level: str
    started_at: datetime  # aware UTC
    stood_down_at: datetime | None
    linked_orders: int
    partners: int
    overdue_partners: int
    median_minutes_to_answer: float | None


@dataclass(frozen=True, slots=True)
class DayTrend:
    day: date
    created: int
    completed: int


@dataclass(frozen=True, slots=True)
class CallerFigures:
    """并单: callers per order and merges. ``by_callers``: of the orders received in the period,
    how many had one caller, two, … (key: the number of callers as text, ``"1"``, ``"2"`` …;
    a duplicate merged into another order is left out: its caller counts on the order it
    joined); ``merges`` (并单) and ``unmerges`` (拆单): those taken in the period; ``told``:
    the callers told the result at feedback (告知来电人) in the period."""

    by_callers: list[Count] = field(default_factory=list)
    merges: int = 0
    unmerges: int = 0
    told: int = 0

    @property
    def orders(self) -> int:
        return sum(c.value for c in self.by_callers)

    @property
    def callers(self) -> int:
        return sum(int(c.key) * c.value for c in self.by_callers)

    @property
    def with_more(self) -> int:
        """Orders with two callers or more."""
        return sum(c.value for c in self.by_callers if int(c.key) >= 2)

    @property
    def mean(self) -> float | None:
        """Callers per order; None with no order."""
        return self.callers / self.orders if self.orders else None
