"""The exchange's JSON documents ⇄ its values (``console.domain.exchange``), both ways.

The shapes are ``resources/exchange/v1/*.schema.json``'s; :mod:`console.services.exchange_codec`
validates a document against the schema before :func:`message_from` or :func:`ack_from` reads
it, so these functions only map names. What the schema cannot see (two platforms owning the
order, a transfer whose step is not its timeline's last line) raises ValueError. No Qt here.
"""

from __future__ import annotations

import re
from datetime import UTC, datetime
from typing import Any
from uuid import UUID

from console.domain.exchange import (
    ACTION_OF,
    Acknowledgement,
    AckRefusal,
    AckStatus,
    AnyKind,
    Disposition,
    Envelope,
    JoinedCall,
    Kind,
    Message,
    Sender,
    Version,
)
from console.domain.order_types import (
    Action,
    Caller,
    Deadlines,
    Event,
    FirstContactMode,
    Platform,
    Priority,
    Status,
    WorkOrder,
)

Json = dict[str, Any]


def time_json(at: datetime) -> str:
    if at.tzinfo is None:
        raise ValueError("instants are timezone-aware")
    return at.astimezone(UTC).isoformat().replace("+00:00", "Z")


def instant(text: str) -> datetime:
    if "." in text:  # a fraction: Python keeps microseconds of nanoseconds
        text = _BEYOND_MICROSECONDS.sub(r"\1", text)
    return datetime.fromisoformat(text).astimezone(UTC)


_BEYOND_MICROSECONDS = re.compile(r"(\.\d{6})\d+")


# --- messages ---------------------------------------------------------------------------


def envelope_json(e: Envelope) -> Json:
    """Every message's envelope (the order's messages, incident snapshots, notices)."""
    return {
        "messageId": str(e.message_id),
        "schemaVersion": str(e.version),
        "sentAt": time_json(e.sent_at),
        "sender": _sender_json(e.sender),
        "orderNumber": e.order_number,
        "sequence": e.sequence,
        "transactionId": str(e.transaction_id),
        "kind": e.kind.value,
    }


def envelope_from(e: Json, kind: AnyKind) -> Envelope:
    """The envelope ``e`` names, its ``kind`` already read by the caller (its own enum)."""
    return Envelope(
        message_id=UUID(e["messageId"]),
        version=Version.parse(e["schemaVersion"]),
        sent_at=instant(e["sentAt"]),
        sender=_sender_from(e["sender"]),
        order_number=e["orderNumber"],
        sequence=e["sequence"],
        transaction_id=UUID(e["transactionId"]),
        kind=kind,
    )


def message_json(m: Message) -> Json:
    doc: Json = {"envelope": envelope_json(m.envelope), "body": _body_json(m)}
    if m.extensions:
        doc["extensions"] = dict(m.extensions)
    return doc


def _body_json(m: Message) -> Json:
    ev = m.event
    if ev.from_status is None:
        raise ValueError("a step that travels starts from a status")
    body: Json = {
        "at": time_json(ev.at),
        "agent": {"name": ev.actor, "seat": ev.seat},
        "status": {"from": ev.from_status.value, "to": ev.to_status.value},
    }
    if ev.note:
        body["note"] = ev.note
    kind = m.kind
    if kind is Kind.TRANSFER and m.order is not None:
        body["order"] = _order_json(m.order)
        if m.callers:
            body["callers"] = [_call_json(c) for c in m.callers]
    elif kind is Kind.CALLER_JOINED:
        body["caller"] = _call_json(m.callers[0])
    elif kind in _DETAIL_FIELD:
        body[_DETAIL_FIELD[kind]] = ev.detail
    elif kind is Kind.ESCALATION and m.order is not None:
        body["link"] = {"orderNumber": ev.detail, "relation": "child"}
        body["linkedOrder"] = _order_json(m.order)
    elif kind is Kind.DISPATCH:
        body["department"] = ev.detail
    elif kind is Kind.THREE_WAY_OUTCOME:
        body["outcome"] = ev.detail
    elif kind is Kind.FIRST_CONTACT and m.first_contact_mode is not None:
        body["firstContactMode"] = m.first_contact_mode.value
    elif kind is Kind.COMPLETION and m.disposition is not None:
        body["disposition"] = m.disposition.value
    if ev.detail and kind not in _DETAIL_IN_BODY and kind is not Kind.TRANSFER:
        raise ValueError(f"a {kind} message has no place for the detail {ev.detail!r}")
    return body


