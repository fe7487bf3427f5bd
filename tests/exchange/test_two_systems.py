"""Two platforms on two databases: an order transferred at 12345 travels as a message, is signed
for at 110, fed back and completed, and both sides end with the same history."""

from __future__ import annotations

import asyncio
import threading
from dataclasses import replace

import pytest

from console.domain.intake import Draft
from console.domain.orders import Action, Platform, Status
from console.domain.refusals import Refused
from console.domain.roles import Seated
from console.services.exchange_codec import ExchangeCodec
from console.store import exchange as box
from console.store import report_rollup
from console.store.orders import UnknownOrder
from tests.exchange.platforms import Side
from tests.principals import at_seat
from tests.store.kept_counts import assert_kept

A01 = at_seat("王丽", "A-01", Platform.HOTLINE)
J07 = at_seat("李强", "J-07", Platform.POLICE)
J08 = at_seat("赵敏", "J-08", Platform.POLICE)


def draft() -> Draft:
    return Draft(
        caller_phone="13812345678", kind="C-TS", field="F-SH", district="210102",
        description="有人在小区门口持械斗殴", consent=True,
    )  # fmt: skip


def history(s: Side, number: str) -> list[tuple[str, str, str, str]]:
    order = s.orders.get(number).order
    return [(e.action.value, e.platform.value, e.seat, e.note) for e in order.timeline]


def test_the_linkage_loop_across_two_databases(sides: tuple[Side, Side]) -> None:
    hotline, police = sides
    made = hotline.orders.create(draft(), A01)
    number = made.order.number
    hotline.orders.transfers.transfer(number, A01, "涉嫌违法，转110", key="k1")
    with pytest.raises(UnknownOrder):
        police.orders.get(number)  # nothing shared: only the message carries it

    asyncio.run(hotline.pump_all())
    arrived = police.orders.get(number).order
    assert arrived.status is Status.TRANSFERRED and arrived.owner is Platform.POLICE
    assert arrived.deadlines.sign_for is not None  # 110's own sign-for clock runs

    police.orders.act(number, Action.SIGN_FOR, J07, seen=2)
    police.orders.act(number, Action.START_HANDLING, J07, seen=3)
    police.orders.act(number, Action.FEED_BACK, J07, "民警已到场处置，双方已调解", seen=4)
    asyncio.run(police.pump_all())
    assert hotline.orders.get(number).order.status is Status.FED_BACK

    hotline.orders.act(number, Action.COMPLETE, A01, seen=5)
    asyncio.run(hotline.pump_all())
    assert police.orders.get(number).order.status is Status.COMPLETED
    assert history(hotline, number) == history(police, number)
    assert [h[0] for h in history(police, number)] == [
        "create", "transfer", "sign_for", "start_handling", "feed_back", "complete",
    ]  # fmt: skip
    for s in sides:
        with s.db.read() as session:
            assert box.backlog(session).queued == 0
        assert_kept(s.db)  # the receiver's writes keep the queue totals too (migration 0026)


def test_a_duplicate_gets_the_first_answer_and_applies_once(
    sides: tuple[Side, Side], codec: ExchangeCodec
) -> None:
    hotline, police = sides
    number = hotline.orders.create(draft(), A01).order.number
    hotline.orders.transfers.transfer(number, A01, "转110", key="k1")
    with hotline.db.read() as session:
        body = box.due(session, box_now(), 10)[0].body
    first = police.receiver.receive([body], "LN-12345")
    again = police.receiver.receive([body, body], "LN-12345")
    assert again == [first[0], first[0]]
    assert codec.decode_ack(first[0] or b"").status == 200
    assert len(police.orders.get(number).order.timeline) == 2


