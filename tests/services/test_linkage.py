"""Dispatch to departments, escalation to 110 and three-way outcomes, on both databases."""

from __future__ import annotations

import threading
from datetime import UTC, datetime

import pytest
from sqlalchemy import text

from console.domain.calendar import load_calendar
from console.domain.orders import (
    Action,
    FirstContactMode,
    Platform,
    Priority,
    Status,
    ThreeWayOutcome,
    TransitionError,
    check,
)
from console.domain.refusals import Refused
from console.services.alarms import load_site_policy
from console.services.linkage import LinkageService
from console.services.orders import OrderService
from console.store.departments import UnknownDepartment, retire
from console.store.engine import Database
from tests.services.test_transfer import A01, J07, draft, service

DEPT = "210102-GOV"  # 沈阳市和平区人民政府


def linkage(db: Database) -> LinkageService:
    return OrderService(
        db, lambda: datetime.now(UTC), load_site_policy(db), load_calendar()
    ).linkage


def pending_alarms(db: Database, number: str) -> int:
    with db.read() as s:
        return int(
            s.execute(
                text(
                    "SELECT count(*) FROM alarm a JOIN work_order o ON o.id = a.order_id "
                    "WHERE o.number = :n AND a.resolved_at IS NULL"
                ),
                {"n": number},
            ).scalar_one()
        )


def test_the_directory_is_seeded_and_dispatch_checks_it(db: Database) -> None:
    names = {d.code: d.name_zh for d in linkage(db).departments()}
    assert names[DEPT] == "和平区人民政府" or names[DEPT].endswith("和平区人民政府")
    assert names["210100-ZJ"] == "沈阳市住房和城乡建设局" and len(names) > 250
    orders = service(db)
    number = orders.create(draft(), A01).order.number
    with pytest.raises(UnknownDepartment, match="NOPE"):
        orders.act(number, Action.DISPATCH, A01, detail="NOPE", seen=1)
    with db.write() as s:
        retire(s, "210100-SW")
    with pytest.raises(UnknownDepartment, match="retired"):
        orders.act(number, Action.DISPATCH, A01, detail="210100-SW", seen=1)
    assert "210100-SW" not in {d.code for d in linkage(db).departments()}
    assert orders.get(number).order.status is Status.RECEIVED  # refused: nothing changed


def test_12345_to_department_and_back_to_completion(db: Database) -> None:
    orders = service(db)
    number = orders.create(draft(description="小区供暖不热"), A01).order.number
    orders.act(number, Action.DISPATCH, A01, "请核实处理", detail=DEPT, seen=1)
    orders.act(number, Action.DEPT_SIGN_FOR, A01, seen=2)
    orders.act(number, Action.PROGRESS, A01, "已派人入户测温", seen=3)
    fed = orders.act(number, Action.FEED_BACK, A01, "已调整管网，室温达标", seen=4)
    assert fed.order.department == DEPT
    assert orders.act(number, Action.COMPLETE, A01, seen=5).order.status is Status.COMPLETED
    timeline = orders.get(number).order.timeline
    assert [e.action for e in timeline] == [
        Action.CREATE, Action.DISPATCH, Action.DEPT_SIGN_FOR, Action.PROGRESS,
        Action.FEED_BACK, Action.COMPLETE,
    ]  # fmt: skip
    assert timeline[1].detail == DEPT
    assert pending_alarms(db, number) == 0


def test_a_110_seat_may_not_dispatch(db: Database) -> None:
    orders = service(db)
    number = orders.create(draft(), A01).order.number
    orders.transfers.transfer(number, A01, "转110", key="t")
    orders.act(number, Action.SIGN_FOR, J07, seen=2)
    # The role matrix refuses it before the order's rules are asked (both say no).
    with pytest.raises(Refused) as refused:
        orders.act(number, Action.DISPATCH, J07, detail=DEPT, seen=3)
    assert refused.value.code == "not_allowed"
    with pytest.raises(TransitionError, match="only 12345 dispatches"):
        check(orders.get(number).order, Action.DISPATCH, J07.actor, detail=DEPT)


def test_escalation_makes_one_linked_110_order(db: Database) -> None:
    orders, links = service(db), linkage(db)
    number = orders.create(draft(consent=False, description="邻里纠纷"), A01).order.number
    orders.act(number, Action.DISPATCH, A01, detail=DEPT, seen=1)
    for kind in ("C-TS", "P-FJW"):  # a 12345 kind; 110's non-police kind
        with pytest.raises(TransitionError, match="not a 110 police kind"):
            links.escalate(number, A01, kind=kind, report="纠纷升级", key="e0", seen=2)
    done = links.escalate(
        number, A01, kind="P-ZA", report="社区报告双方持械，纠纷升级", key="e1", seen=2
    )
    linked = done.linked.order
    assert (linked.status, linked.owner, linked.origin) == (
        Status.TRANSFERRED, Platform.POLICE, Platform.HOTLINE,
    )  # fmt: skip
    assert linked.escalated_from == number and linked.priority is Priority.CRITICAL
    assert linked.deadlines.sign_for is not None  # 110 must sign for it within 15 minutes
    assert (linked.deadlines.sign_for - linked.created_at).total_seconds() <= 15 * 60 + 1
    assert done.original.order.timeline[-1].detail == linked.number
    # 110 reads the department's report whole on its own order's timeline, not only a label.
    assert linked.timeline[-1].note == "联动110派警：社区报告双方持械，纠纷升级"
    assert done.original.order.status is Status.DISPATCHED  # the department keeps its part
    again = links.escalate(
        number, A01, kind="P-ZA", report="社区报告双方持械，纠纷升级", key="e1", seen=3
    )
    assert again.repeated and again.linked.order.number == linked.number
    assert orders.act(linked.number, Action.SIGN_FOR, J07, seen=2).order.status is Status.SIGNED_FOR


