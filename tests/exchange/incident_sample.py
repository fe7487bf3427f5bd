"""The incident snapshot of ``resources/exchange/v1/examples/message-incident.json``, as values:
a 12345 Ⅳ-level incident, one partner answered by phone, one released, one overdue."""

from __future__ import annotations

from datetime import UTC, datetime
from uuid import UUID

from console.domain.emergency import AckMeans, EventType, IncidentStatus, Level, PartnerKind
from console.domain.exchange import SNAPSHOT_VERSION, Envelope, Sender, SnapshotKind
from console.domain.incident_exchange import (
    IncidentMessage,
    IncidentSnapshot,
    SnapshotEvent,
    SnapshotPartner,
)
from console.domain.orders import Platform


def at(hour: int, minute: int) -> datetime:
    return datetime(2026, 12, 5, hour, minute, tzinfo=UTC)


def incident_sample() -> IncidentMessage:
    hotline = Platform.HOTLINE
    partners = (
        SnapshotPartner(
            "SY-fire", "沈阳消防救援支队", PartnerKind.FIRE, "024-0000119", "到场救援被困人员",
            30, 1, at(2, 0), 1, handed_at=at(2, 0), ack_due_at=at(2, 30), acked_at=at(2, 6),
            ack_means=AckMeans.PHONE, ack_by="刘值班", ack_recorded_by="王班长",
            ack_note="两车出动",
        ),
        SnapshotPartner(
            "SY-gas", "沈阳燃气集团", PartnerKind.GAS, "024-0000000", "关阀排查", 30, 1,
            at(2, 0), 2, handed_at=at(2, 31), ack_due_at=at(3, 1),
        ),
        SnapshotPartner(
            "SY-school", "和平区教育局", PartnerKind.SCHOOL, "024-0000001", "停课通知", 15, 1,
            at(2, 0), 1, handed_at=at(2, 0), ack_due_at=at(2, 15), released_at=at(2, 10),
        ),
    )  # fmt: skip
    events = (
        SnapshotEvent(at(2, 0), hotline, "start", "王班长", "L-01", "自然灾害 Ⅳ级"),
        SnapshotEvent(at(2, 6), hotline, "acknowledged", "王班长", "",
                      "沈阳消防救援支队 · 刘值班 · phone · 两车出动"),
        SnapshotEvent(at(2, 30), hotline, "overdue", "", "", "沈阳燃气集团 第1次"),
        SnapshotEvent(at(2, 31), hotline, "repeat", "", "", "沈阳燃气集团 第2次"),
    )  # fmt: skip
    snapshot = IncidentSnapshot(
        number="12345-YJ-20261205-001", platform=hotline, event_type=EventType.NATURAL,
        level=Level.IV, district="210102", place="和平区南京北街", summary="暴雨积水，多处被困",
        drill=False, status=IncidentStatus.ACTIVE, revision=1, version=4, started_at=at(2, 0),
        started_by="王班长", started_seat="L-01", updated_at=at(2, 31), partners=partners,
        events=events, from_order="12345-20261205-000017",
    )  # fmt: skip
    envelope = Envelope(
        message_id=UUID("00000000-0000-4000-8000-000000000020"),
        version=SNAPSHOT_VERSION,
        sent_at=at(2, 31),
        sender=Sender(hotline, "LN-12345"),
        order_number=snapshot.number,
        sequence=snapshot.version,
        transaction_id=UUID("00000000-0000-4000-8000-000000001020"),
        kind=SnapshotKind.INCIDENT,
    )
    return IncidentMessage(envelope, snapshot)