def test_a_step_out_of_order_waits_for_the_one_before(sides: tuple[Side, Side]) -> None:
    hotline, police = sides
    number = hotline.orders.create(draft(), A01).order.number
    hotline.orders.transfers.transfer(number, A01, "转110", key="k1")
    asyncio.run(hotline.pump_all())
    police.orders.act(number, Action.SIGN_FOR, J07, seen=2)
    police.orders.act(number, Action.START_HANDLING, J07, seen=3)
    with police.db.read() as session:
        sign_for, handling = box.due(session, box_now(), 10)
    assert (sign_for.sequence, handling.sequence) == (1, 2)
    codec = ExchangeCodec()
    early = codec.decode_ack(hotline.receiver.receive([handling.body], "LN-110")[0] or b"")
    assert early.status == 409  # not kept: the same bytes later are applied
    acks = [codec.decode_ack(a or b"") for a in hotline.receiver.receive(
        [sign_for.body, handling.body], "LN-110")]  # fmt: skip
    assert [a.status for a in acks] == [200, 200]
    assert hotline.orders.get(number).order.status is Status.HANDLING


def test_a_refused_step_comes_back_to_the_sending_seat(sides: tuple[Side, Side]) -> None:
    hotline, police = sides
    number = hotline.orders.create(draft(), A01).order.number
    hotline.orders.transfers.transfer(number, A01, "转110", key="k1")
    asyncio.run(hotline.pump_all())
    # 12345 cancels while 110 signs for, before either hears of the other.
    hotline.orders.act(number, Action.CANCEL, A01, "来电人撤回诉求", seen=2)
    police.orders.act(number, Action.SIGN_FOR, J07, seen=2)
    done = asyncio.run(police.pump_all())
    assert done.refused == 1
    with police.db.read() as session:
        link = box.order_link(session, number)
    assert link.refusal_code == "closed" and link.unacked == 0
    asyncio.run(hotline.pump_all())  # the cancellation is allowed from signed_for
    assert police.orders.get(number).order.status is Status.CANCELLED
    assert hotline.orders.get(number).order.status is Status.CANCELLED


def test_two_seats_racing_to_sign_for_an_arrived_order_one_wins(sides: tuple[Side, Side]) -> None:
    hotline, police = sides
    number = hotline.orders.create(draft(), A01).order.number
    hotline.orders.transfers.transfer(number, A01, "转110", key="k1")
    asyncio.run(hotline.pump_all())
    start = threading.Barrier(2)
    outcomes: dict[str, str] = {}

    def sign_for(by: Seated) -> None:
        start.wait()
        try:
            police.orders.act(number, Action.SIGN_FOR, by, seen=2)
            outcomes[by.seat] = "won"
        except Refused as lost:
            outcomes[by.seat] = lost.code

    threads = [threading.Thread(target=sign_for, args=(by,)) for by in (J07, J08)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert sorted(outcomes.values()) == ["stale", "won"]
    asyncio.run(police.pump_all())
    signed = [e for e in hotline.orders.get(number).order.timeline if e.action is Action.SIGN_FOR]
    assert [e.seat for e in signed] == [s for s, o in outcomes.items() if o == "won"]


def box_now():  # type: ignore[no-untyped-def]
    from datetime import UTC, datetime, timedelta

    return datetime.now(UTC) + timedelta(seconds=1)


def test_a_batch_of_transfers_is_counted_in_the_peers_report_roll_up(
    sides: tuple[Side, Side],
) -> None:
    """Transfers that arrive together are written together, their report counts added up and
    upserted once for the batch: what the roll-up then holds equals a recount of the timeline,
    cell by cell (kinds, districts, the transfer and create figures)."""
    hotline, police = sides
    kinds = ["C-TS", "C-ZX", "C-TS", "C-JB", "C-TS"]
    districts = ["210102", "210103", "210102", "210102", "210104"]
    for n, (kind, district) in enumerate(zip(kinds, districts, strict=True)):
        order = replace(draft(), kind=kind, district=district, caller_phone=f"1381234{n:04d}")
        number = hotline.orders.create(order, A01).order.number
        hotline.orders.transfers.transfer(number, A01, "涉嫌违法，转110", key=f"batch-{n}")
    assert asyncio.run(hotline.pump_all()).applied == len(kinds)  # one delivery: one batch
    with police.db.read() as s:
        kept, recounted = report_rollup.held(s), report_rollup.recount(s)
    assert kept == recounted
    transfers = sum(n for key, n in kept.items() if key[3] == "transfer")
    assert transfers == len(kinds)
    assert sum(n for key, n in kept.items() if key[3] == "kind" and key[4] == "C-TS") == 3
