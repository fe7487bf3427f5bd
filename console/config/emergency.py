"""``[emergency]``: the partner channels (console/channels, docs/partner-channels.md)."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from console import config_values as check
from console.config.declare import setting

if TYPE_CHECKING:  # built when asked: the channels' modules are not on the start's first paint
    from console.channels.build import EmergencySettings

_PERCENT = check.whole(0, 100, "percent")


@dataclass(frozen=True)
class EmergencySection:
    # the simulated partner desk serves "simulated" partners
    emergency_simulated: bool = setting("emergency.simulated", check.flag, True)
    # a simulated partner answers after min..max seconds
    emergency_sim_min_delay_s: int = setting(
        "emergency.sim_min_delay_s", check.seconds(0, 3600), 20
    )
    emergency_sim_max_delay_s: int = setting(
        "emergency.sim_max_delay_s", check.seconds(0, 3600), 180
    )
    # of the asks, never answered
    emergency_sim_never_percent: int = setting("emergency.sim_never_percent", _PERCENT, 10)
    # of the asks answered, refused
    emergency_sim_refuse_percent: int = setting("emergency.sim_refuse_percent", _PERCENT, 5)
    # the same seed, the same answers
    emergency_sim_seed: int = setting("emergency.sim_seed", check.whole(0, 2**31 - 1), 0)
    # the SMS gateway adapter ("": no SMS channel)
    emergency_sms_url: str = setting("emergency.sms_url", check.service_url, "")
    # the emergency-management platform ("": none)
    emergency_platform_url: str = setting("emergency.platform_url", check.service_url, "")
    # per request to either
    emergency_timeout_s: int = setting("emergency.timeout_s", check.seconds(1, 60), 10)
    # the CA of their HTTPS certificates (None: the system's)
    emergency_ca: Path | None = setting("emergency.ca", check.file_path, None)

    def emergency(self) -> EmergencySettings:
        """The ``[emergency]`` settings as :func:`console.channels.build.build_notifier` reads them."""
        from console.channels.build import EmergencySettings
        from console.channels.simulated import DeskBehaviour

        desk = DeskBehaviour(
            min_delay_s=self.emergency_sim_min_delay_s, max_delay_s=self.emergency_sim_max_delay_s,
            never_share=self.emergency_sim_never_percent / 100, refuse_share=self.emergency_sim_refuse_percent / 100,
            seed=self.emergency_sim_seed,
        )  # fmt: skip
        return EmergencySettings(
            simulated=self.emergency_simulated, desk=desk, sms_url=self.emergency_sms_url,
            platform_url=self.emergency_platform_url, timeout_s=self.emergency_timeout_s,
            ca_file=self.emergency_ca,
        )  # fmt: skip


def delay_problems(values: Mapping[str, Any]) -> list[str]:
    """The one check across two keys: the simulated desk's delays in order."""
    low = values.get("emergency_sim_min_delay_s", EmergencySection.emergency_sim_min_delay_s)
    high = values.get("emergency_sim_max_delay_s", EmergencySection.emergency_sim_max_delay_s)
    if low > high:
        return [f"emergency.sim_min_delay_s = {low} is over sim_max_delay_s = {high}"]
    return []
