"""The knowledge pane in a real seat (console/app_seat.py through build_window): under the
screen pop, it follows what the agent types into the intake form, and an article cited before
the order is saved is recorded on that order once it is — on an order held while the database
is away, once that order is written (issue 18)."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
import qasync
from PySide6.QtGui import QInputMethodEvent
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from console.app_window import Shared, WindowParts, build_window
from console.domain.intake import Draft
from console.domain.knowledge_file import load_knowledge
from console.domain.orders import Platform
from console.services.alarms import AlarmService
from console.services.knowledge import KnowledgeService
from console.services.orders import OrderService
from console.store import knowledge as store
from console.store.engine import Database
from console.store.seed import catalogue
from console.telephony.simulated import SimulatedSwitch
from console.ui.operations import Operations
from console.ui.seat.knowledge_pane import KnowledgePane
from tests.principals import at_seat
from tests.services.outage import Outage, sqlite_outage

pytestmark = [
    pytest.mark.usefixtures("chinese"),
    pytest.mark.qt_log_ignore(r"This plugin does not support propagateSizeHints"),
]
ROOT = Path(__file__).resolve().parents[2]
NOW = datetime(2026, 8, 1, 2, 0, tzinfo=UTC)


@pytest.fixture
def seat(qtbot: QtBot, qloop: qasync.QEventLoop, sqlite_db: Database) -> Iterator[WindowParts]:
    with sqlite_db.write() as session:
        shelf = load_knowledge(ROOT / "db" / "knowledge", store.kinds(session))
        store.import_articles(session, shelf.articles, "tester", "test", NOW)
    clock = lambda: NOW  # noqa: E731
    ops = Operations("test-knowledge-seat")
    with sqlite_db.read() as session:
        shared = Shared(
            db=sqlite_db, orders=OrderService(sqlite_db, clock),
            alarms=AlarmService(sqlite_db, clock, "A-01"), clock=clock,
            catalogue=catalogue(session), chinese=True, ops=ops, loop=qloop,
            db_url="sqlite://", wrap_up=timedelta(seconds=30),
        )  # fmt: skip
    switch = SimulatedSwitch(rate_per_min=0, seed=3, loop=qloop)
    part = build_window(shared, at_seat("王丽", "A-01", Platform.HOTLINE), switch)
    qtbot.addWidget(part.window)
    yield part
    try:
        qloop.run_until_complete(switch.stop())
    finally:
        part.seat.close()
        ops.shutdown()


def test_the_pane_follows_the_form_and_cites_on_the_saved_order(
    qtbot: QtBot, seat: WindowParts, sqlite_db: Database
) -> None:
    panel = seat.seat.panel
    pane = panel.findChild(KnowledgePane)
    assert pane is not None
    assert pane.parent() is panel.split.widget(0)  # the column under the screen pop
    form = panel.intake
    # The form filled as a restored draft (not a change by the agent), then the agent types.
    form.set_draft(
        Draft(caller_phone="13800000000", caller_name="张三", kind="C-ZX", field="F-SH",
              district="210102", address="中山路1号", description="", consent=True)
    )  # fmt: skip
    typed = QInputMethodEvent()  # what an input method sends when the agent picks characters
    typed.setCommitString("来电人问住房公积金怎么提取")
    with qtbot.waitSignal(pane.shown, timeout=10_000) as shown:
        QApplication.sendEvent(form.fields.description, typed)
    assert shown.args[0] >= 1 and "公积金" in pane.articles.item(0).text()
    pane.articles.setCurrentRow(0)
    chosen = pane.selected()
    assert chosen is not None
    pane.cite_selected()  # before the save: it waits for the order
    assert "工单保存后将引用" in pane.status.text()  # "… will be cited when the order is saved"
    with qtbot.waitSignal(form.saved, timeout=10_000) as saved:
        form.save()
    number = saved.args[0]
    service = KnowledgeService(sqlite_db, lambda: NOW)
    qtbot.waitUntil(lambda: service.citations(number) == [(chosen.article_id, chosen.version)])


@pytest.fixture
def away(
    qtbot: QtBot, qloop: qasync.QEventLoop, tmp_path: Path, _templates: dict[str, str]
) -> Iterator[tuple[WindowParts, Outage]]:
    """A seat whose database can go away (the share renamed, tests/services/outage.py)."""
    with sqlite_outage(tmp_path, _templates["sqlite"]) as outage:
        with outage.db.write() as session:
            shelf = load_knowledge(ROOT / "db" / "knowledge", store.kinds(session))
            store.import_articles(session, shelf.articles, "tester", "test", NOW)
        clock = lambda: NOW  # noqa: E731
        ops = Operations("test-knowledge-away")
        with outage.db.read() as session:
            shared = Shared(
                db=outage.db, orders=OrderService(outage.db, clock),
                alarms=AlarmService(outage.db, clock, "A-01"), clock=clock,
                catalogue=catalogue(session), chinese=True, ops=ops, loop=qloop,
                db_url="sqlite://", wrap_up=timedelta(seconds=30),
            )  # fmt: skip
        switch = SimulatedSwitch(rate_per_min=0, seed=3, loop=qloop)
        part = build_window(shared, at_seat("王丽", "A-01", Platform.HOTLINE), switch)
        qtbot.addWidget(part.window)
        try:
            yield part, outage
        finally:
            try:
                qloop.run_until_complete(switch.stop())
            finally:
                part.seat.close()
                ops.shutdown()


def test_an_article_cited_on_an_order_held_is_cited_once_the_order_is_written(
    qtbot: QtBot, away: tuple[WindowParts, Outage]
) -> None:
    part, outage = away
    panel = part.seat.panel
    pane = panel.findChild(KnowledgePane)
    assert pane is not None
    form = panel.intake
    form.set_draft(
        Draft(caller_phone="13800000000", caller_name="张三", kind="C-ZX", field="F-SH",
              district="210102", description="来电人问住房公积金怎么提取", consent=True)
    )  # fmt: skip
    with qtbot.waitSignal(pane.shown, timeout=10_000):
        pane.show_for("C-ZX", "来电人问住房公积金怎么提取")
    pane.articles.setCurrentRow(0)
    chosen = pane.selected()
    assert chosen is not None
    pane.cite_selected()  # Ctrl+Enter before the save: it waits for the order
    outage.down()
    with qtbot.waitSignal(form.saved, timeout=10_000) as saved:
        form.save()
    assert saved.args == ["暂存-0001"]
    held = f"{chosen.article_id} 将在数据库恢复后引用到 暂存-0001。"
    qtbot.waitUntil(lambda: pane.status.text() == held)  # no error: held with the order
    outage.up()
    journal = part.seat.journal
    assert journal.health(True)
    [(label, number)] = journal.replay().written
    assert label == "暂存-0001"
    service = KnowledgeService(outage.db, lambda: NOW)
    assert service.citations(number) == [(chosen.article_id, chosen.version)]
