"""The shift lead's hot spots (热点): listed with their evidence, an order opened from one, one
taken up as a verification order to the district government proposed first, a refusal said with
the department kept, a taken-up one not offered again."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from pytestqt.qtbot import QtBot

from console.domain.hotspots import State
from console.domain.orders import Platform
from console.domain.refusals import Refused
from console.ui.hotspots import HotspotView, hotspot_view
from tests.principals import lead
from tests.ui.ops_doubles import InlineOperations
from tests.ui.wall_doubles import DEPARTMENTS, FakeHotspots

LEAD = lead("张班长", "A-09", Platform.HOTLINE)
DISTRICTS = {"210102": "和平区", "210103": "沈河区"}
SUBJECTS = {"C-TS": "投诉", "F-GR": "供热"}


def make(qtbot: QtBot, fake: FakeHotspots) -> HotspotView:
    view = hotspot_view(fake, by=LEAD, ops=InlineOperations(), departments=lambda: DEPARTMENTS,
                        district_names=DISTRICTS, subject_names=SUBJECTS,
                        chinese=True)  # fmt: skip
    assert view is not None
    qtbot.addWidget(view)
    view.resize(1366, 700)
    view.show()
    view.activateWindow()
    qtbot.waitUntil(view.isActiveWindow)
    return view


def test_it_lists_the_hot_spots_with_their_evidence(qtbot: QtBot) -> None:
    view = make(qtbot, FakeHotspots())
    assert view.model.rowCount() == 4
    assert "3 to verify · 1 taken up" in view.summary.text()
    evidence = view.evidence.text()
    assert "和平区 · 投诉" in evidence and "11 orders in the window" in evidence
    assert "2、1、–、3、2、1、2" in evidence and "threshold 6.1" in evidence
    assert view.orders.count() == 11
    assert view.department.currentText().startswith("和平区人民政府")  # its government first
    opened: list[str] = []
    view.order_activated.connect(opened.append)
    view.orders.setCurrentRow(2)
    QTest.keyClick(view.orders, Qt.Key.Key_Return)
    assert opened == ["H202612050003"]


def test_a_hot_spot_is_taken_up_and_not_offered_again(qtbot: QtBot) -> None:
    fake = FakeHotspots()
    view = make(qtbot, fake)
    with qtbot.waitSignal(view.done):
        QTest.keyClick(view, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    assert fake.taken == [(1, "210102-GOV")]
    assert "sent to 和平区人民政府" in view.message.text()
    assert view.selected() is not None and view.selected().state is State.TAKEN_UP  # type: ignore[union-attr]
    assert "✔ Taken up" in view.evidence.text() and "H202612050300" in view.evidence.text()
    assert not view.take_button.isVisible() and not view.department.isVisible()
    view.take_up()  # the key again: nothing more
    assert fake.taken == [(1, "210102-GOV")]


def test_a_refusal_is_said_and_the_department_kept(qtbot: QtBot) -> None:
    fake = FakeHotspots()
    view = make(qtbot, fake)
    view.table.selectRow(1)  # the repeat at one address in 沈河区
    assert view.department.currentText().startswith("沈河区人民政府")
    view.department.setEditText("沈阳市供暖集团  210100-HEAT")
    fake.refuse = Refused("unknown_department", department="210100-HEAT")
    view.take_up()
    assert "not a department in the directory" in view.message.text()
    assert view.department.currentText() == "沈阳市供暖集团  210100-HEAT"  # the draft kept
    view.table.selectRow(0)
    view.table.selectRow(1)  # away and back: still the draft
    assert view.department.currentText() == "沈阳市供暖集团  210100-HEAT"
    view.take_up()
    assert fake.taken == [(2, "210100-HEAT")]


def test_one_taken_up_elsewhere_meanwhile_is_said_and_shown(qtbot: QtBot) -> None:
    fake = FakeHotspots()
    view = make(qtbot, fake)
    other = lead("李班长", "A-10", Platform.HOTLINE)
    fake.take_up(other, 1, "210102-HEAT")  # another lead, a moment ago
    view.take_up()
    assert "already taken up" in view.message.text()
    assert view.selected().state is State.TAKEN_UP  # type: ignore[union-attr]


def test_the_threshold_column_says_which_rule_fired_and_never_a_bare_zero(qtbot: QtBot) -> None:
    view = make(qtbot, FakeHotspots())
    model = view.model
    shown = {
        model.spot_at(r).id: model.index(r, model.THRESHOLD).data() for r in range(model.rowCount())
    }
    assert shown[1] == "6.1" and shown[2] == "repeats ≥ 3"
    assert shown[4] == "— no baseline: minimum count" and "0.0" not in shown.values()
    row = model.row_of(4)
    assert row is not None
    assert model.index(row, model.DIMENSION).data() == "keyword group"
    view.table.selectRow(row)
    evidence = view.evidence.text()
    assert "110→12345 1.3 供暖不热、停暖" in evidence and "6 orders in the window" in evidence
    assert "no threshold, it fired on the minimum count" in evidence and "0.0" not in evidence
