"""The seat's inbox (待办) on SQLite and PostgreSQL: the sender hears back, 办结 waits, deadlines
near; seen items go quiet. A controllable clock stands in for time: nothing here sleeps."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo

from console.domain.calendar import load_calendar
from console.domain.intake import Draft
from console.domain.orders import Action, Platform, Status
from console.domain.roles import Seated
from console.scheduling.clock import FakeClock
from console.services.alarms import AlarmService, load_site_policy
from console.services.inbox import InboxKind, InboxService
from console.services.orders import OrderService
from console.services.queues import QueueKind, QueueQuery, QueueService
from console.store.engine import Database
from tests.principals import lead

CHINA = ZoneInfo("Asia/Shanghai")
A01 = lead("王丽", "A-01", Platform.HOTLINE)
A02 = lead("张伟", "A-02", Platform.HOTLINE)
J07 = lead("李强", "J-07", Platform.POLICE)
START = datetime(2026, 11, 23, 10, 0, tzinfo=CHINA).astimezone(UTC)  # a Monday


def draft(**over: object) -> Draft:
    values: dict[str, object] = dict(
        caller_phone="13812345678", kind="C-TS", field="F-SH", district="210102",
        description="有人在小区门口持械斗殴", consent=True,
    )  # fmt: skip
    values.update(over)
    return Draft(**values)  # type: ignore[arg-type]


def setup(db: Database) -> tuple[FakeClock, OrderService]:
    clock = FakeClock(START)
    return clock, OrderService(db, clock.now, load_site_policy(db), load_calendar())


def sent_to_110(orders: OrderService, clock: FakeClock, actor: Seated = A01) -> str:
    number = orders.create(draft(), actor).order.number
    clock.advance(60)
    orders.transfers.transfer(number, actor, "涉嫌违法", key=f"k-{number}")
    return number


def step(
    orders: OrderService,
    number: str,
    action: Action,
    actor: Seated,
    note: str = "",
    detail: str = "",
) -> None:
    seen = len(orders.get(number).order.timeline)  # the timeline as the agent saw it
    orders.act(number, action, actor, note, detail=detail, seen=seen)


def kinds(inbox: InboxService) -> list[tuple[InboxKind, str]]:
    return [(i.kind, i.number) for i in inbox.read().items]


def test_the_sender_hears_the_peer_sign_for_feed_back_and_return(db: Database) -> None:
    clock, orders = setup(db)
    mine, theirs = sent_to_110(orders, clock), sent_to_110(orders, clock, A02)
    inbox = InboxService(db, clock.now, A01.seat, A01.platform)
    assert inbox.read().items == []
    clock.advance(60)
    step(orders, mine, Action.SIGN_FOR, J07)
    step(orders, theirs, Action.SIGN_FOR, J07)  # A-02's order: not A-01's news
    clock.advance(60)
    step(orders, mine, Action.START_HANDLING, J07)
    step(orders, mine, Action.FEED_BACK, J07, "已出警，纠纷已调解")
    read = inbox.read()
    assert [(i.kind, i.number) for i in read.items] == [
        (InboxKind.FED_BACK, mine),  # newest first
        (InboxKind.SIGNED_FOR, mine),
        (InboxKind.AWAITING_COMPLETION, mine),
    ]
    fed = read.items[0]
    assert fed.note == "已出警，纠纷已调解"
    assert fed.who == "J-07 李强"
    assert fed.status is Status.FED_BACK
    assert read.unseen == 3
    # The origin returns the feedback; the peer then returns the order (not its matter).
    step(orders, mine, Action.RETURN, A01, "请补充处置结果")
    assert InboxKind.AWAITING_COMPLETION not in [k for k, _ in kinds(inbox)]


def test_a_return_before_signing_for_is_a_refusal(db: Database) -> None:
    clock, orders = setup(db)
    number = sent_to_110(orders, clock)
    clock.advance(60)
    step(orders, number, Action.RETURN, J07, "非警务事项，请12345处理")
    assert kinds(InboxService(db, clock.now, A01.seat, A01.platform)) == [
        (InboxKind.REFUSED, number)
    ]


def test_news_older_than_the_lookback_drops_off(db: Database) -> None:
    clock, orders = setup(db)
    number = sent_to_110(orders, clock)
    step(orders, number, Action.SIGN_FOR, J07)
    inbox = InboxService(db, clock.now, A01.seat, A01.platform, lookback=timedelta(hours=1))
    assert kinds(inbox) == [(InboxKind.SIGNED_FOR, number)]
    clock.advance(7200)
    assert kinds(inbox) == []


def test_seen_items_go_quiet_and_a_new_feedback_is_new_again(db: Database) -> None:
    clock, orders = setup(db)
    number = orders.create(draft(), A01).order.number
    step(orders, number, Action.DISPATCH, A01, detail="210102-GOV")
    step(orders, number, Action.DEPT_SIGN_FOR, A01)
    step(orders, number, Action.FEED_BACK, A01, "已处理")
    inbox = InboxService(db, clock.now, A02.seat, A02.platform)  # any seat of the platform
    read = inbox.read()
    assert [(i.kind, i.seen) for i in read.items] == [(InboxKind.AWAITING_COMPLETION, False)]
    inbox.mark_seen([i.key for i in read.items])
    assert inbox.read().unseen == 0
    assert len(inbox.read().items) == 1  # quiet, still there until completed
    step(orders, number, Action.RETURN, A02, "请补充")
    step(orders, number, Action.START_HANDLING, A01)
    step(orders, number, Action.FEED_BACK, A01, "已补充")
    assert inbox.read().unseen == 1
    step(orders, number, Action.COMPLETE, A02)
    assert inbox.read().items == []


def test_raised_alarms_of_the_seats_orders_are_near_deadlines(db: Database) -> None:
    clock, orders = setup(db)
    number = orders.create(draft(), A01).order.number
    orders.create(draft(), A02)  # another seat's order: not in A-01's inbox
    alarms = AlarmService(db, clock.now, A01.seat)
    inbox = InboxService(db, clock.now, A01.seat, A01.platform)
    due = orders.get(number).order.deadlines.feedback
    assert due is not None
    clock.set(due)
    alarms.sweep()
    items = inbox.read().items
    assert [(i.kind, i.number, i.detail) for i in items] == [
        (InboxKind.DEADLINE, number, "feedback due")  # the highest level only
    ]
    clock.set(due + timedelta(seconds=1))
    alarms.sweep()
    assert [i.detail for i in inbox.read().items] == ["feedback overdue"]


def test_the_mine_queue_holds_what_waits_for_this_platforms_completion(db: Database) -> None:
    clock, orders = setup(db)
    number = sent_to_110(orders, clock)
    queues = QueueService(db, A01)
    query = QueueQuery(QueueKind.MINE, seat=A01.seat, platform=A01.platform)
    step(orders, number, Action.SIGN_FOR, J07)
    assert [r.number for r in queues.read_page(query, None, 10)[0]] == []  # 110's now
    step(orders, number, Action.START_HANDLING, J07)
    step(orders, number, Action.FEED_BACK, J07, "已处置")
    assert [r.number for r in queues.read_page(query, None, 10)[0]] == [number]
    other = QueueQuery(QueueKind.MINE, seat=A02.seat, platform=A02.platform)
    assert [r.number for r in queues.read_page(other, None, 10)[0]] == [number]
    police = QueueQuery(QueueKind.MINE, seat="J-08", platform=Platform.POLICE)
    assert queues.read_page(police, None, 10)[0] == []
