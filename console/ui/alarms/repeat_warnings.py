"""Repeated requests (重复诉求预警) on the shift lead's alarm panel: one line per order whose
matter reached three or more callers within the site's window (``DuplicateService.repeated``:
raised once per order, when a merge or a join at intake brought the third caller), until the
lead acknowledges it — 重复诉求预警：12345-20261205-0012 · 3 位来电人 · 噪音扰民 · 和平区 …

Never told by colour alone: an open line starts with the filled mark (●) and is bold. Enter on
a line (or the button) acknowledges it; the line then goes. Service calls are operations.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import datetime
from typing import Protocol

from PySide6.QtCore import QCoreApplication, Qt, Slot
from PySide6.QtGui import QBrush, QColor, QFont
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from console.domain.calendar import CHINA_TZ
from console.services.duplicates import RepeatWarning
from console.ui.alarms.model import LEVEL_COLOURS, LEVEL_MARKS, WORST
from console.ui.operations import Operations
from console.ui.refusals import refusal_text

VISIBLE_ROWS = 3
ERROR_COLOUR = "#b3261e"


class RepeatSource(Protocol):
    """What the strip asks of ``console.services.duplicates.DuplicateService``."""

    def repeated(self, include_acknowledged: bool = False) -> list[RepeatWarning]: ...

    def acknowledge(self, warning_id: int) -> bool: ...


def repeat_text(warning: RepeatWarning, kind_names: Mapping[str, str]) -> str:
    """重复诉求预警：<order> · 3 位来电人 · <kind> · <address> · 预警 12-05 10:32."""
    return QCoreApplication.translate(
        "RepeatWarnings",
        "Repeated request: {number} · {callers} callers · {kind} · {address} · raised {time}",
    ).format(number=warning.number, callers=warning.callers,
             kind=kind_names.get(warning.kind, warning.kind), address=warning.address or "—",
             time=_time(warning.raised_at))  # fmt: skip


def _time(instant: datetime) -> str:
    return instant.astimezone(CHINA_TZ).strftime("%m-%d %H:%M")


class RepeatWarningStrip(QWidget):
    """Hidden while no warning is open. :meth:`refresh` re-reads them."""

    def __init__(
        self,
        service: RepeatSource,
        *,
        ops: Operations,
        kind_names: Mapping[str, str],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("repeatWarnings")
        self._service, self._ops, self._kind_names = service, ops, kind_names
        self.warnings: list[RepeatWarning] = []
        self._writing = False
        self.list = QListWidget()
        self.list.setObjectName("repeatWarningList")
        self.list.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.ack_button = QPushButton(self.tr("Acknowledge repeated request (Enter on the line)"))
        self.message = QLabel()
        self.message.setObjectName("repeatWarningMessage")
        self.message.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        row = QHBoxLayout()
        row.addWidget(self.message, 1)
        row.addWidget(self.ack_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        layout.addWidget(self.list)
        layout.addLayout(row)
        self.ack_button.clicked.connect(self.acknowledge)
        self.list.itemActivated.connect(lambda _item: self.acknowledge())
        self.hide()

    @Slot()
    def refresh(self) -> None:
        # A failed read is said by the panel, whose read of the same database fails too.
        self._ops.read(self, "repeat-warnings", self._service.repeated, success=self._loaded,
                       failure=lambda _e: None)  # fmt: skip

    def selected(self) -> RepeatWarning | None:
        row = self.list.currentRow()
        return self.warnings[row] if 0 <= row < len(self.warnings) else None

    @Slot()
    def acknowledge(self) -> None:
        warning = self.selected()
        if warning is None or self._writing:
            return
        self._writing = True
        self._ops.write(
            self, lambda: (warning, self._service.acknowledge(warning.id)),
            success=self._written, failure=self._not_written,
        )  # fmt: skip

    def _written(self, answer: tuple[RepeatWarning, bool]) -> None:
        self._writing = False
        warning, _done = answer  # False: another console acknowledged it first; gone all the same
        self._say(self.tr("Acknowledged: repeated request {number}.").format(number=warning.number))
        self.refresh()

    def _not_written(self, error: Exception) -> None:
        self._writing = False
        self._say(refusal_text(error), error=True)

    def _loaded(self, warnings: list[RepeatWarning]) -> None:
        chosen = self.selected()
        self.warnings = warnings
        self.setVisible(bool(warnings) or bool(self.message.text()))
        self.list.setVisible(bool(warnings))
        self.ack_button.setVisible(bool(warnings))
        self.list.clear()
        for warning in warnings:
            self.list.addItem(self._item(warning))
        ids = [w.id for w in warnings]
        if chosen is not None and chosen.id in ids:
            self.list.setCurrentRow(ids.index(chosen.id))
        elif warnings:
            self.list.setCurrentRow(0)
        height = self.list.sizeHintForRow(0) if warnings else 0
        self.list.setFixedHeight(
            min(len(warnings), VISIBLE_ROWS) * height + 2 * self.list.frameWidth()
        )

    def _item(self, warning: RepeatWarning) -> QListWidgetItem:
        item = QListWidgetItem(LEVEL_MARKS[WORST] + " " + repeat_text(warning, self._kind_names))
        item.setData(Qt.ItemDataRole.UserRole, warning.id)
        item.setToolTip(item.text())
        back, fore = LEVEL_COLOURS[WORST]
        item.setBackground(QBrush(QColor(back)))
        item.setForeground(QBrush(QColor(fore)))
        font = QFont(item.font())
        font.setBold(True)
        item.setFont(font)
        return item

    def _say(self, text: str, *, error: bool = False) -> None:
        self.message.setText(text)
        self.message.setToolTip(text)
        self.message.setStyleSheet(f"color: {ERROR_COLOUR};" if error else "")
