"""The telephony port: the calls a seat handles and the commands it gives, whatever the switch.

The console talks to telephony only through :class:`Telephony`. The simulated switch
(``simulated.py``) is the embedded default; a real PBX adapter (Asterisk AMI, FreeSWITCH ESL) is
a later implementation of the same protocol, and both must pass ``tests/telephony/contract.py``.
The call state machine is defined once, here (:data:`TRANSITIONS`, :data:`ALLOWED_FROM`), so every
adapter refuses the same commands with the same messages. Pure Python: no Qt.
"""

from __future__ import annotations

import dataclasses
import enum
import itertools
import logging
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Final, Literal, Protocol

from console.domain.refusals import Refused

log = logging.getLogger(__name__)


class Line(enum.StrEnum):
    HOTLINE = "12345"  # 政务服务便民热线
    POLICE = "110"  # 110 报警服务台


class CallState(enum.Enum):
    RINGING = "ringing"  # offered: queued (no seat yet) or ringing at a seat
    ANSWERED = "answered"  # caller and seat are talking
    HELD = "held"  # caller on hold
    TRANSFERRING = (
        "transferring"  # a seat of the target line is being rung (transfer or conference)
    )
    TRANSFERRED = "transferred"  # caller talks to the peer seat; the original seat is free
    CONFERENCED = "conferenced"  # three-way: caller + seat + peer (三方通话)
    ENDED = "ended"


class TransferResult(enum.Enum):
    OK = "ok"
    NO_ANSWER = "no_answer"  # nobody on the target line answered within the answer window
    BUSY = "busy"
    REJECTED = "rejected"
    CANCELLED = "cancelled"  # the seat called it off (cancel_transfer) while the peer line rang


class Command(enum.StrEnum):
    """What a seat asks of the switch; the value reads well in an error message."""

    ANSWER = "answer"
    HOLD = "hold"
    RESUME = "resume"
    TRANSFER = "blind transfer"
    CONFERENCE = "conference"
    HANG_UP = "hang up"
    CANCEL_TRANSFER = "cancel transfer"


_S = CallState
LIVE_STATES: Final = frozenset(s for s in CallState if s is not _S.ENDED)

# Every state change any adapter may make. TRANSFERRING → ANSWERED is a failed transfer or
# conference: the caller is back with the original seat.
TRANSITIONS: Final[Mapping[CallState, frozenset[CallState]]] = {
    _S.RINGING: frozenset({_S.ANSWERED, _S.ENDED}),
    _S.ANSWERED: frozenset({_S.HELD, _S.TRANSFERRING, _S.ENDED}),
    _S.HELD: frozenset({_S.ANSWERED, _S.TRANSFERRING, _S.ENDED}),
    _S.TRANSFERRING: frozenset({_S.TRANSFERRED, _S.CONFERENCED, _S.ANSWERED, _S.ENDED}),
    _S.TRANSFERRED: frozenset({_S.ENDED}),
    _S.CONFERENCED: frozenset({_S.ENDED}),
    _S.ENDED: frozenset(),
}

# The states each command is accepted in; anything else is a TelephonyError.
ALLOWED_FROM: Final[Mapping[Command, frozenset[CallState]]] = {
    Command.ANSWER: frozenset({_S.RINGING}),
    Command.HOLD: frozenset({_S.ANSWERED}),
    Command.RESUME: frozenset({_S.HELD}),
    Command.TRANSFER: frozenset({_S.ANSWERED, _S.HELD}),
    Command.CONFERENCE: frozenset({_S.ANSWERED, _S.HELD}),
    Command.HANG_UP: LIVE_STATES,
    Command.CANCEL_TRANSFER: frozenset({_S.TRANSFERRING}),
}

EventKind = Literal[
    "ringing",  # offered; ``call.seat`` is the seat it rings at, None while queued
    "answered",
    "held",
    "resumed",
    "transferring",  # transfer or conference started; ``detail`` says which and to what line
    "transferred",
    "transfer_failed",  # transfer or conference failed or was cancelled; ``detail`` carries
    # the TransferResult's value
    "conferenced",
    "ended",  # ``call.ended_reason`` says why
    # Ring-no-answer: the seat ``detail`` let the call ring out; the switch made that seat not
    # ready and queued the call again (``call.seat`` None) for the next ready seat.
    "ring_no_answer",
]