# 并单's kinds (1.2): where each puts its step's detail (a caller_joined: in its caller).
_DETAIL_FIELD = {Kind.MERGE: "into", Kind.UNMERGE: "from", Kind.CALLER_SPLIT_OFF: "mergedFrom"}
_DETAIL_IN_BODY = frozenset(
    {Kind.ESCALATION, Kind.DISPATCH, Kind.THREE_WAY_OUTCOME, Kind.CALLER_JOINED, *_DETAIL_FIELD}
)


def _call_json(c: JoinedCall) -> Json:
    caller: Json = {"phone": c.caller.phone}
    if c.caller.name is not None:
        caller["name"] = c.caller.name
    return {"caller": caller, "mergedFrom": c.merged_from, "calledAt": time_json(c.called_at)}


def _call_from(doc: Json) -> JoinedCall:
    caller = Caller(doc["caller"]["phone"], doc["caller"].get("name"))
    return JoinedCall(caller, doc["mergedFrom"], instant(doc["calledAt"]))


def message_from(doc: Json) -> Message:
    e, body = doc["envelope"], doc["body"]
    kind = Kind(e["kind"])
    envelope = envelope_from(e, kind)
    sender = envelope.sender
    order = None
    callers: tuple[JoinedCall, ...] = ()
    if kind is Kind.TRANSFER:
        order = _order_from(body["order"])
        detail = order.timeline[-1].detail  # a transfer's detail (consent) is in its timeline
        callers = tuple(_call_from(c) for c in body.get("callers", ()))
    elif kind is Kind.CALLER_JOINED:
        callers = (_call_from(body["caller"]),)
        detail = callers[0].merged_from
    elif kind in _DETAIL_FIELD:
        detail = body[_DETAIL_FIELD[kind]]
    elif kind is Kind.ESCALATION:
        order = _order_from(body["linkedOrder"])
        detail = body["link"]["orderNumber"]
    else:
        detail = body.get("department") or body.get("outcome") or ""
    event = Event(
        at=instant(body["at"]),
        actor=body["agent"]["name"],
        seat=body["agent"]["seat"],
        platform=sender.platform,
        action=ACTION_OF[kind],
        from_status=Status(body["status"]["from"]),
        to_status=Status(body["status"]["to"]),
        note=body.get("note", ""),
        detail=detail,
    )
    mode = body.get("firstContactMode")
    disposition = body.get("disposition")
    return Message(
        envelope=envelope,
        event=event,
        order=order,
        first_contact_mode=FirstContactMode(mode) if mode else None,
        disposition=Disposition(disposition) if disposition else None,
        extensions=dict(doc.get("extensions", {})),
        callers=callers,
    )


def _sender_json(s: Sender) -> Json:
    return {"platform": s.platform.value, "systemId": s.system_id}


def _sender_from(doc: Json) -> Sender:
    return Sender(Platform(doc["platform"]), doc["systemId"])


# --- the order (EIDO incident, agencies, person, notes, links) ---------------------------

_DEADLINE_KEYS = (("sign_for", "signFor"), ("feedback", "feedback"), ("completion", "completion"))


def _order_json(o: WorkOrder) -> Json:
    doc: Json = {
        "number": o.number,
        "kind": o.kind,
        "district": o.district,
        "address": o.address,
        "description": o.description,
        "priority": int(o.priority),
        "createdAt": time_json(o.created_at),
        "caller": {"phone": o.caller.phone},
        "consent": o.consent,
        "socialStability": o.social_stability,
        "status": o.status.value,
        "deadlines": {
            key: time_json(due)
            for slot, key in _DEADLINE_KEYS
            if (due := getattr(o.deadlines, slot)) is not None
        },
        "agencies": _agencies_json(o),
        "notes": [_note_json(ev) for ev in o.timeline],
    }
    if o.field:
        doc["field"] = o.field
    if o.caller.name is not None:
        doc["caller"]["name"] = o.caller.name
    if o.first_contact_mode is not None:
        doc["firstContactMode"] = o.first_contact_mode.value
    if o.escalated_from is not None:
        doc["links"] = [{"orderNumber": o.escalated_from, "relation": "parent"}]
    return doc


def _agencies_json(o: WorkOrder) -> list[Json]:
    agencies: list[Json] = []
    for platform in (o.origin, o.origin.peer):
        roles = [r for r, p in (("call_receiving", o.origin), ("owning", o.owner)) if p is platform]
        if roles:
            agencies.append({"id": platform.value, "type": "platform", "roles": roles})
    if o.department:
        agencies.append({"id": o.department, "type": "department", "roles": ["dispatched"]})
    return agencies


