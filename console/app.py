"""The composition root: Qt application → translations → the start screen, painted → each
database opened off the GUI thread (console/app_open.py) → each platform's system (database →
services → scheduler → exchange endpoint, console/app_platform.py) → one switch → windows, in
the start screen's place (console/app_compose.py).

Instant start (issue 18): this module imports only PySide6 and light console modules, so the
first window paints within a few times a bare PySide6 window's time; SQLAlchemy, SQLModel,
the services and the seat's widgets are imported after that paint. A start that fails after
it says the same one line on stderr as before the start screen existed (exit 2), and the start
screen says it too, until closed (a console started from a desktop icon has no terminal).

Everything long-lived is built here and handed down; nothing below reaches for a global. The
event loop is qasync's (Qt and asyncio share the main thread) and APScheduler runs on it, so
``async def`` jobs touch widgets safely (STACK-NOTES: a plain ``def`` job runs in a worker thread).
"""

from __future__ import annotations

import gc
import logging
import sys
import time
from collections.abc import Awaitable, Callable
from pathlib import Path
from typing import TYPE_CHECKING, TextIO

from PySide6.QtCore import QCoreApplication, QLocale
from PySide6.QtWidgets import QApplication

from console.app_loop import fail as _fail
from console.config import Settings, describe
from console.domain.order_types import Platform
from console.logs import install_excepthook, setup_logging
from console.settings import APP_NAME
from console.ui.qt_app import install_translators, make_app
from console.ui.start_screen import StartScreen, show_painted

if TYPE_CHECKING:
    from console.app_seat import SeatParts
    from console.ui.main_window import MainWindow

log = logging.getLogger(__name__)

EXIT_CANNOT_START = 2


Script = Callable[["MainWindow", "SeatParts"], Awaitable[int]]
"""A coroutine run once the window has painted; its result is the exit code (screenshot tests)."""


def run_gui(
    settings: Settings,
    *,
    smoke: bool = False,
    started_at: float | None = None,
    script: Script | None = None,
    pair: bool = False,
    demo_sign_in: bool = False,
    peer: Settings | None = None,
) -> int:
    """Run the seat console until its window closes; returns the process exit code.

    The start screen shows first (connecting to the database…); each seat then opens on its
    sign-in screen and its window is built for the account signed in (console/app_sign_in.py);
    ``demo_sign_in`` signs the demo accounts in by themselves. The smoke check and test scripts
    open the window at once, for ``settings.agent``.

    With ``peer`` (the other platform's settings) a second system runs in the process, on its
    own database, and its seat's window opens beside the first, on the same simulated switch:
    ``make run`` watches an order travel between the two systems as a message and come back.
    With ``pair`` alone the second window is a seat of the other platform on the same database
    (the single-database layout).

    With ``smoke`` the console opens, waits for the seat window's data (its queues and alarm
    counts) and one clock tick, prints ``first_paint_ms=… data_ms=… orders=… db=…`` (the start
    screen's first paint, the data on screen) and exits 0 (1 if either never comes).
    """
    started = time.perf_counter() if started_at is None else started_at
    gc.disable()  # the start's imports and widgets: no collections (app_loop.settle_memory)
    log_path = _start_logging()
    app = make_app()
    hooked: list[Callable[[], None]] = []  # the crash dialog's hook, once the screen painted
    try:
        hook = (log_path, hooked)
        return _start(app, settings, smoke, started, script, pair, demo_sign_in, peer, hook)
    finally:
        for restore_hook in hooked:
            restore_hook()
        gc.unfreeze()  # a process that goes on (the tests) collects as before
        gc.enable()


def _start_logging() -> Path | None:
    try:
        return setup_logging()
    except OSError as exc:  # a read-only profile must not keep a seat from working
        _fail(f"cannot write the log: {exc}")
        return None


def _start(
    app: QApplication,
    settings: Settings,
    smoke: bool,
    started: float,
    script: Script | None,
    pair: bool,
    demo_sign_in: bool,
    peer: Settings | None,
    hook: tuple[Path | None, list[Callable[[], None]]],
) -> int:
    log.info("starting: %s", "; ".join(describe_safely(settings)))
    lang = settings.lang
    QLocale.setDefault(QLocale(lang))
    install_translators(app, lang)  # parented to the app, so they live as long as it does
    configs = [settings] if peer is None else [settings, peer]
    platforms = [_platform_of(s) for s in configs]
    if None in platforms:
        return EXIT_CANNOT_START
    if peer is not None:
        log.info("its peer: %s", "; ".join(describe_safely(peer)))
        if platforms[0] is platforms[1]:
            _fail(QCoreApplication.translate(
                "App", "The pair's second config is of the same platform ({platform}): "
                "give the other platform's."
            ).format(platform=peer.platform))  # fmt: skip
            return EXIT_CANNOT_START
    screen = StartScreen()
    painted = show_painted(screen)
    if painted is None:  # no paint in 10 s: the display is gone; carry on, time it as now
        log.warning("the start screen did not paint")
        painted = time.perf_counter()
    log.info("start screen painted at %.0f ms", (painted - started) * 1000)
    log_path, hooked = hook
    if log_path is not None:  # the crash dialog from now on (its Qt enums cost ~50 ms to load)
        from console.ui.crash_dialog import CrashDialog

        hooked.append(install_excepthook(CrashDialog(app).show, log_path))
    from console.app_open import open_databases

    # A seat waits for a database not there yet (the screen counts down); a check does not.
    retry = not smoke and script is None
    opened = open_databases([c.db_url for c in configs], screen, retry=retry)
    if opened is None:  # closed while connecting: the user gave up
        return EXIT_CANNOT_START
    from console.app_compose import compose

    said = _Said(sys.stderr)
    stderr, sys.stderr = sys.stderr, said
    try:
        code = compose(
            app, configs, opened, screen,
            smoke=smoke, started=started, first_paint=painted, script=script, pair=pair,
            demo_sign_in=demo_sign_in,
        )  # fmt: skip
    finally:
        sys.stderr = stderr
    if code == EXIT_CANNOT_START and not smoke and script is None and screen.isVisible():
        screen.show_failure(said.lines)  # the same words, where a desktop user looks
        screen.activateWindow()
        app.exec()  # until closed
    return code


class _Said:
    """stderr as the root's start-up failures pass through it: each line ``fail`` writes
    (``linkage-console: …``) kept, without the name, for the start screen to show."""

    def __init__(self, through: TextIO) -> None:
        self.through = through
        self.lines: list[str] = []

    def write(self, text: str) -> int:
        prefix = f"{APP_NAME}: "
        self.lines += [line.removeprefix(prefix) for line in text.splitlines()
                       if line.startswith(prefix)]  # fmt: skip
        return self.through.write(text)

    def flush(self) -> None:
        self.through.flush()


def _platform_of(settings: Settings) -> Platform | None:
    try:
        return Platform(settings.platform)
    except ValueError:
        _fail(
            QCoreApplication.translate(
                "App", "Unknown platform {platform}: use 12345 or 110."
            ).format(platform=settings.platform)
        )
        return None


def describe_safely(settings: Settings) -> list[str]:
    try:
        return describe(settings)
    except ValueError as exc:
        return [f"(settings not describable: {exc})"]
