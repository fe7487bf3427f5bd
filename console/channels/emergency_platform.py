"""An emergency-management platform's interface (应急管理平台接口), "on paper": a JSON notice
shaped after NENA's Emergency Incident Data Object (EIDO, NENA-STA-021) where it fits, with
our own ``linkage`` part for what EIDO has no field for (the unit asked, its task, the response
level, the acknowledgement deadline, drill). Wire format: docs/partner-channels.md § Platform.

``POST {url}/notices`` (``Idempotency-Key`` header = the key = ``eidoMessageIdentifier``) hands
one notice to one unit; ``GET {url}/acknowledgements?cursor=…`` returns the units' answers.
2xx: accepted; 409: the platform already has the key; 400/404/410/422: no such unit;
anything else, a timeout or no connection: :class:`ChannelDown`.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from datetime import datetime
from pathlib import Path
from typing import Any
from urllib.parse import quote

from console.channels.http_json import JsonClient, handover_of
from console.domain.emergency import NotificationKind
from console.services.partner_notifier import Answer, ChannelDown, Handover, Notification

log = logging.getLogger(__name__)

_MESSAGE_KIND = {  # EIDO messageKind
    NotificationKind.ASK: "Alert",
    NotificationKind.REPEAT: "Alert",
    NotificationKind.LEVEL: "Update",
    NotificationKind.RELEASE: "Update",
    NotificationKind.STAND_DOWN: "Cancel",
}


def notice(n: Notification, now: datetime) -> dict[str, Any]:
    """The notice for one unit: EIDO's message header, incident, location and notes components,
    and the ``linkage`` extension."""
    status = "Closed" if n.kind is NotificationKind.STAND_DOWN else "Active"
    return {
        "eidoMessageIdentifier": n.key,
        "sendingSystemIdentifier": n.sent_by,
        "lastUpdateTimeStamp": now.isoformat(),
        "messageKind": _MESSAGE_KIND[n.kind],
        "incidentComponent": [{
            "componentIdentifier": f"inc-{n.incident_number}",
            "incidentTrackingIdentifier": n.incident_number,
            "incidentTypeCommonRegistryText": n.event_type.term,
            "incidentStatusCommonRegistryText": status,
            "locationReference": {"$ref": f"loc-{n.incident_number}"},
        }],
        "locationComponent": [{
            "componentIdentifier": f"loc-{n.incident_number}",
            "civicAddressText": n.place,
        }],
        "notesComponent": [{
            "componentIdentifier": f"note-{n.key}",
            "notesActionCommentText": n.summary,
        }],
        "linkage": {
            "recipientUnit": n.address,
            "partnerCode": n.partner_code,
            "notificationKind": n.kind.value,
            "level": n.level.value,
            "levelText": f"{n.level.numeral}级（{n.level.term}）",
            "task": n.task,
            "ackBy": n.ack_by.isoformat() if n.ack_by else None,
            "drill": n.drill,
        },
    }  # fmt: skip


class EmergencyPlatform:
    """A :class:`~console.services.partner_notifier.PartnerNotifier` over the platform's
    interface. ``now`` stamps each notice (a clock's ``now``)."""

    def __init__(
        self, url: str, timeout_s: float, now: Callable[[], datetime], ca_file: Path | None = None
    ) -> None:
        self._client = JsonClient(url, timeout_s, ca_file)
        self._now = now
        self._cursor = ""  # "" asks for the platform's answers of the last 24 hours
        self._lock = threading.Lock()

    def send(self, notification: Notification) -> Handover:
        n = notification
        body = notice(n, self._now())
        reply = self._client.call("POST", "/notices", body, {"Idempotency-Key": n.key})
        return handover_of(reply, f"emergency platform, {n.key} to unit {n.address}")

    def answers(self) -> list[Answer]:
        with self._lock:
            reply = self._client.call("GET", f"/acknowledgements?cursor={quote(self._cursor)}")
            if reply.status != 200 or not isinstance(reply.body, dict):
                raise ChannelDown(f"emergency platform answers: HTTP {reply.status}: {reply.body}")
            page: dict[str, Any] = reply.body
            found = [a for r in page.get("acknowledgements") or [] if (a := _answer(r))]
            cursor = page.get("cursor")
            if isinstance(cursor, str):
                self._cursor = cursor
            return found


def _answer(item: object) -> Answer | None:
    fields = item if isinstance(item, dict) else {}
    key, status, at = fields.get("eidoMessageIdentifier"), fields.get("status"), fields.get("at")
    try:
        when = datetime.fromisoformat(at) if isinstance(at, str) else None
    except ValueError:
        when = None
    if not (isinstance(key, str) and key and status in ("acknowledged", "declined")
            and when and when.tzinfo):  # fmt: skip
        log.warning("emergency platform: an answer the console cannot read, skipped: %r", item)
        return None
    return Answer(key=key, at=when, by=str(fields.get("by", "")), refused=status == "declined",
                  note=str(fields.get("note", "")))  # fmt: skip
