"""The port every partner channel sits behind: hand a notification over, collect the answers.

A channel (the simulated partner desk, an SMS gateway, an emergency-management platform's
interface) receives each :class:`Notification` with its idempotency ``key`` and must treat a key
it already holds as the same notification (answer :attr:`Handover.DUPLICATE`, send nothing new):
the pump re-hands a key after a crash or a lost answer. Answers (acknowledgements, refusals)
come back through :meth:`PartnerNotifier.answers`, at least once each; recording one twice is
harmless. A channel that cannot be reached raises :class:`ChannelDown`; the pump tries again.

Adapters are called from a worker thread (never the UI's) and must return within their timeout.
The contract every adapter passes is ``tests/emergency/notifier_contract.py``.
"""

from __future__ import annotations

import enum
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Protocol

from console.domain.emergency import Channel, EventType, Level, NotificationKind


@dataclass(frozen=True, slots=True)
class Notification:
    """What a partner is told. ``ack_by``: when it must acknowledge (None: nothing to answer)."""

    key: str
    incident_number: str
    partner_code: str
    channel: Channel
    address: str
    kind: NotificationKind
    event_type: EventType
    level: Level
    place: str
    summary: str
    task: str
    ack_by: datetime | None
    drill: bool
    sent_by: str  # the platform that runs the incident: "12345" or "110"


class Handover(enum.StrEnum):
    ACCEPTED = "accepted"  # the channel took it and will deliver it
    DUPLICATE = "duplicate"  # the channel already had this key: nothing new was sent
    REFUSED = "refused"  # the channel will never deliver it (unknown address, …): not retried


@dataclass(frozen=True, slots=True)
class Answer:
    """A partner's answer to the notification ``key``: acknowledged, or refused (``refused``),
    by ``by`` (the person, as the channel knows them) at ``at``."""

    key: str
    at: datetime
    by: str
    refused: bool = False
    note: str = ""


class ChannelDown(Exception):
    """The channel could not be reached or did not answer in time: try again later."""


class PartnerNotifier(Protocol):
    def send(self, notification: Notification) -> Handover:
        """Hand one notification over; raise :class:`ChannelDown` if that is not possible now."""
        ...

    def answers(self) -> Sequence[Answer]:
        """The answers received since the last call (at least once each); may raise
        :class:`ChannelDown`."""
        ...
