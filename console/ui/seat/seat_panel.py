"""The agent's seat: the call area (state, call bar, wrap-up strip, linkage strip), the screen pop
beside the intake form (above it on a narrow window: half a 1920 screen, ``make run``'s pair),
and the keys for them.

The call area (:attr:`SeatPanel.call_area`) is the seat panel's until the window takes it
(:meth:`SeatPanel.take_call_area`) to show it above its tabs: the call stays in view whatever
tab the agent is on, and the seat's keys, parented to it, work from every tab (a shortcut of
a hidden widget does not fire).

Layout and shortcuts only; :class:`SeatController` holds the behaviour.

Keys (documented in README, declared in console/ui/keys.py): F2 ready, F3 not ready (break), F5
answer, F6 hang up, Shift+F6 more wrap-up time, F7 hold / resume, F8 one-click transfer to the peer
line, F9 three-way call, Ctrl+N new order; F4 and F10–F12 act on the linkage strip's offers (cancel
the ringing transfer, 互派 or transfer with consent, record the outcome, open); in wrap-up the
digits pick a wrap-up code and Enter records it.
"""

from __future__ import annotations

from datetime import datetime

from PySide6.QtCore import QSize, Qt, Signal, Slot
from PySide6.QtGui import QResizeEvent, QShortcut, QStandardItemModel
from PySide6.QtWidgets import (
    QApplication,
    QComboBox,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QSplitter,
    QTextEdit,
    QVBoxLayout,
    QWidget,
)

from console.domain.agent_state import AgentState, NotReadyReason
from console.ui.keys import sequence
from console.ui.seat.call_bar import CallBar, clock_text
from console.ui.seat.intake_form import IntakeForm
from console.ui.seat.linkage_bar import LinkageBar, PeerSeats
from console.ui.seat.screen_pop import ScreenPopView
from console.ui.seat.seat_controller import SeatController
from console.ui.seat.transfer_flow import TransferFlow
from console.ui.seat.wrap_up_panel import WrapUpPanel

NOTICE_STYLE = "QLabel#seatNotice { color: #8a1c1c; }"
# Narrower than this, the screen pop goes above the intake form (their minimum widths side by
# side, the handle and the margins); a seat window is usable from MINIMUM_SIZE's width.
SIDE_BY_SIDE_WIDTH = 1160
MINIMUM_SIZE = QSize(900, 420)


