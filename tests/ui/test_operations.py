"""The UI's operations: typed answers on the GUI thread, dropped for a deleted owner, reads that
neither pile up behind themselves nor wait behind a slow write, failures never lost."""

from __future__ import annotations

import gc
import logging
import threading
import weakref
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from mypy import api as mypy_api
from PySide6.QtCore import QObject
from pytestqt.qtbot import QtBot
from shiboken6 import Shiboken

from console.ui.operations import Operations

GUI = threading.main_thread().name


@pytest.fixture
def ops(qapp: object) -> Iterator[Operations]:
    made = Operations("test-ops")
    yield made
    made.shutdown()


@pytest.fixture
def owner(qapp: object) -> Iterator[QObject]:
    made = QObject()
    yield made
    if Shiboken.isValid(made):
        Shiboken.delete(made)


class Gate:
    """Holds a worker thread until opened; says when the worker got there."""

    def __init__(self) -> None:
        self.reached, self.opened = threading.Event(), threading.Event()

    def hold(self, value: object = None) -> Any:
        self.reached.set()
        assert self.opened.wait(10), "the test never opened the gate"
        return value


def test_results_come_back_typed_on_the_gui_thread(
    qtbot: QtBot, ops: Operations, owner: QObject
) -> None:
    ran_on: list[str] = []
    answers: list[tuple[int, str]] = []

    def job() -> int:
        ran_on.append(threading.current_thread().name)
        return 42

    def got(value: int) -> None:
        answers.append((value, threading.current_thread().name))

    ops.write(owner, job, success=got)
    ops.read(owner, "k", job, success=got)
    qtbot.waitUntil(lambda: len(answers) == 2)
    assert answers == [(42, GUI), (42, GUI)]
    assert sorted(name.rsplit("_", 1)[0] for name in ran_on) == [
        "test-ops-read", "test-ops-write"
    ]  # fmt: skip


def test_the_success_callback_is_checked_against_the_result_type(tmp_path: Path) -> None:
    snippet = tmp_path / "snippet.py"
    snippet.write_text(
        "from PySide6.QtCore import QObject\n"
        "from console.ui.operations import Operations\n"
        "def use(ops: Operations, owner: QObject) -> None:\n"
        "    def text(value: str) -> None: ...\n"
        "    ops.read(owner, 'k', lambda: 'ok', success=text)\n"
        "    ops.write(owner, lambda: 42, success=text)\n",  # line 6: an int is not a str
        encoding="utf-8",
    )
    out, _, status = mypy_api.run([
        "--strict", "--no-incremental", "--follow-imports=silent", "--ignore-missing-imports",
        "--config-file", "", str(snippet),
    ])  # fmt: skip
    errors = [line for line in out.splitlines() if ": error:" in line]
    assert status == 1 and len(errors) == 1 and errors[0].startswith(f"{snippet}:6:"), out


def test_a_failure_goes_to_the_failure_callback(
    qtbot: QtBot, ops: Operations, owner: QObject
) -> None:
    failures: list[Exception] = []
    successes: list[object] = []

    def job() -> None:
        raise ValueError("请填写确认说明")

    ops.write(owner, job, success=successes.append, failure=failures.append)
    ops.read(owner, "k", job, success=successes.append, failure=failures.append)
    qtbot.waitUntil(lambda: len(failures) == 2)
    assert successes == [] and all(isinstance(f, ValueError) for f in failures)
    assert str(failures[0]) == "请填写确认说明"
    assert failures[0].__traceback__ is None  # its frames were released on the worker thread


def test_a_failure_without_a_failure_callback_is_logged(
    qtbot: QtBot, ops: Operations, owner: QObject, caplog: pytest.LogCaptureFixture
) -> None:
    def job() -> None:
        raise OSError("database is locked")

    with caplog.at_level(logging.ERROR, logger="console.ui.operations"):
        ops.write(owner, job)
        qtbot.waitUntil(lambda: bool(caplog.records))
    assert "database is locked" in caplog.text and "Traceback" in caplog.text


def closure_for(answers: list[object]) -> Callable[[object], None]:
    def remember(value: object) -> None:
        answers.append(value)

    return remember


class Widget(QObject):
    def __init__(self) -> None:
        super().__init__()
        self.answers: list[object] = []

    def done(self, value: object) -> None:
        self.answers.append(value)


@pytest.mark.parametrize("shape", ["closure", "lambda", "bound method"])
@pytest.mark.parametrize("kind", ["write", "read"])
def test_the_answer_is_dropped_when_the_owner_is_deleted(
    qtbot: QtBot, ops: Operations, shape: str, kind: str
) -> None:
    gate, answers, later = Gate(), [], []
    widget = Widget()
    callback = {
        "closure": closure_for(answers),
        "lambda": lambda value: answers.append(value),
        "bound method": widget.done,
    }[shape]
    if kind == "write":
        ops.write(widget, lambda: gate.hold("late"), success=callback, failure=callback)
    else:
        ops.read(widget, "k", lambda: gate.hold("late"), success=callback, failure=callback)
    assert gate.reached.wait(10)
    Shiboken.delete(widget)  # the panel was closed while its query ran
    gate.opened.set()
    survivor = QObject()
    if kind == "write":
        ops.write(survivor, lambda: "after", success=later.append)
    else:
        ops.read(survivor, "k", lambda: "after", success=later.append)
    qtbot.waitUntil(lambda: bool(later))  # answers come back in the order they were asked
    assert later == ["after"] and answers == []


