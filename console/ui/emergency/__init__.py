"""The emergency board (应急联动): :class:`~console.ui.emergency.board.EmergencyBoard`, and
:func:`emergency_board`, which gives it only to a principal the role matrix lets see or run
incidents (the composition root passes the result to the main window as ``emergency=``)."""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from datetime import datetime

from console.domain.catalogue import District
from console.domain.roles import Capability, Seated
from console.ui.emergency.actions import Incidents
from console.ui.emergency.board import EmergencyBoard
from console.ui.operations import Operations


def emergency_board(
    service: Incidents, *, by: Seated, ops: Operations, clock: Callable[[], datetime],
    districts: Sequence[District], chinese: bool, kind_names: Mapping[str, str],
) -> EmergencyBoard | None:  # fmt: skip
    """The board for ``by``, or None when ``by`` may neither see nor run incidents. It reads
    its first rows at once."""
    if not (by.may(Capability.SEE_INCIDENTS) or by.may(Capability.RUN_INCIDENT)):
        return None
    board = EmergencyBoard(service, by=by, ops=ops, clock=clock, districts=districts,
                           chinese=chinese, kind_names=kind_names)  # fmt: skip
    board.refresh()
    return board


__all__ = ["EmergencyBoard", "Incidents", "emergency_board"]
