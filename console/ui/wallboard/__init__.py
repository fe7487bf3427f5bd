"""The wallboard (大屏): :class:`~console.ui.wallboard.view.Wallboard`, and :func:`wallboard`,
which gives it only to a principal who may see the floor (SEE_FLOOR: the shift lead).

A seat's window gets a :class:`LazyWallboard` (:func:`lazy_wallboard`): the wallboard's module
and widgets are built the first time its key (Shift+F12) opens it, not on the seat's start
(issue 18: an instant start); hidden, the wallboard reads nothing anyway.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Slot
from PySide6.QtWidgets import QWidget

from console.domain.call_stats import CallStats
from console.domain.roles import Capability, Seated
from console.services.wallboard import Floor
from console.ui.operations import Operations

if TYPE_CHECKING:
    from console.ui.wallboard.view import Wallboard


def wallboard(
    read: Callable[[], Floor], stats: CallStats, *, by: Seated, ops: Operations,
    clock: Callable[[], datetime], parent: QWidget | None = None,
) -> Wallboard | None:  # fmt: skip
    """The wallboard for ``by`` (hidden until its key), or None when ``by`` may not see the
    floor. ``read``: ``WallboardService.read``; ``stats``: the seat's queue figures."""
    if not by.may(Capability.SEE_FLOOR):
        return None
    from console.ui.wallboard.view import Wallboard

    return Wallboard(read, stats, ops=ops, clock=clock, parent=parent)


class LazyWallboard(QObject):
    """A window's wallboard, built the first time it is wanted (:meth:`content`, :meth:`toggle`)
    as a window of the widget this object is given to (:meth:`host`: the main window)."""

    def __init__(self, build: Callable[[QWidget | None], Wallboard]) -> None:
        super().__init__()
        self._build: Callable[[QWidget | None], Wallboard] | None = build
        self._content: Wallboard | None = None
        self._host: QWidget | None = None

    def host(self, window: QWidget) -> None:
        """The window the wallboard opens from (its parent, on that window's screen)."""
        self._host = window
        self.setParent(window)

    @property
    def is_built(self) -> bool:
        return self._content is not None

    def content(self) -> Wallboard:
        """The wallboard, built now if it was not yet."""
        if self._content is None:
            assert self._build is not None
            build, self._build = self._build, None
            self._content = build(self._host)
        return self._content

    @Slot()
    def toggle(self) -> None:
        """The wallboard key: open it (built the first time), or leave it."""
        self.content().toggle()

    @Slot()
    def refresh_soon(self) -> None:
        """Another console committed: a wallboard on screen re-reads (one not built reads when
        it is opened)."""
        if self._content is not None:
            self._content.refresh_soon()


def lazy_wallboard(
    read: Callable[[], Floor], stats: CallStats, *, by: Seated, ops: Operations,
    clock: Callable[[], datetime],
) -> LazyWallboard | None:  # fmt: skip
    """:func:`wallboard`'s, built when first wanted; None when ``by`` may not see the floor."""
    if not by.may(Capability.SEE_FLOOR):
        return None

    def build(parent: QWidget | None) -> Wallboard:
        board = wallboard(read, stats, by=by, ops=ops, clock=clock, parent=parent)
        assert board is not None  # the same check as above
        return board

    return LazyWallboard(build)


__all__ = ["LazyWallboard", "lazy_wallboard", "wallboard"]
