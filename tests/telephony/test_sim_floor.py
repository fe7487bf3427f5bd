"""The simulated floor: colleagues take their share of a line's calls, deterministically."""

from __future__ import annotations

import asyncio
import statistics
from collections import Counter

import pytest

from console.telephony import CallEvent, Line, SimulatedSwitch, TransferResult
from console.telephony.sim_floor import HANDLING, colleague_name
from tests.telephony.test_simulated import run_virtual

HUMAN = "A-01"


async def an_hour(seed: int, colleagues: int, human_talk_s: float = 240.0) -> Counter[str]:
    """One simulated hour of 12345 at 2 calls a minute: who answered how many calls. The human
    seat answers every offer at once and talks ``human_talk_s``."""
    loop = asyncio.get_running_loop()
    sw = SimulatedSwitch(
        rate_per_min={Line.HOTLINE: 2.0}, seed=seed, colleagues={Line.HOTLINE: colleagues}
    )
    sw.register_seat(HUMAN, Line.HOTLINE, True)
    answered: Counter[str] = Counter()
    tasks: set[asyncio.Future[None]] = set()

    async def take(call_id: str) -> None:
        await sw.answer(call_id, HUMAN)
        await asyncio.sleep(human_talk_s)
        await sw.hang_up(call_id)
        sw.set_ready(HUMAN, True)

    def on(event: CallEvent) -> None:
        if event.kind == "answered" and event.call.seat:
            answered[event.call.seat] += 1
        elif event.kind == "ringing" and event.call.seat == HUMAN:
            tasks.add(task := loop.create_task(take(event.call.call_id)))
            task.add_done_callback(tasks.discard)

    sw.subscribe(on)
    sw.start()
    await asyncio.sleep(3600)
    await sw.stop()
    return answered


def test_colleagues_take_a_share_and_the_same_seed_gives_the_same_floor() -> None:
    first = run_virtual(an_hour(seed=5, colleagues=12))
    assert first == run_virtual(an_hour(seed=5, colleagues=12))
    assert first != run_virtual(an_hour(seed=6, colleagues=12))
    total = sum(first.values())
    assert 90 <= total <= 150, total  # about 120 calls in the hour
    assert 0.03 <= first[HUMAN] / total <= 0.3, first  # one agent among thirteen
    assert len(first) >= 10  # most colleagues took calls


def test_no_colleagues_leaves_every_call_to_the_console_seat() -> None:
    answered = run_virtual(an_hour(seed=5, colleagues=0, human_talk_s=1.0))
    assert set(answered) == {HUMAN}


def test_handling_times_are_log_normal_around_the_lines_median() -> None:
    sw = SimulatedSwitch(rate_per_min=0, seed=3, colleagues={Line.HOTLINE: 1})
    for line in Line:
        draws = [sw.colleagues.handling_s(line) for _ in range(4000)]
        median, _ = HANDLING[line]
        assert statistics.median(draws) == pytest.approx(median, rel=0.05)
        assert statistics.mean(draws) > statistics.median(draws)  # the long right tail
    assert 240 <= HANDLING[Line.HOTLINE][0] <= 360 and 120 <= HANDLING[Line.POLICE][0] <= 180


def test_colleagues_do_not_take_transfers() -> None:
    async def main() -> tuple[TransferResult, TransferResult, str | None]:
        sw = SimulatedSwitch(
            rate_per_min=0, seed=1, colleagues={Line.POLICE: 3}, answer_window_s=30.0,
            transferred_talk_s=None,
        )  # fmt: skip
        sw.register_seat(HUMAN, Line.HOTLINE, True)
        first, second = sw.place_call(Line.HOTLINE), sw.place_call(Line.HOTLINE)
        await sw.answer(first.call_id, HUMAN)
        assert sw.available(Line.POLICE).ready == 0  # three ready colleagues, none for transfers
        no_answer = await sw.blind_transfer(first.call_id, Line.POLICE)
        sw.register_seat("SIM-PEER", Line.POLICE, True)
        assert sw.available(Line.POLICE).ready == 1
        ok = await sw.blind_transfer(first.call_id, Line.POLICE)
        peer = next(c.peer for c in sw.calls() if c.call_id == first.call_id)
        await sw.hang_up(second.call_id)
        return no_answer, ok, peer

    no_answer, ok, peer = run_virtual(main())
    assert (no_answer, ok, peer) == (TransferResult.NO_ANSWER, TransferResult.OK, "SIM-PEER")


def test_a_colleague_answers_rings_talks_and_wraps_up_before_the_next_call() -> None:
    async def main() -> list[tuple[str, str | None, float]]:
        loop = asyncio.get_running_loop()
        sw = SimulatedSwitch(rate_per_min=0, seed=2, colleagues={Line.POLICE: 1})
        seen: list[tuple[str, str | None, float]] = []
        sw.subscribe(lambda e: seen.append((e.kind, e.call.seat, loop.time())))
        start = loop.time()
        sw.place_call(Line.POLICE)
        sw.place_call(Line.POLICE)
        await asyncio.sleep(1800)
        await sw.stop()
        return [(kind, seat, at - start) for kind, seat, at in seen]

    seen = run_virtual(main())
    name = colleague_name(Line.POLICE, 1)
    kinds = [(kind, seat) for kind, seat, _ in seen]
    assert kinds.count(("answered", name)) == 2 and kinds.count(("ended", name)) == 2
    times = {
        kind: [at for k, s, at in seen if k == kind and s == name]
        for kind in ("ringing", "answered", "ended")
    }
    assert 2 <= times["answered"][0] - times["ringing"][0] <= 5  # rang a few seconds
    assert times["ringing"][1] - times["ended"][0] == pytest.approx(30)  # wrap-up, then offered
