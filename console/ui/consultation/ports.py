"""What the 会商 tab asks of its services (``console.services.agenda.AgendaService`` and
``console.services.rule_edits.RuleEdits``), so the tab can be shown with stand-ins."""

from __future__ import annotations

from datetime import date
from typing import Protocol

from console.domain.agenda import RuleEffect, Topic
from console.domain.consultation import Rule
from console.domain.consultation_items import Decision, Item
from console.domain.roles import Seated
from console.services.agenda import Agenda
from console.services.rule_edits import RuleLine


class AgendaReads(Protocol):
    """What the tab asks of ``console.services.agenda.AgendaService``."""

    def agenda(self, by: Seated, first: date | None = None, last: date | None = None) -> Agenda: ...
    def make_item(self, by: Seated, topic: Topic) -> Item: ...
    def items(self, by: Seated) -> list[Item]: ...
    def decide(self, by: Seated, item_id: int, decision: Decision) -> Rule: ...


class RuleWrites(Protocol):
    """What the tab asks of ``console.services.rule_edits.RuleEdits``."""

    def lines(self, by: Seated) -> list[RuleLine]: ...
    def edit(self, by: Seated, rule_id: str, seen: int, decision: Decision) -> Rule: ...
    def retire(self, by: Seated, rule_id: str, seen: int, last_day: date) -> Rule: ...
    def effects(self, by: Seated) -> list[RuleEffect]: ...
