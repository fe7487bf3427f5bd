"""The intake form (受理登记): what the agent types while the caller is on the line.

Bad input never loses anything: the form checks the draft with the domain's ``validate`` before
it asks the service, shows each problem in red under its input, focuses the first, and keeps
every character typed. The draft goes to disk as it is typed (:class:`DraftStore`), so a crash
of the console costs at most half a second of typing. Ctrl+S saves as a write operation (off the
UI thread); on success the form is emptied for the next matter of the same caller (the phone
stays) and the draft on disk is removed.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterable
from functools import partial

from PySide6.QtCore import QEvent, QLocale, QObject, QSize, Qt, Signal, Slot
from PySide6.QtGui import QShortcut
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from console.domain.catalogue import District, Field, Kind
from console.domain.intake import Draft, Problem, validate
from console.domain.orders import Platform
from console.services.orders import InvalidDraft
from console.ui.keys import sequence
from console.ui.operations import Operations
from console.ui.refusals import refusal_text
from console.ui.seat.drafts import DraftStore
from console.ui.seat.intake_fields import ERROR_COLOUR, IntakeFields
from console.ui.seat.intake_inputs import named

log = logging.getLogger(__name__)

Save = Callable[[Draft], str]
"""Stores the draft as an order and returns its number; raises ``InvalidDraft`` if it may not."""

MINIMUM_SIZE = QSize(640, 520)


class IntakeForm(QWidget):
    """Signals: ``saved(order_number)`` once an order is stored (the form and the draft on disk
    are cleared); ``draft_changed()`` after each change the agent makes."""

    saved = Signal(str)
    draft_changed = Signal()

    def __init__(
        self,
        *,
        platform: Platform,
        kinds: Iterable[Kind],
        fields: Iterable[Field],
        districts: Iterable[District],
        save: Save,
        ops: Operations,
        drafts: DraftStore,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        kinds, fields, districts = list(kinds), list(fields), list(districts)
        self._catalogue = (
            {k.code: k for k in kinds},
            {f.code: f for f in fields if f.platform is platform},
            {d.code: d for d in districts},
        )
        self._platform, self._save, self._ops, self.drafts = platform, save, ops, drafts
        self._call_id: str | None = None
        self._submitted: Draft | None = None  # the draft being saved; one save at a time
        self._correcting = False  # the message asks to correct what is marked in red
        chinese = QLocale().language() == QLocale.Language.Chinese
        self.fields = IntakeFields(platform=platform, kinds=kinds, fields=fields,
                                   districts=districts, chinese=chinese)  # fmt: skip
        self.message = named(QLabel(wordWrap=True), "intakeMessage")
        self.message.hide()
        self.save_button = named(QPushButton(self.tr("Save (Ctrl+S)")), "intakeSave")
        self.save_shortcut = QShortcut(sequence("save"), self)
        self.save_shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.save_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.message)
        layout.addWidget(self.fields, 1)
        layout.addLayout(buttons)
        self.setMinimumSize(MINIMUM_SIZE)
        self.fields.set_tab_order(self.save_button)
        self._connect_signals()

    def _connect_signals(self) -> None:
        self.save_button.clicked.connect(self.save)
        self.save_shortcut.activated.connect(self.save)
        self.fields.edited.connect(self._edited)
        self.drafts.failed.connect(self._draft_not_written)
        for widget in self.fields.findChildren(QWidget):
            if widget.focusPolicy() != Qt.FocusPolicy.NoFocus:
                widget.installEventFilter(self)

    # ---------------------------------------------------------------- public

    def draft(self) -> Draft:
        return self.fields.draft()

    def set_draft(self, draft: Draft) -> None:
        """Show ``draft`` (problems shown before are cleared); not a change by the agent."""
        self.fields.set_draft(draft)
        self.fields.show_problems({})

    def start_for_call(self, call_id: str, phone: str) -> None:
        """A call was answered: its draft on disk if there is one, else an empty form with
        the caller's number. An unsaved draft of another call is set aside on disk, not lost."""
        self.drafts.flush()
        latest = self.drafts.load_latest()
        self._call_id = call_id
        if latest is not None and latest[0] == call_id:
            self.set_draft(latest[1])
            self._say(self.tr("Restored the unsaved draft of this call."))
            return
        self._say("")
        if latest is not None:
            if _blank(latest[1]):
                self.drafts.clear()
            elif (aside := self.drafts.set_aside()) is not None:
                self._say(self.tr("The unsaved draft of the previous call was kept in {path}.")
                          .format(path=aside))  # fmt: skip
        self.set_draft(Draft(caller_phone=phone))
        self.fields.kind.setFocus()

    def restore_latest(self) -> bool:
        """At start-up: bring back the draft a crash left on disk; ``True`` if there was one."""
        latest = self.drafts.load_latest()
        if self.drafts.moved_aside is not None:
            self._say(self.tr("A saved draft could not be read and was moved to {path}.")
                      .format(path=self.drafts.moved_aside), error=True)  # fmt: skip
        if latest is None:
            return False
        self._call_id = latest[0]
        self.set_draft(latest[1])
        self._say(self.tr("Restored the draft that was not saved when the console closed."))
        return True

    def problems_shown(self) -> dict[str, str]:
        return self.fields.problems_shown()

    @Slot()
    def save(self) -> None:
        if self._submitted is not None:
            return
        draft = self.draft()
        problems = validate(draft, self._platform, *self._catalogue)
        if problems:
            self._show_problems(problems)
            return
        self.fields.show_problems({})
        self._submitted = draft
        self.save_button.setEnabled(False)
        self._say(self.tr("Saving…"))
        self._ops.write(
            self, partial(self._save, draft), success=self._saved, failure=self._not_saved
        )

    # ---------------------------------------------------------------- reactions

    def _not_saved(self, error: Exception) -> None:
        self._submitted = None
        self.save_button.setEnabled(True)
        if isinstance(error, InvalidDraft):
            self._show_problems(error.problems)
            return
        log.error("intake save failed", exc_info=error)
        said = refusal_text(error).rstrip(".。")  # a database fault: its sentence, not SQL
        self._say(self.tr("Not saved: {error}. Everything typed is still here; "
                          "press Ctrl+S to try again.").format(error=said), error=True)  # fmt: skip

    def _saved(self, number: str) -> None:
        draft, self._submitted = self._submitted, None
        self.save_button.setEnabled(True)
        if self.draft() != draft:  # typed on while it was saving: keep that, do not clear
            self._say(self.tr("Saved as {number}. Changes made while saving are still in the "
                              "form: check them before saving again.").format(number=number))  # fmt: skip
        else:
            self.drafts.clear()
            self.set_draft(Draft(caller_phone=draft.caller_phone if draft else ""))
            self._say(self.tr("Saved as {number}.").format(number=number))
            self.fields.kind.setFocus()
        self.saved.emit(number)

    def _show_problems(self, problems: list[Problem]) -> None:
        texts: dict[str, str] = {}
        for problem in problems:
            text = self.problem_text(problem)
            texts[problem.field] = (
                f"{texts[problem.field]}; {text}" if problem.field in texts else text
            )
        self.fields.show_problems(texts)
        self._say(self.tr("Not saved: correct what is marked in red."), error=True)
        self._correcting = True  # the line goes when the last problem is fixed
        first = self.fields.first_marked()
        if first is not None:
            first.setFocus(Qt.FocusReason.OtherFocusReason)

    def problem_text(self, problem: Problem) -> str:
        """The problem in the UI's language (the domain's Chinese text for a code not known)."""
        texts = {
            "phone_missing": self.tr("Enter the caller's phone number"),
            "phone_format": self.tr("Not a phone number: mobile, landline (area code optional) or service number"),
            "bad_characters": self.tr("Holds characters that cannot be stored (a NUL or a broken character): type it again"),
            "name_too_long": self.tr("Name: at most {max} characters"),
            "kind_missing": self.tr("Choose a kind of request"),
            "kind_wrong_platform": self.tr("“{kind}” is not a kind of the {platform} platform"),
            "field_missing": self.tr("Choose a field"),
            "field_not_used": self.tr("Orders of the {platform} platform have no field"),
            "district_missing": self.tr("Choose a district from the list"),
            "address_too_long": self.tr("Address: at most {max} characters"),
            "description_missing": self.tr("Describe the request"),
            "description_too_long": self.tr("At most {max} characters (now {length})"),
            "priority_unknown": self.tr("Choose a priority: normal, urgent or critical"),
        }  # fmt: skip
        text = texts.get(problem.code)
        return text.format(**problem.params) if text is not None else problem.message

    @Slot(str)
    def _edited(self, name: str) -> None:
        self.fields.clear_problem(name)
        if name == "social_stability":
            self.fields.clear_problem("priority")
        if self._correcting and not self.fields.problems_shown():
            self._say("")  # nothing is marked in red any more
        self.drafts.stage(self._call_id, self.draft())
        self.draft_changed.emit()

    @Slot(str)
    def _draft_not_written(self, reason: str) -> None:
        self._say(self.tr("The draft could not be kept on disk ({reason}); save the order "
                          "soon.").format(reason=reason), error=True)  # fmt: skip

    def _say(self, text: str, *, error: bool = False) -> None:
        self._correcting = False
        self.message.setText(text)
        self.message.setStyleSheet(f"color: {ERROR_COLOUR}; font-weight: bold;" if error else "")
        self.message.setVisible(bool(text))

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.FocusOut:
            self.drafts.flush()
        return False


def _blank(draft: Draft) -> bool:
    """Nothing typed but the number the seat filled in."""
    return Draft(caller_phone=draft.caller_phone) == draft
