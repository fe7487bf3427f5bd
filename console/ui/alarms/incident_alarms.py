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
from typing import Protocol

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QLineEdit, QWidget

from console.domain.calendar import CHINA_TZ
from console.domain.roles import Capability, Seated
from console.services.incident_views import IncidentAlarm
from console.ui.alarms.ack_strip import AcknowledgeStrip
from console.ui.operations import Operations

MAX_NOTE = 500  # the incident service's limit for a note
VISIBLE_ROWS = 4  # more lines scroll: the deadline alarms keep their room


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


class IncidentAlarmStrip(AcknowledgeStrip[IncidentAlarm]):
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
        note = QLineEdit(
            maxLength=MAX_NOTE, placeholderText=self.tr("Acknowledgement note (partner alarm)")
        )
        super().__init__(
            "incidentAlarm", read_key="incident-alarms", ops=ops, visible_rows=VISIBLE_ROWS,
            button=self.tr("Acknowledge partner alarm"), note=note, parent=parent,
        )  # fmt: skip
        self._service, self._by = service, by

    def read_rows(self) -> list[IncidentAlarm]:
        return sorted(self._service.open_alarms(),
                      key=lambda a: (a.acknowledged_by is not None, a.raised_at, a.id))  # fmt: skip

    def acknowledge_row(self, row: IncidentAlarm, note: str) -> None:
        self._service.acknowledge_alarm(self._by, row.id, note)

    def row_text(self, row: IncidentAlarm) -> str:
        return incident_alarm_text(row)

    def done_text(self, row: IncidentAlarm) -> str:
        return self.tr("Acknowledged: {partner} ({number}).").format(
            partner=row.partner_name, number=row.incident_number
        )

    def is_open(self, row: IncidentAlarm) -> bool:
        return row.acknowledged_by is None

    def _show_rights(self) -> None:
        alarm = self.selected()
        open_ = alarm is not None and alarm.acknowledged_by is None
        self.ack_button.setEnabled(open_ and self._by.may(Capability.RUN_INCIDENT))
        assert self.note is not None
        self.note.setEnabled(open_)
