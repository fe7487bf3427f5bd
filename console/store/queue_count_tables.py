"""The queues' totals, kept (migration 0026): what each queue tab counts, as counters that the
database keeps in the same transaction as every change to an order.

At 10 M orders counting the rows took 0.7 s every 3 s per seat (BENCHMARKS.md, "Queue totals
kept"): the open queue's count walked millions of index entries and "all orders" is the whole
table. Now triggers on ``work_order`` (insert, update, delete) add each row's change to
``queue_count`` whichever code wrote it — the order writer, the exchange receiver's batch, the
journal's write-back, orders import, demo data, a split's delete, a test's raw ``UPDATE`` — and
a tab's total is a read of a few rows.

:data:`COUNTED` declares what is counted: each counter is a queue, a scope (a platform, a
seat, or origin and seat) and the condition an order meets to be in it. The migration's
triggers and backfill are a frozen copy of it; :func:`console.store.queue_counts.recount`
counts the orders by it, for the proof that the kept counts equal a recount.

A counter's total is the sum of its rows: on SQLite one row (``part`` 0; one writer at a time).
On PostgreSQL each server backend adds to its own row (``part`` = its process id), so seats
writing at once never wait for each other's counter row nor deadlock over two of them; the
rows of backends that have gone are folded into ``part`` 0 by
:func:`console.store.queue_counts.compact`.
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import BigInteger
from sqlmodel import Field, SQLModel

from console.store.tables import FED_BACK_SQL, OPEN_SQL, TRANSFERRED_SQL


@dataclass(frozen=True, slots=True)
class Counted:
    """One counter: ``scope`` and ``where`` are SQL over the order table, its columns written
    ``{r}.column`` (the row's alias, or NEW / OLD in a trigger). ``where`` empty: every order
    (counted without WHERE or GROUP BY, which SQLite answers from its smallest index)."""

    queue: str
    scope: str
    where: str


def _of(row_sql: str) -> str:
    """A queue index's WHERE text with its columns prefixed ``{r}.``."""
    return row_sql.replace("status", "{r}.status")


ALL = "all"  # every order (the 全部 tab)
OPEN = "open"  # open orders by owner (本平台未办结)
TRANSFERRED = "transferred"  # awaiting sign-for by owner (待签收)
FED_BACK = "fed_back"  # fed back, waiting for the origin's 办结, by origin
SEAT_OPEN = "seat_open"  # open orders by seat (我的)
SEAT_FED_BACK = "seat_fed_back"  # fed back, by origin and seat: "origin/seat"

COUNTED = (
    Counted(ALL, "''", ""),
    Counted(OPEN, "{r}.owner", _of(OPEN_SQL)),
    Counted(TRANSFERRED, "{r}.owner", _of(TRANSFERRED_SQL)),
    Counted(FED_BACK, "{r}.origin", _of(FED_BACK_SQL)),
    Counted(SEAT_OPEN, "{r}.seat", "{r}.seat IS NOT NULL AND " + _of(OPEN_SQL)),
    Counted(
        SEAT_FED_BACK,
        "{r}.origin || '/' || {r}.seat",
        "{r}.seat IS NOT NULL AND " + _of(FED_BACK_SQL),
    ),
)


def seat_scope(origin: str, seat: str) -> str:
    """The scope of a ``SEAT_FED_BACK`` counter (its SQL in :data:`COUNTED`)."""
    return f"{origin}/{seat}"


class QueueCountRow(SQLModel, table=True):
    __tablename__ = "queue_count"
    queue: str = Field(primary_key=True)
    scope: str = Field(primary_key=True)
    part: int = Field(default=0, primary_key=True)  # PostgreSQL: the writing backend's pid
    n: int = Field(default=0, sa_type=BigInteger)
