"""The report's headline figures as tiles a shift lead reads from a distance: a big number and
its name. A tile with orders behind it takes the keyboard focus and opens them on Enter (or a
double-click), like a row of the tables."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeyEvent, QMouseEvent
from PySide6.QtWidgets import QFrame, QLabel, QVBoxLayout, QWidget

from console.services.report_views import FigureKey

TILE_STYLE = """
QFrame#reportTile { background: palette(base); border: 1px solid palette(mid); border-radius: 4px; }
QFrame#reportTile[opens="true"]:focus { border: 2px solid #0072B2; }
QLabel#tileValue { font-size: 20pt; font-weight: bold; }
QLabel#tileName { color: #404040; }
"""


@dataclass(frozen=True, slots=True)
class Headline:
    name: str  # translated
    value: str  # formatted
    figure: FigureKey | None = None  # the orders behind it, if any
    note: str = ""  # a second line (e.g. "of which 12 acknowledged")


class Tile(QFrame):
    """Signals: ``activated()`` on Enter or a double-click, if it has orders behind it."""

    activated = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("reportTile")
        self.headline: Headline | None = None
        self.value, self.name = QLabel(), QLabel()
        self.value.setObjectName("tileValue")
        self.name.setObjectName("tileName")
        self.name.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(10, 6, 10, 6)
        layout.setSpacing(0)
        layout.addWidget(self.value)
        layout.addWidget(self.name)

    def show_headline(self, headline: Headline) -> None:
        self.headline = headline
        self.value.setText(headline.value)
        self.name.setText(f"{headline.name}\n{headline.note}" if headline.note else headline.name)
        opens = headline.figure is not None
        self.setProperty("opens", opens)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus if opens else Qt.FocusPolicy.NoFocus)
        self.setCursor(Qt.CursorShape.PointingHandCursor if opens else Qt.CursorShape.ArrowCursor)
        self.setToolTip(self.tr("Enter or double-click: the orders behind it") if opens else "")
        self.setAccessibleName(f"{headline.name}: {headline.value}")
        self.style().unpolish(self)
        self.style().polish(self)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter, Qt.Key.Key_Space) and (
            self.headline is not None and self.headline.figure is not None
        ):
            self.activated.emit()
            return
        super().keyPressEvent(event)

    def mouseDoubleClickEvent(self, event: QMouseEvent) -> None:
        if self.headline is not None and self.headline.figure is not None:
            self.activated.emit()
            return
        super().mouseDoubleClickEvent(event)
