"""A seat's outage journal on its own disk: what the agent saved while the database was away.

One SQLite file per seat in the user data dir (``journal/<seat>.sqlite3``, the owner's only:
it holds callers' numbers), WAL with ``synchronous=FULL``: an entry is on disk (the file and its
WAL fsynced) before :meth:`JournalFile.hold` returns, so a ``kill -9`` or a power cut after the
agent saw "held" loses nothing. The folder is fsynced once when the file is made, so the file's
name survives a power cut too. Nothing here touches the console's database: this file is what
the seat keeps while that one is unreachable (``console.services.journal`` owns when and how).

Entries keep the order they were saved in (``seq``). A written entry is deleted in the same
breath as the service learns it was written; one that could not be written (another seat
changed its order meanwhile, a rule refused it) stays, set aside with its reason, until the agent
has seen it.
"""

from __future__ import annotations

import contextlib
import json
import os
import sqlite3
import threading
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any

HELD = "held"  # waiting for the database
ASIDE = "aside"  # not written: the reason says why; the agent sees it
FOLLOW = "follow"  # an entry's kind: a record on an order (a citation…), after the order

_SCHEMA = """
CREATE TABLE IF NOT EXISTS entry (
    seq INTEGER PRIMARY KEY AUTOINCREMENT,
    key TEXT NOT NULL UNIQUE,
    kind TEXT NOT NULL,
    at TEXT NOT NULL,
    login TEXT NOT NULL,
    body TEXT NOT NULL,
    state TEXT NOT NULL DEFAULT 'held',
    reason TEXT NOT NULL DEFAULT ''
)
"""


@dataclass(frozen=True, slots=True)
class Entry:
    seq: int  # the order it was saved in
    key: str  # the idempotency key the database write carries (table intake_key)
    kind: str  # what the service wrote: "create", "step"
    at: datetime  # when the agent saved it: the order keeps this time
    login: str  # who saved it: only they replay it
    body: dict[str, Any]
    state: str = HELD
    reason: str = ""  # why it was set aside (a refusal code)


class JournalFile:
    """Thread-safe: the seat's write thread holds and replays, the GUI thread counts."""

    def __init__(self, path: Path) -> None:
        self.path = path
        made = _make_private(path)
        self._lock = threading.Lock()
        self._conn = sqlite3.connect(path, isolation_level=None, check_same_thread=False)
        self._conn.execute("PRAGMA journal_mode=WAL")
        self._conn.execute("PRAGMA synchronous=FULL")  # every commit fsyncs the WAL
        self._conn.execute(_SCHEMA)
        if made:
            _sync_folder(path.parent)

    def hold(self, key: str, kind: str, at: datetime, login: str, body: dict[str, Any]) -> int:
        """Keep an entry; on disk when this returns. Its ``seq``."""
        text = json.dumps(body, ensure_ascii=False, sort_keys=True)
        with self._lock:
            cur = self._conn.execute(
                "INSERT INTO entry (key, kind, at, login, body) VALUES (?, ?, ?, ?, ?)",
                (key, kind, at.isoformat(), login, text),
            )
            return int(cur.lastrowid or 0)

    def entries(self, state: str = HELD) -> list[Entry]:
        """The entries in ``state``, oldest first."""
        with self._lock:
            rows = self._conn.execute(
                "SELECT seq, key, kind, at, login, body, state, reason FROM entry"
                " WHERE state = ? ORDER BY seq",
                (state,),
            ).fetchall()
        return [
            Entry(seq, key, kind, datetime.fromisoformat(at), login, json.loads(body), st, why)
            for seq, key, kind, at, login, body, st, why in rows
        ]

    def count(self, login: str) -> tuple[int, int, int]:
        """Held by ``login``, held by others at this seat, set aside (``login``'s): orders and
        steps, not the records that follow an order (``FOLLOW``: a citation, a suggestion)."""
        with self._lock:
            mine, others, aside = self._conn.execute(
                "SELECT"
                " COALESCE(SUM(state = 'held' AND login = ?), 0),"
                " COALESCE(SUM(state = 'held' AND login <> ?), 0),"
                " COALESCE(SUM(state = 'aside' AND login = ?), 0) FROM entry"
                " WHERE kind <> ?",
                (login, login, login, FOLLOW),
            ).fetchone()
        return int(mine), int(others), int(aside)

    def waiting(self, login: str) -> bool:
        """Whether anything of ``login``'s is held, records that follow an order included."""
        with self._lock:
            found = self._conn.execute(
                "SELECT 1 FROM entry WHERE state = 'held' AND login = ? LIMIT 1", (login,)
            ).fetchone()
        return found is not None

    def state(self, seq: int) -> str | None:
        """HELD, ASIDE, or None once written (or dismissed)."""
        with self._lock:
            found = self._conn.execute("SELECT state FROM entry WHERE seq = ?", (seq,)).fetchone()
        return None if found is None else str(found[0])

    def resolve(self, label: str, number: str) -> None:
        """The held order ``label`` (暂存-0003) was written as ``number``: the held entries that
        name it (a step, a citation) name the number from now on, so a console killed before
        they are written still knows their order after a restart."""
        with self._lock:
            rows = self._conn.execute(
                "SELECT seq, body FROM entry WHERE state = 'held' AND kind <> 'create'"
            ).fetchall()
            changed = []
            for seq, text in rows:
                body = json.loads(text)
                if body.get("number") == label:
                    body["number"] = number
                    changed.append((json.dumps(body, ensure_ascii=False, sort_keys=True), seq))
            if changed:
                self._conn.execute("BEGIN")
                self._conn.executemany("UPDATE entry SET body = ? WHERE seq = ?", changed)
                self._conn.execute("COMMIT")

    def written(self, seq: int) -> None:
        """The entry is in the database: it goes (the database keeps the order, not this file).

        Not fsynced: a delete a power cut undoes is replayed again, and the key the database
        holds (``intake_key``) makes that replay write nothing. Saves a disk flush per order."""
        with self._lock:
            self._conn.execute("PRAGMA synchronous=NORMAL")
            try:
                self._conn.execute("DELETE FROM entry WHERE seq = ?", (seq,))
            finally:
                self._conn.execute("PRAGMA synchronous=FULL")

    def set_aside(self, seq: int, reason: str) -> None:
        with self._lock:
            self._conn.execute(
                "UPDATE entry SET state = 'aside', reason = ? WHERE seq = ?", (reason, seq)
            )

    def dismiss(self, seq: int) -> None:
        """The agent has dealt with a set-aside entry: it goes."""
        with self._lock:
            self._conn.execute("DELETE FROM entry WHERE seq = ? AND state = 'aside'", (seq,))

    def close(self) -> None:
        """Idempotent: the seat's window closes it when its agent signs out."""
        with self._lock:
            self._conn.close()


def _make_private(path: Path) -> bool:
    """Create the folder (0700) and an empty file (0600) before SQLite opens it; True if new."""
    path.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
    try:
        os.close(os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600))
    except FileExistsError:
        return False
    return True


def _sync_folder(folder: Path) -> None:
    """fsync a folder, so a file just made in it survives a power cut (POSIX; not on Windows)."""
    with contextlib.suppress(OSError):
        fd = os.open(folder, os.O_RDONLY)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)
