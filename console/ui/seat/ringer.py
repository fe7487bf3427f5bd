"""Rings the seat while the switch offers it a call: the agent must hear and see it from any tab.

Three things at once, all stopped when the call is answered, taken elsewhere, rings out or
ends: the ring sound (``resources/sounds/ring.wav``, made by ``make_ring_wav.py``), repeated
every few seconds; the window alerted (``QApplication.alert``: the taskbar entry flashes until
the window is active); and a badge on the Seat tab ("坐席 ● 来电"). The ring has its own volume
(``telephony.ring_volume``): the alarms' sound switch and silent hours do not apply to a caller
waiting for this seat. Nothing takes focus or switches tabs: the agent decides.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, QObject, QTimer, Signal, Slot
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QApplication, QTabWidget, QWidget

from console.paths import bundle_path
from console.ui.alarms.notifier import Player, play_sound

RING_SOUND = ("resources", "sounds", "ring.wav")
REPEAT_MS = 4000  # the ring is 1 s long: ring-ring, three seconds of quiet, ring-ring…
BADGE_COLOUR = QColor("#c62828")


class Ringer(QObject):
    """Signals: ``started(str call_id)`` once a call rings here (sound, alert and badge are
    on); ``stopped()`` when it no longer does. ``rings`` counts sounds played (tests, bench)."""

    started = Signal(str)
    stopped = Signal()

    def __init__(
        self,
        *,
        volume: int,
        window: Callable[[], QWidget | None] = lambda: None,
        badge: Callable[[bool], None] = lambda _on: None,
        player: Player = play_sound,
        alert: Callable[[QWidget, int], None] = QApplication.alert,
        repeat_ms: int = REPEAT_MS,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._volume = volume
        self._window = window
        self._badge = badge
        self._player = player
        self._alert = alert
        self.call_id: str | None = None
        self.rings = 0
        self.repeat = QTimer(self, interval=repeat_ms)
        self.repeat.setObjectName("seat-ring-repeat")
        self.repeat.timeout.connect(self._sound)

    @Slot(str)
    def ring(self, call_id: str) -> None:
        if call_id == self.call_id:
            return
        self.call_id = call_id
        self._sound()
        window = self._window()
        if window is not None:
            self._alert(window, 0)  # flashes until the agent comes to the window
        self._badge(True)
        self.repeat.start()
        self.started.emit(call_id)

    @Slot()
    def stop(self) -> None:
        if self.call_id is None:
            return
        self.call_id = None
        self.repeat.stop()
        self._badge(False)
        self.stopped.emit()

    @Slot()
    def _sound(self) -> None:
        if self._volume > 0:
            self.rings += 1
            self._player(bundle_path(*RING_SOUND), self._volume)


def tab_badge(tabs: QTabWidget, page: QWidget) -> Callable[[bool], None]:
    """Marks ``page``'s tab while a call rings: "坐席 ● 来电" in red, then its title again."""
    bar = tabs.tabBar()

    def badge(on: bool) -> None:
        index = tabs.indexOf(page)
        if index < 0:
            return
        title = tabs.tabText(index).split(" ● ")[0]
        if on:
            call = QCoreApplication.translate("Ringer", "Call")
            tabs.setTabText(index, f"{title} ● {call}")
            bar.setTabTextColor(index, BADGE_COLOUR)
        else:
            tabs.setTabText(index, title)
            bar.setTabTextColor(index, QColor())  # the palette's colour again

    return badge
