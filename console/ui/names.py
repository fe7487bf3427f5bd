"""Translated names of order statuses and platforms, shared by every view that shows orders.

The strings keep the ``HistoryModel`` translation context they were first written in.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from console.domain.orders import Platform, Status


def status_names() -> dict[Status, str]:
    """Status names: the caller history's words and translations."""
    translate = QCoreApplication.translate
    return {
        Status.RECEIVED: translate("HistoryModel", "Received"),
        Status.TRANSFERRED: translate("HistoryModel", "Transferred"),
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
