"""A whole linkage scenario (call → order → F8 transfer → 110 signs for it) with the console's
file logging on, at DEBUG: no log file it wrote holds the caller's number whole."""

from __future__ import annotations

import logging
from collections.abc import Iterator
from pathlib import Path

import pytest
import qasync

from console.domain.orders import Action, Status
from console.logs import setup_logging, teardown_logging
from tests.ui.linkage_harness import CALLER, Seats, do_step, take_call_and_save
from tests.waiting import until


@pytest.fixture
def log_dir(tmp_path: Path) -> Iterator[Path]:
    root = logging.getLogger()
    level = root.level
    folder = tmp_path / "logs"
    setup_logging(folder, logging.DEBUG)
    yield folder
    teardown_logging()
    root.setLevel(level)


def test_no_log_file_holds_the_callers_number(
    log_dir: Path, seats: Seats, qloop: qasync.QEventLoop
) -> None:
    async def scenario() -> None:
        seats.switch.start()
        number = await take_call_and_save(seats)
        seats.hot.seat.flow.transfer()  # F8
        police = seats.pol.seat.controller
        await until(lambda: police.current is not None and police.peer_side)
        await until(lambda: seats.orders.get(number).order.status is Status.TRANSFERRED)
        await do_step(seats.pol, number, Action.SIGN_FOR)
        logging.getLogger("console.test").info("caller %s on %s", CALLER, number)  # the net

    qloop.run_until_complete(scenario())
    teardown_logging()
    files = sorted(log_dir.iterdir())
    assert files
    written = "\n".join(f.read_text(encoding="utf-8") for f in files)
    assert "138****5678" in written  # the safety net masked the line logged above
    for form in (CALLER, f"{CALLER[:3]} {CALLER[3:7]} {CALLER[7:]}", f"+86{CALLER}"):
        assert form not in written, form
