"""Input widgets of the intake form that need more than a stock Qt widget.

:class:`DistrictBox` is an editable combo box that finds a district by any name an agent knows:
typing 和平, heping or 210102 offers 和平区; typing 沈阳 offers the city and all its districts,
as the city name is part of every district's search text. Cities head the list with their
districts indented under them, so a whole city can be chosen when the district is unknown.
:func:`numbered_box` numbers its entries so a closed combo box picks one by its digit.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import TypeVar

from PySide6.QtCore import QEvent, QModelIndex, QObject, QPersistentModelIndex, Qt, Slot
from PySide6.QtGui import QFocusEvent, QKeyEvent, QPainter, QStandardItem, QStandardItemModel
from PySide6.QtWidgets import (
    QApplication,
    QComboBox,
    QCompleter,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QWidget,
)

from console.domain.catalogue import District

_W = TypeVar("_W", bound=QWidget)

CODE_ROLE = Qt.ItemDataRole.UserRole
SEARCH_ROLE = Qt.ItemDataRole.UserRole + 1
CITY_ROLE = Qt.ItemDataRole.UserRole + 2
INDENT = 20  # pixels a district sits right of its city


def search_text(district: District, city: District | None) -> str:
    """Everything an agent might type for ``district``, lower case; ü also as u and v."""
    parts = [district.name_zh, district.name_en, district.code]
    if city is not None and city is not district:
        parts += [city.name_zh, city.name_en]
    text = " ".join(parts).lower()
    return " ".join({text, text.replace("ü", "u"), text.replace("ü", "v")})


def ordered(districts: Iterable[District]) -> list[District]:
    """Each city, then its districts by code; a district whose city is missing comes last."""
    by_code = {d.code: d for d in districts}
    cities = sorted(d for d in by_code if by_code[d].is_city)
    rows = []
    for city in cities:
        rows.append(by_code[city])
        rows += sorted((d for d in by_code.values() if d.city_code == city and not d.is_city),
                       key=lambda d: d.code)  # fmt: skip
    rows += sorted((d for d in by_code.values() if d not in rows), key=lambda d: d.code)
    return rows


class _IndentDelegate(QStyledItemDelegate):
    def paint(
        self,
        painter: QPainter,
        option: QStyleOptionViewItem,
        index: QModelIndex | QPersistentModelIndex,
    ) -> None:
        if not index.data(CITY_ROLE):
            option = QStyleOptionViewItem(option)
            option.rect.adjust(INDENT, 0, 0, 0)
        super().paint(painter, option, index)


class _Completer(QCompleter):
    """Matches on the search text, but puts the shown name into the box."""

    def pathFromIndex(self, index: QModelIndex | QPersistentModelIndex) -> str:
        return str(index.data(Qt.ItemDataRole.DisplayRole) or "")


class DistrictBox(QComboBox):
    def __init__(
        self, districts: Iterable[District], *, chinese: bool, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setEditable(True)
        self.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self.setMaxVisibleItems(20)
        rows = ordered(districts)
        by_code = {d.code: d for d in rows}
        self._rows = rows
        model = QStandardItemModel(self)
        for district in rows:
            city = by_code.get(district.city_code)
            name = district.name_zh if chinese else district.name_en
            if not district.is_city and city is not None:
                name += " · " + (city.name_zh if chinese else city.name_en)
            item = QStandardItem(name)
            item.setData(district.code, CODE_ROLE)
            item.setData(search_text(district, city), SEARCH_ROLE)
            item.setData(district.is_city, CITY_ROLE)
            item.setToolTip(f"{district.name_zh} {district.name_en} {district.code}")
            if district.is_city:
                font = item.font()
                font.setBold(True)
                item.setFont(font)
            model.appendRow(item)
        self.setModel(model)
        self.setItemDelegate(_IndentDelegate(self))
        self.completer_ = _Completer(model, self)
        self.completer_.setCompletionRole(SEARCH_ROLE)
        self.completer_.setFilterMode(Qt.MatchFlag.MatchContains)
        self.completer_.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.completer_.setCompletionMode(QCompleter.CompletionMode.PopupCompletion)
        self.completer_.setMaxVisibleItems(12)
        popup = self.completer_.popup()
        assert popup is not None
        popup.setItemDelegate(_IndentDelegate(popup))
        popup.installEventFilter(self)
        self.setCompleter(self.completer_)
        self.setCurrentIndex(-1)
        line = self.lineEdit()
        assert line is not None
        line.editingFinished.connect(self._settle)

    def value(self) -> str:
        """The chosen district's code; what was typed if it names none (kept, not lost)."""
        text = self.currentText().strip()
        index = self.currentIndex()
        if index >= 0 and text == self.itemText(index):
            return str(self.itemData(index, CODE_ROLE))
        return self._exact(text) or text

    def set_value(self, value: str) -> None:
        index = self.findData(value, CODE_ROLE)
        self.setCurrentIndex(index)
        if index < 0:
            self.setEditText(value)

    def matches(self, text: str) -> list[str]:
        """Codes whose search text contains ``text`` (what the completer offers)."""
        needle = text.strip().lower()
        if not needle:
            return []
        model = self.model()
        return [
            str(model.index(row, 0).data(CODE_ROLE))
            for row in range(model.rowCount())
            if needle in str(model.index(row, 0).data(SEARCH_ROLE))
        ]

    def _exact(self, text: str) -> str:
        needle = text.lower()
        found = {
            d.code for d in self._rows if needle in (d.code, d.name_zh.lower(), d.name_en.lower())
        }
        return found.pop() if len(found) == 1 else ""

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """Tab in the open completer takes the highlighted (or only) match and moves on,
        as it would without the list open; QCompleter alone would leave the list hanging. An
        Alt or Ctrl key (Alt+T, Alt+E, Ctrl+S) does the same and then acts: the open list
        would otherwise swallow the window's keys."""
        popup = self.completer_.popup()
        if (
            watched is popup
            and isinstance(event, QKeyEvent)
            and event.type() == QEvent.Type.KeyPress
        ):
            key = event.key()
            if key in (Qt.Key.Key_Tab, Qt.Key.Key_Backtab) and popup is not None:
                index = popup.currentIndex()
                popup.hide()
                if index.isValid():
                    self.setCurrentIndex(self.findData(index.data(CODE_ROLE), CODE_ROLE))
                self._settle()
                self.focusNextPrevChild(key == Qt.Key.Key_Tab)
                return True
            chord = Qt.KeyboardModifier.AltModifier | Qt.KeyboardModifier.ControlModifier
            if event.modifiers() & chord and popup is not None:
                index = popup.currentIndex()
                popup.hide()
                if index.isValid():
                    self.setCurrentIndex(self.findData(index.data(CODE_ROLE), CODE_ROLE))
                self._settle()
                again = QKeyEvent(QEvent.Type.KeyPress, key, event.modifiers(), event.text())
                line = self.lineEdit()
                if line is not None:  # not spontaneous: the window's keys see it
                    QApplication.sendEvent(line, again)
                return True
        return super().eventFilter(watched, event)

    def focusOutEvent(self, event: QFocusEvent) -> None:
        super().focusOutEvent(event)
        if event.reason() != Qt.FocusReason.PopupFocusReason:
            self._settle()

    @Slot()
    def _settle(self) -> None:
        """On leaving the box, a text that names exactly one district becomes that district."""
        text = self.currentText().strip()
        index = self.currentIndex()
        if not text or (index >= 0 and text == self.itemText(index)):
            return
        code = self._exact(text)
        if not code:
            found = self.matches(text)
            code = found[0] if len(found) == 1 else ""
        if code:
            self.setCurrentIndex(self.findData(code, CODE_ROLE))


