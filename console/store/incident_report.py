"""Emergency incidents of a period (China dates) for the report: per incident, how long each
partner took to acknowledge and which were overdue. Drills (演练) are left out unless asked for:
they are rehearsals, not figures."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta

from sqlalchemy import func, select
from sqlmodel import Session, col

from console.store.incident_tables import IncidentLinkRow, IncidentPartnerRow, IncidentRow
from console.store.instants import utc
from console.store.orders import CHINA


@dataclass(frozen=True, slots=True)
class PartnerFigure:
    code: str
    name: str
    attempts: int  # asks sent (the dispatch count)
    minutes_to_answer: float | None  # from the first ask to the answer; None: no answer
    refused: bool
    overdue: bool  # answered after its deadline, or not at all once it had passed
    released: bool  # no longer needed after a level change


@dataclass(frozen=True, slots=True)
class IncidentFigure:
    number: str
    platform: str
    event_type: str
    level: str
    drill: bool
    started_at: datetime
    stood_down_at: datetime | None
    linked_orders: int
    partners: list[PartnerFigure]

    @property
    def overdue(self) -> list[PartnerFigure]:
        return [p for p in self.partners if p.overdue]


def incident_report(
    session: Session, start: date, end: date, now: datetime, drills: bool = False
) -> list[IncidentFigure]:
    """The incidents started in [start, end] (China dates), oldest first."""
    since = datetime.combine(start, time(), CHINA).astimezone(UTC)
    until = datetime.combine(end + timedelta(days=1), time(), CHINA).astimezone(UTC)
    i = IncidentRow
    query = select(i).where(col(i.started_at) >= since, col(i.started_at) < until)
    if not drills:
        query = query.where(~col(i.drill))
    rows = list(session.execute(query.order_by(col(i.started_at), col(i.id))).scalars())
    ids = [r.id for r in rows]
    links: dict[int, int] = {}
    partners: dict[int, list[PartnerFigure]] = {}
    if ids:
        link = IncidentLinkRow
        counted = session.execute(
            select(col(link.incident_id), func.count())
            .where(col(link.incident_id).in_(ids))
            .group_by(col(link.incident_id))
        ).all()
        links = {int(k): int(n) for k, n in counted}
        p = IncidentPartnerRow
        lines = session.execute(
            select(p).where(col(p.incident_id).in_(ids)).order_by(col(p.id))
        ).scalars()
        for line in lines:
            partners.setdefault(line.incident_id, []).append(_figure(line, now))
    return [
        IncidentFigure(
            r.number,
            r.platform,
            r.event_type,
            r.level,
            r.drill,
            utc(r.started_at),
            utc(r.stood_down_at),
            links.get(r.id or 0, 0),
            partners.get(r.id or 0, []),
        )
        for r in rows
    ]


def _figure(line: IncidentPartnerRow, now: datetime) -> PartnerFigure:
    asked, answered, due = utc(line.notified_at), utc(line.acked_at), utc(line.ack_due_at)
    minutes = (answered - asked).total_seconds() / 60 if answered is not None else None
    released = line.released_at is not None
    late = due is not None and (answered or now) > due
    return PartnerFigure(
        line.partner_code, line.partner_name, line.attempts, minutes, line.refused,
        late and not released, released,
    )  # fmt: skip