class _Keep(enum.Enum):
    KEEP = "keep"  # Call.moved: leave the field as it is


class TelephonyError(Refused):
    """A command the switch refuses (unknown call or seat, or illegal in the call's state): a
    declared refusal (``code``, ``switch_refused`` unless said); ``str()`` is the English why."""

    def __init__(self, why: str, /, code: str = "switch_refused") -> None:
        super().__init__(code, why)


@dataclass(frozen=True)
class Call:
    call_id: str
    caller: str
    line: Line
    arrived_at: datetime  # aware UTC
    state: CallState = CallState.RINGING
    seat: str | None = None  # the seat it rings at or talks to (kept after a transfer)
    peer: str | None = None  # the seat of the target line after a transfer or conference
    ended_reason: str | None = None
    # Call-attached data (随路数据: Asterisk channel variables, SIP User-to-User, CTI attached
    # data) set by the seat that transfers or conferences the call, e.g. {"order": number}: the
    # peer seat's screen pop shows that order.
    data: Mapping[str, str] = dataclasses.field(default_factory=dict)

    def __post_init__(self) -> None:
        if self.arrived_at.tzinfo is None:
            raise ValueError(f"call {self.call_id}: arrived_at must be timezone-aware")
        if self.arrived_at.utcoffset() != UTC.utcoffset(None):
            object.__setattr__(self, "arrived_at", self.arrived_at.astimezone(UTC))

    @property
    def live(self) -> bool:
        return self.state is not CallState.ENDED

    def moved(
        self,
        state: CallState,
        *,
        seat: str | _Keep | None = _Keep.KEEP,
        peer: str | _Keep | None = _Keep.KEEP,
        ended_reason: str | None = None,
        data: Mapping[str, str] | None = None,
    ) -> Call:
        """This call in ``state``; refuses a change the state machine does not allow."""
        if state not in TRANSITIONS[self.state]:
            raise TelephonyError(
                f"call {self.call_id} cannot go from {self.state.name} to {state.name}",
                code="call_not_now",
            )
        return dataclasses.replace(
            self,
            state=state,
            seat=self.seat if seat is _Keep.KEEP else seat,
            peer=self.peer if peer is _Keep.KEEP else peer,
            ended_reason=ended_reason,
            data=self.data if data is None else {**self.data, **data},
        )


def check_command(call: Call, command: Command) -> None:
    """Raise the one clear refusal every adapter gives: "call X is ENDED; cannot hold"."""
    if call.state not in ALLOWED_FROM[command]:
        over = call.state is CallState.ENDED
        raise TelephonyError(f"call {call.call_id} is {call.state.name}; cannot {command}",
                             code="call_over" if over else "call_not_now")  # fmt: skip


@dataclass(frozen=True)
class Availability:
    """A line's seats as a transfer or conference sees them, now: ``ready`` seats are signed in
    and ready (就绪); ``free`` ones of them ring nothing and talk to nobody, so a transfer can
    reach them. A transfer offered when ``free`` is 0 would only wait out the answer window."""

    ready: int
    free: int

    @property
    def busy(self) -> int:
        """Ready seats that cannot take a transfer now: ringing, on a call, or taking one."""
        return self.ready - self.free


@dataclass(frozen=True)
class CallEvent:
    call: Call  # the call as it is after the change
    kind: EventKind
    at: datetime
    detail: str = ""


Subscriber = Callable[[CallEvent], None]


class Subscribers:
    """Fan-out of call events to subscribers, in subscription order.

    A subscriber that raises is logged and skipped: one broken view must not stop the switch.
    """

    def __init__(self) -> None:
        self._subs: dict[int, Subscriber] = {}
        self._ids = itertools.count()

    def subscribe(self, callback: Subscriber) -> Callable[[], None]:
        key = next(self._ids)
        self._subs[key] = callback

        def unsubscribe() -> None:
            self._subs.pop(key, None)

        return unsubscribe

    def publish(self, event: CallEvent) -> None:
        for callback in list(self._subs.values()):
            try:
                callback(event)
            except Exception:
                log.exception("telephony subscriber failed on %s %s", event.kind, event.call)


