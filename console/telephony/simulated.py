"""The simulated switch: the embedded default telephony, good enough to demo and test on.

Calls arrive as a Poisson process per line; a call rings a ready, free seat of its line
(round-robin) or waits in the queue until one is ready. Every command of :class:`Telephony` is
honoured; a transfer or conference is answered by a ready seat of the target line after
``peer_answer_s``, or fails NO_ANSWER when the answer window ends. ``fail_next_transfer`` makes
the next one fail on purpose (demo and tests).

Offers, as an ACD makes them: queued calls ring longest-waiting first; with ``ring_timeout_s`` a
call left ringing goes to the next ready seat and the seat that let it ring is made not ready
(ring-no-answer); ``colleagues`` adds simulated agents who take their share of each line's calls
(:mod:`.sim_floor`).

Everything runs as timer callbacks on the running asyncio loop (:mod:`.sim_timers`);
configured durations are simulated seconds. The arrivals and their callers are
:mod:`.sim_arrivals`.
"""

from __future__ import annotations

import asyncio
import dataclasses
import functools
import random
from collections import OrderedDict
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from datetime import UTC, datetime

from console.telephony.port import (
    LIVE_STATES,
    Availability,
    Call,
    CallEvent,
    CallState,
    Command,
    EventKind,
    Line,
    Subscriber,
    Subscribers,
    Telephony,
    TelephonyError,
    TransferResult,
    check_command,
)
from console.telephony.sim_arrivals import DEFAULT_RATES, Arrivals
from console.telephony.sim_floor import Colleagues
from console.telephony.sim_timers import Timers

_ENGAGES_SEAT = LIVE_STATES - {CallState.TRANSFERRED}  # after a transfer the seat is free
_ENGAGES_PEER = frozenset({CallState.TRANSFERRED, CallState.CONFERENCED})
_KEEP_ENDED = 1000  # ended calls remembered, so a late command gets "is ENDED", not "no call"


def _utc_now() -> datetime:
    return datetime.now(UTC)


@dataclass
class _PeerRequest:
    """A pending transfer or conference: the caller waits while the target line rings."""

    call_id: str
    line: Line
    command: Command
    done: asyncio.Future[TransferResult]
    forced: TransferResult | None = None
    peer: str | None = None  # the seat reserved to answer
    timers: list[asyncio.TimerHandle] = field(default_factory=list)


