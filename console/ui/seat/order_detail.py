"""The order detail (工单详情): every field, the timeline, and the caller's other orders as links.

The timeline shows the newest step first, each note whole (wrapped, its lines kept). The
fields scroll in a box of their own above it: an open step form squeezes them, never the
timeline, which keeps at least ``TIMELINE_MIN_HEIGHT``.

:meth:`OrderDetail.load` reads the order and the caller's history through ``run`` (off the UI
thread, STYLE.md Qt 4); only the newest load is shown and a failure is said inline, over the
order shown before. Deadlines are shown in Asia/Shanghai with the time left, coloured like the
queues. Keyboard: Tab reaches the related-order links, Enter follows one.

The caller's number and name are masked (个人信息保护法); with ``reveal`` given, "Show full
number" (:class:`RevealRow`, Alt+V) shows the caller whole for that order, for a recorded reason.
"""

from __future__ import annotations

import html
from collections.abc import Callable, Mapping, Sequence
from datetime import UTC, datetime

from PySide6.QtCore import QSize, Qt, Signal
from PySide6.QtGui import QFocusEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QGridLayout,
    QHeaderView,
    QLabel,
    QPlainTextEdit,
    QScrollArea,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from console.domain.deadline_kinds import DEADLINE_KINDS, running
from console.domain.orders import Action, DeadlineKind, FirstContactMode, Priority, WorkOrder
from console.domain.phone import mask_name, mask_phone
from console.services.orders import OrderSummary, Stored, UnknownOrder
from console.services.privacy import Revealed
from console.ui.history_model import china_time
from console.ui.models.queue_model import time_left_text
from console.ui.models.time_left import TimeLeftBand
from console.ui.names import action_names, platform_names, say, status_names
from console.ui.operations import Operations
from console.ui.refusals import refusal_text
from console.ui.seat.order_actions import OrderActions
from console.ui.seat.reveal_row import Reveal, RevealRow

Get = Callable[[str], Stored]
Related = Callable[[str], Sequence[OrderSummary]]
"""The caller's orders by phone, newest first (``OrderService.caller_history``)."""

MAX_LINKS = 20
TIMELINE_MIN_HEIGHT = 170  # the header and three or four steps, whatever the step form takes
ERROR_STYLE = "color: #b00020;"
# (key, column): the grid's two columns of label/value pairs, in reading order.
FIELDS = (("number", 0), ("route", 0), ("status", 0), ("priority", 0), ("kind", 0),
          ("field", 0), ("district", 0), ("address", 0), ("department", 0), ("caller", 1),
          ("created", 1),
          ("first_contact_mode", 1), ("social_stability", 1), ("consent", 1),
          *((f"{kind.value}_due", 1) for kind in DeadlineKind))  # fmt: skip
TIME, PLATFORM, SEAT, AGENT, ACTION, STATUS, NOTE = range(7)


class LinkList(QLabel):
    """Rich-text links that Tab enters at the first (Shift+Tab at the last) and Enter follows;
    a plain QLabel takes the focus first and needs a second Tab to reach a link."""

    def focusInEvent(self, event: QFocusEvent) -> None:
        super().focusInEvent(event)
        if event.reason() in (Qt.FocusReason.TabFocusReason, Qt.FocusReason.BacktabFocusReason):
            self.focusNextPrevChild(event.reason() is Qt.FocusReason.TabFocusReason)


