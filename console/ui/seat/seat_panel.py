"""The agent's seat: state, call bar, screen pop beside the intake form, and the keys for them.

Layout and shortcuts only; :class:`SeatController` holds the behaviour.

Keys (documented in README): F2 ready, F3 not ready (break), F5 answer, F6 hang up, F7 hold /
resume, F8 one-click transfer to the peer line, F9 three-way call, Ctrl+N new order; F4 and
F10–F12 act on the linkage strip's offers (cancel the ringing transfer, 互派 or transfer with
consent, record the outcome, open).
"""

from __future__ import annotations

from datetime import datetime

from PySide6.QtCore import QSize, Qt, Slot
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel, QSplitter, QVBoxLayout, QWidget

from console.domain.agent_state import AgentState, NotReadyReason
from console.ui.seat.call_bar import CallBar, clock_text
from console.ui.seat.intake_form import IntakeForm
from console.ui.seat.linkage_bar import LinkageBar, PeerSeats
from console.ui.seat.screen_pop import ScreenPopView
from console.ui.seat.seat_controller import SeatController
from console.ui.seat.transfer_flow import TransferFlow

NOTICE_STYLE = "QLabel#seatNotice { color: #8a1c1c; }"


class SeatPanel(QWidget):
    def __init__(
        self,
        controller: SeatController,
        flow: TransferFlow,
        call_bar: CallBar,
        pop_view: ScreenPopView,
        intake: IntakeForm,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setMinimumSize(QSize(900, 560))
        self.controller = controller
        self.flow = flow
        self.intake = intake
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
        self.state_label = QLabel()
        self.state_label.setObjectName("seatState")
        self.notice = QLabel()
        self.notice.setObjectName("seatNotice")
        self.notice.setStyleSheet(NOTICE_STYLE)
        top = QHBoxLayout()
        top.addWidget(QLabel(self.tr("State:")))
        top.addWidget(self.state_box)
        top.addWidget(self.state_label)
        self.peer_seats = PeerSeats(flow)  # before F8: can the peer line take the caller?
        top.addWidget(self.peer_seats)
        top.addWidget(self.notice, 1)
        split = QSplitter(Qt.Orientation.Horizontal)
        split.addWidget(pop_view)
        split.addWidget(intake)
        split.setStretchFactor(0, 1)
        split.setStretchFactor(1, 1)
        split.setSizes([600, 640])
        layout = QVBoxLayout(self)
        layout.setContentsMargins(12, 8, 12, 6)
        layout.addLayout(top)
        layout.addWidget(call_bar)
        self.linkage = LinkageBar(controller, flow)
        layout.addWidget(self.linkage)
        layout.addWidget(split, 1)
        self._keys()
        self.state_box.activated.connect(self._choose_state)
        controller.state_changed.connect(self._show_state)
        controller.notice.connect(self.notice.setText)
        flow.notice.connect(self.notice.setText)

    def _keys(self) -> None:
        c = self.controller
        for key, slot in (
            ("F2", c.set_ready),
            ("F3", lambda: c.set_not_ready(NotReadyReason.BREAK)),
            ("F5", c.answer_next),
            ("F6", c.hang_up),
            ("F7", c.toggle_hold),
            ("F8", self.flow.transfer),
            ("F9", self.flow.conference),
            ("Ctrl+N", self.new_order),
        ):
            shortcut = QShortcut(QKeySequence(key), self)
            shortcut.setContext(Qt.ShortcutContext.WindowShortcut)
            shortcut.activated.connect(slot)

    @Slot(int)
    def _choose_state(self, index: int) -> None:
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
        # On a call or in wrap-up the agent cannot pick a state; the label says where they are.
        self.state_box.setEnabled(state in (AgentState.READY.value, AgentState.NOT_READY.value))
        for index, (choice, why) in enumerate(self._choices):
            if choice.value == state and (why.value if why else "") == reason:
                self.state_box.setCurrentIndex(index)

    @Slot()
    def new_order(self) -> None:
        call = self.controller.current
        if call is not None:
            self.intake.start_for_call(call.call_id, call.caller)
        self.intake.setFocus(Qt.FocusReason.ShortcutFocusReason)

    def set_now(self, now: datetime) -> None:
        self.controller.set_now(now)
        seat = self.controller._states.seat
        since = seat.since
        spent = clock_text(now - since) if since else "--:--"
        name = getattr(self, "_state_name", "")
        self.state_label.setText(self.tr("{state} for {time}").format(state=name, time=spent))
