"""Linking a call to an active incident at intake (issue 15): the intake form offers the active
incidents of the caller's district's city, Ctrl+L links the order being typed and unlinks it,
the link is stored right after the save, a stale answer is dropped, a draft keeps the choice,
and nothing takes the focus from the agent."""

from __future__ import annotations

from collections.abc import Callable
from datetime import timedelta
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QVBoxLayout, QWidget
from pytestqt.qtbot import QtBot

from console.domain.emergency import EventType, Level
from console.domain.intake import Draft
from console.domain.orders import Platform
from console.domain.roles import Seated
from console.store.seed import load_seed
from console.ui.operations import Operations
from console.ui.seat.drafts import DraftCall, DraftFileError, DraftStore, draft_from_json
from console.ui.seat.incident_offer import IncidentOffer
from console.ui.seat.intake_form import IntakeForm
from tests.principals import at_seat, nobody
from tests.ui.incident_intake_doubles import T0, FakeIncidents, incident
from tests.ui.ops_doubles import HeldOperations, InlineOperations

# Offscreen only: the host's size hints change as the offer shows and hides.
pytestmark = pytest.mark.qt_log_ignore(r"This plugin does not support propagateSizeHints")
AGENT = at_seat("王丽", "A-01", Platform.HOTLINE)
PHONE = "13812345678"
NOW = T0 + timedelta(minutes=42)
GAS = "12345-YJ-20261205-001"  # 和平区 (沈阳), Ⅱ, started 42 min before NOW
FIRE = "12345-YJ-20261205-002"  # 沈河区 (沈阳), Ⅰ, a drill, started 12 min before NOW
PORT = "12345-YJ-20261205-003"  # 中山区 (大连)
CTRL = Qt.KeyboardModifier.ControlModifier
READY = Draft(caller_phone=PHONE, kind="C-TS", field="F-SH", district="210104",
              description="闻到燃气味", consent=True)  # fmt: skip


def service() -> FakeIncidents:
    return FakeIncidents().add(
        incident(GAS, "210102", Level.II),
        incident(
            FIRE,
            "210103",
            Level.I,
            event_type=EventType.NATURAL,
            place="北市场",
            drill=True,
            started_at=T0 + timedelta(minutes=30),
        ),
        incident(PORT, "210202", Level.III, place="大连港"),
    )


class Desk:
    """An intake form with the incident offer, hosted and shown like the console's."""

    def __init__(self, qtbot: QtBot, tmp_path: Path) -> None:
        self.qtbot, self.tmp_path = qtbot, tmp_path
        self.fake = service()
        self.orders: list[Draft] = []
        self.hosts: list[QWidget] = []

    def save(self, draft: Draft) -> str:
        self.orders.append(draft)
        return f"12345-20261205-{len(self.orders):06d}"

    def open(
        self,
        ops: Operations | None = None,
        by: Seated = AGENT,
        drafts: DraftStore | None = None,
        save: Callable[[Draft], str] | None = None,
    ) -> IntakeForm:
        kinds, fields, districts = load_seed()
        ops = ops or InlineOperations()
        offer = IncidentOffer(self.fake, by=by, ops=ops, clock=lambda: NOW)
        form = IntakeForm(platform=Platform.HOTLINE, kinds=kinds, fields=fields,
                          districts=districts, save=save or self.save, ops=ops,
                          drafts=drafts or DraftStore(self.tmp_path / "drafts"),
                          incidents=offer)  # fmt: skip
        host = QWidget()
        QVBoxLayout(host).addWidget(form)
        self.qtbot.addWidget(host)
        self.hosts.append(host)
        host.show()
        host.activateWindow()
        self.qtbot.waitUntil(host.isActiveWindow)
        return form


@pytest.fixture
def desk(qtbot: QtBot, tmp_path: Path) -> Desk:
    return Desk(qtbot, tmp_path)


def offered(form: IntakeForm) -> list[str]:
    offer = form.incidents
    assert offer is not None
    if offer.isHidden():
        return []
    return [offer.list.item(i).text() for i in range(offer.list.count())]


