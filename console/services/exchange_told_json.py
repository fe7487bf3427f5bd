"""The ``caller_told`` message's JSON document ⇄ its values (``console.domain.exchange_told``).

The shape is ``callerToldBody`` of ``resources/exchange/v1/message.schema.json`` (1.3); the codec
validates a document before :func:`told_from` reads it, so this only maps names. No Qt here.
"""

from __future__ import annotations

from console.domain.exchange import NoticeKind
from console.domain.exchange_told import CallerToldMessage, ToldCaller
from console.services.exchange_json import Json, envelope_from, envelope_json, instant, time_json


def told_json(m: CallerToldMessage) -> Json:
    caller: Json = {"phone": m.caller.phone}
    if m.caller.merged_from is not None:
        caller["mergedFrom"] = m.caller.merged_from
    doc: Json = {
        "envelope": envelope_json(m.envelope),
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
    envelope = envelope_from(e, NoticeKind(e["kind"]))
    caller = ToldCaller(body["caller"]["phone"], body["caller"].get("mergedFrom"))
    return CallerToldMessage(
        envelope,
        caller,
        instant(body["at"]),
        body["agent"]["name"],
        body["agent"]["seat"],
        dict(doc.get("extensions", {})),
    )