class SimulatedSwitch(Telephony):
    def __init__(
        self,
        *,
        rate_per_min: float | Mapping[Line, float] = DEFAULT_RATES,
        seed: int | None = None,
        callers: Callable[[], str | None] | None = None,
        repeat_share: float = 0.3,
        answer_window_s: float = 30.0,
        peer_answer_s: float = 2.0,
        transferred_talk_s: float | None = 120.0,
        patience_s: float | None = None,
        time_scale: float = 1.0,
        clock: Callable[[], datetime] = _utc_now,
        loop: asyncio.AbstractEventLoop | None = None,
        ring_timeout_s: float | None = None,
        colleagues: Mapping[Line, int] | None = None,
    ) -> None:
        """``callers`` supplies repeat callers (the app draws them from the database; it must be
        quick — keep the numbers in memory; None: none known yet): a share ``repeat_share`` of
        calls comes from it, the rest are fresh random mobiles. ``transferred_talk_s``: the peer ends a transferred call
        after that long (None: never). ``patience_s``: an unanswered caller gives up (None: never).
        ``ring_timeout_s``: a call left ringing at a seat that long goes to the next ready seat
        and that seat is made not ready ("ring_no_answer"; None: it rings on).
        ``colleagues``: simulated agents per line who take their share of its calls
        (:mod:`.sim_floor`; none by default).
        """
        base = random.Random(seed).getrandbits(64)
        self._timers = Timers(loop, time_scale)
        self._arrivals = Arrivals(
            rate_per_min, base=base, callers=callers, repeat_share=repeat_share,
            timers=self._timers, arrive=self.place_call,
        )  # fmt: skip
        self._window = answer_window_s
        self._peer_answer = peer_answer_s
        self._talk = transferred_talk_s
        self._patience = patience_s
        self._clock = clock
        self._subs = Subscribers()
        self._seats: dict[str, Line] = {}  # registration order is the round-robin order
        self._ready: set[str] = set()
        self._last_rung: dict[Line, str] = {}
        self._calls: dict[str, Call] = {}
        self._ended: OrderedDict[str, Call] = OrderedDict()
        self._requests: dict[str, _PeerRequest] = {}
        self._ids, self._run = 0, f"{random.SystemRandom().getrandbits(16):04x}"  # per start
        self._forced: TransferResult | None = None
        self._ring_timeout = ring_timeout_s
        self._rings: dict[str, asyncio.TimerHandle] = {}  # call id → its ring-no-answer timer
        self.colleagues = Colleagues(
            self, colleagues or {}, rng=random.Random(f"{base}:colleagues"),
            later=self._timers.later, rest=self._ready.discard, loop=self._timers.loop,
        )  # fmt: skip

    # --- lifecycle and simulator hooks -------------------------------------------------------

    def start(self) -> None:
        """Start generating calls (needs the loop passed in, or a running one)."""
        self._arrivals.start()

    async def stop(self) -> None:
        """Stop arrivals and timers; pending transfers raise TelephonyError. Calls stay."""
        self._arrivals.stop()
        self._timers.cancel_all()
        for request in self._requests.values():
            if not request.done.done():
                request.done.set_exception(TelephonyError("the switch stopped"))
        self._requests.clear()
        await asyncio.sleep(0)

    def place_call(self, line: Line, caller: str | None = None) -> Call:
        """A call arrives now (what each Poisson arrival does); the caller is drawn if not given."""
        if caller is None:
            caller = self._arrivals.caller(line)
        self._ids += 1
        call = Call(f"SIM-{self._run}-{self._ids:06d}", caller, line, self._clock())
        self._put(call, "ringing", "queued")
        if self._patience is not None:
            gave_up = functools.partial(
                self._end_if, call.call_id, CallState.RINGING, "caller gave up"
            )
            self._timers.later(self._patience, gave_up)
        self._dispatch()
        return self._calls.get(call.call_id, call)

    def caller_hangs_up(self, call_id: str) -> None:
        """The caller hangs up (demo and tests)."""
        self._end(self._require(call_id, Command.HANG_UP), "caller hung up")

    def fail_next_transfer(self, result: TransferResult) -> None:
        """The next transfer or conference fails with ``result`` (OK clears the hook)."""
        self._forced = None if result is TransferResult.OK else result

    # --- seats -------------------------------------------------------------------------------

    def register_seat(self, seat: str, line: Line, ready: bool = True) -> None:
        self._seats[seat] = line
        (self._ready.add if ready else self._ready.discard)(seat)
        self._dispatch()

    def set_ready(self, seat: str, ready: bool) -> None:
        if seat not in self._seats:
            raise TelephonyError(f"seat {seat} is not registered")
        (self._ready.add if ready else self._ready.discard)(seat)
        if not ready:  # calls ringing at this seat go back to the queue
            for call in self.waiting():
                if call.seat == seat:
                    self._put(dataclasses.replace(call, seat=None), "ringing", "requeued")
        self._dispatch()

    def _pick_seat(
        self, line: Line, exclude: str | None = None, *, offer: bool = False
    ) -> str | None:
        """The next ready, free seat of ``line`` after the last one rung (round-robin).
        Simulated colleagues are picked only to ``offer`` a queued call (never for a transfer)."""
        skip = {exclude} if offer else {exclude, *self.colleagues.names}
        engaged = self._busy_seats()
        names = [name for name, of in self._seats.items() if of is line]
        last = self._last_rung.get(line)
        start = names.index(last) + 1 if last in names else 0
        for name in names[start:] + names[:start]:
            if name in self._ready and name not in engaged and name not in skip:
                self._last_rung[line] = name
                return name
        return None

    def _dispatch(self) -> None:
        """Give free seats to pending transfers first (a caller is already talking), then to
        queued calls in arrival order."""
        for request in list(self._requests.values()):
            if request.forced is None and request.peer is None:
                request.peer = self._pick_seat(request.line, self._calls[request.call_id].seat)
                if request.peer is not None:
                    settle = functools.partial(self._settle, request, TransferResult.OK)
                    request.timers.append(self._timers.later(self._peer_answer, settle))
        full: set[Line] = set()  # lines with no free seat: a long queue stays cheap
        for call in self.waiting():
            if (
                call.seat is None
                and call.line not in full
                and self._calls.get(call.call_id) is call
            ):
                if (seat := self._pick_seat(call.line, offer=True)) is None:
                    full.add(call.line)
                else:
                    self._offer(call, seat)

    def _offer(self, call: Call, seat: str) -> None:
        """Ring ``call`` at ``seat``; past the ring-no-answer timeout it goes to the next seat."""
        self._put(dataclasses.replace(call, seat=seat), "ringing", f"rings {seat}")
        if self._ring_timeout is not None:
            if (old := self._rings.pop(call.call_id, None)) is not None:
                self._timers.cancel([old])
            rang_out = functools.partial(self._rang_out, call.call_id, seat)
            self._rings[call.call_id] = self._timers.later(self._ring_timeout, rang_out)

    def _rang_out(self, call_id: str, seat: str) -> None:
        """Ring-no-answer (as an ACD does): the seat is made not ready, the call offered on."""
        self._rings.pop(call_id, None)
        call = self._calls.get(call_id)
        if call is None or call.state is not CallState.RINGING or call.seat != seat:
            return
        self._ready.discard(seat)
        self._put(dataclasses.replace(call, seat=None), "ring_no_answer", seat)
        self._dispatch()

    # --- commands ----------------------------------------------------------------------------

    async def answer(self, call_id: str, seat: str) -> None:
        call = self._require(call_id, Command.ANSWER)
        if seat not in self._seats:
            raise TelephonyError(f"seat {seat} is not registered; cannot answer call {call_id}")
        if self._seats[seat] is not call.line:
            raise TelephonyError(f"seat {seat} is on line {self._seats[seat]}, not {call.line}")
        self._put(call.moved(CallState.ANSWERED, seat=seat), "answered", seat)
        self._dispatch()

    async def hold(self, call_id: str) -> None:
        call = self._require(call_id, Command.HOLD)
        self._put(call.moved(CallState.HELD), "held")

    async def resume(self, call_id: str) -> None:
        call = self._require(call_id, Command.RESUME)
        self._put(call.moved(CallState.ANSWERED), "resumed")

    async def hang_up(self, call_id: str) -> None:
        self._end(self._require(call_id, Command.HANG_UP), "hung up by seat")

    async def cancel_transfer(self, call_id: str) -> None:
        self._require(call_id, Command.CANCEL_TRANSFER)
        request = self._requests.get(call_id)
        if request is None:  # TRANSFERRING without a request: the switch stopped meanwhile
            raise TelephonyError(f"call {call_id} has no pending transfer to cancel")
        self._settle(request, TransferResult.CANCELLED)

    def available(self, line: Line) -> Availability:
        """Seats that could take a transfer: simulated colleagues never do, so they never count."""
        never = self.colleagues.names
        ready = [
            name
            for name, of in self._seats.items()
            if of is line and name in self._ready and name not in never
        ]
        busy = self._busy_seats()
        return Availability(ready=len(ready), free=sum(name not in busy for name in ready))

    def _busy_seats(self) -> set[str]:
        """Seats that cannot take a transfer now: ringing, talking, or reserved for one."""
        busy = {c.seat for c in self._calls.values() if c.state in _ENGAGES_SEAT}
        busy |= {c.peer for c in self._calls.values() if c.state in _ENGAGES_PEER}
        busy |= {r.peer for r in self._requests.values()}
        return {seat for seat in busy if seat is not None}

    async def blind_transfer(
        self, call_id: str, target_line: Line, data: Mapping[str, str] | None = None
    ) -> TransferResult:
        return await self._bridge(call_id, target_line, Command.TRANSFER, data)

    async def conference(
        self, call_id: str, target_line: Line, data: Mapping[str, str] | None = None
    ) -> TransferResult:
        return await self._bridge(call_id, target_line, Command.CONFERENCE, data)

    async def _bridge(
        self, call_id: str, line: Line, command: Command, data: Mapping[str, str] | None
    ) -> TransferResult:
        call = self._require(call_id, command)
        done: asyncio.Future[TransferResult] = self._timers.loop().create_future()
        request = _PeerRequest(call_id, line, command, done, forced=self._forced)
        self._forced = None
        self._requests[call_id] = request
        self._put(
            call.moved(CallState.TRANSFERRING, peer=None, data=data),
            "transferring",
            f"{command} to {line}",
        )
        failure = request.forced or TransferResult.NO_ANSWER
        after = {TransferResult.BUSY: 0.0, TransferResult.REJECTED: self._peer_answer}
        request.timers.append(
            self._timers.later(
                after.get(failure, self._window), lambda: self._settle(request, failure)
            )
        )
        self._dispatch()
        try:
            return await done
        except asyncio.CancelledError:  # the seat gave up waiting: the caller is back with it
            self._settle(request, None)
            raise

    def _settle(self, request: _PeerRequest, result: TransferResult | None) -> None:
        """Finish a pending transfer/conference: OK, a failure, or None (abandoned)."""
        if self._requests.get(request.call_id) is not request:
            return
        del self._requests[request.call_id]
        self._timers.cancel(request.timers)
        call = self._calls[request.call_id]
        if result is TransferResult.OK:
            transfer = request.command is Command.TRANSFER
            state = CallState.TRANSFERRED if transfer else CallState.CONFERENCED
            self._put(call.moved(state, peer=request.peer), state.value, f"{request.peer}")
            if transfer and self._talk is not None:
                end = functools.partial(self._end_if, call.call_id, state, "peer hung up")
                self._timers.later(self._talk, end)
        else:
            outcome = "cancelled" if result is None else result.value
            detail = f"{request.command} to {request.line}: {outcome}"
            self._put(call.moved(CallState.ANSWERED, peer=None), "transfer_failed", detail)
        if result is not None and not request.done.done():
            request.done.set_result(result)
        self._dispatch()

    def _end(self, call: Call, reason: str) -> None:
        request = self._requests.pop(call.call_id, None)
        self._put(call.moved(CallState.ENDED, ended_reason=reason), "ended", reason)
        if request is not None:
            self._timers.cancel(request.timers)
            if not request.done.done():
                message = f"call {call.call_id} ended while its {request.command} was pending"
                request.done.set_exception(TelephonyError(message))
        self._dispatch()

    def _end_if(self, call_id: str, state: CallState, reason: str) -> None:
        call = self._calls.get(call_id)
        if call is not None and call.state is state:
            self._end(call, reason)

    # --- queries, events, plumbing -----------------------------------------------------------

    def subscribe(self, callback: Subscriber) -> Callable[[], None]:
        return self._subs.subscribe(callback)

    def calls(self) -> list[Call]:
        return list(self._calls.values())

    def waiting(self) -> list[Call]:
        return [c for c in self._calls.values() if c.state is CallState.RINGING]

    def _require(self, call_id: str, command: Command) -> Call:
        call = self._calls.get(call_id) or self._ended.get(call_id)
        if call is None:
            raise TelephonyError(f"no call {call_id}; cannot {command}")
        check_command(call, command)
        return call

    def _put(self, call: Call, kind: EventKind, detail: str = "") -> None:
        if call.live:
            self._calls[call.call_id] = call
        else:
            self._calls.pop(call.call_id, None)
            self._ended[call.call_id] = call
            while len(self._ended) > _KEEP_ENDED:
                self._ended.popitem(last=False)
        self._subs.publish(CallEvent(call, kind, self._clock(), detail))
