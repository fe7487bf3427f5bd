"""The 会商 tab's words: disputes, an item's and a rule version's state (a symbol and a word,
never a colour alone), a matter, and a refusal in the user's language."""

from __future__ import annotations

from collections.abc import Mapping

from PySide6.QtCore import QCoreApplication

from console.domain.agenda import DISPUTES, Dispute, MatterKey, RuleEffect
from console.domain.consultation_items import (
    ITEM_STATUS_NAMES,
    RULE_STATE_NAMES,
    DecisionRefused,
    Item,
    ItemStatus,
    RuleState,
)
from console.ui.names import say
from console.ui.refusals import refusal_text

STATE_MARKS = {RuleState.IN_EFFECT: "●", RuleState.FUTURE: "◷", RuleState.EXPIRED: "✕",
               RuleState.SUPERSEDED: "↺"}  # fmt: skip


def dispute_name(dispute: Dispute) -> str:
    return say(DISPUTES[dispute].name)


def item_state(item: Item) -> str:
    word = say(ITEM_STATUS_NAMES[item.status])
    if item.status is ItemStatus.DECIDED:
        return f"✔ {word}: {item.rule_id} v{item.rule_version}"
    return f"○ {word}"


def rule_state(state: RuleState) -> str:
    return f"{STATE_MARKS[state]} {say(RULE_STATE_NAMES[state])}"


def matter_text(key: MatterKey, kinds: Mapping[str, str], districts: Mapping[str, str]) -> str:
    keyword = key.keyword or QCoreApplication.translate("Agenda", "(no keyword)")
    return " · ".join((kinds.get(key.kind, key.kind), keyword,
                       districts.get(key.district, key.district)))  # fmt: skip


def effect_change(e: RuleEffect) -> str:
    """Which way the matter's disputes per month went after the rule: a symbol and a word."""
    if not e.after:
        return "◷ " + QCoreApplication.translate("RuleEffect", "not yet applied")
    if e.after_mean < e.before_mean:
        return "▼ " + QCoreApplication.translate("RuleEffect", "fewer")
    if e.after_mean > e.before_mean:
        return "▲ " + QCoreApplication.translate("RuleEffect", "more")
    return "= " + QCoreApplication.translate("RuleEffect", "the same")


def problem_text(error: BaseException) -> str:
    """Every problem of a refused decision, else the refusal or fault as the console says it."""
    if isinstance(error, DecisionRefused):
        return " ".join(say(p.value, **error.params) for p in error.problems)
    return refusal_text(error)
