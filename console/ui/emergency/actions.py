"""The emergency board's writes (:class:`BoardActions`): start a plan (also from an order), change
the level, record a partner's answer, notify a partner again, stand down.

Each is an operation (``ops.write``) made as the signed-in principal, so the service checks the
role matrix itself; the board hides the keys from one who may not run an incident. A form's
refusal is said in the form, which keeps what was typed; a success closes it, is said on the
board (``done``) and refreshes it. The board (:mod:`console.ui.emergency.board`) owns the reads.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import datetime
from typing import TYPE_CHECKING, Any, Protocol

from PySide6.QtCore import QObject, Slot

from console.domain.catalogue import District
from console.domain.emergency import IncidentStatus
from console.domain.refusals import Refused
from console.domain.roles import Seated
from console.services.incident_views import IncidentAlarm, IncidentDetail, IncidentLine
from console.ui.emergency.dialogs import (
    Answer,
    AnswerDialog,
    IncidentForm,
    LevelChange,
    LevelDialog,
    StandDownDialog,
)
from console.ui.emergency.start_dialog import FromOrder, PreviewFn, StartDialog
from console.ui.emergency.words import level_text
from console.ui.operations import Operations
from console.ui.refusals import refusal_text

if TYPE_CHECKING:
    from console.ui.emergency.board import EmergencyBoard


class Incidents(Protocol):
    """What the board asks of ``console.services.incidents.IncidentService``."""

    def start(self, by: Seated, draft: Any) -> IncidentLine: ...
    def preview(self, event_type: Any, level: Any, district: str) -> Any: ...
    def change_level(self, by: Seated, number: str, level: Any, note: str) -> IncidentLine: ...
    def record_answer(self, by: Seated, number: str, partner_code: str, means: Any, who: str,
                      at: datetime | None = None, note: str = "",
                      refused: bool = False) -> None: ...  # fmt: skip
    def repeat(self, by: Seated, number: str, partner_code: str) -> None: ...
    def stand_down(self, by: Seated, number: str, summary: str) -> None: ...
    def board(self) -> list[IncidentLine]: ...
    def detail(self, number: str) -> IncidentDetail: ...
    def open_alarms(self) -> list[IncidentAlarm]: ...


class BoardActions(QObject):
    """The writes of ``board`` on ``service`` as ``by``; :attr:`form` is the open form, if any."""

    def __init__(
        self, board: EmergencyBoard, service: Incidents, *, by: Seated, ops: Operations,
        districts: Sequence[District], chinese: bool,
    ) -> None:  # fmt: skip
        super().__init__(board)
        self._board, self._service, self._by, self._ops = board, service, by, ops
        self._districts, self._chinese = list(districts), chinese
        self.form: IncidentForm | None = None  # the open form, if any
        self._closed_form: IncidentForm | None = None

    def _runnable(self) -> IncidentLine | None:
        """The selected incident, if the lead may act on it now (else says why)."""
        line = self._board.selected()
        if not self._board.may_run or self.form is not None:
            return None
        if line is None:
            self._board.say(self.tr("Select an incident first."), error=True)
            return None
        if line.status is not IncidentStatus.ACTIVE:
            self._board.say(refusal_text(Refused("incident_stood_down", number=line.number)),
                            error=True)  # fmt: skip
            return None
        return line

    @Slot()
    def start(self) -> None:
        self.start_from(None)

    def start_from(self, order: FromOrder | None) -> None:
        """The start form; from ``order`` it is filled in from the order, and the incident
        started is linked to it."""
        if not self._board.may_run or self.form is not None:
            return
        preview: PreviewFn = self._service.preview
        service, by, board = self._service, self._by, self._board

        def started(draft: Any) -> None:
            def said(line: IncidentLine) -> str:
                board.follow(line.number)
                return self.tr("Started {number}: {level}.").format(
                    number=line.number, level=level_text(line.level))  # fmt: skip

            self._write(lambda: service.start(by, draft), said, in_form=True)

        form = StartDialog(self._districts, chinese=self._chinese, preview=preview, ops=self._ops,
                           from_order=order.number if order else None, parent=board)  # fmt: skip
        if order is not None:
            form.fill_from(order)
        self._open(form, started)

    @Slot()
    def change_level(self) -> None:
        line = self._runnable()
        if line is None:
            return
        service, by, number = self._service, self._by, line.number

        def chosen(change: LevelChange) -> None:
            self._write(lambda: service.change_level(by, number, change.level, change.note),
                        lambda new: self.tr("{number} is now {level}.").format(
                            number=number, level=level_text(new.level)), in_form=True)  # fmt: skip

        self._open(LevelDialog(line, self._board), chosen)

    @Slot()
    def record_answer(self) -> None:
        line = self._runnable()
        detail = self._board.shown_detail
        if line is None or detail is None:
            return
        partner = self._board.pane.selected_partner()
        service, by, number = self._service, self._by, line.number

        def answered(a: Answer) -> None:
            call = lambda: service.record_answer(by, number, a.partner_code, a.means, a.who,  # noqa: E731
                                                 a.at, a.note, a.refused)  # fmt: skip
            self._write(call, lambda _: self.tr("Answer recorded."), in_form=True)

        self._open(AnswerDialog(line, detail.partners, partner.code if partner else None,
                                self._board.now, self._board), answered)  # fmt: skip

    @Slot()
    def repeat(self) -> None:
        line = self._runnable()
        if line is None:
            return
        partner = self._board.pane.selected_partner()
        if partner is None:
            self._board.say(self.tr("Select a partner in the grid first."), error=True)
            return
        service, by, number, code, name = (
            self._service,
            self._by,
            line.number,
            partner.code,
            partner.name,
        )
        self._write(lambda: service.repeat(by, number, code),
                    lambda _: self.tr("{partner} notified again.").format(partner=name),
                    in_form=False)  # fmt: skip

    @Slot()
    def stand_down(self) -> None:
        line = self._runnable()
        if line is None:
            return
        service, by, number = self._service, self._by, line.number

        def over(summary: str) -> None:
            self._write(lambda: service.stand_down(by, number, summary),
                        lambda _: self.tr("{number} stood down.").format(number=number),
                        in_form=True)  # fmt: skip

        self._open(StandDownDialog(line, self._board), over)

    def _open(self, form: IncidentForm, submitted: Callable[[Any], None]) -> None:
        """Show ``form``; what it submits goes to ``submitted``. The handlers never hold the
        form itself (a form deleted while its own signal holds it is a crash): they reach it
        as :attr:`form`, which is None again once it is closed."""
        if self._closed_form is not None:
            self._closed_form.deleteLater()  # the last one, long closed
        self.form, self._closed_form = form, None
        form.submitted.connect(submitted)
        form.finished.connect(self._closed)
        form.open()

    @Slot()
    def _closed(self) -> None:
        """Kept (hidden) until the next form opens: deleting a form right after its own
        Ctrl+Enter closed it crashes PySide6 (seen in tests/ui/test_emergency_board.py)."""
        self._closed_form, self.form = self.form, None

    def _write(self, call: Callable[[], Any], said: Callable[[Any], str], *,
               in_form: bool) -> None:  # fmt: skip
        """Run ``call``; then close the open form (``in_form``) and say ``said(result)``, or
        say the refusal in the form, which stays open with what was typed."""
        board = self._board

        def failed(error: Exception) -> None:
            text = refusal_text(error)
            if in_form and self.form is not None:
                self.form.refuse(text)
            else:
                board.say(self.tr("Not done: {error}").format(error=text), error=True)

        def succeeded(result: Any) -> None:
            text = said(result)
            if in_form and self.form is not None:
                self.form.done_ok()  # finished: _closed
            board.say(text)
            board.done.emit(text)
            board.refresh()

        self._ops.write(board, call, success=succeeded, failure=failed)
