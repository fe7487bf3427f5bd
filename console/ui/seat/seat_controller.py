"""Drives one seat: telephony events in, agent state, call bar, screen pop and intake out.

Runs on the Qt thread (the qasync loop): the switch's events arrive here, commands go out as
tasks on the loop, database reads go through the UI worker. The widgets stay thin; this object
holds the seat's behaviour so tests can drive it without a window.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Awaitable, Callable
from datetime import datetime, timedelta

from PySide6.QtCore import QObject, QTimer, Signal, Slot

from console.domain.agent_state import AgentState, NotReadyReason, StateError
from console.domain.call_stats import CallStats
from console.services.screen_pop import ScreenPopService
from console.services.seat import BoardLine, SeatStateService
from console.telephony.port import Call, CallEvent, CallState, Line, Telephony, TelephonyError
from console.ui.seat.call_bar import CallBar
from console.ui.seat.intake_form import IntakeForm
from console.ui.seat.screen_pop import ScreenPopView
from console.ui.worker import Run

log = logging.getLogger(__name__)

LEAVES_SEAT = frozenset({"ended", "transferred"})


class SeatController(QObject):
    """Signals: ``state_changed(str state, str reason)``, ``notice(str)`` — a message for the
    agent (a refused command, a failed transfer)."""

    state_changed = Signal(str, str)
    notice = Signal(str)

    def __init__(
        self,
        *,
        telephony: Telephony,
        line: Line,
        states: SeatStateService,
        pops: ScreenPopService,
        run: Run,
        call_bar: CallBar,
        pop_view: ScreenPopView,
        intake: IntakeForm,
        clock: Callable[[], datetime],
        wrap_up: timedelta = timedelta(seconds=30),
        transfer_order: Callable[[str, str], object] | None = None,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._phone = telephony
        self._line = line
        self._states = states
        self._pops = pops
        self._run = run
        self._bar = call_bar
        self._pop = pop_view
        self._intake = intake
        self._clock = clock
        self.stats = CallStats()
        self.current: Call | None = None
        self._transfer_order = transfer_order
        self._order_for_call: tuple[str, str] | None = None  # (call id, order number)
        self._tasks: set[asyncio.Task[object]] = set()
        self.wrap_up_timer = QTimer(self, singleShot=True)
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

    # -- agent state ------------------------------------------------------------------------
    @Slot()
    def set_ready(self) -> None:
        self._change(AgentState.READY)

    def set_not_ready(self, reason: NotReadyReason) -> None:
        self._change(AgentState.NOT_READY, reason)

    def _change(self, to: AgentState, reason: NotReadyReason | None = None) -> None:
        try:
            change = self._states.change(to, reason)
        except StateError as exc:
            self.notice.emit(str(exc))
            return
        if to is not AgentState.WRAP_UP:
            self.wrap_up_timer.stop()
        self._phone.set_ready(self.seat, to is AgentState.READY)
        self.state_changed.emit(change.state.value, change.reason.value if change.reason else "")

    @Slot()
    def _wrap_up_over(self) -> None:
        if self.state is AgentState.WRAP_UP:
            self.set_ready()

    # -- call commands ----------------------------------------------------------------------
    @Slot(str)
    def answer(self, call_id: str) -> None:
        if self.current is not None:
            self.notice.emit(self.tr("Finish the current call first."))
            return
        self._spawn(self._phone.answer(call_id, self.seat))

    @Slot()
    def answer_next(self) -> None:
        self._bar.answer_first()

    @Slot()
    def hang_up(self) -> None:
        if self.current is not None:
            self._spawn(self._phone.hang_up(self.current.call_id))

    @Slot()
    def toggle_hold(self) -> None:
        call = self.current
        if call is None:
            return
        held = call.state is CallState.HELD
        self._spawn(self._phone.resume(call.call_id) if held else self._phone.hold(call.call_id))

    @Slot(str)
    def order_saved(self, number: str) -> None:
        """The order recorded for the call on the line: it goes with the call on a transfer."""
        if self.current is not None:
            self._order_for_call = (self.current.call_id, number)

    @Slot()
    def transfer(self) -> None:
        """一键转接: the order goes to the peer platform (exactly once per call and order), then
        the call follows it; a refused order transfer (no consent…) keeps the call here."""
        call = self.current
        if call is None:
            return
        if self._transfer_order is None:
            self._bridge(conference=False)
            return
        saved = self._order_for_call
        if saved is None or saved[0] != call.call_id:
            self.notice.emit(self.tr("Save the order first: it goes with the call."))
            return
        number = saved[1]

        def done(answer: object) -> None:
            if isinstance(answer, BaseException):
                self.notice.emit(str(answer))
                return
            self._bridge(conference=False)

        key = f"{call.call_id}:{number}"
        self._run(lambda: self._transfer_order(number, key), done)  # type: ignore[misc]

    @Slot()
    def conference(self) -> None:
        self._bridge(conference=True)

    def _bridge(self, *, conference: bool) -> None:
        call = self.current
        if call is None:
            return
        peer = Line.POLICE if self._line is Line.HOTLINE else Line.HOTLINE
        command = self._phone.conference if conference else self._phone.blind_transfer

        async def go() -> None:
            result = await command(call.call_id, peer)
            if result.name != "OK":
                self.notice.emit(
                    self.tr("The {line} line did not take the call: {result}").format(
                        line=peer.value, result=result.value
                    )
                )

        self._spawn(go())

    def _spawn(self, work: Awaitable[object]) -> None:
        async def guarded() -> object:
            try:
                return await work
            except TelephonyError as exc:
                self.notice.emit(str(exc))
                return None

        task = asyncio.ensure_future(guarded())
        self._tasks.add(task)
        task.add_done_callback(self._tasks.discard)

    # -- events from the switch -------------------------------------------------------------
    def _on_event(self, event: CallEvent) -> None:
        call = event.call
        if call.line is self._line:  # the line's queue figures count every seat's answers
            if event.kind == "ringing":
                self.stats.arrived(call.call_id, call.arrived_at)
            elif event.kind == "answered":
                self.stats.answered_at(call.call_id, event.at)
            elif event.kind == "ended":
                self.stats.gone(call.call_id)  # only counts if it was still waiting
        mine = call.seat == self.seat
        if event.kind == "answered" and mine:
            self.current = call
            self._change(AgentState.ON_CALL)
            self._show_pop(call)
            self._intake.start_for_call(call.call_id, call.caller)
        elif self.current is not None and call.call_id == self.current.call_id:
            if event.kind in LEAVES_SEAT:
                self.current = None
                self._change(AgentState.WRAP_UP)
                self.wrap_up_timer.start()
            else:
                self.current = call
        self._refresh_bar()

    def _show_pop(self, call: Call) -> None:
        def shown(answer: object) -> None:
            if isinstance(answer, BaseException):
                self.notice.emit(self.tr("Could not load the caller's history: {error}").format(
                    error=answer
                ))  # fmt: skip
                return
            self._pop.show_pop(answer)  # type: ignore[arg-type]

        self._run(lambda: self._pops.pop(call.caller), shown)

    def _refresh_bar(self) -> None:
        waiting = [c for c in self._phone.waiting() if c.line is self._line]
        self._bar.set_calls(waiting, self.current)

    def set_now(self, now: datetime) -> None:
        self._bar.set_now(now, self.stats)

    def close(self) -> None:
        self._unsubscribe()
        for task in list(self._tasks):
            task.cancel()
