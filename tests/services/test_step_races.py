"""Two seats stepping on one order at once: exactly one step is taken, on SQLite as on
PostgreSQL, and no use case can be called without saying which view of the order it acts on."""

from __future__ import annotations

import threading

import pytest

from console.domain.orders import Action, FirstContactMode, Status, ThreeWayOutcome
from console.domain.refusals import Refused
from console.services.orders import OrderService
from console.store.engine import Database
from tests.services.test_linkage import linkage
from tests.services.test_transfer import A01, A02, draft, service

ROUNDS = 40


def race(orders: OrderService, number: str) -> dict[str, str]:
    """Handling (A-01) and first contact (A-02) at once, both chosen on the order as received
    (one timeline line); what each seat was told."""
    barrier = threading.Barrier(2)
    result: dict[str, str] = {}

    def step(name: str, action: Action, *args: object) -> None:
        barrier.wait()
        try:
            orders.act(number, action, *args, seen=1)  # type: ignore[arg-type]
            result[name] = "done"
        except Refused as refused:
            result[name] = refused.code

    first_contact = ("first", Action.FIRST_CONTACT, A02, "先行受理", FirstContactMode.PROVISIONAL)
    threads = [
        threading.Thread(target=step, args=("handle", Action.START_HANDLING, A01)),
        threading.Thread(target=step, args=first_contact),
    ]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    return result


def test_handling_and_first_contact_at_once_one_wins(db: Database) -> None:
    """Before ``seen`` was required, SQLite applied both in about half the rounds: the handling
    landed on top of the other seat's first contact, which its agent had never seen."""
    orders = service(db)
    for _ in range(ROUNDS):
        number = orders.create(draft(), A01).order.number
        result = race(orders, number)
        timeline = orders.get(number).order.timeline
        assert len(timeline) == 2, (result, [e.action for e in timeline])
        loser = "first" if timeline[-1].action is Action.START_HANDLING else "handle"
        assert result[loser] == "stale", result  # told: another seat changed it, reload


def test_every_step_use_case_needs_the_view_it_was_chosen_on(db: Database) -> None:
    orders, links = service(db), linkage(db)
    number = orders.create(draft(), A01).order.number
    with pytest.raises(TypeError, match="seen"):
        orders.act(number, Action.START_HANDLING, A01)  # type: ignore[call-arg]
    with pytest.raises(TypeError, match="seen"):
        links.settle_three_way(number, ThreeWayOutcome.HOTLINE, A01, "r")  # type: ignore[call-arg]
    with pytest.raises(TypeError, match="seen"):
        links.escalate(number, A01, kind="P-ZA", report="r", key="k")  # type: ignore[call-arg]
    assert orders.get(number).order.status is Status.RECEIVED
