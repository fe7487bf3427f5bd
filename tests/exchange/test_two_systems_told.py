"""告知来电人 across the two systems (format 1.3): a caller ticked told on one platform's copy of
a shared order shows told on the other's, saying where (✓ 已告知 · 110 · …), applied once by the
peer's own rules (refused with the exchange's shapes where they say no); a peer that reads only
1.2 is never sent one when the site says so. On both databases, through the exchange tests'
two-system harness."""

from __future__ import annotations

import asyncio
from datetime import UTC, datetime
from uuid import uuid4

import pytest

from console.domain.exchange import MERGE_VERSION, Sender
from console.domain.exchange_told import CallerToldMessage, ToldCaller, told_message
from console.domain.intake import Draft
from console.domain.orders import Action, Platform, Status
from console.domain.roles import Seated
from console.services.callers_told import CallersToldService, ToTell
from console.services.duplicates import DuplicateService
from console.services.exchange_codec import ExchangeCodec
from console.store import exchange as box
from console.store.engine import Database
from tests.exchange.older_peer import codec_of
from tests.exchange.platforms import SYSTEM_ID, Side, link_sides, side
from tests.exchange.test_two_systems import box_now, history
from tests.principals import at_seat

A01 = at_seat("王丽", "A-01", Platform.HOTLINE)
J07 = at_seat("李强", "J-07", Platform.POLICE)
OWN, JOINED = "13811110000", "13922220000"


def now() -> datetime:
    return datetime.now(UTC)


def told(s: Side, by: Seated) -> CallersToldService:
    return CallersToldService(s.db, now, by, outbox=s.outbox)


def listed(s: Side, by: Seated, number: str) -> list[tuple[str, str | None, str | None]]:
    """Each caller of the order as its detail lists them: number, by whom, told at which peer."""
    to_tell: ToTell = told(s, by).to_tell(number)
    return [(c.phone, c.told_by, c.told_at_peer) for c in to_tell.callers]


def pump(s: Side) -> None:
    asyncio.run(s.pump_all())


def act(s: Side, number: str, action: Action, by: Seated, note: str = "") -> None:
    s.orders.act(number, action, by, note, seen=len(s.orders.get(number).order.timeline))


def fed_back(hotline: Side, police: Side) -> str:
    """12345's order a caller joined, transferred to 110, handled and fed back there: both
    sides hold it, fed back, with its two callers."""
    draft = Draft(
        caller_phone=OWN, kind="C-TS", field="F-SH", district="210102",
        address="和平区南京北街1号", description="小区门口有人聚集斗殴", consent=True,
    )  # fmt: skip
    number = hotline.orders.create(draft, A01).order.number
    DuplicateService(hotline.db, now, hotline.orders.writer, A01).join(number, JOINED, "张三")
    hotline.orders.transfers.transfer(number, A01, "转110", key=f"k-{number}")
    pump(hotline)
    for action in (Action.SIGN_FOR, Action.START_HANDLING):
        act(police, number, action, J07)
    act(police, number, Action.FEED_BACK, J07, "已处置，人员已散去")
    pump(police)
    assert hotline.orders.get(number).order.status is Status.FED_BACK
    return number


def queued(s: Side) -> list[box.Outgoing]:
    with s.db.read() as session:
        return box.due(session, box_now(), 10)


def test_callers_told_at_110_show_told_at_12345_saying_where(sides: tuple[Side, Side]) -> None:
    hotline, police = sides
    number = fed_back(hotline, police)
    lines = history(hotline, number)
    assert told(police, J07).mark_told(number, JOINED) is True
    assert told(police, J07).mark_told(number, OWN) is True
    pump(police)
    assert listed(hotline, A01, number) == [(OWN, "李强", "110"), (JOINED, "李强", "110")]
    assert listed(police, J07, number) == [(OWN, J07.login, None), (JOINED, J07.login, None)]
    mine = told(police, J07).to_tell(number).callers[0]
    theirs = told(hotline, A01).to_tell(number).callers[0]
    assert theirs.told_at == mine.told_at  # when the caller was told, not when it arrived
    assert history(hotline, number) == lines == history(police, number)  # not a step
    with police.db.read() as session:
        link = box.order_link(session, number)
    assert link.unacked == 0 and link.refusal_code is None


def test_a_tick_at_12345_goes_to_110_and_12345_still_completes(sides: tuple[Side, Side]) -> None:
    hotline, police = sides
    number = fed_back(hotline, police)
    told(hotline, A01).mark_told(number, OWN)
    act(hotline, number, Action.COMPLETE, A01)  # the tick is numbered before the completion
    pump(hotline)
    assert listed(police, J07, number) == [(OWN, "王丽", "12345"), (JOINED, None, None)]
    assert police.orders.get(number).order.status is Status.COMPLETED
    told(police, J07).mark_told(number, JOINED)  # a completed order's callers are still told
    pump(police)
    assert listed(hotline, A01, number)[1] == (JOINED, "李强", "110")


def test_a_duplicate_delivery_is_applied_once(
    sides: tuple[Side, Side], codec: ExchangeCodec
) -> None:
    hotline, police = sides
    number = fed_back(hotline, police)
    told(police, J07).mark_told(number, OWN)
    assert told(police, J07).mark_told(number, OWN) is False  # ticked again: nothing queued
    (message,) = queued(police)
    assert isinstance(codec.decode(message.body), CallerToldMessage)
    first = hotline.receiver.receive([message.body], SYSTEM_ID[Platform.POLICE])
    again = hotline.receiver.receive([message.body, message.body], SYSTEM_ID[Platform.POLICE])
    assert again == [first[0], first[0]]
    assert codec.decode_ack(first[0] or b"").status == 200
    with hotline.db.read() as session:
        assert box.inbox_answers(session, [message.message_id]) == {message.message_id: first[0]}
    assert listed(hotline, A01, number)[0] == (OWN, "李强", "110")
    assert told(hotline, A01).to_tell(number).told == 1


