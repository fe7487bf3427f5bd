"""Table models of the emergency board: the incidents, the selected one's partners, its timeline
and its linked orders. Rows are whatever the board hands them (the board reads the service);
only the elapsed and time-left columns depend on ``now``, which :meth:`set_now` moves.

Never colour alone: the level cell says its numeral and word on its colour; a partner's state is
a symbol and a word; a drill's rows are violet, in italics, and say 演练 in the level and number cells.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from datetime import UTC, datetime
from typing import Any

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QBrush, QColor, QFont, QPainter, QPen
from PySide6.QtWidgets import QStyle, QStyledItemDelegate, QStyleOptionViewItem

from console.domain.emergency import AckMeans, IncidentAction, IncidentStatus, PartnerState
from console.services.incident_views import (
    IncidentEvent,
    IncidentLine,
    LinkedOrder,
    PartnerLine,
)
from console.ui.emergency.words import (
    DRILL_BACK,
    DRILL_TEXT,
    LEVEL_COLOURS,
    STATE_COLOURS,
    STOOD_DOWN_COLOURS,
    clock_time,
    counts_text,
    drill_word,
    elapsed,
    event_name,
    full_time,
    kind_name,
    level_text,
    means_name,
    state_text,
)
from console.ui.models.base import AnyIndex, RowsTableModel

DISPLAY, BACK, FORE, FONT, TIP = (
    Qt.ItemDataRole.DisplayRole,
    Qt.ItemDataRole.BackgroundRole,
    Qt.ItemDataRole.ForegroundRole,
    Qt.ItemDataRole.FontRole,
    Qt.ItemDataRole.ToolTipRole,
)


def _bold() -> QFont:
    font = QFont()
    font.setBold(True)
    return font


class IncidentsModel(RowsTableModel):
    """Active incidents (most severe first), then those stood down in the last 24 hours."""

    LEVEL, NUMBER, EVENT, PLACE, ELAPSED, ORDERS, PARTNERS = range(7)

    def __init__(self, district_names: Mapping[str, str], parent: Any = None) -> None:
        super().__init__(parent)
        self._districts = dict(district_names)
        self._rows: list[IncidentLine] = []
        self._now = datetime.now(UTC)
        self._headers = [
            self.tr("Level"),
            self.tr("Incident"),
            self.tr("Event type"),
            self.tr("Place"),
            self.tr("Elapsed"),
            self.tr("Orders"),
            self.tr("Partners"),
        ]
        self._bands = {lv: (QBrush(QColor(b)), QBrush(QColor(t)))
                       for lv, (b, t) in LEVEL_COLOURS.items()}  # fmt: skip
        self._grey = tuple(QBrush(QColor(c)) for c in STOOD_DOWN_COLOURS)
        self._drill_back = QBrush(QColor(DRILL_BACK))
        self._drill_pen = QBrush(QColor(DRILL_TEXT))
        self._bold = _bold()
        self._italic = QFont()
        self._italic.setItalic(True)

    def set_lines(self, lines: Sequence[IncidentLine]) -> None:
        _replace(self, list(lines))

    def set_now(self, now: datetime) -> None:
        self._now = now
        if self._rows:
            column = self.ELAPSED
            self.dataChanged.emit(self.index(0, column), self.index(len(self._rows) - 1, column),
                                  [DISPLAY])  # fmt: skip

    def line_at(self, row: int) -> IncidentLine:
        return self._rows[row]

    def row_of(self, number: str) -> int | None:
        return next((n for n, x in enumerate(self._rows) if x.number == number), None)

    def data(self, index: AnyIndex, role: int = DISPLAY) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        line, column = self._rows[index.row()], index.column()
        over = line.status is IncidentStatus.STOOD_DOWN
        if role == DISPLAY:
            return self._display(line, column)
        if role == BACK:
            if over:
                return self._grey[0]
            if column == self.LEVEL:
                return self._bands[line.level][0]
            return self._drill_back if line.drill else None
        if role == FORE:
            if over:
                return self._grey[1]
            if column == self.LEVEL:
                return self._bands[line.level][1]
            return self._drill_pen if line.drill else None
        if role == FONT:
            if line.drill and column != self.LEVEL:
                return self._italic
            if column in (self.LEVEL, self.NUMBER) or (column == self.PARTNERS and line.overdue):
                return self._bold
        if role == TIP:
            return f"{line.summary}\n{full_time(line.started_at)} {line.started_by}"
        return None

    def _display(self, line: IncidentLine, column: int) -> str | None:
        if column == self.LEVEL:
            text = level_text(line.level)
            return f"{text} · {drill_word()}" if line.drill else text
        if column == self.NUMBER:
            return f"[{drill_word()}] {line.number}" if line.drill else line.number
        if column == self.EVENT:
            return event_name(line.event_type)
        if column == self.PLACE:
            return f"{self._districts.get(line.district, line.district)} {line.place}"
        if column == self.ELAPSED:
            if line.stood_down_at is not None:
                return self.tr("stood down {time}").format(time=clock_time(line.stood_down_at))
            return elapsed(line.started_at, self._now)
        if column == self.ORDERS:
            return str(line.linked_orders)
        if column == self.PARTNERS:
            return counts_text(line.acknowledged, line.waiting, line.overdue, line.refused)
        return None


class BandDelegate(QStyledItemDelegate):
    """The level cell keeps its colour band when its row is selected (the selection is drawn
    as a frame around it instead): the level must read the same whatever is selected."""

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: AnyIndex) -> None:
        back = index.data(BACK)
        if not isinstance(back, QBrush):
            super().paint(painter, option, index)
            return
        rect = option.rect
        painter.save()
        painter.fillRect(rect, back)
        fore = index.data(FORE)
        painter.setPen(fore.color() if isinstance(fore, QBrush) else QColor("black"))
        font = index.data(FONT)
        if isinstance(font, QFont):
            painter.setFont(font)
        text = str(index.data(DISPLAY) or "")
        painter.drawText(
            rect.adjusted(6, 0, -4, 0),
            int(Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignLeft),
            text,
        )
        if option.state & QStyle.StateFlag.State_Selected:
            pen = QPen(option.palette.highlight().color(), 3)
            painter.setPen(pen)
            painter.drawRect(rect.adjusted(1, 1, -2, -2))
        painter.restore()


class PartnersModel(RowsTableModel):
    """The selected incident's partners: overdue first, then waiting, then answered."""

    STATE, PARTNER, KIND, TASK, NOTIFIED, DEADLINE, ANSWER, COUNT = range(8)
    _ORDER = (PartnerState.OVERDUE, PartnerState.QUEUED, PartnerState.NOTIFIED,
              PartnerState.REFUSED, PartnerState.ACKNOWLEDGED, PartnerState.RELEASED)  # fmt: skip

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._rows: list[PartnerLine] = []
        self._now = datetime.now(UTC)
        self._headers = [
            self.tr("State"),
            self.tr("Partner"),
            self.tr("Kind"),
            self.tr("Task"),
            self.tr("Notified"),
            self.tr("Deadline"),
            self.tr("Answered (how, who)"),
            self.tr("Sent"),
        ]
        self._looks = {
            state: (QBrush(QColor(c[0])), QBrush(QColor(c[1])))
            for state, c in STATE_COLOURS.items()
            if c is not None
        }
        self._bold = _bold()

    def set_partners(self, partners: Sequence[PartnerLine]) -> None:
        rank = {state: n for n, state in enumerate(self._ORDER)}
        _replace(self, sorted(partners, key=lambda p: rank[p.state]))

    def set_now(self, now: datetime) -> None:
        self._now = now
        if self._rows:
            column = self.DEADLINE
            self.dataChanged.emit(self.index(0, column), self.index(len(self._rows) - 1, column),
                                  [DISPLAY])  # fmt: skip

    def partner_at(self, row: int) -> PartnerLine:
        return self._rows[row]

    def row_of(self, code: str) -> int | None:
        return next((n for n, p in enumerate(self._rows) if p.code == code), None)

    def data(self, index: AnyIndex, role: int = DISPLAY) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        partner, column = self._rows[index.row()], index.column()
        if role == DISPLAY:
            return self._display(partner, column)
        look = self._looks.get(partner.state)
        if role == BACK and look is not None:
            return look[0]
        if role == FORE and look is not None:
            return look[1]
        if role == FONT and partner.state is PartnerState.OVERDUE:
            return self._bold
        if role == TIP:
            phone = self.tr("Duty phone: {phone}").format(phone=partner.duty_phone)
            return f"{partner.task}\n{phone}" if column == self.TASK else phone
        return None

    def _display(self, p: PartnerLine, column: int) -> str | None:
        if column == self.STATE:
            return state_text(p.state)
        if column == self.PARTNER:
            return p.name
        if column == self.KIND:
            return kind_name(p.kind)
        if column == self.TASK:
            return p.task
        if column == self.NOTIFIED:
            return clock_time(p.notified_at)
        if column == self.DEADLINE:
            return self._deadline(p)
        if column == self.ANSWER:
            if p.acked_at is None:
                return ""
            means = means_name(p.ack_means) if p.ack_means is not None else ""
            return f"{clock_time(p.acked_at)} {means} {p.ack_by or ''}".strip()
        if column == self.COUNT:
            return str(p.attempts)
        return None

    def _deadline(self, p: PartnerLine) -> str:
        if p.ack_due_at is None:
            return ""
        due = clock_time(p.ack_due_at)
        if p.state is PartnerState.OVERDUE:
            late = elapsed(p.ack_due_at, self._now)
            return self.tr("{due} (over by {late})").format(due=due, late=late)
        if p.state in (PartnerState.NOTIFIED, PartnerState.QUEUED):
            left = elapsed(self._now, p.ack_due_at)
            return self.tr("{due} ({left} left)").format(due=due, left=left)
        return due


