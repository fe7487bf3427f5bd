"""A 会商 table read again: the rows it had selected stay selected. Asked for (Alt+E, after a
change made in the tab), the selection keeps its place; followed from the change feed (another
seat's edit), the table changes only if its rows did, and the selection follows its row and the
scroll stays where the user left it."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any, Protocol

from PySide6.QtWidgets import QTableView


class Rows(Protocol):
    def set_rows(self, rows: Sequence[Any]) -> None: ...
    def row_at(self, row: int) -> Any: ...
    def rows(self) -> list[Any]: ...
    def key(self, row: Any) -> Any: ...
    def find(self, key: Any) -> int: ...


def keep_row(view: QTableView, fill: Callable[[], None]) -> None:
    """Read again on request: the same row number selected (the first if none was)."""
    rows = view.selectionModel().selectedRows()
    chosen = rows[0].row() if rows else 0
    fill()
    count = view.model().rowCount()
    if count:
        view.selectRow(min(chosen, count - 1))


def quietly(view: QTableView, model: Rows, found: Sequence[Any]) -> bool:
    """Read again by the change feed: ``found`` shown only if it differs from what is; the
    selected row stays selected where it still is, the scroll stays. True if it differed."""
    if model.rows() == list(found):
        return False
    selected = view.selectionModel().selectedRows()
    key = model.key(model.row_at(selected[0].row())) if selected else None
    bar = view.verticalScrollBar()
    at = bar.value()
    model.set_rows(found)
    row = model.find(key) if selected else -1
    if row >= 0:
        view.selectRow(row)
    bar.setValue(at)
    return True
