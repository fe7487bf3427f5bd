"""Incidents across the exchange: the running platform queues a snapshot after every change,
in the change's transaction; the peer applies it to its read-only copy (docs/exchange.md § 3.5).

- :class:`IncidentPublisher` is the incident service's ``publish``: the incident as it stands
  in the change's transaction, queued in the exchange outbox (key: the incident's number;
  sequence: its ``version``) and delivered by the sender like any message.
- :func:`apply_snapshot` is what the receiver calls: the copy — the same incident tables, its
  ``platform`` the running platform's, so the incident service refuses to change it here
  (``incident_of_peer``) and the board shows it read-only — replaced by a newer snapshot,
  its partners and the running platform's timeline lines with it. This platform's own lines
  and links (its agents may link their orders to the peer's incident) stay. A copy never holds
  a notification or an alarm: the running platform notifies and chases its partners.

No Qt here.
"""

from __future__ import annotations

from collections.abc import Callable
from uuid import UUID, uuid4

from sqlalchemy import delete, select
from sqlmodel import Session, col

from console.domain.emergency import AckMeans, EventType, IncidentStatus, Level, PartnerKind
from console.domain.exchange import SINCE, Envelope, Sender, SnapshotKind, Version, peer_reads
from console.domain.incident_exchange import (
    MAX_EVENTS,
    IncidentMessage,
    IncidentSnapshot,
    SnapshotEvent,
    SnapshotPartner,
)
from console.domain.order_types import Platform
from console.domain.refusals import Refused
from console.services.exchange_codec import ExchangeCodec
from console.store import exchange as box
from console.store import incidents as repo
from console.store.exchange_tables import OutboxRow
from console.store.incident_tables import (
    IncidentAlarmRow,
    IncidentEventRow,
    IncidentNotificationRow,
    IncidentPartnerRow,
    IncidentRow,
)
from console.store.instants import utc


class IncidentPublisher:
    """Queues the peer's copy of this platform's incidents. ``sender`` names this system;
    ``on_queued`` wakes an in-process sender (as the order outbox's does); ``peer_format``: the
    format the peer reads (None: not known), as the order outbox's: a peer known to read 1.0
    is sent no snapshot (the incident runs here all the same; the peer holds no copy)."""

    def __init__(
        self,
        codec: ExchangeCodec,
        sender: Sender,
        ids: Callable[[], UUID] = uuid4,
        on_queued: Callable[[], None] | None = None,
        peer_format: Version | None = None,
    ) -> None:
        self._codec, self.sender, self._ids, self._on_queued = codec, sender, ids, on_queued
        self.peer_format = peer_format

    def publish(self, session: Session, row: IncidentRow) -> None:
        """Queue ``row``'s snapshot (called inside the change's transaction); a copy of the
        peer's incident is never sent back. ``exchange_invalid`` (refusing the change) if the
        snapshot would break the format's limits."""
        if row.platform != self.sender.platform.value:
            return
        if not peer_reads(SnapshotKind.INCIDENT, self.peer_format):
            return
        snapshot = snapshot_of(session, row)
        now = snapshot.updated_at
        message = IncidentMessage(
            Envelope(
                message_id=self._ids(),
                version=SINCE[SnapshotKind.INCIDENT],
                sent_at=now,
                sender=self.sender,
                order_number=row.number,
                sequence=row.version,
                transaction_id=self._ids(),
                kind=SnapshotKind.INCIDENT,
            ),
            snapshot,
        )
        envelope = message.envelope
        box.queue(session, OutboxRow(
            message_id=str(envelope.message_id), transaction_id=str(envelope.transaction_id),
            order_number=row.number, sequence=row.version, kind=SnapshotKind.INCIDENT.value,
            seat=row.started_seat, body=self._codec.encode(message), created_at=now,
            next_try_at=now,
        ))  # fmt: skip
        if self._on_queued is not None:
            self._on_queued()


def snapshot_of(session: Session, row: IncidentRow) -> IncidentSnapshot:
    """The incident as this session holds it: its partners, and its newest timeline lines."""
    partners = tuple(_partner(p) for p in repo.incident_partners(session, row.id or 0))
    events = tuple(
        SnapshotEvent(utc(e.at), Platform(e.platform), e.action, e.actor, e.seat, e.detail)
        for e in repo.events(session, row.id or 0)[-MAX_EVENTS:]
    )
    return IncidentSnapshot(
        number=row.number, platform=Platform(row.platform),
        event_type=EventType(row.event_type), level=Level(row.level), district=row.district,
        place=row.place, summary=row.summary, drill=row.drill,
        status=IncidentStatus(row.status), revision=row.revision, version=row.version,
        started_at=utc(row.started_at), started_by=row.started_by,
        started_seat=row.started_seat, updated_at=utc(row.updated_at), partners=partners,
        events=events, from_order=row.from_order, stood_down_at=utc(row.stood_down_at),
        stood_down_by=row.stood_down_by, stand_down_summary=row.stand_down_summary,
    )  # fmt: skip


