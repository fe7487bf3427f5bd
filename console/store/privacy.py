"""Personal data in the orders table: one order's caller, and the callers of orders closed before
a cut-off, read and rewritten in batches (the retention purge, :mod:`console.services.privacy`).

An order counts as closed at its last 办结, 撤销 or 并单 event (``ix_order_event_order`` finds
it): a duplicate merged into another order is 已撤销 with the line 并单 (so in the index below);
one unmerged (拆单) is open again and out of it until it closes anew. Orders whose phone is
already a pseudonym (``~…``) are skipped, so a purge can be run again, or resumed after it was
stopped, without touching a row twice.

The candidates come from ``ix_work_order_purge`` (migration 0030): only closed orders whose
caller is not yet a pseudonym, by (``created_at``, ``id``), read up to the cut-off — an order
closed before it was created before it. A page is a keyset range of that index, so a run reads
the orders still due (and the few created before the cut-off but closed after it), never the
whole table nor the orders earlier runs purged (they left the index with their new phone).
Its WHERE text is :data:`PURGEABLE_SQL`, the same in the query, or SQLite will not use it.

A due order's callers kept beside it go with it: those merged into it (``order_caller``: phone
and name) and those told its result (``caller_told``: phone). :func:`joined` reads a page's,
:func:`replace_joined` rewrites them in the order's transaction, only where the order now holds
its pseudonym (its own rewrite happened), so an order left for the next run leaves them too.
Those of orders purged before they went with them are found by :func:`stray_page` (a walk of
the two tables by key, the orders looked up by theirs) and rewritten by :func:`replace_strays`.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import bindparam, select, text
from sqlmodel import Session

from console.domain.order_types import TERMINAL, Action
from console.store.duplicate_tables import CallerToldRow, OrderCallerRow
from console.store.tables import PURGEABLE_SQL

# 办结, 撤销 and 并单 (the duplicate closes, 已撤销, into the order it joined).
_CLOSING = ", ".join(f"'{a.value}'" for a in (Action.COMPLETE, Action.CANCEL, Action.MERGE))
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


@dataclass(frozen=True, slots=True)
class JoinedRow:
    """A caller of order ``order_id`` kept in ``order_caller`` (merged in: phone and name) or
    ``caller_told`` (told the result: phone, ``name`` None)."""

    id: int
    order_id: int
    phone: str
    name: str | None = None


@dataclass(frozen=True, slots=True)
class Joined:
    """A page's callers kept beside its orders, not yet pseudonyms."""

    merged: list[JoinedRow]
    told: list[JoinedRow]


_MERGED = OrderCallerRow.__table__  # type: ignore[attr-defined]
_TOLD = CallerToldRow.__table__  # type: ignore[attr-defined]
_IDS = 5_000  # order ids per IN list (SQLite's bound-parameter limit is 32,766)
# Only where the order now holds the pseudonym it was given in this transaction; a told row
# only if its order has no row for that pseudonym yet (ux_caller_told_order_phone).
_ORDER_HIDDEN = (
    "AND order_id = :order_id AND EXISTS (SELECT 1 FROM work_order o "
    "WHERE o.id = :order_id AND o.caller_phone = :order_phone)"
)
_REPLACE_MERGED = (
    "UPDATE order_caller SET phone = :phone, name = :name "
    f"WHERE id = :row_id AND phone = :was {_ORDER_HIDDEN}"
)
_REPLACE_TOLD = (
    "UPDATE caller_told SET phone = :phone "
    f"WHERE id = :row_id AND phone = :was {_ORDER_HIDDEN} AND NOT EXISTS "
    "(SELECT 1 FROM caller_told t WHERE t.order_id = :order_id AND t.phone = :phone)"
)


# Callers kept beside an order an earlier purge rewrote alone (before they went with it): its
# caller a pseudonym, closed before :cutoff; theirs not yet. Read by their table's key.
_CLOSED = ", ".join(f"'{s.value}'" for s in sorted(TERMINAL))
_PURGED_EARLIER = (
    "c.phone NOT LIKE '~%' AND EXISTS (SELECT 1 FROM work_order o WHERE o.id = c.order_id "
    f"AND o.status IN ({_CLOSED}) AND o.caller_phone LIKE '~%' "
    "AND (SELECT max(e.at) FROM order_event e WHERE e.order_id = o.id "
    f"AND e.action IN ({_CLOSING})) < :cutoff)"
)
JOINED_TABLES = ("order_caller", "caller_told")


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


