"""The order detail (工单详情): every field, the timeline, and the caller's other orders as links.

The timeline shows the newest step first, each note whole (wrapped, its lines kept). The
fields scroll in a box of their own above it: an open step form squeezes them, never the
timeline, which keeps at least ``TIMELINE_MIN_HEIGHT``.

:meth:`OrderDetail.load` reads the order and the caller's history through ``run`` (off the UI
thread, STYLE.md Qt 4); only the newest load is shown and a failure is said inline, over the
order shown before. Deadlines are shown in Asia/Shanghai with the time left, coloured like the
queues. Keyboard: Tab reaches the related-order links, Enter follows one.

An order transferred from the peer platform may be announced (the caller's call carries its
number, :meth:`OrderDetail.expect`) before its message lands here: until it does, the detail
says 工单传输中 where the order would show, and fills in on the next change notification
(:meth:`refresh`). Under the title, :class:`OrderLinkLines` says what of the order the peer has
not yet acknowledged, or refused.

The caller's number and name are masked (个人信息保护法); with ``reveal`` given, "Show full
number" (:class:`RevealRow`, Alt+V) shows the caller whole for that order, for a recorded reason.

With the seat's outage journal (issue 18) an order is shown as it WILL be once written: the
agent's steps held on it applied by the domain's rules (its status, its next steps), the held
lines of the timeline marked 暂存 and a line under the title saying how many are not yet in the
database; a new order held on the seat opens by its label (暂存-0003) the same way. An order
the seat read this session opens while the database is away from that copy (the journal's),
the line under the title saying the time it was read; its caller's orders are those read with
it, or said to be unavailable. Once the journal is written, :meth:`journal_written` reads the
order as it is.

Under the steps, :class:`OrderMerge` merges the order into another (并单) or undoes it (拆单);
the links under the timeline (:class:`RelatedLinks`) open the orders it is merged with.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import replace
from datetime import UTC, datetime

from PySide6.QtCore import QSize, Qt, Signal
from PySide6.QtGui import QShortcut
from PySide6.QtWidgets import (
    QLabel,
    QPlainTextEdit,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from console.domain.orders import Status, WorkOrder
from console.domain.phone import mask_name, mask_phone
from console.services.exchange_reads import OrderLinkView
from console.services.journal_copies import NotReadHere
from console.services.journal_shown import Shown
from console.services.orders import OrderSummary, Stored, UnknownOrder
from console.services.privacy import Revealed
from console.ui.keys import sequence
from console.ui.operations import Operations
from console.ui.refusals import refusal_text
from console.ui.seat.callers_told import CallersTold
from console.ui.seat.exchange_lines import OrderLinkLines
from console.ui.seat.held_steps import STYLE as HELD_STYLE
from console.ui.seat.held_steps import HeldJournal, HeldSteps, NoJournal, shown_text
from console.ui.seat.order_actions import OrderActions
from console.ui.seat.order_fields import OrderFields
from console.ui.seat.order_merge import OrderMerge
from console.ui.seat.order_related import RelatedLinks
from console.ui.seat.order_timeline import (  # noqa: F401  (the columns, for the tests)
    ACTION,
    AGENT,
    NOTE,
    PLATFORM,
    SEAT,
    STATUS,
    TIME,
    TIMELINE_MIN_HEIGHT,
    Timeline,
)  # fmt: skip
from console.ui.seat.reveal_row import Reveal, RevealRow

Get = Callable[[str], Stored]
Related = Callable[[str], Sequence[OrderSummary]]
"""The caller's orders by phone, newest first (``OrderService.caller_history``)."""
LinkOf = Callable[[str], OrderLinkView]
"""An order's messages to the peer (``ExchangeReads.order_link`` as the seat)."""

