"""Start a linkage plan from the order on screen (启动预案): in the order detail a shift lead
presses Ctrl+Shift+E; the Emergency tab comes forward with its start form filled in from the
order (district, address as the place, description as the summary) and the incident started is
linked to the order (the service links ``from_order``). Only made for who may run incidents.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject, Qt, Slot
from PySide6.QtGui import QShortcut
from PySide6.QtWidgets import QWidget

from console.domain.orders import WorkOrder
from console.ui.emergency.board import EmergencyBoard
from console.ui.emergency.start_dialog import FromOrder
from console.ui.keys import sequence


class StartFromOrder(QObject):
    """The key on ``detail`` (live while the focus is in it); ``show_board`` brings the
    Emergency tab forward."""

    def __init__(
        self, detail: QWidget, board: EmergencyBoard, show_board: Callable[[], None]
    ) -> None:
        super().__init__(detail)
        self._detail, self._board, self._show_board = detail, board, show_board
        self.shortcut = QShortcut(sequence("em_from_order"), detail)
        self.shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        self.shortcut.activated.connect(self.start)

    @Slot()
    def start(self) -> None:
        order = getattr(self._detail, "order", None)
        if not isinstance(order, WorkOrder) or not self._board.may_run:
            return
        self._show_board()
        self._board.start_from(
            FromOrder(order.number, order.district, order.address or "", order.description)
        )
