"""One :class:`~console.services.partner_notifier.PartnerNotifier` over every channel: each
notification goes through the adapter for its ``channel``; the answers of all are merged.

A notification for a channel the site has not configured is :attr:`Handover.REFUSED` (it can
never be delivered here), with a log line saying which channel and which key. One channel down
does not hide the others' answers: :meth:`ChannelRouter.answers` raises :class:`ChannelDown`
only when every configured channel is down (the down ones' answers come on a later call).
"""

from __future__ import annotations

import logging
from collections.abc import Mapping, Sequence

from console.domain.emergency import Channel
from console.services.partner_notifier import (
    Answer,
    ChannelDown,
    Handover,
    Notification,
    PartnerNotifier,
)

log = logging.getLogger(__name__)


class ChannelRouter:
    def __init__(self, adapters: Mapping[Channel, PartnerNotifier]) -> None:
        self.adapters = dict(adapters)

    def send(self, notification: Notification) -> Handover:
        adapter = self.adapters.get(notification.channel)
        if adapter is None:
            log.error(
                "partner %s: no %s channel is configured at this site ([emergency] in the "
                "configuration); notification %s refused",
                notification.partner_code, notification.channel.value, notification.key,
            )  # fmt: skip
            return Handover.REFUSED
        return adapter.send(notification)

    def answers(self) -> Sequence[Answer]:
        found: list[Answer] = []
        down: list[str] = []
        for channel, adapter in self.adapters.items():
            try:
                found.extend(adapter.answers())
            except ChannelDown as exc:
                log.warning("%s channel: answers not collected now: %s", channel.value, exc)
                down.append(f"{channel.value}: {exc}")
        if down and len(down) == len(self.adapters):
            raise ChannelDown("; ".join(down))
        return found
