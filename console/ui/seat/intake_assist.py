"""Under the intake form, as the agent types: the routing suggestion (会商) and the likely
duplicates (重复诉求) among open orders.

Each change of the form restarts a 150 ms timer (:data:`DEBOUNCE_MS`); when it fires, the
suggestion (``SuggestionService.suggest``) is asked for as a read of
:class:`~console.ui.operations.Operations`, off the UI thread, and once it is on screen (or
failed) the duplicates (``DuplicateService.candidates``) for the same draft: the two share the
read thread anyway, and asked together the duplicates' Python ran while the GUI thread waited
for the interpreter to show the suggestion (BENCHMARKS.md, ``suggest_shown_ms``). An answer to
an older draft than the last asked is dropped (and asks no duplicates): the last ask's answers
are the ones shown, whatever order the answers, the typing and the rules' changes (:meth:`again`)
come in. A read of the last draft that fails is asked once more after :data:`RETRY_MS` (a lock,
a failover), so what is typed ends with its suggestion and duplicates without another keystroke.
Nothing here takes the focus or opens a dialog: the agent is on a call.

- The suggestion: stay or transfer, which department, and why (the rule or list item and its
  consultation); where no rule matches, how similar past orders ended. Ctrl+G accepts it: the
  kind and field the rule names are filled in when the form has none (the department and the
  transfer are kept with the order; an accepted transfer is recalled after the save: F8).
  When the order is saved, whether a suggestion was shown and accepted or ignored is kept with
  it (``SuggestionService.record``; ``report --json``'s ``suggestions``).
- The duplicates, best first, each with why. Alt+V reaches the list, the arrows select one,
  Ctrl+J makes the caller on the line join it (并入, ``DuplicateService.join``) instead of a new
  order being created; the form then says so on its message line.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from functools import partial

from PySide6.QtCore import Qt, QTimer, Signal, Slot
from PySide6.QtGui import QShortcut
from PySide6.QtWidgets import (
    QComboBox,
    QFrame,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from console.domain.consultation import Advice, Move
from console.domain.duplicates import Candidate
from console.domain.intake import Draft
from console.domain.orders import Platform
from console.services.duplicates import Joined
from console.services.suggestions import Suggestion
from console.ui.keys import marked, sequence
from console.ui.operations import Operations
from console.ui.refusals import refusal_text
from console.ui.seat.intake_assist_text import (
    advice_detail,
    advice_headline,
    candidate_text,
    history_text,
)
from console.ui.seat.intake_fields import IntakeFields
from console.ui.seat.intake_inputs import named

log = logging.getLogger(__name__)

DEBOUNCE_MS = 150
RETRY_MS = 1000  # a failed read of the last draft: asked once more after this
LIST_ROWS = 3  # duplicates shown without scrolling: the form keeps its room
STYLE = """
QFrame#intakeAssist { border-top: 1px solid palette(mid); }
QLabel#assistHeadline { font-weight: bold; }
QLabel#assistAccepted { font-weight: bold; }
"""


@dataclass(frozen=True)
class AssistCalls:
    """The services the assist calls, acting as the seat's principal (built in app_seat)."""

    suggest: Callable[[str | None, str | None, str | None, str], Suggestion]
    candidates: Callable[[Draft], list[Candidate]]
    join: Callable[[str, Draft], Joined]
    record: Callable[[str, Advice, bool], object]  # kept now, or held with a held order


def _same(a: Advice | None, b: Advice | None) -> bool:
    """One suggestion still: the same rule or item, the same move and department."""
    if a is None or b is None:
        return a is b
    return (a.cited, a.move, a.platform, a.department) == (
        b.cited,
        b.move,
        b.platform,
        b.department,
    )


