"""Drives one seat: telephony events in, agent state, call bar, screen pop and intake out.

Runs on the Qt thread (the qasync loop): the switch's events arrive here, commands go out as
tasks on the loop, database work goes through the UI's operations (off the UI thread). The
widgets stay thin; this object holds the seat's behaviour so tests can drive it without a window.
"""

from __future__ import annotations

import logging
from collections.abc import Awaitable, Callable
from datetime import datetime, timedelta

from PySide6.QtCore import QObject, QTimer, Signal, Slot

from console.domain.agent_state import AgentState, NotReadyReason, StateError
from console.domain.call_stats import CallStats
from console.domain.dispositions import UNCHOSEN
from console.services.dispositions import DispositionService
from console.services.report_calls import CallRecorder
from console.services.screen_pop import ScreenPopService
from console.services.seat import BoardLine, SeatStateService
from console.telephony.port import Call, CallEvent, CallState, Line, Telephony
from console.ui.operations import Operations
from console.ui.refusals import refusal_text
from console.ui.seat.call_bar import CallBar
from console.ui.seat.intake_form import IntakeForm
from console.ui.seat.screen_pop import ScreenPopView
from console.ui.seat.switch_tasks import SwitchTasks, count_line_event

log = logging.getLogger(__name__)

LEAVES_SEAT = frozenset({"ended", "transferred"})


