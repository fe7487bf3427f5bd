"""One-click transfer (一键转接): consent, exactly once per request key, one winner per order."""

from __future__ import annotations

import threading
from datetime import UTC, datetime

import pytest
from sqlalchemy import text

from console.domain.calendar import load_calendar
from console.domain.intake import Draft
from console.domain.orders import Action, Platform, Priority, Status, TransitionError
from console.domain.roles import Seated
from console.services.alarms import load_site_policy
from console.services.orders import OrderService, TransferConflict
from console.store.engine import Database
from tests.principals import at_seat

A01 = at_seat("王丽", "A-01", Platform.HOTLINE)
A02 = at_seat("张伟", "A-02", Platform.HOTLINE)
J07 = at_seat("李强", "J-07", Platform.POLICE)


def service(db: Database) -> OrderService:
    return OrderService(db, lambda: datetime.now(UTC), load_site_policy(db), load_calendar())


def draft(**over: object) -> Draft:
    values: dict[str, object] = dict(
        caller_phone="13812345678", kind="C-TS", field="F-SH", district="210102",
        description="有人在小区门口持械斗殴", consent=True,
    )  # fmt: skip
    values.update(over)
    return Draft(**values)  # type: ignore[arg-type]


def transfers(db: Database, number: str) -> int:
    with db.read() as s:
        return int(
            s.execute(
                text(
                    "SELECT count(*) FROM order_event e JOIN work_order o ON o.id = e.order_id "
                    "WHERE o.number = :n AND e.action = 'transfer'"
                ),
                {"n": number},
            ).scalar_one()
        )


def test_refused_without_consent_except_social_stability_clues(db: Database) -> None:
    orders = service(db)
    made = orders.create(draft(consent=False), A01)
    with pytest.raises(TransitionError, match="consent"):
        orders.transfers.transfer(made.order.number, A01, "涉嫌违法", key="k1")
    assert transfers(db, made.order.number) == 0
    clue = orders.create(draft(consent=False, social_stability=True), A01)
    done = orders.transfers.transfer(clue.order.number, A01, "影响社会稳定的线索", key="k2")
    assert done.stored.order.owner is Platform.POLICE
    assert done.stored.order.priority is Priority.CRITICAL


def test_a_repeated_request_changes_nothing(db: Database) -> None:
    orders = service(db)
    made = orders.create(draft(), A01)
    first = orders.transfers.transfer(made.order.number, A01, "涉嫌违法", key="click-1")
    again = orders.transfers.transfer(made.order.number, A01, "涉嫌违法", key="click-1")
    assert not first.repeated and again.repeated
    assert again.stored.order.status is Status.TRANSFERRED
    assert transfers(db, made.order.number) == 1
    # The peer signs for it (签收) with its own fresh deadline.
    signed = orders.act(made.order.number, Action.SIGN_FOR, J07, seen=2)
    assert signed.order.status is Status.SIGNED_FOR
    assert first.stored.order.deadlines.sign_for is not None


def test_a_double_click_from_two_threads_transfers_once(db: Database) -> None:
    orders = service(db)
    made = orders.create(draft(), A01)
    results: list[object] = []

    def click() -> None:
        try:
            results.append(
                orders.transfers.transfer(made.order.number, A01, "涉嫌违法", key="same-key")
            )
        except Exception as exc:
            results.append(exc)

    threads = [threading.Thread(target=click) for _ in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert not [r for r in results if isinstance(r, Exception)]
    assert sorted(r.repeated for r in results) == [False, True, True, True]  # type: ignore[attr-defined]
    assert transfers(db, made.order.number) == 1


def test_two_seats_at_once_one_wins_the_other_is_told(db: Database) -> None:
    orders = service(db)
    made = orders.create(draft(), A01)
    barrier = threading.Barrier(2)
    results: dict[str, object] = {}

    def seat(actor: Seated) -> None:
        barrier.wait()
        try:
            results[actor.seat] = orders.transfers.transfer(
                made.order.number, actor, "转110", key=actor.seat
            )
        except Exception as exc:
            results[actor.seat] = exc

    threads = [threading.Thread(target=seat, args=(a,)) for a in (A01, A02)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    losers = [r for r in results.values() if isinstance(r, Exception)]
    assert len(losers) == 1 and isinstance(losers[0], TransferConflict)
    winner = next(seat for seat, r in results.items() if not isinstance(r, Exception))
    # Told either that the other seat's transfer is under way or that it went: naming the seat.
    told = losers[0]
    assert told.code in ("transfer_conflict", "transfer_pending")
    assert told.params["seat"] == winner
    assert transfers(db, made.order.number) == 1


def test_a_pending_transfer_is_completed_abandoned_or_resumed_once(db: Database) -> None:
    orders = service(db)
    transfers = orders.transfers
    # Asked for, then the call did not go: the order stays, the key cannot be completed later.
    stays = orders.create(draft(), A01).order.number
    transfers.begin(stays, A01, "call-1:" + stays)
    transfers.abandon("call-1:" + stays, A01)
    assert orders.get(stays).order.status is Status.RECEIVED
    with pytest.raises(ValueError, match="abandoned"):
        transfers.complete("call-1:" + stays, A01, "一键转接")
    # Asked for, then the console died: the next start finishes it, once.
    goes = orders.create(draft(), A01).order.number
    transfers.begin(goes, A01, "call-2:" + goes)
    assert orders.get(goes).order.status is Status.RECEIVED
    resumed = service(db).transfers.resume(A01)
    assert [(r.number, r.done) for r in resumed] == [(goes, True)]
    assert orders.get(goes).order.status is Status.TRANSFERRED
    assert service(db).transfers.resume(A01) == []
    assert sum(e.action is Action.TRANSFER for e in orders.get(goes).order.timeline) == 1


def test_consent_can_be_given_with_the_transfer(db: Database) -> None:
    orders = service(db)
    number = orders.create(draft(consent=False), A01).order.number
    with pytest.raises(TransitionError, match="consent"):
        orders.transfers.begin(number, A01, "k-no")
    done = orders.transfers.transfer(number, A01, "诉求人同意转110", key="k-yes", consent=True)
    assert done.stored.order.consent and done.stored.order.timeline[-1].detail == "consent"


def test_resume_goes_on_past_an_order_another_seat_touched(
    db: Database, monkeypatch: pytest.MonkeyPatch
) -> None:
    from console.store.orders import StaleOrder

    orders = service(db)
    first, second = (orders.create(draft(), A01).order.number for _ in range(2))
    orders.transfers.begin(first, A01, "a")
    orders.transfers.begin(second, A01, "b")
    writer = orders.transfers._writer
    real, calls = writer.act, []

    def stale_once(*args: object, **kwargs: object) -> object:
        calls.append(1)
        if len(calls) == 1:
            raise StaleOrder("changed by another seat")
        return real(*args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(writer, "act", stale_once)
    resumed = orders.transfers.resume(A01)
    assert sorted((r.number, r.done) for r in resumed) == sorted([(first, True), (second, True)])


def test_a_second_seat_cannot_begin_while_the_first_transfer_is_pending(db: Database) -> None:
    orders = service(db)
    number = orders.create(draft(), A01).order.number
    orders.transfers.begin(number, A01, "a01-call")
    with pytest.raises(TransferConflict, match="A-01"):
        orders.transfers.begin(number, A02, "a02-call")
    orders.transfers.abandon("a01-call", A01)
    with pytest.raises(ValueError, match="new key"):
        orders.transfers.begin(number, A01, "a01-call")
    orders.transfers.begin(number, A02, "a02-call")  # the first seat's call did not go
