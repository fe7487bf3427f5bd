"""Hot spots (热点分析): which district × kind, district × field or one address had more
orders in the last window than its own history explains.

**The baseline: EARS C2's.** A window's count is compared with the same clock window (e.g.
12:00–16:00 China time) on the seven days before a guard band of the two most recent days, so a
problem that has been building for a day or two does not raise its own baseline (EARS C2:
Hutwagner et al. 2003, "The bioterrorism preparedness and response Early Aberration Reporting
System (EARS)", J Urban Health 80(2 Suppl 1):i89–i96). Same-window-of-day, because the hotline's
traffic has a strong daily shape.

**The threshold: Farrington's upper bound, not C2's mean + 3 sd.** C2 fires above
``mean + 3·sd`` of the seven baseline counts. Our cells are small (a district's heating
complaints in four hours are often 0–5): the sample sd of seven small counts is often 0 or tiny
(one extra order is then an "aberration"), and the normal bound ignores how skewed small counts
are. Fricker, Hegler & Dunfee 2008 ("Comparing syndromic surveillance detection methods: EARS'
versus a CUSUM-based methodology", Statistics in Medicine 27:3407–3429) show the C methods'
false-alarm rates running far above their nominal level for just these reasons, and the R package
*surveillance* adds a ``minSigma`` floor to its ``earsC``. Measured here (tests/domain/
test_hotspots.py, 1,000 cells, six windows a day, Poisson counts): C2 with an sd floor of 1 and a
minimum count of 5 gives about 75 false alarms a day; the bound below, on the same seven values
and at the same nominal 3 standard deviations, about 6 (what α = 0.00135 over 6,000 tests a day
should give). The bound is Farrington et al.'s (1996, "A statistical algorithm for the early
detection of outbreaks of infectious disease", JRSS A 159:547–563): counts are quasi-Poisson
with dispersion ``φ = max(1, variance / mean)`` — never below Poisson, which also settles the
sd = 0 case — and the bound is taken on the 2/3-power scale, where counts are near-symmetric:

    U = mean · (1 + (2/3) · z · √(φ · (1 + 1/n) / mean))^(3/2),   n baseline windows

It fires when ``count > U`` and ``count ≥ min_count`` (default 5: a floor on the count itself,
so three orders where there were none never fire on their own). Farrington's full method fits a
regression over years of history; that would leave a site without history with no hot spots for
a year, so only its bound is used, over C2's nine days.

Baseline windows that hold no order of the platform at all (the console was not running, or the
site's history starts later) are left out rather than counted as zeros; with fewer than
``min_baseline`` of them the count test is not made (repeats still are).

**Repeats at one address (热点件 / 重复诉求):** Chinese hotline platforms flag a matter raised
three times or more and push a warning; here, ``repeat_min`` (default 3) orders in the window at
one district and one normalised address (:func:`normalise_address`).

Pure Python: no Qt, no database.
"""

from __future__ import annotations

import enum
import math
import statistics
import unicodedata
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo

CHINA = ZoneInfo("Asia/Shanghai")
DAY = timedelta(days=1)


class Dimension(enum.StrEnum):
    """What a hot spot counts: orders of one kind, of one field, of one keyword group (a
    transfer-list item's keywords in the description: console/domain/hotspot_keywords.py), or
    at one address."""

    KIND = "kind"
    FIELD = "field"
    KEYWORDS = "keywords"
    ADDRESS = "address"


class Fired(enum.StrEnum):
    """Which test a hot spot passed, as a shift lead is told it."""

    BOUND = "bound"  # above the baseline's upper bound (and at least the minimum count)
    MIN_COUNT = "min_count"  # a baseline of zeros: no bound, the minimum count alone
    REPEATS = "repeats"  # repeat_min orders or more at one address


class State(enum.StrEnum):
    OPEN = "open"  # found, nobody has acted on it
    TAKEN_UP = "taken_up"  # a verification order (核查工单) was made from it


Cell = tuple[Dimension, str, str]
"""(dimension, district code, subject: kind code, field code, keyword group or normalised address)."""


@dataclass(frozen=True, slots=True)
class Method:
    """The detection's settings; the defaults are the ones described in the module docstring."""

    every_hours: int = 4  # the window's length and the scan's cadence, aligned to China 00:00
    baseline_days: int = 7  # EARS C2: seven baseline windows …
    guard_days: int = 2  # … after leaving out the two most recent days
    z: float = 3.0  # the bound's standard normal quantile (3: α ≈ 0.00135 a test)
    min_count: int = 5
    min_baseline: int = 3  # baseline windows with data needed before the count test is made
    repeat_min: int = 3  # orders at one address in the window: 热点件

    def __post_init__(self) -> None:
        if self.every_hours < 1 or 24 % self.every_hours:
            raise ValueError(f"every_hours must divide 24, got {self.every_hours}")
        if self.baseline_days < 2 or self.guard_days < 0:
            raise ValueError("baseline_days must be >= 2 and guard_days >= 0")
        if not 1 <= self.min_baseline <= self.baseline_days:
            raise ValueError("min_baseline must be between 1 and baseline_days")
        if self.min_count < 1 or self.repeat_min < 2 or self.z <= 0:
            raise ValueError("min_count >= 1, repeat_min >= 2 and z > 0, please")


@dataclass(frozen=True, slots=True)
class Window:
    """``[start, end)``, aware UTC instants."""

    start: datetime
    end: datetime

    def shifted(self, days: int) -> Window:
        """The same clock window ``days`` earlier (China has no daylight saving time)."""
        return Window(self.start - days * DAY, self.end - days * DAY)


