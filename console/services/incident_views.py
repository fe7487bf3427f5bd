"""What the emergency board, the intake form and the report read of incidents: plain values.

The incident service (``console/services/incidents.py``) returns these; the UI shows them and
never sees a row. A partner's state is derived here, once, by ``partner_state`` of the domain.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime

from console.domain.emergency import (
    AckMeans,
    EventType,
    IncidentStatus,
    Level,
    PartnerKind,
    PartnerState,
)


@dataclass(frozen=True, slots=True)
class IncidentDraft:
    """What a shift lead fills in to start a plan. ``from_order``: the order it starts from
    (its number; the order is linked at once). ``drill``: 演练, marked everywhere."""

    event_type: EventType
    level: Level
    district: str
    place: str
    summary: str
    drill: bool = False
    from_order: str | None = None


@dataclass(frozen=True, slots=True)
class IncidentLine:
    """One incident on the board (or offered at intake): what it is and how its partners stand.
    ``platform``: who runs it (a copy of the peer's shows the peer's platform)."""

    id: int
    number: str
    platform: str
    event_type: EventType
    level: Level
    district: str
    place: str
    summary: str
    drill: bool
    status: IncidentStatus
    started_at: datetime
    started_by: str
    stood_down_at: datetime | None
    linked_orders: int
    partners: int  # in the plan at its current level (released ones not counted)
    acknowledged: int
    overdue: int
    refused: int

    @property
    def waiting(self) -> int:
        """Partners notified, not yet answered, still inside their deadline."""
        return self.partners - self.acknowledged - self.overdue - self.refused


def incident_counts(lines: Sequence[IncidentLine]) -> tuple[int, int]:
    """The real incidents active and their partners overdue (drills, 演练, not counted): the
    board's summary and the Emergency tab's title."""
    real = [x for x in lines if x.status is IncidentStatus.ACTIVE and not x.drill]
    return len(real), sum(x.overdue for x in real)


@dataclass(frozen=True, slots=True)
class PartnerLine:
    """One partner of an incident (the board's partner grid)."""

    code: str
    name: str
    kind: PartnerKind
    duty_phone: str
    task: str
    state: PartnerState
    added_revision: int
    notified_at: datetime
    handed_at: datetime | None
    ack_due_at: datetime | None
    attempts: int  # asks written (the dispatch count)
    acked_at: datetime | None
    ack_means: AckMeans | None
    ack_by: str | None
    ack_recorded_by: str | None
    released_at: datetime | None


@dataclass(frozen=True, slots=True)
class IncidentEvent:
    """One line of an incident's timeline."""

    at: datetime
    action: str
    actor: str
    seat: str
    platform: str
    detail: str


@dataclass(frozen=True, slots=True)
class LinkedOrder:
    number: str
    kind: str
    status: str
    created_at: datetime
    linked_at: datetime
    linked_by: str


@dataclass(frozen=True, slots=True)
class IncidentDetail:
    line: IncidentLine
    partners: list[PartnerLine]
    events: list[IncidentEvent]
    orders: list[LinkedOrder]
    missing_kinds: list[PartnerKind]  # plan kinds with no partner in the city's directory


@dataclass(frozen=True, slots=True)
class IncidentAlarm:
    """A partner not acknowledged by its deadline, on the shift lead's alarm panel."""

    id: int
    incident_number: str
    level: Level
    drill: bool
    partner_code: str
    partner_name: str
    attempt: int
    fires_at: datetime
    raised_at: datetime
    acknowledged_by: str | None
    ack_note: str | None
