"""Hot spots (热点分析): which district × kind, district × field or one address had more
orders in the last window than its own history explains.

**The test: EARS C2 with a floor on its standard deviation.** A window's count is compared
with the same clock window (e.g. 12:00–16:00 China time) on earlier days, leaving out the two
most recent as a guard band, so a problem that has already been building for a day or two
does not raise its own baseline (EARS C2: Hutwagner et al. 2003, "The bioterrorism
preparedness and response Early Aberration Reporting System (EARS)", J Urban Health 80(2
Suppl 1):i89–i96; seven baseline values, lag 2; compared with a CUSUM in Fricker, Hegler &
Dunfee 2008, "Comparing syndromic surveillance detection methods: EARS' versus a CUSUM-based
methodology", Statistics in Medicine 27:3407–3429). It fires when

    count > mean + 3 · σ   and   count ≥ min_count,   σ = max(sd, √mean, min_sigma)

Why not C2 as printed: our cells are small (a district's heating complaints in four hours are
often 0–5), and C2's sample standard deviation of seven small counts is often 0 or tiny, which
makes one extra order an "aberration". Fricker et al. name exactly this weakness of C1–C3 on
sparse series. Three published or standard remedies are applied together:

- ``min_sigma`` (default 1): a floor on σ, as the R package *surveillance* offers for its
  EARS implementation (``earsC(control = list(minSigma = …))``);
- ``√mean``: counts are at least Poisson-dispersed, so σ is never taken below the Poisson
  standard deviation of the baseline mean (the assumption the Poisson/negative-binomial
  methods — Farrington et al. 1996, Noufaily et al. 2013 — build their upper bound on);
- ``min_count`` (default 5): a floor on the count itself, as EARS users set for rare syndromes,
  so three orders where there were none never fire on their own.

Why not Farrington or a CUSUM: both want a year or more of history per cell, and a site that
brings no history would get no hot spots at all for a year; C2 needs nine days. Baseline windows
that hold no order of the platform at all (the console was not running, or the site's history
starts later) are left out rather than counted as zeros, and with fewer than
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
    """What a hot spot counts: orders of one kind, of one field, or at one address."""

    KIND = "kind"
    FIELD = "field"
    ADDRESS = "address"


class State(enum.StrEnum):
    OPEN = "open"  # found, nobody has acted on it
    TAKEN_UP = "taken_up"  # a verification order (核查工单) was made from it


Cell = tuple[Dimension, str, str]
"""(dimension, district code, subject: kind code, field code or normalised address)."""


@dataclass(frozen=True, slots=True)
class Method:
    """The detection's settings; the defaults are the ones described in the module docstring."""

    every_hours: int = 4  # the window's length and the scan's cadence, aligned to China 00:00
    baseline_days: int = 7  # EARS C2: seven baseline windows …
    guard_days: int = 2  # … after leaving out the two most recent days
    sigmas: float = 3.0
    min_sigma: float = 1.0
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
        if self.min_count < 1 or self.repeat_min < 2 or self.sigmas <= 0:
            raise ValueError("min_count >= 1, repeat_min >= 2 and sigmas > 0, please")


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


def c2_test(count: int, baseline: Sequence[int], method: Method) -> Verdict:
    """The module docstring's test of ``count`` against ``baseline`` (the windows with data)."""
    if len(baseline) < method.min_baseline:
        return Verdict(0.0, 0.0, math.inf, False)
    mean = statistics.fmean(baseline)
    sd = statistics.stdev(baseline) if len(baseline) > 1 else 0.0
    sigma = max(sd, math.sqrt(mean), method.min_sigma)
    threshold = mean + method.sigmas * sigma
    return Verdict(mean, sd, threshold, count >= method.min_count and count > threshold)


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
        verdict = c2_test(count, [n for n in history if n is not None], method)
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
