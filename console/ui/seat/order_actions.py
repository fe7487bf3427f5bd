"""The order's next steps (办理): one button per action this seat may take now, and a small form
for what the action needs (a note, a department, a 110 kind, a three-way outcome).

Which buttons show comes from ``allowed_actions`` (the domain: the order's rules) and the role
matrix (``Seated.may``: what the signed-in principal may do); the service still checks every
action, and a refusal is said inline with the form kept as typed (STYLE: validate at the edge,
keep the draft). Keyboard: each step has its own Alt key, the same in every state (declared with
the step, ``ActionSpec.key``; shown on its button), Ctrl+Enter confirms, Esc closes the form.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QFrame,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QWidget,
)

from console.domain.actions import ACTIONS, MAX_NOTE, STEPS, FormField
from console.domain.catalogue import Department, Kind
from console.domain.orders import (
    Action,
    FirstContactMode,
    ThreeWayOutcome,
    WorkOrder,
    allowed_actions,
)
from console.domain.refusals import Refused
from console.domain.roles import Seated
from console.services.steps import Held, Step
from console.ui.keys import mnemonic
from console.ui.names import action_names, say
from console.ui.operations import Operations
from console.ui.refusals import refusal_text
from console.ui.seat.intake_inputs import SearchBox, named
from console.ui.seat.step_form import lay_out_step_form

ERROR_STYLE = "color: #b00020;"

Perform = Callable[[Step], object]
"""Carries a step out through the services (runs on the worker thread); raises when refused,
returns :class:`Held` when the seat held it (the database away)."""


class OrderActions(QWidget):
    """Signals: ``done(str, str)`` — a step was carried out (order number, action);
    ``held(str, str)`` — it was held on the seat, the database away (order number, held label:
    ``console.services.journal``); ``refused(str)`` — the service refused it (the message
    shown inline; a step the seat does not hold is refused while the database is away);
    ``directory_loaded(list)`` — the department directory as just read (for names elsewhere);
    ``opened()`` — a step's form opened (the detail's other form closes)."""

    done = Signal(str, str)
    held = Signal(str, str)
    refused = Signal(str)
    directory_loaded = Signal(list)  # list[Department], as read for a dispatch
    opened = Signal()

    def __init__(
        self,
        *,
        by: Seated,
        perform: Perform,
        ops: Operations,
        departments: Callable[[], Sequence[Department]],
        police_kinds: Sequence[Kind],
        chinese: bool = True,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._by, self._perform, self._ops = by, perform, ops
        self._departments_source = departments
        self._departments: list[Department] | None = None
        self._chinese = chinese
        self.order: WorkOrder | None = None
        self.action: Action | None = None
        self._busy = False
        self._notes: dict[tuple[str, Action], str] = {}  # typed, not yet carried out
        self._build(police_kinds)

    def _build(self, police_kinds: Sequence[Kind]) -> None:
        names = action_names()
        row = QHBoxLayout()
        row.setContentsMargins(0, 0, 0, 0)
        self.buttons: dict[Action, QPushButton] = {}
        for spec in STEPS:  # every declared step, in the declared order
            action = spec.action
            button = QPushButton(names[action])
            button.setObjectName(f"do-{action.value}")
            button.clicked.connect(lambda _=False, a=action: self.open_step(a))
            button.hide()
            row.addWidget(button)
            self.buttons[action] = button
        row.addStretch(1)
        self.none = QLabel(self.tr("Nothing for this seat to do on this order now."))
        self.none.setObjectName("noActions")
        row.insertWidget(0, self.none)
        self.form = named(QFrame(frameShape=QFrame.Shape.StyledPanel), "stepForm")
        self.prompt = named(QLabel(), "stepPrompt")
        self.prompt.setStyleSheet("font-weight: bold;")
        self.department = SearchBox()
        self.department.setObjectName("department")
        self.kind = named(QComboBox(), "policeKind")
        self.kind.setPlaceholderText(self.tr("Choose the 110 kind"))
        for kind in police_kinds:
            self.kind.addItem(kind.name_zh if self._chinese else kind.name_en, kind.code)
        self.outcome = named(QComboBox(), "outcome")
        self.outcome.addItem(self.tr("12345 takes it"), ThreeWayOutcome.HOTLINE.value)
        self.outcome.addItem(self.tr("110 takes it"), ThreeWayOutcome.POLICE.value)
        self.outcome.addItem(
            self.tr("Neither: first-contact responsibility"), ThreeWayOutcome.FIRST_CONTACT.value
        )
        self.mode = named(QComboBox(), "firstContactMode")
        self.mode.addItem(
            self.tr("Provisional acceptance (先行受理)"), FirstContactMode.PROVISIONAL.value
        )
        self.mode.addItem(self.tr("Guidance given (合理引导)"), FirstContactMode.GUIDANCE.value)
        self.consent = named(
            QCheckBox(self.tr("The caller agrees to the transfer (与诉求方协商同意)")),
            "stepConsent",
        )
        self.note = named(QPlainTextEdit(), "stepNote")
        self.note.setMaximumHeight(70)
        self.error = named(QLabel(), "stepError")
        self.error.setStyleSheet(ERROR_STYLE)
        self.error.setWordWrap(True)
        self.error.setTextFormat(Qt.TextFormat.PlainText)
        self.confirm = named(QPushButton(self.tr("Confirm (Ctrl+Enter)")), "stepConfirm")
        self.cancel = named(QPushButton(self.tr("Close (Esc)")), "stepCancel")
        self.confirm.clicked.connect(self.submit)
        self.cancel.clicked.connect(self.close_step)
        fields = QFormLayout()
        self.rows: dict[FormField, tuple[QLabel, QWidget]] = {
            FormField.DEPARTMENT: (QLabel(self.tr("Department:")), self.department),
            FormField.POLICE_KIND: (QLabel(self.tr("110 kind:")), self.kind),
            FormField.OUTCOME: (QLabel(self.tr("Outcome:")), self.outcome),
            FormField.FIRST_CONTACT_MODE: (QLabel(self.tr("First contact:")), self.mode),
            FormField.CONSENT: (QLabel(), self.consent),
        }
        for label, widget in self.rows.values():
            fields.addRow(label, widget)
        self.note_label = QLabel()
        fields.addRow(self.note_label, self.note)
        lay_out_step_form(self, row, self.form, self.prompt, fields,
                          (self.error, self.cancel, self.confirm), self.submit,
                          self.close_step)  # fmt: skip
        self.outcome.currentIndexChanged.connect(self._show_fields)

    # ------------------------------------------------------------------ public

    def show_order(self, order: WorkOrder | None) -> None:
        """Buttons for what this seat may do on ``order`` now. A step open on the same order stays
        as typed; if the order changed so that the step is no longer possible, the form stays
        with its note and says so (nothing typed is lost). Another order closes the form; its
        note is kept for when that step is opened on that order again."""
        same = order is not None and self.order is not None and order.number == self.order.number
        if not same:
            self.close_step()  # its note is kept under the order it was typed for
        self.order = order
        allowed = self._allowed(order) if order is not None else frozenset()
        names = action_names()
        for action, button in self.buttons.items():
            button.setVisible(action in allowed)
            name, button_text = names[action], ACTIONS[action].button
            if button_text is not None and order is not None:
                name = say(button_text, platform=order.owner.peer.value)
            key = ACTIONS[action].key  # its own, in every state: learnt once
            button.setText(mnemonic(name, key))
            button.setShortcut(QKeySequence(key))
            button.setToolTip(key)
        self.none.setVisible(order is not None and not allowed)
        if self.action is not None and self.action in allowed and not self._busy:
            self.confirm.setEnabled(True)  # possible (again)
        if self.action is not None and self.action not in allowed:
            if self.note.toPlainText().strip() or self.error.text():
                self._say(self.tr("This order changed meanwhile: this step is no longer possible. "
                                  "Your note is kept; copy it or close."))  # fmt: skip
                self.confirm.setEnabled(False)
            else:
                self.close_step()

    def open_step(self, action: Action) -> None:
        order = self.order
        if order is None:
            return
        self._keep_note()  # the step open before keeps what was typed in it
        self.action = action
        self.prompt.setText(
            self.tr("{action}: work order {number}").format(
                action=action_names()[action], number=order.number
            )
        )
        self.note.setPlainText(self._notes.get((order.number, action), ""))
        self.consent.setChecked(order.consent)
        self.kind.setCurrentIndex(-1)  # none preselected: a dispute is no crime, the agent chooses
        self.confirm.setEnabled(True)
        spec = ACTIONS[action]
        if FormField.DEPARTMENT in spec.form:
            self._fill_departments()
        self.note_label.setText(
            self.tr("Note (required):") if spec.note else self.tr("Note (optional):")
        )
        self.note.setPlaceholderText(say(spec.hint) if spec.hint else "")
        self._say("")
        self._show_fields()
        self.form.show()
        self.opened.emit()
        asked = [f for f in spec.form if f is not FormField.CONSENT]  # the first thing to fill
        first: QWidget = self.rows[asked[0]][1] if asked else self.note
        first.setFocus()

    def close_step(self) -> None:
        self._keep_note()
        self.action = None
        self.form.hide()
        self._say("")

    def _keep_note(self) -> None:
        """Remember the open step's note by (order, action); it comes back when reopened."""
        if self.order is None or self.action is None:
            return
        text = self.note.toPlainText()
        key = (self.order.number, self.action)
        if text.strip():
            self._notes[key] = text
        else:
            self._notes.pop(key, None)

    def submit(self) -> None:
        """Check what the form can check here, then hand the step to the services."""
        order, action = self.order, self.action
        if order is None or action is None or self._busy:
            return
        if not self._by.may(action):  # opened by hand (F11's strip): the roles still decide
            self._say(refusal_text(Refused("not_allowed", f"{action.value} not allowed")))
            return
        if action not in self._allowed(order):  # the order moved on meanwhile
            self._say(self.tr("This order changed meanwhile: this step is no longer possible. "
                              "Your note is kept; copy it or close."))  # fmt: skip
            return
        note = self.note.toPlainText().strip()
        spec = ACTIONS[action]
        detail, mode = "", None
        if FormField.DEPARTMENT in spec.form:
            detail = self.department.value()
            if self._departments is None:
                self._say(self.tr("The directory is still loading; a moment, please."))
                return
            if not detail:
                self._say(self.tr("Choose the department to dispatch to."))
                self.department.setFocus()
                return
        elif FormField.POLICE_KIND in spec.form:
            detail = str(self.kind.currentData() or "")
            if not detail:
                self._say(self.tr("Choose the 110 kind of the linked order."))
                self.kind.setFocus()
                return
        elif FormField.OUTCOME in spec.form:
            detail = str(self.outcome.currentData())
        elif FormField.CONSENT in spec.form and self.consent.isChecked() and not order.consent:
            detail = "consent"  # recorded with the transfer
        if self.mode.isVisibleTo(self.form):
            mode = FirstContactMode(str(self.mode.currentData()))
        if spec.note and not note:
            self._say(self.tr("Write the note first: this step needs it."))
            self.note.setFocus()
            return
        if len(note) > MAX_NOTE:
            self._say(self.tr("The note is too long ({count} characters; at most {most}).").format(
                count=len(note), most=MAX_NOTE))  # fmt: skip
            return
        step = Step(order.number, len(order.timeline), action, note, detail, mode)
        self._busy = True
        self.confirm.setEnabled(False)
        self._say(self.tr("Saving…"), error=False)
        self._ops.write(
            self,
            lambda: self._perform(step),
            success=lambda result: self._done(step, result),
            failure=lambda error: self._refused(step, error),
        )

    # ------------------------------------------------------------------ private

    def _allowed(self, order: WorkOrder) -> frozenset[Action]:
        """What the order's rules allow this seat now, of what the principal's roles allow."""
        by = self._by
        return frozenset(a for a in allowed_actions(order, by.actor) if by.may(a))

    def _here(self, step: Step) -> bool:
        """Whether the form still shows ``step``: the agent may have moved to another order or
        step while it was saving."""
        return (
            self.order is not None
            and self.order.number == step.number
            and self.action is step.action
        )

    def _refused(self, step: Step, error: Exception) -> None:
        self._busy = False
        self.confirm.setEnabled(True)
        text = refusal_text(error)
        if self._here(step):
            self._say(self.tr("Not done: {reason}").format(reason=text))
        self.refused.emit(text)

    def _done(self, step: Step, result: object = None) -> None:
        self._busy = False
        self.confirm.setEnabled(True)
        self._notes.pop((step.number, step.action), None)
        if self._here(step):
            self.note.clear()
            self.action = None  # done: nothing to keep
            self.close_step()
        if isinstance(result, Held):  # in the journal: the note is there now
            self.held.emit(step.number, result.label)
        else:
            self.done.emit(step.number, step.action.value)

    def _show_fields(self) -> None:
        """The open step's declared fields; with an outcome, the first-contact mode only when
        the outcome is first-contact responsibility."""
        form = ACTIONS[self.action].form if self.action is not None else ()
        outcome_first_contact = self.outcome.currentData() == ThreeWayOutcome.FIRST_CONTACT.value
        for field, (label, widget) in self.rows.items():
            visible = field in form
            if field is FormField.FIRST_CONTACT_MODE and FormField.OUTCOME in form:
                visible = visible and outcome_first_contact
            label.setVisible(visible)
            widget.setVisible(visible)

    def _fill_departments(self) -> None:
        """Read the directory off the UI thread (it may have been edited since), then list it
        with the order's own district first, then its city."""
        order = self.order
        if self._departments is not None:
            self._list_departments(self._departments, order)
        else:
            self.department.setPlaceholderText(self.tr("Loading the directory…"))
        source = self._departments_source

        def failed(error: Exception) -> None:
            self._say(self.tr("Could not read the department directory: {error}").format(
                error=refusal_text(error)))  # fmt: skip

        def arrived(found: list[Department]) -> None:
            self._departments = found
            self.directory_loaded.emit(found)
            shown = self.order  # re-read by the change poll meanwhile: compare numbers
            same = shown is not None and order is not None and shown.number == order.number
            open_form = ACTIONS[self.action].form if self.action is not None else ()
            if same and FormField.DEPARTMENT in open_form:
                typed = self.department.currentText()
                self._list_departments(found, shown)
                self.department.setEditText(typed)

        self._ops.read(self, "directory", lambda: list(source()), success=arrived, failure=failed)

    def _list_departments(self, found: Sequence[Department], order: WorkOrder | None) -> None:
        district = order.district if order else ""
        city = district[:4] + "00" if district else ""

        def near(d: Department) -> tuple[int, str]:
            return (0 if d.district == district else 1 if d.district == city else 2, d.code)

        self.department.set_items(
            [(d.code, f"{d.name_zh if self._chinese else d.name_en}  {d.code}")
             for d in sorted(found, key=near)]
        )  # fmt: skip

    def _say(self, text: str, error: bool = True) -> None:
        self.error.setText(text)
        self.error.setStyleSheet(ERROR_STYLE if error else "")
