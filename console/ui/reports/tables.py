"""A report table (``console.services.report_views.Table``) as a read-only Qt model, and the view
it is shown in: headers translated by column key, numbers right-aligned and grouped, shares as
percentages, dates and times in China time. A row whose table has a figure opens the orders
behind it (the row's first cell is the figure's value; the trend's first cell is a date)."""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableView, QWidget

from console.services.report_views import Column, Table
from console.ui.reports.words import (
    code_names,
    column_headers,
    count_text,
    day_text,
    label_of,
    seconds_text,
    share_text,
    time_text,
)

Index = QModelIndex | QPersistentModelIndex
RIGHT = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter


SHARES = frozenset({"share"})
"""Column keys whose fractions show as percentages (other "share" cells are minutes or seconds)."""


def cell_text(column: Column, value: Any) -> str:
    """A cell as the tab shows it (the Excel export keeps the typed value)."""
    kind = column.kind
    if value is None:
        return "—"
    if column.key in SHARES:
        return share_text(float(value))
    if isinstance(value, float):
        return f"{value:,.1f}"
    if kind == "seconds":
        return seconds_text(float(value))
    if kind == "int" and isinstance(value, int):
        return count_text(value)
    if isinstance(value, datetime):
        return time_text(value)
    if isinstance(value, date):
        return day_text(value)
    return str(value)


def figure_value(value: Any) -> str | None:
    """The value ``orders_behind`` takes for a row's first cell: a day as YYYY-MM-DD."""
    if value is None:
        return None
    if isinstance(value, date):
        return value.isoformat()
    return str(value)


class ReportTableModel(QAbstractTableModel):
    def __init__(self, table: Table, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.table = table
        self._headers = column_headers()
        self._names = code_names()
        self._texts = self._cells(table)

    def set_table(self, table: Table) -> None:
        self.beginResetModel()
        self.table = table
        self._texts = self._cells(table)
        self.endResetModel()

    def _cells(self, table: Table) -> list[list[str]]:
        """Every cell's text, made once: the view asks for each many times (sizing, painting)."""
        columns = table.columns
        return [
            [label_of(self._names, table.key, str(row[0]), str(value or ""))
             if column.key == "label" else cell_text(column, value)
             for column, value in zip(columns, row, strict=True)]
            for row in table.rows
        ]  # fmt: skip

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.table.rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.table.columns)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation != Qt.Orientation.Horizontal or not 0 <= section < self.columnCount():
            return None
        column = self.table.columns[section]
        if role == Qt.ItemDataRole.DisplayRole:
            return self._headers.get(column.key, column.header)
        if role == Qt.ItemDataRole.TextAlignmentRole and column.kind in ("int", "share"):
            return int(RIGHT)
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return self._texts[index.row()][index.column()]
        column = self.table.columns[index.column()]
        if role == Qt.ItemDataRole.TextAlignmentRole and column.kind in ("int", "share", "seconds"):
            return int(RIGHT)
        if role == Qt.ItemDataRole.ToolTipRole and self.table.figure is not None:
            return self.tr("Enter or double-click: the orders behind it")
        return None

    def figure_value(self, row: int) -> str | None:
        return figure_value(self.table.rows[row][0]) if self.table.rows else None


SIZED_ON_ROWS = 30
"""Rows a column's width is measured on (beyond them a long name is elided)."""

STRETCHED = frozenset({"label", "name", "figure"})
"""Column keys of names: the first one in a table takes the width the numbers leave."""


def table_view(model: ReportTableModel) -> QTableView:
    """A read-only table that fits its rows (the page scrolls, not each table)."""
    view = QTableView(wordWrap=False)
    view.setModel(model)
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    view.setTabKeyNavigation(False)  # Tab moves on to the next table
    view.setAlternatingRowColors(True)
    view.verticalHeader().setVisible(False)
    header = view.horizontalHeader()
    header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)  # small tables
    # Measured on the rows in view and a few more, not all of them: each cell costs the view a
    # Python call per role, and a month's departments (≈ 300 rows) took 200 ms to measure.
    header.setResizeContentsPrecision(SIZED_ON_ROWS)
    header.setMinimumSectionSize(64)
    keys = [c.key for c in model.table.columns]
    if "key" in keys and ("label" in keys or "name" in keys):  # the name says it; Excel has both
        view.setColumnHidden(keys.index("key"), True)
    names = [i for i, c in enumerate(model.table.columns) if c.key in STRETCHED]
    if names:  # the name takes the room left; the numbers stay next to it
        header.setSectionResizeMode(names[0], QHeaderView.ResizeMode.Stretch)
    return view
