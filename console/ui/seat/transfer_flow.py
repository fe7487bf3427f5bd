"""The seat's side of the linkage on a live call: one-click transfer (F8), three-way call (F9),
and what is offered when the peer line does not take the caller.

F8 on a call with a saved order: the transfer is checked and written pending (a write operation),
the call goes to the peer line with the order attached, and once a peer seat has the caller the
order is handed over; if the peer line does not answer within the window, is busy or rejects
it, the pending transfer is dropped, the caller is still here, and ``transfer_failed`` offers the
three-way call or 互派 (the order sent for the peer to sign for, the caller kept). A transfer
refused for want of consent asks for it (``consent_needed``); a social-stability clue saved at
12345 asks for F8 at once (``clue_saved``). The flow acts only on the call it started with.

F8 and F9 go only when a seat of the peer line can take the caller now (ready, not ringing, not
on a call: ``Telephony.available``); when none can, they are refused at once with the reason,
instead of waiting out the answer window. While the peer line rings (``peer_ringing``), F4
calls it off (:meth:`cancel`): the caller stays here and the pending transfer is settled as
cancelled.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Callable
from dataclasses import dataclass
from datetime import timedelta

from PySide6.QtCore import QObject, Signal, Slot

from console.domain.orders import TransitionError
from console.domain.refusals import Refused
from console.services.transfers import Resumed
from console.telephony.port import Availability, Line, Telephony, TransferResult
from console.ui.operations import Operations
from console.ui.refusals import refusal_text
from console.ui.seat.seat_controller import SeatController

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class OrderTransfers:
    """The services the flow needs, bound to this seat's agent (all run off the GUI thread)."""

    begin: Callable[[str, str, bool], object]  # number, key, consent; raises when refused
    complete: Callable[[str], object]  # key
    abandon: Callable[[str], object]  # key
    cancel: Callable[[str], object]  # key: the agent called the transfer off (F4)
    send: Callable[[str, str, str, bool], object]  # number, key, note, consent: 互派 at once
    is_clue: Callable[[str], bool]  # a social-stability clue this seat must send to 110 now
    resume: Callable[[], list[Resumed]]  # this seat's transfers left pending by a stopped console