def window_ending(at: datetime, method: Method) -> Window:
    """The last complete window at ``at`` (aware): it ends on the latest China-clock boundary
    (00, 04, 08 … for 4 hours) at or before ``at``."""
    if at.tzinfo is None:
        raise ValueError("window_ending needs an aware instant")
    local = at.astimezone(CHINA)
    hour = local.hour - local.hour % method.every_hours
    end = local.replace(hour=hour, minute=0, second=0, microsecond=0)
    return Window((end - timedelta(hours=method.every_hours)).astimezone(UTC), end.astimezone(UTC))


def next_boundary(at: datetime, method: Method) -> datetime:
    """The first China-clock window boundary strictly after ``at`` (when the scheduler scans)."""
    return window_ending(at, method).end + timedelta(hours=method.every_hours)


def baseline_windows(window: Window, method: Method) -> list[Window]:
    """The baseline: the same clock window on the days before the guard band, newest first."""
    first = method.guard_days + 1
    return [window.shifted(d) for d in range(first, first + method.baseline_days)]


@dataclass(frozen=True, slots=True)
class Verdict:
    mean: float
    sd: float
    threshold: float
    fires: bool


def count_test(count: int, baseline: Sequence[int], method: Method) -> Verdict:
    """The module docstring's test of ``count`` against ``baseline`` (the windows with data):
    its mean, sd, the upper bound U, and whether the count passes it."""
    n = len(baseline)
    if n < method.min_baseline:
        return Verdict(0.0, 0.0, math.inf, False)
    mean = statistics.fmean(baseline)
    sd = statistics.stdev(baseline) if n > 1 else 0.0
    threshold = upper_bound(mean, sd, n, method.z)
    return Verdict(mean, sd, threshold, count >= method.min_count and count > threshold)


def upper_bound(mean: float, sd: float, n: int, z: float) -> float:
    """Farrington's 2/3-power upper bound of a quasi-Poisson count with this baseline."""
    if mean <= 0:
        return 0.0
    phi = max(1.0, sd * sd / mean)
    grown: float = (1 + (2 / 3) * z * math.sqrt(phi * (1 + 1 / n) / mean)) ** 1.5
    return mean * grown


@dataclass(frozen=True, slots=True)
class Hotspot:
    """One hot spot and its evidence: the count, the baseline windows' counts (newest first;
    ``None`` for a window with no data at all), their mean and sd, the threshold it passed, and
    the orders behind it (filled in by the service)."""

    window: Window
    dimension: Dimension
    district: str
    subject: str
    count: int
    baseline: tuple[int | None, ...] = ()
    mean: float = 0.0
    sd: float = 0.0
    threshold: float = 0.0
    numbers: tuple[str, ...] = ()

    @property
    def cell(self) -> Cell:
        return (self.dimension, self.district, self.subject)

    @property
    def fired(self) -> Fired:
        if self.dimension is Dimension.ADDRESS:
            return Fired.REPEATS
        return Fired.BOUND if self.mean > 0 else Fired.MIN_COUNT

    @property
    def bound(self) -> float | None:
        """The threshold the count passed; None when the baseline was all zeros (no bound: the
        minimum count fired it). For repeats, the repeat minimum."""
        return None if self.fired is Fired.MIN_COUNT else self.threshold


def detect(
    window: Window,
    current: Mapping[Cell, int],
    baseline: Sequence[Mapping[Cell, int] | None],
    method: Method,
) -> list[Hotspot]:
    """The kind and field hot spots of ``window``: ``current`` holds its counts per cell,
    ``baseline`` the baseline windows' (newest first; ``None`` for a window with no order at
    all). Address cells are left to :func:`repeats`. Most excessive first."""
    found = []
    for cell, count in current.items():
        if cell[0] is Dimension.ADDRESS or count < method.min_count:
            continue
        history = tuple(None if w is None else w.get(cell, 0) for w in baseline)
        verdict = count_test(count, [n for n in history if n is not None], method)
        if verdict.fires:
            found.append(
                Hotspot(window, *cell, count, history, verdict.mean, verdict.sd, verdict.threshold)
            )
    return sorted(found, key=lambda h: (-(h.count - h.threshold), h.cell))


def repeats(
    window: Window, orders: Sequence[tuple[str, str, str]], method: Method
) -> list[Hotspot]:
    """热点件: ``orders`` are the window's (number, district, address); every district and
    normalised address with ``repeat_min`` or more of them, the orders' numbers in order."""
    at: dict[tuple[str, str], list[str]] = {}
    for number, district, address in orders:
        key = normalise_address(address)
        if key:
            at.setdefault((district, key), []).append(number)
    found = [
        Hotspot(window, Dimension.ADDRESS, district, key, len(numbers),
                threshold=float(method.repeat_min), numbers=tuple(sorted(numbers)))
        for (district, key), numbers in at.items()
        if len(numbers) >= method.repeat_min
    ]  # fmt: skip
    return sorted(found, key=lambda h: (-h.count, h.cell))


def normalise_address(address: str) -> str:
    """The form two spellings of one address share: full-width folded to half-width (NFKC),
    case folded, spaces and punctuation dropped (沈阳市 和平区，南京北街１号 = 沈阳市和平区南京北街1号)."""
    folded = unicodedata.normalize("NFKC", address).casefold()
    return "".join(c for c in folded if unicodedata.category(c)[0] not in "PZC")
