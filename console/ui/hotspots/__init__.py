"""The shift lead's hot spots (热点): :class:`~console.ui.hotspots.view.HotspotView`, and
:func:`hotspot_view`, which gives it only to a principal the role matrix lets see hot spots
(HOTSPOTS: the 12345 shift lead); the composition root passes the result to the main window as
``hotspots=``."""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence

from console.domain.catalogue import Department
from console.domain.roles import Capability, Seated
from console.ui.hotspots.view import Hotspots, HotspotView
from console.ui.operations import Operations


def hotspot_view(
    service: Hotspots, *, by: Seated, ops: Operations,
    departments: Callable[[], Sequence[Department]], district_names: Mapping[str, str],
    subject_names: Mapping[str, str], chinese: bool,
) -> HotspotView | None:  # fmt: skip
    """The view for ``by``, or None when ``by`` may not see hot spots. It reads its first rows
    at once. ``subject_names``: kinds' and fields' names by code."""
    if not by.may(Capability.HOTSPOTS):
        return None
    view = HotspotView(service, by=by, ops=ops, departments=departments,
                       district_names=district_names, subject_names=subject_names,
                       chinese=chinese)  # fmt: skip
    view.refresh()
    return view


__all__ = ["HotspotView", "Hotspots", "hotspot_view"]
