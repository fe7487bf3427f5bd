"""The seat's linkage strip: what is happening between the two platforms on the current call.

It says when the peer line did not take a transfer (and offers the three-way call or 互派), when a
three-way call is up (and offers to record its outcome), and when a caller arrived from the peer
platform with an order (and opens it). Layout only; the :class:`SeatController` decides.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal, Slot
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QWidget

from console.ui.seat.intake_inputs import named
from console.ui.seat.seat_controller import SeatController

STYLES = {
    "warning": "QFrame#linkageBar { background: #fff4e5; border: 1px solid #f0a030; }",
    "info": "QFrame#linkageBar { background: #e8f1fb; border: 1px solid #7aa7d9; }",
}


class LinkageBar(QFrame):
    """Signals: ``open_order(str)`` — show this order; ``record_outcome(str)`` — open the
    three-way outcome step on this order."""

    open_order = Signal(str)
    record_outcome = Signal(str)

    def __init__(self, controller: SeatController, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("linkageBar")
        self.controller = controller
        self.number = ""
        self.text = named(QLabel(), "linkageText")
        self.text.setTextFormat(Qt.TextFormat.PlainText)
        self.text.setWordWrap(True)
        self.three_way = named(QPushButton(self.tr("Three-way call (F9)")), "offerThreeWay")
        self.dispatch = named(
            QPushButton(self.tr("Send as dispatched order, keep the caller (&D)")), "offerDispatch"
        )
        self.outcome = named(QPushButton(self.tr("Record the outcome (&R)")), "recordOutcome")
        self.open = named(QPushButton(self.tr("Open the order (&O)")), "openArrived")
        self.dismiss = named(QPushButton(self.tr("Close")), "closeLinkage")
        layout = QHBoxLayout(self)
        layout.setContentsMargins(8, 4, 8, 4)
        layout.addWidget(self.text, 1)
        for button in (self.three_way, self.dispatch, self.outcome, self.open, self.dismiss):
            layout.addWidget(button)
        self.three_way.clicked.connect(controller.conference)
        self.dispatch.clicked.connect(controller.send_as_dispatch)
        self.outcome.clicked.connect(lambda: self.record_outcome.emit(self.number))
        self.open.clicked.connect(lambda: self.open_order.emit(self.number))
        self.dismiss.clicked.connect(self.hide)
        controller.transfer_failed.connect(self._failed)
        controller.conference_started.connect(self._conference)
        controller.order_arrived.connect(self._arrived)
        controller.order_sent.connect(self._sent)
        controller.state_changed.connect(self._state)
        self.hide()

    def _show(self, text: str, style: str, *buttons: QPushButton) -> None:
        self.text.setText(text)
        self.setStyleSheet(STYLES[style])
        for button in (self.three_way, self.dispatch, self.outcome, self.open):
            button.setVisible(button in buttons)
        self.show()

    @Slot(str, str)
    def _failed(self, number: str, result: str) -> None:
        self.number = number
        names = {"no_answer": self.tr("nobody answered"), "busy": self.tr("the line is busy"),
                 "rejected": self.tr("the peer rejected it")}  # fmt: skip
        why = names.get(result, result)
        if number:
            text = self.tr(
                "The transfer did not go through ({why}). The caller is still with you: "
                "start a three-way call, or keep the caller and send order {number} as a "
                "dispatched order (互派) for the peer to sign for."
            ).format(why=why, number=number)
            self._show(text, "warning", self.three_way, self.dispatch)
        else:
            text = self.tr("The peer line did not join ({why}). The caller is still with you.")
            self._show(text.format(why=why), "warning", self.three_way)

    @Slot(str)
    def _conference(self, number: str) -> None:
        self.number = number
        if number:
            text = self.tr("Three-way call with the peer platform on order {number}: when it is "
                           "settled, record who takes it.").format(number=number)  # fmt: skip
            self._show(text, "info", self.outcome)
        else:
            text = self.tr("Three-way call with the peer platform. Save the order to record "
                           "the outcome.")  # fmt: skip
            self._show(text, "info")

    @Slot(str)
    def _arrived(self, number: str) -> None:
        self.number = number
        text = self.tr("A caller came from the peer platform with order {number}: sign for it.")
        self._show(text.format(number=number), "info", self.open)

    @Slot(str)
    def _sent(self, number: str) -> None:
        self.number = number
        text = self.tr("Order {number} went to the peer platform; it must sign for it in time.")
        self._show(text.format(number=number), "info", self.open)

    @Slot(str, str)
    def _state(self, state: str, _reason: str) -> None:
        if state == "ready":  # a new call starts clean
            self.hide()
