"""What the contract tests share: running a coroutine on the loop, a recorder of call events that
waits loudly, and small helpers over the port (split from contract.py)."""

from __future__ import annotations

import asyncio
import functools
import inspect
from collections.abc import Awaitable, Callable, Coroutine
from typing import Any, TypeVar

from console.telephony import (
    ALLOWED_FROM,
    Call,
    CallEvent,
    CallState,
    Command,
    Line,
    Telephony,
    TransferResult,
)
from tests.waiting import describe, until

T = TypeVar("T")
S = TypeVar("S", bound=Telephony)
CALLER = "13800138000"
FAILURES = [TransferResult.NO_ANSWER, TransferResult.BUSY, TransferResult.REJECTED]
ILLEGAL = [(s, c) for s in CallState for c in Command if s not in ALLOWED_FROM[c]]


def run(coro: Coroutine[Any, Any, T], timeout: float = 5.0) -> T:
    """Run ``coro`` on a new loop; cancel whatever it left behind."""
    loop = asyncio.new_event_loop()
    try:
        return loop.run_until_complete(asyncio.wait_for(coro, timeout))
    finally:
        pending = asyncio.all_tasks(loop)
        for task in pending:
            task.cancel()
        if pending:
            loop.run_until_complete(asyncio.wait(pending, timeout=1))
        loop.close()


class Recorder:
    """A subscriber that keeps every event and lets a scenario await one."""

    def __init__(self) -> None:
        self.events: list[CallEvent] = []
        self._changed = asyncio.Event()

    def __call__(self, event: CallEvent) -> None:
        self.events.append(event)
        self._changed.set()

    async def until(
        self, predicate: Callable[[CallEvent], bool], since: int = 0, timeout: float = 2.0
    ) -> CallEvent:
        """The first event from the ``since``-th on that matches; fails loudly on timeout."""
        return await until(
            lambda: next((e for e in self.events[since:] if predicate(e)), None),
            timeout,
            what=lambda: (
                f"an event after #{since} matching: {describe(predicate)}; "
                f"got {[(e.call.call_id, e.kind) for e in self.events[since:]]}"
            ),
        )

    async def event(self, call_id: str, kind: str, since: int = 0) -> CallEvent:
        return await self.until(lambda e: e.call.call_id == call_id and e.kind == kind, since)

    def kinds(self, call_id: str) -> list[str]:
        """Event kinds of one call, repeated "ringing" (queued, then rung) counted once."""
        out: list[str] = []
        for e in self.events:
            if e.call.call_id == call_id and not (out and out[-1] == e.kind == "ringing"):
                out.append(e.kind)
        return out


Scenario = Callable[..., Awaitable[None]]


def scenario(fn: Scenario) -> Callable[..., None]:
    """Turn ``async def test_x(self, sw, rec, **params)`` into a sync pytest test."""

    def test(self: Any, *args: Any, **kwargs: Any) -> None:  # a TelephonyContract
        self.drive(lambda sw, rec: fn(self, sw, rec, *args, **kwargs))

    functools.update_wrapper(test, fn)
    params = list(inspect.signature(fn).parameters.values())
    test.__signature__ = inspect.Signature([params[0], *params[3:]])  # type: ignore[attr-defined]
    return test


def state_of(sw: Telephony, call_id: str) -> CallState:
    return next((c.state for c in sw.calls() if c.call_id == call_id), CallState.ENDED)


def call_of(sw: Telephony, call_id: str) -> Call:
    return next(c for c in sw.calls() if c.call_id == call_id)


async def give(sw: Telephony, command: Command, call_id: str) -> TransferResult | None:
    """Issue ``command`` the way a seat would (seat s1; transfers to 110)."""
    if command is Command.TRANSFER:
        return await sw.blind_transfer(call_id, Line.POLICE)
    if command is Command.CONFERENCE:
        return await sw.conference(call_id, Line.POLICE)
    simple = {
        Command.ANSWER: lambda: sw.answer(call_id, "s1"),
        Command.HOLD: lambda: sw.hold(call_id),
        Command.RESUME: lambda: sw.resume(call_id),
        Command.HANG_UP: lambda: sw.hang_up(call_id),
        Command.CANCEL_TRANSFER: lambda: sw.cancel_transfer(call_id),
    }
    await simple[command]()
    return None
