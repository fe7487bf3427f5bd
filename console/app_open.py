"""Part of the composition root (see app.py): after the start screen's first paint, the
persistence stack imported and each database opened — migrated to this console's schema and its
catalogues seeded — on a worker thread, while the GUI thread runs Qt's events (the screen stays
live: its busy bar moves, it can be closed).

Only pure-Python modules are imported on the worker (SQLAlchemy, SQLModel, the store and the
services: import-linter keeps Qt out of those), and the GUI thread imports nothing meanwhile, so
the two never wait on each other's import locks. A database that cannot be opened is not said
here: its exception is handed back for the root to say in its usual words. Nothing else imports
this module.
"""

from __future__ import annotations

import importlib
import threading
from collections.abc import Sequence
from typing import TYPE_CHECKING

from PySide6.QtCore import QEventLoop, QObject, Signal

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
)


class _Finished(QObject):
    finished = Signal()  # emitted on the worker, delivered on the GUI thread (queued)


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


def open_databases(urls: Sequence[str], screen: StartScreen) -> Opened | None:
    """Open ``urls`` on a worker thread, running Qt's events until done; None if the user
    closed ``screen`` first (the worker is left to finish on its own: a daemon thread)."""
    results: list[Database | Exception] = []
    failure: list[BaseException] = []
    done = _Finished()
    loop = QEventLoop()
    done.finished.connect(loop.quit)
    given_up: list[bool] = []

    def give_up() -> None:
        given_up.append(True)
        loop.quit()

    screen.closed.connect(give_up)

    def work() -> None:
        try:
            for name in PRELOAD:
                importlib.import_module(name)
            from console.store.setup import init_db

            for url in urls:
                try:
                    results.append(init_db(url)[0])
                except Exception as exc:  # said by the root, on the GUI thread
                    results.append(exc)
        except BaseException as exc:  # a bug (an import failed): raised on the GUI thread
            failure.append(exc)
        finally:
            done.finished.emit()

    worker = threading.Thread(target=work, name="start-open", daemon=True)
    worker.start()
    loop.exec()
    screen.closed.disconnect(give_up)
    if given_up:
        return None
    worker.join()  # it has emitted: only its last instructions are left
    if failure:
        raise failure[0]
    return Opened(results)
