"""The incident snapshot's JSON document ⇄ its values (``console.domain.incident_exchange``).

The shape is ``incidentBody`` of ``resources/exchange/v1/message.schema.json``; the codec
validates a document before :func:`incident_from` reads it, so this only maps names. No Qt here.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, TypeVar

from console.domain.emergency import AckMeans, EventType, IncidentStatus, Level, PartnerKind
from console.domain.exchange import SnapshotKind
from console.domain.incident_exchange import (
    IncidentMessage,
    IncidentSnapshot,
    SnapshotEvent,
    SnapshotPartner,
)
from console.domain.order_types import Platform
from console.services.exchange_json import envelope_from, envelope_json, instant, time_json

Json = dict[str, Any]
T = TypeVar("T")


def _put(doc: Json, key: str, value: object, write: Callable[[Any], object] = str) -> None:
    """``doc[key]``, written only when there is a value (absent in the JSON: none)."""
    if value is not None:
        doc[key] = write(value)


def _get(doc: Json, key: str, read: Callable[[Any], T]) -> T | None:
    value = doc.get(key)
    return None if value is None else read(value)


def incident_json(m: IncidentMessage) -> Json:
    return {"envelope": envelope_json(m.envelope), "body": _body_json(m.snapshot)}


def _body_json(s: IncidentSnapshot) -> Json:
    body: Json = {
        "number": s.number, "platform": s.platform.value, "eventType": s.event_type.value,
        "level": s.level.value, "district": s.district, "place": s.place, "summary": s.summary,
        "drill": s.drill, "status": s.status.value, "revision": s.revision,
        "version": s.version, "startedAt": time_json(s.started_at),
        "startedBy": {"name": s.started_by, "seat": s.started_seat},
        "updatedAt": time_json(s.updated_at),
        "partners": [_partner_json(p) for p in s.partners],
        "timeline": [_event_json(e) for e in s.events],
    }  # fmt: skip
    _put(body, "fromOrder", s.from_order)
    if s.stood_down_at is not None:
        body["stoodDown"] = {
            "at": time_json(s.stood_down_at),
            "by": s.stood_down_by or "",
            "summary": s.stand_down_summary or "",
        }
    return body


def _partner_json(p: SnapshotPartner) -> Json:
    doc: Json = {
        "code": p.code, "name": p.name, "kind": p.kind.value, "dutyPhone": p.duty_phone,
        "task": p.task, "ackMinutes": p.ack_minutes, "addedRevision": p.added_revision,
        "notifiedAt": time_json(p.notified_at), "attempts": p.attempts,
    }  # fmt: skip
    _put(doc, "handedAt", p.handed_at, time_json)
    _put(doc, "ackDueAt", p.ack_due_at, time_json)
    _put(doc, "releasedAt", p.released_at, time_json)
    if p.acked_at is not None:
        answer: Json = {
            "at": time_json(p.acked_at),
            "means": (p.ack_means or AckMeans.OTHER).value,
            "by": p.ack_by or "",
            "recordedBy": p.ack_recorded_by or "",
            "refused": p.refused,
        }
        _put(answer, "note", p.ack_note)
        doc["answer"] = answer
    return doc


def _event_json(e: SnapshotEvent) -> Json:
    doc: Json = {
        "at": time_json(e.at),
        "platform": e.platform.value,
        "action": e.action,
        "actor": e.actor,
        "seat": e.seat,
    }
    if e.detail:
        doc["detail"] = e.detail
    return doc


def incident_from(doc: Json) -> IncidentMessage:
    e, b = doc["envelope"], doc["body"]
    envelope = envelope_from(e, SnapshotKind(e["kind"]))
    down = b.get("stoodDown") or {}
    snapshot = IncidentSnapshot(
        number=b["number"], platform=Platform(b["platform"]),
        event_type=EventType(b["eventType"]), level=Level(b["level"]), district=b["district"],
        place=b["place"], summary=b["summary"], drill=b["drill"],
        status=IncidentStatus(b["status"]), revision=b["revision"], version=b["version"],
        started_at=instant(b["startedAt"]), started_by=b["startedBy"]["name"],
        started_seat=b["startedBy"]["seat"], updated_at=instant(b["updatedAt"]),
        partners=tuple(_partner_from(p) for p in b["partners"]),
        events=tuple(_event_from(x) for x in b["timeline"]),
        from_order=b.get("fromOrder"),
        stood_down_at=_get(down, "at", instant), stood_down_by=down.get("by"),
        stand_down_summary=down.get("summary"),
    )  # fmt: skip
    return IncidentMessage(envelope, snapshot)


def _partner_from(p: Json) -> SnapshotPartner:
    a = p.get("answer") or {}
    return SnapshotPartner(
        code=p["code"], name=p["name"], kind=PartnerKind(p["kind"]), duty_phone=p["dutyPhone"],
        task=p["task"], ack_minutes=p["ackMinutes"], added_revision=p["addedRevision"],
        notified_at=instant(p["notifiedAt"]), attempts=p["attempts"],
        handed_at=_get(p, "handedAt", instant), ack_due_at=_get(p, "ackDueAt", instant),
        acked_at=_get(a, "at", instant), ack_means=_get(a, "means", AckMeans),
        ack_by=a.get("by"), ack_recorded_by=a.get("recordedBy"), ack_note=a.get("note"),
        refused=bool(a.get("refused", False)), released_at=_get(p, "releasedAt", instant),
    )  # fmt: skip


def _event_from(e: Json) -> SnapshotEvent:
    return SnapshotEvent(
        instant(e["at"]),
        Platform(e["platform"]),
        e["action"],
        e["actor"],
        e["seat"],
        e.get("detail", ""),
    )
