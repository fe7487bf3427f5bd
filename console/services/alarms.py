"""Use cases on alarms: the sweep that raises due alarms, and the shift lead's acknowledge and
escalate (督办). Pure database work; the scheduler decides when to sweep, the UI shows results."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from pathlib import Path

from sqlmodel import Session, col, select

from console.domain.alarm_levels import AlarmLevel
from console.domain.audit import AuditAction, AuditEntry
from console.domain.catalogue import Kind
from console.domain.deadlines import Policy
from console.domain.orders import Platform
from console.domain.policy_file import load_policy
from console.domain.refusals import Refused
from console.domain.roles import Can, Capability, Seated, require
from console.domain.typed_text import unstorable
from console.paths import bundle_path
from console.services.audit import AuditTrail
from console.store import alarms as repo
from console.store.alarms import AlarmView, RaisedAlarm
from console.store.engine import Database
from console.store.seed import catalogue
from console.store.tables import AlarmRow, OrderRow

MAX_NOTE = 500

__all__ = [
    "MAX_NOTE",
    "AlarmInputError",
    "AlarmService",
    "AlarmView",
    "RaisedAlarm",
    "load_site_policy",
]


class AlarmInputError(Refused, ValueError):
    """An acknowledgement or escalation the shift lead must correct; nothing was saved."""


def load_site_policy(db: Database, path: Path | None = None) -> Policy:
    """The deadline policy from ``db/policy/deadlines.toml``, checked against the catalogue."""
    with db.read() as session:
        kinds, fields, _ = catalogue(session)
    return load_policy(
        path or bundle_path("db", "policy", "deadlines.toml"),
        known_kinds={k.code for k in kinds},
        known_fields={f.code for f in fields},
    )


class AlarmService:
    """``audit``: the trail acknowledgements and escalations are recorded in (same transaction)."""

    def __init__(
        self,
        db: Database,
        clock: Callable[[], datetime],
        seat: str,
        audit: AuditTrail | None = None,
    ) -> None:
        self._db = db
        self._clock = clock
        self._seat = seat
        self._audit = audit

    def sweep(self, limit: int = 1000) -> list[repo.RaisedAlarm]:
        """Raise every pending alarm whose instant has come; idempotent and safe to run anywhere."""
        now = self._clock()
        raised: list[repo.RaisedAlarm] = []
        while True:
            with self._db.write() as session:
                batch = repo.raise_due(session, now, self._seat, limit)
            raised.extend(batch)
            if len(batch) < limit:
                return raised

    def next_pending(self) -> datetime | None:
        with self._db.read() as session:
            return repo.next_pending(session)

    def open_alarms(
        self,
        platform: str | None = None,
        kind: str | None = None,
        level: AlarmLevel | None = None,
    ) -> list[repo.AlarmView]:
        with self._db.read() as session:
            return repo.open_alarms(session, platform=platform, kind=kind, level=level)

    def open_counts(self) -> dict[AlarmLevel, int]:
        """The true totals of open, unacknowledged alarms per level (one per running deadline,
        at its highest level), however many the panel's list holds."""
        with self._db.read() as session:
            return repo.open_counts(session)

    def panel(self) -> tuple[list[repo.AlarmView], dict[AlarmLevel, int]]:
        """What the panel shows, in one read session: the open alarms and the true counts."""
        with self._db.read() as session:
            return repo.open_alarms(session), repo.open_counts(session)

    def kinds(self) -> list[Kind]:
        with self._db.read() as session:
            return catalogue(session)[0]

    def acknowledge(self, alarm_id: int, by: Seated, note: str) -> None:
        """Acknowledge (确认) with a note, once: a second acknowledgement is refused
        (``already_acknowledged``, the first note stands), as is an unknown alarm, and an alarm
        of another platform's order or roles that do not allow it (``not_allowed``)."""
        by.require(Capability.ACK_ALARM)
        note = note.strip()
        if not note:
            raise AlarmInputError("ack_needs_note")
        _check_text(note)
        with self._db.write() as session:
            _allowed_on(session, alarm_id, by, Capability.ACK_ALARM)
            name = by.principal.display_name
            if not repo.acknowledge(session, alarm_id, name, note, self._clock()):
                first = repo.acknowledged_by(session, alarm_id)
                if first is None:
                    raise AlarmInputError("unknown_alarm", f"no alarm {alarm_id}")
                raise AlarmInputError("already_acknowledged", agent=first)
            self._audited(session, AuditAction.ALARM_ACK, by, alarm_id, "")

    def escalate(self, alarm_id: int, by: Seated, to: str) -> None:
        """Escalate (督办) to a named person, as ``by`` (a shift lead of the order's platform:
        else ``not_allowed``); an unknown alarm is refused (``unknown_alarm``)."""
        by.require(Capability.ESCALATE_ALARM)
        to = to.strip()
        if not to:
            raise AlarmInputError("escalation_needs_person")
        _check_text(to)
        with self._db.write() as session:
            _allowed_on(session, alarm_id, by, Capability.ESCALATE_ALARM)
            if not repo.escalate(session, alarm_id, to, self._clock()):
                raise AlarmInputError("unknown_alarm", f"no alarm {alarm_id}")
            self._audited(session, AuditAction.ESCALATION, by, alarm_id, f"to {to}")

    def _audited(
        self, session: Session, action: AuditAction, by: Seated, alarm_id: int, detail: str
    ) -> None:
        if self._audit is not None:
            entry = AuditEntry(by.login, by.seat, action, f"alarm {alarm_id}", detail=detail)
            self._audit.record(session, entry)


def _allowed_on(session: Session, alarm_id: int, by: Seated, can: Can) -> None:
    """Refuse ``can`` on an alarm of another platform's order (a shift lead answers for the
    alarms of their own platform only); an unknown alarm is refused (``unknown_alarm``)."""
    owner = session.execute(
        select(col(OrderRow.owner))
        .join(AlarmRow, col(AlarmRow.order_id) == col(OrderRow.id))
        .where(col(AlarmRow.id) == alarm_id)
    ).scalar_one_or_none()
    if owner is None:
        raise AlarmInputError("unknown_alarm", f"no alarm {alarm_id}")
    require(by.principal, can, Platform(owner))


def _check_text(text: str) -> None:
    if len(text) > MAX_NOTE:
        raise AlarmInputError("note_too_long", most=str(MAX_NOTE))
    if unstorable(text):
        raise AlarmInputError("unreadable_text")