def choose_district(form: IntakeForm, code: str) -> None:
    """As the agent picks it from the district list (a change by the agent, not a load)."""
    form.fields.district.setCurrentIndex(form.fields.district.findData(code))


def ctrl_l() -> None:
    focus = QApplication.focusWidget()
    assert focus is not None
    QTest.keyClick(focus, Qt.Key.Key_L, CTRL)


def test_the_city_s_incidents_are_offered_for_the_district_and_none_for_another(
    desk: Desk, chinese: None
) -> None:
    form = desk.open()
    form.start_for_call("call-1", PHONE)
    assert offered(form) == []  # no district yet: nothing asked, nothing shown
    form.fields.address.setFocus()
    choose_district(form, "210104")  # 大东区: the incidents of 沈阳, the most severe first
    assert offered(form) == [
        "Ⅰ级 特别重大 · 自然灾害 · 北市场 · 12 分钟前 · 演练",
        "Ⅱ级 重大 · 事故灾难 · 南京北街 12 号 · 42 分钟前",
    ]
    offer = form.incidents
    assert offer is not None
    assert offer.header.text() == "本市进行中的突发事件：按 Ctrl+L 将本工单关联到所选事件"
    assert offer.list.item(0).toolTip().startswith(f"{FIRE} 红色")  # the colour, in words too
    assert form.fields.address.hasFocus()  # the offer took nothing from the agent
    choose_district(form, "210202")  # 中山区, 大连
    assert offered(form) == ["Ⅲ级 较大 · 事故灾难 · 大连港 · 42 分钟前"]
    choose_district(form, "210302")  # 鞍山: no active incident, nothing shown
    assert offered(form) == [] and offer.isHidden()
    assert desk.fake.asked == ["active_for 210104", "active_for 210202", "active_for 210302"]


def test_ctrl_l_links_the_selected_incident_and_again_unlinks(desk: Desk) -> None:
    form = desk.open()
    form.start_for_call("call-1", PHONE)
    choose_district(form, "210102")
    form.fields.description.setFocus()
    ctrl_l()  # the first offered: the most severe
    assert form.linked_incident() == FIRE
    offer = form.incidents
    assert offer is not None
    assert offer.header.text() == f"Linked to incident {FIRE} (Ctrl+L unlinks)"
    assert offered(form)[0].startswith("✔ Level I, extremely serious")
    ctrl_l()
    assert form.linked_incident() is None and not offered(form)[0].startswith("✔")
    second = offer.list.visualItemRect(offer.list.item(1)).center()
    QTest.mouseClick(offer.list.viewport(), Qt.MouseButton.LeftButton, pos=second)
    assert form.fields.description.hasFocus()  # a click selects; the typing goes on
    ctrl_l()
    assert form.linked_incident() == GAS
    choose_district(form, "210302")  # another city: the link chosen stays, and is said
    assert form.linked_incident() == GAS and not offer.isHidden()
    assert offered(form) == []


def test_the_link_is_stored_right_after_the_order_is_saved(desk: Desk, chinese: None) -> None:
    def save(draft: Draft) -> str:
        assert len(desk.fake.links) == len(desk.orders)  # never a link before its order
        return desk.save(draft)

    form = desk.open(save=save)
    form.start_for_call("call-1", PHONE)
    form.set_draft(READY)
    form.fields.description.setFocus()
    ctrl_l()
    with desk.qtbot.waitSignal(form.saved) as saved:
        QTest.keyClick(form.fields.description, Qt.Key.Key_S, CTRL)
    number = saved.args[0]
    assert desk.fake.links == [(FIRE, number)]
    assert desk.fake.incidents_of(number) == [FIRE]
    assert form.message.text() == f"已保存，工单号 {number}。已关联突发事件 {FIRE}。"
    assert form.linked_incident() is None  # the next matter starts unlinked
    with desk.qtbot.waitSignal(form.saved) as saved:  # and is saved without a link
        form.set_draft(READY)
        form.save()
    assert desk.fake.links == [(FIRE, number)]


