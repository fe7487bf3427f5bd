"""The queues an agent works from (待签收, 我的, 本平台在办, 全部), a page at a time.

The UI reads pages through :class:`QueueService` and names queries with the types re-exported
here; it never reaches into the store (import-linter's contract in pyproject.toml).
"""

from __future__ import annotations

from collections.abc import Sequence

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
    def __init__(self, db: Database) -> None:
        self._db = db

    def read_page(self, query: QueueQuery, after: Cursor | None, limit: int) -> Page:
        """One page of ``query`` after ``after`` (keyset paging), in a read session of its own."""
        return read_page(self._db, query, after, limit)

    def count(self, queries: Sequence[QueueQuery]) -> list[int]:
        """How many orders each unsearched queue holds (index-only counts, one read session)."""
        return count_queues(self._db, queries)
