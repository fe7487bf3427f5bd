"""Each caller is told the result at feedback (告知来电人). No Qt; call it off the UI thread.

Once an order is fed back (反馈; and after its 办结), the seat calls back every caller of it —
its own caller, then each caller who joined it (并入, ``order_caller``) — with the feedback, and
ticks each one told (:meth:`CallersToldService.mark_told`, one ``caller_told`` row per caller,
recorded once). :meth:`CallersToldService.to_tell` is what the order detail lists: each caller
with whether, when and by whom they were told. On an order the peer platform holds too (it was
transferred), each tick travels to the peer (``caller_told``, format 1.3) through the outbox, in
the tick's own transaction; the peer applies it by its own rules (:func:`apply_told`) and lists
the caller told at this platform, and this platform lists the callers the peer's seats told.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from typing import TYPE_CHECKING

from sqlmodel import Session

from console.domain.exchange_told import CallerToldMessage, ToldCaller
from console.domain.intake import check_clock
from console.domain.order_types import Action, Status, WorkOrder
from console.domain.phone import normalise_phone
from console.domain.refusals import Refused
from console.domain.roles import Capability, Seated
from console.store import caller_told as told_store
from console.store import duplicates as callers_store
from console.store import orders as repo
from console.store.engine import Database

if TYPE_CHECKING:
    from console.services.exchange_outbox import Outbox

TOLD_AFTER = frozenset({Status.FED_BACK, Status.COMPLETED})
"""The statuses in which the callers are told: the feedback is there to tell."""


@dataclass(frozen=True, slots=True)
class CallerToTell:
    """One caller of the order: ``joined_from`` names the duplicate or call they joined from
    (None: the order's own caller); ``told_at`` / ``told_by`` are None until told;
    ``told_at_peer`` names the peer platform whose agent ``told_by`` told them (None: here)."""

    phone: str
    name: str | None
    joined_from: str | None
    told_at: datetime | None = None
    told_by: str | None = None
    told_at_peer: str | None = None

    @property
    def told(self) -> bool:
        return self.told_at is not None


@dataclass(frozen=True, slots=True)
class ToTell:
    """The order's callers and the result to tell them (the last feedback's note; ``""`` and
    ``ready`` False before there is one)."""

    number: str
    ready: bool
    result: str
    callers: tuple[CallerToTell, ...]

    @property
    def told(self) -> int:
        return sum(1 for c in self.callers if c.told)


def feedback_of(order: WorkOrder) -> str | None:
    """The last feedback's note, if the order is where its callers are told it."""
    if order.status not in TOLD_AFTER:
        return None
    notes = [e.note for e in order.timeline if e.action is Action.FEED_BACK]
    return notes[-1] if notes else None


def _callers(session: Session, stored: repo.Stored) -> list[ToldCaller]:
    """The order's callers, its own first, each named as ``caller_joined`` names one."""
    own = ToldCaller(stored.order.caller.phone)
    return [
        own,
        *(ToldCaller(c.phone, c.merged_from) for c in callers_store.callers(session, stored.id)),
    ]


def _fed_back(stored: repo.Stored) -> None:
    if feedback_of(stored.order) is None:
        raise Refused("tell_no_feedback", f"{stored.order.number} has no feedback to tell")


def apply_told(session: Session, message: CallerToldMessage) -> bool:
    """The peer's ``caller_told``, applied to this platform's copy by this platform's rules,
    in the receiver's transaction: ``exchange_unknown_order`` for an order not held here,
    ``tell_no_feedback`` before the copy's feedback, ``tell_unknown_caller`` for a caller the
    copy does not have (by ``mergedFrom``, with the same number). False if the caller was
    shown told already (here or by an earlier message): the first record stays."""
    number = message.envelope.order_number
    try:
        stored = repo.get(session, number)
    except repo.UnknownOrder:
        raise Refused("exchange_unknown_order", f"no order {number} here", number=number) from None
    _fed_back(stored)
    wanted = message.caller
    if wanted not in _callers(session, stored):
        raise Refused("tell_unknown_caller", f"the caller told is not one of {number}'s here")
    return told_store.mark(
        session, stored.id, wanted.phone, message.at, message.name, message.seat,
        message.platform.value,
    )  # fmt: skip


class CallersToldService:
    """告知来电人 for the principal signed in at one seat (``by``)."""

    def __init__(
        self,
        db: Database,
        clock: Callable[[], datetime],
        by: Seated,
        on_change: Callable[[], None] | None = None,
        outbox: Outbox | None = None,
    ) -> None:
        """``outbox``: on a platform that runs its own system, where a tick on an order the
        peer holds is queued for it (None: both platforms on one database)."""
        self._db, self._clock, self._by, self._on_change = db, clock, by, on_change
        self._outbox = outbox

    def to_tell(self, number: str) -> ToTell:
        """Every caller of order ``number`` and whether each was told, the order's own first."""
        self._by.require(Capability.SEE_ORDERS)
        with self._db.read() as session:
            stored = repo.get(session, number)
            joined = callers_store.callers(session, stored.id)
            done = told_store.told(session, stored.id)
        order = stored.order
        result = feedback_of(order)
        people: list[tuple[str, str | None, str | None]] = [
            (order.caller.phone, order.caller.name, None)
        ]
        people += [(c.phone, c.name, c.merged_from) for c in joined]
        callers = tuple(
            CallerToTell(
                phone, name, source,
                done[phone].at if phone in done else None,
                done[phone].by if phone in done else None,
                done[phone].platform if phone in done else None,
            )
            for phone, name, source in people
        )  # fmt: skip
        return ToTell(order.number, result is not None, result or "", callers)

    def mark_told(self, number: str, phone: str) -> bool:
        """Caller ``phone`` of order ``number`` was told the result; False if they had been.
        Refused before the feedback (``tell_no_feedback``) or for a number that is not one of
        the order's callers (``tell_unknown_caller``). A tick on an order the peer holds is
        queued for the peer in the same transaction (a caller told before is not sent again)."""
        by = self._by
        by.require(Action.FEED_BACK)
        now = self._clock()
        check_clock(now)
        wanted = normalise_phone(phone) or phone.strip()
        with self._db.write() as session:
            stored = repo.get(session, number)
            _fed_back(stored)
            caller = next((c for c in _callers(session, stored) if c.phone == wanted), None)
            if caller is None:
                raise Refused("tell_unknown_caller", f"not a caller of {number}")
            done = told_store.mark(session, stored.id, wanted, now, by.login, by.seat)
            if done and self._outbox is not None:
                self._outbox.told(session, stored.order, caller, now, by.actor)
        if self._on_change is not None:
            self._on_change()
        return done
