"""A dead seat's transfer never holds an order hostage: ``transfer()`` is one transaction (a
kill leaves nothing), and a pending request of a console that died mid-call stops holding the
order once the longest answer window is over; the other seat takes the transfer over."""

from __future__ import annotations

import subprocess
import sys
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from sqlalchemy import text

from console.domain.calendar import load_calendar
from console.domain.orders import Action, Status
from console.scheduling.clock import FakeClock
from console.services.alarms import load_site_policy
from console.services.orders import OrderService, TransferConflict
from console.services.transfers import HOLD_MARGIN, PENDING_HOLDS
from console.store.engine import Database
from tests.services.test_transfer import A01, A02, draft, service, transfers

WORKER = Path(__file__).with_name("transfer_kill_worker.py")
ROOT = Path(__file__).resolve().parents[2]


def requests(db: Database) -> dict[str, str]:
    with db.read() as s:
        return dict(s.execute(text("SELECT key, state FROM transfer_request")).all())  # type: ignore[arg-type]


def test_a_kill_inside_transfer_leaves_nothing_behind(db: Database) -> None:
    orders = service(db)
    number = orders.create(draft(), A01).order.number
    killed = subprocess.run(
        [sys.executable, str(WORKER), str(db.engine.url.render_as_string(hide_password=False)),
         number, "dead-key"],
        cwd=ROOT, capture_output=True, text=True, timeout=60,
    )  # fmt: skip
    assert killed.returncode == -9, killed.stderr
    assert requests(db) == {}  # no pending row of the dead process
    assert orders.get(number).order.status is Status.RECEIVED
    # Another seat's transfer goes at once: nothing holds the order.
    done = orders.transfers.transfer(number, A02, "互派", key="a02")
    assert not done.repeated and done.stored.order.status is Status.TRANSFERRED
    assert transfers(db, number) == 1


def test_a_dead_seats_pending_transfer_holds_the_order_only_for_the_window(db: Database) -> None:
    clock = FakeClock(datetime(2026, 11, 23, 2, 0, tzinfo=UTC))
    orders = OrderService(db, clock.now, load_site_policy(db), load_calendar())
    number = orders.create(draft(), A01).order.number
    orders.transfers.begin(number, A01, "a01-call")  # then A-01's console dies mid-call
    # At most the longest answer window and a margin:
    assert PENDING_HOLDS.total_seconds() <= 300 + 60
    clock.advance(299)  # a live seat's call may still be ringing: the order is held
    with pytest.raises(TransferConflict) as held:
        orders.transfers.transfer(number, A02, "互派", key="a02-early")
    assert held.value.code == "transfer_pending" and held.value.params["seat"] == "A-01"
    clock.advance(PENDING_HOLDS.total_seconds())
    done = orders.transfers.transfer(number, A02, "互派", key="a02")  # taken over
    assert done.stored.order.status is Status.TRANSFERRED
    assert requests(db) == {"a01-call": "abandoned", "a02": "done"}
    # A-01's console comes back: its request was taken over, nothing is sent a second time.
    assert [r.done for r in orders.transfers.resume(A01)] == []
    assert transfers(db, number) == 1
    assert orders.get(number).order.timeline[-1].action is Action.TRANSFER
    assert orders.get(number).order.timeline[-1].seat == "A-02"


def test_a_begun_transfer_taken_over_cannot_complete_later(db: Database) -> None:
    clock = FakeClock(datetime(2026, 11, 23, 2, 0, tzinfo=UTC))
    orders = OrderService(db, clock.now, load_site_policy(db), load_calendar())
    number = orders.create(draft(), A01).order.number
    orders.transfers.begin(number, A01, "a01-call")
    clock.advance(PENDING_HOLDS.total_seconds() + 1)
    orders.transfers.begin(number, A02, "a02-call")  # A-02 takes over the stuck transfer
    with pytest.raises(ValueError, match="abandoned"):
        orders.transfers.complete("a01-call", A01, "一键转接")
    assert orders.transfers.complete("a02-call", A02, "一键转接").stored.order.status is (
        Status.TRANSFERRED
    )
    assert transfers(db, number) == 1


def test_the_hold_follows_the_sites_answer_window(db: Database) -> None:
    """A site with a 30 s answer window: a pending transfer older than 30 s + the margin is a
    dead console's, taken over at once (not after the 330 s a 300 s window would need)."""
    clock = FakeClock(datetime(2026, 11, 23, 2, 0, tzinfo=UTC))
    hold = timedelta(seconds=30) + HOLD_MARGIN
    orders = OrderService(db, clock.now, load_site_policy(db), load_calendar(), transfer_hold=hold)
    number = orders.create(draft(), A01).order.number
    orders.transfers.begin(number, A01, "a01-call")  # then A-01's console dies mid-call
    clock.advance(hold.total_seconds() - 1)
    with pytest.raises(TransferConflict):
        orders.transfers.transfer(number, A02, "互派", key="a02-early")
    clock.advance(2)
    done = orders.transfers.transfer(number, A02, "互派", key="a02")
    assert done.stored.order.status is Status.TRANSFERRED
