"""One background thread for the UI's service calls; answers come back on the GUI thread.

The UI thread never waits for the database (STYLE.md Qt 4). A widget hands :meth:`Worker.run`
a callable and a callback; the callable runs on the worker thread, one at a time in the order
given, and the callback runs on the GUI thread with the result, or with the exception raised.
Callbacks bound to a deleted widget are dropped, so closing a panel mid-query is harmless.

The callable and its callback are held in a table on the GUI thread until the answer is
delivered: the worker thread never holds the last reference to them, so a widget they capture
is never destroyed on the worker thread (Qt: "Timers cannot be stopped from another thread").
"""

from __future__ import annotations

import itertools
import logging
import traceback
from collections.abc import Callable
from concurrent.futures import Future, ThreadPoolExecutor
from contextlib import suppress
from typing import Any

from PySide6.QtCore import QObject, Qt, Signal, Slot
from shiboken6 import Shiboken

log = logging.getLogger(__name__)

Done = Callable[[Any], None]
"""Called on the GUI thread with the callable's result or the exception it raised."""

Run = Callable[[Callable[[], Any], Done], None]
"""The shape widgets take: ``run(fn, on_done)`` (:meth:`Worker.run` is one)."""


class Worker(QObject):
    """Signals: ``_finished(callback, result_or_exception)`` — internal, queued to the GUI thread."""

    _finished = Signal(int, object)

    def __init__(self, name: str = "ui-worker", parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._pool: ThreadPoolExecutor | None = ThreadPoolExecutor(1, thread_name_prefix=name)
        self._pending: dict[int, tuple[Callable[[], Any], Done]] = {}
        self._tokens = itertools.count()
        # Queued even when emitted on this thread (a future already done when its callback is
        # added runs the callback here): an answer never arrives inside the call that asked.
        self._finished.connect(self._deliver, Qt.ConnectionType.QueuedConnection)

    def run(self, fn: Callable[[], Any], on_done: Done) -> None:
        """Run ``fn`` on the worker thread; then ``on_done(result or exception)`` on this one."""
        if self._pool is None:
            log.warning("worker is shut down; dropped %r", fn)
            return
        token = next(self._tokens)
        self._pending[token] = (fn, on_done)
        future = self._pool.submit(self._call, token)
        future.add_done_callback(lambda done: self._hand_back(token, done))

    def shutdown(self) -> None:
        """Cancel what has not started; a running call finishes, its answer is dropped."""
        if self._pool is not None:
            self._pool.shutdown(wait=False, cancel_futures=True)
            self._pool = None
        self._pending.clear()

    def _call(self, token: int) -> Any:
        """Runs on the worker thread; the table keeps ``fn`` alive on the GUI side."""
        entry = self._pending.get(token)
        return entry[0]() if entry is not None else None

    def _hand_back(self, token: int, done: Future[Any]) -> None:
        """Runs on the worker thread: only emit, never touch a widget."""
        if done.cancelled():
            return
        error = done.exception()
        if error is not None:
            # The traceback's frames hold the callable: keep its text, drop the frames, so the
            # last reference to a captured widget is never released on this thread.
            log.debug("worker call failed:\n%s", "".join(traceback.format_exception(error)))
            error.__traceback__ = None
        with suppress(RuntimeError):  # the worker itself was deleted meanwhile
            self._finished.emit(token, error if error is not None else done.result())

    @Slot(int, object)
    def _deliver(self, token: int, answer: object) -> None:
        entry = self._pending.pop(token, None)
        if self._pool is None or entry is None:
            return
        on_done = entry[1]
        owner = getattr(on_done, "__self__", None)
        if isinstance(owner, QObject) and not Shiboken.isValid(owner):
            return
        on_done(answer)
