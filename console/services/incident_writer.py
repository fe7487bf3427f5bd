"""The writes every incident change is made of — asking partners, asking again, recording an
answer, linking an order, publishing the change — and the two the console makes by itself, with no
principal: an answer a channel reported, and a deadline passed unanswered (the pump's).

Each runs inside the caller's transaction; the incident service checks who may do what first.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import datetime, timedelta

from sqlmodel import Session

from console.domain.emergency import (
    AckMeans,
    IncidentAction,
    IncidentStatus,
    NotificationKind,
    Partner,
    PlanStep,
    notification_key,
)
from console.domain.refusals import Refused
from console.domain.roles import Seated
from console.store import incidents as repo
from console.store.incident_tables import IncidentLinkRow, IncidentPartnerRow, IncidentRow

DEFAULT_REPEATS = 3
"""Asks re-sent automatically to a partner that misses its deadline (then the alarm stands)."""

Publish = Callable[[Session, IncidentRow], None]
"""Called inside every change's transaction with the changed incident (the exchange's outbox)."""


class IncidentInputError(Refused, ValueError):
    """A request the shift lead or agent must correct; nothing was saved."""


class IncidentWriter:
    """``publish``: told of every change, in its transaction; ``repeats``: automatic re-asks."""

    def __init__(
        self,
        clock: Callable[[], datetime],
        publish: Publish | None = None,
        repeats: int = DEFAULT_REPEATS,
    ) -> None:
        self._clock, self._publish, self.repeats = clock, publish, repeats

    def published(self, session: Session, row: IncidentRow, now: datetime) -> None:
        """A change to ``row`` is made: a new version, told to the publisher."""
        row.version += 1
        row.updated_at = now
        if self._publish is not None:
            self._publish(session, row)

    def answered_by_channel(
        self, session: Session, key: str, by: str, at: datetime, note: str, refused: bool
    ) -> bool:
        """An answer the channel reported for notification ``key``; False if nothing changed
        (unknown key, already answered, released, stood down)."""
        sent = repo.notification_by_key(session, key)
        if sent is None:
            return False
        row = session.get(IncidentRow, sent.incident_id)
        if row is None or row.status != IncidentStatus.ACTIVE.value:
            return False
        line = _line(session, row, sent.partner_code)
        if line is None or line.acked_at is not None or line.released_at is not None:
            return False
        self.answer(session, row, line, AckMeans.CHANNEL, by, at, note, refused, "channel")
        self.published(session, row, self._clock())
        return True

    def overdue(self, session: Session, raised: repo.Raised, now: datetime) -> None:
        """An ask's deadline passed unanswered (its alarm was just raised): note it on the
        timeline and ask again, while the automatic repeats last."""
        row = session.get(IncidentRow, raised.incident_id)
        if row is None or row.status != IncidentStatus.ACTIVE.value:
            return
        line = _line(session, row, raised.partner_code)
        if line is None or line.acked_at is not None or line.released_at is not None:
            return
        add = repo.add_event
        add(
            session,
            row.id or 0,
            now,
            IncidentAction.OVERDUE,
            "",
            "",
            row.platform,
            f"{line.partner_name} 第{line.attempts}次",
        )
        if line.attempts <= self.repeats:
            self.repeat(session, row, line, now)
            add(
                session,
                row.id or 0,
                now,
                IncidentAction.REPEAT,
                "",
                "",
                row.platform,
                f"{line.partner_name} 第{line.attempts}次",
            )
        self.published(session, row, now)

    def ask(
        self,
        session: Session,
        row: IncidentRow,
        chosen: Sequence[tuple[Partner, PlanStep]],
        now: datetime,
        have: dict[str, IncidentPartnerRow] | None = None,
    ) -> None:
        notices = []
        for partner, step in chosen:
            due = now + timedelta(minutes=step.ack_minutes)
            old = (have or {}).get(partner.code)
            if old is None:
                line = IncidentPartnerRow(
                    incident_id=row.id or 0, partner_code=partner.code, partner_name=partner.name,
                    partner_kind=partner.kind.value, duty_phone=partner.duty_phone, task=step.task,
                    ack_minutes=step.ack_minutes, added_revision=row.revision, notified_at=now,
                    ack_due_at=due,
                )  # fmt: skip
                session.add(line)
            else:  # released before, needed again: a fresh ask
                old.released_at, old.acked_at, old.refused = None, None, False
                old.ack_means = old.ack_by = old.ack_recorded_by = old.ack_note = None
                old.task, old.ack_minutes, old.ack_due_at = step.task, step.ack_minutes, due
                old.added_revision, old.attempts = row.revision, old.attempts + 1
                line = old
            notices.append(self.notice(row, partner.code, NotificationKind.ASK, line.attempts, due))
        repo.add_notices(session, row.id or 0, notices, now)

    def repeat(
        self, session: Session, row: IncidentRow, line: IncidentPartnerRow, now: datetime
    ) -> None:
        line.attempts += 1
        due = now + timedelta(minutes=line.ack_minutes)
        notice = self.notice(row, line.partner_code, NotificationKind.REPEAT, line.attempts, due)
        repo.add_notices(session, row.id or 0, [notice], now)

    def answer(
        self,
        session: Session,
        row: IncidentRow,
        line: IncidentPartnerRow,
        means: AckMeans,
        who: str,
        at: datetime,
        note: str,
        refused: bool,
        recorder: str,
    ) -> None:
        if line.released_at is not None:
            raise IncidentInputError("partner_released", partner=line.partner_name)
        if line.acked_at is not None:
            raise IncidentInputError(
                "already_answered", partner=line.partner_name, by=line.ack_recorded_by or ""
            )
        line.acked_at, line.ack_means, line.ack_by = at, means.value, who
        line.ack_recorded_by, line.ack_note, line.refused = recorder, note or None, refused
        repo.resolve_alarms(session, row.id or 0, self._clock(), line.partner_code)
        what = IncidentAction.REFUSED if refused else IncidentAction.ACKNOWLEDGED
        detail = f"{line.partner_name} · {who} · {means.value}" + (f" · {note}" if note else "")
        repo.add_event(session, row.id or 0, at, what, recorder, "", row.platform, detail)

    def notice(
        self,
        row: IncidentRow,
        code: str,
        kind: NotificationKind,
        attempt: int,
        due: datetime | None,
    ) -> repo.Notice:
        key = notification_key(row.number, code, kind, row.revision, attempt)
        return repo.Notice(key, code, kind, row.revision, attempt, due)

    def link(
        self, session: Session, row: IncidentRow, order_id: int, by: Seated, now: datetime
    ) -> None:
        session.add(IncidentLinkRow(
            incident_id=row.id or 0, order_id=order_id, linked_at=now,
            linked_by=by.principal.display_name, seat=by.seat,
        ))  # fmt: skip


def _line(session: Session, row: IncidentRow, code: str) -> IncidentPartnerRow | None:
    return next(
        (p for p in repo.incident_partners(session, row.id or 0) if p.partner_code == code), None
    )
