"""Repeated requests (重复诉求预警) on the shift lead's alarm panel: one line per order whose
matter reached three or more callers within the site's window (``DuplicateService.repeated``:
raised once per order, when a merge or a join at intake brought the third caller), until the
lead acknowledges it — 重复诉求预警：12345-20261205-0012 · 3 位来电人 · 噪音扰民 · 和平区 …

Never told by colour alone: an open line starts with the filled mark (●) and is bold. Enter on
a line (or the button) acknowledges it; the line then goes. Service calls are operations.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import datetime
from typing import Protocol

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QWidget

from console.domain.calendar import CHINA_TZ
from console.services.duplicates import RepeatWarning
from console.ui.alarms.ack_strip import AcknowledgeStrip
from console.ui.operations import Operations

VISIBLE_ROWS = 3


class RepeatSource(Protocol):
    """What the strip asks of ``console.services.duplicates.DuplicateService``."""

    def repeated(self, include_acknowledged: bool = False) -> list[RepeatWarning]: ...

    def acknowledge(self, warning_id: int) -> bool: ...


def repeat_text(warning: RepeatWarning, kind_names: Mapping[str, str]) -> str:
    """重复诉求预警：<order> · 3 位来电人 · <kind> · <address> · 预警 12-05 10:32."""
    return QCoreApplication.translate(
        "RepeatWarnings",
        "Repeated request: {number} · {callers} callers · {kind} · {address} · raised {time}",
    ).format(number=warning.number, callers=warning.callers,
             kind=kind_names.get(warning.kind, warning.kind), address=warning.address or "—",
             time=_time(warning.raised_at))  # fmt: skip


def _time(instant: datetime) -> str:
    return instant.astimezone(CHINA_TZ).strftime("%m-%d %H:%M")


class RepeatWarningStrip(AcknowledgeStrip[RepeatWarning]):
    """Hidden while no warning is open. :meth:`refresh` re-reads them."""

    def __init__(
        self,
        service: RepeatSource,
        *,
        ops: Operations,
        kind_names: Mapping[str, str],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(
            "repeatWarning", read_key="repeat-warnings", ops=ops, visible_rows=VISIBLE_ROWS,
            button=self.tr("Acknowledge repeated request (Enter on the line)"), parent=parent,
        )  # fmt: skip
        self._service, self._kind_names = service, kind_names

    def read_rows(self) -> list[RepeatWarning]:
        return self._service.repeated()

    def acknowledge_row(self, row: RepeatWarning, note: str) -> bool:
        # False: another console acknowledged it first; gone all the same
        return self._service.acknowledge(row.id)

    def row_text(self, row: RepeatWarning) -> str:
        return repeat_text(row, self._kind_names)

    def done_text(self, row: RepeatWarning) -> str:
        return self.tr("Acknowledged: repeated request {number}.").format(number=row.number)