class IntakeAssist(QFrame):
    """Signals: ``said(text, error)`` for the form's message line; ``joined(number, text)``
    once the caller joined an order (the form is then cleared as after a save)."""

    said = Signal(str, bool)
    joined = Signal(str, str)

    def __init__(
        self,
        *,
        calls: AssistCalls,
        ops: Operations,
        fields: IntakeFields,
        kind_names: Mapping[str, str],
        department_names: Mapping[str, str],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("intakeAssist")
        self._calls, self._ops, self._fields = calls, ops, fields
        self._kind_names, self._departments = kind_names, department_names
        self._asked = 0  # the draft last asked about; older answers are dropped
        self._draft = Draft()
        self.advice: Advice | None = None  # the suggestion on screen
        self.accepted = False
        self.candidates: list[Candidate] = []
        self._joining = False
        self._timer = QTimer(self, singleShot=True, interval=DEBOUNCE_MS)
        self._timer.timeout.connect(self._ask)
        self._retry = QTimer(self, singleShot=True, interval=RETRY_MS)
        self._retry.timeout.connect(self._ask_once_more)
        self._retried = False  # the last draft was asked about once more after a failure
        self._build()

    def _build(self) -> None:
        self.setStyleSheet(STYLE)
        self.headline = named(QLabel(wordWrap=True), "assistHeadline")
        self.accept_button = named(QPushButton(self.tr("Accept (Ctrl+G)")), "assistAccept")
        self.accepted_mark = named(QLabel(self.tr("✓ Accepted")), "assistAccepted")
        self.detail = named(QLabel(wordWrap=True), "assistDetail")
        self.history = named(QLabel(wordWrap=True), "assistHistory")
        for label in (self.headline, self.detail, self.history):
            label.setTextInteractionFlags(Qt.TextInteractionFlag.NoTextInteraction)
        self.list = named(QListWidget(), "assistDuplicates")
        self.list.setUniformItemSizes(True)
        self.list_label = QLabel(marked(self.tr("Likely duplicates, best first:"), "duplicates"))
        self.list_label.setBuddy(self.list)
        self.join_button = named(
            QPushButton(self.tr("Caller joins selected (Ctrl+J)")), "assistJoin"
        )
        top = QHBoxLayout()
        top.setContentsMargins(0, 0, 0, 0)
        top.addWidget(self.headline, 1)
        top.addWidget(self.accepted_mark)
        top.addWidget(self.accept_button)
        under = QHBoxLayout()
        under.setContentsMargins(0, 0, 0, 0)
        under.addWidget(self.list_label, 1)
        under.addWidget(self.join_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 4, 0, 0)
        layout.setSpacing(2)
        layout.addLayout(top)
        layout.addWidget(self.detail)
        layout.addWidget(self.history)
        layout.addSpacing(4)  # the suggestion and the duplicates read as two things
        layout.addLayout(under)
        layout.addWidget(self.list)
        self.suggestion_parts = (self.headline, self.accept_button, self.accepted_mark, self.detail)
        self.duplicate_parts = (self.list_label, self.join_button, self.list)
        self.accept_button.clicked.connect(self.accept)
        self.join_button.clicked.connect(self.join)
        self._show_suggestion(Suggestion(None, None))
        self._show_candidates([])

    def attach_keys(self, form: QWidget) -> None:
        """Make Ctrl+G and Ctrl+J work anywhere in ``form`` (the intake form)."""
        for name, slot in (("accept_suggestion", self.accept), ("join_duplicate", self.join)):
            shortcut = QShortcut(sequence(name), form)
            shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            shortcut.activated.connect(slot)

    # ---------------------------------------------------------------- public

    def watch(self, draft: Draft) -> None:
        """The form changed: ask again once the agent pauses (:data:`DEBOUNCE_MS`)."""
        self._draft = draft
        self._timer.start()

    def again(self) -> None:
        """The rules changed (an edit here or at another seat, a ``rules import``): ask again
        about what is typed, so the suggestion on screen follows the newest version."""
        if self._draft != Draft():
            self._timer.start()

    @Slot()
    def accept(self) -> None:
        """Ctrl+G: take the suggestion on screen; fill the kind and field it names."""
        if self.advice is None or self.accepted:
            return
        self.accepted = True
        rule = self.advice.rule
        if rule is not None:
            self._fill(self._fields.kind, rule.matter.kinds)
            if self._fields.platform is Platform.HOTLINE:
                self._fill(self._fields.field, rule.matter.fields)
        self._show_accepted()

    def order_saved(self, number: str) -> str:
        """The order being typed was saved as ``number``: keep the suggestion's outcome with
        it; the assist starts afresh. Returns what the form should add to its report line."""
        advice, accepted = self.advice, self.accepted
        self._reset()
        if advice is None:
            return ""
        self._ops.write(
            self, partial(self._calls.record, number, advice, accepted),
            failure=lambda error: log.warning("suggestion outcome of %s not kept: %s", number, error),
        )  # fmt: skip
        if accepted and advice.move is Move.TRANSFER:
            return self.tr("Suggested transfer accepted: F8 transfers the caller with it.")
        return ""

    @Slot()
    def join(self) -> None:
        """Ctrl+J: the caller on the line joins the selected duplicate; no order is created."""
        row = self.list.currentRow() if self.list.selectedItems() else -1
        if not self.candidates or self._joining:
            return
        if row < 0:
            self.said.emit(self.tr("Select the order the caller joins (Alt+V, then the arrow "
                                   "keys), then Ctrl+J."), True)  # fmt: skip
            return
        number = self.candidates[row].order.number
        self._joining = True
        self.join_button.setEnabled(False)
        self.said.emit(self.tr("Joining {number}…").format(number=number), False)
        self._ops.write(
            self, partial(self._calls.join, number, self._fields.draft()),
            success=self._joined, failure=self._not_joined,
        )  # fmt: skip

    # ---------------------------------------------------------------- answers

    @Slot()
    def _ask(self) -> None:
        """The typing paused, or the rules changed: a fresh ask, with its own retry."""
        self._retry.stop()
        self._retried = False
        self._send()

    @Slot()
    def _ask_once_more(self) -> None:
        self._retried = True
        self._send()

    def _send(self) -> None:
        self._asked += 1
        asked, draft = self._asked, self._draft
        chosen = (draft.kind or None, draft.field or None, draft.district or None)
        self._ops.read(
            self, "suggest",
            lambda: (asked, self._calls.suggest(*chosen, draft.description)),
            success=partial(self._suggested, draft),
            failure=partial(self._not_suggested, asked, draft),
        )  # fmt: skip

    def _ask_duplicates(self, asked: int, draft: Draft) -> None:
        if asked != self._asked:  # typed on meanwhile: that newer ask will come here
            return
        self._ops.read(
            self, "duplicates", lambda: (asked, self._calls.candidates(draft)),
            success=self._found, failure=partial(self._failed, asked),
        )  # fmt: skip

    def _suggested(self, draft: Draft, answer: tuple[int, Suggestion]) -> None:
        asked, suggestion = answer
        if asked == self._asked:
            self._show_suggestion(suggestion)
        self._ask_duplicates(asked, draft)

    def _not_suggested(self, asked: int, draft: Draft, error: Exception) -> None:
        self._failed(asked, error)
        self._ask_duplicates(asked, draft)

    def _found(self, answer: tuple[int, list[Candidate]]) -> None:
        asked, found = answer
        if asked == self._asked:
            self._show_candidates(found)

    def _failed(self, asked: int, error: Exception) -> None:
        """A read failed: if it was of the last draft, ask about it once more (both reads)
        after :data:`RETRY_MS`; after that, the next pause in the typing asks."""
        log.warning("intake assist not read: %s", error)
        if asked == self._asked and not self._retried and not self._retry.isActive():
            self._retry.start()

    def _joined(self, joined: Joined) -> None:
        self._joining = False
        self.join_button.setEnabled(True)
        number = joined.into.order.number
        text = self.tr("The caller joined {number} as another caller ({count} callers about "
                       "it in the window); no new order was created.").format(
            number=number, count=joined.callers)  # fmt: skip
        if joined.warned:
            text += " " + self.tr("Repeated-request warning raised for the shift lead.")
        self._reset()
        self.joined.emit(number, text)

    def _not_joined(self, error: Exception) -> None:
        self._joining = False
        self.join_button.setEnabled(True)
        said = refusal_text(error).rstrip(".。")
        self.said.emit(self.tr("Not joined: {error}. Everything typed is still here.")
                       .format(error=said), True)  # fmt: skip

    # ---------------------------------------------------------------- showing

    def _show_suggestion(self, suggestion: Suggestion) -> None:
        advice = suggestion.advice
        if not _same(advice, self.advice):
            self.accepted = False
        self.advice = advice
        for part in self.suggestion_parts:
            part.setVisible(advice is not None)
        if advice is not None:
            self.headline.setText(advice_headline(advice, self._departments))
            self.detail.setText(advice_detail(advice))
            self._show_accepted()
        history = suggestion.history
        self.history.setVisible(history is not None)
        if history is not None:
            self.history.setText(history_text(history, self._fields.platform, self._departments))
        self._show_frame()

    def _show_candidates(self, found: list[Candidate]) -> None:
        chosen = (
            self.list.currentItem().data(Qt.ItemDataRole.UserRole)
            if self.list.selectedItems()
            else None
        )
        self.candidates = found
        self.list.clear()
        for candidate in found:
            item = QListWidgetItem(candidate_text(candidate, self._kind_names))
            item.setData(Qt.ItemDataRole.UserRole, candidate.order.number)
            self.list.addItem(item)
            if candidate.order.number == chosen:
                self.list.setCurrentItem(item)
        rows = min(max(len(found), 1), LIST_ROWS)
        self.list.setFixedHeight(
            rows * self.list.sizeHintForRow(0) + 2 * self.list.frameWidth() + 2 if found else 0
        )
        for part in self.duplicate_parts:
            part.setVisible(bool(found))
        self._show_frame()

    def _show_accepted(self) -> None:
        self.accepted_mark.setVisible(self.advice is not None and self.accepted)
        self.accept_button.setVisible(self.advice is not None and not self.accepted)

    def _show_frame(self) -> None:
        self.setVisible(
            self.advice is not None or self.history.isVisibleTo(self) or bool(self.candidates)
        )

    def _fill(self, box: QComboBox, codes: tuple[str, ...]) -> None:
        """Choose the one code of ``codes`` the box offers, if the box has none chosen yet."""
        offered = [c for c in codes if box.findData(c) >= 0]
        if box.currentData() or len(offered) != 1:
            return
        box.setCurrentIndex(box.findData(offered[0]))  # the agent's change: the draft follows

    def _reset(self) -> None:
        self._timer.stop()
        self._retry.stop()
        self._asked += 1  # answers in flight are for the draft just saved
        self.advice, self.accepted = None, False
        self._show_suggestion(Suggestion(None, None))
        self._show_candidates([])
