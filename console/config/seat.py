"""``[seat] [telephony]``: how a seat works its calls, and the switch that brings them."""

from __future__ import annotations

from dataclasses import dataclass

from console import config_values as check
from console.config.declare import setting
from console.domain.dispositions import default_specs
from console.telephony.adapters import ADAPTERS


@dataclass(frozen=True)
class SeatSection:
    wrap_up_s: int = setting("seat.wrap_up_s", check.seconds(0, 600), 30)  # 话后整理, then ready
    # a hold this long turns the call bar to a reminder
    hold_reminder_s: int = setting("seat.hold_reminder_s", check.seconds(10, 600), 60)
    # wrap-up codes, "code=名称"
    dispositions: tuple[str, ...] = setting(
        "seat.dispositions", check.dispositions, default_specs()
    )
    # the board shows a seat offline after this long unheard of
    offline_after_s: int = setting("seat.offline_after_s", check.seconds(60, 3600), 90)
    # a name in console.telephony.adapters.ADAPTERS
    telephony_adapter: str = setting(
        "telephony.adapter", check.one_of(ADAPTERS, "adapter"), "simulated"
    )
    # how long a transfer or three-way call waits for the peer line
    transfer_window_s: int = setting("telephony.transfer_window_s", check.seconds(5, 300), 30)
    # the simulated switch's 12345 arrival rate (demo)
    sim_calls_per_min: float = setting("telephony.sim_calls_per_min", check.calls_per_min, 2.0)
    # simulated agents per line answering beside the console seats
    sim_colleagues: int = setting("telephony.sim_colleagues", check.whole(0, 50, "agents"), 12)
    # ring-no-answer: offered on, the seat made not ready
    ring_timeout_s: int = setting("telephony.ring_timeout_s", check.seconds(5, 120), 15)
    # the ring (its own volume: alarms' silent hours do not apply)
    ring_volume: int = setting("telephony.ring_volume", check.volume, 80)
    auto_answer: bool = setting("seat.auto_answer", check.flag, False)  # answered at once
