"""Translated names of order statuses, actions, deadlines and platforms, shared by every view.

The strings keep the ``HistoryModel`` translation context they were first written in.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from console.domain.actions import ACTIONS
from console.domain.deadline_kinds import DEADLINE_KINDS
from console.domain.orders import Action, DeadlineKind, Platform, Status
from console.domain.text import Text


def status_names() -> dict[Status, str]:
    """Status names: the caller history's words and translations."""
    translate = QCoreApplication.translate
    return {
        Status.RECEIVED: translate("HistoryModel", "Received"),
        Status.TRANSFERRED: translate("HistoryModel", "Transferred"),
        Status.DISPATCHED: translate("HistoryModel", "Dispatched"),
        Status.SIGNED_FOR: translate("HistoryModel", "Signed for"),
        Status.HANDLING: translate("HistoryModel", "Handling"),
        Status.FED_BACK: translate("HistoryModel", "Fed back"),
        Status.COMPLETED: translate("HistoryModel", "Completed"),
        Status.RETURNED: translate("HistoryModel", "Returned"),
        Status.FIRST_CONTACT: translate("HistoryModel", "First contact"),
        Status.CANCELLED: translate("HistoryModel", "Cancelled"),
    }


def platform_names() -> dict[Platform, str]:
    return {
        Platform.HOTLINE: QCoreApplication.translate("HistoryModel", "12345 hotline"),
        Platform.POLICE: QCoreApplication.translate("HistoryModel", "110 police"),
    }


def say(text: Text, **params: object) -> str:
    """A domain-declared :class:`Text` in the agent's language, ``{placeholders}`` filled."""
    translated = QCoreApplication.translate(text.context, text.source)
    return translated.format_map(_Keep(params)) if params else translated


class _Keep(dict[str, object]):
    """A placeholder with no value stays as written instead of failing."""

    def __missing__(self, key: str) -> str:
        return "{" + key + "}"


def action_names() -> dict[Action, str]:
    """Timeline and button names of the actions, as declared (``console.domain.actions``)."""
    return {action: say(spec.name) for action, spec in ACTIONS.items()}


def deadline_names() -> dict[DeadlineKind, str]:
    """The alarm panel's names of the deadline kinds (``console.domain.deadline_kinds``)."""
    return {kind: say(spec.name) for kind, spec in DEADLINE_KINDS.items()}
