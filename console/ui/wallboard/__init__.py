"""The wallboard (大屏): :class:`~console.ui.wallboard.view.Wallboard`, and :func:`wallboard`,
which gives it only to a principal who may see the floor (SEE_FLOOR: the shift lead); the
composition root passes the result to the main window as ``wallboard=``."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime

from PySide6.QtWidgets import QWidget

from console.domain.call_stats import CallStats
from console.domain.roles import Capability, Seated
from console.services.wallboard import Floor
from console.ui.operations import Operations
from console.ui.wallboard.view import Wallboard


def wallboard(
    read: Callable[[], Floor], stats: CallStats, *, by: Seated, ops: Operations,
    clock: Callable[[], datetime], parent: QWidget | None = None,
) -> Wallboard | None:  # fmt: skip
    """The wallboard for ``by`` (hidden until its key), or None when ``by`` may not see the
    floor. ``read``: ``WallboardService.read``; ``stats``: the seat's queue figures."""
    if not by.may(Capability.SEE_FLOOR):
        return None
    return Wallboard(read, stats, ops=ops, clock=clock, parent=parent)


__all__ = ["Wallboard", "wallboard"]
