from __future__ import annotations

from datetime import UTC, datetime, timedelta

from console.domain.call_stats import CallStats

T0 = datetime(2026, 11, 26, 1, tzinfo=UTC)


def test_waiting_longest_wait_and_service_level() -> None:
    stats = CallStats()
    assert stats.service_level is None and stats.longest_wait(T0) == timedelta()
    stats.arrived("a", T0)
    stats.arrived("b", T0 + timedelta(seconds=5))
    stats.arrived("c", T0 + timedelta(seconds=6))
    assert stats.waiting == 3
    assert stats.longest_wait(T0 + timedelta(seconds=20)) == timedelta(seconds=20)
    stats.answered_at("a", T0 + timedelta(seconds=10))  # within 15 s
    stats.answered_at("b", T0 + timedelta(seconds=30))  # 25 s: too slow
    stats.gone("c")  # abandoned counts as offered, not answered in time
    assert stats.waiting == 0
    assert stats.service_level == 1 / 3
    stats.answered_at("unknown", T0)  # never arrived here: ignored
    assert stats.answered == 2
