"""A strip above the work area that says what the notifier said, coloured by the worst level.

It stays until the agent dismisses it (Esc or the × button) or a newer message replaces it:
an alarm must not vanish while nobody was looking.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Slot
from PySide6.QtWidgets import QHBoxLayout, QLabel, QToolButton, QWidget

from console.domain.alarm_levels import AlarmLevel
from console.ui.alarms.model import LEVEL_COLOURS, LEVELS


class AlarmBanner(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("alarmBanner")
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)
        self.text = QLabel()
        self.text.setWordWrap(True)
        self.close_button = QToolButton()
        self.close_button.setText("×")
        self.close_button.setToolTip(self.tr("Dismiss"))
        self.close_button.clicked.connect(self.hide)
        row = QHBoxLayout(self)
        row.setContentsMargins(10, 6, 6, 6)
        row.addWidget(self.text, 1)
        row.addWidget(self.close_button)
        self.hide()

    @Slot(str, str)
    def show_message(self, text: str, worst_level: str) -> None:
        try:
            back, fore = LEVEL_COLOURS[AlarmLevel(worst_level)]
        except ValueError:
            back, fore = LEVEL_COLOURS[LEVELS[0]]
        self.setStyleSheet(
            f"QWidget#alarmBanner {{ background: {back}; border: 1px solid {fore}; }}"
            f"QLabel {{ color: {fore}; font-weight: bold; }}"
        )
        self.text.setText(text)
        self.show()
