"""The seat controller's helpers toward the switch: its commands run as tasks on the loop
(:class:`SwitchTasks`), and the line's queue figures follow the switch's events
(:func:`count_line_event`). No state of the seat is kept here."""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable, Callable

from console.domain.call_stats import CallStats
from console.telephony.port import CallEvent, Line, TelephonyError
from console.ui.refusals import refusal_text


class SwitchTasks:
    """Switch commands, each a task on the loop, kept until done (asyncio holds only weak
    references); a refusal is said through ``say`` in the UI's language."""

    def __init__(self, say: Callable[[str], object]) -> None:
        self._say = say
        self._tasks: set[asyncio.Task[object]] = set()

    def spawn(self, work: Awaitable[object]) -> None:
        say = self._say

        async def guarded() -> object:
            try:
                return await work
            except TelephonyError as exc:
                say(refusal_text(exc))
                return None

        task = asyncio.ensure_future(guarded())
        self._tasks.add(task)
        task.add_done_callback(self._tasks.discard)

    def cancel(self) -> None:
        """Cancel every command still running."""
        for task in list(self._tasks):
            task.cancel()


def count_line_event(stats: CallStats, line: Line, event: CallEvent) -> None:
    """The line's queue figures count every seat's answers, not only this seat's."""
    call = event.call
    if call.line is not line:
        return
    if event.kind == "ringing":
        stats.arrived(call.call_id, call.arrived_at)
    elif event.kind == "answered":
        stats.answered_at(call.call_id, event.at)
    elif event.kind == "ended":
        stats.gone(call.call_id)  # only counts if it was still waiting
