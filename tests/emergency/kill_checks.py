"""What must hold after a killed start has been pumped to the end (issue 15): every notification
the database holds was received by the channel once, nothing the channel received is unknown to
the database (a start or level change that did not commit sent nothing), no partner got two
notifications for one level change and attempt, every partner asked, no incident half started."""

from __future__ import annotations

from collections import Counter
from collections.abc import Collection
from dataclasses import dataclass

from sqlmodel import col, select

from console.store.engine import Database
from console.store.incident_tables import IncidentNotificationRow, IncidentPartnerRow, IncidentRow
from tests.emergency.kill_desk import Received

SHOWN = 8


@dataclass(frozen=True)
class Found:
    incidents: int  # started (committed) in this loop: 0 or 1
    revision: int  # 0: none started, 1: started, 2: its level raised too
    notifications: int


def check(db: Database, received: list[Received], before: Collection[int]) -> Found:
    """``before``: the incident ids of earlier loops (already checked)."""
    with db.read() as session:
        incidents = [
            r for r in session.exec(select(IncidentRow)).all() if (r.id or 0) not in before
        ]
        ids = [r.id or 0 for r in incidents]
        sent = session.exec(
            select(IncidentNotificationRow).where(col(IncidentNotificationRow.incident_id).in_(ids))
        ).all()
        lines = session.exec(
            select(IncidentPartnerRow).where(col(IncidentPartnerRow.incident_id).in_(ids))
        ).all()
    problems: list[str] = []
    if len(incidents) > 1:
        problems.append(f"one start made {len(incidents)} incidents")
    numbers = {r.number for r in incidents}
    held = {n.key: n for n in sent}
    got = {r.key: r for r in received}
    problems += [
        f"{k} held as {n.state}, not handed" for k, n in held.items() if n.state != "handed"
    ]
    problems += [f"{k} never received: forgotten" for k in held.keys() - got.keys()]
    problems += [
        f"{k} received but not in the database: sent for what did not commit"
        for k in got.keys() - held.keys()
    ]
    problems += [f"{r.key} names an incident this loop did not start" for r in received
                 if r.incident not in numbers]  # fmt: skip
    twice = Counter((r.incident, r.partner, r.revision, r.attempt) for r in received)
    problems += [f"{k} notified {n} times" for k, n in twice.items() if n > 1]
    asks = {(r.incident, r.partner, r.revision) for r in received if r.kind == "ask"}
    by_id = {r.id: r.number for r in incidents}
    problems += [
        f"{line.partner_code} of {by_id[line.incident_id]} never asked"
        for line in lines
        if (by_id[line.incident_id], line.partner_code, line.added_revision) not in asks
    ]
    revision = max((r.revision for r in incidents), default=0)
    expected = {0: 0, 1: 30, 2: 36}[revision]
    if len(lines) != expected:
        problems.append(f"{len(lines)} partner rows at revision {revision}, not {expected}")
    assert not problems, f"{len(problems)} problems: " + "; ".join(problems[:SHOWN])
    return Found(len(incidents), revision, len(sent))
