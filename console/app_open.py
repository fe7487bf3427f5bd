"""Part of the composition root (see app.py): after the start screen's first paint, the
persistence stack imported and each database opened — migrated to this console's schema and its
catalogues seeded — on a worker thread, while the GUI thread runs Qt's events (the screen stays
live: its busy bar moves, it can be closed).

Only pure-Python modules are imported on the worker (SQLAlchemy, SQLModel, the store and the
services: import-linter keeps Qt out of those), and the GUI thread imports nothing meanwhile, so
the two never wait on each other's import locks. A database that cannot be opened is not said
here: its exception is handed back for the root to say in its usual words — except one that is
not there *now* (unreachable, restarting, a share not mounted: ``faults.is_outage``): with
``retry`` (a seat starting, not a smoke run or a script) the start screen says the database
cannot be reached and counts down to the next try, and the console opens when it answers (or
the agent closes the screen). Sign-in needs the database: nothing else can be done meanwhile.
Nothing else imports this module.
"""

from __future__ import annotations

import importlib
import logging
import math
import threading
import time
from collections.abc import Sequence
from typing import TYPE_CHECKING

from PySide6.QtCore import QEventLoop, QObject, QTimer, Signal

from console.ui.start_screen import StartScreen

if TYPE_CHECKING:
    from console.store.engine import Database

# What the rest of the root imports that needs no Qt: loaded here, off the GUI thread.
PRELOAD = (
    "sqlalchemy",
    "sqlmodel",
    "apscheduler.schedulers.asyncio",
    "console.store.setup",
    "console.store.orders",
    "console.store.changes",
    "console.services.alarms",
    "console.services.orders",
    "console.services.queues",
    "console.services.audit",
    "console.services.incidents",
    "console.services.hotspots",
    "console.services.accounts",
    "console.services.sessions",
    "console.scheduling.alarms",
    "console.services.journal",
)
# Seconds between tries while the database cannot be reached at start, the last one repeated.
RETRY_S = (5.0, 10.0, 20.0, 30.0)

log = logging.getLogger(__name__)


class _Finished(QObject):
    finished = Signal()  # emitted on the worker, delivered on the GUI thread (queued)
    retrying = Signal(float)  # the database is not there now: the next try in that many seconds


class Opened:
    """Each URL's database, in the order given, or the exception opening it raised (said by
    the root). A database taken is its taker's to close; :meth:`dispose` closes the others."""

    def __init__(self, results: list[Database | Exception]) -> None:
        self._results = results
        self._taken: set[int] = set()

    def take(self, index: int) -> Database:
        """The database opened for the ``index``-th URL; raises what opening it raised."""
        found = self._results[index]
        if isinstance(found, Exception):
            raise found
        self._taken.add(index)
        return found

    def dispose(self) -> None:
        """Close what was opened and not taken (a start that failed on another database)."""
        for index, found in enumerate(self._results):
            if index not in self._taken and not isinstance(found, Exception):
                found.dispose()


def open_databases(
    urls: Sequence[str],
    screen: StartScreen,
    retry: bool = False,
    retry_s: Sequence[float] = RETRY_S,
) -> Opened | None:
    """Open ``urls`` on a worker thread, running Qt's events until done; None if the user
    closed ``screen`` first (the worker is left to finish on its own: a daemon thread).
    ``retry``: a database not there now is tried again, after ``retry_s`` (see the module)."""
    results: list[Database | Exception] = []
    failure: list[BaseException] = []
    done = _Finished()
    loop = QEventLoop()
    done.finished.connect(loop.quit)
    given_up: list[bool] = []
    stop = threading.Event()  # the user gave up: no more tries
    countdown = _Countdown(screen)
    done.retrying.connect(countdown.start)

    def give_up() -> None:
        given_up.append(True)
        stop.set()
        loop.quit()

    screen.closed.connect(give_up)

    def open_one(url: str) -> Database | Exception:
        from console.services.faults import is_outage
        from console.store.setup import init_db

        tries = 0
        while True:
            try:
                return init_db(url)[0]
            except Exception as exc:  # said by the root, on the GUI thread
                if not retry or not is_outage(exc) or stop.is_set():
                    return exc
                wait = retry_s[min(tries, len(retry_s) - 1)]
                log.warning("the database cannot be reached at start (%s); again in %.0f s",
                            type(exc).__name__, wait)  # fmt: skip
                done.retrying.emit(wait)
                tries += 1
                if stop.wait(wait):
                    return exc

    def work() -> None:
        try:
            for name in PRELOAD:
                importlib.import_module(name)
            for url in urls:
                results.append(open_one(url))
        except BaseException as exc:  # a bug (an import failed): raised on the GUI thread
            failure.append(exc)
        finally:
            done.finished.emit()

    worker = threading.Thread(target=work, name="start-open", daemon=True)
    worker.start()
    loop.exec()
    countdown.stop()
    screen.closed.disconnect(give_up)
    if given_up:
        return None
    worker.join()  # it has emitted: only its last instructions are left
    if failure:
        raise failure[0]
    return Opened(results)


class _Countdown(QObject):
    """The start screen's "trying again in N s", ticking each second on the GUI thread."""

    def __init__(self, screen: StartScreen) -> None:
        super().__init__(screen)
        self._screen = screen
        self._until = 0.0
        self._timer = QTimer(self, interval=1000)
        self._timer.timeout.connect(self._tick)

    def start(self, seconds: float) -> None:
        self._until = time.monotonic() + seconds
        self._timer.start()
        self._tick()

    def stop(self) -> None:
        self._timer.stop()
        if self._until:
            self._screen.show_connecting()

    def _tick(self) -> None:
        left = math.ceil(self._until - time.monotonic())
        if left > 0:
            self._screen.show_retrying(left)
        else:  # trying now
            self._screen.show_connecting()