class SeatController(QObject):
    """Signals: ``state_changed(str state, str reason)``; ``notice(str)`` — a message for the
    agent (a refused command); ``order_recorded(str number)`` — an order was saved for the call
    on the line; ``order_arrived(str number)`` — a call was transferred to this seat from the peer
    platform with its order; ``conference_joined(str number)`` — this seat was brought into the
    peer's three-way call (with its order, or ""); ``state_recorded()`` — a state change is in
    the database (the board may re-read); ``wrap_up_began(bool asking)`` — wrap-up began, asking
    for a wrap-up code when the call left no order; ``code_settled()`` — that code is no longer
    wanted (recorded, or an order was saved after all). Transfers and three-way calls are
    :class:`~console.ui.seat.transfer_flow.TransferFlow`'s.

    Wrap-up (话后整理) lasts ``wrap_up``, Shift+F6 adds as much again. A call that ended without
    an order holds the seat in wrap-up until a code is recorded (Enter records it and the seat
    is ready); if the time runs out first, "unchosen" is recorded and the seat is ready, so no
    call waits on a forgotten code. The screen pop clears when wrap-up ends.

    Offers: ``offer_ringing(str call_id)`` — the switch rings this seat (the
    :class:`~console.ui.seat.ringer.Ringer` rings); ``offer_stopped()`` — it no longer does
    (answered here or elsewhere, rung out, ended). With ``auto_answer`` an offer is answered
    at once instead. A call left ringing makes the switch set the seat not ready; the seat
    follows (reason "no answer") and says why."""

    state_changed = Signal(str, str)
    notice = Signal(str)
    order_recorded = Signal(str)
    order_arrived = Signal(str)
    conference_joined = Signal(str)
    state_recorded = Signal()
    wrap_up_began = Signal(bool)
    code_settled = Signal()
    offer_ringing = Signal(str)
    offer_stopped = Signal()

    def __init__(
        self,
        *,
        telephony: Telephony,
        line: Line,
        states: SeatStateService,
        pops: ScreenPopService,
        ops: Operations,
        call_bar: CallBar,
        pop_view: ScreenPopView,
        intake: IntakeForm,
        clock: Callable[[], datetime],
        wrap_up: timedelta = timedelta(seconds=30),
        dispositions: DispositionService | None = None,
        calls: CallRecorder | None = None,  # records every call of the line for the reports
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._phone = telephony
        self._line = line
        self._states = states
        self._pops = pops
        self._ops = ops
        self._bar = call_bar
        self._pop = pop_view
        self._intake = intake
        self._clock = clock
        self.stats = CallStats()
        self.current: Call | None = None
        self._order_for_call: tuple[str, str] | None = None  # (call id, order number)
        self.peer_side = False  # the current call came here from the peer platform
        self._tasks = SwitchTasks(self.notice.emit)  # the switch commands under way
        self.answered_at: datetime | None = None  # when this seat got the current call
        self.held_since: datetime | None = None  # when the current call's hold began
        self._dispositions = dispositions
        self._calls = calls
        self.codes = dispositions.catalogue if dispositions is not None else ()
        self._wrap_up = wrap_up
        self.wrap_up_ends: datetime | None = None
        self.code_wanted: str | None = None  # the ended call's id while its code is wanted
        self.ringing: str | None = None  # the call the switch rings this seat with
        self.auto_answer = False  # answer offers at once (seat.auto_answer)
        self.wrap_up_timer = QTimer(self, singleShot=True)
        self._closed = False  # close(): what was queued before it does nothing after
        self.wrap_up_timer.setObjectName("seat-wrap-up")
        self.wrap_up_timer.setInterval(int(wrap_up.total_seconds() * 1000))
        self.wrap_up_timer.timeout.connect(self._wrap_up_over)
        self._unsubscribe = telephony.subscribe(self._on_event)
        call_bar.answer_requested.connect(self.answer)
        intake.saved.connect(self.order_saved)

    @property
    def seat(self) -> str:
        return self._states.seat.seat

    @property
    def state(self) -> AgentState:
        return self._states.seat.state

    @property
    def since(self) -> datetime | None:
        """When the seat entered its current state."""
        return self._states.seat.since

    def board(self) -> list[BoardLine]:
        """Every seat's latest state (for the shift lead's board; call off the UI thread)."""
        return self._states.board()

    def log_in(self) -> None:
        self._phone.register_seat(self.seat, self._line, False)
        self.set_ready()

    def log_out(self) -> None:
        """Signing out: not ready (the switch stops offering calls), then logged out."""
        self.set_not_ready(NotReadyReason.OTHER)
        self._change(AgentState.LOGGED_OUT)

    # -- agent state ------------------------------------------------------------------------
    @Slot()
    def set_ready(self) -> None:
        if self._code_first():
            return
        self._change(AgentState.READY)

    def set_not_ready(self, reason: NotReadyReason) -> None:
        if self._code_first():
            return
        self._change(AgentState.NOT_READY, reason)

    def _code_first(self) -> bool:
        """Ready or not ready is refused while the ended call's wrap-up code is wanted."""
        if self.code_wanted is not None and self.state is AgentState.WRAP_UP:
            self.notice.emit(self.tr("Pick the call's wrap-up code first (digits, then Enter)."))
            return True
        return False

    def _change(self, to: AgentState, reason: NotReadyReason | None = None) -> None:
        try:
            change = self._states.apply(to, reason)
        except StateError as exc:
            self.notice.emit(refusal_text(exc))
            return
        states = self._states

        def not_recorded(error: Exception) -> None:  # the database is away: the seat goes on
            log.error("%s", error)
            self.notice.emit(self.tr("The state change could not be recorded (database)."))

        # Written off the UI thread; the board re-reads once it is written (state_recorded).
        self._ops.write(self, lambda: states.record(change),
                        success=lambda _: self.state_recorded.emit(), failure=not_recorded)  # fmt: skip
        if to is not AgentState.WRAP_UP:
            self.wrap_up_timer.stop()
            self.wrap_up_ends = None
            if to is not AgentState.ON_CALL:
                self._pop.clear()  # wrap-up is over: the next caller starts clean
        self._phone.set_ready(self.seat, to is AgentState.READY)
        self.state_changed.emit(change.state.value, change.reason.value if change.reason else "")

    @Slot()
    def _wrap_up_over(self) -> None:
        if self.state is AgentState.WRAP_UP:
            self._record_code(UNCHOSEN.code)  # the time is the limit: no call waits on a code
            self.set_ready()

    def _begin_wrap_up(self, ended: Call) -> None:
        no_order = self.saved_order(ended) is None and self._dispositions is not None
        self.code_wanted = ended.call_id if no_order else None
        self._change(AgentState.WRAP_UP)
        self.wrap_up_timer.start(int(self._wrap_up.total_seconds() * 1000))
        self.wrap_up_ends = self._clock() + self._wrap_up
        self.wrap_up_began.emit(no_order)

    @Slot()
    def extend_wrap_up(self) -> None:
        """Shift+F6: as much wrap-up time again as the site's wrap-up length."""
        if self.state is not AgentState.WRAP_UP or self.wrap_up_ends is None:
            return
        left = max(0, self.wrap_up_timer.remainingTime())
        more = int(self._wrap_up.total_seconds() * 1000)
        self.wrap_up_timer.start(left + more)
        self.wrap_up_ends = self._clock() + timedelta(milliseconds=left + more)

    @property
    def wrap_up_length(self) -> timedelta:
        return self._wrap_up

    def wrap_up_left(self, now: datetime) -> timedelta | None:
        ends = self.wrap_up_ends
        return max(ends - now, timedelta(0)) if ends is not None else None

    @Slot(str)
    def choose_code(self, code: str) -> None:
        """Record the ended call's wrap-up code; the seat is then ready (the agent is done)."""
        if self.code_wanted is None or self.state is not AgentState.WRAP_UP:
            return
        self._record_code(code)
        self.set_ready()

    def _record_code(self, code: str) -> None:
        call_id, service = self.code_wanted, self._dispositions
        if call_id is None or service is None:
            return
        self.code_wanted = None
        self.code_settled.emit()

        def failed(error: Exception) -> None:  # the seat goes on; the report misses one call
            log.error("wrap-up code %s of call %s not recorded: %s", code, call_id, error)
            self.notice.emit(self.tr("The wrap-up code could not be recorded: {error}").format(
                error=refusal_text(error)
            ))  # fmt: skip

        self._ops.write(self, lambda: service.record(call_id, code), failure=failed)

    # -- call commands ----------------------------------------------------------------------
    @Slot(str)
    def answer(self, call_id: str) -> None:
        if self.current is not None:
            self.notice.emit(self.tr("Finish the current call first."))
            return
        self.spawn(self._phone.answer(call_id, self.seat))

    @Slot()
    def answer_next(self) -> None:
        """F5: the call ringing at this seat, else the one that has waited longest."""
        if self.ringing is not None and self.current is None:
            self.answer(self.ringing)
        else:
            self._bar.answer_first()

    @Slot()
    def hang_up(self) -> None:
        if self.current is not None:
            self.spawn(self._phone.hang_up(self.current.call_id))

    @Slot()
    def toggle_hold(self) -> None:
        call = self.current
        if call is None:
            return
        held = call.state is CallState.HELD
        self.spawn(self._phone.resume(call.call_id) if held else self._phone.hold(call.call_id))

    @Slot(str)
    def order_saved(self, number: str) -> None:
        """The order recorded for the call on the line: it goes with the call on a transfer.
        Saved in wrap-up for the call just ended, it settles that call: no code is wanted."""
        if self.current is None and self.code_wanted is not None:
            self._order_for_call = (self.code_wanted, number)
            self.code_wanted = None
            self.code_settled.emit()
        if self.current is not None:
            self._order_for_call = (self.current.call_id, number)
            self.order_recorded.emit(number)
            self._show_pop(self.current)  # the pop lists the order just recorded too

    def saved_order(self, call: Call) -> str | None:
        """The order recorded for ``call`` (None if none was saved during it)."""
        saved = self._order_for_call
        return saved[1] if saved is not None and saved[0] == call.call_id else None

    def spawn(self, work: Awaitable[object]) -> None:
        """Run a switch command as a task on the loop; a refusal becomes a notice."""
        self._tasks.spawn(work)

    # -- events from the switch -------------------------------------------------------------
    def _on_event(self, event: CallEvent) -> None:
        if self._calls is not None and (record := self._calls.on_event(event)) is not None:
            self._ops.write(self, record)  # the reports' call record, off this thread
        call = event.call
        count_line_event(self.stats, self._line, event)
        self._follow_offer(event)
        mine = call.seat == self.seat
        if (event.kind == "answered" and mine and self.current is None) or (
            event.kind in ("transferred", "conferenced") and call.peer == self.seat
        ):  # a call of this seat's begins: its timer counts from now
            self._record_code(UNCHOSEN.code)  # a new call came in wrap-up, before the code
            self.answered_at, self.held_since = event.at, None
        if event.kind == "answered" and mine and self.current is None:
            self.current, self.peer_side = call, False
            self._change(AgentState.ON_CALL)
            self._show_pop(call)
            self._intake.start_for_call(call.call_id, call.caller)
        elif event.kind in ("transferred", "conferenced") and call.peer == self.seat:
            # The peer platform's caller is now on this seat's line, with its order attached.
            self.current, self.peer_side = call, True
            self._change(AgentState.ON_CALL)
            self._show_pop(call)
            number = call.data.get("order", "")
            if number:
                self._order_for_call = (call.call_id, number)
            else:
                self._intake.start_for_call(call.call_id, call.caller)
            if event.kind == "conferenced":
                self.conference_joined.emit(number)
            elif number:
                self.order_arrived.emit(number)
        elif self.current is not None and call.call_id == self.current.call_id:
            leaves = event.kind == "ended" or (event.kind in LEAVES_SEAT and not self.peer_side)
            if leaves:
                self.current, self.peer_side = None, False
                self.answered_at = self.held_since = None
                self._begin_wrap_up(call)
            else:
                self.current = call
                held = call.state is CallState.HELD
                self.held_since = (self.held_since or event.at) if held else None
        self._refresh_bar()

    def _follow_offer(self, event: CallEvent) -> None:
        """Ring while the switch offers this seat a call; stop once it no longer does."""
        call, kind = event.call, event.kind
        if kind == "ringing" and call.seat == self.seat and self.current is None:
            if self.auto_answer:
                self.answer(call.call_id)
            elif self.ringing != call.call_id:
                self.ringing = call.call_id
                self.offer_ringing.emit(call.call_id)
            return
        rang_out = kind == "ring_no_answer" and event.detail == self.seat
        # Answered (here or elsewhere), ended, rung out here, or ringing at another seat now.
        if call.call_id == self.ringing and (kind != "ring_no_answer" or rang_out):
            self.ringing = None
            self.offer_stopped.emit()
        if rang_out:  # after this event reached every view: commands here would nest events
            QTimer.singleShot(0, self, self._rang_out)

    @Slot()
    def _rang_out(self) -> None:
        if not self._closed and self.state is AgentState.READY:
            self.set_not_ready(NotReadyReason.NO_ANSWER)
            self.notice.emit(self.tr("Missed call: set to not ready. Press F2 when ready."))

    def _show_pop(self, call: Call) -> None:
        def failed(error: Exception) -> None:
            self.notice.emit(self.tr("Could not load the caller's history: {error}").format(
                error=refusal_text(error)
            ))  # fmt: skip

        pops, view = self._pops, self._pop
        self._ops.read(view, "pop", lambda: pops.pop(call.caller), success=view.show_pop,
                       failure=failed)  # fmt: skip

    def _refresh_bar(self) -> None:
        waiting = [c for c in self._phone.waiting() if c.line is self._line]
        self._bar.set_calls(
            waiting, self.current, answered_at=self.answered_at, held_since=self.held_since
        )

    def set_now(self, now: datetime) -> None:
        self._bar.set_now(now, self.stats)

    def close(self) -> None:
        """Stop listening and acting: no event, task or wrap-up timer touches the seat after."""
        self._closed = True
        self._unsubscribe()
        self.wrap_up_timer.stop()
        if self.ringing is not None:
            self.ringing = None
            self.offer_stopped.emit()
        self._tasks.cancel()
