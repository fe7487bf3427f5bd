"""The simulated switch: the telephony contract, then what only the simulator does."""

from __future__ import annotations

import asyncio
import dataclasses
import gc
import logging
import time
from collections.abc import Coroutine
from datetime import UTC, datetime, timedelta, timezone
from typing import Any, TypeVar

import pytest

from console.telephony import (
    ALLOWED_FROM,
    TRANSITIONS,
    Call,
    CallEvent,
    CallState,
    Command,
    Line,
    SimulatedSwitch,
    TelephonyError,
    TransferResult,
    check_command,
)
from console.telephony.port import Subscribers
from tests.telephony.contract import CALLER, Recorder, TelephonyContract, run
from tests.waiting import until

FAST = 0.001  # a simulated second lasts a millisecond: the 30 s answer window takes 30 ms
T0 = datetime(2026, 11, 26, 8, 0, tzinfo=UTC)


class TestSimulatedContract(TelephonyContract[SimulatedSwitch]):
    async def open_switch(self) -> SimulatedSwitch:
        return SimulatedSwitch(rate_per_min=0, time_scale=FAST, transferred_talk_s=None, seed=1)

    async def close_switch(self, sw: SimulatedSwitch) -> None:
        await sw.stop()

    async def incoming_call(self, sw: SimulatedSwitch, line: Line, caller: str) -> str:
        return sw.place_call(line, caller).call_id

    def provoke_transfer_failure(self, sw: SimulatedSwitch, result: TransferResult) -> None:
        sw.fail_next_transfer(result)

    async def open_switch_ringing_out(self) -> SimulatedSwitch:
        return SimulatedSwitch(
            rate_per_min=0, time_scale=FAST, transferred_talk_s=None, seed=1, ring_timeout_s=15
        )


# --- the port: one state machine -------------------------------------------------------------

COMMAND_LEADS_TO = {
    Command.ANSWER: CallState.ANSWERED,
    Command.HOLD: CallState.HELD,
    Command.RESUME: CallState.ANSWERED,
    Command.TRANSFER: CallState.TRANSFERRING,
    Command.CONFERENCE: CallState.TRANSFERRING,
    Command.HANG_UP: CallState.ENDED,
    Command.CANCEL_TRANSFER: CallState.ANSWERED,
}


def test_every_allowed_command_is_an_allowed_transition() -> None:
    assert set(TRANSITIONS) == set(CallState) and TRANSITIONS[CallState.ENDED] == frozenset()
    for command, states in ALLOWED_FROM.items():
        for state in states:
            assert COMMAND_LEADS_TO[command] in TRANSITIONS[state], (command, state)
    assert all(CallState.ENDED in TRANSITIONS[s] for s in CallState if s is not CallState.ENDED)


def test_call_is_frozen_aware_and_moves_only_along_the_table() -> None:
    with pytest.raises(ValueError, match="timezone-aware"):
        Call("c1", CALLER, Line.HOTLINE, datetime(2026, 1, 1))
    call = Call("c1", CALLER, Line.HOTLINE, T0.astimezone(timezone(timedelta(hours=8))))
    assert call.arrived_at.utcoffset() == timedelta(0) and call.arrived_at == T0
    with pytest.raises(dataclasses.FrozenInstanceError):
        call.state = CallState.HELD  # type: ignore[misc]
    answered = call.moved(CallState.ANSWERED, seat="s1")
    assert (answered.state, answered.seat, answered.peer) == (CallState.ANSWERED, "s1", None)
    with pytest.raises(TelephonyError, match="c1 cannot go from RINGING to HELD"):
        call.moved(CallState.HELD)
    ended = answered.moved(CallState.ENDED, ended_reason="x")
    with pytest.raises(TelephonyError, match=r"^call c1 is ENDED; cannot hold$"):
        check_command(ended, Command.HOLD)


def test_a_failing_subscriber_does_not_stop_the_others(caplog: pytest.LogCaptureFixture) -> None:
    subs, seen = Subscribers(), list[CallEvent]()

    def broken(event: CallEvent) -> None:
        raise RuntimeError("boom")

    subs.subscribe(broken)
    subs.subscribe(seen.append)
    event = CallEvent(Call("c1", CALLER, Line.HOTLINE, T0), "ringing", T0)
    with caplog.at_level(logging.ERROR):
        subs.publish(event)
    assert seen == [event] and "subscriber failed" in caplog.text


# --- the simulator ---------------------------------------------------------------------------


def collect(sw: SimulatedSwitch) -> list[Call]:
    got: list[Call] = []

    def on(event: CallEvent) -> None:
        if event.detail == "queued":
            got.append(event.call)

    sw.subscribe(on)
    return got


class VirtualTimeLoop(asyncio.SelectorEventLoop):
    """An event loop on a fake clock: when nothing is ready to run, time jumps to the next
    timer. Timed behaviour runs at once and exactly as planned, however busy the machine."""

    def __init__(self) -> None:
        super().__init__()
        self._virtual = 0.0

    def time(self) -> float:
        return self._virtual

    def _run_once(self) -> None:
        if not self._ready and self._scheduled:  # type: ignore[attr-defined]
            self._virtual = max(self._virtual, self._scheduled[0].when())  # type: ignore[attr-defined]
        super()._run_once()  # type: ignore[misc]


