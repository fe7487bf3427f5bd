"""Start a linkage plan from the order on screen (启动预案): in the order detail a shift lead
presses Ctrl+Shift+E; the Emergency tab comes forward with its start form filled in from the
order (district, address as the place, description as the summary) and the incident started is
linked to the order (the service links ``from_order``). Only made for who may run incidents.
The board is asked for when the key is pressed: a tab not built yet is built then.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Qt, Slot
from PySide6.QtGui import QShortcut
from PySide6.QtWidgets import QWidget

from console.domain.orders import WorkOrder
from console.ui.keys import sequence

if TYPE_CHECKING:
    from console.ui.emergency.board import EmergencyBoard


class StartFromOrder(QObject):
    """The key on ``detail`` (live while the focus is in it); ``board`` gives the board (built
    then if need be: ``EmergencyTab.board``); ``show_board`` brings the Emergency tab forward."""

    def __init__(
        self, detail: QWidget, board: Callable[[], EmergencyBoard], show_board: Callable[[], None]
    ) -> None:
        super().__init__(detail)
        self._detail, self._board, self._show_board = detail, board, show_board
        self.shortcut = QShortcut(sequence("em_from_order"), detail)
        self.shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        self.shortcut.activated.connect(self.start)

    @Slot()
    def start(self) -> None:
        order = getattr(self._detail, "order", None)
        if not isinstance(order, WorkOrder):
            return
        board = self._board()
        if not board.may_run:
            return
        from console.ui.emergency.start_dialog import FromOrder  # loaded with the board

        self._show_board()
        board.start_from(
            FromOrder(order.number, order.district, order.address or "", order.description)
        )