def _partner(p: IncidentPartnerRow) -> SnapshotPartner:
    return SnapshotPartner(
        code=p.partner_code, name=p.partner_name, kind=PartnerKind(p.partner_kind),
        duty_phone=p.duty_phone, task=p.task, ack_minutes=p.ack_minutes,
        added_revision=p.added_revision, notified_at=utc(p.notified_at),
        attempts=p.attempts, handed_at=utc(p.handed_at), ack_due_at=utc(p.ack_due_at),
        acked_at=utc(p.acked_at), ack_means=AckMeans(p.ack_means) if p.ack_means else None,
        ack_by=p.ack_by, ack_recorded_by=p.ack_recorded_by, ack_note=p.ack_note,
        refused=p.refused, released_at=utc(p.released_at),
    )  # fmt: skip


def apply_snapshot(session: Session, snap: IncidentSnapshot, here: Platform) -> bool:
    """Replace this platform's copy of the peer's incident with ``snap`` if it is newer;
    False if the copy already holds this version or a newer one (acknowledged, ignored).
    ``wrong_platform`` if the snapshot names an incident this platform runs."""
    if snap.platform is here:
        raise Refused("wrong_platform", f"{snap.number} is run here", platform=snap.platform.value)
    row = repo.incident(session, snap.number, lock=True)
    if row is not None and row.platform == here.value:
        raise Refused("wrong_platform", f"{snap.number} is run here", platform=here.value)
    if row is not None and row.version >= snap.version:
        return False
    if row is None:
        row = IncidentRow(
            number=snap.number, platform=snap.platform.value, event_type="", level="",
            district="", place="", summary="", started_at=snap.started_at, started_by="",
            started_login="", started_seat="", updated_at=snap.updated_at,
        )  # fmt: skip
    _fill(row, snap)
    session.add(row)
    session.flush()
    incident_id = row.id or 0
    _replace_partners(session, incident_id, snap)
    _replace_events(session, incident_id, snap, here)
    for table in (IncidentAlarmRow, IncidentNotificationRow):  # the running platform's work
        session.execute(delete(table).where(col(table.incident_id) == incident_id))
    return True


def _fill(row: IncidentRow, snap: IncidentSnapshot) -> None:
    row.platform, row.event_type, row.level = (
        snap.platform.value,
        snap.event_type.value,
        snap.level.value,
    )
    row.district, row.place, row.summary, row.drill = (
        snap.district,
        snap.place,
        snap.summary,
        snap.drill,
    )
    row.status, row.revision, row.version = snap.status.value, snap.revision, snap.version
    row.started_at, row.started_by, row.started_seat = (
        snap.started_at,
        snap.started_by,
        snap.started_seat,
    )
    row.started_login = ""  # an account of the peer's system: not known here
    row.from_order, row.updated_at = snap.from_order, snap.updated_at
    row.stood_down_at, row.stood_down_by = snap.stood_down_at, snap.stood_down_by
    row.stand_down_summary = snap.stand_down_summary


def _replace_partners(session: Session, incident_id: int, snap: IncidentSnapshot) -> None:
    held = {
        p.partner_code: p
        for p in session.execute(
            select(IncidentPartnerRow).where(col(IncidentPartnerRow.incident_id) == incident_id)
        ).scalars()
    }
    for p in snap.partners:
        line = held.pop(p.code, None) or IncidentPartnerRow(
            incident_id=incident_id, partner_code=p.code, partner_name="", partner_kind="",
            duty_phone="", task="", ack_minutes=0, added_revision=1, notified_at=p.notified_at,
        )  # fmt: skip
        line.partner_name, line.partner_kind, line.duty_phone = p.name, p.kind.value, p.duty_phone
        line.task, line.ack_minutes, line.added_revision = p.task, p.ack_minutes, p.added_revision
        line.notified_at, line.handed_at, line.ack_due_at = (
            p.notified_at,
            p.handed_at,
            p.ack_due_at,
        )
        line.attempts, line.acked_at = p.attempts, p.acked_at
        line.ack_means = p.ack_means.value if p.ack_means is not None else None
        line.ack_by, line.ack_recorded_by, line.ack_note = p.ack_by, p.ack_recorded_by, p.ack_note
        line.refused, line.released_at = p.refused, p.released_at
        session.add(line)
    for gone in held.values():
        session.delete(gone)


def _replace_events(
    session: Session, incident_id: int, snap: IncidentSnapshot, here: Platform
) -> None:
    """The running platform's lines replaced by the snapshot's; this platform's own stay."""
    e = IncidentEventRow
    session.execute(
        delete(e).where(col(e.incident_id) == incident_id, col(e.platform) != here.value)
    )
    for line in snap.events:
        if line.platform is not here:
            repo.add_event(
                session, incident_id, line.at, line.action, line.actor, line.seat,
                line.platform.value, line.detail,
            )  # fmt: skip


__all__ = ["IncidentPublisher", "apply_snapshot", "snapshot_of"]
