"""并单 across the two systems: a merge, a join and an unmerge on an order the peer holds travel
as messages (1.2), the peer's copy shows the caller who joined, the duplicate's 并单 and its
links, and the unmerge; each applied once, by the peer's own rules (refused 422 where its copy
forbids it). On both databases, through the exchange tests' two-system harness."""

from __future__ import annotations

import asyncio
from datetime import UTC, datetime

from console.domain.intake import Draft
from console.domain.orders import Action, Platform, Status
from console.domain.roles import Seated
from console.services.duplicates import DuplicateService
from console.services.exchange_codec import ExchangeCodec
from console.store import exchange as box
from tests.exchange.platforms import Side
from tests.exchange.test_two_systems import box_now, history
from tests.principals import at_seat, lead

A01 = at_seat("王丽", "A-01", Platform.HOTLINE)
J07 = at_seat("李强", "J-07", Platform.POLICE)
LEAD_110 = lead("赵刚", "JL-01", Platform.POLICE)


def dups(s: Side, by: Seated) -> DuplicateService:
    return DuplicateService(s.db, lambda: datetime.now(UTC), s.orders.writer, by)


def draft(phone: str) -> Draft:
    return Draft(
        caller_phone=phone, kind="C-TS", field="F-SH", district="210102",
        address="和平区南京北街1号", description="小区门口有人聚集斗殴", consent=True,
    )  # fmt: skip


def pump(s: Side) -> None:
    asyncio.run(s.pump_all())


def phones(s: Side, by: Seated, number: str) -> list[str]:
    return [c.phone for c in dups(s, by).callers(number)]


def shared(hotline: Side, police: Side, phone: str, *, back: bool) -> str:
    """An order of 12345's both sides hold: transferred to 110 (and, ``back``, returned)."""
    number = hotline.orders.create(draft(phone), A01).order.number
    hotline.orders.transfers.transfer(number, A01, "转110", key=f"k-{number}")
    pump(hotline)
    if back:
        police.orders.act(number, Action.RETURN, J07, "非警情，退回12345", seen=2)
        pump(police)
    return number


def test_an_order_callers_joined_goes_to_the_peer_with_them(sides: tuple[Side, Side]) -> None:
    hotline, police = sides
    number = hotline.orders.create(draft("13811110000"), A01).order.number
    dups(hotline, A01).join(number, "13922220000", "张三", "我也看到了")
    hotline.orders.transfers.transfer(number, A01, "转110", key="k1")  # refused before 1.2
    pump(hotline)
    assert phones(police, J07, number) == ["13811110000", "13922220000"]
    assert history(police, number) == history(hotline, number)


def test_merge_and_unmerge_of_shared_orders_reach_the_peers_copies(
    sides: tuple[Side, Side],
) -> None:
    hotline, police = sides
    into = shared(hotline, police, "13811110000", back=True)
    dup = shared(hotline, police, "13922220000", back=True)
    dups(hotline, A01).merge(dup, into, "同一事项")
    pump(hotline)
    copy_dup, copy_into = police.orders.get(dup).order, police.orders.get(into).order
    assert copy_dup.status is Status.CANCELLED
    assert (copy_dup.timeline[-1].action, copy_dup.timeline[-1].detail) == (Action.MERGE, into)
    assert (copy_into.timeline[-1].action, copy_into.timeline[-1].detail) == (
        Action.MERGED_IN, dup,
    )  # fmt: skip
    assert phones(police, J07, into) == ["13811110000", "13922220000"]

    dups(hotline, A01).unmerge(dup, "并错了")
    pump(hotline)
    assert police.orders.get(dup).order.status is Status.RETURNED  # restored as it was
    assert phones(police, J07, into) == ["13811110000"]
    for number in (dup, into):
        assert history(police, number) == history(hotline, number)
    assert [h[0] for h in history(police, dup)][-2:] == ["merge", "unmerge"]
    assert [h[0] for h in history(police, into)][-2:] == ["merged_in", "split_off"]