class SeatPanel(QWidget):
    """Signals: ``wants_front()`` — the agent asked for the seat's page (Ctrl+N)."""

    wants_front = Signal()

    def __init__(
        self,
        controller: SeatController,
        flow: TransferFlow,
        call_bar: CallBar,
        pop_view: ScreenPopView,
        intake: IntakeForm,
        parent: QWidget | None = None,
        *,
        chinese: bool = True,
        beside_pop: QWidget | None = None,
    ) -> None:
        """``beside_pop``: shown under the screen pop, in the column beside the intake form
        (the knowledge pane)."""
        super().__init__(parent)
        self.setMinimumSize(MINIMUM_SIZE)
        self.controller = controller
        self.flow = flow
        self.intake = intake
        self.call_bar = call_bar
        self._state_name = ""
        self.state_box = QComboBox()
        self._choices: list[tuple[AgentState, NotReadyReason | None]] = [
            (AgentState.READY, None),
            (AgentState.NOT_READY, NotReadyReason.BREAK),
            (AgentState.NOT_READY, NotReadyReason.MEETING),
            (AgentState.NOT_READY, NotReadyReason.TRAINING),
        ]
        self.state_box.addItems(
            [
                self.tr("Ready (F2)"),
                self.tr("Not ready: break (F3)"),
                self.tr("Not ready: meeting"),
                self.tr("Not ready: training"),
            ]
        )
        # What the box shows on a call, in wrap-up and after a missed call, never pickable (the
        # seat or the switch decides those).
        first = self.state_box.count()
        self._shown_only: dict[tuple[AgentState, str], int] = {
            (AgentState.ON_CALL, ""): first,
            (AgentState.WRAP_UP, ""): first + 1,
            (AgentState.NOT_READY, NotReadyReason.NO_ANSWER.value): first + 2,
        }
        self.state_box.addItems(
            [self.tr("On a call"), self.tr("Wrap-up"), self.tr("Not ready: missed call")]
        )
        model = self.state_box.model()
        assert isinstance(model, QStandardItemModel)
        for index in self._shown_only.values():
            item = model.item(index)
            item.setEnabled(False)
        self.state_label = QLabel()
        self.state_label.setObjectName("seatState")
        self.notice = QLabel()
        self.notice.setObjectName("seatNotice")
        self.notice.setStyleSheet(NOTICE_STYLE)
        self.notice.setWordWrap(True)  # a long notice wraps; it never widens the window
        top = QHBoxLayout()
        top.addWidget(QLabel(self.tr("State:")))
        top.addWidget(self.state_box)
        top.addWidget(self.state_label)
        self.peer_seats = PeerSeats(flow)  # before F8: can the peer line take the caller?
        top.addWidget(self.peer_seats)
        top.addWidget(self.notice, 1)
        self.wrap_up = WrapUpPanel(controller.codes, chinese)
        self.linkage = LinkageBar(controller, flow)
        self.call_area = QFrame()
        self.call_area.setObjectName("callArea")
        area = QVBoxLayout(self.call_area)
        area.setContentsMargins(12, 6, 12, 4)
        area.setSpacing(4)
        area.addLayout(top)
        area.addWidget(call_bar)
        area.addWidget(self.wrap_up)
        area.addWidget(self.linkage)
        self.split = QSplitter(Qt.Orientation.Horizontal)
        self.split.addWidget(pop_view if beside_pop is None else _stacked(pop_view, beside_pop))
        self.split.addWidget(intake)
        self.split.setStretchFactor(0, 2)
        self.split.setStretchFactor(1, 3)
        self.split.setChildrenCollapsible(False)
        self.split.setObjectName("seatSplit")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(12, 8, 12, 6)
        layout.addWidget(self.call_area)
        layout.addWidget(self.split, 1)
        self._keys()
        self.state_box.activated.connect(self._choose_state)
        controller.state_changed.connect(self._show_state)
        controller.notice.connect(self.notice.setText)
        flow.notice.connect(self.notice.setText)
        controller.wrap_up_began.connect(self._wrap_up_began)
        controller.code_settled.connect(self.wrap_up.code_recorded)
        self.wrap_up.chosen.connect(controller.choose_code)

    def resizeEvent(self, event: QResizeEvent) -> None:
        """Side by side when both fit their minimum widths, else the pop above the form."""
        wide = event.size().width() >= SIDE_BY_SIDE_WIDTH
        turn = Qt.Orientation.Horizontal if wide else Qt.Orientation.Vertical
        if self.split.orientation() != turn:
            self.split.setOrientation(turn)
            self.split.setStretchFactor(0, 2 if wide else 1)
            self.split.setStretchFactor(1, 3)
        super().resizeEvent(event)

    def take_call_area(self) -> QWidget:
        """The call area, out of this panel's layout: the window shows it above its tabs."""
        layout = self.layout()
        assert layout is not None
        layout.removeWidget(self.call_area)
        self.call_area.setContentsMargins(0, 0, 0, 0)
        return self.call_area

    def _keys(self) -> None:
        """On the call area: it is always in view, so the keys work from every tab."""
        c = self.controller
        for key, slot in (
            ("ready", c.set_ready),
            ("break", lambda: c.set_not_ready(NotReadyReason.BREAK)),
            ("answer", c.answer_next),
            ("hang_up", c.hang_up),
            ("extend_wrap_up", c.extend_wrap_up),
            ("hold", c.toggle_hold),
            ("transfer", self.flow.transfer),
            ("three_way", self.flow.conference),
            ("new_order", self.new_order),
        ):  # console/ui/keys.py declares them
            shortcut = QShortcut(sequence(key), self.call_area)
            shortcut.setContext(Qt.ShortcutContext.WindowShortcut)
            shortcut.activated.connect(slot)

    @Slot(int)
    def _choose_state(self, index: int) -> None:
        if index >= len(self._choices):
            return
        state, reason = self._choices[index]
        if state is AgentState.READY:
            self.controller.set_ready()
        elif reason is not None:
            self.controller.set_not_ready(reason)

    @Slot(str, str)
    def _show_state(self, state: str, reason: str) -> None:
        self.notice.clear()
        names = {
            AgentState.READY: self.tr("Ready"),
            AgentState.NOT_READY: self.tr("Not ready"),
            AgentState.ON_CALL: self.tr("On a call"),
            AgentState.WRAP_UP: self.tr("Wrap-up"),
            AgentState.LOGGED_OUT: self.tr("Logged out"),
        }
        self._state_name = names.get(AgentState(state), state)
        # On a call or in wrap-up the agent cannot pick a state; the box says where they are.
        self.state_box.setEnabled(state in (AgentState.READY.value, AgentState.NOT_READY.value))
        shown = self._shown_only.get((AgentState(state), reason))
        if shown is not None:
            self.state_box.setCurrentIndex(shown)
        for index, (choice, why) in enumerate(self._choices):
            if choice.value == state and (why.value if why else "") == reason:
                self.state_box.setCurrentIndex(index)
        if state != AgentState.WRAP_UP.value:
            self.wrap_up.end()

    @Slot(bool)
    def _wrap_up_began(self, asking: bool) -> None:
        self.wrap_up.begin(asking)
        self.wrap_up.set_left(self.controller.wrap_up_length)
        focused = QApplication.focusWidget()
        typing = isinstance(focused, QLineEdit | QTextEdit | QPlainTextEdit)
        if asking and not typing:  # the digits go to the codes, never into a half-typed field
            self.wrap_up.setFocus(Qt.FocusReason.OtherFocusReason)

    @Slot()
    def new_order(self) -> None:
        call = self.controller.current
        if call is not None:
            self.intake.start_for_call(call.call_id, call.caller)
        self.wants_front.emit()  # the agent asked: the seat's page comes to the front
        self.intake.setFocus(Qt.FocusReason.ShortcutFocusReason)

    def set_now(self, now: datetime) -> None:
        self.controller.set_now(now)
        if self.wrap_up.isVisibleTo(self.call_area):
            self.wrap_up.set_left(self.controller.wrap_up_left(now))
        since = self.controller.since
        spent = clock_text(now - since) if since else "--:--"
        name = getattr(self, "_state_name", "")
        self.state_label.setText(self.tr("{state} for {time}").format(state=name, time=spent))


def _stacked(top: QWidget, below: QWidget) -> QSplitter:
    """``top`` over ``below``, the agent free to move the line between them."""
    column = QSplitter(Qt.Orientation.Vertical)
    column.setObjectName("popColumn")
    column.addWidget(top)
    column.addWidget(below)
    column.setStretchFactor(0, 3)
    column.setStretchFactor(1, 2)
    column.setChildrenCollapsible(False)
    return column