class TransferFlow(QObject):
    """Signals: ``notice(str)``; ``transfer_failed(str number, str result)``;
    ``consent_needed(str number)``; ``conference_started(str number)`` ("" without an order);
    ``order_sent(str number)``; ``clue_saved(str number)``; ``peer_ringing(str number, bool
    conference, int window_ms)`` — the peer line rings for this seat's transfer or three-way
    call, for at most ``window_ms``; ``ringing_over()`` — it stopped ringing (any outcome);
    ``cancelled(str number)`` — the agent called it off and the caller is still here;
    ``peer_unavailable(str number, str why)`` — F8 refused at once: no peer seat is free."""

    notice = Signal(str)
    transfer_failed = Signal(str, str)
    consent_needed = Signal(str)
    conference_started = Signal(str)
    order_sent = Signal(str)
    clue_saved = Signal(str)
    peer_ringing = Signal(str, bool, int)
    ringing_over = Signal()
    cancelled = Signal(str)
    peer_unavailable = Signal(str, str)

    def __init__(
        self,
        *,
        seat: SeatController,
        telephony: Telephony,
        line: Line,
        ops: Operations,
        transfers: OrderTransfers | None = None,
        window: timedelta = timedelta(seconds=30),
        parent: QObject | None = None,
    ) -> None:
        """``window``: how long the peer line rings before the transfer fails
        (``telephony.transfer_window_s``); the strip counts it down."""
        super().__init__(parent or seat)
        self._seat, self._phone, self._line, self._ops = seat, telephony, line, ops
        self._transfers = transfers
        self._window = window
        self.ringing: str | None = None  # the call whose peer line rings now (F4 cancels)
        # (call id, order, consent given) the 互派 offer is for, after a transfer that did not go
        self.failed: tuple[str, str, bool] | None = None
        self._moving: str | None = None  # the call whose transfer or three-way call is under way
        self._attempts = 0  # each F8 is its own request: a retry after a failure is a new key
        seat.order_recorded.connect(self._recorded)
        seat.state_changed.connect(lambda *_: self._forget_ended())

    def resume_pending(self) -> None:
        """Transfers this seat began before the console stopped (the call was moving) go over
        as 互派 now; the agent is told which, in the notice line, and the log keeps it."""
        if self._transfers is None:
            return
        self._ops.write(self, self._transfers.resume, success=self._resumed,
                        failure=lambda e: log.error("could not finish pending transfers: %s", e))  # fmt: skip

    def _resumed(self, resumed: list[Resumed]) -> None:
        for outcome in resumed:
            log.warning("pending transfer %s finished on start: %s", outcome.key, outcome)
        sent = [r.number for r in resumed if r.done]
        if sent:
            text = self.tr("Sent to the peer platform after the restart: {numbers}")
            self.notice.emit(text.format(numbers=", ".join(sent)))

    @property
    def peer(self) -> Line:
        return Line.POLICE if self._line is Line.HOTLINE else Line.HOTLINE

    def availability(self) -> Availability:
        """The peer line's seats now: how many are ready, and free to take a transfer."""
        return self._phone.available(self.peer)

    def _unavailable(self) -> Refused | None:
        """Why no seat of the peer line can take the caller now; None when one can."""
        seats = self.availability()
        if seats.free > 0:
            return None
        if seats.ready == 0:
            return Refused("peer_none_ready", f"no {self.peer} seat is ready", platform=self.peer)
        return Refused("peer_all_busy", f"no free {self.peer} seat ({seats.busy} busy)",
                       platform=self.peer, busy=str(seats.busy))  # fmt: skip

    def _refuse_unavailable(self, call_id: str, number: str, consent: bool) -> bool:
        """Refuse F8 at once when the peer line cannot take the caller; the strip says why and
        offers 互派 (the caller is kept). True if refused."""
        refused = self._unavailable()
        if refused is None:
            return False
        self.notice.emit(refusal_text(refused))
        if number:
            self.failed = (call_id, number, consent)
        self.peer_unavailable.emit(number, refusal_text(refused))
        return True

    @Slot()
    def transfer(self, consent: bool = False) -> None:
        call = self._seat.current
        if call is None:
            return
        if self._seat.peer_side:
            self.notice.emit(
                self.tr("This call came from the peer platform: return the order instead.")
            )
            return
        transfers = self._transfers
        if self._moving == call.call_id:
            self.notice.emit(self.tr("The call is already being transferred; wait for the peer."))
            return
        if transfers is None:  # no orders behind this switch: move the call only
            if not self._refuse_unavailable(call.call_id, "", consent):
                self._bridge(call.call_id, "", conference=False)
            return
        number = self._seat.saved_order(call)
        if number is None:
            self.notice.emit(self.tr("Save the order first: it goes with the call."))
            return
        if self._refuse_unavailable(call.call_id, number, consent):
            return
        self._attempts += 1
        key = f"{call.call_id}:{number}:{self._attempts}"
        self._moving = call.call_id

        def refused(error: Exception) -> None:
            if isinstance(error, TransitionError) and error.code == "no_consent":
                self.consent_needed.emit(number)
            self._moving = None
            self.notice.emit(refusal_text(error))

        self._ops.write(
            self,
            lambda: transfers.begin(number, key, consent),
            success=lambda _: self._bridge(
                call.call_id, number, conference=False, key=key, consent=consent
            ),
            failure=refused,
        )

    @Slot()
    def transfer_with_consent(self) -> None:
        self.transfer(consent=True)

    @Slot()
    def conference(self) -> None:
        call = self._seat.current
        if call is None or self._seat.peer_side or self._moving == call.call_id:
            return
        refused = self._unavailable()
        if refused is not None:  # at once, not after the answer window
            self.notice.emit(refusal_text(refused))
            return
        self._moving = call.call_id
        self._bridge(call.call_id, self._seat.saved_order(call) or "", conference=True)

    @Slot()
    def cancel(self) -> None:
        """F4 while the peer line rings: call the transfer or three-way call off; the caller
        stays with this seat and nothing is handed over."""
        call = self._seat.current
        if call is not None and self.ringing == call.call_id:
            self._seat.spawn(self._phone.cancel_transfer(call.call_id))

    @Slot()
    def send_as_dispatch(self) -> None:
        failed, transfers = self.failed, self._transfers
        if failed is None or transfers is None:
            return
        call_id, number, consent = failed
        key = f"{call_id}:{number}:互派"
        note = "转接未成功，互派"

        def sent() -> None:
            if self.failed == failed:  # done: the offer is over (a refusal leaves it open)
                self.failed = None

        self._after(lambda: transfers.send(number, key, note, consent), number, sent)

    # ------------------------------------------------------------------ private

    def _bridge(
        self, call_id: str, number: str, *, conference: bool, key: str = "", consent: bool = False
    ) -> None:
        """Move the call; a transfer's pending request (``key``) is completed if a peer seat
        has the caller and abandoned on every other outcome — a failure, the caller hanging up,
        a refusal by the switch. Only a console stopping mid-way leaves it pending (it is
        finished as 互派 on the next start)."""
        command = self._phone.conference if conference else self._phone.blind_transfer
        data = {"order": number} if number else None
        transfers = self._transfers if key else None
        self.failed = None
        self.notice.emit("")  # what an earlier attempt said is over

        def abandon() -> None:
            if transfers is not None:
                self._ops.write(self, lambda: transfers.abandon(key))  # a failure is logged

        async def go() -> None:
            self.ringing = call_id
            window_ms = int(self._window.total_seconds() * 1000)
            self.peer_ringing.emit(number, conference, window_ms)
            stopping = False
            try:
                result = await command(call_id, self.peer, data)
            except asyncio.CancelledError:
                stopping = True  # the console is stopping: the request stays pending for resume()
                raise
            except BaseException:
                abandon()
                raise
            finally:
                if self._moving == call_id:
                    self._moving = None
                if self.ringing == call_id:
                    self.ringing = None
                if not stopping:  # widgets may be going away with the console
                    self.ringing_over.emit()
            if result is TransferResult.CANCELLED:
                if transfers is not None:
                    self._ops.write(self, lambda: transfers.cancel(key))  # a failure is logged
                self.notice.emit(self.tr("Transfer cancelled: the caller is still with you."))
                self.cancelled.emit(number)
                return
            if result is TransferResult.OK:
                if conference:
                    self.conference_started.emit(number)
                elif transfers is not None:
                    self._after(lambda: transfers.complete(key), number)
                return
            abandon()
            text = self.tr("The {line} line did not take the call: {result}")
            self.notice.emit(text.format(line=self.peer.value, result=self._name(result)))
            current = self._seat.current
            if current is not None and current.call_id == call_id:  # still this caller
                if number and not conference:
                    self.failed = (call_id, number, consent)
                self.transfer_failed.emit(number, result.value)

        self._seat.spawn(go())

    def _after(
        self, work: Callable[[], object], number: str, then: Callable[[], None] | None = None
    ) -> None:
        def done(_: object) -> None:
            if then is not None:
                then()
            self.order_sent.emit(number)

        def refused(error: Exception) -> None:
            text = self.tr("The order did not go to {line}: {reason}")
            self.notice.emit(text.format(line=self.peer.value, reason=refusal_text(error)))

        self._ops.write(self, work, success=done, failure=refused)

    def _name(self, result: TransferResult) -> str:
        return {
            TransferResult.NO_ANSWER: self.tr("no answer"),
            TransferResult.BUSY: self.tr("busy"),
            TransferResult.REJECTED: self.tr("rejected"),
        }.get(result, result.value)

    @Slot(str)
    def _recorded(self, number: str) -> None:
        transfers = self._transfers
        if transfers is None:
            return

        def checked(clue: bool) -> None:
            if clue:
                self.clue_saved.emit(number)

        self._ops.read(self, ("is_clue", number), lambda: transfers.is_clue(number),
                       success=checked)  # fmt: skip

    def _forget_ended(self) -> None:
        if self._seat.current is None:
            self.failed = None
