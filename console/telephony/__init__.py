"""Telephony: the port the console talks to (:mod:`.port`), the adapters behind it
(:mod:`.adapters` chooses one from the site config) and the simulated switch (:mod:`.simulated`).

``SimulatedSwitch`` is imported on first use, so the config can read the adapter names without
loading asyncio.
"""

from typing import TYPE_CHECKING

from console.telephony.port import (
    ALLOWED_FROM,
    LIVE_STATES,
    TRANSITIONS,
    Availability,
    Call,
    CallEvent,
    CallState,
    Command,
    EventKind,
    Line,
    Subscriber,
    Telephony,
    TelephonyError,
    TransferResult,
    check_command,
)

if TYPE_CHECKING:
    from console.telephony.simulated import SimulatedSwitch

__all__ = [
    "ALLOWED_FROM",
    "LIVE_STATES",
    "TRANSITIONS",
    "Availability",
    "Call",
    "CallEvent",
    "CallState",
    "Command",
    "EventKind",
    "Line",
    "SimulatedSwitch",
    "Subscriber",
    "Telephony",
    "TelephonyError",
    "TransferResult",
    "check_command",
]


def __getattr__(name: str) -> object:
    if name == "SimulatedSwitch":
        from console.telephony.simulated import SimulatedSwitch

        return SimulatedSwitch
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
