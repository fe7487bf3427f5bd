"""The order detail's timeline (时间线): the newest step first, each note whole (wrapped, its lines
kept), a step's detail said in words (the department, the three-way outcome, the linked order).
Its words are the order detail's (translation context ``OrderDetail``).

The last ``held`` lines (:meth:`Timeline.show_order`) are steps the seat holds in its outage
journal, not yet in the database: their action says so in words (暂存，未写入), the colour only
repeats it.

A line naming another order (the linked 110 order, the order merged into or with) opens it:
Enter on the row (or a double-click) emits ``order_activated`` with its number."""

from __future__ import annotations

from collections.abc import Mapping

from PySide6.QtCore import QCoreApplication, QModelIndex, Qt, Signal
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QTableWidget,
    QTableWidgetItem,
    QWidget,
)

from console.domain.orders import Action, WorkOrder
from console.ui.history_model import china_time
from console.ui.names import action_names, platform_names, status_names

HELD_BACKGROUND = "#fff4d6"  # a held line (the order detail's 暂存 lines' colour)
TIMELINE_MIN_HEIGHT = 170  # the header and three or four steps, whatever the step form takes
TIME, PLATFORM, SEAT, AGENT, ACTION, STATUS, NOTE = range(7)
# Lines whose detail is another order's number (a join at intake names the call: "…/来电1 …").
LINKS = frozenset({Action.ESCALATE, Action.MERGE, Action.MERGED_IN, Action.UNMERGE,
                   Action.SPLIT_OFF})  # fmt: skip


class Timeline(QTableWidget):
    """``departments``: code → name, read when an order is shown (the caller may update it).
    Signal: ``order_activated(str)`` — Enter on a line naming another order (its number)."""

    order_activated = Signal(str)

    def __init__(self, departments: Mapping[str, str], parent: QWidget | None = None) -> None:
        super().__init__(0, 7, parent)
        self._departments = departments
        self.setObjectName("timeline")
        translate = QCoreApplication.translate
        self.setHorizontalHeaderLabels([
            translate("OrderDetail", "Time"), translate("OrderDetail", "Platform"),
            translate("OrderDetail", "Seat"), translate("OrderDetail", "Agent"),
            translate("OrderDetail", "Action"), translate("OrderDetail", "Status"),
            translate("OrderDetail", "Note"),
        ])  # fmt: skip
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.verticalHeader().setVisible(False)
        # A note is shown whole: wrapped in its column, each row as tall as it needs (a
        # timeline is tens of rows at most: sizing them to their contents is cheap).
        self.setWordWrap(True)
        self.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.setMinimumHeight(TIMELINE_MIN_HEIGHT)
        header = self.horizontalHeader()
        header.setStretchLastSection(True)
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        for column, width in ((TIME, 130), (PLATFORM, 90), (SEAT, 60), (AGENT, 90),
                              (ACTION, 80), (STATUS, 150)):  # fmt: skip
            self.setColumnWidth(column, width)
        self.activated.connect(self._follow)

    def show_order(self, order: WorkOrder, held: int = 0) -> None:
        """``held``: how many of the last lines are held on the seat, not yet written."""
        statuses, platforms, actions = status_names(), platform_names(), action_names()
        marked = QCoreApplication.translate("OrderDetail", "◷ {action} (held, not yet written)")
        self.setRowCount(len(order.timeline))
        for row, event in enumerate(reversed(order.timeline)):  # the newest step on top
            status = statuses[event.to_status]
            if event.from_status is not None and event.from_status is not event.to_status:
                status = f"{statuses[event.from_status]} → {status}"
            note = "\n".join(" ".join(line.split()) for line in event.note.splitlines())
            note = note.strip()
            if event.detail:
                note = f"[{self.detail_text(event.action, event.detail)}] {note}".strip()
            action = actions[event.action]
            if row < held:
                action = marked.format(action=action)
            cells = (china_time(event.at), platforms[event.platform], event.seat, event.actor,
                     action, status, note)  # fmt: skip
            for column, text in enumerate(cells):
                item = QTableWidgetItem(text)
                if row < held:
                    item.setBackground(QBrush(QColor(HELD_BACKGROUND)))
                if column == NOTE and note:
                    item.setToolTip(note)
                if event.action in LINKS and event.detail and "/" not in event.detail:
                    item.setData(Qt.ItemDataRole.UserRole, event.detail)
                    item.setToolTip(
                        QCoreApplication.translate("OrderDetail", "Enter: open {number}").format(
                            number=event.detail
                        )
                    )
                self.setItem(row, column, item)
        self.scrollToTop()

    def _follow(self, index: QModelIndex) -> None:
        item = self.item(index.row(), ACTION)
        number = item.data(Qt.ItemDataRole.UserRole) if item is not None else None
        if number:
            self.order_activated.emit(str(number))

    def detail_text(self, action: Action, detail: str) -> str:
        """What a timeline line refers to, in words: the department, the outcome, the link."""
        translate = QCoreApplication.translate
        if action is Action.THREE_WAY:
            outcomes = {"12345": translate("OrderDetail", "12345 takes it"),
                        "110": translate("OrderDetail", "110 takes it"),
                        "first_contact": translate("OrderDetail", "first-contact responsibility")}  # fmt: skip
            return outcomes.get(detail, detail)
        if action is Action.ESCALATE:
            return translate("OrderDetail", "linked order {number}").format(number=detail)
        return self._departments.get(detail, detail)
