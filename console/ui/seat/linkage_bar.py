"""The seat's linkage strip: what is happening between the two platforms on the current call.

It says when the peer line did not take a transfer (and offers the three-way call or 互派), when
the caller's consent is missing, when a social-stability clue must go to 110 now, when a
three-way call is up (and offers to record its outcome), and when a caller arrived from the peer
platform with an order (and opens it). While F8 or F9 rings the peer line it counts the answer
window down and offers to call it off (F4). Layout only: :class:`TransferFlow` and
:class:`SeatController` decide. Keys: F4 cancel the ringing transfer, F9 three-way, F10 互派 or
transfer with consent, F11 record the outcome, F12 open the order (F9 is the seat panel's own
key). What the strip says belongs to the call: when the call leaves the seat, it goes (a
three-way call whose outcome is still to record says the call ended), and a recorded outcome
takes its offer away (:meth:`step_done`). An order sent to the peer is followed while the strip
shows it (:meth:`follow_sent`, re-read on the change feed through :meth:`refresh`): it says
when the peer signed for it, returned it or fed back, and points to the Inbox (Alt+X), where
what comes after the strip is gone is found. :class:`PeerSeats` says, live, how many seats of
the peer line are ready and free before F8.
"""

from __future__ import annotations

import math
from collections.abc import Callable

from PySide6.QtCore import QElapsedTimer, Qt, QTimer, Signal, Slot
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QWidget

from console.domain.orders import Status, WorkOrder
from console.ui.keys import sequence
from console.ui.operations import Operations
from console.ui.seat.intake_inputs import named
from console.ui.seat.seat_controller import SeatController
from console.ui.seat.transfer_flow import TransferFlow

STYLES = {
    "warning": "QFrame#linkageBar { background: #fff4e5; border: 1px solid #f0a030; }",
    "urgent": "QFrame#linkageBar { background: #fde8e8; border: 2px solid #c62828; }",
    "info": "QFrame#linkageBar { background: #e8f1fb; border: 1px solid #7aa7d9; }",
}
PEER_STYLES = {"free": "QLabel#peerSeats { color: #1b5e20; }",
               "none": "QLabel#peerSeats { color: #b71c1c; font-weight: bold; }"}  # fmt: skip
