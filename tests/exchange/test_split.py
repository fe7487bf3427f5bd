"""The upgrade from one shared database to two systems: a shared database with orders in every
state on both platforms is split; the two results then run as two platforms linked by the
exchange. Source of each kind (``db``) into a target of each kind (``empty_db_url``)."""

from __future__ import annotations

import asyncio
import os
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, date, datetime

import pytest
from sqlalchemy import func, select

from console.demo.load import load_demo_data
from console.domain.audit import AuditAction
from console.domain.calendar import load_calendar
from console.domain.orders import Action, Platform, Status, WorkOrder
from console.domain.roles import Role
from console.services.accounts import AccountService
from console.services.alarms import load_site_policy
from console.services.audit import AuditTrail, verify_trail
from console.services.exchange_codec import ExchangeCodec
from console.services.exchange_outbox import travels
from console.services.exchange_split import (
    Split,
    SplitRefused,
    check_target,
    has_part,
    open_target,
)
from console.services.orders import OrderService
from console.store import exchange as box
from console.store import orders as repo
from console.store.engine import Database
from console.store.tables import (
    AccountRow,
    AgentStateRow,
    AlarmRow,
    AuditRow,
    DispositionRow,
    OrderRow,
    TransferRequestRow,
)
from tests.exchange.platforms import link_sides, side
from tests.principals import at_seat

A01 = at_seat("王丽", "A-01", Platform.HOTLINE)
J07 = at_seat("李强", "J-07", Platform.POLICE)
DEPT = "210102-GOV"
PASSWORD = "Split-2026-ok"


def now() -> datetime:
    return datetime.now(UTC)


def draft(**over: object):  # type: ignore[no-untyped-def]
    from console.domain.intake import Draft

    values: dict[str, object] = dict(
        caller_phone="13812345678", kind="C-TS", field="F-SH", district="210102",
        description="有人在小区门口持械斗殴", consent=True,
    )  # fmt: skip
    values.update(over)
    return Draft(**values)  # type: ignore[arg-type]


def police_draft():  # type: ignore[no-untyped-def]
    return draft(kind="P-FJW", field="", description="邻居家漏水无人处理，求助")


@dataclass
class Shared:
    """The numbers of the orders the test follows through the split."""

    awaiting_sign_for: str  # 12345 → 110, not yet signed for
    fed_back: str  # 12345 → 110, signed for, handled, fed back: 12345 completes it
    from_110: str  # 110 → 12345 (非警务求助), signed for at 12345
    linked: str  # 联动110派警: the linked 110 order
    parent: str  # the 12345 order it came from (never transferred itself)
    police_only: str  # a 110 order never transferred
    hotline_only: str


