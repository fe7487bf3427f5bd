"""The emergency board on a wall screen (大屏模式): full screen, read from two metres on
1920×1080 — each active incident a band with its level (numeral, word, colour), its place, how
long it has run and its partners counted, the overdue partners named in large type. Esc leaves.

It shows what the board last read (the board refreshes it); it reads nothing itself.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import datetime

from PySide6.QtCore import Qt, Signal, Slot
from PySide6.QtGui import QKeyEvent, QResizeEvent, QShortcut
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from console.domain.emergency import IncidentStatus
from console.services.incident_views import IncidentLine
from console.ui.emergency.words import (
    DRILL_TEXT,
    LEVEL_COLOURS,
    clock_time,
    drill_word,
    elapsed,
    event_name,
    level_text,
)
from console.ui.keys import sequence

MAX_SHOWN = 5  # incidents on the wall; more are counted at the bottom
STYLE = (
    """
QWidget#emergencyWall { background: #101418; }
QLabel { color: #f2f2f2; }
QLabel#wallTitle { font-size: 40px; font-weight: bold; }
QLabel#wallClock { font-size: 44px; font-weight: bold; }
QFrame#wallCard { background: #1e252c; border-radius: 8px; }
QFrame#wallCard[drill="true"] { border: 4px dashed #ce93d8; }
QLabel#wallLevel { font-size: 52px; font-weight: bold; padding: 8px 18px; border-radius: 6px; }
QLabel#wallWhat { font-size: 36px; font-weight: bold; }
QLabel#wallPlace { font-size: 30px; }
QLabel#wallElapsed { font-size: 48px; font-weight: bold; font-family: monospace; }
QLabel#wallCounts { font-size: 36px; }
QLabel#wallOverdue { font-size: 36px; font-weight: bold; color: #ffffff;
                     background: #8e1b1b; padding: 6px 12px; border-radius: 6px; }
QLabel#wallDrill { font-size: 32px; font-weight: bold; color: #ffffff;
                   background: """
    + DRILL_TEXT
    + """; padding: 6px 12px; border-radius: 6px; }
