"""Wall clock, monotonic clock, and the detector that notices when they disagree.

Timers sleep on the monotonic clock, but deadlines are wall-clock instants. When the wall clock
jumps (NTP correction, an operator changing the time) or the machine sleeps, the two part ways:
the detector compares them at each check and says so, and the alarm scheduler then sweeps at
once instead of trusting timers armed before the jump. Pure Python: tests drive a FakeClock.
"""

from __future__ import annotations

import enum
import time
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import Protocol


class Clock(Protocol):
    def now(self) -> datetime:
        """Aware UTC wall-clock time."""
        ...

    def monotonic(self) -> float:
        """Seconds on a clock that never jumps (may or may not count suspend, by platform)."""
        ...


class SystemClock:
    def now(self) -> datetime:
        return datetime.now(UTC)

    def monotonic(self) -> float:
        return time.monotonic()


class FakeClock:
    """A clock tests move by hand: ``advance`` (time passes), ``jump`` (wall clock set),
    ``suspend`` (machine asleep: wall time passes, the monotonic clock does not, as on Linux)."""

    def __init__(self, start: datetime) -> None:
        if start.tzinfo is None:
            raise ValueError("FakeClock needs an aware start instant")
        self._wall = start.astimezone(UTC)
        self._mono = 1000.0

    def now(self) -> datetime:
        return self._wall

    def monotonic(self) -> float:
        return self._mono

    def advance(self, seconds: float) -> None:
        self._wall += timedelta(seconds=seconds)
        self._mono += seconds

    def jump(self, seconds: float) -> None:
        self._wall += timedelta(seconds=seconds)

    def suspend(self, seconds: float) -> None:
        self._wall += timedelta(seconds=seconds)

    def set(self, wall: datetime) -> None:
        self._wall = wall.astimezone(UTC)


class Shift(enum.Enum):
    NONE = "none"
    FORWARD = "forward"  # wall clock moved ahead of elapsed time: jump forward or resume from sleep
    BACKWARD = "backward"  # wall clock set back
    STALLED = "stalled"  # checks came far later than scheduled: the process was frozen or asleep


@dataclass(frozen=True)
class Observation:
    shift: Shift
    drift_s: float  # wall elapsed minus monotonic elapsed since the last check
    gap_s: float  # monotonic time since the last check


class JumpDetector:
    """Call :meth:`check` every ``interval_s``; it reports a jump or a stall since the last call.

    ``tolerance_s`` absorbs NTP slewing and scheduling jitter; a stall is a gap of more than
    ``stall_factor`` intervals (where the monotonic clock counts suspend, as on Windows, a sleep
    shows up as a stall rather than as drift).
    """

    def __init__(
        self,
        clock: Clock,
        interval_s: float = 1.0,
        tolerance_s: float = 2.0,
        stall_factor: float = 5.0,
    ) -> None:
        self._clock = clock
        self._interval = interval_s
        self._tolerance = tolerance_s
        self._stall = stall_factor
        self._wall = clock.now()
        self._mono = clock.monotonic()

    def check(self) -> Observation:
        wall, mono = self._clock.now(), self._clock.monotonic()
        gap = mono - self._mono
        drift = (wall - self._wall).total_seconds() - gap
        self._wall, self._mono = wall, mono
        if drift > self._tolerance:
            shift = Shift.FORWARD
        elif drift < -self._tolerance:
            shift = Shift.BACKWARD
        elif gap > self._interval * self._stall:
            shift = Shift.STALLED
        else:
            shift = Shift.NONE
        return Observation(shift, drift, gap)
