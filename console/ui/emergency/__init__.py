"""The emergency board (应急联动): :class:`~console.ui.emergency.board.EmergencyBoard`, and
:func:`emergency_board`, which gives it only to a principal the role matrix lets see or run
incidents; a seat's window gets it as a tab built when first shown
(:func:`~console.ui.emergency.tab.emergency_tab`).

Importing this package loads none of the board's modules (the wallboard, the hot spots and the
会商 tab use its words and its table): a seat's start does not pay for a board not yet opened
(issue 18: an instant start)."""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from datetime import datetime
from typing import TYPE_CHECKING

from console.domain.catalogue import District
from console.domain.roles import Capability, Seated
from console.ui.operations import Operations

if TYPE_CHECKING:
    from console.ui.emergency.actions import Incidents
    from console.ui.emergency.board import EmergencyBoard


def may_see_board(by: Seated) -> bool:
    """Whether ``by`` gets the board: who may see or run incidents."""
    return by.may(Capability.SEE_INCIDENTS) or by.may(Capability.RUN_INCIDENT)


def emergency_board(
    service: Incidents, *, by: Seated, ops: Operations, clock: Callable[[], datetime],
    districts: Sequence[District], chinese: bool, kind_names: Mapping[str, str],
) -> EmergencyBoard | None:  # fmt: skip
    """The board for ``by``, or None when ``by`` may neither see nor run incidents. It reads
    its first rows at once."""
    if not may_see_board(by):
        return None
    from console.ui.emergency.board import EmergencyBoard

    board = EmergencyBoard(service, by=by, ops=ops, clock=clock, districts=districts,
                           chinese=chinese, kind_names=kind_names)  # fmt: skip
    board.refresh()
    return board


__all__ = ["emergency_board", "may_see_board"]
