"""Personal data in the orders table: one order's caller, and the callers of orders closed before
a cut-off, read and rewritten in batches (the retention purge, :mod:`console.services.privacy`).

An order counts as closed at its last 办结 or 撤销 event (``ix_order_event_order`` finds it);
orders whose phone is already a pseudonym (``~…``) are skipped, so a purge can be run again,
or resumed after it was stopped, without touching a row twice.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import bindparam, text
from sqlmodel import Session

from console.domain.order_types import TERMINAL, Action
from console.domain.phone import PSEUDONYM

_CLOSED = ", ".join(f"'{s.value}'" for s in sorted(TERMINAL))
_CLOSING = ", ".join(f"'{a.value}'" for a in (Action.COMPLETE, Action.CANCEL))
# The orders a purge rewrites, by id (keyset pages): closed, not yet purged, closed before :cutoff.
_DUE = (
    f"FROM work_order o WHERE o.status IN ({_CLOSED}) AND o.caller_phone NOT LIKE :mark "
    "AND (SELECT max(e.at) FROM order_event e WHERE e.order_id = o.id "
    f"AND e.action IN ({_CLOSING})) < :cutoff"
)


@dataclass(frozen=True, slots=True)
class CallerRow:
    id: int
    phone: str
    name: str | None


def caller(session: Session, number: str) -> tuple[str, str | None] | None:
    """Order ``number``'s caller phone and name as stored, or None if there is no such order."""
    row = session.execute(
        text("SELECT caller_phone, caller_name FROM work_order WHERE number = :number"),
        {"number": number},
    ).first()
    return None if row is None else (str(row[0]), row[1])


def count_due(session: Session, cutoff: datetime) -> int:
    """How many orders a purge with ``cutoff`` would rewrite."""
    found = session.execute(
        text(f"SELECT count(*) {_DUE}"), {"mark": PSEUDONYM + "%", "cutoff": cutoff}
    ).scalar_one()
    return int(found)


def due_page(session: Session, cutoff: datetime, after: int, size: int) -> list[CallerRow]:
    """The next ``size`` orders due for the purge with an id above ``after``, by id."""
    rows = session.execute(
        text(f"SELECT o.id, o.caller_phone, o.caller_name {_DUE} AND o.id > :after "
             "ORDER BY o.id LIMIT :size"),
        {"mark": PSEUDONYM + "%", "cutoff": cutoff, "after": after, "size": size},
    ).all()  # fmt: skip
    return [CallerRow(int(r[0]), str(r[1]), r[2]) for r in rows]


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
