"""The emergency board against the in-memory incident service (tests/ui/incident_doubles.py):
what it lists, its keys and forms, a refusal said in the form with the draft kept, the wall,
and what an agent does not get."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from pytestqt.qtbot import QtBot

from console.domain.catalogue import District, parse_districts
from console.domain.emergency import EventType, Level, PartnerState
from console.domain.orders import Platform
from console.domain.roles import Seated
from console.ui.emergency import emergency_board
from console.ui.emergency.board import EmergencyBoard
from console.ui.emergency.dialogs import AnswerDialog, LevelDialog, StandDownDialog
from console.ui.emergency.start_dialog import StartDialog
from tests.principals import admin, at_seat, lead
from tests.ui.incident_doubles import FakeIncidents, seeded
from tests.ui.ops_doubles import InlineOperations

SEED = Path(__file__).resolve().parents[2] / "db" / "seed" / "districts.csv"
ALT = Qt.KeyboardModifier.AltModifier
CTRL = Qt.KeyboardModifier.ControlModifier
pytestmark = pytest.mark.qt_log_ignore(r"This plugin does not support propagateSizeHints")


@pytest.fixture
def districts() -> list[District]:
    return parse_districts(SEED.read_text(encoding="utf-8"))


def make(
    qtbot: QtBot, by: Seated, fake: FakeIncidents, districts: list[District]
) -> EmergencyBoard:
    board = emergency_board(fake, by=by, ops=InlineOperations(), clock=lambda: fake.now,
                            districts=districts, chinese=True, kind_names={})  # fmt: skip
    assert board is not None
    qtbot.addWidget(board)
    board.resize(1366, 700)
    board.show()
    board.activateWindow()
    qtbot.waitUntil(board.isActiveWindow)
    return board


@pytest.fixture
def shift_lead() -> Seated:
    return lead("张班长", "A-09", Platform.HOTLINE)


def test_the_board_lists_the_incidents_and_the_selected_ones_partners(
    qtbot: QtBot, shift_lead: Seated, districts: list[District]
) -> None:
    fake = seeded(shift_lead)
    board = make(qtbot, shift_lead, fake, districts)
    assert board.model.rowCount() == 3
    first = board.model.line_at(0)
    assert (first.level, first.partners, first.overdue, first.drill) == (Level.II, 8, 2, False)
    assert board.model.index(0, 0).data().startswith("Ⅱ ")  # the numeral, not the colour alone
    assert board.model.line_at(1).drill and "DRILL" in board.model.index(1, 1).data()
    assert board.selected() == first
    partners = board.pane.partners_model
    assert partners.rowCount() == 8
    states = [partners.partner_at(r).state for r in range(8)]
    assert states[:2] == [PartnerState.OVERDUE] * 2  # overdue first
    assert partners.index(0, 0).data().startswith("⚠")
    assert board.pane.orders_model.rowCount() == 3
    assert "2" in board.summary.text()


def test_a_refresh_keeps_the_selection(
    qtbot: QtBot, shift_lead: Seated, districts: list[District]
) -> None:
    fake = seeded(shift_lead)
    board = make(qtbot, shift_lead, fake, districts)
    board.table.selectRow(1)
    drill = board.model.line_at(1).number
    qtbot.waitUntil(lambda: board.pane.heading.text().find(drill) >= 0)
    with qtbot.waitSignal(board.loaded):
        board.refresh()
    assert board.selected() is not None and board.selected().number == drill  # type: ignore[union-attr]


def test_keys_open_the_forms(qtbot: QtBot, shift_lead: Seated, districts: list[District]) -> None:
    fake = seeded(shift_lead)
    board = make(qtbot, shift_lead, fake, districts)
    for key, kind in ((Qt.Key.Key_N, StartDialog), (Qt.Key.Key_V, LevelDialog),
                      (Qt.Key.Key_K, AnswerDialog), (Qt.Key.Key_T, StandDownDialog)):  # fmt: skip
        QTest.keyClick(board, key, ALT)
        qtbot.waitUntil(lambda kind=kind: isinstance(board.form, kind))
        form = board.form
        assert form is not None
        form.reject()
        qtbot.waitUntil(lambda: board.form is None)
        board.activateWindow()
        qtbot.waitUntil(board.isActiveWindow)


def test_a_level_change_goes_through_the_service(
    qtbot: QtBot, shift_lead: Seated, districts: list[District]
) -> None:
    fake = seeded(shift_lead)
    board = make(qtbot, shift_lead, fake, districts)
    QTest.keyClick(board, Qt.Key.Key_V, ALT)
    qtbot.waitUntil(lambda: isinstance(board.form, LevelDialog))
    form = board.form
    assert isinstance(form, LevelDialog)
    assert form.value().level is Level.I  # one up is offered first
    form.note.setText("火势扩大")
    qtbot.waitUntil(form.isActiveWindow)
    with qtbot.waitSignal(board.done):
        QTest.keyClick(form, Qt.Key.Key_Return, CTRL)
    assert fake.calls[-1][0] == "change_level"
    assert board.form is None
    qtbot.waitUntil(lambda: board.model.line_at(0).level is Level.I)


def test_a_refusal_is_said_in_the_form_and_the_draft_is_kept(
    qtbot: QtBot, shift_lead: Seated, districts: list[District]
) -> None:
    fake = FakeIncidents()
    board = make(qtbot, shift_lead, fake, districts)
    board.start()
    form = board.form
    assert isinstance(form, StartDialog)
    form.event_type.setCurrentIndex(form.event_type.findData(EventType.ACCIDENT))
    form.level.setCurrentIndex(form.level.findData(Level.II))
    form.district.set_value("210103")
    assert "8" in form.preview_title.text() and form.preview_list.count() == 8  # before confirming
    form.summary.setText("燃气管道破裂起火")  # no place
    form.submit()
    assert "where" in form.message.text().lower() or "地点" in form.message.text()
    assert board.form is form and form.isVisible()
    assert form.summary.text() == "燃气管道破裂起火" and form.district.value() == "210103"
    form.place.setText("青年大街")
    form.drill.setChecked(True)
    with qtbot.waitSignal(board.loaded):
        form.submit()
    assert board.form is None
    line = board.model.line_at(0)
    assert line.drill and line.partners == 8 and line.level is Level.II


def test_a_partner_is_answered_by_hand_and_notified_again(
    qtbot: QtBot, shift_lead: Seated, districts: list[District]
) -> None:
    fake = seeded(shift_lead)
    board = make(qtbot, shift_lead, fake, districts)
    board.pane.partners.selectRow(0)  # an overdue one
    overdue = board.pane.selected_partner()
    assert overdue is not None and board.buttons["em_repeat"].isEnabled()
    QTest.keyClick(board, Qt.Key.Key_R, ALT)
    qtbot.waitUntil(lambda: bool(fake.calls) and fake.calls[-1][0] == "repeat")
    qtbot.waitUntil(
        lambda: (
            board.pane.selected_partner() is not None
            and board.pane.selected_partner().attempts == 2
        )
    )  # type: ignore[union-attr]
    board.record_answer()
    form = board.form
    assert isinstance(form, AnswerDialog)
    assert form.partner.currentData() == overdue.code  # the selected partner, by default
    form.submit()  # nobody named: refused, kept open
    assert form.isVisible() and form.message.text()
    form.who.setText("抢修班 周师傅")
    with qtbot.waitSignal(board.loaded):
        form.submit()
    name, args = fake.calls[-1]
    assert name == "record_answer" and args[1] == overdue.code and args[4] is None  # at: now
    assert board.model.line_at(0).overdue == 1


def test_wall_mode_comes_and_goes(
    qtbot: QtBot, shift_lead: Seated, districts: list[District]
) -> None:
    fake = seeded(shift_lead)
    board = make(qtbot, shift_lead, fake, districts)
    QTest.keyClick(board, Qt.Key.Key_F11, Qt.KeyboardModifier.ShiftModifier)
    qtbot.waitUntil(board.wall.isVisible)
    texts = " ".join(w.text() for w in board.wall.findChildren(type(board.summary)))
    assert "Ⅱ" in texts and "国网沈阳供电公司调度" in texts  # the overdue partners named
    QTest.keyClick(board.wall, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: not board.wall.isVisible())


def test_an_agent_sees_the_board_without_the_actions(
    qtbot: QtBot, shift_lead: Seated, districts: list[District]
) -> None:
    fake = seeded(shift_lead)
    agent = at_seat("王丽", "A-01", Platform.HOTLINE)
    board = make(qtbot, agent, fake, districts)
    assert board.model.rowCount() == 3
    assert not any(b.isVisible() for b in board.buttons.values())
    assert board.wall_button.isVisible()
    QTest.keyClick(board, Qt.Key.Key_N, ALT)
    board.start()
    assert board.form is None and fake.calls == []


def test_no_board_for_who_may_not_see_incidents(districts: list[District]) -> None:
    fake = FakeIncidents()
    none = emergency_board(fake, by=admin(), ops=InlineOperations(), clock=lambda: fake.now,
                           districts=districts, chinese=True, kind_names={})  # fmt: skip
    assert none is None
