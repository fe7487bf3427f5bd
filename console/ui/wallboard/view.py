"""The wallboard (大屏): the floor's figures full screen on the shift lead's wall, read from
across a room at 1920×1080 — calls waiting and the longest wait, today's share answered within
15 s, the seats by state, the open alarms by level, the hot spots and the active incidents.

Dark, huge type, no scrolling; every state is a symbol and a word, colour only repeats it. It
reads nothing while hidden. Shown, it re-reads the floor (one ``ops.read`` of the service's
``read()``) every second and within ``FEED_THROTTLE_MS`` of a change another console committed
(:meth:`refresh_soon`); the call figures are the seat's own (the switch's events, kept on the UI
thread), snapshotted at each tick. Esc (or the wallboard key again) leaves.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime, timedelta

from PySide6.QtCore import QSize, Qt, QTimer, Signal, Slot
from PySide6.QtGui import QKeyEvent, QShortcut
from PySide6.QtWidgets import (
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLayout,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from console.domain.calendar import CHINA_TZ
from console.domain.call_stats import ANSWER_TARGET, CallStats
from console.domain.emergency import Level
from console.services.wallboard import CallFigures, DayCalls, Floor, call_figures
from console.ui.alarms.model import LEVEL_COLOURS, LEVEL_MARKS, LEVELS, level_names
from console.ui.emergency.words import LEVEL_COLOURS as INCIDENT_COLOURS
from console.ui.emergency.words import drill_word, level_text
from console.ui.keys import sequence
from console.ui.operations import Operations
from console.ui.refusals import refusal_text
from console.ui.seat.call_bar import clock_text
from console.ui.wallboard.style import STYLE, scaled_style, screen_scale

TICK_MS = 1_000  # the clock, the longest wait, and a re-read (seat states are not notified)
FEED_THROTTLE_MS = 250
STALE_AFTER = timedelta(seconds=5)  # no good read for this long: the wall says so
WARN = "background: #ffb300; color: #1a1200;"  # amber, dark text: a figure past its target
GREY = "color: #8a949e;"


def _label(name: str, text: str = "") -> QLabel:
    label = QLabel(text)
    label.setObjectName(name)
    return label


class Tile(QFrame):
    """A titled box of the wall."""

    def __init__(self, title: str) -> None:
        super().__init__()
        self.setObjectName("wbTile")
        self.body = QVBoxLayout(self)
        self.body.setContentsMargins(26, 16, 26, 16)
        self.body.setSpacing(6)
        self.title = _label("wbTileTitle", title)
        self.title.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        self.body.addWidget(self.title)

    def add(self, label: QLabel) -> QLabel:
        """A line of the tile; it takes the tile's width, never widens the wall."""
        label.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        self.body.addWidget(label)
        return label

    def row(self) -> Row:
        row = Row()
        self.body.addWidget(row)
        return row


class Row(QFrame):
    """A line of a tile: a symbol and a word on the left, its figure on the right (figures line
    up); the whole line takes the look (``style``: colours, or grey for nothing)."""

    def __init__(self) -> None:
        super().__init__()
        self.setObjectName("wbRow")
        self.word = _label("wbRowWord")
        self.word.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        self.figure = _label("wbRowFigure")
        self.figure.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        line = QHBoxLayout(self)
        line.setContentsMargins(14, 0, 14, 0)
        line.addWidget(self.word, 1)
        line.addWidget(self.figure)

    def say(self, word: str, figure: object, style: str = "") -> None:
        self.word.setText(word)
        self.figure.setText(str(figure))
        self.setStyleSheet(f"QFrame#wbRow {{ {style} }} QLabel {{ {_colour(style)} }}")

    def text(self) -> str:
        return f"{self.word.text()}  {self.figure.text()}"


def _colour(style: str) -> str:
    """The text colour of ``style`` for the row's labels (the sheet's QLabel rule is white)."""
    found = [p.strip() for p in style.split(";") if p.strip().startswith("color")]
    return found[0] + ";" if found else ""


