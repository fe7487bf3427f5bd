"""An SMS gateway over HTTPS/JSON (短信网关), "on paper": the wire format is ours
(docs/partner-channels.md § SMS); a site fronts its gateway with a small adapter to it.

``POST {url}/messages`` with the idempotency key both as the ``Idempotency-Key`` header and in
the body hands one short Chinese message to a duty mobile; ``GET {url}/replies?cursor=…``
returns the partners' replies (``1`` 确认, ``2`` 拒绝), each naming the key of the message it
answers. 2xx: accepted; 409: the gateway already has the key; 400/404/410/422: the number can
never be reached; anything else, a timeout or no connection: :class:`ChannelDown`.
"""

from __future__ import annotations

import logging
import threading
from datetime import datetime
from pathlib import Path
from typing import Any
from urllib.parse import quote

from console.channels.http_json import JsonClient, handover_of
from console.domain.emergency import NotificationKind
from console.services.partner_notifier import Answer, ChannelDown, Handover, Notification

log = logging.getLogger(__name__)

ACK_REPLY, REFUSE_REPLY = "1", "2"
_PLACE_CHARS, _TASK_CHARS = 24, 40  # keeps a message near two 70-character segments


def _cut(text: str, limit: int) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


def message_text(n: Notification) -> str:
    """The SMS a duty mobile receives: short, Chinese, the reply keys at the end of an ask."""
    head = f"【{n.sent_by}应急联动】{'【演练】' if n.drill else ''}{n.incident_number}"
    level = f"{n.level.numeral}级({n.level.term})"
    place = _cut(n.place, _PLACE_CHARS)
    if n.kind is NotificationKind.LEVEL:
        return f"{head} 响应级别调整为{level} 地点:{place} 请按新级别响应"
    if n.kind is NotificationKind.RELEASE:
        return f"{head} 响应级别调整为{level} 本单位不再参与本次响应"
    if n.kind is NotificationKind.STAND_DOWN:
        return f"{head} 响应终止 地点:{place} 感谢配合"
    again = "(再次通知)" if n.kind is NotificationKind.REPEAT else ""
    return (
        f"{head}{again} {n.event_type.term}{level} 地点:{place} "
        f"任务:{_cut(n.task, _TASK_CHARS)} 回复{ACK_REPLY}确认 回复{REFUSE_REPLY}拒绝"
    )


class SmsGateway:
    """A :class:`~console.services.partner_notifier.PartnerNotifier` over the SMS wire format."""

    def __init__(self, url: str, timeout_s: float, ca_file: Path | None = None) -> None:
        self._client = JsonClient(url, timeout_s, ca_file)
        self._cursor = ""  # "" asks for the gateway's replies of the last 24 hours
        self._lock = threading.Lock()

    def send(self, notification: Notification) -> Handover:
        n = notification
        body = {
            "key": n.key, "to": n.address, "text": message_text(n),
            "expects_reply": n.kind.expects_ack, "drill": n.drill,
        }  # fmt: skip
        reply = self._client.call("POST", "/messages", body, {"Idempotency-Key": n.key})
        return handover_of(reply, f"SMS gateway, {n.key} to {n.address}")

    def answers(self) -> list[Answer]:
        with self._lock:  # one poll at a time: the cursor moves only after a whole page is read
            reply = self._client.call("GET", f"/replies?cursor={quote(self._cursor)}")
            if reply.status != 200 or not isinstance(reply.body, dict):
                raise ChannelDown(f"SMS gateway replies: HTTP {reply.status}: {reply.body}")
            page: dict[str, Any] = reply.body
            found = [a for r in page.get("replies") or [] if (a := _answer(r)) is not None]
            cursor = page.get("cursor")
            if isinstance(cursor, str):
                self._cursor = cursor
            return found


def _answer(reply: object) -> Answer | None:
    """A reply as an answer (its text starts with 1 or 2); one the console cannot read is
    logged and skipped: the shift lead records that partner's answer by hand."""
    fields = reply if isinstance(reply, dict) else {}
    key, text, at = fields.get("key"), fields.get("text"), fields.get("at")
    try:
        when = datetime.fromisoformat(at) if isinstance(at, str) else None
    except ValueError:
        when = None
    if not (isinstance(key, str) and key and isinstance(text, str) and when and when.tzinfo):
        log.warning("SMS gateway: a reply the console cannot read, skipped: %r", reply)
        return None
    choice = text.strip()[:1]
    if choice not in (ACK_REPLY, REFUSE_REPLY):
        log.warning("SMS gateway: reply %r to %s is neither 1 nor 2, skipped", text, key)
        return None
    return Answer(key=key, at=when, by=str(fields.get("from", "")), refused=choice == REFUSE_REPLY,
                  note=f"短信回复 {text.strip()}")  # fmt: skip
