"""Which telephony adapter a site runs: ``telephony.adapter`` in the site config names one here.

One table, :data:`ADAPTERS`: adapter name → builder. The composition root calls
:func:`build_telephony` and talks to what it returns through the :class:`Telephony` port only;
``console.config`` accepts exactly these names. A real PBX adapter (Asterisk AMI, FreeSWITCH ESL)
is one new module in this package, one entry here and one contract test (README: "Add a
telephony adapter"). Builders import their module when called, so reading the config stays cheap.
"""

from __future__ import annotations

import random
from collections.abc import Callable, Collection, Mapping, Sequence
from dataclasses import dataclass
from types import MappingProxyType
from typing import TYPE_CHECKING, Final

from console.telephony.port import Line, Telephony

if TYPE_CHECKING:
    import asyncio

    from console.config import Settings

PEER_SEAT = "SIM-PEER"  # a simulated seat of the other platform that takes transfers


@dataclass(frozen=True)
class SwitchSite:
    """What the composition root hands an adapter's builder."""

    settings: Settings  # the site config (an adapter's own keys live in [telephony])
    loop: asyncio.AbstractEventLoop  # the adapter runs on it; it is not running yet
    lines: Collection[Line]  # the lines this process has console seats on
    # Phone numbers already in the database, as read so far: asked at each repeat call (the
    # composition reads them once the seat's first data is on screen; empty until then).
    known_callers: Callable[[], Sequence[str]]


Builder = Callable[[SwitchSite], Telephony]


def _simulated(site: SwitchSite) -> Telephony:
    """The demo switch: calls arrive on the open seats' lines (the 110 line at half the 12345
    rate), 60 % from callers already in the database so the screen pop shows history; a line with
    no console seat gets a simulated agent (SIM-PEER) that takes transfers and hangs up after two
    minutes. A transfer waits ``telephony.transfer_window_s`` for the peer. Each open line has
    ``telephony.sim_colleagues`` simulated agents beside the console seats (the floor), and a
    call left ringing ``telephony.ring_timeout_s`` at a seat goes to the next one."""
    from console.telephony.simulated import SimulatedSwitch

    settings = site.settings
    rng = random.Random()

    def repeat_caller() -> str | None:
        known = site.known_callers()
        return rng.choice(known) if known else None

    per_min = settings.sim_calls_per_min
    rates = {Line.HOTLINE: per_min, Line.POLICE: per_min / 2}
    open_lines = set(site.lines)
    switch = SimulatedSwitch(
        rate_per_min={line: rates[line] for line in open_lines},
        callers=repeat_caller,
        repeat_share=0.6,
        # Two console seats: the peer is a person who hangs up with F6, not a timer.
        transferred_talk_s=None if len(open_lines) == 2 else 120.0,
        answer_window_s=settings.transfer_window_s,
        loop=site.loop,
        ring_timeout_s=settings.ring_timeout_s,
        colleagues=dict.fromkeys(open_lines, settings.sim_colleagues),
    )
    for line in set(Line) - open_lines:
        switch.register_seat(PEER_SEAT, line, True)
    return switch


ADAPTERS: Final[Mapping[str, Builder]] = MappingProxyType({"simulated": _simulated})


def build_telephony(site: SwitchSite) -> Telephony:
    """The adapter ``telephony.adapter`` names, built (not started: the caller starts it)."""
    return ADAPTERS[site.settings.telephony_adapter](site)
