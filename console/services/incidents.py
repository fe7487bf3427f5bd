"""Emergency linkage's use cases: a shift lead starts a plan, changes its level, records the
partners' answers, re-notifies, stands down; agents link their calls' orders to an incident.

Every change writes, in ONE transaction: the incident, its partners, a notification per partner
concerned with its idempotency key, the alarm of each ask, the timeline line and the audit
record. Handing notifications to the channels is the pump's job (``incident_pump``), after the
commit: a crash between the two loses nothing (the rows are queued) and sends no second key.

Who is notified: the plan for the event type and level (``db/plans``), every partner of each
kind it names in the incident's city (:func:`console.domain.emergency.plan_partners`). A level
change recomputes that set: new partners are asked (a notification of kind ASK), those staying
are told the new level (LEVEL, no new deadline), those no longer needed are released (RELEASE).
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime, timedelta

from sqlmodel import Session

from console.domain.audit import AuditAction, AuditEntry
from console.domain.emergency import (
    AckMeans,
    EventType,
    IncidentAction,
    IncidentStatus,
    Level,
    NotificationKind,
    Partner,
    PartnerKind,
    Plan,
    PlanBook,
    PlanStep,
    city_of,
    plan_partners,
)
from console.domain.roles import Capability, Seated
from console.domain.typed_text import unstorable
from console.services.audit import AuditTrail
from console.services.incident_reads import IncidentReads
from console.services.incident_views import IncidentDraft, IncidentLine
from console.services.incident_writer import (
    DEFAULT_REPEATS,
    IncidentInputError,
    IncidentWriter,
    Publish,
)
from console.store import incidents as repo
from console.store.engine import Database
from console.store.incident_tables import IncidentAlarmRow, IncidentPartnerRow, IncidentRow
from console.store.partners import directory
from console.store.seed import catalogue

MAX_PLACE, MAX_SUMMARY, MAX_NOTE, MAX_WHO = 200, 2000, 500, 64


class IncidentService(IncidentReads):
    """``plans``: the site's linkage plans. ``publish``: told of every change, in its
    transaction (the exchange queues the peer's copy there). ``repeats``: automatic re-asks."""

    def __init__(
        self,
        db: Database,
        clock: Callable[[], datetime],
        plans: PlanBook,
        audit: AuditTrail | None = None,
        publish: Publish | None = None,
        repeats: int = DEFAULT_REPEATS,
    ) -> None:
        super().__init__(db, clock)
        self._plans, self._audit = plans, audit
        self.writer = IncidentWriter(clock, publish, repeats)
        self._districts: dict[str, str] | None = None

    # -- starting and running -------------------------------------------------------------

    def preview(
        self, event_type: EventType, level: Level, district: str
    ) -> tuple[list[tuple[Partner, PlanStep]], list[PartnerKind]]:
        plan = self._plan(event_type, level)
        city = self._city(district)
        with self._db.read() as session:
            return plan_partners(plan, directory(session, city), city)

    def start(self, by: Seated, draft: IncidentDraft) -> IncidentLine:
        """Start the plan for ``draft``: the incident and every partner's ask, in one commit."""
        by.require(Capability.RUN_INCIDENT)
        place, summary = _text(draft.place, MAX_PLACE), _text(draft.summary, MAX_SUMMARY)
        if not place:
            raise IncidentInputError("incident_needs_place")
        if not summary:
            raise IncidentInputError("incident_needs_summary")
        plan = self._plan(draft.event_type, draft.level)
        city = self._city(draft.district)
        now = self._clock()
        with self._db.write() as session:
            order_id = None
            if draft.from_order:
                order_id = repo.order_id(session, draft.from_order)
                if order_id is None:
                    raise IncidentInputError("unknown_order", number=draft.from_order)
            number = repo.next_number(session, by.platform, now)
            row = IncidentRow(
                number=number, platform=by.platform.value, event_type=draft.event_type.value,
                level=draft.level.value, district=draft.district, place=place, summary=summary,
                drill=draft.drill, started_at=now, started_by=by.principal.display_name,
                started_login=by.login, started_seat=by.seat, from_order=draft.from_order,
                updated_at=now, version=0,  # the start publishes version 1
            )  # fmt: skip
            session.add(row)
            session.flush()
            assert row.id is not None
            chosen, missing = plan_partners(plan, directory(session, city), city)
            detail = f"{draft.event_type.term} {draft.level.numeral}级" + (
                " 演练" if draft.drill else ""
            )
            self._event(session, row, by, IncidentAction.START, detail, now)
            if missing:
                gap = "、".join(k.term for k in missing)
                self._event(session, row, by, IncidentAction.PLAN_GAP, gap, now)
            self.writer.ask(session, row, chosen, now)
            if order_id is not None:
                self.writer.link(session, row, order_id, by, now)
            self._changed(session, row, by, f"started {detail}", now)
        return self.line(number)

    def change_level(self, by: Seated, number: str, level: Level, note: str) -> IncidentLine:
        """升级/降级: recompute the plan's partners; ask the new ones, tell those staying, release
        those no longer needed."""
        by.require(Capability.RUN_INCIDENT)
        note = _text(note, MAX_NOTE)
        now = self._clock()
        with self._db.write() as session:
            row = self._running(session, by, number)
            old = Level(row.level)
            if old is level:
                raise IncidentInputError("same_level")
            plan = self._plan(EventType(row.event_type), level)
            city = city_of(row.district)
            chosen, _missing = plan_partners(plan, directory(session, city), city)
            row.level, row.revision = level.value, row.revision + 1
            wanted = {p.code: (p, step) for p, step in chosen}
            have = {p.partner_code: p for p in repo.incident_partners(session, row.id or 0)}
            notices: list[repo.Notice] = []
            fresh: list[tuple[Partner, PlanStep]] = []
            for code, line in have.items():
                if code not in wanted and line.released_at is None:
                    line.released_at = now
                    repo.resolve_alarms(session, row.id or 0, now, code)
                    notices.append(self.writer.notice(row, code, NotificationKind.RELEASE, 0, None))
                elif code in wanted and line.released_at is None:
                    notices.append(self.writer.notice(row, code, NotificationKind.LEVEL, 0, None))
            for code, (partner, step) in wanted.items():
                if code not in have or have[code].released_at is not None:
                    fresh.append((partner, step))
            repo.add_notices(session, row.id or 0, notices, now)
            self.writer.ask(session, row, fresh, now, have)
            word = "升级" if level.severity > old.severity else "降级"
            self._event(
                session,
                row,
                by,
                IncidentAction.LEVEL,
                f"{word} {old.numeral}→{level.numeral} {note}".strip(),
                now,
            )
            self._changed(session, row, by, f"level {old.value}->{level.value}", now)
        return self.line(number)

    def record_answer(
        self,
        by: Seated,
        number: str,
        partner_code: str,
        means: AckMeans,
        who: str,
        at: datetime | None = None,
        note: str = "",
        refused: bool = False,
    ) -> None:
        """Record by hand that a partner acknowledged (or refused), e.g. by phone: who, when, how."""
        by.require(Capability.RUN_INCIDENT)
        who, note = _text(who, MAX_WHO), _text(note, MAX_NOTE)
        if not who:
            raise IncidentInputError("answer_needs_who")
        now = self._clock()
        when = at or now
        if when > now + timedelta(minutes=1):
            raise IncidentInputError("answer_in_future")
        with self._db.write() as session:
            row = self._running(session, by, number)
            line = self._partner_line(session, row, partner_code)
            self.writer.answer(
                session, row, line, means, who, when, note, refused, by.principal.display_name
            )
            self._changed(session, row, by, f"answer {partner_code} {means.value}", now)

    def repeat(self, by: Seated, number: str, partner_code: str) -> None:
        """Re-notify a partner by hand: the same ask again, under a new key, counted."""
        by.require(Capability.RUN_INCIDENT)
        now = self._clock()
        with self._db.write() as session:
            row = self._running(session, by, number)
            line = self._partner_line(session, row, partner_code)
            if line.acked_at is not None:
                raise IncidentInputError(
                    "already_answered", partner=line.partner_name, by=line.ack_recorded_by or ""
                )
            self.writer.repeat(session, row, line, now)
            self._event(
                session,
                row,
                by,
                IncidentAction.REPEAT,
                f"{line.partner_name} 第{line.attempts}次",
                now,
            )
            self._changed(session, row, by, f"repeat {partner_code}", now)

    def stand_down(self, by: Seated, number: str, summary: str) -> None:
        """响应终止: every partner still in the plan is told, every alarm resolved."""
        by.require(Capability.RUN_INCIDENT)
        summary = _text(summary, MAX_SUMMARY)
        if not summary:
            raise IncidentInputError("incident_needs_summary")
        now = self._clock()
        with self._db.write() as session:
            row = self._running(session, by, number)
            row.status = IncidentStatus.STOOD_DOWN.value
            row.stood_down_at, row.stood_down_by = now, by.principal.display_name
            row.stand_down_summary = summary
            kind = NotificationKind.STAND_DOWN
            notices = [
                self.writer.notice(row, p.partner_code, kind, 0, None)
                for p in repo.incident_partners(session, row.id or 0)
                if p.released_at is None
            ]
            repo.add_notices(session, row.id or 0, notices, now)
            repo.resolve_alarms(session, row.id or 0, now)
            self._event(session, row, by, IncidentAction.STAND_DOWN, summary, now)
            self._changed(session, row, by, "stood down", now)

    def link(self, by: Seated, number: str, order_number: str) -> None:
        """Link an order (its call) to an incident: at either platform's floor, to an active
        incident (one of the peer's too: the link is this platform's)."""
        by.require(Capability.LINK_INCIDENT)
        now = self._clock()
        with self._db.write() as session:
            row = repo.incident(session, number)
            if row is None:
                raise IncidentInputError("unknown_incident", number=number)
            if row.status != IncidentStatus.ACTIVE.value:
                raise IncidentInputError("incident_stood_down", number=number)
            order_id = repo.order_id(session, order_number)
            if order_id is None:
                raise IncidentInputError("unknown_order", number=order_number)
            if repo.link_exists(session, row.id or 0, order_id):
                raise IncidentInputError("order_already_linked", order=order_number, number=number)
            self.writer.link(session, row, order_id, by, now)
            self._event(session, row, by, IncidentAction.LINK, order_number, now)
            self._audited(session, by, row, f"link {order_number}")

    def acknowledge_alarm(self, by: Seated, alarm_id: int, note: str) -> None:
        """The shift lead acknowledges a partner's overdue alarm (确认), once, with a note."""
        by.require(Capability.RUN_INCIDENT)
        note = _text(note, MAX_NOTE)
        if not note:
            raise IncidentInputError("ack_needs_note")
        with self._db.write() as session:
            alarm = session.get(IncidentAlarmRow, alarm_id)
            row = session.get(IncidentRow, alarm.incident_id) if alarm is not None else None
            if alarm is None or row is None or alarm.raised_at is None:
                raise IncidentInputError("unknown_alarm", f"no incident alarm {alarm_id}")
            if row.platform != by.platform.value:
                raise IncidentInputError(
                    "incident_of_peer", number=row.number, platform=row.platform
                )
            if alarm.acknowledged_at is not None:
                raise IncidentInputError("already_acknowledged", agent=alarm.acknowledged_by or "")
            alarm.acknowledged_at, alarm.acknowledged_by = self._clock(), by.principal.display_name
            alarm.ack_note = note
            self._audited(session, by, row, f"alarm {alarm_id} acknowledged")

    def _running(self, session: Session, by: Seated, number: str) -> IncidentRow:
        row = repo.incident(session, number, lock=True)
        if row is None:
            raise IncidentInputError("unknown_incident", number=number)
        if row.platform != by.platform.value:
            raise IncidentInputError("incident_of_peer", number=number, platform=row.platform)
        if row.status != IncidentStatus.ACTIVE.value:
            raise IncidentInputError("incident_stood_down", number=number)
        return row

    def _partner_line(self, session: Session, row: IncidentRow, code: str) -> IncidentPartnerRow:
        for line in repo.incident_partners(session, row.id or 0):
            if line.partner_code == code:
                return line
        raise IncidentInputError("unknown_partner", partner=code)

    def _event(
        self,
        session: Session,
        row: IncidentRow,
        by: Seated,
        action: IncidentAction,
        detail: str,
        now: datetime,
    ) -> None:
        repo.add_event(
            session,
            row.id or 0,
            now,
            action,
            by.principal.display_name,
            by.seat,
            by.platform.value,
            detail,
        )

    def _changed(
        self, session: Session, row: IncidentRow, by: Seated, what: str, now: datetime
    ) -> None:
        self._audited(session, by, row, what)
        self.writer.published(session, row, now)

    def _audited(self, session: Session, by: Seated, row: IncidentRow, detail: str) -> None:
        if self._audit is not None:
            entry = AuditEntry(by.login, by.seat, AuditAction.INCIDENT, row.number, detail=detail)
            self._audit.record(session, entry)

    def _plan(self, event_type: EventType, level: Level) -> Plan:
        plan = self._plans.plan(event_type, level)
        if plan is None:
            raise IncidentInputError("no_plan", level=level.numeral)
        return plan

    def _city(self, district: str) -> str:
        if self._districts is None:
            with self._db.read() as session:
                self._districts = {d.code: d.city_code for d in catalogue(session)[2]}
        city = self._districts.get(district)
        if city is None:
            raise IncidentInputError("unknown_district", district=district)
        return city


def _text(value: str, most: int) -> str:
    value = value.strip()
    if len(value) > most:
        raise IncidentInputError("note_too_long", most=str(most))
    if unstorable(value):
        raise IncidentInputError("unreadable_text")
    return value


__all__ = ["IncidentInputError", "IncidentService"]
