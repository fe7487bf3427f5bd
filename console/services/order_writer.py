"""Writes order changes inside a caller's transaction: the order, its events and its alarms.

Shared by the order use cases (``orders.py``) and the linkage use cases (``linkage.py``) so both
keep alarm rows in step with deadlines the same way: a deadline that starts plans its alarms, a
deadline that is met or replaced resolves them. Never commits; the use case owns the transaction.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from datetime import datetime
from typing import TYPE_CHECKING, Any

from sqlmodel import Session

from console.domain.actions import ACTIONS, Clock
from console.domain.audit import AuditAction, AuditEntry
from console.domain.calendar import BusinessCalendar
from console.domain.deadline_kinds import stopped
from console.domain.deadlines import Policy, PolicyResult
from console.domain.order_types import Actor, Deadlines, Event
from console.domain.orders import Action, FirstContactMode, Status, WorkOrder, apply
from console.domain.roles import Seated
from console.services.audit import AuditTrail
from console.store import alarms, report_rollup
from console.store import orders as repo

if TYPE_CHECKING:  # the exchange's modules (jsonschema) load only where an exchange is on
    from console.services.exchange_outbox import Outbox


def check_seen(stored: repo.Stored, seen: int) -> None:
    """Refuse a step asked for on an older view of the order: ``seen`` is how many timeline lines
    the agent's screen showed. Read inside the write transaction, so a step taken by another
    seat meanwhile is caught whichever database runs it; a retried step is not taken twice."""
    if len(stored.order.timeline) != seen:
        raise repo.StaleOrder(stored.order.number)


class OrderWriter:
    """The one place every order step passes: each is checked against the role matrix (the
    use cases check first, before they touch anything; this is the floor under them), and with
    an ``audit`` trail each new order and each action is recorded there in the step's own
    transaction (one row each, under the principal's login). With an ``outbox`` (a platform
    that runs its own system), each step that crosses to the peer is queued there as a message,
    in the step's own transaction too (transactional outbox); steps the peer took arrive through
    :meth:`add_remote` and :meth:`act_remote` and are not sent back."""

    def __init__(
        self,
        policy: Policy | None,
        calendar: BusinessCalendar | None,
        audit: AuditTrail | None = None,
        outbox: Outbox | None = None,
    ) -> None:
        if policy is not None and calendar is None:
            raise ValueError("a deadline policy needs the business calendar to count days in")
        self._policy = policy
        self._calendar = calendar
        self._audit = audit
        self._outbox = outbox

    def _audited(self, session: Session, who: str, seat: str, number: str, what: str) -> None:
        if self._audit is not None:  # the action and its code, never the note (personal data)
            entry = AuditEntry(who, seat, AuditAction.ORDER_STEP, number, detail=what)
            self._audit.record(session, entry)

    def add(self, session: Session, order: WorkOrder, now: datetime, by: Seated) -> repo.Stored:
        """A new order with the deadlines the policy gives it, and their alarms planned."""
        by.require(Action.CREATE)
        started = self._fresh(order, Action.CREATE, now)
        if started is not None:
            order = replace(order, deadlines=started.deadlines)
        stored = repo.add(session, order, now)
        report_rollup.record_events(session, stored.id, order, order.timeline)
        self._plan(session, stored, started)
        self._audited(session, by.login, by.seat, order.number, Action.CREATE.value)
        return stored

    def act(
        self,
        session: Session,
        stored: repo.Stored,
        action: Action,
        by: Seated,
        now: datetime,
        note: str = "",
        first_contact_mode: FirstContactMode | None = None,
        detail: str = "",
    ) -> repo.Stored:
        """One action as ``by``: refused ones raise ``Refused`` (the roles) or
        ``TransitionError`` (the order's rules) and change nothing."""
        by.require(action)
        saved = self._step(
            session, stored, action, by.actor, now, note, first_contact_mode, detail,
            who=by.login,
        )  # fmt: skip
        if self._outbox is not None:
            self._outbox.step(session, saved.order, action, now)
        return saved

    def act_remote(
        self,
        session: Session,
        stored: repo.Stored,
        event: Event,
        first_contact_mode: FirstContactMode | None,
        source: str,
    ) -> repo.Stored:
        """A step the peer platform took (``event``, from its message) applied to this copy by
        this side's own rules, as of the step's own time; audited as ``exchange:<source>``."""
        actor = Actor(event.actor, event.seat, event.platform)
        return self._step(
            session, stored, event.action, actor, event.at, event.note, first_contact_mode,
            event.detail, who=f"exchange:{source}",
        )  # fmt: skip

    def add_remote(self, session: Session, order: WorkOrder, source: str) -> repo.Stored:
        """An order the peer transferred here, whole (its last step is the transfer): this
        side's deadlines and alarms start from the transfer's time, by this side's rules."""
        return self.add_remotes(session, [order], source)[0]

    def add_remotes(
        self, session: Session, orders: Sequence[WorkOrder], source: str
    ) -> list[repo.Stored]:
        """:meth:`add_remote` for many orders at once (a batch of the peer's transfers)."""
        prepared: list[tuple[WorkOrder, PolicyResult | None]] = []
        for order in orders:
            sent = order.timeline[-1]
            started = self._fresh(replace(order, owner=order.owner.peer), Action.TRANSFER, sent.at)
            if started is not None:
                order = replace(order, deadlines=started.deadlines)
            prepared.append((order, started))
        stored = repo.add_many(session, [(o, o.timeline[-1].at) for o, _s in prepared])
        rows: list[dict[str, Any]] = []
        appended: list[tuple[int, WorkOrder, Sequence[Event]]] = []
        for one, (order, started) in zip(stored, prepared, strict=True):
            sent = order.timeline[-1]
            rows += self._alarm_rows(one, started)
            appended.append((one.id, order, order.timeline))
            self._audited(session, f"exchange:{source}", sent.seat, order.number, sent.action.value)
        alarms.write(session, rows)  # every order's alarms in one statement
        report_rollup.record_many(session, appended)  # and their counts in two
        return stored

    def _step(
        self,
        session: Session,
        stored: repo.Stored,
        action: Action,
        actor: Actor,
        now: datetime,
        note: str,
        first_contact_mode: FirstContactMode | None,
        detail: str,
        *,
        who: str,
    ) -> repo.Stored:
        started = self._fresh(stored.order, action, now)
        changed = apply(
            stored.order,
            action,
            actor,
            now,
            note,
            first_contact_mode,
            started.deadlines if started is not None else None,
            detail=detail,
        )
        saved = repo.save(session, stored, changed, now)
        new = changed.timeline[len(stored.order.timeline) :]
        report_rollup.record_events(session, saved.id, changed, new)
        if ACTIONS[action].clock is Clock.REOPEN:
            # A fresh clock replaces every running one: no burst of stale overdue alarms.
            alarms.resolve(session, saved.id, now)
        elif ended := stopped(saved.order.status):  # met, or the order closed: alarms resolve
            alarms.resolve(session, saved.id, now, ended)
        self._plan(session, saved, started)
        self._audited(
            session, who, actor.seat, saved.order.number, f"{action.value} {detail}".strip()
        )
        return saved

    def deadlines(self, order: WorkOrder, action: Action, at: datetime) -> Deadlines | None:
        """The deadlines ``action`` on ``order`` starts when written at ``at`` (None: it starts
        none): the seat's outage journal shows them on what it holds before it is written."""
        started = self._fresh(order, action, at)
        return started.deadlines if started is not None else None

    def _fresh(self, order: WorkOrder, action: Action, now: datetime) -> PolicyResult | None:
        """The deadlines ``action`` starts, by the policy; None if it starts none.

        A transfer gives the receiving side fresh sign-for and feedback deadlines (the origin's
        own feedback alarms keep running); a return starts a fresh clock.
        """
        policy, calendar = self._policy, self._calendar
        if policy is None or calendar is None:
            return None
        if action is Action.CREATE:
            return policy.deadlines_for(
                order.kind, order.priority, order.owner, now, calendar, field=order.field
            )
        clock = ACTIONS[action].clock
        if clock is Clock.TRANSFER:
            return policy.transfer_deadlines(
                order.kind,
                order.priority,
                order.owner.peer,
                now,
                calendar,
                field=order.field,
                completion=order.deadlines.completion,
            )
        if clock is Clock.REOPEN:
            return policy.reopen_deadlines(
                order.kind, order.priority, order.owner, now, calendar, field=order.field
            )
        return None

    def _plan(self, session: Session, stored: repo.Stored, started: PolicyResult | None) -> None:
        alarms.write(session, self._alarm_rows(stored, started))

    def _alarm_rows(
        self, stored: repo.Stored, started: PolicyResult | None
    ) -> list[dict[str, Any]]:
        policy, calendar = self._policy, self._calendar
        if started is None or policy is None or calendar is None:
            return []
        if stored.order.status is Status.CANCELLED:
            return []
        return alarms.rows_of(
            stored.id,
            stored.order.number,
            started.deadlines,
            started.specs,
            started.start,
            policy.alarms,
            calendar,
        )
