"""并单 / 拆单 from the order detail: merge the order shown into another, or undo its merge.

The agent who finds two open orders about one matter merges the duplicate into the other from
the duplicate's detail: "Merge into…" (Ctrl+Shift+M) opens a form under the order's steps with
the likely duplicates of this order (``DuplicateService.candidates`` with its caller, address,
district, kind and text; read off the UI thread), best first, each with why; the arrows pick one
into the number box, or the agent types a number; a note; Ctrl+Enter merges, Esc closes (the
note kept for the next time). On a merged order, "Unmerge" (Ctrl+Shift+U) restores both.

Which button shows comes from the domain (``order_rules.check``: status, platform, guards) and
the roles; an order the rules keep from merging for a reason the agent can act on (others joined
it, it is at the peer) keeps the button, and pressing it says why, from the refusal words. The
service decides in the end: a refusal is said inline with the form as typed. The merge runs off
the UI thread (``Operations.write``); nothing here is modal, the focus moves only on a key the
agent pressed.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from typing import Protocol

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QFormLayout,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    QWidget,
)

from console.domain.actions import MAX_NOTE
from console.domain.duplicates import Candidate
from console.domain.order_rules import merged_into
from console.domain.orders import Action, TransitionError, WorkOrder, check
from console.domain.refusals import Refused
from console.domain.roles import Seated
from console.ui.keys import KEYS, sequence
from console.ui.operations import Operations
from console.ui.refusals import refusal_text
from console.ui.seat.intake_assist_text import candidate_text
from console.ui.seat.intake_inputs import named
from console.ui.seat.step_form import lay_out_step_form

ERROR_STYLE = "color: #b00020;"
HIDDEN = frozenset({"closed", "wrong_status"})  # refusals that hide the button: nothing to learn
CANDIDATE_ROWS = 4


class Duplicates(Protocol):
    """What the form asks of ``console.services.duplicates.DuplicateService``."""

    def candidates(self, *, phone: str = "", district: str = "", kind: str = "",
                   address: str = "", text: str = "", exclude: str = "") -> list[Candidate]: ...  # fmt: skip

    def merge(self, duplicate: str, into: str, note: str = "") -> object: ...

    def unmerge(self, duplicate: str, note: str = "") -> object: ...


class OrderMerge(QWidget):
    """Signals: ``done(str)`` — the order shown was merged or unmerged (its number);
    ``opened()`` — the form opened (the step form closes: one form at a time); ``refused(str)``
    — the service refused (the reason, for where it is seen once the agent moved on)."""

    done = Signal(str)
    opened = Signal()
    refused = Signal(str)

    def __init__(
        self, *, by: Seated, ops: Operations, duplicates: Duplicates,
        kind_names: Mapping[str, str] | None = None, parent: QWidget | None = None,
    ) -> None:  # fmt: skip
        super().__init__(parent)
        self._by, self._ops, self._dups = by, ops, duplicates
        self._kinds = dict(kind_names or {})
        self.order: WorkOrder | None = None
        self.action: Action | None = None  # MERGE or UNMERGE while the form is open
        self._busy = False
        self._notes: dict[tuple[str, Action], str] = {}  # typed, not yet carried out
        self._build()

    def _build(self) -> None:
        self.merge_button = named(QPushButton(), "do-merge")
        self.unmerge_button = named(QPushButton(), "do-unmerge")
        self.merge_button.setText(
            self.tr("Merge into… (并单, {key})").format(key=KEYS["merge"].keys[0])
        )
        self.unmerge_button.setText(
            self.tr("Unmerge (拆单, {key})").format(key=KEYS["unmerge"].keys[0])
        )
        for button, action, name in ((self.merge_button, Action.MERGE, "merge"),
                                     (self.unmerge_button, Action.UNMERGE, "unmerge")):  # fmt: skip
            button.setShortcut(sequence(name))  # after the text: setText resets the shortcut
            button.setToolTip(KEYS[name].keys[0])
            button.clicked.connect(lambda _=False, a=action: self.open_form(a))
            button.hide()
        self.said = named(QLabel(), "mergeSaid")  # why the button cannot do it now
        self.said.setStyleSheet(ERROR_STYLE)
        self.said.setWordWrap(True)
        self.said.setTextFormat(Qt.TextFormat.PlainText)
        self.said.hide()
        row = QHBoxLayout()
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.merge_button)
        row.addWidget(self.unmerge_button)
        row.addWidget(self.said, 1)
        self.form = named(QFrame(frameShape=QFrame.Shape.StyledPanel), "mergeForm")
        self.prompt = named(QLabel(), "mergePrompt")
        self.prompt.setStyleSheet("font-weight: bold;")
        self.found = named(QListWidget(), "mergeCandidates")
        self.found.setMaximumHeight(CANDIDATE_ROWS * 22 + 6)
        self.found.currentItemChanged.connect(self._picked)
        self.target = named(QLineEdit(), "mergeTarget")
        self.target.setPlaceholderText(self.tr("The order number, or pick one above"))
        self.note = named(QPlainTextEdit(), "mergeNote")
        self.note.setMaximumHeight(60)
        self.note.setPlaceholderText(self.tr("Why these are one matter"))
        self.error = named(QLabel(), "mergeError")
        self.error.setWordWrap(True)
        self.error.setTextFormat(Qt.TextFormat.PlainText)
        self.confirm = named(QPushButton(self.tr("Confirm (Ctrl+Enter)")), "mergeConfirm")
        self.cancel = named(QPushButton(self.tr("Close (Esc)")), "mergeCancel")
        self.confirm.clicked.connect(self.submit)
        self.cancel.clicked.connect(self.close_form)
        self.found_label = QLabel(self.tr("Likely duplicates:"))
        self.target_label = QLabel(self.tr("Merge into:"))
        fields = QFormLayout()
        fields.addRow(self.found_label, self.found)
        fields.addRow(self.target_label, self.target)
        fields.addRow(QLabel(self.tr("Note (optional):")), self.note)
        lay_out_step_form(self, row, self.form, self.prompt, fields,
                          (self.error, self.cancel, self.confirm), self.submit,
                          self.close_form)  # fmt: skip

    # ------------------------------------------------------------------ public

    def show_order(self, order: WorkOrder | None) -> None:
        """The buttons for ``order``; a form open on the same order stays as typed, another
        order closes it (its note kept for that order)."""
        if order is None or self.order is None or order.number != self.order.number:
            self.close_form()
            self._tell("")
        self.order = order
        self.merge_button.setVisible(self._offered(order, Action.MERGE))
        self.unmerge_button.setVisible(self._offered(order, Action.UNMERGE))

    def open_form(self, action: Action) -> None:
        """Open the merge (or unmerge) form on the order shown, or say why it cannot be."""
        order = self.order
        if order is None or self._busy:
            return
        refusal = self._refusal(order, action)
        if refusal is not None:
            self._tell(refusal_text(refusal))
            return
        self._tell("")
        self._keep_note()
        self.action = action
        merging = action is Action.MERGE
        text = (self.tr("Merge work order {number} into another (并单)") if merging
                else self.tr("Unmerge work order {number} from {into} (拆单)"))  # fmt: skip
        self.prompt.setText(text.format(number=order.number, into=merged_into(order) or ""))
        for part in (self.found_label, self.found, self.target_label, self.target):
            part.setVisible(merging)
        self.note.setPlainText(self._notes.get((order.number, action), ""))
        self.confirm.setEnabled(True)
        self._say("")
        self.form.show()
        self.opened.emit()
        if merging:
            self.found.clear()
            self.target.clear()
            self._read_candidates(order)
            self.found.setFocus()  # the arrows pick one; Tab: the number box
        else:
            self.note.setFocus()

    def close_form(self) -> None:
        self._keep_note()
        self.action = None
        self.form.hide()
        self._say("")

    def submit(self) -> None:
        """Check what the form can check here, then merge (or unmerge) off the UI thread."""
        order, action = self.order, self.action
        if order is None or action is None or self._busy:
            return
        note = self.note.toPlainText().strip()
        into = self.target.text().strip()
        if action is Action.MERGE and not into:
            self._say(self.tr("Choose or type the order to merge into."))
            self.target.setFocus()
            return
        if len(note) > MAX_NOTE:
            self._say(self.tr("The note is too long ({count} characters; at most {most}).").format(
                count=len(note), most=MAX_NOTE))  # fmt: skip
            return
        number, dups = order.number, self._dups
        if action is Action.MERGE:
            work: Callable[[], object] = lambda: dups.merge(number, into, note)  # noqa: E731
        else:
            work = lambda: dups.unmerge(number, note)  # noqa: E731
        self._busy = True
        self.confirm.setEnabled(False)
        self._say(self.tr("Saving…"), error=False)
        self._ops.write(
            self, work,
            success=lambda _result: self._done(number, action),
            failure=lambda error: self._refused(number, action, error),
        )  # fmt: skip

    # ------------------------------------------------------------------ private

    def _refusal(self, order: WorkOrder, action: Action) -> Exception | None:
        """Why the roles or the order's rules refuse ``action`` now, or None."""
        by = self._by
        partner = Action.MERGED_IN if action is Action.MERGE else Action.SPLIT_OFF
        if not (by.may(action) and by.may(partner)):
            return Refused("not_allowed", f"{action.value} not allowed")
        # MERGE: "?" stands for the order it joins, not chosen yet (its rules are checked then).
        detail = (merged_into(order) or "?") if action is Action.UNMERGE else "?"
        try:
            check(order, action, by.actor, "·", None, detail)
        except TransitionError as refused:
            return refused
        return None

    def _offered(self, order: WorkOrder | None, action: Action) -> bool:
        if order is None:
            return False
        refusal = self._refusal(order, action)
        if refusal is None:
            return True
        code = getattr(refusal, "code", "")
        if action is Action.UNMERGE:  # only a merged order offers 拆单
            return merged_into(order) is not None and code not in HIDDEN | {"not_allowed"}
        return code not in HIDDEN | {"not_allowed"}

    def _read_candidates(self, order: WorkOrder) -> None:
        self.found.addItem(self.tr("Looking for likely duplicates…"))
        dups = self._dups

        def read() -> list[Candidate]:
            return dups.candidates(
                phone=order.caller.phone, district=order.district, kind=order.kind,
                address=order.address or "", text=order.description, exclude=order.number,
            )  # fmt: skip

        self._ops.read(self, "merge-candidates", read,
                       success=lambda found: self._show_candidates(order.number, found),
                       failure=lambda error: self._no_candidates(order.number, error))  # fmt: skip

    def _show_candidates(self, number: str, found: Sequence[Candidate]) -> None:
        if not self._open_on(number, Action.MERGE):
            return
        self.found.clear()
        for candidate in found:
            item = QListWidgetItem(candidate_text(candidate, self._kinds))
            item.setData(Qt.ItemDataRole.UserRole, candidate.order.number)
            self.found.addItem(item)
        if not found:
            self.found.addItem(self.tr("No likely duplicates among open orders: type the number."))

    def _no_candidates(self, number: str, error: Exception) -> None:
        if self._open_on(number, Action.MERGE):
            self.found.clear()
            self.found.addItem(self.tr("Could not read the likely duplicates: {error}").format(
                error=refusal_text(error)))  # fmt: skip

    def _picked(self, item: QListWidgetItem | None) -> None:
        number = item.data(Qt.ItemDataRole.UserRole) if item is not None else None
        if number:
            self.target.setText(str(number))

    def _open_on(self, number: str, action: Action) -> bool:
        return self.order is not None and self.order.number == number and self.action is action

    def _done(self, number: str, action: Action) -> None:
        self._busy = False
        self.confirm.setEnabled(True)
        self._notes.pop((number, action), None)
        if self._open_on(number, action):
            self.note.clear()
            self.close_form()
        self.done.emit(number)

    def _refused(self, number: str, action: Action, error: Exception) -> None:
        self._busy = False
        self.confirm.setEnabled(True)
        text = refusal_text(error)
        if self._open_on(number, action):
            self._say(self.tr("Not done: {reason}").format(reason=text))
        self.refused.emit(text)

    def _keep_note(self) -> None:
        if self.order is None or self.action is None:
            return
        text, key = self.note.toPlainText(), (self.order.number, self.action)
        if text.strip():
            self._notes[key] = text
        else:
            self._notes.pop(key, None)

    def _tell(self, text: str) -> None:
        self.said.setText(text)
        self.said.setVisible(bool(text))

    def _say(self, text: str, error: bool = True) -> None:
        self.error.setText(text)
        self.error.setStyleSheet(ERROR_STYLE if error else "")
