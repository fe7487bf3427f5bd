"""One-click transfer (一键转接) and 互派 of an order to the peer platform, exactly once per key.

From the seat, a transfer goes in two steps around the call: :meth:`TransferService.begin` checks
the order may go and writes the request as *pending* before the call moves; once a peer seat has
the caller, :meth:`complete` hands the order over; if the call does not go, :meth:`abandon`
leaves the order where it is, and if the agent calls the transfer off while the peer line rings,
:meth:`cancel` settles it as cancelled (the order stays too). A console killed in between finishes its seat's pending requests
on the next start (:meth:`resume`): the agent asked for the transfer, so the order goes over as
互派 and the peer signs for it — never half-made, never twice. :meth:`transfer` does it all in one
transaction (互派 from the order detail; retries and double-clicks are the same key).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy import update
from sqlalchemy.exc import IntegrityError
from sqlmodel import Session, col, select

from console.domain.order_rules import owes_clue_transfer
from console.domain.orders import Action, TransitionError, check
from console.domain.refusals import Refused
from console.domain.roles import Capability, Seated
from console.services.order_writer import OrderWriter
from console.store import orders as repo
from console.store.engine import Database
from console.store.tables import OrderRow, TransferRequestRow

PENDING, DONE, ABANDONED = "pending", "done", "abandoned"
CANCELLED = "cancelled"  # the agent called the transfer off while the peer line rang
CALLED_OFF = frozenset({ABANDONED, CANCELLED})  # settled without the order going: a new key
# How long a seat's pending transfer (begin() written, the call moving) holds the order against
# another seat's. The seat settles it when the peer answers or the answer window ends, and the
# window is at most 300 s (``telephony.transfer_window_s``), so a request still pending 30 s
# after the longest window belongs to a console that died mid-call: another seat may then take
# the transfer over (the dead seat's request is abandoned, so its next start does not send the
# order a second time). A lease the console renews would free it sooner, at the price of a
# write every few seconds from every seat; a dead console mid-transfer is rare, 5.5 min is not
# hostage-taking, and no clock but the database's rows is needed.
HOLD_MARGIN = timedelta(seconds=30)
PENDING_HOLDS = timedelta(seconds=300) + HOLD_MARGIN
"""The hold when the site's answer window is not known: the longest one allowed, plus the margin.
The console passes its own (``telephony.transfer_window_s`` + :data:`HOLD_MARGIN`)."""
STALE_RETRIES = 3


class TransferConflict(Refused, RuntimeError):
    """Another seat transferred the order first, or is transferring it now; the message says who."""


class TransferAbandoned(Refused, ValueError):
    """The request was called off (the call did not go): a new attempt takes a new key."""

    def __init__(self, why: str) -> None:
        super().__init__("transfer_abandoned", why)


@dataclass(frozen=True, slots=True)
class Transfer:
    stored: repo.Stored
    repeated: bool  # True: this request key had already been carried out; nothing changed


@dataclass(frozen=True, slots=True)
class Resumed:
    key: str
    number: str
    done: bool  # False: the order could not go any more (its status changed); abandoned
    why: str = ""


class TransferService:
    def __init__(
        self,
        db: Database,
        clock: Callable[[], datetime],
        writer: OrderWriter,
        on_change: Callable[[], None] | None = None,
        hold: timedelta = PENDING_HOLDS,
    ) -> None:
        self._db, self._clock, self._writer, self._on_change = db, clock, writer, on_change
        self._hold = hold

    def transfer(
        self, number: str, by: Seated, note: str, key: str, consent: bool = False
    ) -> Transfer:
        """The whole transfer in one transaction (互派 from the order detail or the strip): the
        request is written done with the order's hand-over, or nothing is written. Refused
        (``TransitionError``) without the caller's consent (recorded before, or ``consent``
        now), except social-stability clues toward 110; ``TransferConflict`` when another seat
        transferred the order first or is transferring it now; ``key_reused`` when ``key`` was
        used for another order. A key already begun (F8) is carried out here. Refused
        (``not_allowed``) unless ``by``'s roles allow transferring."""
        if not key.strip():
            raise ValueError("a transfer needs its request key")
        by.require(Action.TRANSFER)
        for _attempt in range(STALE_RETRIES - 1):
            try:
                return self._transfer(number, by, note, key, consent)
            except repo.StaleOrder:  # another seat wrote the order meanwhile: read it again
                continue
        return self._transfer(number, by, note, key, consent)

    def _transfer(self, number: str, by: Seated, note: str, key: str, consent: bool) -> Transfer:
        now = self._clock()
        try:
            with self._db.write() as session:
                stored = repo.get(session, number)
                known = session.get(TransferRequestRow, key)
                if known is not None:
                    _same_order(session, known, stored)
                    if known.state == DONE:
                        return Transfer(stored, repeated=True)
                    if known.state in CALLED_OFF:
                        raise TransferAbandoned(f"transfer {key} was {known.state}; ask again")
                    consent = consent or known.consent
                else:
                    self._may_go(session, stored, by, now, consent)
                saved = self._writer.act(
                    session, stored, Action.TRANSFER, by, now, note,
                    detail="consent" if consent else "",
                )  # fmt: skip
                if known is None:
                    session.add(
                        TransferRequestRow(key=key, order_id=stored.id, seat=by.seat, at=now,
                                           state=DONE, consent=consent)
                    )  # fmt: skip
                    session.flush()
                elif not _settle(session, key, DONE):  # abandoned meanwhile (read committed)
                    raise repo.StaleOrder(number, f"transfer {key} was settled by another thread")
        except IntegrityError:  # the same key from another thread, at the same moment
            with self._db.read() as session:
                known = session.get(TransferRequestRow, key)
                if known is None:
                    raise
                stored = repo.get(session, number)
                _same_order(session, known, stored)
                if known.state != DONE:  # begun by another thread: settle it on the next try
                    raise repo.StaleOrder(number, f"transfer {key} is being begun") from None
                return Transfer(stored, repeated=True)
        except TransitionError as refused:
            raise self._conflict(number, by) or refused from None
        self._changed()
        return Transfer(saved, repeated=False)

    def begin(self, number: str, by: Seated, key: str, consent: bool = False) -> None:
        """Check that order ``number`` may go now and write the request as pending (a pending or
        done request under ``key`` is left as it is; an abandoned one is refused: a new attempt
        takes a new key; one for another order is refused: ``key_reused``). Refused too while
        another seat's transfer of the order is pending (for :data:`PENDING_HOLDS` at most),
        and unless ``by``'s roles allow transferring (``not_allowed``)."""
        if not key.strip():
            raise ValueError("a transfer needs its request key")
        by.require(Action.TRANSFER)
        now = self._clock()
        try:
            with self._db.write() as session:
                stored = repo.get(session, number)
                known = session.get(TransferRequestRow, key)
                if known is not None:
                    _same_order(session, known, stored)
                    if known.state in CALLED_OFF:
                        raise TransferAbandoned(
                            f"transfer {key} was {known.state}; a new attempt needs a new key"
                        )
                    return
                self._may_go(session, stored, by, now, consent)
                session.add(
                    TransferRequestRow(
                        key=key,
                        order_id=stored.id,
                        seat=by.seat,
                        at=now,
                        state=PENDING,
                        consent=consent,
                    )
                )
                session.flush()
        except IntegrityError:  # the same key from another thread, at the same moment
            with self._db.read() as session:
                known = session.get(TransferRequestRow, key)
                if known is None:
                    raise
                _same_order(session, known, repo.get(session, number))
        except TransitionError as refused:
            raise self._conflict(number, by) or refused from None

    def _may_go(
        self, session: Session, stored: repo.Stored, by: Seated, now: datetime, consent: bool
    ) -> None:
        """The rules allow the transfer, and no other seat's transfer of the order is under way.
        Another seat's request pending longer than :data:`PENDING_HOLDS` is a dead console's:
        it is abandoned here, and this seat's transfer goes."""
        check(stored.order, Action.TRANSFER, by.actor, detail="consent" if consent else "")
        others = (
            col(TransferRequestRow.order_id) == stored.id,
            col(TransferRequestRow.state) == PENDING,
            col(TransferRequestRow.seat) != by.seat,
        )
        live = session.exec(
            select(TransferRequestRow).where(*others, col(TransferRequestRow.at) > now - self._hold)
        ).first()
        if live is not None:
            raise TransferConflict(
                "transfer_pending",
                f"工单 {stored.order.number} is being transferred by seat {live.seat}",
                seat=live.seat,
            )
        session.execute(update(TransferRequestRow).where(*others).values(state=ABANDONED))

    def complete(self, key: str, by: Seated, note: str) -> Transfer:
        """Hand the order of pending request ``key`` over; a done request changes nothing. An
        order another seat touched meanwhile (a stale version) is read again and tried again;
        only an order that may no longer go abandons the request."""
        by.require(Action.TRANSFER)
        for _attempt in range(STALE_RETRIES - 1):
            try:
                return self._complete(key, by, note)
            except repo.StaleOrder:
                continue
        return self._complete(key, by, note)

    def _complete(self, key: str, by: Seated, note: str) -> Transfer:
        now = self._clock()
        number = ""
        try:
            with self._db.write() as session:
                request = self._request(session, key)
                number = self._number(session, request.order_id)
                if request.state == DONE:
                    return Transfer(repo.get(session, number), repeated=True)
                if request.state in CALLED_OFF:
                    raise TransferAbandoned(f"transfer {key} was {request.state}; ask again")
                stored = repo.get(session, number)
                detail = "consent" if request.consent else ""
                saved = self._writer.act(
                    session, stored, Action.TRANSFER, by, now, note, detail=detail
                )
                if not _settle(session, key, DONE):  # abandoned meanwhile (read committed)
                    raise repo.StaleOrder(number, f"transfer {key} was settled by another thread")
        except repo.StaleOrder:
            with self._db.read() as session:
                if self._request(session, key).state == DONE:  # finished by another thread
                    return Transfer(repo.get(session, number), repeated=True)
            raise
        except TransitionError as refused:
            with self._db.read() as session:
                if self._request(session, key).state == DONE:
                    return Transfer(repo.get(session, number), repeated=True)
            self.abandon(key, by)
            raise self._conflict(number, by) or refused from None
        self._changed()
        return Transfer(saved, repeated=False)

    def owes_clue_transfer(self, number: str, by: Seated) -> bool:
        """Whether order ``number`` is a social-stability clue still at 12345 and open: the seat
        must send it to 110 at once (方案: 第一时间转交110)."""
        by.require(Capability.SEE_ORDERS)
        with self._db.read() as session:
            return owes_clue_transfer(repo.get(session, number).order)

    def abandon(self, key: str, by: Seated) -> None:
        """The call did not go: the pending request ``key`` is closed and the order stays."""
        by.require(Action.TRANSFER)
        with self._db.write() as session:
            _settle(session, key, ABANDONED)

    def cancel(self, key: str, by: Seated) -> bool:
        """The agent called the transfer off while the peer line rang (the caller stays): the
        pending request ``key`` is settled as cancelled and the order stays. False if it was no
        longer pending (done, abandoned or cancelled already: nothing changes)."""
        by.require(Action.TRANSFER)
        with self._db.write() as session:
            return _settle(session, key, CANCELLED)

    def resume(self, by: Seated, note: str = "转接中断，按互派送达") -> list[Resumed]:
        """Finish this seat's requests left pending by a console that stopped mid-transfer
        (``by`` at the seat that began them; refused, touching nothing, unless its roles allow
        transferring)."""
        by.require(Action.TRANSFER)
        with self._db.read() as session:
            keys = session.exec(
                select(TransferRequestRow.key)
                .where(col(TransferRequestRow.seat) == by.seat)
                .where(col(TransferRequestRow.state) == PENDING)
            ).all()
        outcomes = []
        for key in keys:
            try:
                done = self.complete(key, by, note)
                outcomes.append(Resumed(key, done.stored.order.number, True))
            except (Refused, ValueError) as refused:
                self.abandon(key, by)  # decided: it cannot go; the next start does not try again
                outcomes.append(Resumed(key, "", False, str(refused)))
        return outcomes

    def _request(self, session: Session, key: str) -> TransferRequestRow:
        request = session.get(TransferRequestRow, key)
        if request is None:
            raise ValueError(f"no transfer request {key}; begin() it first")
        return request

    def _number(self, session: Session, order_id: int) -> str:
        row = session.get(OrderRow, order_id)
        assert row is not None  # a foreign key
        return row.number

    def _conflict(self, number: str, by: Seated) -> TransferConflict | None:
        """If another seat's transfer got there first, say who."""
        if not number:
            return None
        with self._db.read() as session:
            last = repo.get(session, number).order.timeline[-1]
        if last.action is Action.TRANSFER and last.seat != by.seat:
            return TransferConflict(
                "transfer_conflict",
                f"工单 {number} was transferred by {last.platform.value} seat {last.seat}",
                platform=last.platform.value,
                seat=last.seat,
                agent=last.actor,
            )
        return None

    def _changed(self) -> None:
        if self._on_change is not None:
            self._on_change()


def _same_order(session: Session, known: TransferRequestRow, stored: repo.Stored) -> None:
    """A request key names one order: the same key for another order is refused, never taken
    for a repeat of the first."""
    if known.order_id != stored.id:
        other = session.get(OrderRow, known.order_id)
        raise Refused(
            "key_reused",
            f"request {known.key} was for order {other.number if other else known.order_id}, "
            f"not {stored.order.number}",
            number=other.number if other else "?",
        )


def _settle(session: Session, key: str, state: str) -> bool:
    """Move request ``key`` from pending to ``state``; False if it was no longer pending. One
    conditional UPDATE, so on PostgreSQL (read committed) a concurrent complete and abandon of
    one key cannot overwrite each other."""
    result = session.execute(
        update(TransferRequestRow)
        .where(col(TransferRequestRow.key) == key, col(TransferRequestRow.state) == PENDING)
        .values(state=state)
    )
    return bool(result.rowcount)  # type: ignore[attr-defined]