class TimelineModel(RowsTableModel):
    """The incident's timeline, newest first, as the service gives it."""

    AT, WHAT, WHO, DETAIL = range(4)

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._rows: list[IncidentEvent] = []
        self._headers = [self.tr("Time"), self.tr("What"), self.tr("Who"), self.tr("Detail")]

    def set_events(self, events: Sequence[IncidentEvent]) -> None:
        _replace(self, list(events))

    def data(self, index: AnyIndex, role: int = DISPLAY) -> Any:
        if role not in (DISPLAY, TIP) or not index.isValid():
            return None
        event = self._rows[index.row()]
        if role == TIP:
            return f"{full_time(event.at)} {event.platform} {event.seat}\n{_words(event.detail)}"
        return (
            clock_time(event.at),
            action_name(event.action),
            _words(event.actor),
            _words(event.detail),
        )[index.column()]


def _words(text: str) -> str:
    """A timeline text with the service's codes for how an answer came (" · channel", the
    actor "channel") said in words: the service records the code, the lead reads the word."""
    codes = {m.value: means_name(m) for m in AckMeans}
    return " · ".join(codes.get(part, part) for part in text.split(" · "))


class OrdersModel(RowsTableModel):
    """The orders linked to the incident (the calls it gathered)."""

    NUMBER, KIND, STATUS, LINKED = range(4)

    def __init__(self, kind_names: Mapping[str, str], status_names: Callable[[str], str],
                 parent: Any = None) -> None:  # fmt: skip
        super().__init__(parent)
        self._kinds = dict(kind_names)
        self._status = status_names
        self._rows: list[LinkedOrder] = []
        self._headers = [self.tr("Order"), self.tr("Kind"), self.tr("Status"), self.tr("Linked")]

    def set_orders(self, orders: Sequence[LinkedOrder]) -> None:
        _replace(self, list(orders))

    def order_at(self, row: int) -> LinkedOrder:
        return self._rows[row]

    def data(self, index: AnyIndex, role: int = DISPLAY) -> Any:
        if role != DISPLAY or not index.isValid():
            return None
        order = self._rows[index.row()]
        return (
            order.number,
            self._kinds.get(order.kind, order.kind),
            self._status(order.status),
            f"{clock_time(order.linked_at)} {order.linked_by}",
        )[index.column()]


