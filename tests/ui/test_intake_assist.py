"""The intake assist as an agent meets it: the routing suggestion with its citation, Ctrl+G
accepts it, saving without it is counted as ignored, the likely duplicates best first, Ctrl+J
makes the caller join one (both databases); the services are asked off the UI thread, once the
typing pauses."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from dataclasses import dataclass, field, replace
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QVBoxLayout, QWidget
from pytestqt.qtbot import QtBot

from console.app_seat import follow_policy, intake_assist
from console.domain.consultation_items import decision_of
from console.domain.duplicates import Candidate
from console.domain.intake import Draft
from console.domain.orders import Action, Platform
from console.domain.roles import Seated
from console.scheduling.clock import FakeClock
from console.services.duplicates import DuplicateService
from console.services.journal import JournalService
from console.services.knowledge import KnowledgeService
from console.services.orders import OrderService
from console.services.rule_edits import RuleEdits
from console.services.suggestions import (
    Suggestion,
    SuggestionService,
    import_site_rules,
    site_rules_dir,
)
from console.store.consultation import suggestion_figures
from console.store.engine import Database
from console.store.journal_file import JournalFile
from console.store.orders import count
from console.store.seed import catalogue
from console.ui.operations import Operations
from console.ui.seat.drafts import DraftStore
from console.ui.seat.intake_assist import AssistCalls, IntakeAssist
from console.ui.seat.intake_fields import IntakeFields
from console.ui.seat.intake_form import IntakeForm
from tests.principals import at_seat, lead

# Offscreen, a top-level whose size hints change (the assist's rows come and go) says so.
pytestmark = pytest.mark.qt_log_ignore(r"This plugin does not support propagateSizeHints")
AGENT = at_seat("王丽", "A-01", Platform.HOTLINE)
LEAD = lead("赵班长", "A-09", Platform.HOTLINE)
NOW = datetime(2026, 8, 1, 2, 0, tzinfo=UTC)
PHONE = "13812345678"
ONE_KIND = """\
consultation = { title = "2026年第7次会商", held_on = 2026-07-20 }

