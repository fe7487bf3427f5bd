"""The hot-spot test itself (console/domain/hotspots.py): windows on the China clock, the
baseline, the bound, repeats at one address — and how many false alarms a quiet month gives."""

from __future__ import annotations

import math
import random
import statistics
from datetime import UTC, datetime, timedelta

import pytest

from console.domain.hotspots import (
    CHINA,
    Dimension,
    Method,
    Window,
    baseline_windows,
    count_test,
    detect,
    next_boundary,
    normalise_address,
    repeats,
    upper_bound,
    window_ending,
)

DEFAULT = Method()


def china(*args: int) -> datetime:
    return datetime(*args, tzinfo=CHINA).astimezone(UTC)  # type: ignore[misc]


@pytest.mark.parametrize(
    ("at", "every", "start", "end"),
    [
        (china(2026, 11, 20, 14, 30), 4, china(2026, 11, 20, 8), china(2026, 11, 20, 12)),
        (china(2026, 11, 20, 16), 4, china(2026, 11, 20, 12), china(2026, 11, 20, 16)),
        (china(2026, 11, 20, 3, 59), 4, china(2026, 11, 19, 20), china(2026, 11, 20, 0)),
        (china(2026, 11, 20, 19), 6, china(2026, 11, 20, 12), china(2026, 11, 20, 18)),
    ],
)
def test_windows_end_on_the_china_clock(
    at: datetime, every: int, start: datetime, end: datetime
) -> None:
    method = Method(every_hours=every)
    assert window_ending(at, method) == Window(start, end)
    assert next_boundary(at, method) == end + timedelta(hours=every)


def test_every_hours_must_divide_the_day() -> None:
    with pytest.raises(ValueError, match="divide 24"):
        Method(every_hours=5)
    with pytest.raises(ValueError, match="aware"):
        window_ending(datetime(2026, 11, 20, 12), DEFAULT)


def test_the_baseline_is_the_same_window_after_a_two_day_guard_band() -> None:
    window = Window(china(2026, 11, 20, 12), china(2026, 11, 20, 16))
    base = baseline_windows(window, DEFAULT)
    assert [w.start for w in base] == [china(2026, 11, d, 12) for d in range(17, 10, -1)]


def test_a_flat_baseline_does_not_make_one_more_order_a_hot_spot() -> None:
    """EARS C2's weakness: sd 0. The dispersion is never taken below Poisson's."""
    flat = count_test(4, [2] * 7, DEFAULT)
    assert flat.sd == 0 and math.isfinite(flat.threshold) and flat.threshold > 6
    assert not flat.fires
    assert not count_test(4, [0] * 7, DEFAULT).fires  # under the minimum count
    assert count_test(5, [0] * 7, DEFAULT).fires  # five where there were none
    assert not count_test(50, [3, 4], DEFAULT).fires  # too little history to judge
    spike = count_test(16, [3, 5, 4, 2, 6, 4, 3], DEFAULT)
    assert spike.fires and spike.mean == pytest.approx(27 / 7)


def test_the_bound_grows_with_overdispersion() -> None:
    assert upper_bound(10, math.sqrt(10), 7, 3) == pytest.approx(upper_bound(10, 1.0, 7, 3))
    assert upper_bound(10, 8, 7, 3) > upper_bound(10, 3, 7, 3) > 10 + 3 * math.sqrt(10) * 0.9


def test_detect_gives_the_evidence() -> None:
    window = Window(china(2026, 11, 20, 12), china(2026, 11, 20, 16))
    cell = (Dimension.KIND, "210102", "C-QZ")
    other = (Dimension.FIELD, "210102", "F-GF")
    base = [{cell: n, other: 20} for n in (3, 5, 4, 2, 6, 4, 3)]
    found = detect(window, {cell: 16, other: 21}, [*base[:3], None, *base[3:]], DEFAULT)
    assert [h.cell for h in found] == [cell]
    assert found[0].baseline == (3, 5, 4, None, 2, 6, 4, 3)
    assert found[0].count == 16 and found[0].threshold < 16


def test_repeats_at_one_address_however_it_is_spelt() -> None:
    window = Window(china(2026, 11, 20, 12), china(2026, 11, 20, 16))
    orders = [
        ("n1", "210102", "和平区 南京北街１号"),
        ("n2", "210102", "和平区南京北街1号。"),
        ("n3", "210102", "和平区南京北街1号"),
        ("n4", "210103", "和平区南京北街1号"),  # another district: another place
        ("n5", "210102", ""),
        ("n6", "210102", " "),
        ("n7", "210102", "，"),
    ]
    found = repeats(window, orders, DEFAULT)
    assert [(h.district, h.subject, h.numbers) for h in found] == [
        ("210102", "和平区南京北街1号", ("n1", "n2", "n3"))
    ]
    assert normalise_address("ＡＢＣ  路 12 号") == "abc路12号"


def _poisson(rng: random.Random, mean: float) -> int:
    limit, k, p = math.exp(-mean), 0, 1.0
    while True:
        p *= rng.random()
        if p <= limit:
            return k
        k += 1


def _quiet_month(decide: object, cells: int = 500, days: int = 30) -> float:
    """False alarms a day per 1,000 cells: ``cells`` cells (≈ 100 districts × 5 kinds + 5 fields) of Poisson
    counts, means log-uniform over 0.2–20 orders a window, six windows a day, ``days`` days."""
    rng = random.Random(2026)
    span = DEFAULT.baseline_days + DEFAULT.guard_days
    alarms = 0
    for _ in range(6 * cells):
        mean = math.exp(rng.uniform(math.log(0.2), math.log(20)))
        series = [_poisson(rng, mean) for _ in range(days + span)]
        for d in range(span, days + span):
            alarms += bool(decide(series[d], series[d - span : d - DEFAULT.guard_days]))  # type: ignore[operator]
    return alarms / days * 1000 / cells


def test_a_quiet_month_gives_few_false_alarms_and_far_fewer_than_c2() -> None:
    """Measured: 5.7 a day over 1,000 cells at the defaults (α ≈ 0.00135 × 6,000 tests a
    day ≈ 8), against 75 for EARS C2 with an sd floor of 1 and the same minimum count."""

    def ours(count: int, base: list[int]) -> bool:
        return count_test(count, base, DEFAULT).fires

    def c2(count: int, base: list[int]) -> bool:
        sigma = max(statistics.stdev(base), 1.0)
        return count >= DEFAULT.min_count and count > statistics.fmean(base) + 3 * sigma

    per_day, c2_per_day = _quiet_month(ours), _quiet_month(c2)
    assert per_day <= 10, per_day
    assert c2_per_day >= 3 * per_day, (c2_per_day, per_day)


def test_a_real_spike_is_found() -> None:
    """Power (measured, 2,000 draws each): a cell of 4 a window that grows ×3 is found 43 % of
    the time, ×4 77 %, ×5 93 %; a cell of 10 that triples, 86 %; a cell of 20 that doubles, 63 %."""
    rng = random.Random(17)
    found = sum(
        count_test(_poisson(rng, 20.0), [_poisson(rng, 4.0) for _ in range(7)], DEFAULT).fires
        for _ in range(500)
    )
    assert found >= 440, found
