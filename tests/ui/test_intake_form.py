"""The intake form on a real database: an agent fills it in with the keyboard only and saves.

Saving goes through the real OrderService on a real Worker thread. Chinese text is typed the
way an input method delivers it (a commit string), ASCII with key presses.
"""

from __future__ import annotations

import sqlite3
import subprocess
import threading
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path

import pytest
from PySide6.QtCore import QLocale, Qt
from PySide6.QtGui import QInputMethodEvent
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QVBoxLayout, QWidget
from pytestqt.qtbot import QtBot
from shiboken6 import Shiboken

from console.domain.intake import MESSAGES_ZH, Draft, Problem
from console.domain.orders import Actor, Platform, Priority
from console.scheduling.clock import FakeClock
from console.services.orders import InvalidDraft, OrderService
from console.store.engine import Database
from console.store.seed import catalogue
from console.ui.operations import Operations
from console.ui.qt_app import install_translators
from console.ui.seat.drafts import DraftStore
from console.ui.seat.intake_form import IntakeForm

ROOT = Path(__file__).resolve().parents[2]
HOTLINE = Actor("王丽", "A-01", Platform.HOTLINE)
POLICE = Actor("李强", "J-07", Platform.POLICE)
PHONE = "13812345678"
# Offscreen, an open completer list warns that it cannot raise itself or grab the keyboard.
POPUP_WARNINGS = pytest.mark.qt_log_ignore(r"This plugin does not support (raise|grabbing)")


@dataclass
class Seat:
    db: Database
    service: OrderService
    ops: Operations
    qtbot: QtBot
    hosts: list[QWidget] = field(default_factory=list)  # qtbot only holds them weakly

    def open(
        self,
        actor: Actor = HOTLINE,
        drafts: DraftStore | None = None,
        save: Callable[[Draft], str] | None = None,
    ) -> IntakeForm:
        with self.db.read() as session:
            kinds, fields, districts = catalogue(session)
        host = QWidget()  # hosted, as in the console: a top-level would resize itself offscreen
        form = IntakeForm(platform=actor.platform, kinds=kinds, fields=fields,
                          districts=districts, ops=self.ops, drafts=drafts or DraftStore(),
                          save=save or (lambda d: self.service.create(d, actor).order.number))  # fmt: skip
        layout = QVBoxLayout(host)
        layout.addWidget(form)
        layout.activate()
        self.qtbot.addWidget(host)
        self.hosts.append(host)
        host.show()
        host.activateWindow()  # focus and shortcuts need the active window
        self.qtbot.waitUntil(host.isActiveWindow)
        return form


@pytest.fixture
def seat(qtbot: QtBot, sqlite_db: Database) -> Iterator[Seat]:
    ops = Operations("intake-test")
    clock = FakeClock(datetime(2026, 11, 27, 2, 0, tzinfo=UTC))
    yield Seat(sqlite_db, OrderService(sqlite_db, clock.now), ops, qtbot)
    ops.shutdown()


def focused() -> QWidget:
    widget = QApplication.focusWidget()
    assert widget is not None
    return widget


def press(key: Qt.Key, modifier: Qt.KeyboardModifier = Qt.KeyboardModifier.NoModifier) -> None:
    """A key as the agent presses it: to the open list if there is one, else the focus."""
    QTest.keyClick(QApplication.activePopupWidget() or focused(), key, modifier)


def type_text(text: str) -> None:
    if text.isascii():
        QTest.keyClicks(focused(), text)
    else:  # what an input method sends when the agent picks the characters
        event = QInputMethodEvent()
        event.setCommitString(text)
        QApplication.sendEvent(focused(), event)


