"""The receiving side of the exchange: messages from the peer platform applied to this
platform's own copies exactly once, in order per order, each answered (docs/exchange.md § 2).

:meth:`Receiver.receive` is what every transport's far end calls (``Receiving``). A batch is
applied in one transaction, each message in its own savepoint; the inbox row (message id → the
acknowledgement given) is written with the step it applies, so a crash applies a message wholly
or not at all, and a duplicate gets its first answer again. If the batch's transaction fails
(a concurrent receiver, the database going away), each message is tried again alone.
An incident's snapshot (``incident_exchange``) is applied if newer than the copy, else
acknowledged and ignored: it never waits for an earlier one (docs/exchange.md § 3.5). A caller
told at the peer (``caller_told``, 1.3) is applied in its order's sequence like a step
(``callers_told.apply_told``). No Qt here.
"""

from __future__ import annotations

import contextlib
import json
import logging
from collections.abc import Callable, Sequence
from dataclasses import replace
from datetime import datetime, timedelta
from uuid import UUID

from sqlalchemy.exc import SQLAlchemyError
from sqlmodel import Session

from console.domain.audit import AuditAction, AuditEntry, AuditOutcome
from console.domain.exchange import (
    STATUS_OF_CODE,
    Acknowledgement,
    AckRefusal,
    AckStatus,
    Envelope,
    Kind,
    Message,
    Sender,
    acknowledge,
)
from console.domain.exchange_told import CallerToldMessage
from console.domain.incident_exchange import IncidentMessage
from console.domain.orders import Status, TransitionError
from console.domain.refusals import Refused
from console.services.audit import AuditTrail
from console.services.callers_told import apply_told
from console.services.exchange_callers import keep_calls
from console.services.exchange_codec import ExchangeCodec
from console.services.incident_exchange import apply_snapshot
from console.services.order_writer import OrderWriter
from console.services.repeats import DEFAULT_WINDOW, warn_repeated
from console.store import exchange as box
from console.store import orders as repo
from console.store.engine import Database

log = logging.getLogger(__name__)

Exchanged = Message | IncidentMessage | CallerToldMessage
"""A decoded message: an order's step, an incident's snapshot, or a caller told at the peer."""

# Refusal codes the acknowledgement schema lists; a rule's refusal with any other code is
# answered as ``wrong_status`` (the order is not where the peer's step needs it).
_LISTED = frozenset(
    {
        "exchange_too_large", "exchange_not_json", "exchange_invalid",
        "exchange_unknown_version", "exchange_unknown_order", "closed", "wrong_status",
        "wrong_platform", "not_at_origin", "needs_note", "needs_detail", "dispatch_12345_only",
        "escalate_needs_department", "bad_outcome", "no_consent", "needs_mode",
        "guidance_closed", "provisional_not_done", "not_police_kind", "note_too_long",
        "unreadable_text", "agent_invalid", "seat_invalid", "tell_no_feedback",
        "tell_unknown_caller",
    }
)  # fmt: skip


class _Replayed(Refused):
    """Another message under a sequence already answered: refused, and not kept (the first
    message's answer keeps its place)."""


class _NotNow(Exception):
    """Answer 409 or 503 (and keep nothing): the sender tries again."""

    def __init__(self, status: AckStatus, why: str) -> None:
        super().__init__(why)
        self.status = status


class _Seen:
    """What a batch's transaction knows of the inbox, read once for the whole batch: answers
    already given (by message id), sequences answered for good (sender, order, sequence), and
    the rows of the answers given in this batch, written together before it commits."""

    def __init__(self, session: Session, messages: Sequence[Exchanged]) -> None:
        envs = [m.envelope for m in messages]
        self.answers = box.inbox_answers(session, [str(e.message_id) for e in envs])
        self.sequences: set[tuple[str, str, int]] = set()
        for sender in {e.sender.system_id for e in envs}:
            numbers = [e.order_number for e in envs if e.sender.system_id == sender]
            self.sequences |= {
                (sender, n, q) for n, q in box.answered_among(session, sender, numbers)
            }
        self.rows: list[dict[str, object]] = []

    def keep(self, env: Envelope, status: int, ack: bytes, at: datetime) -> None:
        sender, message_id = env.sender.system_id, str(env.message_id)
        self.rows.append({
            "message_id": message_id, "sender": sender, "order_number": env.order_number,
            "sequence": env.sequence, "kind": env.kind.value, "status": status, "ack": ack,
            "received_at": at,
        })  # fmt: skip
        self.answers[message_id] = ack
        self.sequences.add((sender, env.order_number, env.sequence))


