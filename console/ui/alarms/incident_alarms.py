"""Partners overdue (联动单位超时未确认) on the shift lead's alarm panel, beside the deadline alarms
and the exchange's link alarm: one line per open incident alarm (``open_alarms`` of the incident
service) — 联动单位超时未确认：<partner> · <incident> Ⅱ级 · 第 2 次通知 · 告警 12-05 10:32, 【演练】
before a drill's — with a note and an Acknowledge button for the selected line (Enter in the
note acknowledges too). Acknowledged, the line is greyed and says who acknowledged it.

Never told by colour alone: an open line starts with the filled mark (●) and is bold, like an
overdue deadline; the level of the incident is in words. Only a principal who may run incidents
(the shift lead) has the button enabled; the service refuses everyone else all the same, and
the refusal is said on the strip. Service calls are operations (:mod:`console.ui.operations`).
"""

from __future__ import annotations

from datetime import datetime
from functools import partial
from typing import Protocol

from PySide6.QtCore import QCoreApplication, Qt, Slot
from PySide6.QtGui import QBrush, QColor, QFont
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from console.domain.calendar import CHINA_TZ
from console.domain.roles import Capability, Seated
from console.services.incident_views import IncidentAlarm
from console.ui.alarms.model import ACKNOWLEDGED_COLOURS, LEVEL_COLOURS, LEVEL_MARKS, WORST
from console.ui.operations import Operations
from console.ui.refusals import refusal_text

MAX_NOTE = 500  # the incident service's limit for a note
VISIBLE_ROWS = 4  # more lines scroll: the deadline alarms keep their room
ERROR_COLOUR = "#b3261e"


class IncidentAlarmSource(Protocol):
    """What the strip asks of the incident service (``console.services.incidents``)."""

    def open_alarms(self) -> list[IncidentAlarm]: ...

    def acknowledge_alarm(self, by: Seated, alarm_id: int, note: str) -> None: ...


def _time(instant: datetime) -> str:
    return instant.astimezone(CHINA_TZ).strftime("%m-%d %H:%M")


def incident_alarm_text(alarm: IncidentAlarm) -> str:
    """联动单位超时未确认：119 指挥中心 · 12345-YJ-20261205-001 Ⅱ级 · 第 2 次通知 · 告警 12-05 10:32."""
    translate = QCoreApplication.translate
    level = translate("IncidentAlarms", "Level {numeral}").format(numeral=alarm.level.numeral)
    text = translate(
        "IncidentAlarms",
        "Partner overdue: {partner} · {number} {level} · notice {attempt} · raised {time}",
    ).format(partner=alarm.partner_name, number=alarm.incident_number, level=level,
             attempt=alarm.attempt, time=_time(alarm.raised_at))  # fmt: skip
    if alarm.drill:
        text = translate("IncidentAlarms", "[Drill] {text}").format(text=text)
    if alarm.acknowledged_by is not None:
        text = translate("IncidentAlarms", "{text} (acknowledged by {by}: {note})").format(
            text=text, by=alarm.acknowledged_by, note=" ".join((alarm.ack_note or "").split())
        )
    return text