def test_escalation_once_under_four_threads_with_one_key(db: Database) -> None:
    orders, links = service(db), linkage(db)
    number = orders.create(draft(), A01).order.number
    orders.act(number, Action.DISPATCH, A01, detail=DEPT, seen=1)
    made: list[str] = []
    barrier = threading.Barrier(4)

    def go() -> None:
        barrier.wait()
        made.append(
            links.escalate(
                number, A01, kind="P-XS", report="涉嫌犯罪", key="same", seen=2
            ).linked.order.number
        )

    threads = [threading.Thread(target=go) for _ in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert len(made) == 4 and len(set(made)) == 1
    with db.read() as s:
        linked = s.execute(
            text("SELECT count(*) FROM work_order WHERE escalated_from = :n"), {"n": number}
        ).scalar_one()
    assert linked == 1


def test_three_way_outcomes(db: Database) -> None:
    orders, links = service(db), linkage(db)
    first = orders.create(draft(consent=False), A01).order.number
    taken = links.settle_three_way(
        first, ThreeWayOutcome.POLICE, A01, "属治安案件，110 接手", seen=1
    )
    assert (taken.order.status, taken.order.owner) == (Status.TRANSFERRED, Platform.POLICE)
    assert [e.action for e in taken.order.timeline[-2:]] == [Action.THREE_WAY, Action.TRANSFER]
    kept = orders.create(draft(), A01).order.number
    stays = links.settle_three_way(kept, ThreeWayOutcome.HOTLINE, A01, "属供暖服务", seen=1)
    assert stays.order.status is Status.RECEIVED and stays.order.timeline[-1].detail == "12345"
    neither = orders.create(draft(), A01).order.number
    with pytest.raises(TransitionError, match="provisional acceptance or guidance"):
        links.settle_three_way(neither, ThreeWayOutcome.FIRST_CONTACT, A01, "均不属职责", seen=1)
    assert len(orders.get(neither).order.timeline) == 1  # refused as a whole
    closed = links.settle_three_way(
        neither,
        ThreeWayOutcome.FIRST_CONTACT,
        A01,
        "已告知向法院起诉",
        FirstContactMode.GUIDANCE,
        seen=1,
    )
    assert closed.order.status is Status.FIRST_CONTACT
    assert closed.order.first_contact_mode is FirstContactMode.GUIDANCE
    # Reports count both kinds of first contact and every three-way outcome.
    with db.read() as s:
        outcomes = dict(
            s.execute(
                text(
                    "SELECT detail, count(*) FROM order_event WHERE action = 'three_way' GROUP BY detail"
                )
            ).all()
        )
    assert outcomes == {"110": 1, "12345": 1, "first_contact": 1}


def test_110_sends_a_non_police_matter_to_12345_and_judges_its_feedback(db: Database) -> None:
    orders = service(db)
    noise = draft(kind="P-FJW", field="", description="楼上深夜装修噪音，非警务求助")
    number = orders.create(noise, J07).order.number
    assert number.startswith("110-")
    sent = orders.transfers.transfer(number, J07, "非警务求助，转12345", key="j07-1").stored.order
    assert (sent.owner, sent.status) == (Platform.HOTLINE, Status.TRANSFERRED)
    orders.act(number, Action.SIGN_FOR, A01, seen=2)
    orders.act(number, Action.DISPATCH, A01, "请社区协调", detail=DEPT, seen=3)
    orders.act(number, Action.DEPT_SIGN_FOR, A01, seen=4)
    orders.act(number, Action.FEED_BACK, A01, "社区已协调，施工改为白天", seen=5)
    with pytest.raises(TransitionError, match="only a 110 seat"):
        orders.act(number, Action.COMPLETE, A01, seen=6)  # the origin judges the feedback
    done = orders.act(number, Action.COMPLETE, J07, seen=6)
    assert done.order.status is Status.COMPLETED and done.order.department == DEPT


def test_a_step_on_an_order_changed_since_it_was_shown_is_refused(db: Database) -> None:
    from console.store.orders import StaleOrder

    orders, links = service(db), linkage(db)
    number = orders.create(draft(), A01).order.number
    seen = len(orders.get(number).order.timeline)
    orders.act(number, Action.START_HANDLING, A01, seen=seen)
    with pytest.raises(StaleOrder, match="reload"):  # a retry of the same click
        orders.act(number, Action.PROGRESS, A01, "已联系", seen=seen)
    with pytest.raises(StaleOrder):
        links.settle_three_way(number, ThreeWayOutcome.HOTLINE, A01, "r", seen=seen)
    assert len(orders.get(number).order.timeline) == seen + 1
