"""The order detail's 暂存 lines: the steps the seat holds on the order shown, the database away.

A step the seat may hold (``ActionSpec.offline``: a progress note, a feedback text, a sign-for…)
taken while the database is unreachable goes to the seat's journal (``console.services.journal``)
and is written when the database is back. Until then the order detail shows it here, under the
step buttons, with its held label; one that could not be written (the order changed meanwhile)
stays here, saying so, until the agent has dealt with it and dismisses it (Ctrl+Shift+D, the
order detail's key). Text says what each line is (暂存, 未写入), the colour only repeats it.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Protocol

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtWidgets import QLabel, QWidget

from console.domain.orders import WorkOrder
from console.domain.refusals import REFUSALS
from console.services.journal_shown import Pending, Shown
from console.services.orders import OrderSummary
from console.ui.history_model import CHINA, china_time
from console.ui.names import action_names, say


class HeldJournal(Protocol):
    """What the order detail reads of the seat's ``JournalService``: an order as it will be
    once written (:meth:`shown` off the UI thread, :meth:`project` on it: a local file) and its
    caller's other orders (:meth:`related`; both from the seat's copy while the database is
    away), the lines held on it, and the dismissal of those not written."""

    def shown(self, number: str, read: Callable[[str], WorkOrder]) -> Shown: ...

    def related(
        self, number: str, phone: str, read: Callable[[str], Sequence[OrderSummary]]
    ) -> Sequence[OrderSummary] | None: ...

    def project(self, base: WorkOrder, written: int) -> Shown: ...

    def pending(self, number: str) -> Sequence[Pending]: ...

    def dismiss(self, seq: int) -> None: ...


class NoJournal:
    """A detail without a journal: every order as read, nothing held."""

    def shown(self, number: str, read: Callable[[str], WorkOrder]) -> Shown:
        order = read(number)
        return Shown(order, order, len(order.timeline))

    def related(
        self, number: str, phone: str, read: Callable[[str], Sequence[OrderSummary]]
    ) -> Sequence[OrderSummary] | None:
        return read(phone)

    def project(self, base: WorkOrder, written: int) -> Shown:
        return Shown(base, base, written)

    def pending(self, number: str) -> Sequence[Pending]:
        return ()

    def dismiss(self, seq: int) -> None:
        pass


def shown_text(shown: Shown) -> str:
    """The order detail's lines under the title (context ``OrderDetail``): the seat's copy shown
    while the database is away, with the time it was read; what of the order is not yet in the
    database."""
    translate = QCoreApplication.translate
    lines: list[str] = []
    if shown.read_at is not None:
        at = shown.read_at.astimezone(CHINA).strftime("%H:%M")
        lines.append(translate("OrderDetail", "⚠ The database connection is lost: this is the "
                               "copy this seat read at {time}; it may have changed since.")
                     .format(time=at))  # fmt: skip
    if not shown.written:
        lines.append(translate("OrderDetail", "◷ Held on this seat: this order is not yet in "
                               "the database. It gets its number when the database is back; "
                               "steps taken on it are held after it."))  # fmt: skip
    elif shown.held:
        lines.append(translate("OrderDetail", "◷ Shown as it will be once written: {count} held "
                               "step(s) not yet in the database (marked on the timeline).")
                     .format(count=shown.held))  # fmt: skip
    return "\n".join(lines)


STYLE = "background: #fff4d6; color: #4a3400; padding: 4px; border: 1px solid #b58900;"
NOTE_MOST = 60  # characters of a held note shown on its line (the whole note in the tooltip)


class HeldSteps(QLabel):
    """Signals: ``dismissed()`` — the agent dismissed lines not written (the banner counts
    them too)."""

    dismissed = Signal()

    def __init__(self, journal: HeldJournal | None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._journal: HeldJournal = journal or NoJournal()
        self._number: str | None = None
        self.setObjectName("heldSteps")
        self.setTextFormat(Qt.TextFormat.PlainText)
        self.setWordWrap(True)
        self.setStyleSheet(STYLE)
        self.hide()

    def show_for(self, number: str | None) -> None:
        """The held steps of order ``number`` (None: no order shown): hidden when none."""
        self._number = number
        found = list(self._journal.pending(number)) if number else []
        lines = [self._line(p) for p in found]
        if any(p.reason for p in found):
            lines.append(self.tr("Ctrl+Shift+D dismisses the lines not written, once dealt with."))
        self.setText("\n".join(lines))
        self.setToolTip("\n\n".join(f"{p.label}: {p.note}" for p in found if p.note))
        self.setVisible(bool(lines))

    def refresh(self) -> None:
        """The lines of the order shown, read again (the seat's journal was written)."""
        self.show_for(self._number)

    def dismiss_shown(self) -> None:
        """Ctrl+Shift+D: the agent has seen the lines not written on the order shown (and redone
        what is still needed by hand): they go. Held lines stay: they are still to be written."""
        number = self._number
        if not number:
            return
        aside = [p.seq for p in self._journal.pending(number) if p.reason]
        for seq in aside:
            self._journal.dismiss(seq)
        self.show_for(number)
        if aside:
            self.dismissed.emit()

    def _line(self, held: Pending) -> str:
        name = action_names()[held.action]
        note = held.note if len(held.note) <= NOTE_MOST else held.note[: NOTE_MOST - 1] + "…"
        head = f"{held.label} · {name} · {china_time(held.at)}" + (f" · {note}" if note else "")
        if not held.reason:
            return self.tr("◷ Held: {step} — written when the database is back").format(step=head)
        if held.reason == "stale":
            why = self.tr(
                "the order was changed by another seat meanwhile: redo it if still needed"
            )
        else:
            why = say(REFUSALS[held.reason]) if held.reason in REFUSALS else held.reason
        return self.tr("⚠ Not written: {step} — {why}").format(step=head, why=why)