def test_a_caller_at_12345_joins_the_order_110_owns_and_110_applies_it(
    sides: tuple[Side, Side],
) -> None:
    hotline, police = sides
    number = shared(hotline, police, "13811110000", back=False)
    police.orders.act(number, Action.SIGN_FOR, J07, seen=2)
    pump(police)
    seen = dups(hotline, A01).candidates(phone="13811110000", district="210102")
    assert [c.order.number for c in seen] == [number]  # 12345's copy, owned by 110
    new = hotline.orders.create(draft("13933330000"), A01).order.number
    dups(hotline, A01).merge(new, number, "同一事项")  # a new call merged into 110's order
    pump(hotline)
    line = police.orders.get(number).order.timeline[-1]
    assert (line.action, line.platform, line.detail) == (Action.MERGED_IN, Platform.HOTLINE, new)
    assert phones(police, J07, number) == ["13811110000", "13933330000"]
    with police.db.read() as session:  # the duplicate never went to 110: only the 并入 did
        assert box.order_link(session, new).unacked == 0
    police.orders.act(number, Action.START_HANDLING, J07, seen=4)
    police.orders.act(number, Action.FEED_BACK, J07, "已处置", seen=5)
    pump(police)
    assert history(hotline, number) == history(police, number)


def test_the_third_caller_joining_at_12345_warns_110s_shift_lead_once(
    sides: tuple[Side, Side],
) -> None:
    hotline, police = sides
    number = shared(hotline, police, "13811110000", back=False)
    police.orders.act(number, Action.SIGN_FOR, J07, seen=2)
    pump(police)
    for phone in ("13922220000", "13933330000", "13944440000"):
        dups(hotline, A01).join(number, phone)
    pump(hotline)
    warnings = dups(police, LEAD_110).repeated()
    assert [(w.number, w.callers) for w in warnings] == [(number, 3)]  # raised at the third
    assert dups(hotline, lead("孙丽", "L-01", Platform.HOTLINE)).repeated() == []  # not 12345's


def test_a_duplicate_join_message_is_applied_once(
    sides: tuple[Side, Side], codec: ExchangeCodec
) -> None:
    hotline, police = sides
    number = shared(hotline, police, "13811110000", back=False)
    dups(hotline, A01).join(number, "13922220000")
    with hotline.db.read() as session:
        (joined,) = box.due(session, box_now(), 10)
    first = police.receiver.receive([joined.body], "LN-12345")
    again = police.receiver.receive([joined.body, joined.body], "LN-12345")
    assert again == [first[0], first[0]]
    assert codec.decode_ack(first[0] or b"").status == 200
    assert phones(police, J07, number) == ["13811110000", "13922220000"]
    assert [e.action for e in police.orders.get(number).order.timeline].count(Action.MERGED_IN) == 1


def test_a_join_the_owners_copy_has_closed_meanwhile_is_refused_422(
    sides: tuple[Side, Side], codec: ExchangeCodec
) -> None:
    hotline, police = sides
    number = shared(hotline, police, "13811110000", back=False)
    for n, action in enumerate((Action.SIGN_FOR, Action.START_HANDLING), start=2):
        police.orders.act(number, action, J07, seen=n)
    police.orders.act(number, Action.FEED_BACK, J07, "已处置", seen=4)
    pump(police)
    hotline.orders.act(number, Action.COMPLETE, A01, seen=5)  # 12345 closes it…
    dups(police, J07).join(number, "13922220000")  # …while a caller joins 110's copy
    with police.db.read() as session:
        (joined,) = box.due(session, box_now(), 10)
    ack = codec.decode_ack(hotline.receiver.receive([joined.body], "LN-110")[0] or b"")
    assert ack.status == 422 and ack.refusal is not None and ack.refusal.code == "closed"
    assert phones(hotline, A01, number) == ["13811110000"]  # nothing applied at 12345
    pump(police)  # the refusal is final, and shown on 110's order
    with police.db.read() as session:
        link = box.order_link(session, number)
    assert link.refusal_code == "closed" and link.unacked == 0
    pump(hotline)  # 12345's completion is applied at 110
    assert police.orders.get(number).order.status is Status.COMPLETED
