"""Part of the composition root (see app.py): the shift lead's views of the floor in a seat's
window — the wallboard (大屏), the hot spots (热点) and the reports (报表) — each None for an
account that may not see it. Nothing else imports this module (app_window.py builds them with the window).

The hot spots and the reports are tabs built when first shown (console/ui/lazy_page.py), and
the wallboard when its key first opens it: their widgets and first reads are not on the seat's
start (issue 18: an instant start)."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import TYPE_CHECKING, cast

from console.domain.calendar import china_date
from console.domain.call_stats import CallStats
from console.domain.catalogue import District
from console.domain.roles import Capability, Seated, allowed_anywhere
from console.services.alarms import AlarmService
from console.services.exchange_alarms import ExchangeAlarms
from console.services.hotspots import HotspotService
from console.services.incidents import IncidentService
from console.services.orders import OrderService
from console.services.seat import SeatStateService
from console.services.wallboard import WallboardService
from console.store.engine import Database
from console.ui.lazy_page import LazyPage
from console.ui.operations import Operations
from console.ui.wallboard import LazyWallboard, lazy_wallboard

if TYPE_CHECKING:  # imported when the tab is first shown (~0.15 s of a start)
    from console.ui.hotspots import HotspotView
    from console.ui.reports import ReportsTab


@dataclass(frozen=True)
class FloorViews:
    wall: LazyWallboard | None  # a Wallboard once first opened (Shift+F12)
    hotspots: LazyPage | None  # a HotspotView once first shown
    reports: LazyPage | None  # a ReportsTab once first shown

    def refresh_soon(self) -> None:
        """Another seat committed, or incidents and hot spots changed: re-read what shows
        (a tab not built yet reads when it is)."""
        if self.wall is not None:
            self.wall.refresh_soon()
        if self.hotspots is not None and self.hotspots.is_built:
            cast("HotspotView", self.hotspots.content()).refresh_soon()


def floor_views(
    *,
    by: Seated,
    ops: Operations,
    clock: Callable[[], datetime],
    seats: SeatStateService,
    stats: CallStats,
    alarms: AlarmService,
    orders: OrderService,
    incidents: IncidentService | None,
    link: ExchangeAlarms | None,
    hotspots: HotspotService | None,
    district_names: dict[str, str],
    subject_names: dict[str, str],
    chinese: bool,
    db: Database,
    districts: Sequence[District],
) -> FloorViews:
    floor = WallboardService(
        by=by, clock=clock, seats=seats, alarms=alarms, incidents=incidents, link=link,
        hotspots=hotspots,
    )  # fmt: skip
    wall = lazy_wallboard(floor.read, stats, by=by, ops=ops, clock=clock)
    spots = None
    if hotspots is not None and by.may(Capability.HOTSPOTS):
        found = hotspots

        def spots_view() -> HotspotView:
            from console.ui.hotspots import hotspot_view

            view = hotspot_view(
                found, by=by, ops=ops, departments=orders.linkage.departments,
                district_names=district_names, subject_names=subject_names, chinese=chinese,
            )  # fmt: skip
            assert view is not None  # the same check as above
            return view

        spots = LazyPage(spots_view)
    reports = None
    if allowed_anywhere(by.principal, Capability.REPORT):  # console.ui.reports.may_report

        def reports_view() -> ReportsTab:
            from console.services.reports import ReportService
            from console.ui.reports import reports_tab

            tab = reports_tab(
                ReportService(db, clock), principal=by.principal, ops=ops,
                today=lambda: china_date(clock()), districts=districts, chinese=chinese,
            )  # fmt: skip
            assert tab is not None  # the same check as above
            return tab

        reports = LazyPage(reports_view)
    return FloorViews(wall, spots, reports)
