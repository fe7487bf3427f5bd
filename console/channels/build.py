"""The site's partner channels from its ``[emergency]`` settings: what the composition root
calls (:func:`build_notifier`) to get the one PartnerNotifier the incident service sends
through."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from console.channels.simulated import DeskBehaviour
from console.domain.emergency import Channel
from console.scheduling.clock import Clock
from console.services.partner_notifier import PartnerNotifier

if TYPE_CHECKING:
    from console.channels.router import ChannelRouter

DESK_FILE = "partner-desk.sqlite3"  # the simulated desk's record, in the data directory


@dataclass(frozen=True, slots=True)
class EmergencySettings:
    """``[emergency]`` as the channels read it (:meth:`console.config.Settings.emergency`).
    An empty URL: that channel is not configured (its partners' notifications are refused)."""

    simulated: bool = True  # the simulated partner desk answers the "simulated" partners
    desk: DeskBehaviour = field(default_factory=DeskBehaviour)
    sms_url: str = ""
    platform_url: str = ""
    timeout_s: float = 10.0  # per request to the SMS gateway or the platform
    ca_file: Path | None = None  # the CA their HTTPS certificates are checked with (None: system)


def build_notifier(
    settings: EmergencySettings, clock: Clock, data_dir: Path | None
) -> ChannelRouter:
    """Every configured channel behind one router. ``data_dir`` None: the simulated desk keeps
    its keys in memory only; else in ``data_dir/partner-desk.sqlite3`` (durable across
    restarts). The router's ``adapters[Channel.SIMULATED]`` is the desk (demo controls).

    The channels' modules load here, not with the settings: their HTTP client is not wanted
    before the console's first paint (``console.config`` reads :class:`EmergencySettings`)."""
    from console.channels.emergency_platform import EmergencyPlatform
    from console.channels.router import ChannelRouter
    from console.channels.simulated import SimulatedDesk
    from console.channels.sms import SmsGateway

    adapters: dict[Channel, PartnerNotifier] = {}
    if settings.simulated:
        path = None if data_dir is None else data_dir / DESK_FILE
        adapters[Channel.SIMULATED] = SimulatedDesk(clock, settings.desk, path)
    if settings.sms_url:
        adapters[Channel.SMS] = SmsGateway(settings.sms_url, settings.timeout_s, settings.ca_file)
    if settings.platform_url:
        adapters[Channel.PLATFORM] = EmergencyPlatform(
            settings.platform_url, settings.timeout_s, clock.now, settings.ca_file
        )
    return ChannelRouter(adapters)
