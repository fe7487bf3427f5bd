"""Use cases on work orders: record a new one from intake, take an action on one, look up a caller.

Each method is one unit of work on the database. The service is the only place that numbers,
validates and saves orders, and it keeps each order's alarm rows in step with its deadlines in
the same transaction: a deadline that starts plans its alarms, a deadline that is met or
replaced resolves them.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime, timedelta
from typing import TYPE_CHECKING

from console.domain.calendar import BusinessCalendar
from console.domain.catalogue import District, Field, Kind
from console.domain.deadlines import Policy
from console.domain.intake import Draft, Problem, check_clock, clean, validate
from console.domain.orders import (
    Action,
    Caller,
    FirstContactMode,
    new_order,
)
from console.domain.roles import Seated
from console.domain.typed_text import unstorable
from console.services.audit import AuditTrail
from console.services.linkage import LinkageService
from console.services.order_writer import OrderWriter, check_seen
from console.services.privacy import caller_forms, privacy_key
from console.services.transfers import (  # re-exported for callers
    PENDING_HOLDS,
    Transfer,
    TransferConflict,
    TransferService,
)
from console.store import journal_keys
from console.store import orders as repo
from console.store.departments import active_department
from console.store.engine import Database
from console.store.orders import OrderSummary, Stored, UnknownOrder
from console.store.seed import catalogue

if TYPE_CHECKING:  # the exchange's modules (jsonschema) load only where an exchange is on
    from console.services.exchange_outbox import Outbox

MAX_CODE = 64  # characters of a catalogue code (kind, field, district); longer ones are unknown

__all__ = [
    "InvalidDraft",
    "OrderService",
    "OrderSummary",
    "Stored",
    "Transfer",
    "TransferConflict",
    "UnknownOrder",
]


class InvalidDraft(ValueError):
    """The draft has problems; nothing was saved and the draft is unchanged."""

    def __init__(self, problems: list[Problem]) -> None:
        self.problems = problems
        super().__init__("; ".join(f"{p.field}: {p.message}" for p in problems))


class OrderService:
    """Signals nothing itself; ``on_change`` (if given) is called after each commit."""

    def __init__(
        self,
        db: Database,
        clock: Callable[[], datetime],
        policy: Policy | None = None,
        calendar: BusinessCalendar | None = None,
        on_change: Callable[[], None] | None = None,
        transfer_hold: timedelta = PENDING_HOLDS,
        audit: AuditTrail | None = None,
        outbox: Outbox | None = None,
    ) -> None:
        """``transfer_hold``: how long a seat's pending transfer holds the order against another
        seat's (the site's answer window plus a margin; see ``transfers.PENDING_HOLDS``).
        ``audit``: the trail every order step is recorded in (``OrderWriter``). ``outbox``: on a
        platform that runs its own system, where steps for the peer are queued."""
        self._db = db
        self._clock = clock
        self.writer = OrderWriter(policy, calendar, audit, outbox)  # every order write goes here
        self._pseudonym_key = privacy_key(audit) if audit is not None else None
        self._on_change = on_change
        self.transfers = TransferService(db, clock, self.writer, on_change, transfer_hold)
        self.linkage = LinkageService(db, clock, self.writer, on_change)

    def create(
        self, draft: Draft, by: Seated, *, key: str | None = None, at: datetime | None = None
    ) -> repo.Stored:
        """Store ``draft`` as a new order by ``by``, in :func:`~console.domain.intake.clean`'s
        form, at ``by``'s platform.

        ``key``: the seat's own key for this order (a seat's outage journal gives one,
        docs/outage.md): a key already written returns the order it wrote, so a replay never
        makes a second order. ``at``: when the agent saved it (a journaled order keeps its
        time: created at, deadlines and alarms from then); by default now.

        Raises ``InvalidDraft`` (the problems, field by field) or ``Refused`` (roles that do
        not allow it: ``not_allowed``; a clock no working computer shows); either way nothing
        is stored."""
        by.require(Action.CREATE)
        actor = by.actor
        typed = clean(draft)
        codes = (typed.kind, typed.field, typed.district)
        kinds: list[Kind] = []
        fields: list[Field] = []
        districts: list[District] = []
        # Only the entries the draft names; a code no catalogue holds is never sent to SQL (it
        # is looked up as "", which names nothing: its own problem is said by validate()), and
        # the draft's other codes are still looked up (one bad code is one problem, not three).
        safe = tuple(c if len(c) <= MAX_CODE and not unstorable(c) else "" for c in codes)
        if any(safe):
            with self._db.read() as session:
                kinds, fields, districts = catalogue(session, (safe[0], safe[1], safe[2]))
        problems = validate(
            draft,
            actor.platform,
            {k.code: k for k in kinds},
            {f.code: f for f in fields},
            {d.code: d for d in districts},
        )
        if problems:
            raise InvalidDraft(problems)
        now = self._clock() if at is None else at
        check_clock(now)
        with self._db.write() as session:
            if key is not None and (done := journal_keys.written(session, key)) is not None:
                return repo.get(session, done)  # written before: the journal's replay
            number = repo.next_number(session, actor.platform, now)
            if key is not None:
                journal_keys.record(session, key, number, self._clock())
            order = new_order(
                number=number,
                actor=actor,
                at=now,
                caller=Caller(typed.caller_phone, typed.caller_name or None),
                kind=typed.kind,
                field=typed.field or None,
                district=typed.district,
                address=typed.address,
                description=typed.description,
                priority=typed.priority,
                social_stability=typed.social_stability,
                consent=typed.consent,
            )
            stored = self.writer.add(session, order, now, by)
        self._changed()
        return stored

    def act(
        self,
        number: str,
        action: Action,
        by: Seated,
        note: str = "",
        first_contact_mode: FirstContactMode | None = None,
        detail: str = "",
        *,
        seen: int,
        key: str | None = None,
        at: datetime | None = None,
    ) -> repo.Stored:
        """Take ``action`` on order ``number`` as ``by``: refused by the role matrix
        (``Refused``: ``not_allowed``) or the order's rules (``TransitionError``).

        ``detail`` names what the action refers to (a dispatch's department is checked against
        the directory: ``UnknownDepartment`` if it is not there or retired). ``seen``: the
        timeline length of the order the step was chosen on, required: an order changed since
        raises ``StaleOrder`` on both databases. Without it a step chosen on an older view
        would be applied on top of another seat's (SQLite runs the two one after the other,
        PostgreSQL's version check only catches them when their reads overlap). ``key`` and
        ``at``: as for :meth:`create` (a step held in the seat's journal)."""
        by.require(action)
        now = self._clock() if at is None else at
        check_clock(now)
        with self._db.write() as session:
            if key is not None and journal_keys.written(session, key) is not None:
                return repo.get(session, number)  # taken before: the journal's replay
            if key is not None:
                journal_keys.record(session, key, number, self._clock())
            if action is Action.DISPATCH and detail.strip():
                active_department(session, detail)
            stored = repo.get(session, number)
            check_seen(stored, seen)
            saved = self.writer.act(
                session, stored, action, by, now, note, first_contact_mode, detail
            )
        self._changed()
        return saved

    def get(self, number: str) -> repo.Stored:
        with self._db.read() as session:
            return repo.get(session, number)

    def caller_history(self, phone: str, limit: int = 50) -> list[repo.OrderSummary]:
        """The caller's orders, newest first, by the stored form of the number however it is
        spelled (``+86 24 1234 5678`` finds ``024-12345678``); none for what is not a number."""
        forms = self.caller_forms(phone)
        if not forms:
            return []
        with self._db.read() as session:
            return repo.caller_history(session, forms, limit)

    def caller_forms(self, phone: str) -> tuple[str, ...]:
        """The stored forms of ``phone``: itself, and its pseudonym on orders whose caller was
        purged (found again when the same number calls; ``console.services.privacy``)."""
        return caller_forms(self._pseudonym_key, phone)

    def _changed(self) -> None:
        if self._on_change is not None:
            self._on_change()
