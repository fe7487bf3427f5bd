"""The simulated switch's traffic: calls arrive as a Poisson process per line, each from a
fresh random mobile or (a share of them) a repeat caller. The same seed gives the same
arrivals and the same callers, however late the loop runs."""

from __future__ import annotations

import random
from collections.abc import Callable, Mapping
from types import MappingProxyType

from console.telephony.port import Line
from console.telephony.sim_timers import Timers

DEFAULT_RATES: Mapping[Line, float] = MappingProxyType({Line.HOTLINE: 1.0, Line.POLICE: 0.0})
MOBILE_PREFIXES = tuple(
    f"1{d}" for d in (30, 31, 32, 33, 35, 36, 37, 38, 39, 50, 51, 58, 66, 77, 86, 88, 99)
)


def random_mobile(rng: random.Random) -> str:
    """A plausible mainland mobile number (11 digits)."""
    return f"{rng.choice(MOBILE_PREFIXES)}{rng.randrange(10**8):08d}"


class Arrivals:
    def __init__(
        self,
        rate_per_min: float | Mapping[Line, float],
        *,
        base: int,
        callers: Callable[[], str | None] | None,
        repeat_share: float,
        timers: Timers,
        arrive: Callable[[Line], object],
    ) -> None:
        """``base``: the switch's seed drawn once; ``arrive(line)``: a call arrives now."""
        rates = (
            rate_per_min if isinstance(rate_per_min, Mapping) else dict.fromkeys(Line, rate_per_min)
        )
        self._rates = {line: float(rates.get(line, 0.0)) for line in Line}
        self._rngs = {line: random.Random(f"{base}:{line.value}") for line in Line}
        # Without a supplier, "repeat" callers are drawn per line too: which line's call comes
        # first when the loop runs late must not change who calls (same seed, same callers).
        self._fresh = {line: random.Random(f"{base}:fresh:{line.value}") for line in Line}
        self._callers = callers
        self._repeat_share = repeat_share
        self._timers = timers
        self._arrive = arrive
        self._next: dict[Line, float] = {}

    def caller(self, line: Line) -> str:
        """Who calls ``line`` now."""
        rng = self._rngs[line]
        repeat = rng.random() < self._repeat_share
        if not repeat:
            return random_mobile(rng)
        # A supplier with none to give yet (still reading them at start): a fresh caller.
        known = self._callers() if self._callers is not None else None
        return known or random_mobile(self._fresh[line])

    def start(self) -> None:
        now = self._timers.loop().time()
        for line, rate in self._rates.items():
            if rate > 0 and line not in self._next:
                self._next[line] = now
                self._plan(line)

    def stop(self) -> None:
        """No arrival after this (the planned timers are the switch's to cancel)."""
        self._next.clear()

    def _plan(self, line: Line) -> None:
        """Exponential inter-arrival times, planned on absolute loop time so lateness of one
        callback does not stretch the process."""
        gap = self._timers.scaled(self._rngs[line].expovariate(self._rates[line] / 60.0))
        self._next[line] += gap

        def arrive() -> None:
            if line in self._next:
                self._plan(line)
                self._arrive(line)

        self._timers.at(self._next[line], arrive)
