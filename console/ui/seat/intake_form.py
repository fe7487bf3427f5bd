"""The intake form (受理登记): what the agent types while the caller is on the line.

Bad input never loses anything: the form checks the draft with the domain's ``validate`` before
it asks the service, shows each problem in red under its input, focuses the first, and keeps
every character typed. The draft goes to disk as it is typed (:class:`DraftStore`), so a crash
of the console costs at most half a second of typing. A draft goes back onto the form by itself
only for its own call (same call id and caller); a draft a crash left is offered with its
caller's masked number and time (Ctrl+R restores it, Ctrl+Shift+R sets it aside), never put
silently onto another caller. Ctrl+S saves as a write operation (off the
UI thread); on success the form is emptied for the next matter of the same caller (the phone
stays) and the draft on disk is removed.

With an incident offer (:mod:`console.ui.seat.incident_offer`), the active incidents of the
caller's district's city are offered under the district, Ctrl+L links the order to one (kept
with the draft on disk), and the link is stored right after the order is saved.

With an assist (:mod:`console.ui.seat.intake_assist`), the routing suggestion and the likely
duplicates show under the inputs as the agent types; Ctrl+G accepts the suggestion, Ctrl+J
makes the caller join the selected duplicate instead of saving a new order.
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
from console.ui.seat.draft_labels import blank, caller, saved_time
from console.ui.seat.drafts import DraftCall, DraftStore, SavedDraft
from console.ui.seat.incident_offer import IncidentOffer
from console.ui.seat.intake_assist import IntakeAssist
from console.ui.seat.intake_fields import ERROR_COLOUR, IntakeFields
from console.ui.seat.intake_inputs import named

log = logging.getLogger(__name__)

Save = Callable[[Draft], str]
"""Stores the draft as an order and returns its number; raises ``InvalidDraft`` if it may not."""

MINIMUM_SIZE = QSize(560, 420)  # its inputs with every problem line shown need 389 px


class IntakeForm(QWidget):
    """Signals: ``saved(order_number)`` once an order is stored (the form and the draft on disk
    are cleared); ``draft_changed()`` after each change the agent makes."""

    saved = Signal(str)
    draft_changed = Signal()
    draft_shown = Signal()  # set_draft: a draft shown (restored, offered), not typed

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
        incidents: IncidentOffer | None = None,
        assist: Callable[[IntakeFields], IntakeAssist] | None = None,
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
        self._call: DraftCall | None = None
        self._offered: SavedDraft | None = None  # a crash's draft, offered, not yet restored
        self._submitted: Draft | None = None  # the draft being saved; one save at a time
        self._submitted_link: str | None = None  # the incident the order being saved goes to
        self._correcting = False  # the message asks to correct what is marked in red
        chinese = QLocale().language() == QLocale.Language.Chinese
        self.fields = IntakeFields(platform=platform, kinds=kinds, fields=fields,
                                   districts=districts, chinese=chinese)  # fmt: skip
        self.message = named(QLabel(wordWrap=True), "intakeMessage")
        self.message.hide()
        self.incidents = incidents
        if incidents is not None:
            self.fields.put_under("district", incidents)
        self._build_offer()
        self.save_button = named(QPushButton(self.tr("Save (Ctrl+S)")), "intakeSave")
        self.save_shortcut = QShortcut(sequence("save"), self)
        self.save_shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.save_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.offer)
        layout.addWidget(self.message)
        layout.addWidget(self.fields, 1)
        self.assist = assist(self.fields) if assist is not None else None
        if self.assist is not None:
            layout.addWidget(self.assist)
            self.assist.attach_keys(self)
            self.assist.said.connect(lambda text, error: self._say(text, error=error))
            self.assist.joined.connect(self._joined)
        layout.addLayout(buttons)
        self.setMinimumSize(MINIMUM_SIZE)
        self.fields.set_tab_order(self.save_button)
        self._connect_signals()

    def _build_offer(self) -> None:
        """The line that offers a draft a crash left: its caller and time, restore or set aside."""
        self.offer = named(QWidget(), "draftOffer")
        self.offer_text = named(QLabel(wordWrap=True), "draftOfferText")
        self.offer_restore = named(QPushButton(self.tr("Restore (Ctrl+R)")), "draftRestore")
        self.offer_aside = named(QPushButton(self.tr("Set aside (Ctrl+Shift+R)")), "draftSetAside")
        row = QHBoxLayout(self.offer)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.offer_text, 1)
        row.addWidget(self.offer_restore)
        row.addWidget(self.offer_aside)
        for name, slot in (("restore_draft", self.restore_offered),
                           ("set_draft_aside", self.set_offered_aside)):  # fmt: skip
            shortcut = QShortcut(sequence(name), self.offer)  # live only while offered
            shortcut.setContext(Qt.ShortcutContext.WindowShortcut)
            shortcut.activated.connect(slot)
        self.offer.hide()

    def _connect_signals(self) -> None:
        self.offer_restore.clicked.connect(self.restore_offered)
        self.offer_aside.clicked.connect(self.set_offered_aside)
        self.save_button.clicked.connect(self.save)
        self.save_shortcut.activated.connect(self.save)
        self.fields.edited.connect(self._edited)
        self.drafts.failed.connect(self._draft_not_written)
        if self.incidents is not None:
            self.incidents.toggled.connect(self._link_toggled)
            self.incidents.reported.connect(self._add)
        for widget in self.fields.findChildren(QWidget):
            if widget.focusPolicy() != Qt.FocusPolicy.NoFocus:
                widget.installEventFilter(self)

    # ---------------------------------------------------------------- public

    def draft(self) -> Draft:
        return self.fields.draft()

    def set_draft(self, draft: Draft, incident: str | None = None) -> None:
        """Show ``draft`` linked to ``incident`` (problems shown before are cleared); not a
        change by the agent."""
        self.fields.set_draft(draft)
        self.fields.show_problems({})
        if self.assist is not None:
            self.assist.watch(draft)
        if self.incidents is not None:
            self.incidents.set_chosen(incident)
            self.incidents.set_district(draft.district)
        self.draft_shown.emit()

    def linked_incident(self) -> str | None:
        """The incident the order being typed is linked to (Ctrl+L), if any."""
        return self.incidents.chosen if self.incidents is not None else None

    def start_for_call(self, call_id: str, phone: str) -> None:
        """A call was answered: its own draft on disk if there is one (same call id and caller),
        else an empty form with the caller's number. Any other unsaved draft is set aside on
        disk, not lost, and never shown on this caller's form."""
        self.drafts.flush()
        latest = self.drafts.load_latest()
        self._call, self._offered = DraftCall(call_id, phone), None
        self.offer.hide()
        if latest is not None and latest.call == self._call:
            self.set_draft(latest.draft, latest.incident)
            self._say(self.tr("Restored the unsaved draft of this call ({caller}, {time}).")
                      .format(caller=caller(latest), time=saved_time(latest.saved_at)))  # fmt: skip
            return
        self._say("")
        if latest is not None:
            self._put_aside(latest)
        self.set_draft(Draft(caller_phone=phone))
        self.fields.kind.setFocus()

    def restore_latest(self) -> bool:
        """At start-up: offer the draft a crash left on disk, with its caller's masked number
        and time; ``True`` if one is offered. Nothing is put on the form until the agent says
        so (:meth:`restore_offered`); a call answered first sets it aside unless it is its own."""
        latest = self.drafts.load_latest()
        if self.drafts.moved_aside is not None:
            self._say(self.tr("A saved draft could not be read and was moved to {path}.")
                      .format(path=self.drafts.moved_aside), error=True)  # fmt: skip
        if latest is None:
            return False
        if blank(latest.draft):
            self.drafts.clear()
            return False
        self._offered = latest
        self.offer_text.setText(self.tr("Restore the unsaved draft (call from {caller}, {time})?")
                                .format(caller=caller(latest), time=saved_time(latest.saved_at)))  # fmt: skip
        self.offer.show()
        return True

    @Slot()
    def restore_offered(self) -> None:
        """Put the offered draft on the form, with the call it belongs to."""
        offered, self._offered = self._offered, None
        self.offer.hide()
        if offered is None:
            return
        self._call = offered.call
        self.set_draft(offered.draft, offered.incident)
        self._say(self.tr("Restored the unsaved draft (call from {caller}, {time}).")
                  .format(caller=caller(offered), time=saved_time(offered.saved_at)))  # fmt: skip
        self.fields.kind.setFocus()

    @Slot()
    def set_offered_aside(self) -> None:
        """Keep the offered draft on disk under another name; the form stays as it is."""
        offered, self._offered = self._offered, None
        self.offer.hide()
        if offered is not None:
            self._say("")
            self._put_aside(offered)

    def _put_aside(self, saved: SavedDraft) -> None:
        if blank(saved.draft):
            self.drafts.clear()
        elif (aside := self.drafts.set_aside()) is not None:
            self._say(self.tr("The unsaved draft (call from {caller}, {time}) was kept in {path}.")
                      .format(caller=caller(saved), time=saved_time(saved.saved_at), path=aside))  # fmt: skip

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
        self._submitted, self._submitted_link = draft, self.linked_incident()
        self.save_button.setEnabled(False)
        self._say(self.tr("Saving…"))
        self._ops.write(
            self, partial(self._save, draft), success=self._saved, failure=self._not_saved
        )

    # ---------------------------------------------------------------- reactions

    def _not_saved(self, error: Exception) -> None:
        self._submitted = self._submitted_link = None
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
        link, self._submitted_link = self._submitted_link, None
        self.save_button.setEnabled(True)
        follow = self.assist.order_saved(number) if self.assist is not None else ""
        if self.draft() != draft:  # typed on while it was saving: keep that, do not clear
            self._say(self.tr("Saved as {number}. Changes made while saving are still in the "
                              "form: check them before saving again.").format(number=number))  # fmt: skip
        else:
            self.drafts.clear()
            self.set_draft(Draft(caller_phone=draft.caller_phone if draft else ""))
            self._say(self.tr("Saved as {number}.").format(number=number))
            self.fields.kind.setFocus()
        if follow:
            self._add(follow, False)
        if link is not None and self.incidents is not None:
            self.incidents.link_order(number, link)  # the order is saved whatever becomes of it
        self.saved.emit(number)

    @Slot(str, str)
    def _joined(self, number: str, text: str) -> None:
        """The caller joined order ``number`` (Ctrl+J): no new order; the form is emptied as
        after a save, and the call's order is that one (F8 takes it along)."""
        phone = self.draft().caller_phone
        self.drafts.clear()
        self.set_draft(Draft(caller_phone=phone))
        self._say(text)
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
        if self._offered is not None:  # typing over an offer: the offered draft goes aside
            self.set_offered_aside()
        if name == "district" and self.incidents is not None:
            self.incidents.set_district(self.fields.district.value())
        self.drafts.stage(self._call, self.draft(), self.linked_incident())
        if self.assist is not None:
            self.assist.watch(self.draft())
        self.draft_changed.emit()

    @Slot(str)
    def _link_toggled(self, _number: str) -> None:
        """Ctrl+L linked or unlinked the order being typed: part of the draft on disk."""
        if self._offered is not None:
            self.set_offered_aside()
        self.drafts.stage(self._call, self.draft(), self.linked_incident())
        self.draft_changed.emit()

    @Slot(str, bool)
    def _add(self, text: str, error: bool) -> None:
        """Say ``text`` after what the message line already says (the link after "Saved as")."""
        said = self.message.text()
        gap = "" if not said or said.endswith("。") else " "  # Chinese runs on after its 。
        self._say(said + gap + text, error=error)

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
