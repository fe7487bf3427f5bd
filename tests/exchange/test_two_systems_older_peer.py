"""A peer known to read an older format (``exchange.peer_format``) is never sent a kind it does
not know: toward a 1.1 peer, 并单's four kinds (1.2) stay on this side — the merge, the join
and the unmerge still happen here — take no sequence number, and the order's later steps still
reach the peer; a transfer goes without what 1.2 added (its callers, the 并单 lines of its
order). The peer runs a real 1.1 schema (``older_peer``), so a message it cannot read would be
refused. On both databases, through the exchange tests' two-system harness."""

from __future__ import annotations

import pytest
from sqlmodel import select

from console.domain.exchange import SNAPSHOT_VERSION, Version
from console.domain.orders import Action, Platform, Status
from console.services.exchange_codec import ExchangeCodec
from console.store import exchange as box
from console.store.engine import Database
from console.store.exchange_tables import OutboxRow
from tests.exchange.older_peer import codec_of
from tests.exchange.platforms import Side, link_sides, side
from tests.exchange.test_two_systems import history
from tests.exchange.test_two_systems_merge import A01, J07, draft, dups, phones, pump, shared

OWN, JOINED, THIRD = "13811110000", "13922220000", "13933330000"


def older(
    two_dbs: tuple[Database, Database],
    codec: ExchangeCodec,
    monkeypatch: pytest.MonkeyPatch,
    peer_format: Version | None,
) -> tuple[Side, Side]:
    """12345 (current) and a 110 system that reads 1.1; 12345's site says so or not."""
    hotline = side(Platform.HOTLINE, two_dbs[0], codec)
    police = side(Platform.POLICE, two_dbs[1], codec_of(SNAPSHOT_VERSION, monkeypatch))
    link_sides(hotline, police, codec)
    assert hotline.outbox is not None
    hotline.outbox.peer_format = peer_format  # exchange.peer_format
    return hotline, police


def kinds_queued(s: Side, number: str) -> list[str]:
    with s.db.read() as session:
        query = select(OutboxRow).where(OutboxRow.order_number == number)
        return [r.kind for r in session.exec(query.order_by(OutboxRow.sequence))]


def clear(s: Side, number: str) -> bool:
    with s.db.read() as session:
        link = box.order_link(session, number)
    return link.unacked == 0 and link.refusal_code is None


def test_a_1_1_peer_is_never_sent_merge_messages_and_later_steps_go_through(
    two_dbs: tuple[Database, Database], codec: ExchangeCodec, monkeypatch: pytest.MonkeyPatch
) -> None:
    hotline, police = older(two_dbs, codec, monkeypatch, SNAPSHOT_VERSION)  # "1.1"
    into = shared(hotline, police, OWN, back=True)
    dup = shared(hotline, police, JOINED, back=True)
    before = {n: history(police, n) for n in (into, dup)}
    dups(hotline, A01).merge(dup, into, "同一事项")
    dups(hotline, A01).join(into, THIRD, "张三")
    assert hotline.orders.get(dup).order.status is Status.CANCELLED  # merged here all the same
    assert phones(hotline, A01, into) == [OWN, JOINED, THIRD]
    dups(hotline, A01).unmerge(dup, "并错了")
    assert hotline.orders.get(dup).order.status is Status.RETURNED
    assert phones(hotline, A01, into) == [OWN, THIRD]
    pump(hotline)
    assert {n: history(police, n) for n in (into, dup)} == before  # the peer learnt none of it
    assert phones(police, J07, into) == [OWN]
    for number in (into, dup):  # nothing queued, no number taken: the next step is the next
        assert kinds_queued(hotline, number) == ["transfer"]
        seen = len(hotline.orders.get(number).order.timeline)
        hotline.orders.act(number, Action.START_HANDLING, A01, seen=seen)
    pump(hotline)
    for number in (into, dup):
        assert police.orders.get(number).order.status is Status.HANDLING
        assert kinds_queued(hotline, number) == ["transfer", "handling"]
        assert clear(hotline, number)
    assert [h[0] for h in history(police, into)] == [
        h[0] for h in history(hotline, into) if h[0] not in ("merged_in", "split_off")
    ]


def test_not_known_merge_messages_go_and_a_1_1_peer_refuses_them_holding_up_the_order(
    two_dbs: tuple[Database, Database], codec: ExchangeCodec, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Why the setting exists: sent to a 1.1 peer, a 并入 is refused (400, never applied) and
    the order's next step waits behind it (409) until the peer is upgraded."""
    hotline, police = older(two_dbs, codec, monkeypatch, None)
    into = shared(hotline, police, OWN, back=True)
    dups(hotline, A01).join(into, THIRD)
    pump(hotline)
    with hotline.db.read() as session:
        assert box.order_link(session, into).refusal_code == "exchange_invalid"
    hotline.orders.act(into, Action.START_HANDLING, A01, seen=4)
    pump(hotline)
    with hotline.db.read() as session:
        assert box.order_link(session, into).unacked == 1  # waits (409) behind the gap
    assert police.orders.get(into).order.status is Status.RETURNED


def test_an_order_callers_joined_goes_to_a_1_1_peer_without_them(
    two_dbs: tuple[Database, Database], codec: ExchangeCodec, monkeypatch: pytest.MonkeyPatch
) -> None:
    hotline, police = older(two_dbs, codec, monkeypatch, SNAPSHOT_VERSION)
    number = hotline.orders.create(draft(OWN), A01).order.number
    dups(hotline, A01).join(number, JOINED, "张三")
    hotline.orders.transfers.transfer(number, A01, "转110", key="k1")
    pump(hotline)
    assert clear(hotline, number)
    assert phones(police, J07, number) == [OWN]  # the peer's copy: its own caller only
    assert [h[0] for h in history(police, number)] == ["create", "transfer"]
    police.orders.act(number, Action.SIGN_FOR, J07, seen=2)
    pump(police)
    assert hotline.orders.get(number).order.status is police.orders.get(number).order.status
    assert phones(hotline, A01, number) == [OWN, JOINED]  # 12345 keeps both