class Telephony(Protocol):
    """What the console needs from a switch.

    Lifecycle: the composition root builds an adapter, calls :meth:`start` once before its event
    loop runs (the adapter is given that loop), and awaits :meth:`stop` when the console closes.
    Both may be called again harmlessly; :meth:`stop` before :meth:`start` is harmless too.

    Commands refuse what :data:`ALLOWED_FROM` does not allow with :class:`TelephonyError`, and
    return once their change shows in :meth:`calls` and its event has been published. Events reach
    subscribers on the event loop, in order, after the change. A call's "ringing" event may come
    more than once: on arrival (``seat`` None while it queues) and whenever it rings a seat.
    Queued calls are offered longest-waiting first, each to one ready, free seat; a call left
    ringing past the switch's ring-no-answer timeout comes back as "ring_no_answer".
    """

    def start(self) -> None:
        """Begin working: connect to the switch (a PBX adapter) or let calls arrive (the
        simulator). Returns at once; a connection is made on the loop. Starting again is a no-op."""
        ...

    async def stop(self) -> None:
        """Stop working: pending transfers and conferences raise :class:`TelephonyError`, timers
        and connections are closed, and nothing happens by itself once it returns. Stopping again,
        or a switch never started, is harmless."""
        ...

    async def answer(self, call_id: str, seat: str) -> None:
        """Answer a ringing call at ``seat`` (any registered seat of the call's line)."""
        ...

    async def hold(self, call_id: str) -> None: ...

    async def resume(self, call_id: str) -> None: ...

    async def blind_transfer(
        self, call_id: str, target_line: Line, data: Mapping[str, str] | None = None
    ) -> TransferResult:
        """Hand the caller to a seat of ``target_line``; waits up to the answer window.
        ``data`` is attached to the call from the "transferring" event on (the peer seat reads
        it when it answers). On failure the call is ANSWERED again with the original seat.
        Raises TelephonyError if the call ends while the transfer is pending."""
        ...

    async def conference(
        self, call_id: str, target_line: Line, data: Mapping[str, str] | None = None
    ) -> TransferResult:
        """Bring a seat of ``target_line`` in: caller + seat + peer. Failure and ``data`` as for
        a transfer."""
        ...

    async def hang_up(self, call_id: str) -> None:
        """End the call from any live state."""
        ...

    async def cancel_transfer(self, call_id: str) -> None:
        """Call off the pending transfer or conference of ``call_id`` (TRANSFERRING only): the
        peer line stops ringing, the caller is ANSWERED with the original seat again (a
        "transfer_failed" event whose ``detail`` says ``cancelled``), and the pending
        :meth:`blind_transfer` or :meth:`conference` returns ``TransferResult.CANCELLED``."""
        ...

    def available(self, line: Line) -> Availability:
        """How many seats of ``line`` are ready, and how many of those could take a transfer
        now (ready, not ringing, not on a call). Answered from the adapter's own view of the
        switch, at once: the seat asks before F8/F9 and shows it live."""
        ...

    def subscribe(self, callback: Subscriber) -> Callable[[], None]:
        """Deliver every call event to ``callback``; returns the unsubscribe function."""
        ...

    def register_seat(self, seat: str, line: Line, ready: bool) -> None:
        """Make ``seat`` an agent of ``line`` (registering again updates it)."""
        ...

    def set_ready(self, seat: str, ready: bool) -> None:
        """Only ready seats ring; a call waiting for a seat rings as soon as one is ready."""
        ...

    def calls(self) -> list[Call]:
        """Live calls, in arrival order."""
        ...

    def waiting(self) -> list[Call]:
        """Ringing, unanswered calls (queued or ringing at a seat), in arrival order."""
        ...
