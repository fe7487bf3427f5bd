"""The UI's one way to call a service off the GUI thread (STYLE.md Qt 4); answers come back on it.

A widget asks :class:`Operations` for one of two kinds of operation (after Anki's
``CollectionOp`` and ``QueryOp``), each with a typed success callback and a failure callback:

- :meth:`Operations.write` — a change (save, acknowledge, transfer). Writes run on one thread,
  one at a time, in the order asked: two saves never overtake each other.
- :meth:`Operations.read` — a query (a page, a refresh, a poll). Reads run on a thread of their
  own, so a read never waits behind a slow save. A read carries a key: while a read with the
  same owner and key is in flight, a new one is not queued behind it — it waits as the one
  "next" read of that key (a later ask replaces it) and runs once the first is answered. A
  5-second poll therefore never piles up behind itself.

Every operation names an ``owner`` (a widget or other QObject). When the answer arrives and the
owner has been deleted meanwhile, the answer is dropped, whatever the callbacks are — bound
methods, closures or lambdas. A failure with no failure callback (or whose owner is gone) is
logged, never lost.

The callable and its callbacks are held in a table on the GUI thread until the answer is
delivered: the worker threads only ever see a token, so they never hold the last reference to a
callable that captures a widget, and no widget is destroyed on a worker thread (Qt: "Timers
cannot be stopped from another thread"). Tracebacks are turned into text and dropped on the
worker thread for the same reason (their frames hold the callable's locals).
"""

from __future__ import annotations

import itertools
import logging
import traceback
from collections.abc import Callable, Hashable
from concurrent.futures import Future, ThreadPoolExecutor
from contextlib import suppress
from dataclasses import dataclass
from typing import Any, TypeVar

from PySide6.QtCore import QObject, Qt, Signal, Slot
from shiboken6 import Shiboken

log = logging.getLogger(__name__)

T = TypeVar("T")

Failure = Callable[[Exception], None]
"""Called on the GUI thread with the exception the operation raised."""


@dataclass(eq=False)
class _Job:
    """One operation, kept on the GUI thread from the ask until the answer is handled."""

    fn: Callable[[], Any]
    owner: QObject
    success: Callable[[Any], None] | None
    failure: Failure | None
    coalesce: tuple[int, Hashable] | None = None  # (id of the owner, key) of a read
    future: Future[Any] | None = None

    def alive(self) -> bool:
        return Shiboken.isValid(self.owner)


