"""Screen pop (来电弹屏): who is calling and what they asked before, the moment a call is answered.

Two indexed reads on ``ix_work_order_caller``: the newest orders, and every still-open one (an
open order older than the newest page must not hide); :attr:`ScreenPop.rows` lists the open
ones first. With the database unreachable (docs/outage.md) the pop still comes, saying so
(:attr:`ScreenPop.unavailable`), listing only the caller's orders the seat holds meanwhile. A frequent caller (高频来电) is one with
``frequent_calls`` or more orders in the last ``frequent_days`` days.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta

from console.domain.intake import normalise_phone
from console.domain.roles import Capability, Seated
from console.services.faults import is_outage
from console.store import orders as repo
from console.store.engine import Database


@dataclass(frozen=True, slots=True)
class ScreenPop:
    phone: str
    history: list[repo.OrderSummary]  # newest first
    open_orders: list[repo.OrderSummary]  # still open, newest first
    recent_count: int  # orders in the frequent-caller window
    frequent: bool
    unavailable: bool = False  # the database could not be reached: no history to show

    @property
    def rows(self) -> list[repo.OrderSummary]:
        """What the pop lists: every open order first (the matters still running, with their
        address), then the closed ones of the history; newest first in each."""
        open_ids = {o.id for o in self.open_orders}
        closed = [o for o in self.history if o.id not in open_ids and not o.status.is_open]
        return [*self.open_orders, *closed]


class ScreenPopService:
    """The screen pop of the principal signed in at one seat (``by``): refused (``not_allowed``)
    unless its roles may see orders."""

    def __init__(
        self,
        db: Database,
        clock: Callable[[], datetime],
        by: Seated,
        history_limit: int = 50,
        frequent_calls: int = 3,
        frequent_days: int = 30,
        forms: Callable[[str], Sequence[str]] | None = None,
        held: Callable[[str], Sequence[repo.OrderSummary]] | None = None,
    ) -> None:
        """``forms``: a number's stored forms (``OrderService.caller_forms``: a purged
        caller's pseudonym too); by default the number alone. ``held``: the caller's new orders
        the seat holds in its outage journal (``JournalService.held_orders``), listed while the
        database is away."""
        self._forms, self._held = forms, held
        self._db = db
        self._clock = clock
        self._by = by
        self._limit = history_limit
        self._frequent_calls = frequent_calls
        self._window = timedelta(days=frequent_days)

    def pop(self, phone: str) -> ScreenPop:
        self._by.require(Capability.SEE_ORDERS)
        number = normalise_phone(phone) or phone
        since = self._clock() - self._window
        forms = (self._forms(phone) if self._forms is not None else ()) or [number]
        try:
            with self._db.read() as session:
                history = repo.caller_history(session, forms, self._limit)
                open_orders = repo.caller_history(session, forms, self._limit, open_only=True)
        except Exception as exc:
            if not is_outage(exc):
                raise
            # The call is answered all the same: the pop says the history cannot be looked up,
            # and lists the caller's orders held on the seat (Enter opens one by its label).
            held = list(self._held(number)) if self._held is not None else []
            return ScreenPop(number, held, held, 0, False, unavailable=True)
        recent = sum(1 for h in history if h.created_at >= since)
        return ScreenPop(number, history, open_orders, recent, recent >= self._frequent_calls)
