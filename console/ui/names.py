"""Translated names of order statuses, actions and platforms, shared by every view that shows orders.

The strings keep the ``HistoryModel`` translation context they were first written in.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from console.domain.orders import Action, Platform, Status


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


def action_names() -> dict[Action, str]:
    """Timeline and button names of the actions (translation context ``OrderDetail``)."""
    translate = QCoreApplication.translate
    return {
        Action.CREATE: translate("OrderDetail", "Received"),
        Action.TRANSFER: translate("OrderDetail", "Transfer"),
        Action.SIGN_FOR: translate("OrderDetail", "Sign for"),
        Action.START_HANDLING: translate("OrderDetail", "Handle"),
        Action.FEED_BACK: translate("OrderDetail", "Feed back"),
        Action.COMPLETE: translate("OrderDetail", "Complete"),
        Action.RETURN: translate("OrderDetail", "Return"),
        Action.FIRST_CONTACT: translate("OrderDetail", "First contact"),
        Action.CANCEL: translate("OrderDetail", "Cancel"),
        Action.DISPATCH: translate("OrderDetail", "Dispatch"),
        Action.DEPT_SIGN_FOR: translate("OrderDetail", "Department signs for"),
        Action.PROGRESS: translate("OrderDetail", "Progress"),
        Action.ESCALATE: translate("OrderDetail", "Escalate to 110"),
        Action.THREE_WAY: translate("OrderDetail", "Three-way outcome"),
    }
