"""Log files rotate in the platformdirs log dir; uncaught exceptions are logged and shown."""

from __future__ import annotations

import logging
import sys
import threading
from collections.abc import Callable, Iterator
from pathlib import Path

import platformdirs
import pytest

from console.logs import LOG_NAME, install_excepthook, setup_logging, teardown_logging


@pytest.fixture(autouse=True)
def clean_root_logger() -> Iterator[None]:
    root = logging.getLogger()
    level = root.level
    yield
    teardown_logging()
    root.setLevel(level)


def ours() -> list[logging.Handler]:
    return [h for h in logging.getLogger().handlers if getattr(h, "_linkage_console_log", False)]


def test_default_location_is_the_user_log_dir_created_if_missing() -> None:
    folder = Path(platformdirs.user_log_dir("linkage-console", "linkage"))
    assert not folder.exists()
    path = setup_logging()
    assert path == folder / LOG_NAME
    logging.getLogger("console.test").info("座席 A-01 started")
    text = path.read_text(encoding="utf-8")
    assert "INFO" in text and "console.test" in text and "座席 A-01 started" in text
    assert text[:4].isdigit()  # starts with the timestamp


def test_calling_twice_adds_one_handler_and_a_new_folder_replaces_it(tmp_path: Path) -> None:
    first = setup_logging(tmp_path / "a")
    assert setup_logging(tmp_path / "a", logging.DEBUG) == first
    assert len(ours()) == 1 and logging.getLogger().level == logging.DEBUG
    logging.getLogger("x").warning("once")
    assert first.read_text(encoding="utf-8").count("once") == 1
    second = setup_logging(tmp_path / "b")
    assert len(ours()) == 1 and second == tmp_path / "b" / LOG_NAME
    logging.getLogger("x").warning("moved")
    assert "moved" not in first.read_text(encoding="utf-8")
    assert "moved" in second.read_text(encoding="utf-8")


def test_the_file_rotates_and_keeps_backup_count_files(tmp_path: Path) -> None:
    path = setup_logging(tmp_path, max_bytes=300, backup_count=2)
    for n in range(40):
        logging.getLogger("rot").info("line %02d %s", n, "x" * 40)
    names = sorted(p.name for p in tmp_path.iterdir())
    assert names == [LOG_NAME, f"{LOG_NAME}.1", f"{LOG_NAME}.2"]
    assert all(p.stat().st_size <= 300 for p in tmp_path.iterdir())
    assert "line 39" in path.read_text(encoding="utf-8")


def test_level_filters(tmp_path: Path) -> None:
    path = setup_logging(tmp_path, logging.WARNING)
    logging.getLogger("lvl").info("hidden")
    logging.getLogger("lvl").warning("kept")
    text = path.read_text(encoding="utf-8")
    assert "kept" in text and "hidden" not in text


Shown = list[tuple[str, Path]]


@pytest.fixture
def hooked(tmp_path: Path) -> Iterator[tuple[Path, Shown, Callable[[], None]]]:
    path = setup_logging(tmp_path)
    shown: Shown = []
    restore = install_excepthook(lambda summary, log: shown.append((summary, log)), path)
    yield path, shown, restore
    restore()


def raise_and_hook() -> None:
    try:
        raise RuntimeError("database went away")
    except RuntimeError:
        sys.excepthook(*sys.exc_info())


def test_main_thread_exception_is_logged_with_traceback_and_shown(
    hooked: tuple[Path, Shown, Callable[[], None]],
) -> None:
    path, shown, _ = hooked
    raise_and_hook()
    assert shown == [("RuntimeError: database went away", path)]
    text = path.read_text(encoding="utf-8")
    assert "CRITICAL" in text and "Traceback (most recent call last)" in text
    assert "in raise_and_hook" in text and "RuntimeError: database went away" in text


def test_thread_exception_is_logged_and_shown(
    hooked: tuple[Path, Shown, Callable[[], None]],
) -> None:
    path, shown, _ = hooked

    def work() -> None:
        raise KeyError("order 42")

    worker = threading.Thread(target=work, name="poller")
    worker.start()
    worker.join()
    assert shown == [("KeyError: 'order 42'", path)]
    text = path.read_text(encoding="utf-8")
    assert "in thread poller" in text and "Traceback" in text and "in work" in text


def test_a_failing_show_is_logged_and_printed(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = setup_logging(tmp_path)

    def broken(summary: str, log: Path) -> None:
        raise OSError("no display")

    restore = install_excepthook(broken, path)
    try:
        raise_and_hook()
    finally:
        restore()
    assert "database went away" in capsys.readouterr().err
    text = path.read_text(encoding="utf-8")
    assert "could not show the error" in text and "OSError: no display" in text


def test_restore_puts_the_previous_hooks_back(tmp_path: Path) -> None:
    before = (sys.excepthook, threading.excepthook)
    restore = install_excepthook(lambda s, p: None, setup_logging(tmp_path))
    assert sys.excepthook is not before[0] and threading.excepthook is not before[1]
    restore()
    assert (sys.excepthook, threading.excepthook) == before
