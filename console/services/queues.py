"""The queues an agent works from (待签收, 我的, 本平台在办, 全部), a page at a time.

The UI reads pages through :class:`QueueService` and names queries with the types re-exported
here; it never reaches into the store (import-linter's contract in pyproject.toml).
"""

from __future__ import annotations

from collections.abc import Sequence

from console.domain.roles import Capability, Seated
from console.store.engine import Database
from console.store.queues import (
    Cursor,
    Page,
    QueueKind,
    QueueQuery,
    QueueRow,
    QueueSort,
    count_queues,
    read_page,
)

__all__ = ["Cursor", "Page", "QueueKind", "QueueQuery", "QueueRow", "QueueService", "QueueSort"]


class QueueService:
    """The queues of the principal signed in at one seat (``by``): refused (``not_allowed``)
    unless its roles may see orders."""

    def __init__(self, db: Database, by: Seated) -> None:
        self._db = db
        self._by = by

    def read_page(self, query: QueueQuery, after: Cursor | None, limit: int) -> Page:
        """One page of ``query`` after ``after`` (keyset paging), in a read session of its own."""
        self._by.require(Capability.SEE_ORDERS)
        return read_page(self._db, query, after, limit)

    def count(self, queries: Sequence[QueueQuery]) -> list[int]:
        """How many orders each unsearched queue holds (the totals the database keeps, one read)."""
        return count_queues(self._db, queries)
