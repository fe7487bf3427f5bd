"""What must hold after a stream under kill -9 has drained (issue 14): nothing lost, nothing
applied twice, order kept, both audit trails whole. :func:`check` raises ``AssertionError``
naming the first few things wrong; :func:`tally` counts what was exchanged."""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

from sqlmodel import col, select

from console.domain.orders import Event, Platform
from console.services.audit import load_key, verify_trail
from console.store import exchange as box
from console.store.exchange_tables import InboxRow, OutboxRow
from console.store.orders import UnknownOrder
from tests.exchange.kill_stream import Stream
from tests.exchange.serving import System

SHOWN = 8  # problems named in a failure


@dataclass(frozen=True)
class Tally:
    messages: int  # queued by both sides
    lost: int  # queued but not in the peer's inbox, or not settled delivered
    duplicates: int  # a step twice on a timeline, or an inbox row without its outbox row
    refused: int
    orders: int
    audit_rows: int
    # Applied at the peer but settled here ≥ LATE later: a kill fell between the peer's commit
    # and this side's settling, and the message went again and was answered from the inbox.
    settled_late: int


LATE = timedelta(milliseconds=500)


def queued(system: System) -> int:
    assert system.db is not None
    with system.db.read() as session:
        return box.backlog(session).queued


def _outbox(system: System) -> list[OutboxRow]:
    assert system.db is not None
    with system.db.read() as session:
        return list(session.exec(select(OutboxRow).order_by(col(OutboxRow.id))).all())


def _inbox(system: System, sender: str) -> list[InboxRow]:
    assert system.db is not None
    with system.db.read() as session:
        rows = session.exec(select(InboxRow).where(col(InboxRow.sender) == sender)).all()
        return list(rows)


def _line(e: Event) -> tuple[object, ...]:
    return (e.at, e.actor, e.seat, e.platform, e.action, e.note, e.detail, e.to_status)


def check(systems: Mapping[str, System], stream: Stream) -> Tally:
    problems: list[str] = []
    messages = lost = duplicates = refused = late = 0
    for platform, system in systems.items():
        peer = systems["110" if platform == "12345" else "12345"]
        me, _ = system.settings.exchange_ids()
        sent = _outbox(system)
        got = {r.message_id: r for r in _inbox(peer, me)}
        messages += len(sent)
        states = Counter(r.state for r in sent)
        refused += states[box.REFUSED]
        if states[box.QUEUED] or states[box.REFUSED]:
            problems.append(f"{platform} outbox not all delivered: {dict(states)}")
        for r in sent:
            if r.message_id not in got:
                lost += 1
                problems.append(f"{platform} #{r.sequence} of {r.order_number} "
                                f"({r.kind}, {r.state}) is not in {peer.platform}'s inbox")  # fmt: skip
            elif got[r.message_id].status != 200 and r.state == box.DELIVERED:
                problems.append(f"{r.message_id} delivered but answered "
                                f"{got[r.message_id].status} there")  # fmt: skip
            elif r.answered_at is not None:
                late += _utc(r.answered_at) - _utc(got[r.message_id].received_at) >= LATE
        extra = set(got) - {r.message_id for r in sent}
        duplicates += len(extra)
        problems += [f"{peer.platform} inbox holds {m}, never queued at {platform}" for m in extra]
        problems += _in_order(platform, sent, list(got.values()))
    timelines = _timelines(systems, stream, problems)
    duplicates += timelines
    audit_rows = 0
    for platform, system in systems.items():
        assert system.db is not None and system.settings.audit_key_file is not None
        verdict = verify_trail(system.db, load_key(system.settings.audit_key_file))
        audit_rows += verdict.rows
        if verdict.broken is not None:
            problems.append(f"{platform} audit trail broken: {verdict.broken}")
    if problems:
        raise AssertionError(
            f"{len(problems)} problems after the kills, first {SHOWN}:\n"
            + "\n".join(problems[:SHOWN])
        )
    return Tally(messages, lost, duplicates, refused, len(stream.taken), audit_rows, late)


def _utc(at: datetime) -> datetime:
    return at if at.tzinfo else at.replace(tzinfo=UTC)


def _in_order(platform: str, sent: list[OutboxRow], got: list[InboxRow]) -> list[str]:
    """Each order's messages numbered 1, 2, … at the sender; applied in that order there."""
    problems = []
    numbered: dict[str, list[int]] = defaultdict(list)
    for r in sent:
        numbered[r.order_number].append(r.sequence)
    for number, seqs in numbered.items():
        if seqs != list(range(1, len(seqs) + 1)):
            problems.append(f"{platform} numbered {number}'s messages {seqs}")
    applied: dict[str, list[InboxRow]] = defaultdict(list)
    for row in got:
        applied[row.order_number].append(row)
    for number, rows in applied.items():
        by_time = [r.sequence for r in sorted(rows, key=lambda r: (r.received_at, r.sequence))]
        if by_time != sorted(by_time):
            problems.append(f"{platform}'s messages on {number} applied as {by_time}")
    return problems


def _timelines(systems: Mapping[str, System], stream: Stream, problems: list[str]) -> int:
    """Both copies of every order: the steps the seats took, once each, in the same order,
    line for line the same (time, agent, seat, platform, action, note, detail, status)."""
    twice = 0
    seats = {Platform(p): s.orders() for p, s in systems.items()}
    for number, taken in stream.taken.items():
        copies = {}
        for platform, seat in seats.items():
            try:
                copies[platform] = seat.get(number).order.timeline
            except UnknownOrder:
                problems.append(f"{number} is missing at {platform}")
        for platform, timeline in copies.items():
            steps = [(e.platform, e.action) for e in timeline]
            if steps != taken:
                problems.append(f"{number} at {platform}: {steps} but the seats took {taken}")
            repeated = len(timeline) - len(set(map(_line, timeline)))
            twice += repeated
            if repeated:
                problems.append(f"{number} at {platform} holds a step twice")
        lines = [list(map(_line, t)) for t in copies.values()]
        if len(lines) == 2 and lines[0] != lines[1]:
            problems.append(f"{number} differs between the sides: {lines[0]} vs {lines[1]}")
    return twice