ERROR_STYLE = "color: #b00020;"
TRANSIT_STYLE = "color: #0d3c6e; font-size: 14px; font-weight: bold;"


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
        link: LinkOf | None = None, journal: HeldJournal | None = None,
        told: CallersTold | None = None, merge: OrderMerge | None = None,
        parent: QWidget | None = None,
    ) -> None:  # fmt: skip
        super().__init__(parent)
        self.told = told  # 告知来电人, under the fields once the order is fed back
        self.reveal = RevealRow(ops, reveal) if reveal is not None else None
        self._revealed: tuple[str, Revealed] | None = None  # (order number, its caller)
        self._departments = department_names or {}
        self.steps = actions
        self.merge = merge  # 并单 / 拆单 (OrderMerge)
        self.held = HeldSteps(journal)  # 暂存: the steps the seat holds on the order shown
        self._journal: HeldJournal = journal or NoJournal()
        self.shown_as: Shown | None = None  # the order on screen, as it will be once written
        self._related_shown: Sequence[OrderSummary] | None = ()  # None: unavailable
        self.setMinimumSize(QSize(720, 560))
        self._ops, self._get, self._related, self._link = ops, get, related, link
        self._names = (dict(kind_names), dict(field_names or {}), dict(district_names or {}))
        self._latest = ""  # the number of the newest load: only its answer is shown
        self._loading = ""  # that number while its answer has not come
        self._awaiting = ""  # an order announced from the peer whose message has not landed
        self._now: datetime | None = None  # None: the wall clock
        self.order: WorkOrder | None = None
        self._build()
        self.related.linkActivated.connect(self.order_activated)
        self.timeline.order_activated.connect(self.order_activated)

    def _build(self) -> None:
        self.title = QLabel(self.tr("No order shown."))
        self.title.setObjectName("detailTitle")
        self.title.setStyleSheet("font-size: 15px; font-weight: bold;")
        self.message = QLabel()
        self.message.setObjectName("detailMessage")
        self.message.setTextFormat(Qt.TextFormat.PlainText)
        self.message.setWordWrap(True)
        self.message.hide()
        self.projected = QLabel()  # what of the order shown is held on the seat, not written
        self.projected.setObjectName("detailProjected")
        self.projected.setTextFormat(Qt.TextFormat.PlainText)
        self.projected.setWordWrap(True)
        self.projected.setStyleSheet(HELD_STYLE)
        self.projected.hide()
        self.grid = OrderFields()
        self.values = self.grid.values
        self.description = QPlainTextEdit(readOnly=True)
        self.description.setObjectName("description")
        self.description.setMaximumHeight(90)
        self.timeline = Timeline(self._departments)
        self.related = RelatedLinks()
        layout = QVBoxLayout(self)
        layout.addWidget(self.title)
        layout.addWidget(self.message)
        layout.addWidget(self.projected)
        self.exchange = OrderLinkLines()
        layout.addWidget(self.exchange)
        if self.steps is not None:
            layout.addWidget(self.steps)
            self.steps.done.connect(lambda number, _action: self.load(number))
            self.steps.held.connect(self._held)
        if self.merge is not None:  # 并单 / 拆单, under the steps; one form open at a time
            layout.addWidget(self.merge)
            self.merge.done.connect(self.load)
            if self.steps is not None:
                self.merge.opened.connect(self.steps.close_step)
                self.steps.opened.connect(self.merge.close_form)
        layout.addWidget(self.held)
        QShortcut(sequence("dismiss_aside"), self, self.held.dismiss_shown)
        fields = QWidget()
        inner = QVBoxLayout(fields)
        inner.setContentsMargins(0, 0, 0, 0)
        inner.addLayout(self.grid)
        if self.reveal is not None:
            inner.addWidget(self.reveal)
            self.reveal.hide()
            self.reveal.revealed.connect(self._show_revealed)
            self.reveal.refused.connect(lambda text: self._say(text, error=True))
        inner.addWidget(QLabel(self.tr("Description:")))
        inner.addWidget(self.description)
        if self.told is not None:
            inner.addWidget(self.told)
        self.fields = QScrollArea()
        self.fields.setObjectName("detailFields")
        self.fields.setWidget(fields)
        self.fields.setWidgetResizable(True)
        self.fields.setFrameShape(QScrollArea.Shape.NoFrame)
        self.fields.setMinimumHeight(60)
        self._body = (self.fields, QLabel(self.tr("Timeline (newest first):")), self.timeline,
                      QLabel(self.tr("The caller's other orders:")), self.related)  # fmt: skip
        for part, stretch in zip(self._body, (2, 0, 3, 0, 0), strict=True):
            layout.addWidget(part, stretch)

    # ------------------------------------------------------------------ public

    def load(self, number: str, *, quietly: bool = False) -> None:
        """Read order ``number`` and its caller's other orders off the UI thread, then show
        (``quietly``: without saying "Loading…", for a re-read of the order on screen)."""
        number = number.strip()
        self._latest = self._loading = number
        if number != self._awaiting:
            self._awaiting = ""  # the agent moved on to another order
        if not quietly:
            self._say(self.tr("Loading {number}…").format(number=number))
        get, related, link, journal = self._get, self._related, self._link, self._journal

        def read() -> tuple[Shown, list[OrderSummary] | None, OrderLinkView | None]:
            shown = journal.shown(number, lambda n: get(n).order)  # held steps applied
            order = shown.order
            if not shown.written:  # a new order held on the seat: nothing of it is stored yet
                return shown, [], None
            # The database away: the seat's copy, with the caller's orders read with it if any.
            found = journal.related(order.number, order.caller.phone, related)
            others = None if found is None else [s for s in found if s.number != order.number]
            if shown.read_at is not None or link is None:
                return shown, others, None
            return shown, others, link(order.number)

        # A newer load replaces one still waiting (only the newest is shown); the answer is
        # dropped if this widget is deleted meanwhile.
        self._ops.read(
            self,
            "order",
            read,
            success=lambda answer: self._arrived(number, answer),
            failure=lambda error: self._not_loaded(number, error),
        )

    def expect(self, number: str) -> None:
        """Order ``number`` is on its way from the peer platform (its caller came first): until
        its message lands, loading it says so instead of "no such order"."""
        self._awaiting = number.strip()

    @property
    def awaiting(self) -> str:
        """The number of the order on its way from the peer platform, if one is expected."""
        return self._awaiting

    def show_order(
        self, order: WorkOrder, related: Sequence[OrderSummary] | None, shown: Shown | None = None
    ) -> None:
        """Show ``order``; ``shown``: it as it will be once the seat's journal is written (its
        held lines marked), when the journal holds any of it, or the seat's copy of it (the
        database away). ``related``: None when the caller's orders cannot be read now."""
        shown = shown or Shown(order, order, len(order.timeline))
        order = shown.order
        self.order, self.shown_as, self._related_shown = order, shown, related
        self._say("")
        for part in self._body:
            part.show()
        title = self.tr("Work order {number}").format(number=order.number)
        if not shown.written:
            title += self.tr(" (held on this seat, not yet in the database)")
        self.title.setText(title)
        self._show_held(shown)
        if self._revealed is not None and self._revealed[0] != order.number:
            self._revealed = None  # a reveal is for one order only
        if self.reveal is not None:
            self.reveal.set_order(order.number, shown_whole=self._revealed is not None)
            # A held order: nothing stored to audit; a copy: no database to audit in.
            self.reveal.setVisible(bool(shown.written) and shown.read_at is None)
        kinds, fields, districts = self._names
        names = (kinds, fields, districts, self._departments)
        now = self._now or datetime.now(UTC)
        self.grid.show_order(order, names, self._caller_text(order), now, shown.held_deadlines)
        if shown.held:
            status = self.values["status"]
            status.setText(self.tr("{status} (held, not yet written)").format(status=status.text()))
        self.description.setPlainText(order.description)
        self.timeline.show_order(order, held=shown.held)
        self.related.show_order(order, related, self._names[0])
        if self.steps is not None:
            self.steps.show_order(order)
        if self.merge is not None:
            # 并单 needs the order as stored, after the agent's held steps: not while they wait.
            self.merge.show_order(None if shown.held or shown.read_at else order)
        self.held.show_for(order.number)
        if self.told is not None:
            stored = shown.written and shown.read_at is None  # its callers read from the database
            self.told.show_order(shown.base if stored else None)
        self.shown.emit(order.number)

    def refresh(self) -> None:
        """Read the order on screen again (another seat may have changed it). A read already
        under way may have started before that change was committed: this one then waits as
        the single next read (Operations coalesces them), it is never dropped. While another
        order is being opened, that one is read (the order shown is being left)."""
        if self._awaiting:
            self.load(self._awaiting, quietly=True)
        elif self._loading:
            self.load(self._loading, quietly=True)
        elif self.order is not None:
            self.load(self.order.number, quietly=True)

    def held_status(self) -> Status | None:
        """The status of the order shown once its held steps are written; None when the seat's
        journal holds none of it."""
        shown = self.shown_as
        return shown.order.status if shown is not None and shown.held else None

    def journal_written(self) -> None:
        """The seat's journal was written (or some of it set aside): the 暂存 lines read again,
        and an order shown as it will be is read as it is now (a held order by its number)."""
        self.held.refresh()
        if self.shown_as is not None and (self.shown_as.held or self.shown_as.read_at):
            self.refresh()  # and a copy shown while the database was away is read afresh

    def set_now(self, now: datetime) -> None:
        """The instant the time left is counted from (the app's clock tick)."""
        self._now = now
        if self.order is not None:
            self.grid.show_deadlines(self.order, now)
        self.exchange.set_now(now)

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

    def _arrived(
        self, number: str, answer: tuple[Shown, list[OrderSummary] | None, OrderLinkView | None]
    ) -> None:
        if number != self._latest:  # a newer load is on its way: only the newest is shown
            return
        self._loading = ""
        shown, related, link = answer
        self._awaiting = ""
        self.show_order(shown.order, related, shown)
        self.exchange.show_link(link)

    def _not_loaded(self, number: str, error: Exception) -> None:
        if number != self._latest:
            return
        self._loading = ""
        if isinstance(error, UnknownOrder) and number == self._awaiting:
            self._in_transit(number)
        elif isinstance(error, UnknownOrder):
            self._fail(self.tr("There is no work order {number}.").format(number=number))
        elif isinstance(error, NotReadHere):  # the database away, no copy: not "no such order"
            self._fail(refusal_text(error))
        else:
            text = self.tr("Could not load {number}: {error}")
            self._fail(text.format(number=number, error=refusal_text(error)))

    def _in_transit(self, number: str) -> None:
        """工单传输中 where the order would show, until its message lands (:meth:`refresh`)."""
        self.order = self.shown_as = None
        self.projected.hide()
        self.title.setText(self.tr("Work order {number}").format(number=number))
        self._say(self.tr("Order on its way from the other platform…"))
        self.message.setStyleSheet(TRANSIT_STYLE)
        self.exchange.show_link(None)
        for part in self._body:
            part.hide()
        if self.steps is not None:
            self.steps.show_order(None)
        if self.merge is not None:
            self.merge.show_order(None)
        self.held.show_for(None)
        if self.told is not None:
            self.told.show_order(None)

    def _held(self, number: str, label: str) -> None:
        """A step was held on ``number``: shown as the order will be with it (the seat's file
        only: the database is away)."""
        shown = self.shown_as
        if self.order is not None and self.order.number == number and shown is not None:
            again = replace(self._journal.project(shown.base, shown.written), read_at=shown.read_at)
            self.show_order(again.order, self._related_shown, again)
            self._say(self.tr("Held as {label}: written when the database is back.")
                      .format(label=label))  # fmt: skip

    def _show_held(self, shown: Shown) -> None:
        """The lines under the title: the copy shown while the database is away, and what of
        the order shown is not yet in the database."""
        text = shown_text(shown)
        self.projected.setText(text)
        self.projected.setVisible(bool(text))

    def _fail(self, text: str) -> None:
        self._say(text, error=True)
        self.failed.emit(text)

    def _say(self, text: str, error: bool = False) -> None:
        self.message.setText(text)
        self.message.setStyleSheet(ERROR_STYLE if error else "")
        self.message.setVisible(bool(text))
