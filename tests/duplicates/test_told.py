"""告知来电人 on both databases: every caller of an order (its own, and each who joined) is
listed at feedback, ticked told once, and counted."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from console.domain.orders import Action, Platform
from console.domain.refusals import Refused
from console.services.callers_told import CallersToldService
from console.services.report_views import Period, report_json
from console.services.reports import ReportService
from console.store import caller_told
from console.store.engine import Database
from tests.duplicates.test_service import AGENT, draft, services
from tests.principals import at_seat

OTHER = at_seat("刘洋", "A-02", Platform.HOTLINE)


def test_every_caller_is_listed_and_told_once_after_the_feedback(db: Database) -> None:
    orders, dups, clock = services(db)
    number = orders.create(draft("13811110000"), AGENT).order.number
    dup = orders.create(draft("13922220000", caller_name="张三"), AGENT).order.number
    dups.merge(dup, number, "同一事项")
    dups.join(number, "13933330000", "李四", "我也反映过")
    told = CallersToldService(db, clock, AGENT)
    before = told.to_tell(number)
    assert not before.ready and [c.phone for c in before.callers] == [
        "13811110000", "13922220000", "13933330000",
    ]  # fmt: skip
    assert before.callers[0].joined_from is None and before.callers[1].joined_from == dup
    with pytest.raises(Refused) as early:
        told.mark_told(number, "13811110000")
    assert early.value.code == "tell_no_feedback"

    orders.act(number, Action.START_HANDLING, AGENT, seen=3)
    orders.act(number, Action.FEED_BACK, AGENT, "垃圾已清运", seen=4)
    clock.now += timedelta(minutes=5)
    assert told.mark_told(number, "138 1111 0000") is True
    assert CallersToldService(db, clock, OTHER).mark_told(number, "13811110000") is False
    with pytest.raises(Refused) as stranger:
        told.mark_told(number, "13700000000")
    assert stranger.value.code == "tell_unknown_caller"
    after = told.to_tell(number)
    assert (after.ready, after.result, after.told) == (True, "垃圾已清运", 1)
    first = after.callers[0]
    assert (first.told, first.told_at, first.told_by) == (True, clock.now, AGENT.login)
    assert not after.callers[2].told

    orders.act(number, Action.COMPLETE, AGENT, seen=5)  # after 办结 the rest are still told
    assert told.mark_told(number, "13933330000") is True
    other, again = (orders.create(draft(p), AGENT).order.number for p in ("13944440000", "13955550000"))  # fmt: skip
    dups.merge(again, other)
    dups.unmerge(again, "并错了")  # an order again: its caller no longer joined
    day, late = clock.now - timedelta(days=1), clock.now + timedelta(minutes=1)
    with db.read() as session:
        got = caller_told.figures(session, day, late)
        police = caller_told.figures(session, day, late, "110")
        elsewhere = caller_told.figures(session, day, late, district="210103")
    assert (got.joined, got.merged, got.told) == (1, 1, 2)  # the join, the merged dup, told
    assert police == elsewhere == caller_told.ToldFigures(0, 0, 0)
    report = ReportService(db, clock).report(Period(date(2026, 11, 20), date(2026, 11, 20)))
    # Five calls (four orders created, one caller joined at intake) about three orders.
    callers = report_json(report)["callers"]
    got = {k: callers[k] for k in ("callers", "orders", "told", "mean")}
    assert got == {"callers": 5, "orders": 3, "told": 2, "mean": 5 / 3}
