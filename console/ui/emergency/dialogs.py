"""The emergency board's forms: change the level (升级/降级), record a partner's answer by hand,
stand down (响应终止); the start form is :mod:`console.ui.emergency.start_dialog`.

Each only gathers what was typed and emits ``submitted(value)``; the board runs the service call
(an operation, off the GUI thread) and either closes the form (:meth:`IncidentForm.done_ok`) or
says the refusal in it (:meth:`IncidentForm.refuse`) — what was typed stays for the lead to
correct. Ctrl+Enter confirms, Esc closes; every field has its Alt letter (console/ui/keys.py).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, datetime

from PySide6.QtCore import QDateTime, QTimeZone, Signal, Slot
from PySide6.QtGui import QShortcut
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateTimeEdit,
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from console.domain.emergency import AckMeans, Level, PartnerState
from console.services.incident_views import IncidentLine, PartnerLine
from console.ui.emergency.words import LEVELS, kind_name, level_long, means_name, state_text
from console.ui.keys import marked, sequences

ERROR_COLOUR = "#b3261e"
MAX_NOTE = 500
HAND_MEANS = (AckMeans.PHONE, AckMeans.RADIO, AckMeans.IN_PERSON, AckMeans.OTHER)
CHINA = QTimeZone(b"Asia/Shanghai")


class IncidentForm(QDialog):
    """A form of the board. Signals: ``submitted(object)`` on Ctrl+Enter or the confirm button,
    the value being what :meth:`value` gathers."""

    submitted = Signal(object)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setModal(True)
        self.form = QFormLayout()
        self.message = QLabel(wordWrap=True)
        self.message.setObjectName("incidentFormMessage")
        self.message.setStyleSheet(f"color: {ERROR_COLOUR}; font-weight: bold;")
        self.confirm_button = QPushButton()
        self.confirm_button.setAutoDefault(False)
        self.close_button = QPushButton(self.tr("Close (Esc)"))
        self.close_button.setAutoDefault(False)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.confirm_button)
        buttons.addWidget(self.close_button)
        self.body = QVBoxLayout()
        layout = QVBoxLayout(self)
        layout.addLayout(self.form)
        layout.addLayout(self.body)
        layout.addWidget(self.message)
        layout.addLayout(buttons)
        self.confirm_shortcuts = [QShortcut(k, self) for k in sequences("em_confirm")]
        for shortcut in self.confirm_shortcuts:
            shortcut.activated.connect(self.submit)
        self.confirm_button.clicked.connect(self.submit)
        self.close_button.clicked.connect(self.reject)
        self._busy = False

    def set_words(self, title: str, confirm: str) -> None:
        self.setWindowTitle(title)
        self.confirm_button.setText(confirm + " (Ctrl+Enter)")

    def row(self, text: str, key: str, field: QWidget) -> None:
        label = QLabel(marked(text, key))
        label.setBuddy(field)
        self.form.addRow(label, field)

    def value(self) -> object:
        raise NotImplementedError

    def ready(self) -> bool:
        return True

    @Slot()
    def submit(self) -> None:
        if self._busy or not self.ready():
            return
        self.set_busy(True)
        self.message.clear()
        self.submitted.emit(self.value())

    def set_busy(self, busy: bool) -> None:
        self._busy = busy
        self.confirm_button.setEnabled(not busy and self.ready())

    def refuse(self, text: str) -> None:
        """The service said no: say why; every field keeps what was typed."""
        self.set_busy(False)
        self.message.setText(text)

    def done_ok(self) -> None:
        self.set_busy(False)
        self.accept()


@dataclass(frozen=True, slots=True)
class LevelChange:
    level: Level
    note: str


class LevelDialog(IncidentForm):
    """升级/降级: the new level and why."""

    def __init__(self, line: IncidentLine, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.set_words(
            self.tr("Change the level of {number}").format(number=line.number),
            self.tr("Change level"),
        )
        self.line = line
        self.current = QLabel(level_long(line.level))
        self.current.setObjectName("currentLevel")
        self.level = QComboBox()
        for level in LEVELS:
            self.level.addItem(level_long(level), level)
        up = max(1, int(line.level.value) - 1)  # one level more severe, else the same (Ⅰ)
        self.level.setCurrentIndex(self.level.findData(Level(str(up))))
        self.note = QLineEdit(maxLength=MAX_NOTE)
        self.note.setPlaceholderText(self.tr("Why: what changed on the ground"))
        self.form.addRow(self.tr("Now:"), self.current)
        self.row(self.tr("New level:"), "em_level", self.level)
        self.row(self.tr("Note:"), "em_note", self.note)
        self.level.setFocus()

    def value(self) -> LevelChange:
        return LevelChange(Level(self.level.currentData()), self.note.text().strip())


@dataclass(frozen=True, slots=True)
class Answer:
    partner_code: str
    means: AckMeans
    who: str
    at: datetime | None  # None: now (the time field was left as it was)
    note: str
    refused: bool


class AnswerDialog(IncidentForm):
    """A partner answered by phone, radio or in person: record who, when, how (or a refusal)."""

    def __init__(
        self, line: IncidentLine, partners: Sequence[PartnerLine], chosen: str | None,
        now: datetime, parent: QWidget | None = None,
    ) -> None:  # fmt: skip
        super().__init__(parent)
        self.set_words(
            self.tr("Record an answer for {number}").format(number=line.number), self.tr("Record")
        )
        self.partner = QComboBox()
        open_states = (PartnerState.NOTIFIED, PartnerState.OVERDUE, PartnerState.QUEUED)
        for p in partners:
            if p.state in open_states:
                self.partner.addItem(f"{state_text(p.state)} · {p.name} ({kind_name(p.kind)})",
                                     p.code)  # fmt: skip
        if chosen is not None and self.partner.findData(chosen) >= 0:
            self.partner.setCurrentIndex(self.partner.findData(chosen))
        self.means = QComboBox()
        for means in HAND_MEANS:
            self.means.addItem(means_name(means), means)
        self.who = QLineEdit(maxLength=64)
        self.who.setPlaceholderText(self.tr("Name and post at the partner"))
        self.at = QDateTimeEdit(_qt_time(now))
        self.at.setDisplayFormat("yyyy-MM-dd HH:mm")
        self.at.setTimeZone(CHINA)
        self._now_shown = self.at.dateTime()
        self.note = QLineEdit(maxLength=MAX_NOTE)
        self.refused = QCheckBox(marked(self.tr("The partner refused"), "em_refused"))
        self.row(self.tr("Partner:"), "em_partner", self.partner)
        self.row(self.tr("How:"), "em_means", self.means)
        self.row(self.tr("Who answered:"), "em_who", self.who)
        self.row(self.tr("When:"), "em_when", self.at)
        self.row(self.tr("Note:"), "em_note", self.note)
        self.form.addRow("", self.refused)
        if not self.partner.count():
            self.message.setText(self.tr("Every partner has answered."))
        self.set_busy(False)
        self.who.setFocus()

    def ready(self) -> bool:
        return self.partner.count() > 0

    def value(self) -> Answer:
        moved = self.at.dateTime() != self._now_shown
        at = datetime.fromtimestamp(self.at.dateTime().toSecsSinceEpoch(), UTC) if moved else None
        return Answer(str(self.partner.currentData()), AckMeans(self.means.currentData()),
                      self.who.text().strip(), at, self.note.text().strip(),
                      self.refused.isChecked())  # fmt: skip


class StandDownDialog(IncidentForm):
    """响应终止: the response is over; the summary is what the record keeps."""

    def __init__(self, line: IncidentLine, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.set_words(
            self.tr("Stand down {number}").format(number=line.number), self.tr("Stand down")
        )
        self.summary = QPlainTextEdit()
        self.summary.setTabChangesFocus(True)
        self.summary.setPlaceholderText(self.tr("What was done, what remains, who handed over"))
        self.summary.setMinimumWidth(420)
        self.row(self.tr("Summary:"), "em_summary", self.summary)
        self.summary.setFocus()

    def value(self) -> str:
        return self.summary.toPlainText().strip()[: MAX_NOTE * 4]


def _qt_time(at: datetime) -> QDateTime:
    shown = QDateTime.fromSecsSinceEpoch(int(at.timestamp()), CHINA)
    return shown.toTimeZone(CHINA)
