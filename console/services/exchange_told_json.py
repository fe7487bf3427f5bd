"""The ``caller_told`` message's JSON document ⇄ its values (``console.domain.exchange_told``).

The shape is ``callerToldBody`` of ``resources/exchange/v1/message.schema.json`` (1.3); the codec
validates a document before :func:`told_from` reads it, so this only maps names. No Qt here.
"""

from __future__ import annotations

from uuid import UUID

from console.domain.exchange import Envelope, NoticeKind, Sender, Version
from console.domain.exchange_told import CallerToldMessage, ToldCaller
from console.domain.order_types import Platform
from console.services.exchange_json import Json, instant, time_json


def told_json(m: CallerToldMessage) -> Json:
    e = m.envelope
    caller: Json = {"phone": m.caller.phone}
    if m.caller.merged_from is not None:
        caller["mergedFrom"] = m.caller.merged_from
    doc: Json = {
        "envelope": {
            "messageId": str(e.message_id),
            "schemaVersion": str(e.version),
            "sentAt": time_json(e.sent_at),
            "sender": {"platform": e.sender.platform.value, "systemId": e.sender.system_id},
            "orderNumber": e.order_number,
            "sequence": e.sequence,
            "transactionId": str(e.transaction_id),
            "kind": e.kind.value,
        },
        "body": {
            "at": time_json(m.at),
            "agent": {"name": m.name, "seat": m.seat},
            "caller": caller,
        },
    }
    if m.extensions:
        doc["extensions"] = dict(m.extensions)
    return doc


def told_from(doc: Json) -> CallerToldMessage:
    e, body = doc["envelope"], doc["body"]
    envelope = Envelope(
        message_id=UUID(e["messageId"]),
        version=Version.parse(e["schemaVersion"]),
        sent_at=instant(e["sentAt"]),
        sender=Sender(Platform(e["sender"]["platform"]), e["sender"]["systemId"]),
        order_number=e["orderNumber"],
        sequence=e["sequence"],
        transaction_id=UUID(e["transactionId"]),
        kind=NoticeKind(e["kind"]),
    )
    caller = ToldCaller(body["caller"]["phone"], body["caller"].get("mergedFrom"))
    return CallerToldMessage(
        envelope,
        caller,
        instant(body["at"]),
        body["agent"]["name"],
        body["agent"]["seat"],
        dict(doc.get("extensions", {})),
    )