def test_a_failure_for_a_deleted_owner_is_logged(
    qtbot: QtBot, ops: Operations, caplog: pytest.LogCaptureFixture
) -> None:
    gate, widget, failures = Gate(), QObject(), []

    def job() -> None:
        gate.hold()
        raise OSError("disk full")

    ops.write(widget, job, failure=failures.append)
    assert gate.reached.wait(10)
    Shiboken.delete(widget)
    with caplog.at_level(logging.WARNING, logger="console.ui.operations"):
        gate.opened.set()
        qtbot.waitUntil(lambda: "disk full" in caplog.text)
    assert failures == []


def test_reads_of_one_key_are_coalesced(qtbot: QtBot, ops: Operations, owner: QObject) -> None:
    gate, ran, answers = Gate(), [], []

    def read(n: int) -> int:
        ran.append(n)
        return gate.hold(n) if n == 0 else n

    for n in range(4):  # a poll every tick while the first is still running
        ops.read(owner, "board", lambda n=n: read(n), success=answers.append)  # type: ignore[misc]
    assert gate.reached.wait(10) and ops.in_flight(owner, "board")
    gate.opened.set()
    qtbot.waitUntil(lambda: len(answers) == 2)
    assert ran == [0, 3] and answers == [0, 3]  # the newest ask ran once, after the first
    qtbot.waitUntil(lambda: not ops.in_flight(owner, "board"))


def test_other_keys_and_other_owners_are_not_coalesced(
    qtbot: QtBot, ops: Operations, owner: QObject
) -> None:
    gate, answers = Gate(), []
    other = QObject()
    ops.read(owner, "a", lambda: gate.hold("a"), success=answers.append)
    ops.read(owner, "b", lambda: "b", success=answers.append)
    ops.read(other, "a", lambda: "other a", success=answers.append)
    assert gate.reached.wait(10)
    gate.opened.set()
    qtbot.waitUntil(lambda: len(answers) == 3)
    assert answers == ["a", "b", "other a"]


def test_a_waiting_read_of_a_deleted_owner_never_runs(qtbot: QtBot, ops: Operations) -> None:
    gate, ran, later = Gate(), [], []
    widget = QObject()
    ops.read(widget, "k", lambda: gate.hold(), success=lambda _: None)
    ops.read(widget, "k", lambda: ran.append("waiting"), success=lambda _: None)
    assert gate.reached.wait(10)
    Shiboken.delete(widget)
    gate.opened.set()
    survivor = QObject()
    ops.read(survivor, "k", lambda: "after", success=later.append)
    qtbot.waitUntil(lambda: bool(later))
    assert ran == []


def test_a_read_does_not_wait_behind_a_slow_write(
    qtbot: QtBot, ops: Operations, owner: QObject
) -> None:
    gate, saved, read = Gate(), [], []
    ops.write(owner, lambda: gate.hold("saved"), success=saved.append)
    assert gate.reached.wait(10)
    ops.read(owner, "poll", lambda: "rows", success=read.append)
    qtbot.waitUntil(lambda: read == ["rows"])  # while the save is still running
    assert saved == []
    gate.opened.set()
    qtbot.waitUntil(lambda: saved == ["saved"])


def test_writes_run_one_at_a_time_in_order(qtbot: QtBot, ops: Operations, owner: QObject) -> None:
    running, overlap, answers = [0], [False], []

    def job(n: int) -> int:
        running[0] += 1
        overlap[0] |= running[0] > 1
        running[0] -= 1
        return n

    for n in range(20):
        ops.write(owner, lambda n=n: job(n), success=answers.append)  # type: ignore[misc]
    qtbot.waitUntil(lambda: len(answers) == 20)
    assert answers == list(range(20)) and not overlap[0]


class Captured:
    """Stands for a widget a callback captures: records the thread that released it."""

    def __init__(self, released_on: list[str]) -> None:
        self.released_on = released_on

    def __del__(self) -> None:
        self.released_on.append(threading.current_thread().name)


def test_callables_are_released_on_the_gui_thread(
    qtbot: QtBot, ops: Operations, owner: QObject
) -> None:
    released_on: list[str] = []
    done: list[object] = []

    def ask() -> weakref.ref[Captured]:
        captured = Captured(released_on)
        ops.read(owner, "k", lambda: captured and 1, success=lambda v: done.append((captured, v)))
        ops.read(owner, "k", lambda: captured and 2, success=lambda v: done.append(v))
        ops.write(owner, lambda: captured and 3, success=lambda v: done.append(v))
        return weakref.ref(captured)

    ref = ask()
    qtbot.waitUntil(lambda: len(done) == 3)
    done.clear()
    gc.collect()
    assert ref() is None and released_on == [GUI]


def test_after_shutdown_nothing_runs_and_nothing_arrives(
    qtbot: QtBot, ops: Operations, owner: QObject
) -> None:
    gate, answers, ran = Gate(), [], []
    ops.write(owner, lambda: gate.hold(), success=answers.append)
    ops.write(owner, lambda: ran.append("queued"), success=answers.append)
    assert gate.reached.wait(10)
    ops.shutdown()
    ops.write(owner, lambda: ran.append("late"), success=answers.append)
    ops.read(owner, "k", lambda: ran.append("late read"), success=answers.append)
    with qtbot.waitSignal(ops._finished):  # the running call ends; its answer is dropped
        gate.opened.set()
    assert ran == [] and answers == []
