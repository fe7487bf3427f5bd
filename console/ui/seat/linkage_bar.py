"""The seat's linkage strip: what is happening between the two platforms on the current call.

It says when the peer line did not take a transfer (and offers the three-way call or 互派), when
the caller's consent is missing, when a social-stability clue must go to 110 now, when a
three-way call is up (and offers to record its outcome), and when a caller arrived from the peer
platform with an order (and opens it). Layout only: :class:`TransferFlow` and
:class:`SeatController` decide. Keys: F9 three-way, F10 互派 or transfer with consent, F11
record the outcome, F12 open the order (F9 is the seat panel's own key).
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal, Slot
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QWidget

from console.ui.keys import sequence
from console.ui.seat.intake_inputs import named
from console.ui.seat.seat_controller import SeatController
from console.ui.seat.transfer_flow import TransferFlow

STYLES = {
    "warning": "QFrame#linkageBar { background: #fff4e5; border: 1px solid #f0a030; }",
    "urgent": "QFrame#linkageBar { background: #fde8e8; border: 2px solid #c62828; }",
    "info": "QFrame#linkageBar { background: #e8f1fb; border: 1px solid #7aa7d9; }",
}


class LinkageBar(QFrame):
    """Signals: ``open_order(str)`` — show this order; ``record_outcome(str)`` — open the
    three-way outcome step on this order."""

    open_order = Signal(str)
    record_outcome = Signal(str)

    def __init__(
        self, controller: SeatController, flow: TransferFlow, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("linkageBar")
        self.number = ""
        self.text = named(QLabel(), "linkageText")
        self.text.setTextFormat(Qt.TextFormat.PlainText)
        self.text.setWordWrap(True)

        def button(text: str, name: str, key: str = "") -> QPushButton:
            made = named(QPushButton(text), name)
            if key:  # live only while the button shows
                made.setShortcut(sequence(key))
            return made

        # F9 itself is the seat's three-way key (SeatPanel); the button only shows the offer.
        self.three_way = button(self.tr("Three-way call (F9)"), "offerThreeWay")
        self.dispatch = button(
            self.tr("Send as dispatched order, keep the caller (F10)"), "offerDispatch", "offer"
        )
        self.consent = button(self.tr("The caller agrees: transfer (F10)"), "offerConsent", "offer")
        self.outcome = button(
            self.tr("Record the outcome (F11)"), "recordOutcome", "record_outcome"
        )
        self.open = button(self.tr("Open the order (F12)"), "openArrived", "open_arrived")
        self.dismiss = named(QPushButton(self.tr("Close")), "closeLinkage")
        self._offers = (self.three_way, self.dispatch, self.consent, self.outcome, self.open)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(8, 4, 8, 4)
        layout.addWidget(self.text, 1)
        for offer in (*self._offers, self.dismiss):
            layout.addWidget(offer)
        self.three_way.clicked.connect(flow.conference)
        self.dispatch.clicked.connect(flow.send_as_dispatch)
        self.consent.clicked.connect(flow.transfer_with_consent)
        self.outcome.clicked.connect(lambda: self.record_outcome.emit(self.number))
        self.open.clicked.connect(lambda: self.open_order.emit(self.number))
        self.dismiss.clicked.connect(self.hide)
        flow.transfer_failed.connect(self._failed)
        flow.consent_needed.connect(self._consent)
        flow.clue_saved.connect(self._clue)
        flow.conference_started.connect(self._conference)
        flow.order_sent.connect(self._sent)
        controller.order_arrived.connect(self._arrived)
        controller.conference_joined.connect(self._joined)
        controller.state_changed.connect(self._state)
        self.hide()

    def _show(self, number: str, text: str, style: str, *offers: QPushButton) -> None:
        self.number = number
        self.text.setText(text)
        self.setStyleSheet(STYLES[style])
        for offer in self._offers:
            offer.setVisible(offer in offers)
        self.show()

    @Slot(str, str)
    def _failed(self, number: str, result: str) -> None:
        names = {"no_answer": self.tr("nobody answered"), "busy": self.tr("the line is busy"),
                 "rejected": self.tr("the peer rejected it")}  # fmt: skip
        why = names.get(result, result)
        if number:
            text = self.tr(
                "The transfer did not go through ({why}). The caller is still with you: "
                "start a three-way call, or keep the caller and send order {number} as a "
                "dispatched order (互派) for the peer to sign for."
            ).format(why=why, number=number)
            self._show(number, text, "warning", self.three_way, self.dispatch)
        else:
            text = self.tr("The peer line did not join ({why}). The caller is still with you.")
            self._show(number, text.format(why=why), "warning", self.three_way)

    @Slot(str)
    def _consent(self, number: str) -> None:
        text = self.tr("Order {number}: ask the caller whether they agree to be transferred "
                       "(与诉求方协商). If they agree, transfer; if not, keep the matter or "
                       "start a three-way call.").format(number=number)  # fmt: skip
        self._show(number, text, "warning", self.consent, self.three_way)

    @Slot(str)
    def _clue(self, number: str) -> None:
        text = self.tr("Order {number} is a social-stability clue: transfer it to 110 now "
                       "(F8), top priority.").format(number=number)  # fmt: skip
        self._show(number, text, "urgent")

    @Slot(str)
    def _conference(self, number: str) -> None:
        if number:
            text = self.tr("Three-way call with the peer platform on order {number}: when it is "
                           "settled, record who takes it.").format(number=number)  # fmt: skip
            self._show(number, text, "info", self.outcome)
        else:
            text = self.tr("Three-way call with the peer platform. Save the order to record "
                           "the outcome.")  # fmt: skip
            self._show(number, text, "info")

    @Slot(str)
    def _joined(self, number: str) -> None:
        if number:
            text = self.tr("Three-way call from the peer platform on order {number}: the peer "
                           "seat records who takes it.").format(number=number)  # fmt: skip
            self._show(number, text, "info", self.open)
        else:
            self._show("", self.tr("Three-way call from the peer platform."), "info")

    @Slot(str)
    def _arrived(self, number: str) -> None:
        text = self.tr("A caller came from the peer platform with order {number}: sign for it.")
        self._show(number, text.format(number=number), "info", self.open)

    @Slot(str)
    def _sent(self, number: str) -> None:
        text = self.tr("Order {number} went to the peer platform; it must sign for it in time.")
        self._show(number, text.format(number=number), "info", self.open)

    @Slot(str, str)
    def _state(self, state: str, _reason: str) -> None:
        if state == "ready":  # a new call starts clean
            self.hide()