class OrderDetail(QWidget):
    """Signals: ``order_activated(str)`` — a related order's link was followed (its number);
    ``shown(str)`` — an order is on screen (its number); ``failed(str)`` — a load failed (the
    message shown inline)."""

    order_activated = Signal(str)
    shown = Signal(str)
    failed = Signal(str)

    def __init__(
        self, *, ops: Operations, get: Get, related: Related, kind_names: Mapping[str, str],
        field_names: Mapping[str, str] | None = None,
        district_names: Mapping[str, str] | None = None,
        department_names: Mapping[str, str] | None = None,
        actions: OrderActions | None = None, reveal: Reveal | None = None,
        parent: QWidget | None = None,
    ) -> None:  # fmt: skip
        super().__init__(parent)
        self.reveal = RevealRow(ops, reveal) if reveal is not None else None
        self._revealed: tuple[str, Revealed] | None = None  # (order number, its caller)
        self._departments = department_names or {}
        self.steps = actions
        self.setMinimumSize(QSize(720, 560))
        self._ops, self._get, self._related = ops, get, related
        self._names = (dict(kind_names), dict(field_names or {}), dict(district_names or {}))
        self._latest = ""  # the number of the newest load: only its answer is shown
        self._now: datetime | None = None  # None: the wall clock
        self.order: WorkOrder | None = None
        self._build()
        self.related.linkActivated.connect(self.order_activated)

    def _build(self) -> None:
        self.title = QLabel(self.tr("No order shown."))
        self.title.setObjectName("detailTitle")
        self.title.setStyleSheet("font-size: 15px; font-weight: bold;")
        self.message = QLabel()
        self.message.setObjectName("detailMessage")
        self.message.setTextFormat(Qt.TextFormat.PlainText)
        self.message.setWordWrap(True)
        self.message.hide()
        labels = {
            "number": self.tr("Number"), "route": self.tr("Origin → owner"),
            "status": self.tr("Status"), "priority": self.tr("Priority"),
            "kind": self.tr("Kind"), "field": self.tr("Field"), "district": self.tr("District"),
            "address": self.tr("Address"), "caller": self.tr("Caller"),
            "department": self.tr("Department"),
            "created": self.tr("Created"), "first_contact_mode": self.tr("First-contact mode"),
            "social_stability": self.tr("Social stability"), "consent": self.tr("Consent to transfer"),
            **{f"{kind.value}_due": say(spec.due_label) for kind, spec in DEADLINE_KINDS.items()},
        }  # fmt: skip
        grid = QGridLayout()
        grid.setHorizontalSpacing(12)
        grid.setColumnStretch(1, 1)
        grid.setColumnStretch(3, 1)
        self.values: dict[str, QLabel] = {}
        rows = [0, 0]
        for key, column in FIELDS:
            value = QLabel()
            value.setObjectName(key)
            value.setTextFormat(Qt.TextFormat.PlainText)
            value.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            label = QLabel(self.tr("{label}:").format(label=labels[key]))
            grid.addWidget(label, rows[column], column * 2)
            grid.addWidget(value, rows[column], column * 2 + 1)
            rows[column] += 1
            self.values[key] = value
        self.description = QPlainTextEdit(readOnly=True)
        self.description.setObjectName("description")
        self.description.setMaximumHeight(90)
        self.timeline = QTableWidget(0, 7)
        self.timeline.setObjectName("timeline")
        self.timeline.setHorizontalHeaderLabels([
            self.tr("Time"), self.tr("Platform"), self.tr("Seat"), self.tr("Agent"),
            self.tr("Action"), self.tr("Status"), self.tr("Note"),
        ])  # fmt: skip
        self.timeline.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.timeline.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.timeline.verticalHeader().setVisible(False)
        # A note is shown whole: wrapped in its column, each row as tall as it needs (a
        # timeline is tens of rows at most: sizing them to their contents is cheap).
        self.timeline.setWordWrap(True)
        self.timeline.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.timeline.setMinimumHeight(TIMELINE_MIN_HEIGHT)
        header = self.timeline.horizontalHeader()
        header.setStretchLastSection(True)
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        for column, width in ((TIME, 130), (PLATFORM, 90), (SEAT, 60), (AGENT, 90),
                              (ACTION, 80), (STATUS, 150)):  # fmt: skip
            self.timeline.setColumnWidth(column, width)
        self.related = LinkList()
        self.related.setObjectName("related")
        self.related.setTextFormat(Qt.TextFormat.RichText)
        self.related.setWordWrap(True)
        self.related.setTextInteractionFlags(
            Qt.TextInteractionFlag.LinksAccessibleByMouse
            | Qt.TextInteractionFlag.LinksAccessibleByKeyboard
        )
        layout = QVBoxLayout(self)
        layout.addWidget(self.title)
        layout.addWidget(self.message)
        if self.steps is not None:
            layout.addWidget(self.steps)
            self.steps.done.connect(lambda number, _action: self.load(number))
        fields = QWidget()
        inner = QVBoxLayout(fields)
        inner.setContentsMargins(0, 0, 0, 0)
        inner.addLayout(grid)
        if self.reveal is not None:
            inner.addWidget(self.reveal)
            self.reveal.hide()
            self.reveal.revealed.connect(self._show_revealed)
            self.reveal.refused.connect(lambda text: self._say(text, error=True))
        inner.addWidget(QLabel(self.tr("Description:")))
        inner.addWidget(self.description)
        self.fields = QScrollArea()
        self.fields.setObjectName("detailFields")
        self.fields.setWidget(fields)
        self.fields.setWidgetResizable(True)
        self.fields.setFrameShape(QScrollArea.Shape.NoFrame)
        self.fields.setMinimumHeight(60)
        layout.addWidget(self.fields, 2)
        layout.addWidget(QLabel(self.tr("Timeline (newest first):")))
        layout.addWidget(self.timeline, 3)
        layout.addWidget(QLabel(self.tr("The caller's other orders:")))
        layout.addWidget(self.related)

    # ------------------------------------------------------------------ public

    def load(self, number: str, *, quietly: bool = False) -> None:
        """Read order ``number`` and its caller's other orders off the UI thread, then show
        (``quietly``: without saying "Loading…", for a re-read of the order on screen)."""
        number = number.strip()
        self._latest = number
        if not quietly:
            self._say(self.tr("Loading {number}…").format(number=number))
        get, related = self._get, self._related

        def read() -> tuple[WorkOrder, list[OrderSummary]]:
            order = get(number).order
            others = [s for s in related(order.caller.phone) if s.number != order.number]
            return order, others

        # A newer load replaces one still waiting (only the newest is shown); the answer is
        # dropped if this widget is deleted meanwhile.
        self._ops.read(
            self,
            "order",
            read,
            success=lambda answer: self._arrived(number, answer),
            failure=lambda error: self._not_loaded(number, error),
        )

    def show_order(self, order: WorkOrder, related: Sequence[OrderSummary]) -> None:
        self.order = order
        self._say("")
        statuses, platforms = status_names(), platform_names()
        kinds, fields, districts = self._names
        self.title.setText(self.tr("Work order {number}").format(number=order.number))
        if self._revealed is not None and self._revealed[0] != order.number:
            self._revealed = None  # a reveal is for one order only
        if self.reveal is not None:
            self.reveal.set_order(order.number, shown_whole=self._revealed is not None)
            self.reveal.show()
        texts = {
            "number": order.number,
            "route": f"{platforms[order.origin]} → {platforms[order.owner]}",
            "status": statuses[order.status],
            "priority": self._priority_names()[order.priority],
            "kind": kinds.get(order.kind, order.kind),
            "field": fields.get(order.field, order.field) if order.field else "—",
            "district": districts.get(order.district, order.district),
            "address": order.address or "—",
            "department": self._departments.get(order.department, order.department)
            if order.department
            else "—",
            "caller": self._caller_text(order),
            "created": china_time(order.created_at),
            "first_contact_mode": self._mode_names()[order.first_contact_mode],
            "social_stability": self.tr("Yes") if order.social_stability else self.tr("No"),
            "consent": self.tr("Yes") if order.consent else self.tr("No"),
        }
        for key, text in texts.items():
            self.values[key].setText(text)
        self._show_deadlines()
        self.description.setPlainText(order.description)
        self._show_timeline(order)
        self._show_related(related, order)
        if self.steps is not None:
            self.steps.show_order(order)
        self.shown.emit(order.number)

    def refresh(self) -> None:
        """Read the order on screen again (another seat may have changed it). A read already
        under way may have started before that change was committed: this one then waits as
        the single next read (Operations coalesces them), it is never dropped."""
        if self.order is not None:
            self.load(self.order.number, quietly=True)

    def set_now(self, now: datetime) -> None:
        """The instant the time left is counted from (the app's clock tick)."""
        self._now = now
        self._show_deadlines()

    # ------------------------------------------------------------------ private

    def _caller_text(self, order: WorkOrder) -> str:
        if self._revealed is not None and self._revealed[0] == order.number:
            phone, name = self._revealed[1].phone, self._revealed[1].name
        else:
            phone, name = mask_phone(order.caller.phone), mask_name(order.caller.name or "")
        return phone + (f" ({name})" if name else "")

    def _show_revealed(self, number: str, caller: Revealed) -> None:
        self._revealed = (number, caller)
        if self.order is not None and self.order.number == number:
            self._say("")
            self.values["caller"].setText(self._caller_text(self.order))

    def _arrived(self, number: str, answer: tuple[WorkOrder, list[OrderSummary]]) -> None:
        if number != self._latest:  # a newer load is on its way: only the newest is shown
            return
        order, related = answer
        self.show_order(order, related)

    def _not_loaded(self, number: str, error: Exception) -> None:
        if number != self._latest:
            return
        if isinstance(error, UnknownOrder):
            self._fail(self.tr("There is no work order {number}.").format(number=number))
        else:
            text = self.tr("Could not load {number}: {error}")
            self._fail(text.format(number=number, error=refusal_text(error)))

    def _fail(self, text: str) -> None:
        self._say(text, error=True)
        self.failed.emit(text)

    def _say(self, text: str, error: bool = False) -> None:
        self.message.setText(text)
        self.message.setStyleSheet(ERROR_STYLE if error else "")
        self.message.setVisible(bool(text))

    def _show_deadlines(self) -> None:
        order = self.order
        if order is None:
            return
        now = self._now or datetime.now(UTC)
        runs = running(order.status)
        for kind, at in order.deadlines.items():
            label, style = self.values[f"{kind.value}_due"], ""
            if at is None:
                label.setText("—")
            elif kind not in runs:  # met, or the order is closed
                label.setText(china_time(at))
            else:
                label.setText(f"{china_time(at)}  ({time_left_text(at, now)})")
                band = TimeLeftBand.of(at, now)  # the text above says it too
                if band is not None:
                    style = band.style()
            label.setStyleSheet(style)

    def _show_timeline(self, order: WorkOrder) -> None:
        statuses, platforms, actions = status_names(), platform_names(), action_names()
        self.timeline.setRowCount(len(order.timeline))
        for row, event in enumerate(reversed(order.timeline)):  # the newest step on top
            status = statuses[event.to_status]
            if event.from_status is not None and event.from_status is not event.to_status:
                status = f"{statuses[event.from_status]} → {status}"
            note = "\n".join(" ".join(line.split()) for line in event.note.splitlines())
            note = note.strip()
            if event.detail:
                note = f"[{self._detail_text(event.action, event.detail)}] {note}".strip()
            cells = (china_time(event.at), platforms[event.platform], event.seat, event.actor,
                     actions[event.action], status, note)  # fmt: skip
            for column, text in enumerate(cells):
                item = QTableWidgetItem(text)
                if column == NOTE and note:
                    item.setToolTip(note)
                self.timeline.setItem(row, column, item)
        self.timeline.scrollToTop()

    def _show_related(self, related: Sequence[OrderSummary], order: WorkOrder) -> None:
        linked = [order.escalated_from] if order.escalated_from else []
        linked += [e.detail for e in order.timeline if e.action is Action.ESCALATE]
        lines = [
            html.escape(self.tr("Linked order (联动):"))
            + f' <a href="{html.escape(n)}">{html.escape(n)}</a>'
            for n in linked
        ]
        if not related:
            lines.append(html.escape(self.tr("No other orders from this caller.")))
            self.related.setText("<br>".join(lines))
            return
        statuses = status_names()
        kinds = self._names[0]
        lines += [
            f'<a href="{html.escape(s.number)}">{html.escape(s.number)}</a>'
            f" {china_time(s.created_at)} · {html.escape(kinds.get(s.kind, s.kind))}"
            f" · {html.escape(statuses[s.status])}"
            for s in related[:MAX_LINKS]
        ]
        if len(related) > MAX_LINKS:
            more = self.tr("and {count} more").format(count=len(related) - MAX_LINKS)
            lines.append(html.escape(more))
        self.related.setText("<br>".join(lines))

    def _detail_text(self, action: Action, detail: str) -> str:
        """What a timeline line refers to, in words: the department, the outcome, the link."""
        if action is Action.THREE_WAY:
            outcomes = {"12345": self.tr("12345 takes it"), "110": self.tr("110 takes it"),
                        "first_contact": self.tr("first-contact responsibility")}  # fmt: skip
            return outcomes.get(detail, detail)
        if action is Action.ESCALATE:
            return self.tr("linked order {number}").format(number=detail)
        return self._departments.get(detail, detail)

    def _priority_names(self) -> dict[Priority, str]:
        return {Priority.NORMAL: self.tr("Normal"), Priority.URGENT: self.tr("Urgent"),
                Priority.CRITICAL: self.tr("Critical")}  # fmt: skip

    def _mode_names(self) -> dict[FirstContactMode | None, str]:
        return {None: "—", FirstContactMode.PROVISIONAL: self.tr("Provisional acceptance"),
                FirstContactMode.GUIDANCE: self.tr("Guidance and explanation")}  # fmt: skip