T = TypeVar("T")


def run_virtual(coro: Coroutine[Any, Any, T]) -> T:
    """:func:`run` on virtual time (no overall timeout: that would pass at once)."""
    loop = VirtualTimeLoop()
    try:
        return loop.run_until_complete(coro)
    finally:
        pending = asyncio.all_tasks(loop)
        for task in pending:
            task.cancel()
        if pending:
            loop.run_until_complete(asyncio.wait(pending))
        loop.close()


def test_poisson_arrivals_come_at_the_configured_rate() -> None:
    async def main() -> int:
        sw = SimulatedSwitch(rate_per_min=60, seed=7)
        got = collect(sw)
        sw.start()
        await asyncio.sleep(300)  # five simulated minutes, on virtual time: at once
        await sw.stop()
        return len(got)

    count = run_virtual(main())
    assert 480 <= count <= 720, count  # two lines at one a second: mean 600, sd 24.5


def test_arrivals_are_deterministic_for_a_seed() -> None:
    async def callers(seed: int) -> dict[Line, list[str]]:
        sw = SimulatedSwitch(rate_per_min=6000, time_scale=0.01, seed=seed)
        got = collect(sw)
        sw.start()
        await until(lambda: min(sum(c.line is line for c in got) for line in Line) >= 20)
        await sw.stop()
        return {line: [c.caller for c in got if c.line is line][:20] for line in Line}

    first, again, other = run(callers(3)), run(callers(3)), run(callers(4))
    assert first == again and first != other
    assert all(len(n) == 11 and n.startswith("1") for n in first[Line.HOTLINE])


@pytest.mark.parametrize("share", [0.0, 0.3, 1.0])
def test_repeat_callers_come_from_the_supplier_at_the_configured_share(share: float) -> None:
    known = iter(f"1860000{n:04d}" for n in range(10_000))
    drawn: list[str] = []

    def supplier() -> str:
        drawn.append(next(known))
        return drawn[-1]

    async def main() -> list[Call]:
        sw = SimulatedSwitch(rate_per_min=0, seed=5, callers=supplier, repeat_share=share)
        calls = []
        for _ in range(2000):
            calls.append(sw.place_call(Line.HOTLINE))
            await sw.hang_up(calls[-1].call_id)
        return calls

    calls = run(main())
    assert len(drawn) == pytest.approx(2000 * share, abs=100)
    assert {c.caller for c in calls} >= set(drawn)


def test_arrivals_never_block_the_loop() -> None:
    """Measured in the loop thread's CPU time: what the switch's callbacks cost between two
    ticks, which a busy machine's other processes cannot inflate (wall time they can).

    The objects earlier tests left in this process are collected first and then frozen: a
    full collection of a long run's heap (an xdist worker's: ~0.5 s of CPU) falling in one
    tick is the test process's cost, not the switch's. The switch's own garbage still counts."""

    async def main() -> tuple[int, float]:
        loop = asyncio.get_running_loop()
        # 120 a minute on each line at 1 sim s = 10 ms: 400 calls a second, 200 in ~0.5 s.
        sw = SimulatedSwitch(rate_per_min=120, time_scale=0.01, seed=11)
        sw.register_seat("s1", Line.HOTLINE, True)
        sw.register_seat("p1", Line.POLICE, True)
        tasks: set[asyncio.Task[None]] = set()

        async def take(call: Call) -> None:
            await sw.answer(call.call_id, call.seat or "")
            await sw.hang_up(call.call_id)

        def on(event: CallEvent) -> None:
            if event.kind == "ringing" and event.call.seat:
                tasks.add(task := loop.create_task(take(event.call)))
                task.add_done_callback(tasks.discard)

        sw.subscribe(on)
        got = collect(sw)
        gaps, last = [], time.thread_time()
        sw.start()
        while len(got) < 200:
            await asyncio.sleep(0.01)  # a tick: how much the loop did since the last one
            gaps.append(time.thread_time() - last)
            last = time.thread_time()
        await sw.stop()
        return len(gaps), max(gaps)

    gc.collect()
    gc.freeze()
    try:
        ticks, worst = run(main())
    finally:
        gc.unfreeze()
    assert ticks > 20 and worst < 0.05


def test_seats_are_rung_round_robin() -> None:
    async def main() -> list[str | None]:
        sw = SimulatedSwitch(rate_per_min=0, time_scale=FAST)
        for seat in ("s1", "s2", "s3"):
            sw.register_seat(seat, Line.HOTLINE, True)
        rung: list[str | None] = []
        for _ in range(5):
            call = sw.place_call(Line.HOTLINE)
            rung.append(call.seat)
            await sw.answer(call.call_id, call.seat or "")
            await sw.hang_up(call.call_id)
        return rung

    assert run(main()) == ["s1", "s2", "s3", "s1", "s2"]


