"""``[hotspots] [duplicates]``: the hot-spot scan and 并单's window."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from console import config_values as check
from console.config.declare import setting

if TYPE_CHECKING:  # built when asked: not on the start's first paint
    from console.domain.hotspots import Method as HotspotMethod

_DAY_DIVISORS = ("1", "2", "3", "4", "6", "8", "12", "24")  # hot-spot windows tile the China day


@dataclass(frozen=True)
class AnalysisSection:
    # [hotspots]: the hot-spot scan (console/domain/hotspots.py, docs/hotspots.md).
    # window and cadence, on the China clock (00, 04, 08 …)
    hotspot_every_hours: str = setting("hotspots.every_hours", check.choice(*_DAY_DIVISORS), "4")
    # baseline windows (the same window on earlier days)
    hotspot_baseline_days: int = setting("hotspots.baseline_days", check.whole(3, 28, "days"), 7)
    # a count below this is never a hot spot
    hotspot_min_count: int = setting("hotspots.min_count", check.whole(1, 1000, "orders"), 5)
    # [duplicates]: 并单 (console/services/duplicates.py): similar matters of one district and
    # kind, and the repeated-request warning's callers, count within this many hours.
    duplicates_window_h: int = setting("duplicates.window_h", check.whole(1, 720, "hours"), 72)

    def hotspot_method(self) -> HotspotMethod:
        """The ``[hotspots]`` settings as the hot-spot service reads them."""
        from console.domain.hotspots import Method as HotspotMethod

        return HotspotMethod(
            every_hours=int(self.hotspot_every_hours), baseline_days=self.hotspot_baseline_days,
            min_count=self.hotspot_min_count,
        )  # fmt: skip
