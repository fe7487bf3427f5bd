"""Rules edited and retired in the console: each change a new version (the old one kept), the
states marked, a stale edit refused, every change audited; and each rule's matter before and
after it from the planted timeline. SQLite and PostgreSQL."""

from __future__ import annotations

import os
from dataclasses import replace
from datetime import date

import pytest

from console.domain.audit import AuditAction
from console.domain.consultation_items import (
    DecisionRefused,
    Problem,
    RuleState,
    decision_of,
)
from console.domain.order_types import Platform
from console.domain.refusals import Refused
from console.services import audit
from console.services.audit import AuditTrail
from console.services.rule_edits import RuleEdits, rule_effects
from console.store import consultation as rules_store
from console.store.engine import Database
from tests.agenda_data import NOW, plant
from tests.principals import admin, at_seat, lead

LEAD = lead("赵班长", "A-09", Platform.HOTLINE)


def edits(db: Database) -> RuleEdits:
    return RuleEdits(db, lambda: NOW, AuditTrail(os.urandom(32), lambda: NOW))


def test_an_edit_is_a_new_version_and_a_retirement_too(db: Database) -> None:
    plant(db)
    rules = edits(db)
    [line] = rules.lines(LEAD)
    assert (line.rule.rule_id, line.rule.version, line.state, line.newest) == (
        "R-001",
        1,
        RuleState.IN_EFFECT,
        True,
    )
    changed = replace(decision_of(line.rule), norm="装修噪声由城管处理，夜间转110。",
                      title="2026年第4次会商", held_on=date(2026, 8, 1),
                      valid_from=date(2026, 8, 10))  # fmt: skip
    v2 = rules.edit(LEAD, "R-001", 1, changed)
    assert (v2.version, v2.norm, v2.consultation.title) == (
        2,
        "装修噪声由城管处理，夜间转110。",
        "2026年第4次会商",
    )
    states = [(x.rule.version, x.state, x.newest) for x in rules.lines(admin())]
    assert states == [(2, RuleState.IN_EFFECT, True), (1, RuleState.SUPERSEDED, False)]
    with pytest.raises(DecisionRefused) as stale:  # edited from what version 1 said
        rules.edit(LEAD, "R-001", 1, changed)
    assert stale.value.problems == (Problem.STALE,)
    with pytest.raises(DecisionRefused) as wrong:
        rules.edit(LEAD, "R-001", 2, replace(changed, participants=(" ",), norm=" "))
    assert wrong.value.problems == (Problem.PARTICIPANTS, Problem.NORM)
    with pytest.raises(DecisionRefused) as early:
        rules.retire(LEAD, "R-001", 2, date(2026, 8, 1))
    assert early.value.problems == (Problem.LAST_DAY,)
    v3 = rules.retire(LEAD, "R-001", 2, date(2026, 8, 14))
    assert (v3.version, v3.valid_to, v3.norm) == (3, date(2026, 8, 14), v2.norm)
    assert [(x.rule.version, x.state) for x in rules.lines(LEAD)] == [
        (3, RuleState.EXPIRED), (2, RuleState.SUPERSEDED), (1, RuleState.SUPERSEDED)
    ]  # fmt: skip
    with pytest.raises(DecisionRefused) as twice:
        rules.retire(LEAD, "R-001", 3, date(2026, 8, 20))
    assert twice.value.problems == (Problem.RETIRED,)
    with pytest.raises(DecisionRefused) as missing:
        rules.retire(LEAD, "R-404", 1, date(2026, 8, 20))
    assert missing.value.problems == (Problem.NO_RULE,)
    trail = audit.show(db, action=AuditAction.POLICY_CHANGE.value)
    assert [(r.target, r.detail) for r in reversed(trail)] == [
        ("会商 rule R-001", "edited at 2026年第4次会商: version 2 (was 1)"),
        ("会商 rule R-001", "retired after 2026-08-14: version 3 (was 2)"),
    ]
    with pytest.raises(Refused):
        rules.lines(at_seat("王丽", "A-01", Platform.HOTLINE))


def test_each_rules_matter_before_and_after_it(db: Database) -> None:
    plant(db)
    [r001] = rule_effects(db, date(2026, 8, 15))
    assert r001.since == date(2026, 7, 1)
    # N-0 in January, N-1, N-2 and D-1 (电钻) in June; N-3 in July, N-5 in August. N-4's
    # feedback sent back is no dispute; S-1..3 and Z-1 are other matters.
    assert r001.before == (
        ("2026-01", 1), ("2026-02", 0), ("2026-03", 0), ("2026-04", 0), ("2026-05", 0),
        ("2026-06", 3),
    )  # fmt: skip
    assert r001.after == (("2026-07", 1), ("2026-08", 1))
    assert (r001.before_mean, r001.after_mean) == (pytest.approx(4 / 6), 1.0)
    assert rule_effects(db, date(2026, 8, 15), window=1)[0].before == (("2026-06", 3),)


def test_an_edit_racing_another_seats_is_refused_not_lost(
    db: Database, monkeypatch: pytest.MonkeyPatch
) -> None:
    if db.engine.dialect.name == "sqlite":
        pytest.skip("SQLite writes one transaction at a time: nothing to race")
    plant(db)
    trail = AuditTrail(os.urandom(32), lambda: NOW)
    other = Database.open(db.engine.url.render_as_string(hide_password=False))
    mine, theirs = RuleEdits(db, lambda: NOW, trail), RuleEdits(other, lambda: NOW, trail)
    [line] = mine.lines(LEAD)
    real, raced = rules_store.rules, []

    def racing(session: object) -> list[object]:
        found = real(session)  # type: ignore[arg-type]
        if not raced:  # the other seat stores version 2 after this one read version 1
            raced.append(True)
            theirs.edit(LEAD, "R-001", 1, replace(decision_of(line.rule), norm="他们的修改"))
        return found  # type: ignore[return-value]

    monkeypatch.setattr(rules_store, "rules", racing)
    try:
        with pytest.raises(DecisionRefused) as stale:
            mine.edit(LEAD, "R-001", 1, replace(decision_of(line.rule), norm="我的修改"))
    finally:
        other.dispose()
    assert stale.value.problems == (Problem.STALE,)
    monkeypatch.undo()
    newest = mine.lines(LEAD)[0].rule
    assert (newest.version, newest.norm) == (2, "他们的修改")
