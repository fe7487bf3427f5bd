"""The simulated partner desk (模拟联动单位值班台): the demo's and the tests' channel.

Every partner whose channel is ``simulated`` is "reached" here. The desk keeps each key it was
handed (a key handed again is :attr:`Handover.DUPLICATE`) and decides, from the key and the
seed alone, how that partner answers an ask: after a random delay between ``min_delay_s`` and
``max_delay_s``, never (a ``never_share`` of asks), or with a refusal (a ``refuse_share`` of
those that answer). The same seed and key always give the same answer, whatever the order
notifications arrive in. :meth:`SimulatedDesk.answers` returns the answers whose time has come
by the desk's clock (tests drive a :class:`~console.scheduling.clock.FakeClock`).

Given a file, the desk is durable: every key it accepts is committed to a small SQLite file
before :meth:`~SimulatedDesk.send` returns, so a kill -9 test can read with :func:`read_desk`
which keys reached the desk, how often each was handed over, and whether any partner got two
keys for one notification. After a restart every answer already due is returned once more
(answers are "at least once"; recording one twice is harmless).
"""

from __future__ import annotations

import logging
import random
import sqlite3
import threading
import uuid
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path

from console.scheduling.clock import Clock
from console.services.partner_notifier import Answer, ChannelDown, Handover, Notification

log = logging.getLogger(__name__)

_SCHEMA = """
CREATE TABLE IF NOT EXISTS received (
    key TEXT PRIMARY KEY,
    incident TEXT NOT NULL,
    partner TEXT NOT NULL,
    address TEXT NOT NULL,
    kind TEXT NOT NULL,
    level TEXT NOT NULL,
    received_at TEXT NOT NULL,
    handed INTEGER NOT NULL DEFAULT 1,   -- how often the key was handed over (1 + duplicates)
    answer_at TEXT,                      -- NULL: this partner never answers
    refused INTEGER NOT NULL DEFAULT 0,
    answer_by TEXT NOT NULL DEFAULT '',
    out_run TEXT                         -- the desk run that last returned the answer
);
CREATE INDEX IF NOT EXISTS received_answer_at ON received (answer_at);
"""


@dataclass(frozen=True, slots=True)
class DeskBehaviour:
    """How the simulated partners answer (the site's ``[emergency] sim_*`` settings)."""

    min_delay_s: float = 20.0
    max_delay_s: float = 180.0
    never_share: float = 0.1  # of asks: never answered
    refuse_share: float = 0.05  # of the asks answered: refused
    seed: int = 0

    def __post_init__(self) -> None:
        if not 0 <= self.min_delay_s <= self.max_delay_s:
            raise ValueError(
                f"delays {self.min_delay_s}..{self.max_delay_s} s: need 0 <= min <= max"
            )
        for share in (self.never_share, self.refuse_share):
            if not 0.0 <= share <= 1.0:
                raise ValueError(f"share {share} must be from 0 to 1")


@dataclass(frozen=True, slots=True)
class DeskRecord:
    """One key the desk accepted (read back by :func:`read_desk`)."""

    key: str
    incident_number: str
    partner_code: str
    kind: str
    level: str
    received_at: datetime
    handed: int  # 1 + the times the same key was handed again (each a DUPLICATE)
    answer_at: datetime | None
    refused: bool


def _stamp(at: datetime) -> str:
    """A UTC instant as text that sorts like the instant."""
    return at.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%S.%f")


def _instant(text: str) -> datetime:
    return datetime.strptime(text, "%Y-%m-%dT%H:%M:%S.%f").replace(tzinfo=UTC)