QLabel#wallNone, QLabel#wallMore, QLabel#wallHint { font-size: 26px; color: #b0b8c0; }
"""
)


class Elided(QLabel):
    """One line that ends in "…" when the card is too narrow for it (the whole text: tooltip),
    rather than running under the elapsed time beside it."""

    def __init__(self, text: str) -> None:
        super().__init__(text)
        self._full = text
        self.setToolTip(text)
        self.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        shown = self.fontMetrics().elidedText(self._full, Qt.TextElideMode.ElideRight,
                                              self.contentsRect().width())  # fmt: skip
        if shown != self.text():
            self.setText(shown)


class WallView(QWidget):
    """Signals: ``left`` when Esc (or the wall key again) closed it."""

    left = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent, Qt.WindowType.Window)
        self.setObjectName("emergencyWall")
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)
        self.setStyleSheet(STYLE)
        self.setWindowTitle(self.tr("Emergency board — wall"))
        self.title = QLabel(self.tr("Emergency linkage · active incidents"))
        self.title.setObjectName("wallTitle")
        self.clock = QLabel()
        self.clock.setObjectName("wallClock")
        self.hint = QLabel(self.tr("Esc: back to the console"))
        self.hint.setObjectName("wallHint")
        top = QHBoxLayout()
        top.addWidget(self.title)
        top.addStretch(1)
        top.addWidget(self.hint)
        top.addSpacing(24)
        top.addWidget(self.clock)
        self.cards = QVBoxLayout()
        self.cards.setSpacing(14)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(28, 20, 28, 20)
        layout.addLayout(top)
        layout.addLayout(self.cards)
        layout.addStretch(1)
        self.elapsed_labels: list[tuple[QLabel, datetime]] = []
        self.leave_shortcuts = [QShortcut(sequence("em_wall_leave"), self),
                                QShortcut(sequence("em_wall"), self)]  # fmt: skip
        for shortcut in self.leave_shortcuts:
            shortcut.activated.connect(self.leave)

    def show_lines(
        self, lines: Sequence[IncidentLine], overdue: Mapping[str, list[str]], now: datetime,
        district_names: Mapping[str, str],
    ) -> None:  # fmt: skip
        """The active incidents (as the board lists them) and, per incident number, the names
        of its overdue partners."""
        while self.cards.count():
            item = self.cards.takeAt(0)
            widget = item.widget() if item is not None else None
            if widget is not None:  # hidden now: deleted when the event loop gets to it
                widget.hide()
                widget.deleteLater()
        self.elapsed_labels = []
        active = [x for x in lines if x.status is IncidentStatus.ACTIVE]
        if not active:
            none = QLabel(self.tr("No active incident."))
            none.setObjectName("wallNone")
            self.cards.addWidget(none)
        for line in active[:MAX_SHOWN]:
            self.cards.addWidget(self._card(line, overdue.get(line.number, []), district_names))
        if len(active) > MAX_SHOWN:
            more = QLabel(self.tr("{count} more active incident(s) on the console.")
                          .format(count=len(active) - MAX_SHOWN))  # fmt: skip
            more.setObjectName("wallMore")
            self.cards.addWidget(more)
        self.set_now(now)

    def _card(self, line: IncidentLine, overdue: list[str], districts: Mapping[str, str]) -> QFrame:
        card = QFrame()
        card.setObjectName("wallCard")
        card.setProperty("drill", line.drill)
        back, text = LEVEL_COLOURS[line.level]
        level = QLabel(level_text(line.level))
        level.setObjectName("wallLevel")
        level.setStyleSheet(f"background: {back}; color: {text};")
        level.setAlignment(Qt.AlignmentFlag.AlignCenter)
        level.setMinimumWidth(220)
        what = Elided(f"{event_name(line.event_type)} · {line.summary}")
        what.setObjectName("wallWhat")
        place = Elided(f"{districts.get(line.district, line.district)} {line.place} · "
                       f"{line.number}")  # fmt: skip
        place.setObjectName("wallPlace")
        since = QLabel()
        since.setObjectName("wallElapsed")
        self.elapsed_labels.append((since, line.started_at))
        counts = QLabel(self.tr("✔ {ack} acknowledged   ○ {waiting} waiting   ⚠ {overdue} overdue"
                                "   ✖ {refused} refused   · {orders} order(s)").format(
            ack=line.acknowledged, waiting=line.waiting, overdue=line.overdue,
            refused=line.refused, orders=line.linked_orders))  # fmt: skip
        counts.setObjectName("wallCounts")
        counts.setWordWrap(True)  # in English it is wider than a 1366-wide wall
        counts.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        head = QHBoxLayout()
        head.addWidget(what, 1)
        if line.drill:
            drill = QLabel(drill_word())
            drill.setObjectName("wallDrill")
            head.addWidget(drill)
        head.addWidget(since)
        middle = QVBoxLayout()
        middle.addLayout(head)
        middle.addWidget(place)
        middle.addWidget(counts)
        if overdue:
            late = QLabel(self.tr("⚠ Overdue: {names}").format(names="、".join(overdue)))
            late.setObjectName("wallOverdue")
            late.setWordWrap(True)
            late.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
            middle.addWidget(late)
        row = QHBoxLayout(card)
        row.setContentsMargins(14, 12, 14, 12)
        row.addWidget(level)
        row.addSpacing(12)
        row.addLayout(middle, 1)
        return card

    def set_now(self, now: datetime) -> None:
        self.clock.setText(clock_time(now))
        for label, since in self.elapsed_labels:
            label.setText(elapsed(since, now))

    @Slot()
    def leave(self) -> None:
        self.hide()
        self.left.emit()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() == Qt.Key.Key_Escape:
            self.leave()
            return
        super().keyPressEvent(event)
