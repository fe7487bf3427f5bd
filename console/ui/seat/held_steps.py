"""The order detail's 暂存 lines: the steps the seat holds on the order shown, the database away.

A step the seat may hold (``ActionSpec.offline``: a progress note, a feedback text, a sign-for…)
taken while the database is unreachable goes to the seat's journal (``console.services.journal``)
and is written when the database is back. Until then the order detail shows it here, under the
step buttons, with its held label; one that could not be written (the order changed meanwhile)
stays here, saying so, until the agent has dealt with it. Text says what each line is (暂存,
未写入), the colour only repeats it.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QWidget

from console.domain.refusals import REFUSALS
from console.services.journal import Pending
from console.ui.history_model import china_time
from console.ui.names import action_names, say

PendingOf = Callable[[str], Sequence[Pending]]
"""The steps held on an order, by its number (``JournalService.pending``: a local read)."""

STYLE = "background: #fff4d6; color: #4a3400; padding: 4px; border: 1px solid #b58900;"
NOTE_MOST = 60  # characters of a held note shown on its line (the whole note in the tooltip)


class HeldSteps(QLabel):
    def __init__(self, pending: PendingOf, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._pending = pending
        self.setObjectName("heldSteps")
        self.setTextFormat(Qt.TextFormat.PlainText)
        self.setWordWrap(True)
        self.setStyleSheet(STYLE)
        self.hide()

    def show_for(self, number: str | None) -> None:
        """The held steps of order ``number`` (None: no order shown): hidden when none."""
        found = list(self._pending(number)) if number else []
        lines = [self._line(p) for p in found]
        self.setText("\n".join(lines))
        self.setToolTip("\n\n".join(f"{p.label}: {p.note}" for p in found if p.note))
        self.setVisible(bool(lines))

    def _line(self, held: Pending) -> str:
        name = action_names()[held.action]
        note = held.note if len(held.note) <= NOTE_MOST else held.note[: NOTE_MOST - 1] + "…"
        head = f"{held.label} · {name} · {china_time(held.at)}" + (f" · {note}" if note else "")
        if not held.reason:
            return self.tr("⏳ Held: {step} — written when the database is back").format(step=head)
        if held.reason == "stale":
            why = self.tr(
                "the order was changed by another seat meanwhile: redo it if still needed"
            )
        else:
            why = say(REFUSALS[held.reason]) if held.reason in REFUSALS else held.reason
        return self.tr("⚠ Not written: {step} — {why}").format(step=head, why=why)
