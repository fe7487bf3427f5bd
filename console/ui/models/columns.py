"""Column widths that fit their words in every language, without ``ResizeToContents``.

A column whose cells come from a short list of names (kinds, statuses, platforms, priorities)
is as wide as its longest name or its title, measured once with the view's font: "Complaint
about police" never clips in English, 投诉 keeps a narrow column in Chinese. Measuring a
handful of names costs nothing; measuring every row (``ResizeToContents``) costs a full read.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QTableView

PADDING = 24  # the cell's margins and the header's sort arrow
MAX_WIDTH = 320  # a runaway name is elided rather than pushing the description off screen


def fitted_width(table: QTableView, column: int, names: Iterable[str]) -> int:
    """The width column ``column`` of ``table`` needs for ``names`` and its title."""
    title = table.model().headerData(column, Qt.Orientation.Horizontal)
    body = table.fontMetrics()
    header = table.horizontalHeader().fontMetrics()
    needed = max((body.horizontalAdvance(n) for n in names), default=0)
    needed = max(needed, header.horizontalAdvance(str(title or "")))
    return min(needed + PADDING, MAX_WIDTH)


def fit_columns(table: QTableView, names: Mapping[int, Iterable[str]]) -> None:
    """Set each column of ``names`` (column → the names its cells can show) to its width."""
    for column, words in names.items():
        table.setColumnWidth(column, fitted_width(table, column, words))
