"""Telephony: the port the console talks to (:mod:`.port`) and the simulated switch behind it."""

from console.telephony.port import (
    ALLOWED_FROM,
    LIVE_STATES,
    TRANSITIONS,
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
from console.telephony.simulated import SimulatedSwitch

__all__ = [
    "ALLOWED_FROM",
    "LIVE_STATES",
    "TRANSITIONS",
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
