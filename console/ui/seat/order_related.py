"""The order detail's links to other orders: the linked 110 order (联动), the order this one is
merged into (并单) and the duplicates merged into it (并入), then the caller's other orders.

Each number is a link: Tab enters the list at the first (Shift+Tab at the last), Enter follows
one (``linkActivated`` with the order number).
"""

from __future__ import annotations

import html
from collections.abc import Mapping, Sequence

from PySide6.QtCore import Qt
from PySide6.QtGui import QFocusEvent
from PySide6.QtWidgets import QLabel, QWidget

from console.domain.order_rules import joined, merged_into
from console.domain.orders import Action, WorkOrder
from console.services.orders import OrderSummary
from console.ui.history_model import china_time
from console.ui.names import status_names

MAX_LINKS = 20


class LinkList(QLabel):
    """Rich-text links that Tab enters at the first (Shift+Tab at the last) and Enter follows;
    a plain QLabel takes the focus first and needs a second Tab to reach a link."""

    def focusInEvent(self, event: QFocusEvent) -> None:
        super().focusInEvent(event)
        if event.reason() in (Qt.FocusReason.TabFocusReason, Qt.FocusReason.BacktabFocusReason):
            self.focusNextPrevChild(event.reason() is Qt.FocusReason.TabFocusReason)


def _link(number: str) -> str:
    return f'<a href="{html.escape(number)}">{html.escape(number)}</a>'


class RelatedLinks(LinkList):
    """The order's linked and merged orders, then its caller's other orders, as links."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("related")
        self.setTextFormat(Qt.TextFormat.RichText)
        self.setWordWrap(True)
        self.setTextInteractionFlags(
            Qt.TextInteractionFlag.LinksAccessibleByMouse
            | Qt.TextInteractionFlag.LinksAccessibleByKeyboard
        )

    def show_order(
        self, order: WorkOrder, related: Sequence[OrderSummary] | None, kinds: Mapping[str, str]
    ) -> None:
        """``related``: the caller's other orders; None when they cannot be read now (the
        database away, and none were read with the seat's copy of the order)."""
        linked = [order.escalated_from] if order.escalated_from else []
        linked += [e.detail for e in order.timeline if e.action is Action.ESCALATE]
        lines = [html.escape(self.tr("Linked order (联动):")) + " " + _link(n) for n in linked]
        into = merged_into(order)
        if into:
            lines.append(html.escape(self.tr("Merged into (并单):")) + " " + _link(into))
        # A caller who joined at intake names the call ("…/来电1 …"), not an order: no link.
        duplicates = [n for n in joined(order) if "/" not in n]
        if duplicates:
            links = ", ".join(_link(n) for n in duplicates)
            lines.append(html.escape(self.tr("Merged here (并入):")) + " " + links)
        if related is None:
            unavailable = self.tr("The caller's other orders cannot be looked up now (the "
                                  "database connection is lost).")  # fmt: skip
            lines.append(html.escape(unavailable))
            self.setText("<br>".join(lines))
            return
        if not related:
            lines.append(html.escape(self.tr("No other orders from this caller.")))
            self.setText("<br>".join(lines))
            return
        statuses = status_names()
        lines += [
            f"{_link(s.number)} {china_time(s.created_at)} · {html.escape(kinds.get(s.kind, s.kind))}"
            f" · {html.escape(statuses[s.status])}"
            for s in related[:MAX_LINKS]
        ]
        if len(related) > MAX_LINKS:
            more = self.tr("and {count} more").format(count=len(related) - MAX_LINKS)
            lines.append(html.escape(more))
        self.setText("<br>".join(lines))
