"""The alarm UI iterates the levels the domain declares: every level has its chip, colour, name
and filter item, and the panel's counts are a mapping of every level (not three numbers)."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from pytestqt.qtbot import QtBot

from console.domain.alarm_levels import AlarmLevel
from console.domain.orders import Platform
from console.store.alarms import AlarmView
from console.ui.alarms.model import LEVEL_COLOURS, LEVELS, level_names
from console.ui.alarms.panel import AlarmPanel
from tests.principals import lead
from tests.ui.ops_doubles import InlineOperations

NOW = datetime(2026, 11, 23, 2, tzinfo=UTC)


def alarm(n: int, level: AlarmLevel) -> AlarmView:
    return AlarmView(
        id=n, number=f"12345-20261123-{n:06d}", kind="C-TS", owner="12345", status="in_work",
        deadline="feedback", level=level, due_at=NOW + timedelta(hours=n), raised_at=NOW,
        acknowledged_by=None, ack_note=None, escalated_to=None, seat="A-01",
    )  # fmt: skip


class Alarms:
    """The panel's service, answering with a fixed list."""

    def __init__(self, alarms: list[AlarmView]) -> None:
        self._alarms = alarms

    def open_alarms(self) -> list[AlarmView]:
        return self._alarms

    def panel(self) -> tuple[list[AlarmView], dict[AlarmLevel, int]]:
        counts = dict.fromkeys(AlarmLevel, 0)
        for a in self._alarms:
            counts[a.level] += a.acknowledged_by is None
        return self._alarms, counts

    def open_counts(self) -> dict[AlarmLevel, int]:  # the panel's first read, alone
        return self.panel()[1]


def test_chips_colours_names_filters_and_counts_cover_every_level(qtbot: QtBot) -> None:
    shown = [
        alarm(1, AlarmLevel.OVERDUE),
        alarm(2, AlarmLevel.WARNING),
        alarm(3, AlarmLevel.OVERDUE),
    ]
    by = lead("值班长", "A-01", Platform.HOTLINE)
    panel = AlarmPanel(Alarms(shown), kind_names={}, by=by, ops=InlineOperations())  # type: ignore[arg-type]
    qtbot.addWidget(panel)
    with qtbot.waitSignal(panel.counts_changed) as counted:
        panel.refresh()
    counts = counted.args[0]
    assert list(counts) == list(LEVELS)
    assert counts == {AlarmLevel.WARNING: 1, AlarmLevel.DUE: 0, AlarmLevel.OVERDUE: 2}
    assert list(LEVELS) == sorted(AlarmLevel, key=lambda level: level.rank)
    assert set(LEVEL_COLOURS) == set(level_names()) == set(panel.chips) == set(AlarmLevel)
    offered = [panel.level_box.itemData(i) for i in range(1, panel.level_box.count())]
    assert offered == [level.value for level in LEVELS]
