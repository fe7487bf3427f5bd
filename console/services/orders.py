"""Use cases on work orders: record a new one from intake, take an action on one, look up a caller.

Each method is one unit of work on the database. The service is the only place that numbers,
validates and saves orders; the UI calls it and shows what it returns or raises.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime

from console.domain.intake import Draft, Problem, normalise_phone, validate
from console.domain.orders import (
    Action,
    Actor,
    Caller,
    Deadlines,
    FirstContactMode,
    apply,
    new_order,
)
from console.store import orders as repo
from console.store.engine import Database
from console.store.seed import catalogue


class InvalidDraft(ValueError):
    """The draft has problems; nothing was saved and the draft is unchanged."""

    def __init__(self, problems: list[Problem]) -> None:
        self.problems = problems
        super().__init__("; ".join(f"{p.field}: {p.message}" for p in problems))


class OrderService:
    def __init__(
        self,
        db: Database,
        clock: Callable[[], datetime],
        deadlines: Callable[[datetime, Draft], Deadlines] | None = None,
    ) -> None:
        self._db = db
        self._clock = clock
        self._deadlines = deadlines or (lambda _at, _draft: Deadlines())

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
                deadlines=self._deadlines(now, draft),
            )
            return repo.add(session, order, now)

    def act(
        self,
        number: str,
        action: Action,
        actor: Actor,
        note: str = "",
        first_contact_mode: FirstContactMode | None = None,
        deadlines: Deadlines | None = None,
    ) -> repo.Stored:
        """Take ``action`` on order ``number``; refused actions raise ``TransitionError``."""
        now = self._clock()
        with self._db.write() as session:
            stored = repo.get(session, number)
            changed = apply(stored.order, action, actor, now, note, first_contact_mode, deadlines)
            return repo.save(session, stored, changed, now)

    def get(self, number: str) -> repo.Stored:
        with self._db.read() as session:
            return repo.get(session, number)

    def caller_history(self, phone: str, limit: int = 50) -> list[repo.OrderSummary]:
        normalised = normalise_phone(phone) or phone
        with self._db.read() as session:
            return repo.caller_history(session, normalised, limit)
