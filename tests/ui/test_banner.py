"""The notifier's message reaches the agent in a banner that stays until dismissed."""

from __future__ import annotations

from PySide6.QtWidgets import QWidget
from pytestqt.qtbot import QtBot

from console.domain.alarm_levels import AlarmLevel
from console.ui.alarms.banner import AlarmBanner
from console.ui.alarms.model import LEVEL_COLOURS


def test_banner_shows_the_message_until_dismissed(qtbot: QtBot) -> None:
    holder = QWidget()  # inside a window, as in the console (a bare top-level warns offscreen)
    qtbot.addWidget(holder)
    banner = AlarmBanner(holder)
    banner.show_message("新增告警 3 条：超期 1 · 预警 2", "overdue")
    assert not banner.isHidden() and "超期 1" in banner.text.text()
    overdue, warning = LEVEL_COLOURS[AlarmLevel.OVERDUE][0], LEVEL_COLOURS[AlarmLevel.WARNING][0]
    assert overdue != warning and overdue in banner.styleSheet()  # the overdue tint
    banner.show_message("新增告警 1 条：预警 1", "not-a-level")  # unknown level: warning look
    assert warning in banner.styleSheet()
    banner.close_button.click()
    assert banner.isHidden()
