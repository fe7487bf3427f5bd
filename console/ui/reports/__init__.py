"""The reports tab (报表): :class:`~console.ui.reports.tab.ReportsTab`, and :func:`reports_tab`,
which gives it only to a principal the role matrix lets see reports (a shift lead at the
platform, an administrator for the site). The composition root passes the result to the main
window as ``reports=`` (or adds it to an administrator's role window); it reads its first report
when first shown, and loads the charts library then."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import date

from console.domain.catalogue import District
from console.domain.roles import SITE, Capability, Principal, allowed
from console.ui.operations import Operations
from console.ui.reports.tab import Reports, ReportsTab


def may_report(principal: Principal) -> bool:
    """A shift lead at the own platform, or an administrator for the site."""
    return allowed(principal, Capability.REPORT, principal.platform) or allowed(
        principal, Capability.REPORT, SITE
    )


def reports_tab(
    service: Reports, *, principal: Principal, ops: Operations, today: Callable[[], date],
    districts: Sequence[District], chinese: bool,
) -> ReportsTab | None:  # fmt: skip
    """The tab for ``principal``, or None when it may not see reports."""
    if not may_report(principal):
        return None
    return ReportsTab(service, ops=ops, today=today, districts=list(districts), chinese=chinese)


__all__ = ["Reports", "ReportsTab", "may_report", "reports_tab"]
