"""Use cases on work orders: record a new one from intake, take an action on one, look up a caller.

Each method is one unit of work on the database. The service is the only place that numbers,
validates and saves orders, and it keeps each order's alarm rows in step with its deadlines in
the same transaction: a deadline that starts plans its alarms, a deadline that is met or
replaced resolves them.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, replace
from datetime import datetime

from sqlalchemy.exc import IntegrityError
from sqlmodel import Session

from console.domain.calendar import BusinessCalendar
from console.domain.deadlines import Policy, PolicyResult
from console.domain.intake import Draft, Problem, normalise_phone, validate
from console.domain.orders import (
    Action,
    Actor,
    Caller,
    Deadlines,
    FirstContactMode,
    Status,
    TransitionError,
    WorkOrder,
    apply,
    new_order,
)
from console.store import alarms
from console.store import orders as repo
from console.store.engine import Database
from console.store.seed import catalogue
from console.store.tables import TransferRequestRow

# Which deadlines an action meets (their alarms resolve).
MEETS: dict[Action, tuple[str, ...]] = {
    Action.SIGN_FOR: ("sign_for",),
    Action.FEED_BACK: ("feedback",),
    Action.COMPLETE: ("sign_for", "feedback", "completion"),
    Action.CANCEL: ("sign_for", "feedback", "completion"),
}


class InvalidDraft(ValueError):
    """The draft has problems; nothing was saved and the draft is unchanged."""

    def __init__(self, problems: list[Problem]) -> None:
        self.problems = problems
        super().__init__("; ".join(f"{p.field}: {p.message}" for p in problems))


class TransferConflict(RuntimeError):
    """Another seat transferred the order first; the message says who."""


@dataclass(frozen=True, slots=True)
class Transfer:
    stored: repo.Stored
    repeated: bool  # True: this request key had already been carried out; nothing changed


class OrderService:
    """Signals nothing itself; ``on_change`` (if given) is called after each commit."""

    def __init__(
        self,
        db: Database,
        clock: Callable[[], datetime],
        policy: Policy | None = None,
        calendar: BusinessCalendar | None = None,
        on_change: Callable[[], None] | None = None,
    ) -> None:
        self._db = db
        self._clock = clock
        self._policy = policy
        self._calendar = calendar
        self._on_change = on_change

    def create(self, draft: Draft, actor: Actor) -> repo.Stored:
        with self._db.read() as session:
            kinds, fields, districts = catalogue(session)
        problems = validate(
            draft,
            actor.platform,
            {k.code: k for k in kinds},
            {f.code: f for f in fields},
            {d.code: d for d in districts},
        )
        if problems:
            raise InvalidDraft(problems)
        phone = normalise_phone(draft.caller_phone)
        assert phone is not None  # validate() checked it
        now = self._clock()
        with self._db.write() as session:
            order = new_order(
                number=repo.next_number(session, actor.platform, now),
                actor=actor,
                at=now,
                caller=Caller(phone, draft.caller_name.strip() or None),
                kind=draft.kind,
                field=draft.field or None,
                district=draft.district,
                address=draft.address.strip(),
                description=draft.description.strip(),
                priority=draft.priority,
                social_stability=draft.social_stability,
                consent=draft.consent,
            )
            started = self._fresh(order, Action.CREATE, now)
            if started is not None:
                order = _with_deadlines(order, started.deadlines)
            stored = repo.add(session, order, now)
            self._plan(session, stored, started)
        self._changed()
        return stored

    def act(
        self,
        number: str,
        action: Action,
        actor: Actor,
        note: str = "",
        first_contact_mode: FirstContactMode | None = None,
    ) -> repo.Stored:
        """Take ``action`` on order ``number``; refused actions raise ``TransitionError``."""
        now = self._clock()
        with self._db.write() as session:
            saved = self._act_in(
                session, repo.get(session, number), action, actor, note, first_contact_mode, now
            )
        self._changed()
        return saved

    def transfer(self, number: str, actor: Actor, note: str, key: str) -> Transfer:
        """One-click transfer (一键转接) of order ``number`` to the peer platform, exactly once
        per request ``key``: a retried or double-clicked request returns the first outcome.

        Refused (``TransitionError``) without the caller's consent, except social-stability
        clues; ``TransferConflict`` when another seat transferred the order first.
        """
        if not key.strip():
            raise ValueError("a transfer needs its request key")
        now = self._clock()
        try:
            with self._db.write() as session:
                if session.get(TransferRequestRow, key) is not None:
                    return Transfer(repo.get(session, number), repeated=True)
                stored = repo.get(session, number)
                # Claim the key first: a concurrent request with the same key fails right here.
                session.add(
                    TransferRequestRow(key=key, order_id=stored.id, seat=actor.seat, at=now)
                )
                session.flush()
                saved = self._act_in(session, stored, Action.TRANSFER, actor, note, None, now)
        except IntegrityError:
            return Transfer(self.get(number), repeated=True)
        except (repo.StaleOrder, TransitionError) as refused:
            raise self._conflict(number, actor) or refused from None
        self._changed()
        return Transfer(saved, repeated=False)

    def _conflict(self, number: str, actor: Actor) -> TransferConflict | None:
        """If another seat's transfer got there first, say who and when."""
        order = self.get(number).order
        last = order.timeline[-1]
        if last.action is Action.TRANSFER and last.seat != actor.seat:
            return TransferConflict(
                f"工单 {number} 已由 {last.platform.value} 坐席 {last.seat}（{last.actor}）转派"
            )
        return None

    def _act_in(
        self,
        session: Session,
        stored: repo.Stored,
        action: Action,
        actor: Actor,
        note: str,
        first_contact_mode: FirstContactMode | None,
        now: datetime,
    ) -> repo.Stored:
        """One action inside the caller's transaction: the order, its events and its alarms."""
        started = self._fresh(stored.order, action, now)
        changed = apply(
            stored.order,
            action,
            actor,
            now,
            note,
            first_contact_mode,
            started.deadlines if started is not None else None,
        )
        saved = repo.save(session, stored, changed, now)
        if action in MEETS:
            alarms.resolve(session, saved.id, now, MEETS[action])
        if action is Action.RETURN:
            # A fresh clock replaces every running one: no burst of stale overdue alarms.
            alarms.resolve(session, saved.id, now)
        self._plan(session, saved, started)
        return saved

    def get(self, number: str) -> repo.Stored:
        with self._db.read() as session:
            return repo.get(session, number)

    def caller_history(self, phone: str, limit: int = 50) -> list[repo.OrderSummary]:
        normalised = normalise_phone(phone) or phone
        with self._db.read() as session:
            return repo.caller_history(session, normalised, limit)

    def _fresh(self, order: WorkOrder, action: Action, now: datetime) -> PolicyResult | None:
        """The deadlines ``action`` starts, by the policy; None if it starts none.

        A transfer gives the receiving side fresh sign-for and feedback deadlines (the origin's
        own feedback alarms keep running); a return starts a fresh clock.
        """
        policy = self._policy
        if policy is None:
            return None
        if action is Action.CREATE:
            return policy.deadlines_for(
                order.kind, order.priority, order.owner, now, self._calendar, field=order.field
            )
        if action is Action.TRANSFER:
            return policy.transfer_deadlines(
                order.kind,
                order.priority,
                order.owner.peer,
                now,
                self._calendar,
                field=order.field,
                completion=order.deadlines.completion,
            )
        if action is Action.RETURN:
            return policy.reopen_deadlines(
                order.kind, order.priority, order.owner, now, self._calendar, field=order.field
            )
        return None

    def _plan(self, session: Session, stored: repo.Stored, started: PolicyResult | None) -> None:
        if started is None or self._policy is None or stored.order.status is Status.CANCELLED:
            return
        alarms.plan(
            session,
            stored.id,
            stored.order.number,
            started.deadlines,
            started.specs,
            started.start,
            self._policy.alarms,
            self._calendar,
        )

    def _changed(self) -> None:
        if self._on_change is not None:
            self._on_change()


def _with_deadlines(order: WorkOrder, deadlines: Deadlines) -> WorkOrder:
    return replace(order, deadlines=deadlines)