def build_shared(db: Database) -> Shared:
    """Orders in every state on both platforms, made by the services as the seats make them,
    on top of a small demo load; accounts, agent states and wrap-up records of both."""
    load_demo_data(db, 300, seed=7, until=date.today(), calendar=load_calendar(),
                   policy=load_site_policy(db))  # fmt: skip
    orders = OrderService(db, now, load_site_policy(db), load_calendar())

    def made(d: object, by: object) -> str:
        return orders.create(d, by).order.number  # type: ignore[arg-type]

    awaiting = made(draft(), A01)
    orders.transfers.transfer(awaiting, A01, "涉嫌违法，转110", key="t-await")
    fed = made(draft(), A01)
    orders.transfers.transfer(fed, A01, "转110", key="t-fed")
    orders.act(fed, Action.SIGN_FOR, J07, seen=2)
    orders.act(fed, Action.START_HANDLING, J07, seen=3)
    orders.act(fed, Action.FEED_BACK, J07, "民警已到场处置", seen=4)
    from_110 = made(police_draft(), J07)
    orders.transfers.transfer(from_110, J07, "非警务求助，转12345", key="t-110")
    orders.act(from_110, Action.SIGN_FOR, A01, seen=2)
    parent = made(draft(description="小区噪音纠纷"), A01)
    orders.act(parent, Action.DISPATCH, A01, detail=DEPT, seen=1)
    linked = orders.linkage.escalate(
        parent, A01, kind="P-ZA", report="双方持械，纠纷升级", key="e-1", seen=2
    ).linked.order.number
    police_only = made(police_draft(), J07)
    orders.transfers.begin(police_only, J07, key="t-abandoned")  # the call did not go
    orders.transfers.abandon("t-abandoned", J07)
    done_110 = made(police_draft(), J07)
    orders.act(done_110, Action.CANCEL, J07, "来电人撤回", seen=1)
    hotline_only = made(draft(description="路灯不亮"), A01)
    accounts = AccountService(db, now)
    for login, platform, roles in (
        ("op110", Platform.POLICE, {Role.OPERATOR}),
        ("admin110", Platform.POLICE, {Role.ADMIN}),
        ("agent12345", Platform.HOTLINE, {Role.AGENT}),
    ):
        accounts.add(login, login, platform, frozenset(roles), "Split-first-1")
        if Role.ADMIN not in roles:  # an administrator enrols an authenticator app first
            accounts.change_password(login, "Split-first-1", PASSWORD)
    with db.write() as s:
        for seat, platform in (("A-01", "12345"), ("J-07", "110"), ("J-07", "110")):
            s.add(AgentStateRow(seat=seat, agent="x", platform=platform, state="ready", at=now()))
        for seat, platform in (("A-01", "12345"), ("J-07", "110")):
            s.add(DispositionRow(call_id=f"c-{seat}", seat=seat, agent="x", platform=platform,
                                 code="other", at=now()))  # fmt: skip
    return Shared(awaiting, fed, from_110, linked, parent, police_only, hotline_only)


def every_order(db: Database) -> dict[str, WorkOrder]:
    with db.read() as s:
        numbers = list(s.execute(select(OrderRow.number)).scalars())
        return {n: repo.get(s, n).order for n in numbers}


def part(platform: Platform, order: WorkOrder) -> bool:
    """The rule, said again on the domain's orders (not the split's rows)."""
    return has_part(
        platform.value, order.origin.value, order.owner.value,
        [(e.platform.value, e.action.value) for e in order.timeline],
    )  # fmt: skip


def count(db: Database, model: object) -> int:
    with db.read() as s:
        return int(s.execute(select(func.count()).select_from(model)).scalar_one())  # type: ignore[arg-type]


def key() -> bytes:
    return os.urandom(32)


@pytest.fixture
def target(empty_db_url: str) -> Iterator[str]:
    yield empty_db_url


def split(db: Database, url: str, keep: bool = False) -> tuple[Database, tuple[bytes, bytes]]:
    keys = (key(), key())
    made = open_target(url, str(db.engine.url.render_as_string(hide_password=False)))
    trails = (AuditTrail(keys[0], now), AuditTrail(keys[1], now))
    Split(db, Platform.POLICE, batch=97).run(made, trails, "installer", "cli@test", keep)
    return made, keys


