"""Tells the seat that alarms were raised, without a flood: at most one message per window.

The first batch shows at once. Alarms raised while the window (10 s by default) is open are
counted and shown as ONE summary when it closes, so a sweep that raises 500 alarms, followed by
three more small sweeps, makes two messages and at most two sounds, not 503. Each message goes
out as the ``message`` signal (the main window's banner), to the system tray when there is
one, and with one chime unless sound is off or it is the silent hours (静音时段: the message
still shows, only the sound is held back).
"""

from __future__ import annotations

import shutil
import sys
from collections import Counter
from collections.abc import Callable, Iterable
from datetime import datetime
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QObject, QProcess, QTimer, Signal, Slot
from PySide6.QtWidgets import QApplication, QSystemTrayIcon

from console.config import Settings
from console.domain.alarm_levels import AlarmLevel
from console.domain.calendar import CHINA_TZ
from console.paths import bundle_path
from console.services.alarms import RaisedAlarm
from console.services.exchange_alarms import LinkAlarm
from console.ui.alarms.link_alarm import link_alarm_text
from console.ui.alarms.model import LEVELS, WORST, level_names

Player = Callable[[Path, int], None]
"""Plays a wav file at a volume from 0 to 100, without blocking."""

SOUND = ("resources", "sounds", "alarm.wav")
TRAY_MS = 8000


def play_sound(path: Path, volume: int) -> None:
    """The default player: winsound on Windows; paplay or aplay on Linux; else a beep."""
    if sys.platform == "win32":
        import winsound

        winsound.PlaySound(str(path), winsound.SND_FILENAME | winsound.SND_ASYNC)
        return
    if shutil.which("paplay"):
        QProcess.startDetached("paplay", [f"--volume={volume * 65536 // 100}", str(path)])
    elif shutil.which("aplay"):
        QProcess.startDetached("aplay", ["-q", str(path)])
    else:
        QApplication.beep()


class AlarmNotifier(QObject):
    """Signals: ``message(text, worst_level)`` for each message shown; ``worst_level`` is an
    :class:`AlarmLevel` value ("warning", "due" or "overdue").

    ``shown`` and ``sounded`` count messages and sounds (for tests and the log).
    """

    message = Signal(str, str)

    def __init__(
        self,
        settings: Settings,
        *,
        tray: QSystemTrayIcon | None = None,
        player: Player = play_sound,
        window_s: float = 10.0,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._settings = settings
        self._tray = tray
        self._player = player
        self._pending: Counter[AlarmLevel] = Counter()
        self._pending_now: datetime | None = None
        self.shown = 0
        self.sounded = 0
        self.window = QTimer(self, singleShot=True, interval=round(window_s * 1000))
        self.window.setObjectName("alarm-notifier-window")
        self.window.timeout.connect(self._window_closed)

    def notify(self, raised: Iterable[RaisedAlarm], now: datetime) -> None:
        """Show ``raised`` now if no window is open, else add it to the window's summary."""
        counts = Counter(a.level for a in raised)
        if not counts:
            return
        if self.window.isActive():
            self._pending.update(counts)
            self._pending_now = now
            return
        self._show(counts, now)
        self.window.start()

    @Slot()
    def _window_closed(self) -> None:
        if not self._pending or self._pending_now is None:
            return
        counts, now = self._pending, self._pending_now
        self._pending, self._pending_now = Counter(), None
        self._show(counts, now)
        self.window.start()  # what comes during this next window waits for its end too

    def notify_link(self, alarm: LinkAlarm, now: datetime) -> None:
        """The unacknowledged-message alarm: shown and sounded at once, as an overdue alarm is
        (it is raised once an outage, so it never floods)."""
        self._say(link_alarm_text(alarm, now), WORST, now)

    def _show(self, counts: Counter[AlarmLevel], now: datetime) -> None:
        self._say(summary(counts), max(counts, key=lambda level: level.rank), now)

    def _say(self, text: str, worst: AlarmLevel, now: datetime) -> None:
        self.shown += 1
        self.message.emit(text, worst.value)
        if self._tray is not None and QSystemTrayIcon.isSystemTrayAvailable():
            icon = QSystemTrayIcon.MessageIcon
            kind = icon.Critical if worst is WORST else icon.Warning
            self._tray.showMessage(self.tr("Alarms"), text, kind, TRAY_MS)
        settings = self._settings
        local = now.astimezone(CHINA_TZ).time()
        if settings.alarm_sound and settings.alarm_volume > 0 and not settings.is_silent(local):
            self.sounded += 1
            self._player(bundle_path(*SOUND), settings.alarm_volume)


def summary(counts: Counter[AlarmLevel]) -> str:
    """ "新增告警 500 条：超期 120 · 到期 80 · 预警 300" (worst first, levels with none left out)."""
    names = level_names()
    parts = " · ".join(f"{names[lv]} {counts[lv]}" for lv in reversed(LEVELS) if counts[lv])
    text = QCoreApplication.translate("AlarmNotifier", "{count} new alarm(s): {parts}")
    return text.format(count=sum(counts.values()), parts=parts)
