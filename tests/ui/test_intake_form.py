"""The intake form on a real database: an agent fills it in with the keyboard only and saves.

Saving goes through the real OrderService on a real Worker thread. Chinese text is typed the
way an input method delivers it (a commit string), ASCII with key presses.
"""

from __future__ import annotations

import subprocess
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QLocale, Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from console.domain.intake import MESSAGES_ZH, Draft, Problem
from console.domain.orders import Platform, Priority
from console.ui.qt_app import install_translators
from tests.ui.intake_harness import (
    PHONE,
    POLICE,
    POPUP_WARNINGS,
    ROOT,
    Seat,
    focused,
    press,
    save_with_ctrl_s,
    type_text,
)


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
    assert fields.consent.text() == "已与诉求人协商同意转接(&E)"
    fields.social_stability.setChecked(True)
    assert fields.social_note.text() == "将第一时间转交110"
    assert fields.district.itemText(1) == "和平区 · 沈阳市"
    assert fields.kind.itemText(0) == "1  咨询"
    form.set_draft(Draft(caller_phone="123"))
    form.save()
    assert form.problems_shown()["caller_phone"] == MESSAGES_ZH["phone_format"]
    assert form.problems_shown()["kind"] == "请选择诉求类型"