class SimulatedDesk:
    """A :class:`~console.services.partner_notifier.PartnerNotifier`. ``path`` None: kept in
    memory only. ``refuse_addresses``: addresses the desk can never deliver to (a blank one
    never is either). Thread-safe."""

    def __init__(
        self,
        clock: Clock,
        behaviour: DeskBehaviour | None = None,
        path: Path | None = None,
        refuse_addresses: frozenset[str] = frozenset(),
    ) -> None:
        self._clock = clock
        self.behaviour = behaviour or DeskBehaviour()
        self._refuse = refuse_addresses
        self._run = uuid.uuid4().hex  # answers returned by an earlier run are returned again
        self._lock = threading.Lock()
        self._reachable = True
        if path is not None:
            path.parent.mkdir(parents=True, exist_ok=True)
        self._db = sqlite3.connect(
            ":memory:" if path is None else str(path), timeout=10.0, check_same_thread=False,
            isolation_level=None,
        )  # fmt: skip
        self._db.execute("PRAGMA synchronous = FULL")  # committed means on disk
        self._db.executescript(_SCHEMA)

    def close(self) -> None:
        with self._lock:
            self._db.close()

    def set_reachable(self, reachable: bool) -> None:
        """Take the desk off the network (every call raises ChannelDown) or bring it back."""
        self._reachable = reachable

    def send(self, notification: Notification) -> Handover:
        n = notification
        with self._lock:
            self._check_reachable()
            if not n.address.strip() or n.address in self._refuse:
                log.warning("simulated desk: no partner at address %r (%s)", n.address, n.key)
                return Handover.REFUSED
            self._db.execute("BEGIN IMMEDIATE")
            try:
                bumped = self._db.execute(
                    "UPDATE received SET handed = handed + 1 WHERE key = ?", (n.key,)
                ).rowcount
                if not bumped:
                    answer_at, refused = self._decide(n)
                    self._db.execute(
                        "INSERT INTO received (key, incident, partner, address, kind, level,"
                        " received_at, answer_at, refused, answer_by)"
                        " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                        (n.key, n.incident_number, n.partner_code, n.address, n.kind.value,
                         n.level.value, _stamp(self._clock.now()),
                         None if answer_at is None else _stamp(answer_at), int(refused),
                         f"{n.partner_code} 值班员"),
                    )  # fmt: skip
                self._db.execute("COMMIT")
            except BaseException:
                self._db.execute("ROLLBACK")
                raise
        return Handover.DUPLICATE if bumped else Handover.ACCEPTED

    def _decide(self, n: Notification) -> tuple[datetime | None, bool]:
        """When and how this partner answers: a function of the seed and the key only."""
        if not n.kind.expects_ack:
            return None, False
        b = self.behaviour
        draw = random.Random(f"{b.seed}/{n.key}")
        if draw.random() < b.never_share:
            return None, False
        delay = draw.uniform(b.min_delay_s, b.max_delay_s)
        refused = draw.random() < b.refuse_share
        return self._clock.now() + timedelta(seconds=delay), refused

    def answer_now(self, key: str, refused: bool = False, by: str = "") -> None:
        """The partner answers ``key`` now (the demo's hand on the desk; tests)."""
        with self._lock:
            self._db.execute(
                "UPDATE received SET answer_at = ?, refused = ?,"
                " answer_by = CASE WHEN ? = '' THEN answer_by ELSE ? END, out_run = NULL"
                " WHERE key = ?",
                (_stamp(self._clock.now()), int(refused), by, by, key),
            )

    def answers(self) -> list[Answer]:
        with self._lock:
            self._check_reachable()
            rows = self._db.execute(
                "SELECT key, answer_at, answer_by, refused FROM received"
                " WHERE answer_at <= ? AND (out_run IS NULL OR out_run != ?) ORDER BY answer_at",
                (_stamp(self._clock.now()), self._run),
            ).fetchall()
            if rows:
                self._db.executemany(
                    "UPDATE received SET out_run = ? WHERE key = ?",
                    [(self._run, key) for key, *_ in rows],
                )
        return [
            Answer(key=key, at=_instant(at), by=by, refused=bool(refused),
                   note="模拟值班台：拒绝" if refused else "模拟值班台：已收到")
            for key, at, by, refused in rows
        ]  # fmt: skip

    def records(self) -> list[DeskRecord]:
        with self._lock:
            return _records(self._db)

    def _check_reachable(self) -> None:
        if not self._reachable:
            raise ChannelDown("the simulated partner desk is unreachable")


def read_desk(path: Path) -> list[DeskRecord]:
    """Every key a durable desk ever accepted, in the order received (for the kill -9 test)."""
    db = sqlite3.connect(f"file:{path}?mode=ro", uri=True, timeout=10.0)
    try:
        return _records(db)
    finally:
        db.close()


def _records(db: sqlite3.Connection) -> list[DeskRecord]:
    rows = db.execute(
        "SELECT key, incident, partner, kind, level, received_at, handed, answer_at, refused"
        " FROM received ORDER BY received_at, rowid"
    ).fetchall()
    return [
        DeskRecord(key, incident, partner, kind, level, _instant(received), handed,
                   None if answer is None else _instant(answer), bool(refused))
        for key, incident, partner, kind, level, received, handed, answer, refused in rows
    ]  # fmt: skip