def test_a_caller_told_on_both_sides_keeps_each_sides_first_record(
    sides: tuple[Side, Side],
) -> None:
    hotline, police = sides
    number = fed_back(hotline, police)
    told(hotline, A01).mark_told(number, OWN)
    told(police, J07).mark_told(number, OWN)
    pump(hotline)
    pump(police)
    assert listed(hotline, A01, number)[0] == (OWN, A01.login, None)
    assert listed(police, J07, number)[0] == (OWN, J07.login, None)
    for s in (hotline, police):
        with s.db.read() as session:
            assert box.order_link(session, number).refusal_code is None


def _message(police: Side, number: str, caller: ToldCaller, sequence: int) -> bytes:
    m = told_message(
        number, caller, at=now(), name="李强", seat="J-07",
        sender=Sender(Platform.POLICE, SYSTEM_ID[Platform.POLICE]),
        message_id=uuid4(), transaction_id=uuid4(),
        sequence=sequence,
    )  # fmt: skip
    assert police.outbox is not None
    return police.outbox.codec.encode(m)


@pytest.mark.parametrize(
    ("order", "caller", "code"),
    [
        ("110-20261126-999999", ToldCaller(OWN), "exchange_unknown_order"),
        (None, ToldCaller(JOINED, "12345-20261126-999999"), "tell_unknown_caller"),
        (None, ToldCaller("13900009999"), "tell_unknown_caller"),  # not the order's caller
    ],
    ids=["unknown-order", "unknown-joined-caller", "another-number"],
)
def test_what_the_peers_rules_refuse_is_answered_with_the_exchanges_shapes(
    sides: tuple[Side, Side], codec: ExchangeCodec, order: str | None, caller: ToldCaller,
    code: str,
) -> None:  # fmt: skip
    hotline, police = sides
    number = fed_back(hotline, police)
    with police.db.read() as session:
        sequence = box.next_sequence(session, order or number)
    raw = _message(police, order or number, caller, sequence)
    ack = codec.decode_ack(hotline.receiver.receive([raw], SYSTEM_ID[Platform.POLICE])[0] or b"")
    assert (ack.status, ack.refusal and ack.refusal.code) == (422, code)
    assert told(hotline, A01).to_tell(number).told == 0


def test_a_peer_known_to_read_1_2_is_never_sent_one(sides: tuple[Side, Side]) -> None:
    hotline, police = sides
    number = fed_back(hotline, police)
    assert hotline.outbox is not None
    hotline.outbox.peer_format = MERGE_VERSION  # exchange.peer_format = "1.2"
    assert told(hotline, A01).mark_told(number, OWN) is True  # told here all the same
    assert queued(hotline) == []
    act(hotline, number, Action.COMPLETE, A01)  # the next step takes the next number
    pump(hotline)
    assert police.orders.get(number).order.status is Status.COMPLETED
    assert listed(police, J07, number)[0] == (OWN, None, None)
    assert listed(hotline, A01, number)[0] == (OWN, A01.login, None)


def test_a_peer_of_unknown_format_is_sent_one_and_a_1_2_peer_refuses_it(
    two_dbs: tuple[Database, Database], codec: ExchangeCodec, monkeypatch: pytest.MonkeyPatch
) -> None:
    """As 并单's kinds: sent when the peer's format is not known; a 1.2 receiver refuses it as
    not its format (400, never applied), and the sender keeps it refused, shown on the order."""
    codec_1_2 = codec_of(MERGE_VERSION, monkeypatch)
    hotline = side(Platform.HOTLINE, two_dbs[0], codec)
    police = side(Platform.POLICE, two_dbs[1], codec_1_2)  # 110 runs a 1.2 system
    link_sides(hotline, police, codec)
    number = fed_back(hotline, police)  # 1.2 and 1.3 read each other's steps
    told(hotline, A01).mark_told(number, OWN)
    pump(hotline)
    with hotline.db.read() as session:
        link = box.order_link(session, number)
    assert link.refusal_code == "exchange_invalid" and link.unacked == 0
    assert listed(police, J07, number)[0] == (OWN, None, None)


def test_the_tick_and_its_message_commit_together_or_not_at_all(
    sides: tuple[Side, Side], monkeypatch: pytest.MonkeyPatch
) -> None:
    hotline, police = sides
    number = fed_back(hotline, police)

    def full(*_: object) -> None:
        raise RuntimeError("the outbox could not be written")

    monkeypatch.setattr(box, "queue", full)
    with pytest.raises(RuntimeError):
        told(police, J07).mark_told(number, OWN)
    monkeypatch.undo()
    assert told(police, J07).to_tell(number).told == 0  # no tick without its message
    assert queued(police) == []
    assert told(police, J07).mark_told(number, OWN) is True  # and no message without its tick
    assert len(queued(police)) == 1


def test_a_tick_on_an_order_the_peer_never_had_stays_here(sides: tuple[Side, Side]) -> None:
    hotline, _ = sides
    draft = Draft(
        caller_phone=OWN, kind="C-TS", field="F-SH", district="210102",
        address="和平区南京北街1号", description="路灯不亮", consent=True,
    )  # fmt: skip
    number = hotline.orders.create(draft, A01).order.number
    act(hotline, number, Action.START_HANDLING, A01)
    act(hotline, number, Action.FEED_BACK, A01, "已修复")
    assert told(hotline, A01).mark_told(number, OWN) is True
    assert queued(hotline) == []
