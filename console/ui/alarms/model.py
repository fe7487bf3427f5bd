"""Table model of open alarms (告警) for the shift lead, soonest deadline first.

Rows are whatever the panel gives :meth:`AlarmTableModel.set_alarms` (the panel asks the
service); the model never queries the database. The time-left column depends on ``now``, which
the panel passes every second through :meth:`AlarmTableModel.set_now`: only that column changes.

Colour is never the only cue: the level column says 预警/到期/超期 in words after a shape
(○ ◐ ●), and an overdue row's level and time left are bold too. The tints differ in lightness
(pale, mid, dark), so they stay apart for colour-blind eyes. Acknowledged alarms are greyed,
their level struck through, and listed after the open ones.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from datetime import UTC, date, datetime
from typing import Any

from PySide6.QtCore import (
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtGui import QBrush, QColor, QFont

from console.domain.alarm_levels import AlarmLevel
from console.domain.calendar import CHINA_TZ
from console.services.alarms import AlarmView
from console.ui.models.base import RowsTableModel

AnyIndex = QModelIndex | QPersistentModelIndex

LEVELS = tuple(sorted(AlarmLevel, key=lambda level: level.rank))
"""Every alarm level, mildest first: chips, filters and counts iterate this, never name levels."""
WORST = LEVELS[-1]  # shown bold, and the notifier's critical icon

# (background, text) per level, mildest first: light tints, dark text (contrast > 7:1 on each
# tint); amber, orange, red. A level added to the domain takes the next colour (a test checks
# there is one).
# Told apart by lightness first (pale, mid, dark: a difference every colour vision keeps), hue
# second; tests/ui/test_alarm_colours.py simulates protan, deutan and tritan vision and checks
# the distance between every pair and the text's contrast on each.
_TINTS = (("#fff3c4", "#3d2f00"), ("#f59f4c", "#1f1000"), ("#8e1b1b", "#ffffff"))
LEVEL_COLOURS: dict[AlarmLevel, tuple[str, str]] = dict(zip(LEVELS, _TINTS, strict=True))
# A shape per level, filling up with severity: the level is never told by colour alone.
LEVEL_MARKS: dict[AlarmLevel, str] = dict(zip(LEVELS, ("○", "◐", "●"), strict=True))
ACKNOWLEDGED_COLOURS = ("#f2f2f2", "#707070")  # greyed and struck through, listed last


_LOOKS = frozenset({Qt.ItemDataRole.BackgroundRole, Qt.ItemDataRole.ForegroundRole,
                    Qt.ItemDataRole.FontRole})  # fmt: skip


def chip_style(level: AlarmLevel, count: int) -> str:
    """A level count on the panel, tinted like its rows; grey when there are none."""
    back, text = LEVEL_COLOURS[level] if count else ("#eeeeee", "#555555")
    border = QColor(back).darker(125).name()
    return (
        f"QLabel {{ background: {back}; color: {text}; border: 1px solid {border};"
        " border-radius: 10px; padding: 3px 12px; font-weight: bold; }"
    )


def collapse(alarms: Iterable[AlarmView]) -> list[AlarmView]:
    """One row per running deadline: its highest raised level (an overdue deadline also has
    open WARNING and DUE rows; showing all three would triple the counts). Sorted by due."""
    best: dict[tuple[str, str, datetime], AlarmView] = {}
    for alarm in alarms:
        key = (alarm.number, alarm.deadline, alarm.due_at)
        held = best.get(key)
        if held is None or (alarm.level.rank, alarm.id) > (held.level.rank, held.id):
            best[key] = alarm
    return sorted(best.values(), key=lambda a: (a.due_at, a.id))


def by_day(
    alarms: Iterable[AlarmView], today: date, *, platform: str | None, kind: str | None,
    level: str | None, deadline: str | None = None, seat: str | None = None,
) -> list[list[AlarmView]]:  # fmt: skip
    """The alarms that pass the filters (None: any; ``deadline`` is the queue, ``seat`` the
    order's 经办坐席), in three lists by the due instant's China date: today (or already past),
    tomorrow, later."""
    wanted = (platform, kind, level, deadline, seat)
    groups: list[list[AlarmView]] = [[], [], []]
    for a in alarms:
        have = (a.owner, a.kind, a.level, a.deadline, a.seat)
        if all(want in (None, it) for want, it in zip(wanted, have, strict=True)):
            days = (a.due_at.astimezone(CHINA_TZ).date() - today).days
            groups[min(max(days, 0), 2)].append(a)
    return groups


class AlarmTableModel(RowsTableModel):
    """Read-only rows of :class:`AlarmView`; ``Qt.UserRole`` gives the view itself."""

    LEVEL, NUMBER, KIND, DEADLINE, DUE, LEFT, OWNER, SEAT, ACKNOWLEDGED, ESCALATED = range(10)

    def __init__(self, kind_names: Mapping[str, str], parent: Any = None) -> None:
        super().__init__(parent)
        self._kind_names = dict(kind_names)
        self._rows: list[AlarmView] = []
        self._now = datetime.now(UTC)
        self._headers = [
            self.tr("Level"),
            self.tr("Order number"),
            self.tr("Kind"),
            self.tr("Deadline"),
            self.tr("Due at"),
            self.tr("Time left"),
            self.tr("Owner"),
            self.tr("Handling seat"),
            self.tr("Acknowledged"),
            self.tr("Escalated to"),
        ]
        self.level_names = level_names()
        self._deadline_names = {
            "sign_for": self.tr("Sign for"),
            "feedback": self.tr("Feedback"),
            "completion": self.tr("Completion"),
        }
        self._brushes = {
            level: (QBrush(QColor(back)), QBrush(QColor(text)))
            for level, (back, text) in LEVEL_COLOURS.items()
        }
        self._bold = QFont()
        self._bold.setBold(True)
        self._struck = QFont()
        self._struck.setStrikeOut(True)
        self._grey = tuple(QBrush(QColor(c)) for c in ACKNOWLEDGED_COLOURS)

    def set_alarms(self, alarms: Sequence[AlarmView]) -> None:
        """Open alarms first, soonest due first; the acknowledged ones after them."""
        self.beginResetModel()
        self._rows = sorted(alarms, key=lambda a: (a.acknowledged_by is not None, a.due_at, a.id))
        self.endResetModel()

    def set_now(self, now: datetime) -> None:
        self._now = now
        if self._rows:
            top, bottom = self.index(0, self.LEFT), self.index(len(self._rows) - 1, self.LEFT)
            self.dataChanged.emit(top, bottom, [Qt.ItemDataRole.DisplayRole])

    def alarm_at(self, row: int) -> AlarmView:
        return self._rows[row]

    def row_of(self, alarm_id: int) -> int | None:
        return next((n for n, a in enumerate(self._rows) if a.id == alarm_id), None)

    def time_left(self, due_at: datetime) -> str:
        """ "2h 15m left" / "35m over" (剩 2小时15分 / 超 35分), whole minutes under a day."""
        seconds = int((due_at - self._now).total_seconds())
        span = abs(seconds)
        days, rest = divmod(span, 86_400)
        hours, minutes = rest // 3600, rest % 3600 // 60
        if days:
            text = self.tr("{d}d {h}h").format(d=days, h=hours)
        elif hours:
            text = self.tr("{h}h {m}m").format(h=hours, m=minutes)
        elif minutes:
            text = self.tr("{m}m").format(m=minutes)
        else:
            text = self.tr("{s}s").format(s=span)
        if seconds < 0:
            return self.tr("{span} over").format(span=text)
        return self.tr("{span} left").format(span=text)

    # Qt interface -------------------------------------------------------------------------

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        alarm = self._rows[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return self._display(alarm, index.column())
        if alarm.acknowledged_by is not None and role in _LOOKS:
            if role == Qt.ItemDataRole.FontRole:
                return self._struck if index.column() == self.LEVEL else None
            return self._grey[0 if role == Qt.ItemDataRole.BackgroundRole else 1]
        if role == Qt.ItemDataRole.BackgroundRole:
            return self._brushes[alarm.level][0]
        if role == Qt.ItemDataRole.ForegroundRole:
            return self._brushes[alarm.level][1]
        if role == Qt.ItemDataRole.FontRole and alarm.level is WORST:
            return self._bold if index.column() in (self.LEVEL, self.LEFT) else None
        if role == Qt.ItemDataRole.ToolTipRole:
            if index.column() == self.ACKNOWLEDGED and alarm.ack_note:
                return alarm.ack_note
            if index.column() in (self.DUE, self.LEFT):
                return alarm.due_at.astimezone(CHINA_TZ).strftime("%Y-%m-%d %H:%M:%S")
            return None
        if role == Qt.ItemDataRole.UserRole:
            return alarm
        return None

    def _display(self, alarm: AlarmView, column: int) -> str | None:
        if column == self.LEVEL:
            return f"{LEVEL_MARKS[alarm.level]} {self.level_names[alarm.level]}"
        if column == self.NUMBER:
            return alarm.number
        if column == self.KIND:
            return self._kind_names.get(alarm.kind, alarm.kind)
        if column == self.DEADLINE:
            return self._deadline_names.get(alarm.deadline, alarm.deadline)
        if column == self.DUE:
            return alarm.due_at.astimezone(CHINA_TZ).strftime("%m-%d %H:%M")
        if column == self.LEFT:
            return self.time_left(alarm.due_at)
        if column == self.OWNER:
            return alarm.owner
        if column == self.SEAT:
            return alarm.seat or ""
        if column == self.ACKNOWLEDGED:
            if not alarm.acknowledged_by:
                return ""
            note = " ".join((alarm.ack_note or "").split())
            if not note:
                return alarm.acknowledged_by
            return self.tr("{by}: {note}").format(by=alarm.acknowledged_by, note=note)
        if column == self.ESCALATED:
            return alarm.escalated_to or ""
        return None


def level_names() -> dict[AlarmLevel, str]:
    """预警 / 到期 / 超期 in the current language (the panel and the notifier use them too)."""
    return {
        AlarmLevel.WARNING: QCoreApplication.translate("AlarmTableModel", "Warning"),
        AlarmLevel.DUE: QCoreApplication.translate("AlarmTableModel", "Due"),
        AlarmLevel.OVERDUE: QCoreApplication.translate("AlarmTableModel", "Overdue"),
    }
