"""The unacknowledged-message alarm (对方平台未确认): raised once per outage when a message to
the peer stays unacknowledged past the site's limit (``exchange.unacked_alarm_s``), resolved
when the backlog is back under it, acknowledged by the shift lead like a deadline's alarm.

One alarm per outage, not one per message: an hour's outage is one line on the panel, which
says how many messages wait and how old the oldest is, read live from the outbox. Every console
on the platform's database sweeps (beside the deadline sweep, on the same clock); the store's
conditional statements make the alarm raised once however many sweep. No Qt here.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime, timedelta

from console.domain.audit import AuditAction, AuditEntry
from console.domain.refusals import Refused
from console.domain.roles import Capability, Seated
from console.domain.typed_text import unstorable
from console.services.audit import AuditTrail
from console.store import exchange as box
from console.store import exchange_alarms as repo
from console.store.engine import Database

DEFAULT_LIMIT = timedelta(seconds=120)
MAX_NOTE = 500


@dataclass(frozen=True, slots=True)
class LinkAlarm:
    """The open alarm with the outbox as it is now: ``queued`` messages wait, the oldest
    created at ``oldest_at`` (None once all went; the alarm resolves at the next sweep)."""

    id: int
    peer: str
    raised_at: datetime
    queued: int
    oldest_at: datetime | None
    acknowledged_by: str | None
    ack_note: str | None

    def age(self, now: datetime) -> timedelta:
        """How long the oldest waiting message has waited (zero when none waits)."""
        return max(now - self.oldest_at, timedelta(0)) if self.oldest_at else timedelta(0)


class LinkAlarmError(Refused, ValueError):
    """An acknowledgement the shift lead must correct; nothing was saved."""


class ExchangeAlarms:
    """``limit``: how long a message may stay unacknowledged before the alarm is raised."""

    def __init__(
        self,
        db: Database,
        clock: Callable[[], datetime],
        seat: str,
        limit: timedelta = DEFAULT_LIMIT,
        audit: AuditTrail | None = None,
    ) -> None:
        self._db, self._clock, self._seat = db, clock, seat
        self.limit, self._audit = limit, audit

    def sweep(self) -> LinkAlarm | None:
        """Resolve the open alarm if the backlog is under the limit again, else raise it if the
        oldest queued message is past the limit: the alarm THIS sweep raised, else None."""
        now = self._clock()
        with self._db.write() as session:
            repo.resolve_if_drained(session, now, self.limit)
            raised = repo.raise_if_due(session, now, self.limit, self._seat)
            if raised is None:
                repo.name_peer(session)
                return None
            backlog = box.backlog(session)
        return live(raised, backlog)

    def next_check(self) -> datetime | None:
        """When a sweep has something to do: the oldest queued message reaches the limit (no
        alarm open), or now (an open alarm whose backlog is under the limit again)."""
        now = self._clock()
        with self._db.read() as session:
            since = repo.stale_since(session)
            held = repo.open_alarm(session)
        if held is None:
            return since + self.limit if since is not None else None
        if since is None or since + self.limit > now:
            return now
        return None

    def open_alarm(self) -> LinkAlarm | None:
        """The open alarm, if any, with the outbox's count and oldest as they are now."""
        with self._db.read() as session:
            held = repo.open_alarm(session)
            return None if held is None else live(held, box.backlog(session))

    def acknowledge(self, alarm_id: int, by: Seated, note: str) -> None:
        """Acknowledge (确认) with a note, once, as a shift lead of this platform: a second
        acknowledgement is refused (``already_acknowledged``), as is an unknown alarm."""
        by.require(Capability.ACK_ALARM)
        note = note.strip()
        if not note:
            raise LinkAlarmError("ack_needs_note")
        if len(note) > MAX_NOTE:
            raise LinkAlarmError("note_too_long", most=str(MAX_NOTE))
        if unstorable(note):
            raise LinkAlarmError("unreadable_text")
        with self._db.write() as session:
            name = by.principal.display_name
            if not repo.acknowledge(session, alarm_id, name, note, self._clock()):
                first = repo.acknowledged_by(session, alarm_id)
                if first is None:
                    raise LinkAlarmError("unknown_alarm", f"no link alarm {alarm_id}")
                raise LinkAlarmError("already_acknowledged", agent=first)
            if self._audit is not None:
                target = f"exchange alarm {alarm_id}"
                self._audit.record(session, AuditEntry(by.login, by.seat, AuditAction.ALARM_ACK,
                                                       target))  # fmt: skip


def live(held: repo.OpenLinkAlarm, backlog: box.Backlog) -> LinkAlarm:
    """The stored alarm with the outbox's backlog as it is now."""
    return LinkAlarm(
        held.id, held.peer, held.raised_at, backlog.queued,
        repo.utc(backlog.oldest) if backlog.oldest else None,
        held.acknowledged_by, held.ack_note,
    )  # fmt: skip