def joined(session: Session, order_ids: Sequence[int]) -> Joined:
    """The callers merged into and told about ``order_ids`` whose phone is not yet a pseudonym
    (``ix_order_caller_order``, ``ux_caller_told_order_phone``)."""
    merged: list[JoinedRow] = []
    told: list[JoinedRow] = []
    for start in range(0, len(order_ids), _IDS):
        ids = list(order_ids[start : start + _IDS])
        c, t = _MERGED.c, _TOLD.c
        found = select(c.id, c.order_id, c.phone, c.name).where(
            c.order_id.in_(ids), c.phone.not_like("~%")
        )
        merged += [JoinedRow(int(r[0]), int(r[1]), str(r[2]), r[3]) for r in session.execute(found)]
        found = select(t.id, t.order_id, t.phone).where(t.order_id.in_(ids), t.phone.not_like("~%"))
        told += [JoinedRow(int(r[0]), int(r[1]), str(r[2])) for r in session.execute(found)]
    return Joined(merged, told)


def replace_joined(
    session: Session, read: Joined, hidden: Joined, order_phones: dict[int, str]
) -> None:
    """Write ``hidden``'s callers over those ``read``, where the row still holds the phone it
    was read with and its order holds its pseudonym ``order_phones[order_id]`` (written by
    :func:`replace_callers` in this transaction: an order left alone leaves its callers)."""
    for statement, was, now, named in (
        (_REPLACE_MERGED, read.merged, hidden.merged, True),
        (_REPLACE_TOLD, read.told, hidden.told, False),
    ):
        params = [
            {"phone": h.phone, "row_id": h.id, "was": r.phone, "order_id": r.order_id,
             "order_phone": order_phones[r.order_id]} | ({"name": h.name} if named else {})
            for r, h in zip(was, now, strict=True)
            if r.order_id in order_phones
        ]  # fmt: skip
        if params:
            session.execute(text(statement).bindparams(bindparam("row_id")), params)


def stray_page(
    session: Session, table: str, cutoff: datetime, after: int, size: int
) -> list[JoinedRow]:
    """The next ``size`` callers in ``table`` (one of :data:`JOINED_TABLES`), by id after
    ``after``, of orders purged earlier without them (closed before ``cutoff``)."""
    name = "c.name" if table == "order_caller" else "NULL"
    rows = session.execute(
        text(f"SELECT c.id, c.order_id, c.phone, {name} FROM {table} c "
             f"WHERE c.id > :after AND {_PURGED_EARLIER} ORDER BY c.id LIMIT :size"),
        {"cutoff": cutoff, "after": after, "size": size},
    ).all()  # fmt: skip
    return [JoinedRow(int(r[0]), int(r[1]), str(r[2]), r[3]) for r in rows]


def replace_strays(
    session: Session, table: str, read: Sequence[JoinedRow], hidden: Sequence[JoinedRow]
) -> int:
    """Write ``hidden`` over the :func:`stray_page` rows ``read`` of ``table`` that still hold
    the phone they were read with; how many were rewritten."""
    if not hidden:
        return 0
    if table == "order_caller":
        sets, unique = "phone = :phone, name = :name", ""
    else:
        sets = "phone = :phone"
        unique = ("AND NOT EXISTS (SELECT 1 FROM caller_told t "
                  "WHERE t.order_id = :order_id AND t.phone = :phone)")  # fmt: skip
    statement = text(
        f"UPDATE {table} SET {sets} WHERE id = :row_id AND phone = :was {unique}"
    ).bindparams(bindparam("row_id"))
    params = [
        {"phone": h.phone, "row_id": h.id, "was": r.phone}
        | ({"name": h.name} if table == "order_caller" else {"order_id": r.order_id})
        for r, h in zip(read, hidden, strict=True)
    ]
    return int(session.execute(statement, params).rowcount)  # type: ignore[attr-defined]