def test_a_refused_link_is_said_and_never_loses_the_saved_order(desk: Desk) -> None:
    form = desk.open()
    form.start_for_call("call-1", PHONE)
    form.set_draft(READY)
    form.fields.description.setFocus()
    ctrl_l()
    desk.fake.stand_down(FIRE)  # the lead stood it down while the agent typed
    with desk.qtbot.waitSignal(form.saved) as saved:
        form.save()
    number = saved.args[0]
    assert [o.description for o in desk.orders] == ["闻到燃气味"] and desk.fake.links == []
    assert form.message.text() == (
        f"Saved as {number}. Not linked to incident {FIRE}: The response to {FIRE} has been "
        f"stood down. The order {number} is saved."
    )
    assert form.draft() == Draft(caller_phone=PHONE) and not form.drafts.path.exists()


def test_an_account_that_may_not_link_is_refused_by_the_service(desk: Desk) -> None:
    form = desk.open(by=nobody("A-03"))
    form.set_draft(READY)
    form.fields.description.setFocus()
    ctrl_l()
    with desk.qtbot.waitSignal(form.saved):
        form.save()
    assert desk.fake.links == [] and "Your roles do not allow this." in form.message.text()


def test_an_answer_for_a_district_no_longer_chosen_is_dropped(desk: Desk) -> None:
    ops = HeldOperations()
    form = desk.open(ops=ops)
    choose_district(form, "210102")  # 沈阳 asked…
    choose_district(form, "210202")  # …then 大连, before 沈阳's answer came
    assert len(ops.asks) == 2
    ops.answer()  # 沈阳's answer: stale, dropped
    assert offered(form) == []
    ops.answer()
    assert offered(form) == ["Level III, major · Accident disaster · 大连港 · 42 min ago"]
    choose_district(form, "210102")
    ops.answer()
    assert len(offered(form)) == 2
    choose_district(form, "210103")  # the same city: 和平's offer stays until 沈河's answer
    assert len(offered(form)) == 2
    choose_district(form, "210202")  # 大连 again, before 沈河's answer
    assert offered(form) == []
    ops.answer()  # 沈河's: stale
    assert offered(form) == []
    ops.answer()
    assert offered(form) == ["Level III, major · Accident disaster · 大连港 · 42 min ago"]


def test_the_draft_keeps_the_link_through_a_crash_and_back_onto_its_call(
    desk: Desk, tmp_path: Path
) -> None:
    store = DraftStore(tmp_path / "kept")
    form = desk.open(drafts=store)
    form.start_for_call("call-7", PHONE)
    choose_district(form, "210102")
    form.fields.description.setFocus()
    ctrl_l()
    store.flush()
    saved = store.load_latest()
    assert saved is not None and saved.incident == FIRE
    assert saved.call == DraftCall("call-7", PHONE)

    again = desk.open(drafts=DraftStore(tmp_path / "kept"))  # the console started again
    assert again.restore_latest()
    assert again.linked_incident() is None  # offered, not yet restored
    again.restore_offered()
    assert again.linked_incident() == FIRE and again.draft().district == "210102"
    assert offered(again)[0].startswith("✔ ")
    again.start_for_call("call-8", "13900000000")  # another caller: set aside, unlinked
    assert again.linked_incident() is None
    third = desk.open(drafts=DraftStore(tmp_path / "kept"))
    third.fields.description.setFocus()
    third.start_for_call("call-8", "13900000000")
    choose_district(third, "210202")
    ctrl_l()
    assert third.linked_incident() == PORT
    third.drafts.flush()
    third.start_for_call("call-8", "13900000000")  # its own call: the draft and its link
    assert third.linked_incident() == PORT


def test_the_draft_file_keeps_the_incident_and_reads_older_files() -> None:
    text = '{"version": 1, "call_id": null, "caller": null, "draft": {"description": "漏水"}}'
    assert draft_from_json(text).incident is None  # written before incidents were linked
    with pytest.raises(DraftFileError, match="incident must be a string"):
        draft_from_json(text.replace('"draft"', '"incident": 7, "draft"'))
