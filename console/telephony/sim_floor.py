"""The simulated centre's other agents: colleagues who take their share of the line's calls.

A console seat is one agent among many on a real floor. Without colleagues the simulated switch
offers every call to the one human seat and the queue figures mean nothing. Each colleague is
a registered seat of its line (``SIM-12345-01`` …) that the switch offers calls to like any
other; offered a call, it answers after a few seconds of ringing, talks for a handling time
drawn from a log-normal distribution (the long right tail of real calls), hangs up, wraps up
and is ready again. Every draw comes from one seeded generator: same seed, same floor.

Colleagues act only through the port's commands (answer, hang up, set ready); the switch gives
them its timer (so stopping the switch stops them) and a way to rest a seat without re-offering
at once (a colleague in wrap-up must not be offered the next call while its call ends).
Colleagues do not take transfers or conferences: those go to the console seats (or the
simulated peer agent), so a transfer in the demo reaches a person.
"""

from __future__ import annotations

import asyncio
import contextlib
import math
import random
from collections.abc import Awaitable, Callable, Mapping
from types import MappingProxyType
from typing import Final

from console.telephony.port import CallEvent, Line, Telephony, TelephonyError

# Median handling time (seconds) and the log-normal's sigma, per line: a 12345 call runs about
# 4-6 minutes (advice, complaints, order taking), a 110 call about 2-3 (triage and dispatch).
HANDLING: Final[Mapping[Line, tuple[float, float]]] = MappingProxyType(
    {Line.HOTLINE: (300.0, 0.25), Line.POLICE: (150.0, 0.2)}
)
RING_S: Final = (2.0, 5.0)  # a colleague answers after this many seconds of ringing (uniform)
WRAP_UP_S: Final = 30.0  # 话后整理 after each call, then ready again

Later = Callable[[float, Callable[[], None]], object]


def colleague_name(line: Line, number: int) -> str:
    return f"SIM-{line.value}-{number:02d}"


class Colleagues:
    """The simulated agents of each line; ``names`` maps each to its line."""

    def __init__(
        self,
        switch: Telephony,
        counts: Mapping[Line, int],
        *,
        rng: random.Random,
        later: Later,
        rest: Callable[[str], None],
        loop: Callable[[], asyncio.AbstractEventLoop],
    ) -> None:
        self._switch = switch
        self._rng = rng
        self._later = later
        self._rest = rest
        self._loop = loop
        self._talked: set[str] = set()  # call ids a colleague answered
        self._tasks: set[asyncio.Task[None]] = set()
        self.names: dict[str, Line] = {
            colleague_name(line, n): line
            for line, count in counts.items()
            for n in range(1, count + 1)
        }
        switch.subscribe(self._on_event)
        for name, line in self.names.items():
            switch.register_seat(name, line, True)

    def handling_s(self, line: Line) -> float:
        median, sigma = HANDLING[line]
        return self._rng.lognormvariate(math.log(median), sigma)

    def _on_event(self, event: CallEvent) -> None:
        call, seat = event.call, event.call.seat
        if seat not in self.names:
            return
        if event.kind == "ringing":
            self._later(
                self._rng.uniform(*RING_S), lambda: self._command(self._answer(call.call_id, seat))
            )
        elif event.kind == "answered":
            self._talked.add(call.call_id)
            talk = self.handling_s(call.line)
            self._later(talk, lambda: self._command(self._switch.hang_up(call.call_id)))
        elif event.kind in ("ended", "transferred") and call.call_id in self._talked:
            self._talked.discard(call.call_id)
            self._rest(seat)  # not offered the next call while this one ends: wrap-up first
            self._later(WRAP_UP_S, lambda: self._switch.set_ready(seat, True))

    async def _answer(self, call_id: str, seat: str) -> None:
        ringing = next((c for c in self._switch.waiting() if c.call_id == call_id), None)
        if ringing is not None and ringing.seat == seat:  # still ringing here: pick it up
            await self._switch.answer(call_id, seat)

    def _command(self, work: Awaitable[None]) -> None:
        async def guarded() -> None:
            # The caller may have hung up, or the call gone elsewhere, meanwhile.
            with contextlib.suppress(TelephonyError):
                await work

        task = self._loop().create_task(guarded())
        self._tasks.add(task)
        task.add_done_callback(self._tasks.discard)
