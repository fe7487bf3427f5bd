"""The repeated-request warning (重复诉求预警): raised once per order when the callers of its
matter reach :data:`~console.domain.duplicates.REPEATED_CALLERS` within the site's window
(``[duplicates] window_h``). Taken when a caller joins an order here (``DuplicateService``) and
when a caller who joined at the peer arrives (``exchange_receiver``), so the owner's shift lead
sees it whichever platform the caller reached. No Qt here.
"""

from __future__ import annotations

from datetime import datetime, timedelta

from sqlmodel import Session

from console.domain.duplicates import REPEATED_CALLERS, repeated
from console.store import duplicates as store
from console.store import orders as repo

DEFAULT_WINDOW = timedelta(hours=72)


def warn_repeated(
    session: Session, target: repo.Stored, now: datetime, window: timedelta
) -> tuple[int, bool]:
    """The callers of ``target``'s matter within ``window``, and whether this raised its
    warning (once per order; for the order's owner's shift lead)."""
    order = target.order
    calls = [(order.caller.phone, order.created_at)]
    calls += [(c.phone, c.called_at) for c in store.callers(session, target.id)]
    count = repeated(calls, now, window)
    warned = count >= REPEATED_CALLERS and store.raise_warning(
        session, target.id, order.number, order.owner.value, count, now
    )
    return count, warned
