"""The telephony contract: every adapter — the simulated switch now, a real PBX later — passes it.

Subclass :class:`TelephonyContract` in ``tests/telephony/test_<adapter>.py`` and implement its
four hooks (dangerzone ``tests/isolation_provider/base.py`` is the model). What the contract
assumes of an adapter under test:

- its answer window is short (well under a second), so NO_ANSWER cases run fast;
- a ready seat registered on the target line answers a transfer or conference by itself
  (for a PBX: a test extension with auto-answer);
- a command returns after its change is visible in ``calls()`` and its event was published.

No pytest-asyncio here: each test runs one scenario on a fresh plain asyncio loop (:func:`run`).
"""

from __future__ import annotations

import abc
import asyncio
import itertools
from collections.abc import Awaitable, Callable
from datetime import timedelta
from typing import Generic

import pytest

from console.telephony import (
    LIVE_STATES,
    Availability,
    CallState,
    Command,
    Line,
    TelephonyError,
    TransferResult,
)
from tests.telephony.contract_helpers import (  # noqa: F401 - the contract uses them
    CALLER,
    FAILURES,
    ILLEGAL,
    Recorder,
    S,
    Scenario,
    T,
    call_of,
    give,
    run,
    scenario,
    state_of,
)


class TelephonyContract(abc.ABC, Generic[S]):
    @abc.abstractmethod
    async def open_switch(self) -> S:
        """A switch with no calls and no seats, on the running loop."""

    @abc.abstractmethod
    async def close_switch(self, sw: S) -> None: ...

    @abc.abstractmethod
    async def incoming_call(self, sw: S, line: Line, caller: str) -> str:
        """Make a call arrive on ``line``; return its call id once it is offered."""

    @abc.abstractmethod
    def provoke_transfer_failure(self, sw: S, result: TransferResult) -> None:
        """Make the next transfer or conference fail with ``result``."""

    @abc.abstractmethod
    async def open_switch_ringing_out(self) -> S:
        """Like :meth:`open_switch`, with a short ring-no-answer timeout (well under a second)."""

    def drive_ringing_out(self, body: Callable[[S, Recorder], Awaitable[None]]) -> None:
        async def main() -> None:
            sw = await self.open_switch_ringing_out()
            rec = Recorder()
            sw.subscribe(rec)
            try:
                await body(sw, rec)
            finally:
                await self.close_switch(sw)

        run(main())

    def drive(self, body: Callable[[S, Recorder], Awaitable[None]]) -> None:
        async def main() -> None:
            sw = await self.open_switch()
            rec = Recorder()
            unsubscribe = sw.subscribe(rec)
            try:
                await body(sw, rec)
            finally:
                unsubscribe()
                await self.close_switch(sw)

        run(main())

    async def ring(self, sw: S, rec: Recorder, seat: str = "s1") -> str:
        cid = await self.incoming_call(sw, Line.HOTLINE, CALLER)
        await rec.until(
            lambda e: e.call.call_id == cid and e.kind == "ringing" and e.call.seat == seat
        )
        return cid

    async def reach(
        self, sw: S, rec: Recorder, state: CallState
    ) -> tuple[str, asyncio.Task[object] | None]:
        """A call of seat s1 in ``state``; TRANSFERRING comes with its pending transfer task."""
        sw.register_seat("s1", Line.HOTLINE, True)
        sw.register_seat("p1", Line.POLICE, state is not CallState.TRANSFERRING)
        cid = await self.ring(sw, rec)
        if state is not CallState.RINGING:
            await sw.answer(cid, "s1")
        if state is CallState.HELD:
            await sw.hold(cid)
        elif state is CallState.TRANSFERRING:
            task = asyncio.ensure_future(sw.blind_transfer(cid, Line.POLICE))
            await rec.event(cid, "transferring")
            return cid, task
        elif state is CallState.TRANSFERRED:
            assert await sw.blind_transfer(cid, Line.POLICE) is TransferResult.OK
        elif state is CallState.CONFERENCED:
            assert await sw.conference(cid, Line.POLICE) is TransferResult.OK
        elif state is CallState.ENDED:
            await sw.hang_up(cid)
        assert state_of(sw, cid) is state
        return cid, None

    # --- calls, seats and the queue ------------------------------------------------------------

    @scenario
    async def test_incoming_call_rings_a_ready_seat(self, sw: S, rec: Recorder) -> None:
        sw.register_seat("s1", Line.HOTLINE, True)
        cid = await self.ring(sw, rec)
        (call,) = sw.waiting()
        assert (call.call_id, call.caller, call.line, call.state) == (
            cid, CALLER, Line.HOTLINE, CallState.RINGING,
        )  # fmt: skip
        assert call.seat == "s1" and call.peer is None and call.ended_reason is None
        assert call.arrived_at.utcoffset() == timedelta(0)
        assert sw.calls() == [call]

    @scenario
    async def test_lifecycle_events_in_order(self, sw: S, rec: Recorder) -> None:
        cid, _ = await self.reach(sw, rec, CallState.ANSWERED)
        assert sw.waiting() == []
        await sw.hold(cid)
        await sw.resume(cid)
        await sw.hang_up(cid)
        assert rec.kinds(cid) == ["ringing", "answered", "held", "resumed", "ended"]
        mine = [e for e in rec.events if e.call.call_id == cid]
        assert [e.call.state for e in mine[-4:]] == [
            CallState.ANSWERED, CallState.HELD, CallState.ANSWERED, CallState.ENDED,
        ]  # fmt: skip
        assert all(a.at <= b.at for a, b in itertools.pairwise(mine))
        assert sw.calls() == [] and mine[-1].call.ended_reason

    @scenario
    async def test_only_ready_seats_ring(self, sw: S, rec: Recorder) -> None:
        sw.register_seat("s1", Line.HOTLINE, False)
        sw.register_seat("s2", Line.HOTLINE, True)
        sw.register_seat("p1", Line.POLICE, True)
        cid = await self.ring(sw, rec, "s2")
        assert all(e.call.seat in (None, "s2") for e in rec.events if e.call.call_id == cid)

    @scenario
    async def test_queued_call_rings_when_a_seat_becomes_ready(self, sw: S, rec: Recorder) -> None:
        sw.register_seat("s1", Line.HOTLINE, False)
        cid = await self.incoming_call(sw, Line.HOTLINE, CALLER)
        await rec.event(cid, "ringing")
        assert [(c.call_id, c.seat) for c in sw.waiting()] == [(cid, None)]
        sw.set_ready("s1", True)
        await rec.until(lambda e: e.call.call_id == cid and e.call.seat == "s1")

    @scenario
    async def test_a_busy_seat_is_not_rung_and_calls_queue_in_order(
        self, sw: S, rec: Recorder
    ) -> None:
        sw.register_seat("s1", Line.HOTLINE, True)
        first = await self.ring(sw, rec)
        second = await self.incoming_call(sw, Line.HOTLINE, "13900139000")
        third = await self.incoming_call(sw, Line.HOTLINE, "13700137000")
        await sw.answer(first, "s1")
        assert [(c.call_id, c.seat) for c in sw.waiting()] == [(second, None), (third, None)]
        await sw.hang_up(first)
        await rec.until(lambda e: e.call.call_id == second and e.call.seat == "s1")
        assert call_of(sw, third).seat is None

    @scenario
    async def test_seat_going_not_ready_hands_its_ringing_call_on(
        self, sw: S, rec: Recorder
    ) -> None:
        sw.register_seat("s1", Line.HOTLINE, True)
        cid = await self.ring(sw, rec)
        sw.register_seat("s2", Line.HOTLINE, True)
        sw.set_ready("s1", False)
        await rec.until(lambda e: e.call.call_id == cid and e.call.seat == "s2")

    @scenario
    async def test_the_longest_waiting_call_is_offered_first(self, sw: S, rec: Recorder) -> None:
        sw.register_seat("s1", Line.HOTLINE, False)
        sw.register_seat("s2", Line.HOTLINE, False)
        calls = [await self.incoming_call(sw, Line.HOTLINE, f"1390013900{n}") for n in range(3)]
        sw.set_ready("s2", True)
        await rec.until(lambda e: e.call.call_id == calls[0] and e.call.seat == "s2")
        sw.set_ready("s1", True)
        await rec.until(lambda e: e.call.call_id == calls[1] and e.call.seat == "s1")
        await sw.answer(calls[1], "s1")
        await sw.hang_up(calls[0])  # the first caller gives up: s2 is free for the third
        await rec.until(lambda e: e.call.call_id == calls[2] and e.call.seat == "s2")
        assert [c.call_id for c in sw.waiting()] == [calls[2]]

    def test_ring_no_answer_offers_the_call_on_and_makes_the_seat_not_ready(self) -> None:
        async def body(sw: S, rec: Recorder) -> None:
            sw.register_seat("s1", Line.HOTLINE, True)
            sw.register_seat("s2", Line.HOTLINE, True)
            first = await self.ring(sw, rec)
            await sw.answer(await self.ring(sw, rec, "s2"), "s2")  # s2 busy: s1 lets one ring
            out = await rec.event(first, "ring_no_answer")
            assert out.detail == "s1" and out.call.seat is None
            assert out.call.state is CallState.RINGING
            after = len(rec.events)
            second = await self.incoming_call(sw, Line.HOTLINE, "13900139000")
            await rec.event(second, "ringing", since=after)
            assert {c.seat for c in sw.waiting()} == {None}  # s1 is not ready: nobody rings
            sw.set_ready("s1", True)  # the agent is back: the longest-waiting call rings first
            await rec.until(lambda e: e.call.call_id == first and e.call.seat == "s1", after)
            await sw.answer(first, "s1")
            assert call_of(sw, first).seat == "s1"

        self.drive_ringing_out(body)

    def test_an_answered_call_does_not_ring_out(self) -> None:
        async def body(sw: S, rec: Recorder) -> None:
            sw.register_seat("s1", Line.HOTLINE, True)
            cid = await self.ring(sw, rec)
            await sw.answer(cid, "s1")
            other = await self.incoming_call(sw, Line.HOTLINE, "13900139000")
            await rec.event(other, "ringing")
            sw.register_seat("s2", Line.HOTLINE, True)
            await rec.until(lambda e: e.call.call_id == other and e.call.seat == "s2")
            out = await rec.event(other, "ring_no_answer")  # the queued one rings out at s2
            assert out.detail == "s2" and state_of(sw, cid) is CallState.ANSWERED
            assert not [
                e for e in rec.events if e.call.call_id == cid and e.kind == "ring_no_answer"
            ]

        self.drive_ringing_out(body)

    @scenario
    async def test_any_seat_of_the_line_may_answer(self, sw: S, rec: Recorder) -> None:
        sw.register_seat("s1", Line.HOTLINE, True)
        sw.register_seat("s2", Line.HOTLINE, False)
        cid = await self.ring(sw, rec)
        await sw.answer(cid, "s2")
        assert call_of(sw, cid).seat == "s2"

    # --- refusals ------------------------------------------------------------------------------

    @pytest.mark.parametrize(("state", "command"), ILLEGAL, ids=lambda v: v.name)
    @scenario
    async def test_illegal_command_is_refused_clearly(
        self, sw: S, rec: Recorder, state: CallState, command: Command
    ) -> None:
        cid, task = await self.reach(sw, rec, state)
        before = len(rec.events)
        with pytest.raises(TelephonyError, match=f"^call {cid} is {state.name}; cannot {command}$"):
            await give(sw, command, cid)
        assert state_of(sw, cid) is state and len(rec.events) == before
        if task is not None:
            assert await task is TransferResult.NO_ANSWER

    @scenario
    async def test_unknown_call_and_seat_are_refused(self, sw: S, rec: Recorder) -> None:
        for command in Command:
            with pytest.raises(TelephonyError, match="no-such-call"):
                await give(sw, command, "no-such-call")
        with pytest.raises(TelephonyError, match="ghost"):
            sw.set_ready("ghost", True)
        sw.register_seat("p1", Line.POLICE, True)
        cid, _ = await self.reach(sw, rec, CallState.RINGING)
        with pytest.raises(TelephonyError, match="ghost"):
            await sw.answer(cid, "ghost")
        with pytest.raises(TelephonyError, match="line"):
            await sw.answer(cid, "p1")
        assert state_of(sw, cid) is CallState.RINGING

    # --- transfer and conference ---------------------------------------------------------------

    @pytest.mark.parametrize("held", [False, True], ids=["answered", "held"])
    @scenario
    async def test_blind_transfer_hands_the_caller_over(
        self, sw: S, rec: Recorder, held: bool
    ) -> None:
        cid, _ = await self.reach(sw, rec, CallState.HELD if held else CallState.ANSWERED)
        assert await sw.blind_transfer(cid, Line.POLICE) is TransferResult.OK
        call = call_of(sw, cid)
        assert (call.state, call.seat, call.peer) == (CallState.TRANSFERRED, "s1", "p1")
        assert rec.kinds(cid)[-2:] == ["transferring", "transferred"]

    @scenario
    async def test_transfer_without_a_ready_peer_is_no_answer(self, sw: S, rec: Recorder) -> None:
        sw.register_seat("s1", Line.HOTLINE, True)
        cid = await self.ring(sw, rec)
        await sw.answer(cid, "s1")
        assert await sw.blind_transfer(cid, Line.POLICE) is TransferResult.NO_ANSWER
        call = call_of(sw, cid)
        assert (call.state, call.seat, call.peer) == (CallState.ANSWERED, "s1", None)
        failed = await rec.event(cid, "transfer_failed")
        assert "no_answer" in failed.detail

    @scenario
    async def test_transfer_waits_for_a_peer_that_becomes_ready(self, sw: S, rec: Recorder) -> None:
        cid, task = await self.reach(sw, rec, CallState.TRANSFERRING)
        sw.set_ready("p1", True)
        assert task is not None and await task is TransferResult.OK
        assert call_of(sw, cid).peer == "p1"

    @pytest.mark.parametrize("command", [Command.TRANSFER, Command.CONFERENCE])
    @pytest.mark.parametrize("result", FAILURES, ids=lambda r: r.name)
    @scenario
    async def test_provoked_failure_gives_the_caller_back(
        self, sw: S, rec: Recorder, result: TransferResult, command: Command
    ) -> None:
        cid, _ = await self.reach(sw, rec, CallState.ANSWERED)
        self.provoke_transfer_failure(sw, result)
        assert await give(sw, command, cid) is result
        call = call_of(sw, cid)
        assert (call.state, call.seat, call.peer) == (CallState.ANSWERED, "s1", None)
        assert rec.kinds(cid)[-2:] == ["transferring", "transfer_failed"]
        assert result.value in rec.events[-1].detail
        assert await give(sw, command, cid) is TransferResult.OK  # the failure was for once

    @pytest.mark.parametrize("command", [Command.TRANSFER, Command.CONFERENCE])
    @scenario
    async def test_attached_data_reaches_the_peer(
        self, sw: S, rec: Recorder, command: Command
    ) -> None:
        cid, _ = await self.reach(sw, rec, CallState.ANSWERED)
        data = {"order": "12345-20261126-000042"}
        if command is Command.TRANSFER:
            assert await sw.blind_transfer(cid, Line.POLICE, data) is TransferResult.OK
        else:
            assert await sw.conference(cid, Line.POLICE, data) is TransferResult.OK
        joined = [e for e in rec.events if e.call.call_id == cid and e.call.peer == "p1"]
        assert joined and joined[-1].call.data == data
        assert call_of(sw, cid).data == data

    @scenario
    async def test_conference_joins_three_parties(self, sw: S, rec: Recorder) -> None:
        cid, _ = await self.reach(sw, rec, CallState.ANSWERED)
        assert await sw.conference(cid, Line.POLICE) is TransferResult.OK
        call = call_of(sw, cid)
        assert (call.state, call.seat, call.peer) == (CallState.CONFERENCED, "s1", "p1")
        assert rec.kinds(cid)[-2:] == ["transferring", "conferenced"]

    @scenario
    async def test_a_seat_that_took_a_transfer_is_busy(self, sw: S, rec: Recorder) -> None:
        await self.reach(sw, rec, CallState.TRANSFERRED)
        cid = await self.incoming_call(sw, Line.POLICE, "13900139000")
        await rec.event(cid, "ringing")
        assert call_of(sw, cid).seat is None

    @scenario
    async def test_one_peer_takes_one_transfer_at_a_time(self, sw: S, rec: Recorder) -> None:
        first, _ = await self.reach(sw, rec, CallState.ANSWERED)
        sw.register_seat("s2", Line.HOTLINE, True)
        second = await self.ring(sw, rec, "s2")
        await sw.answer(second, "s2")
        results = await asyncio.gather(
            sw.blind_transfer(first, Line.POLICE), sw.blind_transfer(second, Line.POLICE)
        )
        assert sorted(r.value for r in results) == ["no_answer", "ok"]

    @pytest.mark.parametrize("command", [Command.TRANSFER, Command.CONFERENCE])
    @scenario
    async def test_cancel_gives_the_caller_back_at_once(
        self, sw: S, rec: Recorder, command: Command
    ) -> None:
        cid, _ = await self.reach(sw, rec, CallState.ANSWERED)
        sw.set_ready("p1", False)  # nobody answers: the peer line rings until cancelled
        task = asyncio.ensure_future(give(sw, command, cid))
        await rec.event(cid, "transferring")
        await sw.cancel_transfer(cid)
        call = call_of(sw, cid)
        assert (call.state, call.seat, call.peer) == (CallState.ANSWERED, "s1", None)
        assert await task is TransferResult.CANCELLED
        failed = await rec.event(cid, "transfer_failed")
        assert "cancelled" in failed.detail
        sw.set_ready("p1", True)  # the peer becoming ready later takes nothing
        with pytest.raises(TelephonyError, match=f"^call {cid} is ANSWERED; cannot cancel"):
            await sw.cancel_transfer(cid)
        assert call_of(sw, cid).peer is None
        assert await give(sw, command, cid) is TransferResult.OK  # a new attempt goes

    @scenario
    async def test_available_counts_ready_seats_and_those_free_now(
        self, sw: S, rec: Recorder
    ) -> None:
        sw.register_seat("s1", Line.HOTLINE, True)
        sw.register_seat("p1", Line.POLICE, True)
        sw.register_seat("p2", Line.POLICE, False)
        assert (sw.available(Line.POLICE).ready, sw.available(Line.POLICE).free) == (1, 1)
        ringing = await self.incoming_call(sw, Line.POLICE, "13900139000")
        await rec.until(lambda e: e.call.call_id == ringing and e.call.seat == "p1")
        assert sw.available(Line.POLICE) == Availability(ready=1, free=0)  # ringing: not free
        assert sw.available(Line.POLICE).busy == 1
        await sw.answer(ringing, "p1")
        assert sw.available(Line.POLICE) == Availability(ready=1, free=0)  # talking
        sw.set_ready("p2", True)
        assert sw.available(Line.POLICE) == Availability(ready=2, free=1)
        await sw.hang_up(ringing)
        await rec.event(ringing, "ended")
        assert sw.available(Line.POLICE) == Availability(ready=2, free=2)
        cid = await self.ring(sw, rec)
        await sw.answer(cid, "s1")
        assert sw.available(Line.HOTLINE) == Availability(ready=1, free=0)
        assert await sw.blind_transfer(cid, Line.POLICE) is TransferResult.OK
        assert sw.available(Line.POLICE) == Availability(ready=2, free=1)  # one took the caller
        assert sw.available(Line.HOTLINE) == Availability(ready=1, free=1)  # s1 is free again

    # --- hanging up and subscriptions ----------------------------------------------------------

    @pytest.mark.parametrize(
        "state", [s for s in CallState if s in LIVE_STATES], ids=lambda s: s.name
    )
    @scenario
    async def test_hang_up_ends_the_call_from_any_state(
        self, sw: S, rec: Recorder, state: CallState
    ) -> None:
        cid, task = await self.reach(sw, rec, state)
        await sw.hang_up(cid)
        ended = await rec.event(cid, "ended")
        assert ended.call.state is CallState.ENDED and ended.call.ended_reason
        assert rec.kinds(cid)[-1] == "ended" and cid not in [c.call_id for c in sw.calls()]
        if task is not None:
            with pytest.raises(TelephonyError, match=f"call {cid} ended"):
                await task

    @scenario
    async def test_unsubscribe_stops_delivery(self, sw: S, rec: Recorder) -> None:
        other = Recorder()
        unsubscribe = sw.subscribe(other)
        cid, _ = await self.reach(sw, rec, CallState.RINGING)
        unsubscribe()
        unsubscribe()  # twice is harmless
        seen = len(other.events)
        await sw.answer(cid, "s1")
        await rec.event(cid, "answered")
        assert seen > 0 and len(other.events) == seen

    # --- lifecycle: start and stop -------------------------------------------------------------

    @scenario
    async def test_start_and_stop_may_be_repeated(self, sw: S, rec: Recorder) -> None:
        sw.start()
        sw.start()  # the composition root starts once; a second start changes nothing
        cid, _ = await self.reach(sw, rec, CallState.ANSWERED)
        await sw.hang_up(cid)
        await rec.event(cid, "ended")
        await sw.stop()
        await sw.stop()  # and close_switch stops it once more

    @scenario
    async def test_stop_before_start_is_harmless(self, sw: S, rec: Recorder) -> None:
        await sw.stop()
        assert rec.events == []

    @pytest.mark.parametrize("command", [Command.TRANSFER, Command.CONFERENCE])
    @scenario
    async def test_stop_fails_a_pending_transfer(
        self, sw: S, rec: Recorder, command: Command
    ) -> None:
        sw.start()
        cid, _ = await self.reach(sw, rec, CallState.ANSWERED)
        sw.set_ready("p1", False)  # nobody answers: the request is pending when the switch stops
        task = asyncio.ensure_future(give(sw, command, cid))
        await rec.event(cid, "transferring")
        await sw.stop()
        with pytest.raises(TelephonyError):
            await task