def numbered_box(items: Iterable[tuple[str, str, str]], placeholder: str) -> QComboBox:
    """A combo box of ``(code, name, tooltip)`` shown as "1  name"; nothing chosen at first."""
    box = QComboBox()
    box.setPlaceholderText(placeholder)
    for n, (code, name, tip) in enumerate(items, start=1):
        box.addItem(f"{n}  {name}", code)
        if tip:
            box.setItemData(n - 1, tip, Qt.ItemDataRole.ToolTipRole)
    box.setCurrentIndex(-1)
    return box


def restyle(widget: QWidget, name: str, value: bool) -> None:
    """Set a dynamic property the stylesheet matches on, and have the style look again."""
    if bool(widget.property(name)) != value:
        widget.setProperty(name, value)
        widget.style().unpolish(widget)
        widget.style().polish(widget)


def named(widget: _W, name: str) -> _W:
    """``widget`` with its object name set (stylesheets and tests find it by that name)."""
    widget.setObjectName(name)
    return widget


class SearchBox(QComboBox):
    """An editable choice among ``(code, shown text)`` that filters on any part of the text."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setEditable(True)
        self.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self.setMaxVisibleItems(15)
        completer = self.completer()
        assert completer is not None
        completer.setFilterMode(Qt.MatchFlag.MatchContains)
        completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        completer.setCompletionMode(QCompleter.CompletionMode.PopupCompletion)

    def set_items(self, items: Sequence[tuple[str, str]]) -> None:
        self.clear()
        for code, text in items:
            self.addItem(text, code)
        self.setCurrentIndex(-1)

    def value(self) -> str:
        """The chosen code: the item whose text or code was typed, the code at the end of the
        text, or the only item containing the text; otherwise the text itself (the service then
        says it is not in the directory)."""
        text = self.currentText().strip()
        if not text:
            return ""
        for candidate in (
            self.findText(text),
            self.findData(text),
            self.findData(text.split()[-1]),
        ):
            if candidate >= 0:
                return str(self.itemData(candidate))
        found = [i for i in range(self.count()) if text.lower() in self.itemText(i).lower()]
        return str(self.itemData(found[0])) if len(found) == 1 else text