def test_split_copies_what_110_has_a_part_in_and_the_two_then_exchange(
    db: Database, target: str
) -> None:
    shared = build_shared(db)
    before = every_order(db)
    dry = Split(db, Platform.POLICE).count()
    want_110 = {n for n, o in before.items() if part(Platform.POLICE, o)}
    with db.read() as s:
        alarms_110 = s.execute(
            select(func.count()).select_from(AlarmRow).join(OrderRow)
            .where(OrderRow.number.in_(want_110))  # type: ignore[attr-defined]
        ).scalar_one()  # fmt: skip
    police, keys = split(db, target)
    try:
        after_110, after_12345 = every_order(police), every_order(db)
        only_110 = {n for n in want_110 if not part(Platform.HOTLINE, before[n])}
        assert set(after_110) == want_110
        assert set(after_12345) == set(before) - only_110
        assert (dry.orders, dry.orders_moved) == (len(want_110), len(only_110))
        assert only_110 and want_110 - only_110  # both kinds are there
        for n in want_110:  # whole timelines, deadlines and all
            assert after_110[n] == before[n]
        assert {shared.awaiting_sign_for, shared.fed_back, shared.from_110, shared.linked,
                shared.police_only} <= set(after_110)  # fmt: skip
        assert {shared.parent, shared.hotline_only}.isdisjoint(after_110)
        assert shared.police_only not in after_12345
        assert count(police, AlarmRow) == alarms_110 == dry.alarms
        with police.read() as s:
            keys_there = set(s.execute(select(TransferRequestRow.key)).scalars())
        assert keys_there == {"t-110", "t-abandoned"}  # 110's seat's; 12345's stay at 12345
        with db.read() as s:
            keys_here = set(s.execute(select(TransferRequestRow.key)).scalars())
        assert {"t-await", "t-fed", "t-110", "e-1"} <= keys_here
        assert "t-abandoned" not in keys_here  # its order was 110's alone
        assert count(police, AgentStateRow) == 2 and count(police, DispositionRow) == 1
        with db.read() as s:
            platforms = set(s.execute(select(AgentStateRow.platform)).scalars())
            logins = set(s.execute(select(AccountRow.login)).scalars())
        assert platforms == {"12345"} and "op110" not in logins and "agent12345" in logins

        # 110's accounts sign in on their own system now.
        signed = AccountService(police, now).sign_in("op110", PASSWORD)
        assert signed.platform is Platform.POLICE

        # Each database keeps its own chain; the split is its row on both.
        for database, k in ((db, keys[0]), (police, keys[1])):
            assert verify_trail(database, k).broken is None
            with database.read() as s:
                actions = list(s.execute(select(AuditRow.action)).scalars())
            assert actions[-1] == AuditAction.PLATFORM_SPLIT
        assert count(police, AuditRow) == 1

        # A step on an order transferred before the split travels, as sequence 1.
        codec = ExchangeCodec()
        hotline, p110 = side(Platform.HOTLINE, db, codec), side(Platform.POLICE, police, codec)
        link_sides(hotline, p110, codec)
        signed_for = p110.orders.act(shared.awaiting_sign_for, Action.SIGN_FOR, J07, seen=2)
        assert travels(signed_for.order, Action.SIGN_FOR)
        with police.read() as s:
            assert [m.sequence for m in box.due(s, datetime.max.replace(tzinfo=UTC), 9)] == [1]
        done = asyncio.run(p110.pump_all())
        assert (done.applied, done.refused) == (1, 0)
        assert hotline.orders.get(shared.awaiting_sign_for).order.status is Status.SIGNED_FOR
        seen = len(hotline.orders.get(shared.fed_back).order.timeline)
        hotline.orders.act(shared.fed_back, Action.COMPLETE, A01, seen=seen)
        asyncio.run(hotline.pump_all())
        for number in (shared.awaiting_sign_for, shared.fed_back):
            assert hotline.orders.get(number).order == p110.orders.get(number).order
        assert p110.orders.get(shared.fed_back).order.status is Status.COMPLETED
        # New orders at 110 are numbered on from the shared database's numbering.
        fresh = p110.orders.create(police_draft(), J07).order.number
        assert fresh not in before
    finally:
        police.dispose()


def test_keep_moved_keeps_110s_own_rows_in_the_shared_database(db: Database, target: str) -> None:
    shared = build_shared(db)
    before = count(db, OrderRow)
    police, _ = split(db, target, keep=True)
    try:
        assert count(db, OrderRow) == before
        assert shared.police_only in every_order(police)
    finally:
        police.dispose()


def test_a_split_runs_once_and_only_into_an_empty_database(db: Database, target: str) -> None:
    build_shared(db)
    source_url = db.engine.url.render_as_string(hide_password=False)
    with pytest.raises(SplitRefused, match="shared database itself"):
        check_target(source_url, source_url)
    police, _ = split(db, target)
    police.dispose()
    with pytest.raises(SplitRefused, match="not empty"):
        check_target(target, source_url)
    with pytest.raises(SplitRefused, match="split already"):
        Split(db, Platform.POLICE).count()
