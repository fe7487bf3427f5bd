"""The order detail's lines about the exchange with the peer platform's system: the order's steps
not yet acknowledged there and for how long (ticking with the app's clock), and the last step it
refused, in the refusal style (:mod:`console.ui.exchange_words` says them). Nothing shows while
every message was acknowledged, or at a site without an exchange.
"""

from __future__ import annotations

from datetime import UTC, datetime

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from console.services.exchange_reads import OrderLinkView
from console.ui.exchange_words import (
    STYLES,
    refused_text,
    refused_tip,
    unacked_text,
    unacked_tip,
)


class OrderLinkLines(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("exchangeLines")
        self.view: OrderLinkView | None = None
        self._now: datetime | None = None  # None: the wall clock
        self.unacked = self._line("exchangeUnacked", STYLES["unacked"])
        self.refused = self._line("exchangeRefused", STYLES["refused"])
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        layout.addWidget(self.unacked)
        layout.addWidget(self.refused)
        self.hide()

    def _line(self, name: str, style: str) -> QLabel:
        line = QLabel()
        line.setObjectName(name)
        line.setTextFormat(Qt.TextFormat.PlainText)
        line.setWordWrap(True)
        line.setStyleSheet(style)
        line.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        line.hide()
        return line

    def show_link(self, view: OrderLinkView | None) -> None:
        """Show ``view`` (None: nothing, as for an order with no exchange)."""
        self.view = view
        self.refused.setText(refused_text(view) if view else "")
        self.refused.setToolTip(refused_tip(view) if view else "")
        self.unacked.setToolTip(unacked_tip(view) if view else "")
        self._show()

    def set_now(self, now: datetime) -> None:
        """The instant the wait is counted to (the app's clock tick)."""
        self._now = now
        if self.view is not None and self.view.unacked:
            self._show()

    def _show(self) -> None:
        view = self.view
        now = self._now or datetime.now(UTC)
        self.unacked.setText(unacked_text(view, now) if view else "")
        for line in (self.unacked, self.refused):
            line.setVisible(bool(line.text()))
        self.setVisible(bool(view is not None and view.shows))
