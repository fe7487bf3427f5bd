"""Personal data in the orders table: one order's caller, and the callers of orders closed before
a cut-off, read and rewritten in batches (the retention purge, :mod:`console.services.privacy`).

An order counts as closed at its last 办结 or 撤销 event (``ix_order_event_order`` finds it);
orders whose phone is already a pseudonym (``~…``) are skipped, so a purge can be run again,
or resumed after it was stopped, without touching a row twice.

The candidates come from ``ix_work_order_purge`` (migration 0030): only closed orders whose
caller is not yet a pseudonym, by (``created_at``, ``id``), read up to the cut-off — an order
closed before it was created before it. A page is a keyset range of that index, so a run reads
the orders still due (and the few created before the cut-off but closed after it), never the
whole table nor the orders earlier runs purged (they left the index with their new phone).
Its WHERE text is :data:`PURGEABLE_SQL`, the same in the query, or SQLite will not use it.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import bindparam, text
from sqlmodel import Session

from console.domain.order_types import Action
from console.store.tables import PURGEABLE_SQL

_CLOSING = ", ".join(f"'{a.value}'" for a in (Action.COMPLETE, Action.CANCEL))
# The orders a purge rewrites, by (created_at, id) (keyset pages of ix_work_order_purge):
# closed, not yet purged, created and closed before :cutoff.
_DUE = (
    f"FROM work_order o WHERE {PURGEABLE_SQL} AND o.created_at < :cutoff "
    "AND (SELECT max(e.at) FROM order_event e WHERE e.order_id = o.id "
    f"AND e.action IN ({_CLOSING})) < :cutoff"
)


@dataclass(frozen=True, slots=True)
class CallerRow:
    id: int
    phone: str
    name: str | None


# A page's last (created_at, id), as the database gave it back (SQLite: its stored text).
Keyset = tuple[Any, int]


@dataclass(frozen=True, slots=True)
class Page:
    """A page of due orders, and where the next one starts (``after`` of :func:`due_page`)."""

    rows: list[CallerRow]
    last: Keyset | None


def caller(session: Session, number: str) -> tuple[str, str | None] | None:
    """Order ``number``'s caller phone and name as stored, or None if there is no such order."""
    row = session.execute(
        text("SELECT caller_phone, caller_name FROM work_order WHERE number = :number"),
        {"number": number},
    ).first()
    return None if row is None else (str(row[0]), row[1])


def count_due(session: Session, cutoff: datetime) -> int:
    """How many orders a purge with ``cutoff`` would rewrite."""
    found = session.execute(text(f"SELECT count(*) {_DUE}"), {"cutoff": cutoff}).scalar_one()
    return int(found)


def due_page(session: Session, cutoff: datetime, after: Keyset | None, size: int) -> Page:
    """The next ``size`` orders due for the purge, by (creation, id), after ``after`` (the
    previous page's :attr:`Page.last`; None: from the start)."""
    since, params = "", {"cutoff": cutoff, "size": size}
    if after is not None:
        since = "AND (o.created_at, o.id) > (:after_at, :after_id) "
        params |= {"after_at": after[0], "after_id": after[1]}
    rows = session.execute(
        text(f"SELECT o.id, o.caller_phone, o.caller_name, o.created_at {_DUE} {since}"
             "ORDER BY o.created_at, o.id LIMIT :size"),
        params,
    ).all()  # fmt: skip
    last = None if not rows else (rows[-1][3], int(rows[-1][0]))
    return Page([CallerRow(int(r[0]), str(r[1]), r[2]) for r in rows], last)


def replace_callers(
    session: Session, read: Sequence[CallerRow], hidden: Sequence[CallerRow]
) -> int:
    """Write each of ``hidden``'s phone and name over its order's, where the order still holds
    the phone it was ``read`` with (one batched statement); how many orders were rewritten."""
    if not hidden:
        return 0
    statement = text(
        "UPDATE work_order SET caller_phone = :phone, caller_name = :name "
        "WHERE id = :row_id AND caller_phone = :was"
    ).bindparams(bindparam("row_id"))
    params = [
        {"phone": h.phone, "name": h.name, "row_id": h.id, "was": r.phone}
        for r, h in zip(read, hidden, strict=True)
    ]
    return int(session.execute(statement, params).rowcount)  # type: ignore[attr-defined]
