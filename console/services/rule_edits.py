"""Editing the 会商 rules in the console, and each rule's matter before and after it.

A stored rule version is never rewritten (console/store/consultation_tables.py): an edit is the
next version of the rule (:meth:`RuleEdits.edit`), a retirement too — the newest version again
with its last day set (:meth:`RuleEdits.retire`). Each asks for the version the user saw, so an
edit made meanwhile by another seat is not overwritten (``Problem.STALE``). Every change is one
audit-trail row (``policy_change``) in its own transaction; the shift lead at their platform
and the administrator may (capability ``consultation``).

:func:`rule_effects` is the ``rules report``: for each rule id, its newest version's matter,
disputed orders per month before and after the rule first applied (console.domain.agenda.effect).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, replace
from datetime import date, datetime, timedelta

from sqlmodel import Session

from console.domain.agenda import RuleEffect, add_months, effect
from console.domain.audit import AuditAction, AuditEntry
from console.domain.calendar import china_date
from console.domain.consultation import Rule
from console.domain.consultation_items import (
    Decision,
    DecisionRefused,
    Problem,
    RuleState,
    check_decision,
    rule_of,
    rule_states,
)
from console.domain.roles import Seated
from console.services.agenda import china_start, require_consultation, store_rule
from console.services.audit import AuditTrail
from console.store import agenda as agenda_store
from console.store import consultation as rules_store
from console.store.engine import Database

REPORT_MONTHS = 6  # months before and after a rule the report shows


@dataclass(frozen=True, slots=True)
class RuleLine:
    """One stored version and where it stands today; ``newest``: the version edits start from."""

    rule: Rule
    state: RuleState
    newest: bool


class RuleEdits:
    def __init__(
        self, db: Database, clock: Callable[[], datetime], audit: AuditTrail | None = None
    ) -> None:
        self._db, self._clock, self._audit = db, clock, audit

    def lines(self, by: Seated) -> list[RuleLine]:
        """Every stored version, by rule id, newest version first."""
        require_consultation(by)
        with self._db.read() as session:
            versions = rules_store.rules(session)
        states = rule_states(versions, china_date(self._clock()))
        newest = {r.rule_id: r.version for r in versions}
        for r in versions:
            newest[r.rule_id] = max(newest[r.rule_id], r.version)
        ordered = sorted(versions, key=lambda r: (r.rule_id, -r.version))
        return [RuleLine(r, states[(r.rule_id, r.version)], newest[r.rule_id] == r.version)
                for r in ordered]  # fmt: skip

    def _change(self, by: Seated, rule_id: str, seen: int, make: Callable[[Session, Rule], Rule],
                what: str) -> Rule:  # fmt: skip
        require_consultation(by)
        now = self._clock()
        with self._db.write() as session:
            mine = [r for r in rules_store.rules(session) if r.rule_id == rule_id]
            if not mine:
                raise DecisionRefused([Problem.NO_RULE])
            last = max(mine, key=lambda r: r.version)
            if last.version != seen:
                raise DecisionRefused([Problem.STALE])
            rule = make(session, last)
            store_rule(session, rule, by.login, now)
            if self._audit is not None:
                self._audit.record(session, AuditEntry(
                    by.login, by.seat, AuditAction.POLICY_CHANGE, f"会商 rule {rule_id}",
                    detail=f"{what}: version {rule.version} (was {last.version})",
                ))  # fmt: skip
        return rule

    def edit(self, by: Seated, rule_id: str, seen: int, decision: Decision) -> Rule:
        """The next version of ``rule_id`` says ``decision`` (``seen``: the newest version the
        user edited). Raises :class:`DecisionRefused` with every problem; nothing is stored."""

        def make(session: Session, last: Rule) -> Rule:
            problems = check_decision(decision, agenda_store.catalogue(session))
            if problems:
                raise DecisionRefused(problems)
            return rule_of(decision, rule_id, last.version + 1)

        return self._change(by, rule_id, seen, make, f"edited at {decision.title.strip()}")

    def retire(self, by: Seated, rule_id: str, seen: int, last_day: date) -> Rule:
        """The rule ends after ``last_day`` (China): its next version, the same with that last
        day. Raises :class:`DecisionRefused`."""

        def make(_session: Session, last: Rule) -> Rule:
            if last.valid_to is not None and last.valid_to <= last_day:
                raise DecisionRefused([Problem.RETIRED])
            if last_day < last.valid_from:
                raise DecisionRefused([Problem.LAST_DAY])
            return replace(last, version=last.version + 1, valid_to=last_day)

        return self._change(by, rule_id, seen, make, f"retired after {last_day}")

    def effects(self, by: Seated, window: int = REPORT_MONTHS) -> list[RuleEffect]:
        """The ``rules report`` as the 会商 tab shows it: :func:`rule_effects` to today."""
        require_consultation(by)
        return rule_effects(self._db, china_date(self._clock()), window)


def rule_effects(db: Database, today: date, window: int = REPORT_MONTHS) -> list[RuleEffect]:
    """Per rule id (its newest version's matter), disputed orders per month in the ``window``
    months before the rule first applied (its earliest version's ``valid_from``) and from then
    on, up to ``window`` months or ``today``."""
    with db.read() as session:
        versions = rules_store.rules(session)
        if not versions:
            return []
        newest: dict[str, Rule] = {}
        since: dict[str, date] = {}
        for r in versions:
            if r.rule_id not in newest or r.version > newest[r.rule_id].version:
                newest[r.rule_id] = r
            since[r.rule_id] = min(since.get(r.rule_id, r.valid_from), r.valid_from)
        first = add_months(min(since.values()), -window)
        found = agenda_store.disputes(session, china_start(first),
                                      china_start(today + timedelta(days=1)))  # fmt: skip
    return [effect(newest[i], since[i], found, today, window) for i in sorted(newest)]
