"""Emergency partners overdue on the shift lead's alarm panel (issue 15): one line each, in
words (not colour alone), a drill marked; the lead acknowledges one with a note and the line
then says who; an account that may not run incidents is refused by the service."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from pytestqt.qtbot import QtBot

from console.domain.alarm_levels import AlarmLevel
from console.domain.emergency import Level
from console.domain.orders import Platform
from console.domain.roles import Seated
from console.store.alarms import AlarmView
from console.ui.alarms.incident_alarms import IncidentAlarmStrip
from console.ui.alarms.panel import AlarmPanel
from tests.principals import at_seat, lead
from tests.ui.incident_intake_doubles import FakeIncidents, incident, overdue
from tests.ui.ops_doubles import InlineOperations

LEAD = lead("刘强", "A-09", Platform.HOTLINE)
AGENT = at_seat("王丽", "A-01", Platform.HOTLINE)
GAS = "12345-YJ-20261205-001"
DRILL = "12345-YJ-20261205-002"


class NoDeadlines:
    """The deadline alarms' service, with none open."""

    def panel(self) -> tuple[list[AlarmView], dict[AlarmLevel, int]]:
        return [], dict.fromkeys(AlarmLevel, 0)

    def open_counts(self) -> dict[AlarmLevel, int]:
        return dict.fromkeys(AlarmLevel, 0)


def scene() -> FakeIncidents:
    gas, drill = incident(GAS, level=Level.II), incident(DRILL, level=Level.III, drill=True)
    fake = FakeIncidents().add(gas, drill)
    fake.alarms[1] = overdue(1, gas, "119 消防救援指挥中心", attempt=2)
    fake.alarms[2] = overdue(2, drill, "燃气集团调度室", attempt=1)
    return fake


def open_panel(
    qtbot: QtBot, fake: FakeIncidents, by: Seated = LEAD
) -> tuple[AlarmPanel, IncidentAlarmStrip]:  # the panel too: qtbot holds it only weakly
    panel = AlarmPanel(NoDeadlines(), kind_names={}, by=by, ops=InlineOperations(),  # type: ignore[arg-type]
                       seat=by.seat, incidents=fake)  # fmt: skip
    qtbot.addWidget(panel)
    panel.refresh()
    assert panel.incidents is not None
    return panel, panel.incidents


def lines(strip: IncidentAlarmStrip) -> list[str]:
    return [strip.list.item(i).text() for i in range(strip.list.count())]


def test_the_panel_shows_partners_overdue_and_the_lead_acknowledges_one(
    qtbot: QtBot, chinese: None
) -> None:
    fake = scene()
    _panel, strip = open_panel(qtbot, fake)
    assert not strip.isHidden()
    assert lines(strip) == [
        f"● 联动单位超时未确认：119 消防救援指挥中心 · {GAS} Ⅱ级 · 第 2 次通知 · 告警于 12-05 10:32",
        f"● 【演练】联动单位超时未确认：燃气集团调度室 · {DRILL} Ⅲ级 · 第 1 次通知 · 告警于 12-05 10:32",
    ]
    assert strip.list.item(0).font().bold()  # an open line: the mark, bold, and the words
    assert strip.selected() == fake.alarms[1] and strip.ack_button.isEnabled()
    strip.ack_button.click()  # no note: the service refuses, nothing is acknowledged
    assert strip.message.text() == "请填写确认说明。"
    assert fake.alarms[1].acknowledged_by is None
    strip.note.setText("已电话催办，119 回复已出警")
    QTest.keyClick(strip.note, Qt.Key.Key_Return)  # Enter in the note acknowledges too
    assert fake.alarms[1].acknowledged_by == "刘强"
    assert strip.message.text() == f"已确认：119 消防救援指挥中心（{GAS}）。"
    assert strip.note.text() == ""
    assert lines(strip)[1] == (
        f"联动单位超时未确认：119 消防救援指挥中心 · {GAS} Ⅱ级 · 第 2 次通知 · 告警于 12-05 10:32"
        "（刘强 已确认：已电话催办，119 回复已出警）"
    )  # acknowledged: after the open ones, greyed, no mark, who and the note
    assert not strip.list.item(1).font().bold()
    strip.list.setCurrentRow(1)
    assert not strip.ack_button.isEnabled()  # nothing more to acknowledge on that line


def test_an_agent_sees_them_but_the_service_refuses_the_acknowledgement(qtbot: QtBot) -> None:
    fake = scene()
    _panel, strip = open_panel(qtbot, fake, AGENT)
    assert len(lines(strip)) == 2 and not strip.ack_button.isEnabled()
    strip.note.setText("知道了")
    strip.acknowledge()  # the key a disabled button does not stop: the service says no
    assert strip.message.text() == "Your roles do not allow this."
    assert all(a.acknowledged_by is None for a in fake.alarms.values())


def test_the_strip_refreshes_when_told_and_hides_with_no_alarm(qtbot: QtBot) -> None:
    fake = FakeIncidents()
    panel = AlarmPanel(NoDeadlines(), kind_names={}, by=LEAD, ops=InlineOperations(),  # type: ignore[arg-type]
                       incidents=fake)  # fmt: skip
    qtbot.addWidget(panel)
    panel.refresh()
    assert panel.incidents is not None and panel.incidents.isHidden()
    line = incident(GAS)
    fake.add(line).alarms[5] = overdue(5, line, "市第一人民医院", attempt=3)
    panel.refresh_incidents()  # the alarm scheduler raised one
    assert lines(panel.incidents) == [
        f"● Partner overdue: 市第一人民医院 · {GAS} Level Ⅱ · notice 3 · raised 12-05 10:32"
    ]
    assert fake.asked == ["open_alarms", "open_alarms"]