def _order_from(doc: Json) -> WorkOrder:
    origin, owner, department = _agencies_from(doc["agencies"])
    links = doc.get("links", [])
    if any(link["relation"] != "parent" for link in links):
        raise ValueError("an order's own links name its parent only")
    mode = doc.get("firstContactMode")
    deadlines = doc["deadlines"]
    return WorkOrder(
        number=doc["number"],
        origin=origin,
        owner=owner,
        caller=Caller(doc["caller"]["phone"], doc["caller"].get("name")),
        kind=doc["kind"],
        field=doc.get("field"),
        district=doc["district"],
        address=doc["address"],
        description=doc["description"],
        priority=Priority(doc["priority"]),
        created_at=instant(doc["createdAt"]),
        social_stability=doc["socialStability"],
        consent=doc["consent"],
        status=Status(doc["status"]),
        first_contact_mode=FirstContactMode(mode) if mode else None,
        deadlines=Deadlines(
            **{
                slot: instant(deadlines[key]) if key in deadlines else None
                for slot, key in _DEADLINE_KEYS
            }
        ),
        timeline=tuple(_note_from(n) for n in doc["notes"]),
        department=department,
        escalated_from=links[0]["orderNumber"] if links else None,
    )


def _agencies_from(agencies: list[Json]) -> tuple[Platform, Platform, str | None]:
    by_role: dict[str, list[str]] = {"call_receiving": [], "owning": [], "dispatched": []}
    for agency in agencies:
        platform = agency["type"] == "platform"
        for role in agency["roles"]:
            if platform == (role == "dispatched"):
                raise ValueError(f"a {agency['type']} is not {role}")
            by_role[role].append(agency["id"])
    if len(by_role["call_receiving"]) != 1 or len(by_role["owning"]) != 1:
        raise ValueError("one platform receives the call and one owns the order")
    if len(by_role["dispatched"]) > 1:
        raise ValueError("at most one department is dispatched")
    return (
        Platform(by_role["call_receiving"][0]),
        Platform(by_role["owning"][0]),
        by_role["dispatched"][0] if by_role["dispatched"] else None,
    )


def _note_json(ev: Event) -> Json:
    note: Json = {
        "at": time_json(ev.at),
        "platform": ev.platform.value,
        "agent": {"name": ev.actor, "seat": ev.seat},
        "action": ev.action.value,
        "to": ev.to_status.value,
    }
    if ev.from_status is not None:
        note["from"] = ev.from_status.value
    if ev.note:
        note["note"] = ev.note
    if ev.detail:
        note["detail"] = ev.detail
    return note


def _note_from(doc: Json) -> Event:
    start = doc.get("from")
    return Event(
        at=instant(doc["at"]),
        actor=doc["agent"]["name"],
        seat=doc["agent"]["seat"],
        platform=Platform(doc["platform"]),
        action=Action(doc["action"]),
        from_status=Status(start) if start else None,
        to_status=Status(doc["to"]),
        note=doc.get("note", ""),
        detail=doc.get("detail", ""),
    )


# --- acknowledgements (NENA STA-024 eventResponse) ---------------------------------------


def ack_json(a: Acknowledgement) -> Json:
    doc: Json = {
        "schemaVersion": str(a.version),
        "transactionId": str(a.transaction_id),
        "messageId": str(a.message_id),
        "sentAt": time_json(a.sent_at),
        "sender": _sender_json(a.sender),
        "statusCode": int(a.status),
        "statusText": a.text,
    }
    if a.refusal is not None:
        refusal: Json = {"code": a.refusal.code, "reason": a.refusal.reason}
        if a.refusal.params:
            refusal["params"] = dict(a.refusal.params)
        doc["refusal"] = refusal
    return doc


def ack_from(doc: Json) -> Acknowledgement:
    refusal = doc.get("refusal")
    return Acknowledgement(
        transaction_id=UUID(doc["transactionId"]),
        message_id=UUID(doc["messageId"]),
        sent_at=instant(doc["sentAt"]),
        sender=_sender_from(doc["sender"]),
        status=AckStatus(doc["statusCode"]),
        text=doc["statusText"],
        refusal=(
            AckRefusal(refusal["code"], dict(refusal.get("params", {})), refusal["reason"])
            if refusal is not None
            else None
        ),
        version=Version.parse(doc["schemaVersion"]),
    )
