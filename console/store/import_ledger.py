"""The numbers of a history file being checked (``orders import``), kept on disk, not in memory:
a number twice in the file, or one the database already holds, is found over the whole file
however large it is (10 M rows need no more memory than 20 k).

A scratch SQLite file in a temporary folder of its own (removed on :meth:`NumberLedger.close`),
no journal, no sync: it only lives while the command runs. Plain ``sqlite3``: it is not the
console's database.
"""

from __future__ import annotations

import sqlite3
import tempfile
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from pathlib import Path
from types import TracebackType


class LedgerFailed(Exception):
    """The scratch file cannot be written (the temporary folder full, or not writable)."""

    def __init__(self, folder: str, why: str) -> None:
        super().__init__(f"{folder}: {why}")
        self.folder, self.why = folder, why


class NumberLedger:
    """Each checked record's (number, line, already in the database), then the repeats.
    Any fault of the scratch file is a :class:`LedgerFailed`, never the console database's."""

    def __init__(self, folder: Path | None = None) -> None:
        where = str(folder or tempfile.gettempdir())
        try:
            self._dir = tempfile.TemporaryDirectory(prefix="orders-import-", dir=folder)
        except OSError as exc:
            raise LedgerFailed(where, exc.strerror or str(exc)) from None
        self._conn = sqlite3.connect(Path(self._dir.name) / "numbers.sqlite3")
        with self._said():
            for pragma in ("journal_mode=OFF", "synchronous=OFF", "temp_store=FILE"):
                self._conn.execute(f"PRAGMA {pragma}")
            self._conn.execute("CREATE TABLE seen (number TEXT NOT NULL, "
                               "line INTEGER NOT NULL, stored INTEGER NOT NULL)")  # fmt: skip

    @contextmanager
    def _said(self) -> Iterator[None]:
        try:
            yield
        except (sqlite3.Error, OSError) as exc:
            raise LedgerFailed(self._dir.name, str(exc)) from None

    def add(self, rows: Iterable[tuple[str, int, bool]]) -> None:
        """(number, line, whether the database already holds it), lines rising."""
        with self._said():
            self._conn.executemany("INSERT INTO seen VALUES (?, ?, ?)", rows)

    def repeats(self) -> Iterator[tuple[int, str, int | None]]:
        """(line, number, the first line with it) for each record whose number an earlier
        record has, and (line, number, None) for the first one of a number the database
        holds; in line order."""
        with self._said():
            conn = self._conn
            conn.execute("CREATE INDEX seen_number ON seen (number, line)")
            yield from conn.execute(
                "SELECT line, number, CASE WHEN line > first THEN first END FROM ("
                "  SELECT line, number, stored, min(line) OVER (PARTITION BY number) AS first"
                "  FROM seen"
                ") WHERE line > first OR stored ORDER BY line"
            )

    def close(self) -> None:
        self._conn.close()
        self._dir.cleanup()

    def __enter__(self) -> NumberLedger:
        return self

    def __exit__(
        self, kind: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        self.close()
