"""How close a running deadline is, in the bands the queues and the order detail colour (剩余时间).

These are not alarm levels: alarms follow the deadline policy (预警 when 75 % of the allowed time
is used, 到期, 超期), the bands only the clock, the same for every deadline: overdue, under 2
hours, under a day, else plain. Colour is never the only cue: the text says the time left ("35m
over", "1h 30m left"), overdue is bold too, and the tooltip names the band. The tints are a
light-to-dark ramp (ColorBrewer OrRd), told apart by lightness whatever the colour vision; each
keeps a text contrast above 7:1.
"""

from __future__ import annotations

import enum
from datetime import datetime, timedelta

from PySide6.QtCore import QCoreApplication


class TimeLeftBand(enum.Enum):
    """Tightest first: a deadline is in the first band whose ``below`` its time left is under."""

    below: timedelta
    background: str
    text: str
    bold: bool

    # (below, background, text, bold)
    OVERDUE = (timedelta(0), "#b30000", "#ffffff", True)
    UNDER_2H = (timedelta(hours=2), "#fc8d59", "#000000", False)
    UNDER_24H = (timedelta(hours=24), "#fdd49e", "#000000", False)

    def __init__(self, below: timedelta, background: str, text: str, bold: bool) -> None:
        self.below, self.background, self.text, self.bold = below, background, text, bold

    @classmethod
    def of(cls, due: datetime, now: datetime) -> TimeLeftBand | None:
        """The band of a deadline ``due`` seen at ``now``; None while it is a day or more away."""
        left = due - now
        return next((band for band in cls if left < band.below), None)

    def style(self) -> str:
        """A label's style sheet in this band's colours."""
        weight = " font-weight: bold;" if self.bold else ""
        return f"background: {self.background}; color: {self.text}; padding: 0 4px;{weight}"


def band_names() -> dict[TimeLeftBand, str]:
    """What each band means, in the current language (tooltips: the words beside the colour)."""
    translate = QCoreApplication.translate
    return {
        TimeLeftBand.OVERDUE: translate("TimeLeft", "Overdue"),
        TimeLeftBand.UNDER_2H: translate("TimeLeft", "Due within 2 hours"),
        TimeLeftBand.UNDER_24H: translate("TimeLeft", "Due within 24 hours"),
    }
