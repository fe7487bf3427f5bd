"""One background thread for the UI's service calls; answers come back on the GUI thread.

The UI thread never waits for the database (STYLE.md Qt 4). A widget hands :meth:`Worker.run`
a callable and a callback; the callable runs on the worker thread, one at a time in the order
given, and the callback runs on the GUI thread with the result, or with the exception raised.
Callbacks bound to a deleted widget are dropped, so closing a panel mid-query is harmless.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from concurrent.futures import Future, ThreadPoolExecutor
from contextlib import suppress
from typing import Any

from PySide6.QtCore import QObject, Signal, Slot
from shiboken6 import Shiboken

log = logging.getLogger(__name__)

Done = Callable[[Any], None]
"""Called on the GUI thread with the callable's result or the exception it raised."""

Run = Callable[[Callable[[], Any], Done], None]
"""The shape widgets take: ``run(fn, on_done)`` (:meth:`Worker.run` is one)."""


class Worker(QObject):
    """Signals: ``_finished(callback, result_or_exception)`` — internal, queued to the GUI thread."""

    _finished = Signal(object, object)

    def __init__(self, name: str = "ui-worker", parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._pool: ThreadPoolExecutor | None = ThreadPoolExecutor(1, thread_name_prefix=name)
        self._finished.connect(self._deliver)

    def run(self, fn: Callable[[], Any], on_done: Done) -> None:
        """Run ``fn`` on the worker thread; then ``on_done(result or exception)`` on this one."""
        if self._pool is None:
            log.warning("worker is shut down; dropped %r", fn)
            return
        future = self._pool.submit(fn)
        future.add_done_callback(lambda done: self._hand_back(on_done, done))

    def shutdown(self) -> None:
        """Cancel what has not started; a running call finishes, its answer is dropped."""
        if self._pool is not None:
            self._pool.shutdown(wait=False, cancel_futures=True)
            self._pool = None

    def _hand_back(self, on_done: Done, done: Future[Any]) -> None:
        """Runs on the worker thread: only emit, never touch a widget."""
        if done.cancelled():
            return
        error = done.exception()
        with suppress(RuntimeError):  # the worker itself was deleted meanwhile
            self._finished.emit(on_done, error if error is not None else done.result())

    @Slot(object, object)
    def _deliver(self, on_done: Done, answer: object) -> None:
        if self._pool is None:
            return
        owner = getattr(on_done, "__self__", None)
        if isinstance(owner, QObject) and not Shiboken.isValid(owner):
            return
        on_done(answer)
