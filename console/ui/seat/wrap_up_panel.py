"""The wrap-up strip (话后整理) in the call bar's area: the time left and, for a call that left no
order, the wrap-up codes (话后小结) to pick from. Inline, never a dialog: the digits pick a code,
Enter records it, Shift+F6 adds another wrap-up period.

Layout only; :class:`~console.ui.seat.seat_controller.SeatController` decides and records.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import timedelta

from PySide6.QtCore import Qt, Signal, Slot
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QButtonGroup, QFrame, QHBoxLayout, QLabel, QPushButton, QWidget

from console.domain.dispositions import Disposition
from console.ui.seat.call_bar import clock_text
from console.ui.seat.intake_inputs import named

STYLES = {
    False: "QFrame#wrapUp { background: #eef3f8; border: 1px solid #9db4cc; }",
    True: "QFrame#wrapUp { background: #fff4e5; border: 1px solid #f0a030; }",
}


class WrapUpPanel(QFrame):
    """Signals: ``chosen(str code)`` — the agent recorded this code (Enter, or a click)."""

    chosen = Signal(str)

    def __init__(
        self, catalogue: Sequence[Disposition], chinese: bool, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("wrapUp")
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.catalogue = tuple(catalogue)
        self.asking = False
        self.left = named(QLabel(), "wrapUpLeft")
        self.ask = named(QLabel(self.tr("No order saved: pick a wrap-up code (digits, Enter)")),
                         "wrapUpAsk")  # fmt: skip
        self.group = QButtonGroup(self)
        self.group.setExclusive(True)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(8, 3, 8, 3)
        layout.addWidget(self.left)
        layout.addWidget(self.ask)
        self.codes: list[QPushButton] = []
        for n, code in enumerate(self.catalogue, 1):
            button = named(QPushButton(f"{n} {code.name_zh if chinese else code.name_en}"),
                           f"wrapUpCode-{code.code}")  # fmt: skip
            button.setCheckable(True)
            button.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # the strip keeps the keys
            button.clicked.connect(lambda _c=False, n=n: self._pick(n - 1, record=True))
            self.group.addButton(button, n - 1)
            self.codes.append(button)
            layout.addWidget(button)
        layout.addStretch(1)
        self.extend = named(QPushButton(self.tr("More time (Shift+F6)")), "wrapUpExtend")
        self.extend.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        layout.addWidget(self.extend)
        self.hide()

    def begin(self, asking: bool) -> None:
        """Wrap-up began; ``asking``: the call left no order, a code is wanted."""
        self.asking = asking
        self.setStyleSheet(STYLES[asking])
        self.ask.setVisible(asking)
        self.group.setExclusive(False)
        for button in self.codes:
            button.setChecked(False)
            button.setVisible(asking)
        self.group.setExclusive(True)
        self.show()

    @Slot()
    def end(self) -> None:
        self.asking = False
        self.hide()

    def code_recorded(self) -> None:
        """A code is in (or an order was saved after all): nothing more to ask."""
        self.asking = False
        self.ask.hide()
        for button in self.codes:
            button.setVisible(False)
        self.setStyleSheet(STYLES[False])

    def set_left(self, left: timedelta | None) -> None:
        if left is None:
            self.left.clear()
            return
        self.left.setText(self.tr("Wrap-up {time}").format(time=clock_text(left)))

    @property
    def selected(self) -> Disposition | None:
        index = self.group.checkedId()
        return self.catalogue[index] if 0 <= index < len(self.catalogue) else None

    def _pick(self, index: int, record: bool = False) -> None:
        if not self.asking or not 0 <= index < len(self.codes):
            return
        self.codes[index].setChecked(True)
        if record:
            self.chosen.emit(self.catalogue[index].code)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        key = event.key()
        if Qt.Key.Key_1 <= key <= Qt.Key.Key_9 and self.asking:
            self._pick(key - Qt.Key.Key_1)
        elif key in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and self.selected is not None:
            self.chosen.emit(self.selected.code)
        else:
            super().keyPressEvent(event)