[[rule]]
id = "R-031"
keywords = ["井盖丢失"]
kinds = ["C-TS"]
fields = ["F-SH"]
platform = "12345"
department = "210100-CG"
norm = "井盖由城管部门当日处置。"
valid_from = 2026-07-21
"""


@dataclass
class Desk:
    db: Database
    orders: OrderService
    duplicates: DuplicateService
    ops: Operations
    clock: FakeClock
    qtbot: QtBot
    journal: JournalService
    hosts: list[QWidget] = field(default_factory=list)

    def open(self, by: Seated = AGENT, assist: object = None) -> IntakeForm:
        with self.db.read() as session:
            kinds, fields, districts = catalogue(session)
        suggestions = SuggestionService(self.db, by.platform, self.clock.now)
        factory = assist or intake_assist(self.db, by, suggestions, self.duplicates,
                                          self.ops, {k.code: k.name_en for k in kinds}, False,
                                          self.journal)  # fmt: skip
        host = QWidget()
        form = IntakeForm(platform=by.platform, kinds=kinds, fields=fields, districts=districts,
                          ops=self.ops, drafts=DraftStore(),
                          save=lambda d: self.orders.create(d, by).order.number,
                          assist=factory)  # type: ignore[arg-type]  # fmt: skip
        QVBoxLayout(host).addWidget(form)
        self.qtbot.addWidget(host)
        self.hosts.append(host)
        host.resize(900, 760)
        host.show()
        host.activateWindow()
        self.qtbot.waitUntil(host.isActiveWindow)
        form.start_for_call("call-1", PHONE)
        return form


@pytest.fixture
def desk(qtbot: QtBot, db: Database, tmp_path: Path) -> Iterator[Desk]:
    folder = tmp_path / "consultation"
    folder.mkdir()
    for name in ("rules.toml", "transfer-list.toml"):
        (folder / name).write_bytes((site_rules_dir() / name).read_bytes())
    (folder / "site.toml").write_text(ONE_KIND, "utf-8")
    import_site_rules(db, NOW, folder)
    clock = FakeClock(NOW)
    orders = OrderService(db, clock.now)
    ops = Operations("assist-test")
    journal = JournalService(orders, AGENT, JournalFile(tmp_path / "journal.sqlite3"), clock.now)
    yield Desk(db, orders, DuplicateService(db, clock.now, orders.writer, AGENT), ops, clock,
               qtbot, journal)  # fmt: skip
    ops.shutdown()
    journal.close()


def assist_of(form: IntakeForm) -> IntakeAssist:
    assert form.assist is not None
    return form.assist


def press(key: Qt.Key, modifier: Qt.KeyboardModifier = Qt.KeyboardModifier.ControlModifier) -> None:
    widget = QApplication.focusWidget()
    assert widget is not None
    QTest.keyClick(widget, key, modifier)


def choose(
    form: IntakeForm, kind: str = "C-TS", field_: str = "F-SH", district: str = "210102"
) -> None:
    f = form.fields
    f.kind.setCurrentIndex(f.kind.findData(kind))
    f.field.setCurrentIndex(f.field.findData(field_))
    f.district.set_value(district)
    f.district.editTextChanged.emit(f.district.currentText())  # as typed


def test_the_suggestion_shows_with_its_citation_and_the_rule_of_the_peer(desk: Desk) -> None:
    form = desk.open()
    form.fields.description.setPlainText("工地讨薪堵路，几十个人堵在路口")
    assist = assist_of(form)
    desk.qtbot.waitUntil(lambda: assist.advice is not None and assist.headline.isVisible())
    assert "transfer to 110" in assist.headline.text()
    assert "依据：2026年第3次会商（演示） 规则 R-017" in assist.detail.text()
    assert "讨薪堵路" in assist.detail.text()  # the keyword that matched
    assert assist.accept_button.isVisible() and not assist.accepted_mark.isVisible()
    # No rule: how similar past orders ended, a share and a count.
    form.fields.description.setPlainText("小区路灯坏了好几天")
    desk.qtbot.waitUntil(lambda: assist.advice is None and assist.history.isVisible())
    assert "No 会商 rule" in assist.history.text()


def test_ctrl_g_fills_what_the_rule_names_and_the_save_counts_it_accepted(desk: Desk) -> None:
    form = desk.open()
    form.fields.district.set_value("210102")
    form.fields.description.setPlainText("路口井盖丢失，晚上很危险")
    form.fields.description.setFocus()
    assist = assist_of(form)
    desk.qtbot.waitUntil(lambda: assist.advice is not None)
    assert "R-031" in assist.detail.text() and "department: 210100-CG" not in assist.headline.text()
    press(Qt.Key.Key_G)
    assert form.draft().kind == "C-TS" and form.draft().field == "F-SH"  # filled in
    assert assist.accepted_mark.isVisible() and not assist.accept_button.isVisible()
    saved: list[str] = []
    form.saved.connect(saved.append)
    press(Qt.Key.Key_S)
    desk.qtbot.waitUntil(lambda: bool(saved))
    desk.qtbot.waitUntil(lambda: _figures(desk.db) == (1, 1))


def test_saving_without_accepting_counts_the_suggestion_ignored(desk: Desk) -> None:
    form = desk.open()
    choose(form)
    form.fields.description.setPlainText("工地讨薪堵路，几十个人堵在路口")
    assist = assist_of(form)
    desk.qtbot.waitUntil(lambda: assist.advice is not None)
    saved: list[str] = []
    form.saved.connect(saved.append)
    form.save()
    desk.qtbot.waitUntil(lambda: bool(saved))
    desk.qtbot.waitUntil(lambda: _figures(desk.db) == (1, 0))
    assert not assist.isVisible() or assist.advice is None  # afresh for the next matter
    form.fields.description.setPlainText("路灯不亮")  # no suggestion shown: nothing kept
    choose(form)
    form.save()
    desk.qtbot.waitUntil(lambda: len(saved) == 2)
    with desk.db.read() as session:
        assert count(session) == 2
    assert _figures(desk.db) == (1, 0)


def test_duplicates_best_first_with_why_and_ctrl_j_joins_the_selected(desk: Desk) -> None:
    same_caller = desk.orders.create(Draft(caller_phone=PHONE, kind="C-QZ", field="F-SH",
                                           district="210103", description="咨询社保转移"), AGENT)  # fmt: skip
    same_place = desk.orders.create(
        Draft(caller_phone="13900001111", kind="C-TS", field="F-SH", district="210102",
              address="和平区南京北街1号", description="小区门口垃圾堆放三天无人清理"), AGENT,
    ).order.number  # fmt: skip
    desk.clock.advance(3600)
    form = desk.open()
    choose(form)
    form.fields.address.setText("和平区南京北街1号")
    form.fields.description.setPlainText("门口垃圾没人清理")
    assist = assist_of(form)
    desk.qtbot.waitUntil(lambda: len(assist.candidates) == 2)
    rows = [assist.list.item(r).text() for r in range(assist.list.count())]
    assert rows[0].startswith(same_place) and "same address" in rows[0] and "similar" in rows[0]
    assert rows[1].startswith(same_caller.order.number) and "same caller" in rows[1]
    assert assist.list.isVisible() and assist.join_button.isVisible()
    form.fields.description.setFocus()
    press(Qt.Key.Key_J)  # nothing selected: said, nothing done
    assert "Select the order" in form.message.text()
    press(Qt.Key.Key_V, Qt.KeyboardModifier.AltModifier)
    assert QApplication.focusWidget() is assist.list
    press(Qt.Key.Key_Down, Qt.KeyboardModifier.NoModifier)
    assist.list.setCurrentRow(0)
    saved: list[str] = []
    form.saved.connect(saved.append)
    with desk.db.read() as session:
        before = count(session)
    press(Qt.Key.Key_J)
    desk.qtbot.waitUntil(lambda: saved == [same_place])
    assert "joined" in form.message.text() and same_place in form.message.text()
    assert form.draft() == Draft(caller_phone=PHONE)  # emptied as after a save
    with desk.db.read() as session:
        assert count(session) == before  # no new order
    timeline = desk.orders.get(same_place).order.timeline
    assert timeline[-1].action is Action.MERGED_IN and timeline[-1].note == "门口垃圾没人清理"
    assert [c.phone for c in desk.duplicates.callers(same_place)] == ["13900001111", PHONE]


def test_the_services_are_asked_off_the_ui_thread_once_typing_pauses(desk: Desk) -> None:
    threads: list[str] = []
    asked: list[str] = []

    def suggest(_k: object, _f: object, _d: object, text: str) -> Suggestion:
        threads.append(threading.current_thread().name)
        asked.append(text)
        return Suggestion(None, None)

    calls = AssistCalls(suggest=suggest, candidates=lambda _d: [],
                        join=lambda *_a: None,  # type: ignore[arg-type,return-value]
                        record=lambda *_a: None)  # fmt: skip

    def factory(fields: IntakeFields) -> IntakeAssist:
        return IntakeAssist(calls=calls, ops=desk.ops, fields=fields, kind_names={},
                            department_names={})  # fmt: skip

    form = desk.open(assist=factory)
    desk.qtbot.waitUntil(lambda: bool(asked))  # the call's start: the caller's number
    asked.clear()
    for n in range(1, 8):  # typed faster than the pause
        form.fields.description.setPlainText("讨薪堵路"[: n % 4 + 1])
    form.fields.description.setPlainText("讨薪堵路")
    desk.qtbot.waitUntil(lambda: bool(asked))
    desk.qtbot.wait(400)  # a second ask would have come within the debounce and the read
    assert asked == ["讨薪堵路"]
    assert threading.main_thread().name not in threads and all("read" in t for t in threads)


def _figures(db: Database) -> tuple[int, int]:
    with db.read() as session:
        found = suggestion_figures(session, NOW - timedelta(days=1), NOW + timedelta(days=1))
    return found.shown, found.accepted


def test_a_rule_edited_elsewhere_changes_the_suggestion_on_screen(desk: Desk) -> None:
    """The change feed's ``rules`` (app_window → SeatParts.follow_policy): the form asks again
    about what it holds, and shows the newest version; a retired rule goes from the screen."""
    suggestions = SuggestionService(desk.db, AGENT.platform, desk.clock.now)
    form = desk.open(
        assist=intake_assist(
            desk.db, AGENT, suggestions, desk.duplicates, desk.ops, {}, False, desk.journal
        )
    )
    follow = follow_policy(desk.ops, suggestions, form, KnowledgeService(desk.db, desk.clock.now),
                           None)  # fmt: skip
    form.fields.description.setPlainText("工地讨薪堵路，几十个人堵在路口")
    assist = assist_of(form)
    desk.qtbot.waitUntil(lambda: assist.advice is not None)
    assert "R-017" in assist.detail.text()
    edits = RuleEdits(desk.db, desk.clock.now)
    [line] = [x for x in edits.lines(LEAD) if x.rule.rule_id == "R-017"]
    edits.edit(LEAD, "R-017", line.rule.version,
               replace(decision_of(line.rule), norm="先由属地派出所到场，再通知人社部门"))  # fmt: skip
    follow(False, True)  # the articles: nothing to do for the suggestion
    follow(True, False)
    desk.qtbot.waitUntil(lambda: "先由属地派出所到场" in assist.detail.text())
    edits.retire(LEAD, "R-017", line.rule.version + 1, desk.clock.now().date() - timedelta(days=1))
    follow(True, False)
    desk.qtbot.waitUntil(lambda: "R-017" not in assist.detail.text())  # R-002 matches too
    assert assist.advice is not None and assist.advice.rule is not None
    assert assist.advice.rule.rule_id == "R-002"


def test_the_duplicates_are_asked_once_the_suggestion_for_that_draft_is_answered(
    desk: Desk,
) -> None:
    gate = threading.Event()
    suggested: list[str] = []
    listed: list[str] = []

    def suggest(_k: object, _f: object, _d: object, text: str) -> Suggestion:
        suggested.append(text)
        if text == "停水":
            gate.wait(10)  # still being read while the agent types on
        if text == "停电":
            raise RuntimeError("the database went away")
        return Suggestion(None, None)

    def candidates(draft: Draft) -> list[Candidate]:
        listed.append(draft.description)
        return []

    calls = AssistCalls(suggest=suggest, candidates=candidates,
                        join=lambda *_a: None,  # type: ignore[arg-type,return-value]
                        record=lambda *_a: None)  # fmt: skip

    def factory(fields: IntakeFields) -> IntakeAssist:
        return IntakeAssist(calls=calls, ops=desk.ops, fields=fields, kind_names={},
                            department_names={})  # fmt: skip

    form = desk.open(assist=factory)
    desk.qtbot.waitUntil(lambda: bool(listed))  # the call's start: the caller's number
    suggested.clear()
    listed.clear()
    form.fields.description.setPlainText("停水")
    desk.qtbot.waitUntil(lambda: suggested == ["停水"])
    form.fields.description.setPlainText("停水三天")  # asked while 停水 is still read
    desk.qtbot.wait(300)  # past the debounce: the newer ask waits behind the read in flight
    assert listed == []  # nothing of 停水 listed before its suggestion came back
    gate.set()
    desk.qtbot.waitUntil(lambda: listed == ["停水三天"])  # 停水's answer was stale: not listed
    form.fields.description.setPlainText("停电")  # the suggestion fails: duplicates still
    desk.qtbot.waitUntil(lambda: listed == ["停水三天", "停电"])


def test_a_failed_read_of_the_last_draft_is_asked_once_more_and_then_shown(desk: Desk) -> None:
    """The database refused once (a lock, a failover) while the agent had stopped typing: the
    suggestion and the duplicates of what is typed still come, without another keystroke; a
    read that keeps failing is asked once more only (the next pause asks again)."""
    mine = desk.orders.create(Draft(caller_phone=PHONE, kind="C-QZ", field="F-SH",
                                    district="210103", description="咨询社保转移"), AGENT)  # fmt: skip
    refusals = {"suggest": 1, "candidates": 1}  # then a read of what is typed fails for good
    asked: list[str] = []

    def refused(what: str, typed: str) -> None:
        if "讨薪" in typed:
            asked.append(what)
            if refusals[what] > 0:
                refusals[what] -= 1
                raise RuntimeError("database is locked")

    class Suggestions(SuggestionService):
        def suggest(self, kind: str | None, fld: str | None, where: str | None,
                    text: str) -> Suggestion:  # fmt: skip
            refused("suggest", text)
            return super().suggest(kind, fld, where, text)

    class Duplicates(DuplicateService):
        def candidates(self, **probe: str) -> list[Candidate]:  # type: ignore[override]
            refused("candidates", probe["text"])
            return super().candidates(**probe)

    duplicates = Duplicates(desk.db, desk.clock.now, desk.orders.writer, AGENT)
    suggestions = Suggestions(desk.db, AGENT.platform, desk.clock.now)
    factory = intake_assist(desk.db, AGENT, suggestions, duplicates, desk.ops, {}, False,
                            desk.journal)  # fmt: skip
    form = desk.open(assist=factory)
    assist = assist_of(form)
    desk.qtbot.waitUntil(lambda: [c.order.number for c in assist.candidates]
                         == [mine.order.number])  # fmt: skip
    form.fields.description.setPlainText("工地讨薪堵路，几十个人堵在路口")
    desk.qtbot.waitUntil(lambda: asked == ["suggest", "candidates"])  # both refused
    desk.qtbot.waitUntil(lambda: assist.advice is not None and "R-017" in assist.detail.text())
    desk.qtbot.waitUntil(lambda: asked == ["suggest", "candidates"] * 2)
    assert [c.order.number for c in assist.candidates] == [mine.order.number]
    refusals.update(suggest=9, candidates=9)
    form.fields.description.setPlainText("工地讨薪堵路还没散")
    desk.qtbot.waitUntil(lambda: len(asked) == 8)  # refused, and once more
    desk.qtbot.wait(1500)  # past another retry's delay: none is asked
    assert len(asked) == 8


def test_rules_changing_between_the_suggestion_and_the_duplicates_still_ends_shown(
    desk: Desk,
) -> None:
    """The change feed's refresh (``again``) lands after the suggestion is shown and while the
    duplicates of that ask are still read: that answer is dropped, and the ask it caused
    shows both for what is typed."""
    gate = threading.Event()
    listed: list[str] = []

    def candidates(draft: Draft) -> list[Candidate]:
        if not draft.description:
            return []  # the call's start: nothing listed
        listed.append(draft.description)
        if len(listed) == 1:
            gate.wait(10)  # still being read when the rules change
        return desk.duplicates.candidates(phone=draft.caller_phone)

    calls = AssistCalls(suggest=SuggestionService(desk.db, AGENT.platform, desk.clock.now).suggest,
                        candidates=candidates,
                        join=lambda *_a: None,  # type: ignore[arg-type,return-value]
                        record=lambda *_a: None)  # fmt: skip

    def factory(fields: IntakeFields) -> IntakeAssist:
        return IntakeAssist(calls=calls, ops=desk.ops, fields=fields, kind_names={},
                            department_names={})  # fmt: skip

    mine = desk.orders.create(Draft(caller_phone=PHONE, kind="C-QZ", field="F-SH",
                                    district="210103", description="咨询社保转移"), AGENT)  # fmt: skip
    form = desk.open(assist=factory)
    assist = assist_of(form)
    form.fields.description.setPlainText("工地讨薪堵路，几十个人堵在路口")
    desk.qtbot.waitUntil(lambda: assist.advice is not None and len(listed) == 1)
    assist.again()  # the rules moved
    desk.qtbot.wait(300)  # past the debounce: the new ask waits behind the read in flight
    gate.set()
    desk.qtbot.waitUntil(lambda: len(listed) == 2)
    desk.qtbot.waitUntil(lambda: [c.order.number for c in assist.candidates]
                         == [mine.order.number])  # fmt: skip
    assert assist.advice is not None and "R-017" in assist.detail.text()
