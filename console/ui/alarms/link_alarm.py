"""The unacknowledged-message alarm on the shift lead's panel: one strip above the deadline
alarms while the link's alarm is open (对方平台 LN-110 未确认报文 37 条，最久 12 分钟), the count and
the oldest's age live, with its own note and Acknowledge button.

Never told by colour alone: the strip starts with a filled mark and the words "link alarm", and
is bold; acknowledged, it is greyed and says who acknowledged it. The service call is an
operation (:mod:`console.ui.operations`), off the UI thread.
"""

from __future__ import annotations

from datetime import datetime, timedelta
from functools import partial

from PySide6.QtCore import QCoreApplication, Slot
from PySide6.QtWidgets import QHBoxLayout, QLabel, QLineEdit, QPushButton, QSizePolicy, QWidget

from console.domain.roles import Capability, Seated, allowed
from console.services.exchange_alarms import MAX_NOTE, ExchangeAlarms, LinkAlarm, LinkAlarmError
from console.ui.alarms.model import ACKNOWLEDGED_COLOURS, LEVEL_COLOURS, LEVEL_MARKS, WORST
from console.ui.operations import Operations
from console.ui.refusals import refusal_text


def age_text(span: timedelta) -> str:
    """ "12 min" / "1 h 5 min" / "40 s" (12 分钟 / 1 小时 5 分钟 / 40 秒)."""
    seconds = max(int(span.total_seconds()), 0)
    hours, minutes = seconds // 3600, seconds % 3600 // 60
    if hours:
        return QCoreApplication.translate("LinkAlarm", "{h} h {m} min").format(h=hours, m=minutes)
    if minutes:
        return QCoreApplication.translate("LinkAlarm", "{m} min").format(m=minutes)
    return QCoreApplication.translate("LinkAlarm", "{s} s").format(s=seconds)


def link_alarm_text(alarm: LinkAlarm, now: datetime) -> str:
    """对方平台 LN-110 未确认报文 37 条，最久 12 分钟 — the peer, the count, the oldest's age."""
    peer = alarm.peer or QCoreApplication.translate("LinkAlarm", "(not named yet)")
    text = QCoreApplication.translate(
        "LinkAlarm", "Peer platform {peer}: {count} message(s) unacknowledged, the oldest {age}"
    )
    return text.format(peer=peer, count=alarm.queued, age=age_text(alarm.age(now)))


class LinkAlarmStrip(QWidget):
    """Hidden while no link alarm is open. :meth:`refresh` re-reads it (the panel calls it on
    its own refresh); :meth:`set_now` moves the oldest's age every second."""

    def __init__(
        self, service: ExchangeAlarms, *, by: Seated, ops: Operations, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("linkAlarm")
        self._service, self._by, self._ops = service, by, ops
        self.alarm: LinkAlarm | None = None
        self._now: datetime | None = None
        self._writing = False
        self._error = ""  # the last acknowledgement's refusal, shown until the next try
        self.text = QLabel()
        self.text.setObjectName("linkAlarmText")
        self.text.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        self.note = QLineEdit(
            maxLength=MAX_NOTE, placeholderText=self.tr("Acknowledgement note (link alarm)")
        )
        self.ack_button = QPushButton(self.tr("Acknowledge link alarm"))
        self.ack_button.clicked.connect(self.acknowledge)
        self.ack_button.setEnabled(allowed(by.principal, Capability.ACK_ALARM, by.platform))
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.text, 3)
        row.addWidget(self.note, 1)
        row.addWidget(self.ack_button)
        self.hide()

    @Slot()
    def refresh(self) -> None:
        # A failed read is said by the panel, whose read of the same database fails too.
        self._ops.read(self, "link-alarm", self._service.open_alarm, success=self._loaded,
                       failure=lambda _e: None)  # fmt: skip

    def set_now(self, now: datetime) -> None:
        self._now = now
        if self.alarm is not None:
            self._show()

    @Slot()
    def acknowledge(self) -> None:
        if self.alarm is None or self._writing:
            return
        self._writing, self._error = True, ""
        call = partial(self._service.acknowledge, self.alarm.id, self._by, self.note.text())
        self._ops.write(self, call, success=self._written, failure=self._not_written)

    def _written(self, _: None) -> None:
        self._writing = False
        self.note.clear()
        self.refresh()

    def _not_written(self, error: Exception) -> None:
        self._writing = False
        said = refusal_text(error)
        if not isinstance(error, LinkAlarmError):
            said = self.tr("Not saved: {error}").format(error=said)
        self._error = said
        if self.alarm is not None:
            self._show()
        self.note.setFocus()

    def _loaded(self, alarm: LinkAlarm | None) -> None:
        self.alarm = alarm
        self.setVisible(alarm is not None)
        if alarm is not None:
            self._show()

    def _show(self) -> None:
        alarm = self.alarm
        assert alarm is not None
        now = self._now or datetime.now(alarm.raised_at.tzinfo)
        said = self.tr("{mark} Link alarm: {text}").format(
            mark=LEVEL_MARKS[WORST], text=link_alarm_text(alarm, now)
        )
        acked = alarm.acknowledged_by is not None
        if acked:
            said += " " + self.tr("(acknowledged by {by}: {note})").format(
                by=alarm.acknowledged_by, note=" ".join((alarm.ack_note or "").split())
            )
        if self._error:
            said += f" — {self._error}"
        back, fore = ACKNOWLEDGED_COLOURS if acked else LEVEL_COLOURS[WORST]
        self.text.setStyleSheet(
            f"QLabel {{ background: {back}; color: {fore}; font-weight: bold; padding: 3px 8px; }}"
        )
        self.text.setText(said)
        self.text.setToolTip(said)
        self.note.setVisible(not acked)
        self.ack_button.setVisible(not acked)
