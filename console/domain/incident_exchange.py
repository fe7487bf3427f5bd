"""An incident as it crosses to the peer platform: a snapshot of its whole state after a change.

The platform that runs an incident (its shift lead starts and changes it) sends the peer a
snapshot after every change (docs/exchange.md § 3.5); the peer keeps a read-only copy. A
snapshot replaces the copy only if it is newer (``version``): an older one or a duplicate is
acknowledged and ignored, so snapshots never wait for each other (no 409, whatever versions
are skipped). Pure Python: no Qt, no database, no JSON.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from console.domain.emergency import AckMeans, EventType, IncidentStatus, Level, PartnerKind
from console.domain.exchange import Envelope, SnapshotKind
from console.domain.order_types import Platform

MAX_PARTNERS = 200
MAX_EVENTS = 2000
"""A snapshot carries at most this many timeline lines: the newest (the schema's limit)."""


@dataclass(frozen=True, slots=True)
class SnapshotPartner:
    """One partner of the incident's plan, as the running platform holds it."""

    code: str
    name: str
    kind: PartnerKind
    duty_phone: str
    task: str
    ack_minutes: int
    added_revision: int
    notified_at: datetime
    attempts: int
    handed_at: datetime | None = None
    ack_due_at: datetime | None = None
    acked_at: datetime | None = None
    ack_means: AckMeans | None = None
    ack_by: str | None = None  # who answered at the partner
    ack_recorded_by: str | None = None  # who recorded it at the running platform
    ack_note: str | None = None
    refused: bool = False
    released_at: datetime | None = None


@dataclass(frozen=True, slots=True)
class SnapshotEvent:
    """One line of the incident's timeline."""

    at: datetime
    platform: Platform
    action: str
    actor: str
    seat: str
    detail: str = ""


@dataclass(frozen=True, slots=True)
class IncidentSnapshot:
    """The incident after a change on the platform that runs it. ``version`` counts every
    change (the copy keeps the newest); ``revision`` the level changes."""

    number: str
    platform: Platform
    event_type: EventType
    level: Level
    district: str
    place: str
    summary: str
    drill: bool
    status: IncidentStatus
    revision: int
    version: int
    started_at: datetime
    started_by: str
    started_seat: str
    updated_at: datetime
    partners: tuple[SnapshotPartner, ...]
    events: tuple[SnapshotEvent, ...]
    from_order: str | None = None
    stood_down_at: datetime | None = None
    stood_down_by: str | None = None
    stand_down_summary: str | None = None

    def __post_init__(self) -> None:
        if (self.status is IncidentStatus.STOOD_DOWN) != (self.stood_down_at is not None):
            raise ValueError("a stood-down incident, and only one, says when")
        if len({p.code for p in self.partners}) != len(self.partners):
            raise ValueError("a partner is named twice")
        if self.revision < 1 or self.version < 1:
            raise ValueError("revision and version count from 1")


@dataclass(frozen=True, slots=True)
class IncidentMessage:
    """A snapshot on its way: the envelope names the incident (``order_number``) and its
    ``version`` (``sequence``); the sender is the platform that runs it."""

    envelope: Envelope
    snapshot: IncidentSnapshot

    @property
    def kind(self) -> SnapshotKind:
        return SnapshotKind.INCIDENT

    def __post_init__(self) -> None:
        env, snap = self.envelope, self.snapshot
        if env.kind is not SnapshotKind.INCIDENT:
            raise ValueError(f"an incident snapshot travels as kind incident, not {env.kind}")
        if env.order_number != snap.number or env.sequence != snap.version:
            raise ValueError("the envelope names the incident's number and version")
        if env.sender.platform is not snap.platform:
            raise ValueError("only the platform that runs an incident sends its snapshot")