class Wallboard(QWidget):
    """Signals: ``loaded(object)`` after each read shown (the :class:`Floor`); ``left`` when Esc
    (or the wallboard key again) closed it."""

    loaded = Signal(object)
    left = Signal()

    def __init__(
        self, read: Callable[[], Floor], stats: CallStats, *, ops: Operations,
        clock: Callable[[], datetime], parent: QWidget | None = None,
    ) -> None:  # fmt: skip
        super().__init__(parent, Qt.WindowType.Window)
        self.setObjectName("wallboard")
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)
        self.setStyleSheet(STYLE)
        self.setWindowTitle(self.tr("Wallboard"))
        self._read, self._stats, self._ops, self._clock = read, stats, ops, clock
        self._day = DayCalls()
        self.floor: Floor | None = None
        self.read_at: datetime | None = None  # the last good read
        self.tick_timer = QTimer(self, interval=TICK_MS)
        self.tick_timer.setObjectName("wallboard-tick")
        self.feed_timer = QTimer(self, interval=FEED_THROTTLE_MS, singleShot=True)
        self.feed_timer.setObjectName("wallboard-feed")
        self._build()
        self.tick_timer.timeout.connect(self._tick)
        self.feed_timer.timeout.connect(self.refresh)
        self.shortcuts = [QShortcut(sequence("wallboard_leave"), self),
                          QShortcut(sequence("wallboard"), self)]  # fmt: skip
        for shortcut in self.shortcuts:
            shortcut.activated.connect(self.leave)

    def _build(self) -> None:
        self.title = _label("wbTitle", self.tr("Floor now"))
        self.stale = _label("wbStale")
        self.stale.hide()
        self.hint = _label("wbHint", self.tr("Esc: back to the console"))
        self.clock = _label("wbClock")
        top = QHBoxLayout()
        top.addWidget(self.title)
        top.addSpacing(30)
        top.addWidget(self.stale)
        top.addStretch(1)
        top.addWidget(self.hint)
        top.addSpacing(30)
        top.addWidget(self.clock)

        self.waiting_tile = Tile(self.tr("Calls waiting"))
        self.waiting = _label("wbBig", "0")
        self.longest = _label("wbWait")
        longest = QVBoxLayout()
        longest.addStretch(1)
        longest.addWidget(_label("wbCaption", self.tr("Longest wait")))
        longest.addWidget(self.longest)
        figures = QHBoxLayout()
        figures.addWidget(self.waiting, 2)
        figures.addLayout(longest, 3)
        self.waiting_tile.body.addLayout(figures)
        self.late = self.waiting_tile.add(_label("wbSub", "⚠ " + self.tr("over 15 s")))
        self.level_tile = Tile(self.tr("Answered ≤15 s today"))
        self.level = self.level_tile.add(_label("wbBig", "—"))
        self.answered = self.level_tile.add(_label("wbSub"))
        self.abandoned = self.level_tile.add(_label("wbSub"))
        self.agents_tile = Tile(self.tr("Seats"))
        self.agent_rows = [self.agents_tile.row() for _ in range(5)]
        self.alarms_tile = Tile(self.tr("Open alarms"))
        self.alarm_rows = {level: self.alarms_tile.row()
                           for level in reversed(LEVELS)}  # fmt: skip
        self.partners = self.alarms_tile.row()
        self.link = self.alarms_tile.row()
        self.hotspots_tile = Tile(self.tr("Hot spots (last 24 h)"))
        self.hotspots = self.hotspots_tile.add(_label("wbBig", "0"))
        self.hotspots_sub = self.hotspots_tile.add(_label("wbSub", "○ " + self.tr("to verify")))
        self.hotspots_taken = self.hotspots_tile.add(_label("wbSub"))
        self.hotspots_words = self.hotspots_tile.add(_label("wbSub"))
        self.incidents_tile = Tile(self.tr("Emergency incidents"))
        self.incident_rows = {level: self.incidents_tile.row() for level in
                              sorted(Level, key=lambda x: -x.severity)}  # fmt: skip
        self.drills = self.incidents_tile.row()
        self.no_incident = self.incidents_tile.add(_label("wbSub", self.tr("○ None active")))
        for tile in (self.waiting_tile, self.level_tile, self.agents_tile, self.alarms_tile,
                     self.hotspots_tile, self.incidents_tile):  # fmt: skip
            tile.body.addStretch(1)
        grid = self._grid = QGridLayout()
        grid.setSpacing(20)
        tiles = (self.waiting_tile, self.level_tile, self.agents_tile,
                 self.alarms_tile, self.hotspots_tile, self.incidents_tile)  # fmt: skip
        for n, tile in enumerate(tiles):
            grid.addWidget(tile, n // 3, n % 3)
        for column, share in enumerate((7, 6, 6)):  # the alarms' lines are the longest
            grid.setColumnStretch(column, share)
        for row in range(2):
            grid.setRowStretch(row, 1)
        layout = self._layout = QVBoxLayout(self)
        # The wall is the screen's size, whatever a moment's figures would like: never taller.
        layout.setSizeConstraint(QLayout.SizeConstraint.SetNoConstraint)
        layout.setContentsMargins(28, 18, 28, 24)
        layout.setSpacing(16)
        layout.addLayout(top)
        layout.addLayout(grid, 1)
        self.hotspots_tile.hide()  # until a read says this lead sees hot spots
        self.incidents_tile.hide()

    # ------------------------------------------------------------------ showing

    @Slot()
    def toggle(self) -> None:
        """The wallboard key: full screen on the screen of the window that opened it; again
        (or Esc) leaves."""
        if self.isVisible():
            self.leave()
            return
        host = self.parentWidget()
        screen = host.screen() if host is not None else self.screen()
        self.setGeometry(screen.geometry())
        self.fit_to(screen.geometry().size())
        self.showFullScreen()
        self.activateWindow()
        self._tick()  # the figures at once; the floor as soon as it is read
        self.tick_timer.start()

    def fit_to(self, screen: QSize) -> None:
        """Type, margins and spacings scaled to a screen of size ``screen``."""
        style = scaled_style(screen)
        if style == self.styleSheet():
            return
        self.setStyleSheet(style)
        scale = screen_scale(screen)

        def px(n: int) -> int:
            return max(1, round(n * scale))

        self._layout.setContentsMargins(px(28), px(18), px(28), px(24))
        self._layout.setSpacing(px(16))
        self._grid.setSpacing(px(20))
        for tile in self.findChildren(Tile):
            tile.body.setContentsMargins(px(26), px(16), px(26), px(16))
            tile.body.setSpacing(px(6))

    @Slot()
    def leave(self) -> None:
        self.tick_timer.stop()
        self.feed_timer.stop()
        self.hide()
        host = self.parentWidget()
        if host is not None:
            host.activateWindow()
        self.left.emit()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() == Qt.Key.Key_Escape:
            self.leave()
            return
        super().keyPressEvent(event)

    # ------------------------------------------------------------------ reading

    @Slot()
    def refresh(self) -> None:
        """Re-read the floor (one read; one at a time: a refresh asked meanwhile runs after)."""
        if self.isVisible():
            self._ops.read(self, "wallboard", self._read, success=self._show,
                           failure=self._failed)  # fmt: skip

    @Slot()
    def refresh_soon(self) -> None:
        """Another console committed something: re-read within ``FEED_THROTTLE_MS``, once."""
        if self.isVisible() and not self.feed_timer.isActive():
            self.feed_timer.start()

    @Slot()
    def _tick(self) -> None:
        now = self._clock()
        self.show_calls(self._day.today(call_figures(self._stats, now), now), now)
        self._show_stale(now)
        self.refresh()

    def _show(self, floor: Floor) -> None:
        self.floor, self.read_at = floor, floor.at
        self._show_agents(floor)
        self._show_alarms(floor)
        self._show_hotspots(floor)
        self._show_incidents(floor)
        self._show_stale(self._clock())
        self.loaded.emit(floor)

    def _failed(self, error: Exception) -> None:
        self.stale.setText(self.tr("⚠ Not read: {error}").format(error=refusal_text(error)))
        self.stale.setStyleSheet(WARN)
        self.stale.show()

    def _show_stale(self, now: datetime) -> None:
        """Figures older than ``STALE_AFTER`` are said to be so (the database is away)."""
        if self.read_at is None or now - self.read_at <= STALE_AFTER:
            if self.read_at is not None:
                self.stale.hide()
            return
        self.stale.setText(self.tr("⚠ Not updated for {time}").format(
            time=clock_text(now - self.read_at)))  # fmt: skip
        self.stale.setStyleSheet(WARN)
        self.stale.show()

    # ------------------------------------------------------------------ the tiles

    def show_calls(self, calls: CallFigures, now: datetime) -> None:
        self.clock.setText(now.astimezone(CHINA_TZ).strftime("%H:%M:%S"))
        self.waiting.setText(str(calls.waiting))
        wait = calls.longest_wait(now)
        late = wait > ANSWER_TARGET
        self.longest.setText(clock_text(wait))
        self.longest.setStyleSheet(WARN if late else "")
        self.late.setVisible(late)
        self.late.setStyleSheet(WARN)
        level = calls.service_level
        self.level.setText("—" if level is None else f"{level:.0%}")
        self.answered.setText(self.tr("✔ {count} answered").format(count=calls.answered))
        self.abandoned.setText(self.tr("✖ {count} abandoned").format(count=calls.abandoned))

    def _show_agents(self, floor: Floor) -> None:
        a = floor.agents
        rows = (
            ("✔", self.tr("Ready"), a.ready),
            ("☎", self.tr("On a call"), a.on_call),
            ("✎", self.tr("Wrap-up"), a.wrap_up),
            ("■", self.tr("Not ready"), a.not_ready),
            ("✖", self.tr("Offline"), a.offline),
        )
        for row, (mark, word, count) in zip(self.agent_rows, rows, strict=True):
            row.say(f"{mark} {word}", count, "" if count else GREY)
        if a.offline:
            self.agent_rows[-1].say(f"✖ {self.tr('Offline')}", a.offline, WARN)

    def _show_alarms(self, floor: Floor) -> None:
        names = level_names()
        for level, row in self.alarm_rows.items():
            count = floor.alarms.get(level, 0)
            back, text = LEVEL_COLOURS[level]
            row.say(f"{LEVEL_MARKS[level]} {names[level]}", count,
                    f"background: {back}; color: {text};" if count else GREY)  # fmt: skip
        late = floor.partners_overdue
        self.partners.setVisible(late is not None)
        if late is not None:
            self.partners.say("⚠ " + self.tr("Partners late"), late, _alarm_style(late))
        link = floor.link
        self.link.setVisible(link is not None)
        if link is not None:
            self.link.say("⇄ " + self.tr("Link queue"), link.queued, _alarm_style(1))

    def _show_hotspots(self, floor: Floor) -> None:
        shown = floor.hotspots_open is not None
        self.hotspots_tile.setVisible(shown)
        if not shown:
            return
        count = floor.hotspots_open or 0
        self.hotspots.setText(str(count))
        self.hotspots.setStyleSheet("" if count else GREY)
        words = floor.hotspots_keywords  # of the open ones: the transfer lists' words
        self.hotspots_words.setVisible(bool(words))
        self.hotspots_words.setText(self.tr("◇ {count} by keyword group").format(count=words))
        self.hotspots_taken.setText(self.tr("✔ {count} taken up").format(
            count=floor.hotspots_taken))  # fmt: skip

    def _show_incidents(self, floor: Floor) -> None:
        incidents = floor.incidents
        self.incidents_tile.setVisible(incidents is not None)
        if incidents is None:
            return
        for level, row in self.incident_rows.items():
            count = incidents.get(level, 0)
            row.setVisible(count > 0)
            back, text = INCIDENT_COLOURS[level]
            row.say(level_text(level), count, f"background: {back}; color: {text};")
        self.drills.setVisible(floor.drills > 0)
        self.drills.say(drill_word(), floor.drills, "border: 3px dashed #ce93d8; color: #e1bee7;")
        self.no_incident.setVisible(not any(incidents.values()) and not floor.drills)


def _alarm_style(count: int) -> str:
    back, text = LEVEL_COLOURS[LEVELS[-1]]
    return f"background: {back}; color: {text};" if count else GREY
