"""The linkage loop between two real systems: two databases, two `exchange serve` processes,
loopback HTTPS with mutual TLS. A transfer at 12345 reaches 110's 待签收 queue; 110 signs for
it, feeds back; 12345 completes it; both databases hold the same history."""

from __future__ import annotations

import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from console.domain.intake import Draft
from console.domain.orders import Action, Platform, Status
from console.store.engine import Database
from console.store.orders import UnknownOrder
from console.store.setup import init_db
from tests.exchange.serving import System, two_systems
from tests.principals import at_seat
from tests.waiting import wait_until

A01 = at_seat("王丽", "A-01", Platform.HOTLINE)
J07 = at_seat("李强", "J-07", Platform.POLICE)
pytestmark = pytest.mark.slow


@pytest.fixture
def systems(tmp_path: Path, two_dbs: tuple[Database, Database]) -> Iterator[dict[str, System]]:
    urls = {
        "12345": two_dbs[0].engine.url.render_as_string(hide_password=False),
        "110": two_dbs[1].engine.url.render_as_string(hide_password=False),
    }
    made = two_systems(tmp_path, urls)
    for platform, db in zip(("12345", "110"), two_dbs, strict=True):
        made[platform].db = db
    try:
        for system in made.values():
            system.start()
        yield made
    finally:
        for system in made.values():
            system.stop()


def status_at(system: System, number: str) -> Status | None:
    try:
        return system.orders().get(number).order.status
    except UnknownOrder:
        return None


def test_the_loop_between_two_serving_systems(systems: dict[str, System]) -> None:
    hotline, police = systems["12345"].orders(), systems["110"].orders()
    number = hotline.create(
        Draft(caller_phone="13812345678", kind="C-TS", field="F-SH", district="210102",
              description="有人在小区门口持械斗殴", consent=True), A01,
    ).order.number  # fmt: skip
    hotline.transfers.transfer(number, A01, "涉嫌违法，转110", key="k1")
    wait_until(lambda: status_at(systems["110"], number) is Status.TRANSFERRED, 20, "transfer")
    police.act(number, Action.SIGN_FOR, J07, seen=2)
    police.act(number, Action.START_HANDLING, J07, seen=3)
    police.act(number, Action.FEED_BACK, J07, "民警已到场处置", seen=4)
    wait_until(lambda: status_at(systems["12345"], number) is Status.FED_BACK, 20, "feedback")
    hotline.act(number, Action.COMPLETE, A01, seen=5)
    wait_until(lambda: status_at(systems["110"], number) is Status.COMPLETED, 20, "completion")

    def lines(s: System) -> list[tuple[str, str]]:
        return [(e.action.value, e.seat) for e in s.orders().get(number).order.timeline]

    assert lines(systems["12345"]) == lines(systems["110"])


def test_serve_with_the_exchange_off_says_so(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'off.sqlite3'}"
    init_db(url)[0].dispose()
    done = subprocess.run(
        [sys.executable, "-m", "console", "--db", url, "exchange", "serve"],
        capture_output=True, text=True, timeout=60,
    )  # fmt: skip
    assert done.returncode == 2
    assert 'exchange.mode is "off"' in done.stderr and "Traceback" not in done.stderr
