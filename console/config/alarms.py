"""``[alarms]``: how the alarm panel sounds, and when it keeps quiet."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import time

from console import config_values as check
from console.config.declare import setting


@dataclass(frozen=True)
class AlarmsSection:
    alarm_sound: bool = setting("alarms.sound", check.flag, True)
    alarm_volume: int = setting("alarms.volume", check.volume, 80)
    # [start, end) local (China) time
    silent_hours: tuple[time, time] | None = setting(
        "alarms.silent_hours", check.silent_hours, None
    )

    def is_silent(self, t: time) -> bool:
        """Whether alarms are silent at local time ``t`` (start inclusive, end exclusive)."""
        if self.silent_hours is None:
            return False
        start, end = self.silent_hours
        t = t.replace(tzinfo=None)
        return start <= t < end if start < end else (t >= start or t < end)