class Receiver:
    """Applies the peer's messages to this platform's database (``me`` names this system).
    ``peer_ids``: the system ids a transport may name as ``source``; a message whose sender is
    not the authenticated source is refused (a certificate of one system cannot speak for
    another). Empty: any (an in-process loopback). ``window``: the site's ``[duplicates]
    window_h``: a caller who joined at the peer may raise the repeated-request warning here."""

    def __init__(
        self,
        db: Database,
        codec: ExchangeCodec,
        writer: OrderWriter,
        me: Sender,
        clock: Callable[[], datetime],
        audit: AuditTrail | None = None,
        peer_ids: frozenset[str] = frozenset(),
        window: timedelta = DEFAULT_WINDOW,
    ) -> None:
        self._db, self._codec, self._writer, self._me = db, codec, writer, me
        self._clock, self._audit, self._peer_ids = clock, audit, peer_ids
        self._window = window

    def receive(self, bodies: Sequence[bytes], source: str) -> list[bytes | None]:
        answers: list[bytes | None] = [None] * len(bodies)
        decoded: list[tuple[int, Exchanged]] = []
        for i, raw in enumerate(bodies):
            try:
                message = self._codec.decode(raw)
                self._check_sender(message, source)
                decoded.append((i, message))
            except Refused as refused:
                answers[i] = self._undecodable(raw, refused, source)
        if not decoded:
            return answers
        try:
            with self._db.write() as session:
                seen = _Seen(session, [m for _, m in decoded])
                self._add_new(session, seen, [m for _, m in decoded])
                batch = [(i, self._answer(session, seen, m, source)) for i, m in decoded]
                box.keep_answers(session, seen.rows)
            for i, ack in batch:
                answers[i] = ack
        except SQLAlchemyError:
            log.warning("exchange batch of %d failed; applying one by one", len(decoded))
            for i, message in decoded:
                answers[i] = self._alone(message, source)
        return answers

    def _add_new(self, session: Session, seen: _Seen, messages: Sequence[Exchanged]) -> None:
        """The batch's transfers of orders this side does not have yet, written together (the
        common case: most messages are new orders): each the first message about its order,
        answered nowhere before. Their answers wait in ``seen``; the rest go one by one. A
        conflict (another receiver wrote one of them meanwhile) fails the batch's transaction,
        and each message is then tried alone."""
        firsts: dict[str, Message] = {}
        for m in messages:
            env = m.envelope
            if (
                isinstance(m, Message) and env.kind is Kind.TRANSFER and m.order is not None and env.sequence == 1
                and str(env.message_id) not in seen.answers
                and (env.sender.system_id, env.order_number, 1) not in seen.sequences
            ):  # fmt: skip
                firsts.setdefault(env.order_number, m)
        if not firsts:
            return
        held = repo.present(session, firsts.keys())
        new = [m for n, m in firsts.items() if n not in held]
        by_sender: dict[str, list[Message]] = {}
        for m in new:
            by_sender.setdefault(m.envelope.sender.system_id, []).append(m)
        now = self._clock()
        for sender, mine in by_sender.items():
            added = self._writer.add_remotes(session, [m.order for m in mine if m.order], sender)
            for m, stored in zip(mine, added, strict=True):
                self._callers(session, stored, m, sender)
                ack = acknowledge(m.envelope, sender=self._me, at=now)
                seen.keep(m.envelope, int(ack.status), self._codec.encode_ack(ack), now)

    def _alone(self, message: Exchanged, source: str) -> bytes:
        try:
            with self._db.write() as session:
                seen = _Seen(session, [message])
                ack = self._answer(session, seen, message, source)
                box.keep_answers(session, seen.rows)
                return ack
        except SQLAlchemyError as e:
            log.warning("exchange message %s not applied now: %s", message.envelope.message_id,
                        type(e).__name__)  # fmt: skip
            return self._codec.encode_ack(self._ack(message, AckStatus.UNAVAILABLE))

    def _answer(self, session: Session, seen: _Seen, message: Exchanged, source: str) -> bytes:
        """The encoded answer to ``message``; an answer for good is kept in ``seen`` (its
        inbox row written with the batch, in the same transaction as the step)."""
        env = message.envelope
        known = seen.answers.get(str(env.message_id))
        if known is not None:  # a duplicate: the first answer again
            return known
        if isinstance(message, IncidentMessage):
            return self._snapshot(session, seen, message, source)
        try:
            with session.begin_nested():
                self._in_order(seen, message)
                self._apply(session, message, source)
            refused = None
        except _NotNow as later:
            return self._codec.encode_ack(self._ack(message, later.status))
        except _Replayed as replay:
            self._record(session, source, env.order_number, f"{env.kind} replayed")
            return self._codec.encode_ack(
                acknowledge(env, sender=self._me, at=self._clock(), refused=replay)
            )
        except repo.StaleOrder:  # a seat here wrote the order at this moment: next try
            return self._codec.encode_ack(self._ack(message, AckStatus.UNAVAILABLE))
        except Refused as no:
            refused = _listed(no, session, env.order_number)
        ack = acknowledge(env, sender=self._me, at=self._clock(), refused=refused)
        encoded = self._codec.encode_ack(ack)
        seen.keep(env, int(ack.status), encoded, self._clock())
        if refused is not None:
            self._record(session, source, env.order_number, f"{env.kind} {refused.code}")
        return encoded

    def _snapshot(
        self, session: Session, seen: _Seen, message: IncidentMessage, source: str
    ) -> bytes:
        """A snapshot: applied to the copy if newer than it, else acknowledged and ignored —
        never 409, so skipped versions wait for nothing. Another message under a version
        already answered is acknowledged and not kept (the first one's answer keeps its place)."""
        env = message.envelope
        if (env.sender.system_id, env.order_number, env.sequence) in seen.sequences:
            return self._codec.encode_ack(acknowledge(env, sender=self._me, at=self._clock()))
        refused = None
        try:
            with session.begin_nested():
                apply_snapshot(session, message.snapshot, self._me.platform)
        except Refused as no:
            refused = no if no.code in _LISTED else Refused("exchange_invalid", no.why, path="$")
        ack = acknowledge(env, sender=self._me, at=self._clock(), refused=refused)
        encoded = self._codec.encode_ack(ack)
        seen.keep(env, int(ack.status), encoded, self._clock())
        if refused is not None:
            self._record(session, source, env.order_number, f"{env.kind} {refused.code}")
        return encoded

    def _in_order(self, seen: _Seen, message: Message | CallerToldMessage) -> None:
        env = message.envelope
        sender = env.sender.system_id
        if (sender, env.order_number, env.sequence) in seen.sequences:
            raise _Replayed(  # another message id under a sequence already answered
                "exchange_invalid",
                f"sequence {env.sequence} of {env.order_number} was answered for another message",
                path="$.envelope.sequence",
            )
        if env.sequence > 1 and (sender, env.order_number, env.sequence - 1) not in seen.sequences:
            raise _NotNow(AckStatus.OUT_OF_ORDER, f"{env.order_number} #{env.sequence - 1} first")

    def _apply(self, session: Session, message: Message | CallerToldMessage, source: str) -> None:
        if isinstance(message, CallerToldMessage):
            apply_told(session, message)
            return
        env, event = message.envelope, message.event
        try:
            stored = repo.get(session, env.order_number)
        except repo.UnknownOrder:
            if env.kind is Kind.TRANSFER and message.order is not None:
                added = self._writer.add_remote(session, message.order, env.sender.system_id)
                self._callers(session, added, message, env.sender.system_id)
                return
            raise Refused(
                "exchange_unknown_order", f"no order {env.order_number} here",
                number=env.order_number,
            ) from None  # fmt: skip
        status = stored.order.status
        if status is not event.from_status and not status.is_open:
            raise TransitionError(env.order_number, event.action, status, "closed here", "closed")
        # This side's own rules decide (a step from another status is refused by them as
        # wrong_status or closed): 12345's cancellation, taken while 110 signed for, still
        # cancels 110's signed-for copy. The line records this copy's own from-status.
        saved = self._writer.act_remote(
            session, stored, event, message.first_contact_mode, env.sender.system_id
        )
        if saved.order.timeline[-1] != replace(event, from_status=status):
            raise TransitionError(
                env.order_number, event.action, status,
                "this side's rules make another step of it", "wrong_status",
                {"status": status.value},
            )  # fmt: skip
        self._callers(session, saved, message, env.sender.system_id)

    def _callers(
        self, session: Session, stored: repo.Stored, message: Message, source: str
    ) -> None:
        """The callers ``message`` carries (a transfer's, a 并入's) join this copy, or one
        leaves it (拆出); an order this side owns may then raise the repeated-request warning
        for its shift lead here."""
        keep_calls(session, stored.id, message, source)
        if message.callers and stored.order.owner is self._me.platform:
            warn_repeated(session, stored, message.event.at, self._window)

    def _check_sender(self, message: Exchanged, source: str) -> None:
        sender = message.envelope.sender
        if sender.platform is self._me.platform:
            raise Refused("exchange_invalid", "a message from this platform's own side",
                          path="$.envelope.sender.platform")  # fmt: skip
        if self._peer_ids and (
            sender.system_id not in self._peer_ids or sender.system_id != source
        ):
            raise Refused(
                "exchange_invalid",
                f"sender {sender.system_id!r} is not the authenticated peer {source!r}",
                path="$.envelope.sender.systemId",
            )

    def _undecodable(self, raw: bytes, refused: Refused, source: str) -> bytes | None:
        """The refusal of a body that did not decode: answered if its envelope names the message
        (never kept: an intact copy sent again is applied), audited either way."""
        ids = _ids(raw, self._codec.max_bytes)
        target = ids[2] if ids else ""
        try:
            self._write_record(source, target, refused.code)
        except SQLAlchemyError:
            log.warning("could not audit a refused exchange body from %s", source)
        if ids is None:
            return None
        status = STATUS_OF_CODE.get(refused.code, AckStatus.INVALID)
        ack = Acknowledgement(
            ids[0], ids[1], self._clock(), self._me, status, refused.code, AckRefusal.of(refused)
        )
        return self._codec.encode_ack(ack)

    def _ack(self, message: Exchanged, status: AckStatus) -> Acknowledgement:
        env = message.envelope
        return Acknowledgement(
            env.transaction_id, env.message_id, self._clock(), self._me, status, status.name.lower()
        )

    def _record(self, session: Session, source: str, target: str, detail: str) -> None:
        if self._audit is not None:
            entry = AuditEntry(f"exchange:{source}"[:64], "exchange", AuditAction.EXCHANGE_REFUSED,
                               target, AuditOutcome.REFUSED, detail)  # fmt: skip
            self._audit.record(session, entry)

    def _write_record(self, source: str, target: str, detail: str) -> None:
        if self._audit is not None:
            with self._db.write(notify=False) as session:
                self._record(session, source, target, detail)


def _listed(refused: Refused, session: Session, number: str) -> Refused:
    if refused.code in _LISTED:
        return refused
    status = Status.RECEIVED
    with contextlib.suppress(repo.UnknownOrder):
        status = repo.get(session, number).order.status
    return Refused("wrong_status", f"{refused.code}: {refused.why}"[:300], status=status.value)


def _ids(raw: bytes, most: int) -> tuple[UUID, UUID, str] | None:
    """transactionId, messageId and orderNumber of a body that did not decode, if it names them."""
    if len(raw) > most:
        head = raw[:4096]  # canonical JSON sorts "body" before "envelope": usually not here
        try:
            doc = json.loads(head)
        except ValueError:
            return None
    else:
        try:
            doc = json.loads(raw)
        except (ValueError, RecursionError):
            return None
    env = doc.get("envelope") if isinstance(doc, dict) else None
    if not isinstance(env, dict):
        return None
    try:
        number = env.get("orderNumber")
        return (
            UUID(str(env["transactionId"])),
            UUID(str(env["messageId"])),
            number[:40] if isinstance(number, str) else "",
        )
    except (KeyError, ValueError):
        return None