TICK_MS = 250  # the countdown's refresh: a second never shows late by more than this
PEER_POLL_MS = 1000  # the peer seats' count: a cheap look at the switch's own view


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
        self._flow = flow
        self.number = ""
        self._after_call = False  # what is shown stays once the call leaves the seat
        self._ringing: tuple[str, bool, int] | None = None  # number, conference, window ms
        self._sent_number = ""  # the order sent to the peer that the strip follows
        self._follow: tuple[Operations, Callable[[str], WorkOrder]] | None = None
        self._rung = QElapsedTimer()
        self.ticker = QTimer(self, interval=TICK_MS)
        self.ticker.setObjectName("transferCountdownTick")
        self.ticker.timeout.connect(self._tick)
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
        self.cancel = button(
            self.tr("Cancel the transfer (F4)"), "cancelTransfer", "cancel_transfer"
        )
        self.dismiss = named(QPushButton(self.tr("Close")), "closeLinkage")
        self._offers = (
            self.cancel, self.three_way, self.dispatch, self.consent, self.outcome, self.open,
        )  # fmt: skip
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
        self.cancel.clicked.connect(flow.cancel)
        self.dismiss.clicked.connect(self.close_strip)
        flow.peer_ringing.connect(self._peer_ringing)
        flow.ringing_over.connect(self._ringing_over)
        flow.cancelled.connect(self.close_strip)
        flow.peer_unavailable.connect(self._unavailable)
        flow.transfer_failed.connect(self._failed)
        flow.consent_needed.connect(self._consent)
        flow.clue_saved.connect(self._clue)
        flow.conference_started.connect(self._conference)
        flow.order_sent.connect(self._sent)
        controller.order_arrived.connect(self._arrived)
        controller.conference_joined.connect(self._joined)
        controller.state_changed.connect(self._state)
        self.hide()

    def _show(
        self, number: str, text: str, style: str, *offers: QPushButton, after_call: bool = False
    ) -> None:
        self.number = number
        self._after_call = after_call
        self._ringing = None
        self._sent_number = ""
        self.ticker.stop()
        self.text.setText(text)
        self.setStyleSheet(STYLES[style])
        for offer in self._offers:
            offer.setVisible(offer in offers)
        self.show()

    @Slot()
    def close_strip(self) -> None:
        """Nothing to say: the strip goes (and a countdown with it)."""
        self._ringing = None
        self._sent_number = ""
        self.ticker.stop()
        self.hide()

    @Slot(str, bool, int)
    def _peer_ringing(self, number: str, conference: bool, window_ms: int) -> None:
        self._show(number, "", "info", self.cancel)
        self._ringing = (number, conference, window_ms)
        self._rung.start()
        self._tick()
        self.ticker.start()

    @Slot()
    def _tick(self) -> None:
        if self._ringing is None:
            self.ticker.stop()
            return
        number, conference, window_ms = self._ringing
        left = max(0, math.ceil((window_ms - self._rung.elapsed()) / 1000))
        line = self._peer_line()
        if conference:
            text = self.tr("Three-way call: ringing the {line} line, {left} s left. F4 calls it "
                           "off; the caller stays with you.")  # fmt: skip
        else:
            text = self.tr("Transferring order {number} to the {line} line: ringing, {left} s "
                           "left. F4 calls it off; the caller stays with you.")  # fmt: skip
        self.text.setText(text.format(number=number, line=line, left=left))

    @Slot()
    def _ringing_over(self) -> None:
        if self._ringing is not None:
            self.close_strip()  # what follows (joined, failed, sent) shows itself

    def _peer_line(self) -> str:
        return self._flow.peer.value

    @Slot(str, str)
    def _unavailable(self, number: str, why: str) -> None:
        if number:
            text = self.tr("{why} The transfer was not tried. The caller is still with you: "
                           "keep the caller and send order {number} as a dispatched order "
                           "(互派), or press F8 again once a seat is free.")  # fmt: skip
            self._show(number, text.format(why=why, number=number), "warning", self.dispatch)
        else:
            text = self.tr("{why} The transfer was not tried; the caller is still with you.")
            self._show(number, text.format(why=why), "warning")

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
        self._show(number, text, "urgent", after_call=True)

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
        self._show(number, text.format(number=number), "info", self.open, after_call=True)
        self._sent_number = number
        self.refresh()  # the peer may have signed for it already

    def follow_sent(self, ops: Operations, read: Callable[[str], WorkOrder]) -> None:
        """Follow a sent order with ``read`` (run through ``ops``) on each :meth:`refresh`."""
        self._follow = (ops, read)

    @Slot()
    def refresh(self) -> None:
        """Re-read the sent order the strip shows (another seat committed); nothing else."""
        number, follow = self._sent_number, self._follow
        if not number or follow is None or self.isHidden():
            return
        ops, read = follow
        ops.read(self, "sent-order", lambda: read(number), success=self._followed)

    def _followed(self, order: WorkOrder) -> None:
        if order.number != self._sent_number or self.isHidden():
            return  # the strip moved on meanwhile
        peer = self._peer_line()
        words = {
            Status.SIGNED_FOR: self.tr("{peer} signed for order {number}. What it does next "
                                       "comes to your Inbox (Alt+X)."),
            Status.HANDLING: self.tr("{peer} signed for order {number} and is handling it. "
                                     "What it does next comes to your Inbox (Alt+X)."),
            Status.FED_BACK: self.tr("{peer} fed back on order {number}: it awaits your 办结 "
                                     "(Inbox, Alt+X)."),
            Status.RETURNED: self.tr("{peer} returned order {number}: see your Inbox (Alt+X)."),
        }  # fmt: skip
        text = words.get(order.status)
        if text is None:  # still to sign for (or settled elsewhere): the strip stays as it is
            return
        self.text.setText(text.format(peer=peer, number=order.number))
        self.setStyleSheet(STYLES["warning" if order.status is Status.RETURNED else "info"])

    @Slot(str, str)
    def step_done(self, number: str, action: str) -> None:
        """A step was carried out on order ``number``: its three-way outcome, once recorded,
        is no longer to record."""
        if action == "three_way" and number == self.number and not self.outcome.isHidden():
            self.close_strip()

    @Slot(str, str)
    def _state(self, state: str, _reason: str) -> None:
        if state == "ready":  # a new call starts clean
            self.close_strip()
        elif state == "wrap_up" and not self._after_call:  # the call left the seat
            if self.number and not self.outcome.isHidden():
                text = self.tr("The three-way call on order {number} ended: record who takes "
                               "it.").format(number=self.number)  # fmt: skip
                self._show(self.number, text, "info", self.outcome, after_call=True)
            else:
                self.close_strip()


class PeerSeats(QLabel):
    """How many seats of the peer line are ready (就绪), and how many of them could take a
    transfer now (ready and neither ringing nor on a call), shown before F8 and kept live: it
    asks the switch every second (its own view, answered at once) and after each transfer."""

    def __init__(self, flow: TransferFlow, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("peerSeats")
        self._flow = flow
        self.poll = QTimer(self, interval=PEER_POLL_MS)
        self.poll.setObjectName("peerSeatsPoll")
        self.poll.timeout.connect(self.refresh)
        flow.ringing_over.connect(self.refresh)
        self.refresh()
        self.poll.start()

    @Slot()
    def refresh(self) -> None:
        seats = self._flow.availability()
        text = self.tr("{line} ready seats: {ready} (free: {free})")
        self.setText(text.format(line=self._flow.peer.value, ready=seats.ready, free=seats.free))
        self.setStyleSheet(PEER_STYLES["free" if seats.free else "none"])