def action_name(action: str) -> str:
    """The timeline's word for a service action; an action not known here is shown as written."""
    translate = QCoreApplication.translate
    names: dict[str, str] = {
        IncidentAction.START: translate("EmergencyWords", "started"),
        IncidentAction.PLAN_GAP: translate("EmergencyWords", "no partner in the directory"),
        IncidentAction.ACKNOWLEDGED: translate("EmergencyWords", "acknowledged"),
        IncidentAction.REFUSED: translate("EmergencyWords", "refused"),
        IncidentAction.REPEAT: translate("EmergencyWords", "notified again"),
        IncidentAction.LEVEL: translate("EmergencyWords", "level changed"),
        IncidentAction.OVERDUE: translate("EmergencyWords", "overdue"),
        IncidentAction.LINK: translate("EmergencyWords", "order linked"),
        IncidentAction.STAND_DOWN: translate("EmergencyWords", "stood down"),
    }
    return names.get(action, action)


def _replace(model: Any, rows: list[Any]) -> None:
    """Show ``rows``: a model reset only when they differ from what is shown. The board re-reads
    every few seconds and on every change anywhere; a reset repaints every table, which on a
    board of 50 incidents stalled the window for 150 ms though nothing had changed."""
    if rows == model._rows:
        return
    model.beginResetModel()
    model._rows = rows
    model.endResetModel()
