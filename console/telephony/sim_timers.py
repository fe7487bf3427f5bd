"""The simulated switch's timers: callbacks on the running asyncio loop (the qasync loop in the
app), ``call_at``/``call_later``, never a thread, never a busy wait. Durations are simulated
seconds; ``time_scale`` turns them into loop seconds (tests use 0.001: 30 s take 30 ms).
Every pending timer is known, so that stopping the switch cancels them all."""

from __future__ import annotations

import asyncio
from collections.abc import Callable, Iterable


class Timers:
    def __init__(self, loop: asyncio.AbstractEventLoop | None, time_scale: float) -> None:
        """``loop`` None: the running loop at each call."""
        self._loop = loop
        self._scale = time_scale
        self._pending: set[asyncio.TimerHandle] = set()

    def loop(self) -> asyncio.AbstractEventLoop:
        return self._loop or asyncio.get_running_loop()

    def scaled(self, seconds: float) -> float:
        """Simulated ``seconds`` in loop seconds."""
        return seconds * self._scale

    def at(self, when: float, callback: Callable[[], None]) -> asyncio.TimerHandle:
        """``callback`` at loop time ``when``."""

        def fire() -> None:
            self._pending.discard(handle)
            callback()

        handle = self.loop().call_at(when, fire)
        self._pending.add(handle)
        return handle

    def later(self, seconds: float, callback: Callable[[], None]) -> asyncio.TimerHandle:
        """``callback`` after simulated ``seconds``."""
        return self.at(self.loop().time() + self.scaled(seconds), callback)

    def cancel(self, handles: Iterable[asyncio.TimerHandle]) -> None:
        for handle in handles:
            handle.cancel()
            self._pending.discard(handle)

    def cancel_all(self) -> None:
        for handle in self._pending:
            handle.cancel()
        self._pending.clear()
