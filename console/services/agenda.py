"""The disputed-matter agenda (会商议题) and the consultation items made of it.

:meth:`AgendaService.agenda` reads a period's dispute lines (console.store.agenda) and groups
them by matter (console.domain.agenda.gather, keywords from the 会商 rules and transfer lists);
:meth:`make_item` puts an agenda line on the next consultation's agenda; :meth:`decide` records
what the consultation decided and makes it a 会商 rule in the same transaction (a new rule,
version 1, through console.store.consultation.import_book: checked against the stored rules for
overlaps). Each change is one audit-trail row (``policy_change``) in its own transaction. Who
may: the shift lead at their platform, the administrator for the site (capability
``consultation``). Blocking database work: the UI calls it off its thread.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta

from sqlalchemy.exc import IntegrityError
from sqlmodel import Session

from console.domain.agenda import Topic, add_months, gather, vocabulary
from console.domain.audit import AuditAction, AuditEntry
from console.domain.calendar import CHINA_TZ, china_date
from console.domain.consultation import Rule, RuleConflict
from console.domain.consultation_file import RuleBook
from console.domain.consultation_items import (
    Decision,
    DecisionRefused,
    Item,
    ItemStatus,
    Problem,
    check_decision,
    next_rule_id,
    rule_of,
)
from console.domain.refusals import Refused
from console.domain.roles import Capability, Seated, allowed_anywhere
from console.services.audit import AuditTrail
from console.services.suggestions import grams
from console.store import agenda as store
from console.store import consultation as rules_store
from console.store.engine import Database

AGENDA_MONTHS = 6  # the agenda's default period: this month and the five before
ORIGIN = "console"  # a rule version made in the console (not imported from a file)


def require_consultation(by: Seated) -> None:
    """Refuse (``not_allowed``) anyone but a shift lead at their platform or an administrator."""
    p = by.principal
    if not allowed_anywhere(p, Capability.CONSULTATION):
        raise Refused("not_allowed", f"{p.login!r} may not {Capability.CONSULTATION.value}")


def china_start(day: date) -> datetime:
    """The instant a China day begins."""
    return datetime.combine(day, time(), tzinfo=CHINA_TZ)


@dataclass(frozen=True, slots=True)
class Agenda:
    first: date  # China days, both included
    last: date
    topics: list[Topic]


def store_rule(session: Session, rule: Rule, who: str, now: datetime) -> None:
    """One new rule version through the rules' store; an overlap without priorities is a
    :class:`DecisionRefused` (the transaction rolls back), and so is the same id and version
    stored by another seat meanwhile (``STALE``: read again)."""
    try:
        rules_store.import_book(session, RuleBook(rules=(rule,)), who, ORIGIN, now)
        session.flush()  # another seat's version (or new id) stored meanwhile fails here
    except IntegrityError:
        raise DecisionRefused([Problem.STALE]) from None
    except RuleConflict as c:
        other = c.second if c.first.rule_id == rule.rule_id else c.first
        raise DecisionRefused([Problem.OVERLAP], rule=other.rule_id) from None
    except rules_store.VersionClash:
        raise DecisionRefused([Problem.STALE]) from None


class AgendaService:
    """``audit``: the trail each item and decision is recorded in."""

    def __init__(
        self, db: Database, clock: Callable[[], datetime], audit: AuditTrail | None = None
    ) -> None:
        self._db, self._clock, self._audit = db, clock, audit

    def _record(self, session: Session, by: Seated, target: str, detail: str) -> None:
        if self._audit is not None:
            entry = AuditEntry(by.login, by.seat, AuditAction.POLICY_CHANGE, target, detail=detail)
            self._audit.record(session, entry)

    def default_period(self) -> tuple[date, date]:
        today = china_date(self._clock())
        return add_months(today, 1 - AGENDA_MONTHS), today

    def agenda(self, by: Seated, first: date | None = None, last: date | None = None) -> Agenda:
        """The matters disputed from China day ``first`` to ``last`` (default: the last six
        months), most disputed first."""
        require_consultation(by)
        start, end = self.default_period()
        first, last = first or start, last or end
        with self._db.read() as session:
            found = store.disputes(session, china_start(first),
                                   china_start(last + timedelta(days=1)))  # fmt: skip
            words = vocabulary([r.matter.keywords for r in rules_store.rules(session)]
                               + [i.keywords for i in rules_store.items(session)])  # fmt: skip
        return Agenda(first, last, gather(found, words, grams))

    def make_item(self, by: Seated, topic: Topic) -> Item:
        """Put an agenda line on the consultation's agenda, as it stands now; a matter with an
        open item already is refused (``ON_AGENDA``)."""
        require_consultation(by)
        k = topic.key
        with self._db.write() as session:
            for had in store.items(session):
                if had.status is ItemStatus.OPEN and had.matter == k:
                    raise DecisionRefused([Problem.ON_AGENDA], item=str(had.id))
            item = store.add_item(session, topic, by.login, self._clock())
            self._record(session, by, f"会商议题 #{item.id}",
                         f"put on the agenda: {k.kind} {k.keyword or '-'} {k.district}, "
                         f"{topic.orders} disputed orders")  # fmt: skip
        return item

    def items(self, by: Seated) -> list[Item]:
        require_consultation(by)
        with self._db.read() as session:
            return store.items(session)

    def decide(self, by: Seated, item_id: int, decision: Decision) -> Rule:
        """The consultation's decision on item ``item_id``, made a new 会商 rule in one
        transaction with the item's "decided" mark and its audit row. Raises
        :class:`DecisionRefused` with every problem (nothing is stored)."""
        require_consultation(by)
        now = self._clock()
        with self._db.write() as session:
            item = store.item_for_update(session, item_id)
            if item.status is not ItemStatus.OPEN:
                raise DecisionRefused([Problem.DECIDED])
            problems = check_decision(decision, store.catalogue(session))
            if problems:
                raise DecisionRefused(problems)
            stored = rules_store.rules(session)
            rule = rule_of(decision, next_rule_id({r.rule_id for r in stored}), 1)
            store_rule(session, rule, by.login, now)
            store.mark_decided(session, item_id, rule.rule_id, rule.version, by.login, now)
            self._record(session, by, f"会商 rule {rule.rule_id}",
                         f"decided item #{item_id} at {rule.consultation.title}: version 1, "
                         f"{rule.platform.value} {rule.department or ''}".rstrip())  # fmt: skip
        return rule
