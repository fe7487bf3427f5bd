"""The linkage plan's compound use cases: a three-way call's outcome and 联动110派警.

Each is one transaction on the database, so an outcome and what follows from it (the transfer,
the first-contact responsibility; the linked 110 order and the line on the original's timeline)
are saved together or not at all.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy.exc import IntegrityError
from sqlmodel import Session

from console.domain.actions import MAX_NOTE
from console.domain.catalogue import Department
from console.domain.linkage import escalation_order, three_way_follow_up
from console.domain.orders import (
    Action,
    FirstContactMode,
    Platform,
    Priority,
    ThreeWayOutcome,
    TransitionError,
    check,
)
from console.domain.refusals import Refused
from console.domain.roles import Seated
from console.services.order_writer import OrderWriter, check_seen
from console.store import orders as repo
from console.store.departments import departments
from console.store.engine import Database
from console.store.tables import KindRow, OrderRow, TransferRequestRow


@dataclass(frozen=True, slots=True)
class Escalation:
    original: repo.Stored
    linked: repo.Stored  # the new order on its way to 110
    repeated: bool  # this request key had already been carried out; nothing changed


class LinkageService:
    """Made by :class:`~console.services.orders.OrderService` (``orders.linkage``), sharing its
    order writer (deadline policy, calendar) and change callback."""

    def __init__(
        self,
        db: Database,
        clock: Callable[[], datetime],
        writer: OrderWriter,
        on_change: Callable[[], None] | None = None,
    ) -> None:
        self._db, self._clock, self._writer, self._on_change = db, clock, writer, on_change

    def departments(self) -> list[Department]:
        """The directory 12345 dispatches to (active departments)."""
        with self._db.read() as session:
            return departments(session)

    def settle_three_way(
        self,
        number: str,
        outcome: ThreeWayOutcome,
        by: Seated,
        reason: str,
        first_contact_mode: FirstContactMode | None = None,
        *,
        seen: int,
    ) -> repo.Stored:
        """Record who takes the matter after a three-way call, and carry it out: the peer takes
        it (the order is transferred), this platform does (it stays), or neither can (首接负责:
        ``first_contact_mode`` says provisional acceptance or guidance). ``seen``: the timeline
        length the agent saw (required; see ``OrderService.act``). Refused (``not_allowed``)
        unless ``by``'s roles allow the outcome and what follows from it."""
        follow = three_way_follow_up(outcome, by.actor)
        by.require(Action.THREE_WAY)
        if follow is not None:
            by.require(follow)
        now = self._clock()
        with self._db.write() as session:
            stored = repo.get(session, number)
            check_seen(stored, seen)
            saved = self._writer.act(
                session, stored, Action.THREE_WAY, by, now, reason, detail=outcome.value
            )
            if follow is Action.TRANSFER:
                note = f"三方通话：{outcome.value} 接手"
                saved = self._writer.act(session, saved, follow, by, now, note)
            elif follow is Action.FIRST_CONTACT:
                saved = self._writer.act(session, saved, follow, by, now, reason,
                                         first_contact_mode)  # fmt: skip
        self._changed()
        return saved

    def escalate(
        self,
        number: str,
        by: Seated,
        *,
        kind: str,
        report: str,
        key: str,
        priority: Priority = Priority.CRITICAL,
        seen: int,
    ) -> Escalation:
        """联动110派警: the department's report on order ``number`` becomes a linked 110 order,
        sent to 110 at once (top priority by default: police dispatch, 15-minute sign-for); the
        original gets a timeline line naming it. Exactly once per request ``key`` (a
        double-click returns the first outcome); ``seen``: the original's timeline length the
        agent saw (required; a repeat of a done key is answered whatever it was). Refused
        (``not_allowed``) unless ``by``'s roles allow escalating, making the linked order and
        sending it."""
        if not key.strip():
            raise ValueError("an escalation needs its request key")
        for needed in (Action.ESCALATE, Action.CREATE, Action.TRANSFER):
            by.require(needed)
        actor = by.actor
        now = self._clock()
        try:
            with self._db.write() as session:
                done = session.get(TransferRequestRow, key)
                if done is not None:
                    return self._repeat(session, number, done.order_id)
                original = repo.get(session, number)
                check_seen(original, seen)
                row = session.get(KindRow, kind)
                if row is None or row.platform != Platform.POLICE.value or not row.police:
                    raise TransitionError(
                        number, Action.ESCALATE, original.order.status,
                        f"{kind!r} is not a 110 police kind", "not_police_kind", {"kind": kind},
                    )  # fmt: skip
                # Check the escalation before making anything: the linked number is not known yet.
                check(original.order, Action.ESCALATE, actor, report, detail="·")
                linked = escalation_order(
                    original.order,
                    number=repo.next_number(session, actor.platform, now),
                    actor=actor,
                    at=now,
                    kind=kind,
                    report=report,
                    priority=priority,
                )
                made = self._writer.add(session, linked, now, by)
                session.add(TransferRequestRow(key=key, order_id=made.id, seat=by.seat, at=now))
                session.flush()
                sent = self._writer.act(
                    session, made, Action.TRANSFER, by, now, _escalation_note(report)
                )
                original = self._writer.act(
                    session, original, Action.ESCALATE, by, now, report, detail=sent.order.number
                )
        except IntegrityError:  # the same key, at the same moment, from another thread
            with self._db.read() as session:
                done = session.get(TransferRequestRow, key)
                if done is None:  # some other constraint: not ours to explain away
                    raise
                return self._repeat(session, number, done.order_id)
        self._changed()
        return Escalation(original, sent, repeated=False)

    def _repeat(self, session: Session, number: str, linked_id: int) -> Escalation:
        """The first outcome of a repeated request; a key used for anything but escalating
        order ``number`` (another order's escalation, a transfer) is refused: ``key_reused``."""
        row = session.get(OrderRow, linked_id)
        assert row is not None  # a foreign key
        if row.escalated_from != number:
            used_for = row.escalated_from or row.number
            raise Refused(
                "key_reused", f"request key was used for order {used_for}, not {number}",
                number=used_for,
            )  # fmt: skip
        return Escalation(repo.get(session, number), repo.get(session, row.number), repeated=True)

    def _changed(self) -> None:
        if self._on_change is not None:
            self._on_change()


def _escalation_note(report: str) -> str:
    """The linked 110 order's first line says where it came from and what the department
    reported, whole (the report alone when both would not fit in a note)."""
    note = f"联动110派警：{report.strip()}"
    return note if len(note) <= MAX_NOTE else report.strip()
