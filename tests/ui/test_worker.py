"""The UI worker: calls run off the GUI thread, in order; answers come back on the GUI thread."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from typing import Any

import pytest
from PySide6.QtCore import QObject
from pytestqt.qtbot import QtBot
from shiboken6 import Shiboken

from console.ui.worker import Worker


@pytest.fixture
def worker(qapp: object) -> Iterator[Worker]:
    made = Worker("test-worker")
    yield made
    made.shutdown()


def test_result_comes_back_on_the_gui_thread(qtbot: QtBot, worker: Worker) -> None:
    ran_on: list[str] = []
    answers: list[tuple[Any, str]] = []

    def job() -> int:
        ran_on.append(threading.current_thread().name)
        return 42

    worker.run(job, lambda answer: answers.append((answer, threading.current_thread().name)))
    qtbot.waitUntil(lambda: bool(answers))
    assert answers == [(42, threading.main_thread().name)]
    assert ran_on[0].startswith("test-worker") and ran_on[0] != threading.main_thread().name


def test_an_exception_is_handed_to_the_callback(qtbot: QtBot, worker: Worker) -> None:
    answers: list[object] = []

    def job() -> None:
        raise ValueError("请填写确认说明")

    worker.run(job, answers.append)
    qtbot.waitUntil(lambda: bool(answers))
    assert isinstance(answers[0], ValueError) and str(answers[0]) == "请填写确认说明"


def test_calls_run_one_at_a_time_in_order(qtbot: QtBot, worker: Worker) -> None:
    running, overlap, answers = [0], [False], []

    def job(n: int) -> int:
        running[0] += 1
        overlap[0] |= running[0] > 1
        threading.Event().wait(0.002)
        running[0] -= 1
        return n

    for n in range(20):
        worker.run(lambda n=n: job(n), answers.append)  # type: ignore[misc]
    qtbot.waitUntil(lambda: len(answers) == 20)
    assert answers == list(range(20)) and not overlap[0]


class Owner(QObject):
    def __init__(self) -> None:
        super().__init__()
        self.answers: list[object] = []

    def done(self, answer: object) -> None:
        self.answers.append(answer)


def test_an_answer_for_a_deleted_widget_is_dropped(qtbot: QtBot, worker: Worker) -> None:
    gate, answers = threading.Event(), []
    owner = Owner()
    worker.run(lambda: gate.wait(5), owner.done)
    Shiboken.delete(owner)  # the panel was closed while its query ran
    gate.set()
    worker.run(lambda: "after", answers.append)
    qtbot.waitUntil(lambda: bool(answers))
    assert answers == ["after"]  # and Owner.done was never called on the dead object


def test_after_shutdown_nothing_runs_and_nothing_arrives(qtbot: QtBot, worker: Worker) -> None:
    gate, answers, ran = threading.Event(), [], []
    worker.run(lambda: gate.wait(5), answers.append)
    worker.run(lambda: ran.append("queued"), answers.append)
    worker.shutdown()
    worker.run(lambda: ran.append("late"), answers.append)
    with qtbot.waitSignal(worker._finished):  # the running call ends; its answer is dropped
        gate.set()
    assert ran == [] and answers == []
