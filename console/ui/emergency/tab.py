"""The Emergency tab of a seat's window (应急联动): the board (its modules, its widgets, its
first read) is built the first time the tab is shown — its key Alt+Z selects it — or when
Ctrl+Shift+E in the order detail starts a plan from the order (issue 18: an instant start).

Until then the tab's title still carries the live counts (active incidents, partners overdue):
the tab reads the incidents' lines alone (``Incidents.board()``, no detail) at start, within
``FEED_THROTTLE_MS`` of a change and every ``REFRESH_MS``, as the board does once built; then
the board's reads and signals take over.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from datetime import datetime
from typing import TYPE_CHECKING, cast

from PySide6.QtCore import QTimer, Signal, Slot
from PySide6.QtWidgets import QWidget

from console.domain.catalogue import District
from console.domain.roles import Capability, Seated
from console.services.incident_views import IncidentLine, incident_counts
from console.ui.emergency import emergency_board, may_see_board
from console.ui.lazy_page import LazyPage
from console.ui.operations import Operations

if TYPE_CHECKING:
    from console.ui.emergency.actions import Incidents
    from console.ui.emergency.board import EmergencyBoard

REFRESH_MS = 5_000  # a safety net: the change feed calls refresh_soon within a second
FEED_THROTTLE_MS = 250


class EmergencyTab(LazyPage):
    """Signals: ``counts_changed(active, overdue)`` after each read (the board's once built);
    ``order_activated(str)``: the board's (a linked order opened)."""

    counts_changed = Signal(int, int)
    order_activated = Signal(str)

    def __init__(
        self, service: Incidents, build: Callable[[], EmergencyBoard], *, ops: Operations,
        may_run: bool, parent: QWidget | None = None,
    ) -> None:  # fmt: skip
        super().__init__(build, parent)
        self.may_run = may_run  # who may start a plan (Ctrl+Shift+E in the order detail)
        self._service, self._ops = service, ops
        self.count_timer = QTimer(self, interval=REFRESH_MS)
        self.count_timer.setObjectName("emergency-tab-count")
        self.feed_timer = QTimer(self, interval=FEED_THROTTLE_MS, singleShot=True)
        self.feed_timer.setObjectName("emergency-tab-feed")
        self.count_timer.timeout.connect(self.count)
        self.feed_timer.timeout.connect(self.count)
        self.built.connect(self._took_over)
        self.count_timer.start()

    def board(self) -> EmergencyBoard:
        """The board, built now if it was not yet."""
        return cast("EmergencyBoard", self.content())

    @Slot()
    def count(self) -> None:
        """Read the incidents' lines for the title's counts (the board does, once built)."""
        if not self.is_built:
            self._ops.read(self, "counts", self._service.board, success=self._counted)

    def _counted(self, lines: list[IncidentLine]) -> None:
        if not self.is_built:
            self.counts_changed.emit(*incident_counts(lines))

    @Slot()
    def refresh_soon(self) -> None:
        """Something was committed somewhere: the board (or the counts) re-read soon, once."""
        if self.is_built:
            self.board().refresh_soon()
        elif not self.feed_timer.isActive():
            self.feed_timer.start()

    def set_now(self, now: datetime) -> None:
        """The clock tick, for the board once built (the counts are the read's)."""
        if self.is_built:
            self.board().set_now(now)

    def _took_over(self, content: QWidget) -> None:
        self.count_timer.stop()
        self.feed_timer.stop()
        board = cast("EmergencyBoard", content)
        board.counts_changed.connect(self.counts_changed)
        board.order_activated.connect(self.order_activated)


def emergency_tab(
    service: Incidents, *, by: Seated, ops: Operations, clock: Callable[[], datetime],
    districts: Sequence[District], chinese: bool, kind_names: Mapping[str, str],
) -> EmergencyTab | None:  # fmt: skip
    """The tab for ``by`` (its counts asked at once), or None when ``by`` may neither see nor
    run incidents (:func:`~console.ui.emergency.emergency_board`)."""
    if not may_see_board(by):
        return None

    def build() -> EmergencyBoard:
        board = emergency_board(service, by=by, ops=ops, clock=clock, districts=districts,
                                chinese=chinese, kind_names=kind_names)  # fmt: skip
        assert board is not None  # the same check as above
        return board

    tab = EmergencyTab(service, build, ops=ops, may_run=by.may(Capability.RUN_INCIDENT))
    tab.count()
    return tab
