"""Waiting in tests: for a condition, never for a fixed time, and loudly when it never comes.

:func:`until` awaits on a running event loop (qasync or plain asyncio) so the loop keeps
turning while it polls; :func:`wait_until` blocks the calling thread, for waits with no event
loop (a watcher the test polls itself). Both return the check's first truthy answer, and on
timeout raise :class:`AssertionError` naming what was awaited: ``what`` if given, else the
source line of the check, so a failure reads "waited 5 s for: …" rather than passing silently
or saying only "timed out".
"""

from __future__ import annotations

import asyncio
import inspect
import time
from collections.abc import Callable
from typing import TypeVar

T = TypeVar("T")

POLL_S = 0.01
Description = str | Callable[[], str] | None


async def until(check: Callable[[], T], timeout: float = 5.0, what: Description = None) -> T:
    """Await ``check()`` becoming truthy; return its answer or fail loudly after ``timeout`` s."""
    deadline = time.monotonic() + timeout
    while True:
        got = check()
        if got:
            return got
        if time.monotonic() >= deadline:
            raise AssertionError(_message(timeout, check, what))
        await asyncio.sleep(POLL_S)


def wait_until(check: Callable[[], T], timeout: float = 5.0, what: Description = None) -> T:
    """:func:`until` for a thread with no event loop to keep turning."""
    deadline = time.monotonic() + timeout
    while True:
        got = check()
        if got:
            return got
        if time.monotonic() >= deadline:
            raise AssertionError(_message(timeout, check, what))
        time.sleep(POLL_S)


def describe(check: Callable[..., object]) -> str:
    """The source of a check (a lambda's line) or its name."""
    try:
        lines, _ = inspect.getsourcelines(check)
    except (OSError, TypeError):
        return getattr(check, "__qualname__", repr(check))
    return " ".join(line.strip() for line in lines)


def _message(timeout: float, check: Callable[[], object], what: Description) -> str:
    said = what() if callable(what) else what
    return f"waited {timeout:g} s for: {said or describe(check)}"
