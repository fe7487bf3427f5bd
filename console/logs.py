"""Log files and crash reports: pure Python (the UI adds a Qt message handler on top).

``setup_logging()`` writes ``console.log`` in the platformdirs log directory
(``~/.local/state/linkage-console/log/`` on Linux, ``%LOCALAPPDATA%\\linkage\\linkage-console\\Logs``
on Windows), rotating at 5 MB and keeping 5 old files (``console.log.1`` … ``console.log.5``).
``install_excepthook()`` makes every uncaught exception, in the main thread or any other, land in
that log with its traceback and reach the operator through ``show(summary, log_path)``.

Personal data: code logs order numbers, never a caller's number or name; as a safety net every
line written (message, arguments and traceback alike) has any mobile or landline number in it
masked (:func:`console.domain.phone.mask_numbers`), and so has the summary shown to the operator.
"""

from __future__ import annotations

import contextlib
import io
import logging
import os
import sys
import threading
from collections.abc import Callable
from logging.handlers import RotatingFileHandler
from pathlib import Path
from types import TracebackType

import platformdirs

from console.domain.phone import mask_numbers
from console.settings import APP_AUTHOR, APP_NAME, hide_secrets

LOG_NAME = "console.log"
FORMAT = "%(asctime)s %(levelname)-8s %(name)s [%(threadName)s] %(message)s"
MAX_BYTES = 5 * 1024 * 1024
BACKUP_COUNT = 5
_MARK = "_linkage_console_log"  # attribute set on our handler, for idempotence

log = logging.getLogger(__name__)


def default_log_dir() -> Path:
    return Path(platformdirs.user_log_dir(APP_NAME, APP_AUTHOR))


def setup_logging(
    log_dir: Path | None = None,
    level: int = logging.INFO,
    *,
    max_bytes: int = MAX_BYTES,
    backup_count: int = BACKUP_COUNT,
) -> Path:
    """Send the root logger to a rotating UTF-8 file; return its path.

    Calling again with the same folder only updates the level; with another folder the old file
    handler is closed and replaced. Other handlers (e.g. pytest's) are left alone.
    """
    folder = log_dir if log_dir is not None else default_log_dir()
    folder.mkdir(mode=0o700, parents=True, exist_ok=True)  # logs name callers: owner only
    path = folder / LOG_NAME
    root = logging.getLogger()
    root.setLevel(level)
    for handler in list(root.handlers):
        if not getattr(handler, _MARK, False):
            continue
        if (
            isinstance(handler, RotatingFileHandler)
            and Path(handler.baseFilename) == path.absolute()
        ):
            return path
        root.removeHandler(handler)
        handler.close()
    handler = _PrivateFileHandler(
        path, maxBytes=max_bytes, backupCount=backup_count, encoding="utf-8"
    )
    setattr(handler, _MARK, True)
    handler.setFormatter(MaskingFormatter(FORMAT))
    root.addHandler(handler)
    return path


class MaskingFormatter(logging.Formatter):
    """Formats as usual, then masks every phone number and password in the whole text (the message with its
    arguments, the traceback, the stack): a number that slipped into a log call or an exception
    message never reaches the file whole."""

    def format(self, record: logging.LogRecord) -> str:
        return hide_secrets(mask_numbers(super().format(record)))


class _PrivateFileHandler(RotatingFileHandler):
    """Creates each log file (the first and every one after a rollover) readable by its owner
    only (0600): a log line may name a caller or an address."""

    def _open(self) -> io.TextIOWrapper:
        fd = os.open(self.baseFilename, os.O_WRONLY | os.O_CREAT | os.O_APPEND, 0o600)
        return open(fd, "a", encoding=self.encoding, errors=self.errors)


def teardown_logging() -> None:
    """Close and remove the handler :func:`setup_logging` added (tests, clean shutdown)."""
    root = logging.getLogger()
    for handler in list(root.handlers):
        if getattr(handler, _MARK, False):
            root.removeHandler(handler)
            handler.close()


def _summary(exc_type: type[BaseException], exc: BaseException | None) -> str:
    text = f"{exc_type.__name__}: {exc}" if exc is not None and str(exc) else exc_type.__name__
    text = hide_secrets(mask_numbers(text))  # the crash dialog shows it: no number, no password
    return text if len(text) <= 500 else text[:497] + "..."


def _stderr(text: str) -> None:
    if sys.stderr is not None:  # None in a windowed (no console) PyInstaller build
        with contextlib.suppress(OSError, ValueError):
            print(text, file=sys.stderr, flush=True)


def install_excepthook(show: Callable[[str, Path], None], log_path: Path) -> Callable[[], None]:
    """Log uncaught exceptions with their traceback, then call ``show(summary, log_path)``.

    Covers ``sys.excepthook`` (main thread; Qt slots too) and ``threading.excepthook``. ``show``
    runs on the thread that failed: a Qt ``show`` must hand over to the GUI thread itself.
    Ctrl+C keeps its default behaviour and a thread's SystemExit stays quiet, as in Python.
    If ``show`` fails, that is logged and the summary goes to stderr: never a silent exit.
    Returns a function that puts the previous hooks back.
    """
    previous_sys, previous_threading = sys.excepthook, threading.excepthook

    def report(
        exc_type: type[BaseException],
        exc: BaseException | None,
        tb: TracebackType | None,
        where: str,
    ) -> None:
        info = (exc_type, exc, tb) if exc is not None else None
        log.critical("uncaught %s in %s", exc_type.__name__, where, exc_info=info)
        summary = _summary(exc_type, exc)
        try:
            show(summary, log_path)
        except Exception:
            log.exception("could not show the error to the operator")
            _stderr(f"console: {summary} (details in {log_path})")

    def sys_hook(
        exc_type: type[BaseException], exc: BaseException, tb: TracebackType | None
    ) -> None:
        if issubclass(exc_type, KeyboardInterrupt):
            sys.__excepthook__(exc_type, exc, tb)
            return
        report(exc_type, exc, tb, "the main thread")

    def threading_hook(args: threading.ExceptHookArgs) -> None:
        if issubclass(args.exc_type, SystemExit):
            return
        name = args.thread.name if args.thread is not None else "an unknown thread"
        report(args.exc_type, args.exc_value, args.exc_traceback, f"thread {name}")

    def restore() -> None:
        sys.excepthook, threading.excepthook = previous_sys, previous_threading

    sys.excepthook, threading.excepthook = sys_hook, threading_hook
    return restore