def save_with_ctrl_s(qtbot: QtBot, form: IntakeForm) -> str:
    with qtbot.waitSignal(form.saved, timeout=5000) as saved:
        press(Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    return str(saved.args[0])


@POPUP_WARNINGS
def test_keyboard_only_fill_and_ctrl_s_saves_an_order(seat: Seat, qtbot: QtBot) -> None:
    form = seat.open()
    form.start_for_call("call-1", PHONE)
    assert focused() is form.fields.kind  # the number came with the call
    press(Qt.Key.Key_Backtab)
    type_text("张先生")
    for step in (
        "\t",
        "2",
        "\t",
        "3",
        "\t",
        "heping",
        "\t",
        "Nanjing St 1",
        "\t",
        "楼道灯坏了三天",
        "\t",
    ):
        press(Qt.Key.Key_Tab) if step == "\t" else type_text(step)
    press(Qt.Key.Key_Right)  # priority: normal → urgent
    press(Qt.Key.Key_Tab)  # social stability: left alone
    press(Qt.Key.Key_Tab)
    press(Qt.Key.Key_Space)  # consent
    number = save_with_ctrl_s(qtbot, form)

    order = seat.service.get(number).order
    assert (order.caller.phone, order.caller.name) == (PHONE, "张先生")
    assert (order.kind, order.field, order.district) == ("C-QZ", "F-SH", "210102")
    assert (order.address, order.description) == ("Nanjing St 1", "楼道灯坏了三天")
    assert order.priority is Priority.URGENT and order.consent and not order.social_stability
    assert [s.number for s in seat.service.caller_history(PHONE)] == [number]
    assert form.draft() == Draft(caller_phone=PHONE)  # ready for the caller's next matter
    assert form.message.text() == f"Saved as {number}." and not form.drafts.path.exists()


def test_bad_phone_and_empty_description_are_shown_inline(seat: Seat, qtbot: QtBot) -> None:
    form = seat.open()
    typed = Draft(caller_phone="1381234", caller_name="李", kind="C-TS", field="F-SC",
                  district="210102", address="中山路", priority=Priority.URGENT)  # fmt: skip
    form.set_draft(typed)
    form.fields.address.setFocus()
    press(Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    assert form.problems_shown() == {
        "caller_phone": "Not a phone number: mobile, landline (area code optional) or service number",
        "description": "Describe the request",
    }
    assert focused() is form.fields.caller_phone
    assert form.draft() == typed  # nothing cleared
    assert form.fields.caller_phone.property("invalid") is True
    assert form.fields.caller_name.property("invalid") is not True
    assert form.message.text() == "Not saved: correct what is marked in red."
    assert seat.service.caller_history("1381234") == []

    type_text("5678")  # fixing a field takes its mark away, the others stay
    assert list(form.problems_shown()) == ["description"]
    assert form.fields.caller_phone.property("invalid") is False


def test_description_counter_and_length_limit(seat: Seat) -> None:
    form = seat.open()
    assert form.fields.counter.text() == "0/2000"
    form.fields.description.setPlainText("字" * 2000)
    assert form.fields.counter.text() == "2000/2000"
    assert form.fields.counter.property("over") is not True
    form.fields.description.setFocus()
    QTest.keyClick(form.fields.description, Qt.Key.Key_End, Qt.KeyboardModifier.ControlModifier)
    type_text("多")
    assert form.fields.counter.text() == "2001/2000" and form.fields.counter.property("over")
    form.save()
    assert form.problems_shown()["description"] == "At most 2000 characters (now 2001)"
    assert form.draft().description == "字" * 2000 + "多"


@POPUP_WARNINGS
def test_district_is_found_by_chinese_name_pinyin_and_code(seat: Seat) -> None:
    form = seat.open()
    box = form.fields.district
    completer = box.completer_
    for typed in ("和平", "Heping", "heping", "210102"):
        completer.setCompletionPrefix(typed)
        model = completer.completionModel()
        shown = [model.index(row, 0).data() for row in range(model.rowCount())]
        assert shown == ["Heping District · Shenyang City"], typed
    completer.setCompletionPrefix("沈阳")  # the city and all its districts
    assert completer.completionModel().rowCount() == 14
    assert box.itemText(0) == "Shenyang City" and box.itemData(1) == "210102"

    box.setFocus()
    type_text("lvshunkou")  # ü typed the way an input method spells it
    press(Qt.Key.Key_Tab)  # the only match is taken
    assert box.value() == "210212" and focused() is form.fields.address
    box.setFocus()
    box.setEditText("铁西区")  # Shenyang and Anshan both have one: not guessed
    press(Qt.Key.Key_Tab)
    assert box.value() == "铁西区"  # kept as typed, and the check says choose one
    form.save()
    assert form.problems_shown()["district"] == "Choose a district from the list"


def test_social_stability_makes_the_order_critical(seat: Seat) -> None:
    form = seat.open()
    fields = form.fields
    fields.priorities[Priority.URGENT].setChecked(True)
    fields.social_stability.setChecked(True)
    assert form.draft().priority is Priority.CRITICAL and form.draft().social_stability
    assert fields.social_note.isVisible() and fields.social_note.text() == (
        "Will be passed to 110 at once"
    )
    assert not fields.priorities[Priority.NORMAL].isEnabled()
    fields.social_stability.setChecked(False)
    assert form.draft().priority is Priority.URGENT and not fields.social_note.isVisible()
    assert fields.priorities[Priority.NORMAL].isEnabled()


def test_the_110_form_has_no_field_and_no_transfer_note(seat: Seat, qtbot: QtBot) -> None:
    form = seat.open(POLICE)
    assert form.fields.field.isHidden() and form.fields.labels["field"].isHidden()
    kinds = [form.fields.kind.itemData(i) for i in range(form.fields.kind.count())]
    assert kinds and all(code.startswith("P-") for code in kinds)
    form.fields.social_stability.setChecked(True)
    assert not form.fields.social_note.isVisible()
    form.set_draft(Draft(caller_phone="024-2345 6789", kind="P-ZA", district="210100",
                         description="有人打架"))  # fmt: skip
    form.fields.kind.setFocus()
    press(Qt.Key.Key_Tab)
    assert focused() is form.fields.district
    number = save_with_ctrl_s(qtbot, form)
    order = seat.service.get(number).order
    assert order.field is None and order.origin is Platform.POLICE


def test_tab_runs_through_the_form_in_reading_order(seat: Seat) -> None:
    form = seat.open()
    fields = form.fields
    fields.caller_phone.setFocus()
    chain = [focused()]
    for _ in range(11):
        press(Qt.Key.Key_Tab)
        chain.append(focused())
    assert chain == [fields.caller_phone, fields.caller_name, fields.kind, fields.field,
                     fields.district, fields.address, fields.description,
                     fields.priorities[Priority.NORMAL], fields.social_stability,
                     fields.consent, form.save_button, fields.caller_phone]  # fmt: skip


def test_a_draft_survives_a_crash(seat: Seat, qtbot: QtBot) -> None:
    form = seat.open()
    form.start_for_call("call-7", PHONE)
    type_text("1")
    form.fields.description.setFocus()
    type_text("小区停水")
    drafts = form.drafts
    assert drafts.timer.objectName() == "draft-autosave"
    qtbot.waitUntil(lambda: "小区停水" in _text(drafts.path), timeout=2000)
    typed = form.draft()
    host = form.parentWidget()
    assert host is not None
    seat.hosts.remove(host)
    host.close()
    host.deleteLater()  # the console goes away: nothing saved, nothing flushed on purpose
    qtbot.waitUntil(lambda: not Shiboken.isValid(host))

    again = DraftStore()
    assert again.load_latest() == ("call-7", typed)
    restored = seat.open(drafts=again)
    assert restored.restore_latest() and restored.draft() == typed
    assert restored.message.text() == (
        "Restored the draft that was not saved when the console closed."
    )
    restored.set_draft(Draft())
    restored.start_for_call("call-7", PHONE)  # the same call again: its draft, not a blank form
    assert restored.draft() == typed


def test_leaving_a_field_writes_the_draft_at_once(seat: Seat, qtbot: QtBot) -> None:
    form = seat.open()
    changes: list[None] = []
    form.draft_changed.connect(lambda: changes.append(None))
    form.fields.address.setFocus()
    type_text("Zhongshan Rd")
    assert len(changes) == len("Zhongshan Rd") and form.drafts.timer.isActive()
    form.fields.description.setFocus()  # focus-out: no waiting for the timer
    assert not form.drafts.timer.isActive()
    assert form.drafts.load_latest() == (None, Draft(address="Zhongshan Rd"))


def test_one_save_at_a_time(seat: Seat, qtbot: QtBot) -> None:
    """A second Ctrl+S while the first is still saving must not make a second order."""
    release = threading.Event()
    calls: list[Draft] = []

    def slow_save(draft: Draft) -> str:
        calls.append(draft)
        release.wait(5)
        return seat.service.create(draft, HOTLINE).order.number

    form = seat.open(save=slow_save)
    form.set_draft(Draft(caller_phone=PHONE, kind="C-YJ", field="F-ST", district="210200",
                         description="建议增设公交线路"))  # fmt: skip
    form.fields.description.setFocus()
    press(Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: len(calls) == 1)
    assert not form.save_button.isEnabled() and form.message.text() == "Saving…"
    with qtbot.waitSignal(form.saved, timeout=5000):
        press(Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
        release.set()
    assert len(calls) == 1 and len(seat.service.caller_history(PHONE)) == 1


def test_a_corrupt_draft_does_not_stop_the_form(seat: Seat) -> None:
    store = DraftStore()
    store.folder.mkdir(parents=True)
    store.path.write_text('{"version": 1, "draft": {"description": ', encoding="utf-8")
    form = seat.open(drafts=store)
    assert not form.restore_latest()
    assert not store.path.exists() and list(store.folder.glob("current.json.*.corrupt"))
    assert form.message.text().startswith("A saved draft could not be read and was moved to")
    assert form.draft() == Draft()


def test_another_call_sets_an_unsaved_draft_aside(seat: Seat) -> None:
    form = seat.open()
    form.start_for_call("call-1", PHONE)
    form.fields.description.setFocus()
    type_text("上一通电话的内容")
    form.start_for_call("call-2", "13900001111")
    assert form.draft() == Draft(caller_phone="13900001111")
    (aside,) = form.drafts.folder.glob("set-aside-*.json")
    assert "上一通电话的内容" in _text(aside) and str(aside) in form.message.text()


def test_the_service_refusing_or_failing_keeps_the_draft(seat: Seat, qtbot: QtBot) -> None:
    answers: list[Exception] = [
        InvalidDraft([Problem("district", "district_missing")]),  # retired meanwhile
        sqlite3.OperationalError("database is locked"),  # said as a sentence, not as SQLite
    ]

    def save(draft: Draft) -> str:
        raise answers.pop(0)

    form = seat.open(save=save)
    typed = Draft(caller_phone=PHONE, kind="C-ZX", field="F-GF", district="210102",
                  description="咨询社保")  # fmt: skip
    form.set_draft(typed)
    form.save()
    qtbot.waitUntil(lambda: bool(form.problems_shown()))
    assert form.problems_shown() == {"district": "Choose a district from the list"}
    assert focused() is form.fields.district
    form.save()
    qtbot.waitUntil(lambda: "busy" in form.message.text())
    assert form.message.text() == (
        "Not saved: The database is busy with another seat's change: try again. "
        "Everything typed is still here; press Ctrl+S to try again."
    )
    assert form.draft() == typed and form.save_button.isEnabled()


def test_every_problem_code_has_its_own_text(seat: Seat) -> None:
    form = seat.open()
    params: dict[str, str | int] = {"max": 9, "length": 10, "kind": "刑事", "platform": "12345"}
    for code in MESSAGES_ZH:
        text = form.problem_text(Problem("x", code, params))
        assert text and text != Problem("x", code, params).message, code


@pytest.fixture
def chinese(qapp: QApplication, tmp_path: Path) -> Iterator[None]:
    lrelease = ROOT / ".venv" / "bin" / "pyside6-lrelease"
    if not lrelease.exists():
        pytest.skip("pyside6-lrelease is not installed in .venv")
    qm = tmp_path / "console_zh_CN.qm"
    source = ROOT / "resources" / "i18n" / "console_zh_CN.ts"
    subprocess.run([str(lrelease), str(source), "-qm", str(qm)], check=True, capture_output=True)
    translators = install_translators(qapp, "zh_CN", folder=tmp_path)
    QLocale.setDefault(QLocale(QLocale.Language.Chinese, QLocale.Country.China))
    yield
    QLocale.setDefault(QLocale.c())
    for translator in translators:
        qapp.removeTranslator(translator)


@pytest.mark.usefixtures("chinese")
def test_the_form_speaks_chinese(seat: Seat) -> None:
    form = seat.open()
    fields = form.fields
    assert fields.consent.text() == "已与诉求人协商同意转接(&L)"
    fields.social_stability.setChecked(True)
    assert fields.social_note.text() == "将第一时间转交110"
    assert fields.district.itemText(1) == "和平区 · 沈阳市"
    assert fields.kind.itemText(0) == "1  咨询"
    form.set_draft(Draft(caller_phone="123"))
    form.save()
    assert form.problems_shown()["caller_phone"] == MESSAGES_ZH["phone_format"]
    assert form.problems_shown()["kind"] == "请选择诉求类型"


def _text(path: Path) -> str:
    try:
        return path.read_text(encoding="utf-8")
    except FileNotFoundError:
        return ""
