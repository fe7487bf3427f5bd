"""The seat with the database away (issue 18): the intake form's save is held in the seat's
journal, the status bar's banner says 数据库连接中断 · 已暂存 N 张工单, and once the journal is
written the banner goes and the left of the bar says which held order became which number.
The screen pop says it cannot look up the history."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from console.app_seat import follow_journal
from console.domain.intake import Draft
from console.domain.orders import Platform
from console.scheduling.clock import FakeClock
from console.services.journal import JournalService
from console.services.journal_shown import JournalView, SetAside
from console.services.orders import OrderService
from console.services.screen_pop import ScreenPop
from console.store.journal_file import JournalFile
from console.ui.operations import Operations
from console.ui.seat.screen_pop import ScreenPopView
from console.ui.status_bar import StatusBar
from tests.services.outage import Outage, sqlite_outage
from tests.ui.intake_harness import HOTLINE, Seat


@pytest.fixture
def outage(tmp_path: Path, _templates: dict[str, str]) -> Iterator[Outage]:
    with sqlite_outage(tmp_path, _templates["sqlite"]) as made:
        yield made


def draft(n: int) -> Draft:
    return Draft(caller_phone="13812345678", kind="C-TS", field="F-SH", district="210102",
                 description=f"楼下烧烤店夜间噪音扰民 {n}", consent=True)  # fmt: skip


@pytest.mark.usefixtures("chinese")
def test_the_banner_counts_held_orders_and_goes_when_they_are_written(
    qtbot: QtBot, outage: Outage, tmp_path: Path
) -> None:
    clock = FakeClock(datetime(2026, 11, 27, 2, 0, tzinfo=UTC))
    orders = OrderService(outage.db, clock.now)
    journal = JournalService(orders, HOTLINE, JournalFile(tmp_path / "j.sqlite3"), clock.now)
    ops = Operations("journal-test")
    try:
        seat = Seat(outage.db, orders, ops, qtbot)
        form = seat.open(save=journal.save)
        status = StatusBar(seat="A-01", platform=Platform.HOTLINE, agent="王丽",
                           db_url=outage.url)  # fmt: skip
        qtbot.addWidget(status)
        status.show_journal(journal.view())
        assert status.journal_label.isHidden()
        outage.down()
        for n in (1, 2):
            form.set_draft(draft(n))
            with qtbot.waitSignal(form.saved) as saved:
                form.save()
            assert saved.args == [f"暂存-{n:04d}"]
            status.show_journal(journal.view())
            assert status.journal_label.text() == f"⚠ 数据库连接中断 · 已暂存 {n} 张工单"
            assert not status.journal_label.isHidden()
        outage.up()
        assert journal.health(True)
        done = journal.replay()
        status.show_journal(journal.view(), done)
        assert status.journal_label.isHidden()
        said = status.currentMessage()
        assert said.startswith("暂存工单已写入：暂存-0001 → 12345-20261127-")
        assert "暂存-0002 → 12345-20261127-" in said
    finally:
        ops.shutdown()


@pytest.mark.usefixtures("chinese")
def test_the_pop_says_it_cannot_look_up_history(qtbot: QtBot) -> None:
    view = ScreenPopView({"C-TS": "投诉"})
    qtbot.addWidget(view)
    view.show_pop(ScreenPop("13812345678", [], [], 0, False, unavailable=True))
    assert view.header.text() == "来电 13812345678：无法查询历史工单（数据库连接中断）"
    assert view.frequent.isHidden() and view.model.rowCount() == 0


def test_the_health_check_writes_the_journal_back_and_the_banner_follows(
    qtbot: QtBot, outage: Outage, tmp_path: Path
) -> None:
    clock = FakeClock(datetime(2026, 11, 27, 2, 0, tzinfo=UTC))
    journal = JournalService(OrderService(outage.db, clock.now), HOTLINE,
                             JournalFile(tmp_path / "j.sqlite3"), clock.now)  # fmt: skip
    ops = Operations("journal-test")
    try:
        status = StatusBar(seat="A-01", platform=Platform.HOTLINE, agent="王丽",
                           db_url=outage.url)  # fmt: skip
        qtbot.addWidget(status)
        outage.down()
        follow_journal(journal, status, ops, False)  # the sweep found no database
        assert (
            status.journal_label.text() == "⚠ Database connection lost · 0 orders held on this seat"
        )
        journal.save(draft(1))
        follow_journal(journal, status, ops, None)  # the form said it was saved
        assert (
            status.journal_label.text() == "⚠ Database connection lost · 1 orders held on this seat"
        )
        outage.up()
        follow_journal(journal, status, ops, True)  # the next sweep answered
        qtbot.waitUntil(status.journal_label.isHidden)
        assert status.currentMessage().startswith("Held orders written: 暂存-0001 → 12345-")
    finally:
        ops.shutdown()


def test_entries_not_written_are_shown_with_why(qtbot: QtBot) -> None:
    status = StatusBar(seat="A-01", platform=Platform.HOTLINE, agent="王丽", db_url="sqlite://")
    qtbot.addWidget(status)
    at = datetime(2026, 11, 27, 2, 5, tzinfo=UTC)
    aside = SetAside(3, "暂存-0003", "step", "12345-20261127-000001", "stale", at)
    status.show_journal(JournalView(offline=False, held=0, others=1, aside=(aside,)))
    assert status.journal_label.text() == (
        "⚠ 1 held entries not written: see the tooltip · 1 held by other agents at this seat"
    )
    assert status.journal_label.toolTip() == (
        "暂存-0003 12345-20261127-000001 10:05:00: the order was changed by another seat"
        " meanwhile: redo it if still needed"
    )
