"""The orders a seat read this session, kept to show while the database is away (issue 18).

An agent in an outage works from what they last saw: the order they had open a minute ago must
open again, not fail with "could not load". :class:`ReadCopies` keeps the last copy of each
order the seat read (and the caller's other orders read with it), the last :data:`KEPT` by last
use — in memory only: personal data must not pile up on a seat's disk, and the copies go with
the agent's sign-out. While the database is away (a read, a write or the health check found it
unreachable: :func:`~console.services.faults.is_outage`) an order is given from its copy, with
the time it was read, without trying the database (no connect timeout per order opened); an
order never read here is refused ``not_read_here`` (not "no such order"). Once the database
answers again (the health check, or any read that succeeds) orders are read fresh as usual.

One per seat's journal (``JournalService`` owns it and applies the agent's held steps to what
it gives): no module state, safe to call from the read threads.
"""

from __future__ import annotations

import threading
from collections import OrderedDict
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from datetime import datetime

from console.domain.orders import WorkOrder
from console.domain.refusals import Refused
from console.services.faults import is_outage
from console.store.orders import OrderSummary

KEPT = 200  # orders kept by last use: a shift's worth of re-opened orders, a few MB at most


class NotReadHere(Refused):
    """The database is away and this seat holds no copy of the order (not read this session)."""

    def __init__(self, number: str) -> None:
        super().__init__("not_read_here", f"{number}: not read at this seat", number=number)


@dataclass(frozen=True, slots=True)
class Copy:
    """An order as this seat last read it from the database."""

    order: WorkOrder
    at: datetime  # when it was read
    related: tuple[OrderSummary, ...] | None = None  # its caller's other orders read with it


class ReadCopies:
    """``on_away()`` is called when a read finds the database unreachable (the journal then
    holds the seat's writes without trying it first, as it does after a failed write)."""

    def __init__(
        self, clock: Callable[[], datetime], on_away: Callable[[], None], size: int = KEPT
    ) -> None:
        self._clock, self._on_away, self._size = clock, on_away, size
        self._kept: OrderedDict[str, Copy] = OrderedDict()
        self._lock = threading.Lock()
        self.away = False  # the last contact with the database found it unreachable

    def order(self, number: str, read: Callable[[str], WorkOrder]) -> tuple[WorkOrder, Copy | None]:
        """Order ``number`` by ``read`` (kept, the time with it) and None; or, the database away,
        its last copy and that copy. Raises :class:`NotReadHere` when away and none is kept;
        anything else ``read`` raises, as it does."""
        if self.away and (kept := self._get(number)) is not None:
            return kept.order, kept
        try:
            order = read(number)
        except Exception as exc:
            if not is_outage(exc):
                raise
            self.away = True
            self._on_away()
            kept = self._get(number)
            if kept is None:
                raise NotReadHere(number) from exc
            return kept.order, kept
        self.away = False
        self._put(number, Copy(order, self._clock()))
        return order, None

    def related(
        self, number: str, phone: str, read: Callable[[str], Sequence[OrderSummary]]
    ) -> tuple[OrderSummary, ...] | None:
        """The caller's orders (by ``read(phone)``), kept with the copy of order ``number``;
        the database away: those read with that copy, or None (unavailable)."""
        if not self.away:
            try:
                found = tuple(read(phone))
            except Exception as exc:
                if not is_outage(exc):
                    raise
                self.away = True
                self._on_away()
            else:
                with self._lock:
                    if (kept := self._kept.get(number)) is not None:
                        self._kept[number] = replace(kept, related=found)
                return found
        kept = self._get(number)
        return kept.related if kept is not None else None

    def back(self) -> None:
        """The health check found the database answering: the next order is read fresh."""
        self.away = False

    def lost(self) -> None:
        """A write found the database unreachable: orders come from their copies until back."""
        self.away = True

    def clear(self) -> None:
        """The agent signed out: nothing of what they read stays."""
        with self._lock:
            self._kept.clear()

    def _get(self, number: str) -> Copy | None:
        with self._lock:
            kept = self._kept.get(number)
            if kept is not None:
                self._kept.move_to_end(number)  # used: the last to be forgotten
            return kept

    def _put(self, number: str, copy: Copy) -> None:
        with self._lock:
            self._kept.pop(number, None)
            self._kept[number] = copy  # the newest: the last to be forgotten
            while len(self._kept) > self._size:
                self._kept.popitem(last=False)  # the least recently used
