"""The hot spots' table (热点) and their words: one row per stored hot spot, newest window
first, as :meth:`HotspotService.hotspots` lists them. A hot spot's state is a symbol and a word
(○ 待核查, ✔ 已核查 and its verification order), never a colour alone."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from PySide6.QtCore import QCoreApplication, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QBrush, QColor, QFont

from console.domain.calendar import CHINA_TZ
from console.domain.hotspots import Dimension, Fired, Hotspot, State, Window
from console.services.hotspots import StoredHotspot
from console.ui.models.base import RowsTableModel

AnyIndex = QModelIndex | QPersistentModelIndex
OPEN_COLOURS = ("#fff3c4", "#3d2f00")  # the alarms' warning tint: it asks for a decision
TAKEN_COLOURS = ("#f2f2f2", "#505050")  # greyed: decided


def window_text(window: Window) -> str:
    """ "12-05 08:00–12:00", China time."""
    start, end = window.start.astimezone(CHINA_TZ), window.end.astimezone(CHINA_TZ)
    return f"{start:%m-%d %H:%M}–{end:%H:%M}"


def dimension_word(dimension: Dimension) -> str:
    translate = QCoreApplication.translate
    return {
        Dimension.KIND: translate("HotspotWords", "kind"),
        Dimension.FIELD: translate("HotspotWords", "field"),
        Dimension.KEYWORDS: translate("HotspotWords", "keyword group"),
        Dimension.ADDRESS: translate("HotspotWords", "one address (repeats)"),
    }[dimension]


def threshold_text(hotspot: Hotspot) -> str:
    """The threshold column: the bound passed, or which rule fired when there is no bound."""
    translate = QCoreApplication.translate
    if hotspot.fired is Fired.REPEATS:
        return translate("HotspotWords", "repeats ≥ {least}").format(least=f"{hotspot.threshold:g}")
    if hotspot.bound is None:
        return translate("HotspotWords", "— no baseline: minimum count")
    return f"{hotspot.bound:.1f}"


def state_text(spot: StoredHotspot) -> str:
    if spot.state is State.TAKEN_UP:
        return QCoreApplication.translate("HotspotWords", "✔ taken up: {number}").format(
            number=spot.order_number or ""
        )
    return QCoreApplication.translate("HotspotWords", "○ to verify")


class HotspotsModel(RowsTableModel):
    """Read-only rows of :class:`StoredHotspot`; ``subject`` names kinds and fields."""

    STATE, WINDOW, DISTRICT, DIMENSION, SUBJECT, COUNT, THRESHOLD = range(7)

    def __init__(
        self, district_names: Mapping[str, str], subject_names: Mapping[str, str],
        parent: Any = None,
    ) -> None:  # fmt: skip
        super().__init__(parent)
        self._districts, self._subjects = dict(district_names), dict(subject_names)
        self._rows: list[StoredHotspot] = []
        self._headers = [
            self.tr("State"), self.tr("Window"), self.tr("District"), self.tr("By"),
            self.tr("What"), self.tr("Orders"), self.tr("Threshold"),
        ]  # fmt: skip
        self._looks = {
            State.OPEN: tuple(QBrush(QColor(c)) for c in OPEN_COLOURS),
            State.TAKEN_UP: tuple(QBrush(QColor(c)) for c in TAKEN_COLOURS),
        }
        self._bold = QFont()
        self._bold.setBold(True)

    def set_spots(self, spots: Sequence[StoredHotspot]) -> None:
        self.beginResetModel()
        self._rows = list(spots)
        self.endResetModel()

    def spot_at(self, row: int) -> StoredHotspot:
        return self._rows[row]

    def row_of(self, hotspot_id: int) -> int | None:
        return next((n for n, s in enumerate(self._rows) if s.id == hotspot_id), None)

    def subject(self, spot: StoredHotspot) -> str:
        return self._subjects.get(spot.hotspot.subject, spot.hotspot.subject)

    def district(self, code: str) -> str:
        return self._districts.get(code, code)

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        spot = self._rows[index.row()]
        column = index.column()
        if role == Qt.ItemDataRole.BackgroundRole and column == self.STATE:
            return self._looks[spot.state][0]
        if role == Qt.ItemDataRole.ForegroundRole and column == self.STATE:
            return self._looks[spot.state][1]
        if role == Qt.ItemDataRole.FontRole and spot.state is State.OPEN:
            return self._bold
        if role == Qt.ItemDataRole.TextAlignmentRole and column == self.COUNT:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        h = spot.hotspot
        return {
            self.STATE: lambda: state_text(spot),
            self.WINDOW: lambda: window_text(h.window),
            self.DISTRICT: lambda: self.district(h.district),
            self.DIMENSION: lambda: dimension_word(h.dimension),
            self.SUBJECT: lambda: self.subject(spot),
            self.COUNT: lambda: str(h.count),
            self.THRESHOLD: lambda: threshold_text(h),
        }[column]()
