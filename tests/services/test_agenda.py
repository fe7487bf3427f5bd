"""The disputed-matter agenda from a planted timeline (exact counts), consultation items, and a
decision that becomes a 会商 rule in one step; audited, for shift leads and administrators only.
SQLite and PostgreSQL."""

from __future__ import annotations

import os
from dataclasses import replace
from datetime import date

import pytest

from console.domain.agenda import Dispute, MatterKey
from console.domain.audit import AuditAction
from console.domain.consultation import Matter
from console.domain.consultation_items import (
    Decision,
    DecisionRefused,
    ItemStatus,
    Problem,
    matter_of,
)
from console.domain.order_types import Platform
from console.domain.refusals import Refused
from console.services import audit
from console.services.agenda import AgendaService
from console.services.audit import AuditTrail
from console.services.suggestions import SuggestionService
from console.store import consultation as rules_store
from console.store.engine import Database
from tests.agenda_data import NOW, plant
from tests.principals import admin, at_seat, lead

LEAD = lead("赵班长", "A-09", Platform.HOTLINE)
POLICE_LEAD = lead("钱班长", "B-09", Platform.POLICE)
AGENT = at_seat("王丽", "A-01", Platform.HOTLINE)


def service(db: Database) -> AgendaService:
    return AgendaService(db, lambda: NOW, AuditTrail(os.urandom(32), lambda: NOW))


def decision(matter: Matter, **changes: object) -> Decision:
    made = Decision("2026年第4次会商", date(2026, 8, 20), ("12345", "110", "住建局"),
                    "纪要〔2026〕4号", matter, Platform.HOTLINE, "210100-CG",
                    "楼道杂物由街道和物业清理。", date(2026, 9, 1))  # fmt: skip
    return replace(made, **changes)  # type: ignore[arg-type]


def test_the_agenda_counts_the_planted_disputes_by_matter_month_and_kind(db: Database) -> None:
    plant(db)
    agenda = service(db).agenda(LEAD)
    assert (agenda.first, agenda.last) == (date(2026, 3, 1), date(2026, 8, 15))
    got = [(t.key, t.orders, t.by_dispute, t.by_month, t.examples) for t in agenda.topics]
    assert got == [
        (MatterKey("C-TS", "装修噪音", "210102"), 4,
         ((Dispute.THREE_WAY, 2), (Dispute.RETURN, 1), (Dispute.REDISPATCH, 1),
          (Dispute.FIRST_CONTACT, 1)),
         (("2026-06", 2), ("2026-07", 1), ("2026-08", 1)), ("N-5", "N-3", "N-2", "N-1")),
        (MatterKey("C-QZ", "杂物", "210103"), 3,
         ((Dispute.THREE_WAY, 1), (Dispute.REDISPATCH, 1), (Dispute.FIRST_CONTACT, 1)),
         (("2026-07", 2), ("2026-08", 1)), ("S-3", "S-2", "S-1")),
        (MatterKey("C-TS", "电钻", "210102"), 1, ((Dispute.RETURN, 1),), (("2026-06", 1),),
         ("D-1",)),
        (MatterKey("C-ZX", "", "210102"), 1, ((Dispute.RETURN, 1),), (("2026-07", 1),),
         ("Z-1",)),
    ]  # fmt: skip
    whole_year = service(db).agenda(POLICE_LEAD, date(2026, 1, 1), date(2026, 6, 30))
    noise = whole_year.topics[0]
    assert (noise.key.keyword, noise.orders, noise.by_month) == (
        "装修噪音",
        3,
        (("2026-01", 1), ("2026-06", 2)),
    )
    # 2026-07-01 00:30 China is June 30 in UTC: S-1 counts in July, outside this period.
    assert all(t.key.kind != "C-QZ" for t in whole_year.topics)


def test_only_shift_leads_and_administrators_see_the_agenda(db: Database) -> None:
    agenda = service(db)
    with pytest.raises(Refused) as refused:
        agenda.agenda(AGENT)
    assert refused.value.code == "not_allowed"
    with pytest.raises(Refused):
        agenda.items(AGENT)
    assert agenda.agenda(admin()).topics == []


def test_an_item_decided_becomes_a_rule_in_one_step_and_is_audited(db: Database) -> None:
    plant(db)
    agenda = service(db)
    topics = agenda.agenda(LEAD).topics
    noise, clutter = agenda.make_item(LEAD, topics[0]), agenda.make_item(LEAD, topics[1])
    assert (clutter.matter, clutter.orders, clutter.examples) == (
        MatterKey("C-QZ", "杂物", "210103"),
        3,
        ("S-3", "S-2", "S-1"),
    )
    assert [i.id for i in agenda.items(LEAD)] == [clutter.id, noise.id]
    with pytest.raises(DecisionRefused) as twice:  # an open item of the matter is there
        agenda.make_item(POLICE_LEAD, topics[1])
    assert twice.value.problems == (Problem.ON_AGENDA,)
    assert twice.value.params == {"item": str(clutter.id)}
    # Everything wrong at once, in the form's order; the item stays open.
    with pytest.raises(DecisionRefused) as wrong:
        agenda.decide(LEAD, clutter.id, decision(matter_of(clutter.matter), title=" ", norm="",
                      department="NOPE", valid_from=date(2026, 8, 1)))  # fmt: skip
    assert wrong.value.problems == (
        Problem.TITLE,
        Problem.NORM,
        Problem.DEPARTMENT,
        Problem.BEFORE_MEETING,
    )
    # The noise matter is R-001's: the new rule would overlap it with no priority to choose.
    with pytest.raises(DecisionRefused) as overlap:
        agenda.decide(LEAD, noise.id, decision(matter_of(noise.matter)))
    assert overlap.value.problems == (Problem.OVERLAP,) and overlap.value.params == {
        "rule": "R-001"
    }
    rule = agenda.decide(POLICE_LEAD, clutter.id, decision(matter_of(clutter.matter)))
    assert (rule.rule_id, rule.version, rule.matter.keywords, rule.department) == (
        "R-002",
        1,
        ("杂物",),
        "210100-CG",
    )
    with db.read() as session:
        stored = {(r.rule_id, r.version): r for r in rules_store.rules(session)}
    assert stored[("R-002", 1)] == rule
    by_id = {i.id: i for i in agenda.items(LEAD)}
    assert by_id[clutter.id].status is ItemStatus.DECIDED
    assert (by_id[clutter.id].rule_id, by_id[clutter.id].rule_version) == ("R-002", 1)
    assert by_id[noise.id].status is ItemStatus.OPEN
    with pytest.raises(DecisionRefused) as again:
        agenda.decide(LEAD, clutter.id, decision(matter_of(clutter.matter)))
    assert again.value.problems == (Problem.DECIDED,)
    # The intake's suggestion follows the new rule from its first day.
    later = SuggestionService(db, Platform.HOTLINE, lambda: NOW.replace(month=9, day=2))
    found = later.suggest("C-QZ", None, "210103", "楼道里又堆了杂物")
    assert found.advice is not None and found.advice.rule is not None
    assert found.advice.rule.rule_id == "R-002"
    trail = audit.show(db, action=AuditAction.POLICY_CHANGE.value)
    assert [(r.who, r.target) for r in reversed(trail)] == [
        ("赵班长", f"会商议题 #{noise.id}"), ("赵班长", f"会商议题 #{clutter.id}"),
        ("钱班长", "会商 rule R-002"),
    ]  # fmt: skip