class Operations(QObject):
    """Runs service calls off the GUI thread: one thread for writes, one for reads.

    Signals: ``_finished(token, result, error, trace)`` — internal, queued to the GUI thread."""

    _finished = Signal(int, object, object, str)

    def __init__(self, name: str = "ui", parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._writes = ThreadPoolExecutor(1, thread_name_prefix=f"{name}-write")
        self._reads = ThreadPoolExecutor(1, thread_name_prefix=f"{name}-read")
        self._closed = False
        self._jobs: dict[int, _Job] = {}
        # A read key in flight -> the read asked for meanwhile, to run after it (or None).
        self._reading: dict[tuple[int, Hashable], _Job | None] = {}
        self._tokens = itertools.count()
        # Queued even when a call ends before its hand-back is hooked up (the hook then runs on
        # this thread): a callback never runs inside the write() or read() that asked for it.
        self._finished.connect(self._deliver, Qt.ConnectionType.QueuedConnection)

    def write(
        self,
        owner: QObject,
        fn: Callable[[], T],
        *,
        success: Callable[[T], None] | None = None,
        failure: Failure | None = None,
    ) -> None:
        """Run ``fn`` after every write asked before it; then ``success(result)`` or
        ``failure(exception)`` on the GUI thread, unless ``owner`` was deleted meanwhile."""
        self._submit(self._writes, _Job(fn, owner, success, failure))

    def read(
        self,
        owner: QObject,
        key: Hashable,
        fn: Callable[[], T],
        *,
        success: Callable[[T], None],
        failure: Failure | None = None,
    ) -> None:
        """Run the query ``fn`` on the read thread; then ``success(result)`` or
        ``failure(exception)`` on the GUI thread, unless ``owner`` was deleted meanwhile.

        If a read of ``owner`` with the same ``key`` is in flight, this one runs after it is
        answered, instead of any other read of that key asked meanwhile."""
        coalesce = (id(owner), key)
        job = _Job(fn, owner, success, failure, coalesce)
        if self._closed:
            self._submit(self._reads, job)  # says that it is dropped
            return
        if coalesce in self._reading:
            self._reading[coalesce] = job  # the newest ask wins; the one it replaces never runs
            return
        self._reading[coalesce] = None
        self._submit(self._reads, job)

    def in_flight(self, owner: QObject, key: Hashable) -> bool:
        """A read of ``owner`` with ``key`` is running or queued."""
        return (id(owner), key) in self._reading

    def shutdown(self) -> None:
        """Cancel what has not started; a running call finishes and its answer is dropped."""
        if self._closed:
            return
        self._closed = True
        for pool in (self._writes, self._reads):
            pool.shutdown(wait=False, cancel_futures=True)
        # Jobs that never started are released here, on the GUI thread; a running one is
        # released when it hands back (the worker thread never holds it last).
        self._jobs = {
            token: job
            for token, job in self._jobs.items()
            if job.future is None or not job.future.cancelled()
        }
        self._reading.clear()

    # ------------------------------------------------------------------ private

    def _submit(self, pool: ThreadPoolExecutor, job: _Job) -> None:
        if self._closed:
            log.warning("operations are shut down; dropped %r", job.fn)
            return
        token = next(self._tokens)
        self._jobs[token] = job
        job.future = pool.submit(self._call, token)
        job.future.add_done_callback(lambda done: self._hand_back(token, done))

    def _call(self, token: int) -> Any:
        """Runs on a worker thread; the table keeps the job alive on the GUI side."""
        job = self._jobs.get(token)
        return job.fn() if job is not None else None

    def _hand_back(self, token: int, done: Future[Any]) -> None:
        """Runs on the worker thread: only emit, never touch a widget."""
        if done.cancelled():
            return
        error = done.exception()
        trace = ""
        if error is not None:
            trace = "".join(traceback.format_exception(error))
            _drop_frames(error)
        with suppress(RuntimeError):  # the Operations object itself was deleted meanwhile
            self._finished.emit(token, None if error is not None else done.result(), error, trace)

    @Slot(int, object, object, str)
    def _deliver(self, token: int, result: object, error: BaseException | None, trace: str) -> None:
        job = self._jobs.pop(token, None)
        if job is None:
            return
        if job.coalesce is not None:
            self._next_read(job.coalesce)
        if self._closed:
            return
        if not job.alive():
            if error is not None:
                log.warning("failure of an operation whose owner is gone:\n%s", trace)
            return
        if error is None:
            if job.success is not None:
                job.success(result)
        elif job.failure is not None and isinstance(error, Exception):
            log.debug("operation failed, handed to its failure callback:\n%s", trace)
            job.failure(error)
        else:
            log.error("operation failed:\n%s", trace)

    def _next_read(self, coalesce: tuple[int, Hashable]) -> None:
        waiting = self._reading.pop(coalesce, None)
        if waiting is None or self._closed:
            return
        if not waiting.alive():
            return
        self._reading[coalesce] = None
        self._submit(self._reads, waiting)


def _drop_frames(error: BaseException) -> None:
    """Release the frames of ``error`` and of the exceptions chained to it."""
    seen: set[int] = set()
    current: BaseException | None = error
    while current is not None and id(current) not in seen:
        seen.add(id(current))
        current.__traceback__ = None
        current = current.__cause__ or current.__context__
