"""What the board, the intake form and the alarm panel read of incidents: plain values, each in
one read session, a handful of statements whatever the number of incidents or linked orders."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime, timedelta

from console.domain.emergency import (
    AckMeans,
    EventType,
    IncidentAction,
    IncidentStatus,
    Level,
    PartnerKind,
    partner_state,
)
from console.domain.refusals import Refused
from console.services.incident_views import (
    IncidentAlarm,
    IncidentDetail,
    IncidentEvent,
    IncidentLine,
    LinkedOrder,
    PartnerLine,
)
from console.store import incidents as repo
from console.store.engine import Database
from console.store.incident_tables import IncidentRow
from console.store.instants import utc
from console.store.seed import catalogue

RECENT = timedelta(hours=24)
"""How long a stood-down incident stays on the board."""


class IncidentReads:
    def __init__(self, db: Database, clock: Callable[[], datetime]) -> None:
        self._db, self._clock = db, clock
        self._cities: dict[str, list[str]] | None = None

    def board(self) -> list[IncidentLine]:
        """Active incidents, most severe level first, then newest; then those stood down in the
        last 24 hours, newest first."""
        now = self._clock()
        with self._db.read() as session:
            rows = repo.board_rows(session, now - RECENT)
            tally = repo.counts(session, [r.id or 0 for r in rows], now)
        lines = [_line(r, tally[r.id or 0]) for r in rows]
        active = [x for x in lines if x.status is IncidentStatus.ACTIVE]
        ended = [x for x in lines if x.status is not IncidentStatus.ACTIVE]
        active.sort(key=lambda x: (-x.level.severity, -x.started_at.timestamp()))
        ended.sort(key=lambda x: -(x.stood_down_at or x.started_at).timestamp())
        return active + ended

    def line(self, number: str) -> IncidentLine:
        with self._db.read() as session:
            row = self._row(session, number)
            return _line(row, repo.counts(session, [row.id or 0], self._clock())[row.id or 0])

    def detail(self, number: str) -> IncidentDetail:
        now = self._clock()
        with self._db.read() as session:
            row = self._row(session, number)
            rid = row.id or 0
            line = _line(row, repo.counts(session, [rid], now)[rid])
            partners = [_partner(p, now) for p in repo.incident_partners(session, rid)]
            events = [
                IncidentEvent(utc(e.at), e.action, e.actor, e.seat, e.platform, e.detail)
                for e in repo.events(session, rid)
            ]
            orders = [
                LinkedOrder(n, k, s, utc(c), utc(at), by)
                for n, k, s, c, at, by in repo.linked_orders(session, rid)
            ]
            gaps = [e.detail for e in events if e.action == IncidentAction.PLAN_GAP]
        missing = [k for k in PartnerKind if any(k.term in g for g in gaps)]
        return IncidentDetail(line, partners, events, orders, missing)

    def active_for(self, district: str) -> list[IncidentLine]:
        """The active incidents of the district's city (any district of it), most severe first:
        what the intake form offers for a caller of ``district``."""
        cities = self._city_districts()
        city = next((c for c, ds in cities.items() if district in ds), None)
        if city is None:
            return []
        now = self._clock()
        with self._db.read() as session:
            rows = repo.active_in(session, cities[city])
            tally = repo.counts(session, [r.id or 0 for r in rows], now)
        lines = [_line(r, tally[r.id or 0]) for r in rows]
        return sorted(lines, key=lambda x: (-x.level.severity, -x.started_at.timestamp()))

    def incidents_of(self, order_number: str) -> list[str]:
        with self._db.read() as session:
            return repo.incidents_of(session, order_number)

    def open_alarms(self) -> list[IncidentAlarm]:
        with self._db.read() as session:
            rows = repo.open_alarms(session)
        return [
            IncidentAlarm(
                a.id or 0,
                i.number,
                Level(i.level),
                i.drill,
                a.partner_code,
                name,
                a.attempt,
                utc(a.fires_at),
                utc(a.raised_at or a.fires_at),
                a.acknowledged_by,
                a.ack_note,
            )
            for a, i, name in rows
        ]

    def _row(self, session: object, number: str) -> IncidentRow:
        row = repo.incident(session, number)  # type: ignore[arg-type]
        if row is None:
            raise Refused("unknown_incident", number=number)
        return row

    def _city_districts(self) -> dict[str, list[str]]:
        if self._cities is None:
            with self._db.read() as session:
                cities: dict[str, list[str]] = {}
                for d in catalogue(session)[2]:
                    cities.setdefault(d.city_code, []).append(d.code)
            self._cities = cities
        return self._cities


def _line(row: IncidentRow, c: repo.Counts) -> IncidentLine:
    return IncidentLine(
        id=row.id or 0, number=row.number, platform=row.platform,
        event_type=EventType(row.event_type), level=Level(row.level), district=row.district,
        place=row.place, summary=row.summary, drill=row.drill, status=IncidentStatus(row.status),
        started_at=utc(row.started_at), started_by=row.started_by,
        stood_down_at=utc(row.stood_down_at),
        linked_orders=c.linked, partners=c.partners, acknowledged=c.acknowledged,
        overdue=c.overdue, refused=c.refused,
    )  # fmt: skip


def _partner(p: object, now: datetime) -> PartnerLine:
    from console.store.incident_tables import IncidentPartnerRow

    assert isinstance(p, IncidentPartnerRow)
    handed, due, acked, released = (
        utc(p.handed_at),
        utc(p.ack_due_at),
        utc(p.acked_at),
        utc(p.released_at),
    )
    state = partner_state(now, handed, due, acked, p.refused, released)
    return PartnerLine(
        code=p.partner_code, name=p.partner_name, kind=PartnerKind(p.partner_kind),
        duty_phone=p.duty_phone, task=p.task, state=state, added_revision=p.added_revision,
        notified_at=utc(p.notified_at), handed_at=handed, ack_due_at=due,
        attempts=p.attempts, acked_at=acked,
        ack_means=AckMeans(p.ack_means) if p.ack_means else None, ack_by=p.ack_by,
        ack_recorded_by=p.ack_recorded_by, released_at=released,
    )  # fmt: skip