def sim_timeline(**options: Any) -> SimulatedSwitch:
    """A switch whose clock reads the loop's time in simulated seconds from T0."""
    scale = options.setdefault("time_scale", FAST)
    loop = asyncio.get_running_loop()
    start = loop.time()
    options.setdefault("clock", lambda: T0 + timedelta(seconds=(loop.time() - start) / scale))
    return SimulatedSwitch(rate_per_min=0, **options)


def test_peer_answers_after_the_delay_and_no_answer_takes_the_window() -> None:
    async def main() -> tuple[float, float]:
        sw = sim_timeline(peer_answer_s=2.0, answer_window_s=30.0, transferred_talk_s=None)
        sw.register_seat("s1", Line.HOTLINE, True)
        first, second = sw.place_call(Line.HOTLINE), sw.place_call(Line.HOTLINE)
        await sw.answer(first.call_id, "s1")
        await sw.answer(second.call_id, "s1")
        loop = asyncio.get_running_loop()
        t = loop.time()
        assert await sw.blind_transfer(first.call_id, Line.POLICE) is TransferResult.NO_ANSWER
        no_answer = (loop.time() - t) / FAST
        sw.register_seat("p1", Line.POLICE, True)
        t = loop.time()
        assert await sw.blind_transfer(second.call_id, Line.POLICE) is TransferResult.OK
        return no_answer, (loop.time() - t) / FAST

    no_answer, ok = run_virtual(main())
    assert no_answer == pytest.approx(30) and ok == pytest.approx(2)  # virtual time: exact


def test_the_simulated_world_ends_calls_by_itself() -> None:
    async def main() -> dict[str, str | None]:
        sw = sim_timeline(patience_s=5.0, transferred_talk_s=10.0)
        sw.register_seat("s1", Line.HOTLINE, True)
        sw.register_seat("p1", Line.POLICE, True)
        rec = Recorder()
        sw.subscribe(rec)
        talked, waited, hung = (sw.place_call(Line.HOTLINE) for _ in range(3))
        await sw.answer(talked.call_id, "s1")
        await sw.answer(hung.call_id, "s1")  # picked from the queue while the first talks
        sw.caller_hangs_up(hung.call_id)
        await rec.event(waited.call_id, "ended")
        assert await sw.blind_transfer(talked.call_id, Line.POLICE) is TransferResult.OK
        await rec.event(talked.call_id, "ended")
        assert sw.place_call(Line.POLICE).seat == "p1"  # the peer is free again
        ends = [e.call for e in rec.events if e.kind == "ended"]
        return {c.call_id: c.ended_reason for c in ends}

    reasons = run_virtual(main())
    assert sorted(str(r) for r in reasons.values()) == [
        "caller gave up",
        "caller hung up",
        "peer hung up",
    ]


def test_cancelled_transfer_gives_the_caller_back_and_stop_fails_pending_ones() -> None:
    async def main() -> None:
        sw = sim_timeline(time_scale=0.01)
        sw.register_seat("s1", Line.HOTLINE, True)
        rec = Recorder()
        sw.subscribe(rec)
        call = sw.place_call(Line.HOTLINE)
        await sw.answer(call.call_id, "s1")
        task = asyncio.ensure_future(sw.blind_transfer(call.call_id, Line.POLICE))
        await rec.event(call.call_id, "transferring")
        task.cancel()
        with pytest.raises(asyncio.CancelledError):
            await task
        assert rec.events[-1].kind == "transfer_failed" and "cancelled" in rec.events[-1].detail
        assert sw.calls()[0].state is CallState.ANSWERED
        task = asyncio.ensure_future(sw.conference(call.call_id, Line.POLICE))
        await rec.event(call.call_id, "transferring", since=len(rec.events))
        await sw.stop()
        with pytest.raises(TelephonyError, match="stopped"):
            await task

    run_virtual(main())


def test_start_before_the_loop_runs_with_the_loop_passed_in() -> None:
    """The composition root builds and starts the switch before running the qasync loop."""
    loop = asyncio.new_event_loop()
    try:
        sw = SimulatedSwitch(
            rate_per_min=6000, time_scale=0.01, seed=2, loop=loop, clock=lambda: T0
        )
        got = collect(sw)
        sw.start()
        loop.run_until_complete(until(lambda: len(got) >= 20))
        loop.run_until_complete(sw.stop())
        count = len(got)
        # Nothing more after stop: a twin (same rate) started after it makes 50 calls, a
        # stretch in which the stopped switch, were it still running, would have made about
        # as many.
        twin = SimulatedSwitch(rate_per_min=6000, time_scale=0.01, seed=2, loop=loop)
        made = collect(twin)
        twin.start()
        loop.run_until_complete(until(lambda: len(made) >= 50))
        loop.run_until_complete(twin.stop())
    finally:
        loop.close()
    assert len(got) == count and all(c.arrived_at == T0 for c in got)
