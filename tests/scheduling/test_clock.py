from __future__ import annotations

from datetime import UTC, datetime

from console.scheduling.clock import FakeClock, JumpDetector, Shift

T0 = datetime(2026, 11, 26, 2, tzinfo=UTC)


def test_steady_ticks_are_quiet() -> None:
    clock = FakeClock(T0)
    detector = JumpDetector(clock)
    for _ in range(100):
        clock.advance(1.0)
        assert detector.check().shift is Shift.NONE


def test_jumps_and_suspend_are_seen() -> None:
    clock = FakeClock(T0)
    detector = JumpDetector(clock)
    clock.advance(1)
    clock.jump(-2 * 3600)
    seen = detector.check()
    assert seen.shift is Shift.BACKWARD and round(seen.drift_s) == -7200
    clock.advance(1)
    clock.jump(86_400)
    assert detector.check().shift is Shift.FORWARD
    clock.suspend(30 * 60)
    clock.advance(1)
    seen = detector.check()
    assert seen.shift is Shift.FORWARD and round(seen.drift_s) == 1800


def test_a_frozen_process_is_a_stall() -> None:
    clock = FakeClock(T0)
    detector = JumpDetector(clock, interval_s=1.0)
    clock.advance(30)  # both clocks moved (monotonic counts suspend here), but the check was late
    assert detector.check().shift is Shift.STALLED