class IncidentAlarmStrip(QWidget):
    """Hidden while no incident alarm is open. :meth:`refresh` re-reads them (the panel calls
    it on its own refresh; the lead connects the alarm scheduler's raised signal to it)."""

    def __init__(
        self,
        service: IncidentAlarmSource,
        *,
        by: Seated,
        ops: Operations,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("incidentAlarms")
        self._service, self._by, self._ops = service, by, ops
        self.alarms: list[IncidentAlarm] = []
        self._writing: IncidentAlarm | None = None
        self.list = QListWidget()
        self.list.setObjectName("incidentAlarmList")
        self.list.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.note = QLineEdit(
            maxLength=MAX_NOTE, placeholderText=self.tr("Acknowledgement note (partner alarm)")
        )
        self.ack_button = QPushButton(self.tr("Acknowledge partner alarm"))
        self.message = QLabel()
        self.message.setObjectName("incidentAlarmMessage")
        self.message.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        row = QHBoxLayout()
        row.addWidget(self.note, 1)
        row.addWidget(self.ack_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        layout.addWidget(self.list)
        layout.addLayout(row)
        layout.addWidget(self.message)
        self.message.hide()
        self.ack_button.clicked.connect(self.acknowledge)
        self.note.returnPressed.connect(self.acknowledge)
        self.list.currentRowChanged.connect(lambda _row: self._show_rights())
        self.hide()

    @Slot()
    def refresh(self) -> None:
        # A failed read is said by the panel, whose read of the same database fails too.
        self._ops.read(self, "incident-alarms", self._service.open_alarms, success=self._loaded,
                       failure=lambda _e: None)  # fmt: skip

    def selected(self) -> IncidentAlarm | None:
        row = self.list.currentRow()
        return self.alarms[row] if 0 <= row < len(self.alarms) else None

    @Slot()
    def acknowledge(self) -> None:
        """Acknowledge the selected line with the note; the service says whether it may."""
        alarm = self.selected()
        if alarm is None or alarm.acknowledged_by is not None or self._writing is not None:
            return
        self._writing = alarm
        call = partial(self._service.acknowledge_alarm, self._by, alarm.id, self.note.text())
        self._ops.write(self, call, success=self._written, failure=self._not_written)

    def _written(self, _: None) -> None:
        alarm, self._writing = self._writing, None
        assert alarm is not None
        self.note.clear()
        self._say(self.tr("Acknowledged: {partner} ({number}).")
                  .format(partner=alarm.partner_name, number=alarm.incident_number))  # fmt: skip
        self.refresh()

    def _not_written(self, error: Exception) -> None:
        self._writing = None
        self._say(refusal_text(error), error=True)  # the note stays for the lead to correct

    def _loaded(self, alarms: list[IncidentAlarm]) -> None:
        chosen = self.selected()
        self.alarms = sorted(alarms, key=lambda a: (a.acknowledged_by is not None, a.raised_at,
                                                    a.id))  # fmt: skip
        self.setVisible(bool(self.alarms))
        self.list.clear()
        for alarm in self.alarms:
            self.list.addItem(self._item(alarm))
        ids = [a.id for a in self.alarms]
        if chosen is not None and chosen.id in ids:
            self.list.setCurrentRow(ids.index(chosen.id))
        elif self.alarms:
            self.list.setCurrentRow(0)
        height = self.list.sizeHintForRow(0) if self.alarms else 0
        shown = min(len(self.alarms), VISIBLE_ROWS)
        self.list.setFixedHeight(shown * height + 2 * self.list.frameWidth())
        self._show_rights()

    def _item(self, alarm: IncidentAlarm) -> QListWidgetItem:
        acked = alarm.acknowledged_by is not None
        mark = "" if acked else LEVEL_MARKS[WORST] + " "
        item = QListWidgetItem(mark + incident_alarm_text(alarm))
        item.setData(Qt.ItemDataRole.UserRole, alarm.id)
        item.setToolTip(item.text())
        back, fore = ACKNOWLEDGED_COLOURS if acked else LEVEL_COLOURS[WORST]
        item.setBackground(QBrush(QColor(back)))
        item.setForeground(QBrush(QColor(fore)))
        font = QFont(item.font())
        font.setBold(not acked)
        item.setFont(font)
        return item

    def _show_rights(self) -> None:
        alarm = self.selected()
        open_ = alarm is not None and alarm.acknowledged_by is None
        self.ack_button.setEnabled(open_ and self._by.may(Capability.RUN_INCIDENT))
        self.note.setEnabled(open_)

    def _say(self, text: str, *, error: bool = False) -> None:
        self.message.setText(text)
        self.message.setToolTip(text)
        self.message.setStyleSheet(f"color: {ERROR_COLOUR};" if error else "")
        self.message.setVisible(bool(text))
