"""Duplicates and merge (并单): likely duplicates at intake, merge and unmerge, the repeated-
request warning (重复诉求预警). No Qt; call it off the UI thread.

- :meth:`DuplicateService.candidates`: the open orders the intake in progress may repeat, with
  why, best first (``console.domain.duplicates.rank``), from at most three indexed reads.
- :meth:`DuplicateService.merge`: the duplicate closes (已撤销, its last line 并单 naming the order
  it joins), the order it joins gains its caller (``order_caller``) and the line 并入; both in
  one transaction, through the ``OrderWriter`` (roles, rules, audit). Then, if the matter has
  reached :data:`~console.domain.duplicates.REPEATED_CALLERS` callers within the window, the
  repeated-request warning is raised, once.
- :meth:`DuplicateService.join`: at intake, the caller on the line joins an open order (并入)
  instead of a new order being created: the order gains the caller (``order_caller``, its
  ``merged_from`` the call: order/来电n masked number) and the line 并入 with what the caller said as its
  note; the repeated-request warning as for a merge.
- :meth:`DuplicateService.unmerge`: 拆单, both restored (the duplicate's status as it was, with a
  fresh clock; the caller leaves the order), the lines 拆单 and 拆出 added: every line stays.
- :meth:`DuplicateService.repeated` / :meth:`acknowledge`: the shift lead's panel's warnings.

Across platforms: every step on an order the peer holds travels over the exchange (1.2, the
outbox in the step's transaction), the 并入 with its caller, and the peer applies it by its own
rules. A caller joins an order the peer owns (a transferred copy here) as well as one this side
owns (``Who.HOLDER``): the owner's system applies the 并入, or refuses it (``closed``) if its
copy closed meanwhile, and the seat is shown the refusal on the order. The caller's row is
written before the 并入 step, so the step's message carries it.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlmodel import Session

from console.domain.duplicates import Candidate, Probe, district_wanted, rank
from console.domain.hotspots import normalise_address
from console.domain.intake import check_clock
from console.domain.order_types import Action, Caller
from console.domain.phone import mask_phone, normalise_phone
from console.domain.refusals import Refused
from console.domain.roles import Capability, Seated
from console.services.order_writer import OrderWriter
from console.services.repeats import DEFAULT_WINDOW, warn_repeated
from console.store import duplicates as store
from console.store import orders as repo
from console.store.engine import Database

__all__ = ["DEFAULT_WINDOW", "DuplicateService", "Joined", "Merged", "RepeatWarning"]
ADDRESSES_KEPT = 20_000  # normalised addresses remembered (a few districts' open orders)
RepeatWarning = store.Warning  # what the shift lead's panel lists (the UI never imports the store)


@dataclass(frozen=True, slots=True)
class Merged:
    """What a merge or an unmerge left: both orders as saved, and whether it raised the
    repeated-request warning."""

    duplicate: repo.Stored
    into: repo.Stored
    warned: bool = False


@dataclass(frozen=True, slots=True)
class Joined:
    """What a join at intake left: the order as saved, its callers within the window, and
    whether the join raised the repeated-request warning."""

    into: repo.Stored
    callers: int
    warned: bool = False


class DuplicateService:
    """Duplicates for the principal signed in at one seat (``by``)."""

    def __init__(
        self,
        db: Database,
        clock: Callable[[], datetime],
        writer: OrderWriter,
        by: Seated,
        window: timedelta = DEFAULT_WINDOW,
        on_change: Callable[[], None] | None = None,
    ) -> None:
        """``writer``: the ``OrderService``'s (every order write passes it); ``window``: the
        site's ``[duplicates] window_h``."""
        self._db, self._clock, self._writer, self._by = db, clock, writer, by
        self._window, self._on_change = window, on_change
        self._addresses: dict[str, str] = {}  # normalised, for the district's rows

    def _address(self, address: str) -> str:
        """:func:`normalise_address`, remembered: each pause reads the same district's open
        orders again (:data:`ADDRESSES_KEPT` at most, then forgotten at once)."""
        known = self._addresses.get(address)
        if known is None:
            if len(self._addresses) >= ADDRESSES_KEPT:
                self._addresses.clear()
            known = self._addresses[address] = normalise_address(address)
        return known

    def candidates(
        self,
        *,
        phone: str = "",
        district: str = "",
        kind: str = "",
        address: str = "",
        text: str = "",
        exclude: str = "",
    ) -> list[Candidate]:
        """The likely duplicates of what the intake form holds (any of it may be blank),
        best first; ``exclude``: the order being typed, once saved."""
        self._by.require(Capability.SEE_ORDERS)
        number = normalise_phone(phone) if phone.strip() else None
        probe = Probe(number or "", district.strip(), kind.strip(), address, text, exclude)
        if not (probe.phone or probe.district):
            return []
        with self._db.read() as session:
            found = store.open_by_caller(session, [probe.phone]) if probe.phone else []
            if probe.district:
                wanted = district_wanted(probe, self._address)
                found += store.open_in_district(session, probe.district, wanted=wanted)
        return rank(probe, found, self._clock(), self._window)

    def callers(self, number: str) -> list[Caller]:
        """Everyone to tell the result at feedback: the order's own caller, then each caller
        merged into it, in the order they joined."""
        self._by.require(Capability.SEE_ORDERS)
        with self._db.read() as session:
            stored = repo.get(session, number)
            joined = store.callers(session, stored.id)
        return [stored.order.caller, *(Caller(c.phone, c.name) for c in joined)]

    def merge(self, duplicate: str, into: str, note: str = "") -> Merged:
        """并单: ``duplicate`` closes into ``into``, whose callers it joins. Refused (nothing
        changed) by the roles, by either order's rules (``into`` completed or cancelled:
        ``closed``; ``duplicate`` at the peer: ``not_at_origin``) or ``merge_self``."""
        by = self._by
        by.require(Action.MERGE)
        by.require(Action.MERGED_IN)
        if duplicate.strip() == into.strip():
            raise Refused("merge_self", f"工单 {duplicate} cannot be merged into itself")
        now = self._clock()
        check_clock(now)
        with self._db.write() as session:
            dup, target = repo.get(session, duplicate), repo.get(session, into)
            caller = dup.order.caller
            store.add_caller(
                session,
                target.id,
                store.JoinedCaller(
                    caller.phone, caller.name, dup.order.number, dup.order.created_at, now
                ),
                by.login,
            )
            target = self._writer.act(session, target, Action.MERGED_IN, by, now, note, None, dup.order.number)  # fmt: skip
            dup = self._writer.act(session, dup, Action.MERGE, by, now, note, None, target.order.number)  # fmt: skip
            _count, warned = self._warn(session, target, now)
        self._changed()
        return Merged(dup, target, warned)

    def join(self, into: str, phone: str, name: str = "", note: str = "") -> Joined:
        """并入 at intake: the caller on the line (``phone``, ``name``) joins open order
        ``into``; no order is created. ``note``: what the caller said (the description typed).
        Refused (nothing changed) by the roles, by the order's rules (completed or cancelled:
        ``closed``, here or, later, at the peer that owns it), for a number that is not one
        (``join_no_phone``) or a caller already on the order (``join_same_caller``)."""
        by = self._by
        by.require(Action.MERGED_IN)
        number = normalise_phone(phone) if phone.strip() else None
        if not number:
            raise Refused("join_no_phone")
        now = self._clock()
        check_clock(now)
        with self._db.write() as session:
            target = repo.get(session, into)
            on_it = {
                target.order.caller.phone,
                *(c.phone for c in store.callers(session, target.id)),
            }
            if number in on_it:
                raise Refused("join_same_caller")
            # Unique (``merged_from``): the order, then the how-manyth join, then who (masked).
            n = 1 + sum(1 for e in target.order.timeline if e.action is Action.MERGED_IN)
            reference = f"{into}/来电{n} {mask_phone(number)}"
            store.add_caller(
                session,
                target.id,
                store.JoinedCaller(number, name.strip() or None, reference, now, now),
                by.login,
            )
            target = self._writer.act(session, target, Action.MERGED_IN, by, now, note, None, reference)  # fmt: skip
            count, warned = self._warn(session, target, now)
        self._changed()
        return Joined(target, count, warned)

    def _warn(self, session: Session, target: repo.Stored, now: datetime) -> tuple[int, bool]:
        """The callers of ``target``'s matter within the window, and whether this raised the
        repeated-request warning (once per order)."""
        return warn_repeated(session, target, now, self._window)

    def unmerge(self, duplicate: str, note: str = "") -> Merged:
        """拆单: ``duplicate`` is restored as it was before its merge (with a fresh clock) and
        its caller leaves the order it had joined; both timelines keep every line."""
        by = self._by
        by.require(Action.UNMERGE)
        by.require(Action.SPLIT_OFF)
        now = self._clock()
        check_clock(now)
        with self._db.write() as session:
            dup = repo.get(session, duplicate)
            last = dup.order.timeline[-1]
            if last.action is not Action.MERGE:
                raise Refused("merge_not_merged", f"工单 {duplicate} is not merged")
            into = last.detail
            dup = self._writer.act(session, dup, Action.UNMERGE, by, now, note, None, into)
            target = repo.get(session, into)
            target = self._writer.act(session, target, Action.SPLIT_OFF, by, now, note, None, duplicate)  # fmt: skip
            store.remove_caller(session, dup.order.number)
        self._changed()
        return Merged(dup, target)

    def repeated(self, include_acknowledged: bool = False) -> list[store.Warning]:
        """The repeated-request warnings of this seat's platform, newest first (the shift
        lead's panel; ``see_floor``)."""
        self._by.require(Capability.SEE_FLOOR)
        with self._db.read() as session:
            return store.warnings(
                session, self._by.platform.value, unacknowledged=not include_acknowledged
            )

    def acknowledge(self, warning_id: int) -> bool:
        """The shift lead has seen the warning; False if it was acknowledged already."""
        self._by.require(Capability.SEE_FLOOR)
        now = self._clock()
        with self._db.write() as session:
            done = store.acknowledge(
                session, warning_id, self._by.platform.value, self._by.login, now
            )
        self._changed()
        return done

    def _changed(self) -> None:
        if self._on_change is not None:
            self._on_change()
