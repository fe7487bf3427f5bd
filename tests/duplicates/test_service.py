"""并单 at the service, on both databases: candidates, merge and unmerge, the repeated-request
warning, and the report's figures."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from console.domain.duplicates import Reason
from console.domain.intake import Draft
from console.domain.orders import Action, Platform, Status
from console.domain.refusals import Refused
from console.services.duplicates import DuplicateService
from console.services.orders import OrderService
from console.store import duplicates as store
from console.store.engine import Database
from tests.principals import at_seat, lead

AGENT = at_seat("王丽", "A-01", Platform.HOTLINE)
LEAD = lead("赵强", "L-01", Platform.HOTLINE)
OPERATOR = at_seat("李明", "B-01", Platform.POLICE)


class Clock:
    def __init__(self) -> None:
        self.now = datetime(2026, 11, 20, 2, tzinfo=UTC)

    def __call__(self) -> datetime:
        return self.now


def draft(phone: str, text: str = "小区门口垃圾堆放三天无人清理", **kw: str) -> Draft:
    values = {"kind": "C-TS", "field": "F-SH", "district": "210102",
              "address": "和平区南京北街1号", **kw}  # fmt: skip
    return Draft(caller_phone=phone, description=text, consent=True, **values)  # type: ignore[arg-type]


def services(db: Database, by: object = AGENT) -> tuple[OrderService, DuplicateService, Clock]:
    clock = Clock()
    orders = OrderService(db, clock)
    return orders, DuplicateService(db, clock, orders.writer, by), clock  # type: ignore[arg-type]


def test_candidates_with_their_reasons_best_first(db: Database) -> None:
    orders, dups, clock = services(db)
    caller = orders.create(draft("13811110000", "路灯不亮", address="别处"), AGENT)
    same = orders.create(draft("13922220000", "我们小区大门口的垃圾好几天没人清理了"), AGENT)
    other = orders.create(draft("13933330000", "路灯不亮", district="210103"), AGENT)
    closed = orders.create(draft("13811110000"), AGENT)
    orders.act(closed.order.number, Action.CANCEL, AGENT, "撤销", seen=1)
    clock.now += timedelta(hours=1)
    found = dups.candidates(
        phone="+86 138 1111 0000", district="210102", kind="C-TS",
        address="和平区 南京北街１号", text="小区门口的垃圾没人清理",
    )  # fmt: skip
    assert [(c.order.number, c.reasons) for c in found] == [
        (same.order.number, (Reason.SAME_ADDRESS, Reason.SIMILAR)),
        (caller.order.number, (Reason.SAME_CALLER,)),
    ]  # the closed order and the other district's are not candidates
    assert other.order.number not in {c.order.number for c in found}
    assert dups.candidates(text="垃圾") == []  # no caller, no district: nothing to look in
    mine = dups.candidates(phone="13811110000", exclude=caller.order.number)
    assert mine == []


def test_merge_and_unmerge_keep_every_event_on_both_timelines(db: Database) -> None:
    orders, dups, clock = services(db)
    into = orders.create(draft("13811110000"), AGENT)
    orders.act(into.order.number, Action.START_HANDLING, AGENT, seen=1)
    clock.now += timedelta(hours=2)
    dup = orders.create(draft("13922220000", caller_name="张三"), AGENT)
    clock.now += timedelta(minutes=1)
    merged = dups.merge(dup.order.number, into.order.number, "同一垃圾堆")
    assert merged.duplicate.order.status is Status.CANCELLED and not merged.warned
    assert merged.into.order.status is Status.HANDLING
    assert [c.phone for c in dups.callers(into.order.number)] == ["13811110000", "13922220000"]
    # The caller who joined is found again by their number: the order they joined.
    found = dups.candidates(phone="13922220000")
    assert [c.order.number for c in found] == [into.order.number]
    dups.unmerge(dup.order.number, "不是同一件事")
    d, t = orders.get(dup.order.number).order, orders.get(into.order.number).order
    assert d.status is Status.RECEIVED and t.status is Status.HANDLING
    assert [(e.action, e.detail) for e in d.timeline] == [
        (Action.CREATE, ""),
        (Action.MERGE, t.number),
        (Action.UNMERGE, t.number),
    ]
    assert [(e.action, e.detail) for e in t.timeline] == [
        (Action.CREATE, ""), (Action.START_HANDLING, ""), (Action.MERGED_IN, d.number),
        (Action.SPLIT_OFF, d.number)]  # fmt: skip
    assert [c.phone for c in dups.callers(into.order.number)] == ["13811110000"]
    # Merged again after the unmerge: the round trip can be repeated.
    dups.merge(dup.order.number, into.order.number)
    assert len(dups.callers(into.order.number)) == 2


def test_a_merge_is_refused_for_a_completed_order_and_changes_nothing(db: Database) -> None:
    orders, dups, _clock = services(db)
    done = orders.create(draft("13811110000"), AGENT)
    n = done.order.number
    orders.act(n, Action.START_HANDLING, AGENT, seen=1)
    orders.act(n, Action.FEED_BACK, AGENT, "已清理", seen=2)
    orders.act(n, Action.COMPLETE, AGENT, seen=3)
    dup = orders.create(draft("13922220000"), AGENT)
    with pytest.raises(Refused) as refused:
        dups.merge(dup.order.number, n)
    assert refused.value.code == "closed"
    assert orders.get(dup.order.number).order.status is Status.RECEIVED
    assert len(orders.get(n).order.timeline) == 4 and len(dups.callers(n)) == 1
    with pytest.raises(Refused) as itself:
        dups.merge(dup.order.number, dup.order.number)
    assert itself.value.code == "merge_self"


def test_an_order_back_from_the_peer_merges_and_is_joined(db: Database) -> None:
    orders, dups, _clock = services(db)
    sent = orders.create(draft("13811110000"), AGENT)
    orders.transfers.transfer(sent.order.number, AGENT, "互派", "k1", True)
    orders.act(sent.order.number, Action.RETURN, OPERATOR, "非警情", seen=2)
    dup = orders.create(draft("13922220000"), AGENT)
    merged = dups.merge(dup.order.number, sent.order.number)
    assert merged.into.order.timeline[-1].action is Action.MERGED_IN
    assert merged.duplicate.order.status is Status.CANCELLED
    assert [c.phone for c in dups.callers(sent.order.number)] == ["13811110000", "13922220000"]


def test_the_repeated_request_warning_is_raised_once_at_the_third_caller(db: Database) -> None:
    orders, dups, clock = services(db)
    _o, panel, _c = services(db, LEAD)
    into = orders.create(draft("13811110000"), AGENT)
    phones = ["13922220000", "13933330000", "13944440000"]
    results = []
    for phone in phones:
        clock.now += timedelta(hours=1)
        dup = orders.create(draft(phone), AGENT)
        results.append(dups.merge(dup.order.number, into.order.number).warned)
    assert results == [False, True, False]  # the order's caller and two more: raised; then not
    (warning,) = panel.repeated()
    assert (warning.number, warning.callers) == (into.order.number, 3)
    assert panel.acknowledge(warning.id) and not panel.acknowledge(warning.id)
    assert panel.repeated() == [] and len(panel.repeated(include_acknowledged=True)) == 1
    with pytest.raises(Refused):
        dups.repeated()  # an agent does not see the shift lead's panel


def test_callers_older_than_the_window_do_not_count(db: Database) -> None:
    orders, dups, clock = services(db)
    into = orders.create(draft("13811110000"), AGENT)
    clock.now += timedelta(hours=100)  # the order's own caller is outside the window now
    for phone in ("13922220000", "13933330000"):
        dup = orders.create(draft(phone), AGENT)
        assert not dups.merge(dup.order.number, into.order.number).warned


def test_the_report_counts_callers_per_order_and_merges(db: Database) -> None:
    orders, dups, clock = services(db)
    start = clock.now
    a = orders.create(draft("13811110000"), AGENT)
    orders.create(draft("13800000000", "路灯不亮"), AGENT)
    for phone in ("13922220000", "13933330000"):
        dup = orders.create(draft(phone), AGENT)
        dups.merge(dup.order.number, a.order.number)
    undone = orders.create(draft("13944440000"), AGENT)
    dups.merge(undone.order.number, a.order.number)
    dups.unmerge(undone.order.number)
    clock.now += timedelta(minutes=1)
    with db.read() as session:
        figures = store.figures(session, start, clock.now)
    # a: 3 callers; the other order and the unmerged one: 1 each; the merged two: on a.
    assert (figures.merges, figures.unmerges, figures.callers) == (3, 1, {1: 2, 3: 1})
