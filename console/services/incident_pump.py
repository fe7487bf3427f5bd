"""Emergency linkage's background work: hand queued notifications to the channels, take in the
partners' answers, raise the alarms of asks not acknowledged in time (and ask again).

Runs on a worker thread, never the UI's (the console's scheduler calls :meth:`IncidentPump.pump`
and :meth:`IncidentPump.sweep`; tests call them directly with a fake clock). Each notification is
handed with the idempotency key written when it was queued; its row is marked handed only after
the channel took it, so a crash in between re-hands the same key (the channel answers DUPLICATE):
no partner is forgotten, none gets a second key for one notification.
"""

from __future__ import annotations

import logging
import random
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy import update
from sqlmodel import Session, col

from console.domain.emergency import Channel, EventType, Level, NotificationKind
from console.services.incidents import IncidentService
from console.services.partner_notifier import (
    ChannelDown,
    Handover,
    Notification,
    PartnerNotifier,
)
from console.store import incidents as repo
from console.store.engine import Database
from console.store.incident_tables import IncidentPartnerRow, IncidentRow
from console.store.instants import utc

log = logging.getLogger(__name__)

MOST = timedelta(seconds=60)
"""The longest wait between two tries of a notification whose channel is down."""


@dataclass(frozen=True, slots=True)
class Pumped:
    handed: int = 0  # taken by the channel (or already held: duplicate)
    failed: int = 0  # refused for good by the channel
    waiting: int = 0  # channel down: tried again later


class IncidentPump:
    """``seat``: stamped on the alarms this console raises."""

    def __init__(
        self,
        db: Database,
        clock: Callable[[], datetime],
        notifier: PartnerNotifier,
        service: IncidentService,
        seat: str,
        rng: random.Random | None = None,
        batch: int = 200,
    ) -> None:
        self._db, self._clock, self._notifier = db, clock, notifier
        self._service, self._seat, self._batch = service, seat, batch
        self._rng = rng or random.Random()

    def pump(self) -> Pumped:
        """Hand over every queued notification whose time has come."""
        now = self._clock()
        with self._db.read() as session:
            due = repo.queued(session, now, self._batch)
            lines: dict[int, dict[str, IncidentPartnerRow]] = {}  # read once per incident
            built = {q.id: self._build(session, q, lines) for q in due}
        handed = failed = waiting = 0
        for q in due:
            notification = built[q.id]
            state, error, retry = "handed", "", None
            if notification is None:  # the partner left the directory meanwhile
                state, error = "failed", "partner not in the directory"
            else:
                try:
                    outcome = self._notifier.send(notification)
                except ChannelDown as exc:
                    # Here, not at the top: the exchange sender's module brings the exchange
                    # codec and its JSON Schema stack, ~0.2 s of every seat's start (issue 18).
                    from console.services.exchange_sender import back_off

                    state, error = "queued", str(exc)[:500] or "channel down"
                    retry = back_off(q.tries + 1, self._rng, MOST)
                else:
                    if outcome is Handover.REFUSED:
                        state, error = "failed", "refused by the channel"
            with self._db.write(notify=state != "queued") as session:
                repo.settle(session, q.id, self._clock(), state, error, retry)
                if state == "handed" and q.kind.expects_ack:
                    _handed(session, q, self._clock())
            if state == "handed":
                handed += 1
            elif state == "failed":
                failed += 1
                log.warning("notification %s not deliverable: %s", q.key, error)
            else:
                waiting += 1
        return Pumped(handed, failed, waiting)

    def collect(self) -> int:
        """Take in the answers the channels received; how many changed an incident."""
        try:
            answers = self._notifier.answers()
        except ChannelDown as exc:
            log.info("answers not collected now: %s", exc)
            return 0
        changed = 0
        for answer in answers:
            with self._db.write() as session:
                if self._service.writer.answered_by_channel(
                    session, answer.key, answer.by, utc(answer.at), answer.note, answer.refused
                ):
                    changed += 1
        return changed

    def sweep(self) -> list[repo.Raised]:
        """Raise the alarm of every ask whose deadline passed unanswered — once, whoever sweeps
        — and ask again in the same transaction."""
        now = self._clock()
        with self._db.write() as session:
            raised = repo.raise_due(session, now, self._seat)
            for alarm in raised:
                self._service.writer.overdue(session, alarm, now)
        return raised

    def next_instant(self) -> datetime | None:
        """The sooner of the next alarm's instant and the next queued notification's try."""
        with self._db.read() as session:
            instants = [repo.next_alarm_at(session), repo.next_queued_at(session)]
        return min((utc(i) for i in instants if i is not None), default=None)

    def _build(
        self, session: Session, q: repo.Queued, lines: dict[int, dict[str, IncidentPartnerRow]]
    ) -> Notification | None:
        incident = session.get(IncidentRow, q.incident_id)
        partner = repo.partner(session, q.partner_code)
        if incident is None or partner is None:
            return None
        if q.incident_id not in lines:
            rows = repo.incident_partners(session, q.incident_id)
            lines[q.incident_id] = {p.partner_code: p for p in rows}
        line = lines[q.incident_id].get(q.partner_code)
        ack_by = repo.ask_deadline(session, q.key) if q.kind.expects_ack else None
        return Notification(
            key=q.key, incident_number=incident.number, partner_code=q.partner_code,
            channel=Channel(partner.channel), address=partner.address, kind=q.kind,
            event_type=EventType(incident.event_type), level=Level(incident.level),
            place=incident.place, summary=incident.summary, task=line.task if line else "",
            ack_by=utc(ack_by), drill=incident.drill, sent_by=incident.platform,
        )  # fmt: skip


def _handed(session: Session, q: repo.Queued, now: datetime) -> None:
    p = IncidentPartnerRow
    session.execute(
        update(p)
        .where(col(p.incident_id) == q.incident_id, col(p.partner_code) == q.partner_code)
        .values(handed_at=now)
    )


__all__ = ["IncidentPump", "NotificationKind", "Pumped"]
