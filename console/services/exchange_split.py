"""The upgrade from one shared database to two systems: one platform's part of a shared
database copied into that platform's own new database (docs/upgrade-two-systems.md).

What the moving platform (say 110) gets, in one transaction on the new database:

- every order it has a part in — it created it or holds it (``origin``/``owner``), took a step
  on it, or the order was ever transferred (a transfer always goes between the two platforms;
  the linked orders of 联动110派警 are transferred as they are made) — with its whole timeline,
  its alarm rows as they stand (pending, raised, acknowledged, resolved: the deadlines run on
  where they were) and its own seats' transfer requests (a seat's retried or pending request
  finds its key there);
- its accounts (they sign in on their own system now), its seats' agent states (the seat
  board) and wrap-up records (the report), its order numbering (``order_sequence``), and the
  catalogues as the site has them (kinds, fields, districts, the directory: orders name them);
- a fresh audit trail (its own key) whose first row records the split; and an empty outbox
  and inbox.

What the shared database (now the other platform's) keeps: everything of the other platform,
and every order both have a part in — so an order transferred before the split exists on both
sides afterwards, and its next step travels as a message (``exchange_outbox.travels``: its
timeline holds a transfer) that the other side accepts as sequence 1, both outboxes being
empty. What belongs to the moving platform alone — its orders never transferred, its accounts,
agent states and wrap-up records — is removed from it, after the new database holds it
(PIPL art. 6 and 19: the other agency has no purpose for it; the backup taken before the split
keeps the history). ``keep_moved`` keeps them instead. Its audit trail keeps its chain and
gains a row recording the split.

A database is split once: one whose audit trail records a split, or whose exchange tables
hold messages (already a platform's own), is refused, and so is a target that holds orders,
accounts, audit rows or agent states. No Qt here.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass, replace
from pathlib import Path

from sqlalchemy.engine import make_url
from sqlmodel import Session

from console.domain.audit import AuditAction, AuditEntry
from console.domain.orders import Action, Platform
from console.domain.roles import Role
from console.services.audit import AuditTrail
from console.store import exchange_split as sql
from console.store.engine import Database, make_engine
from console.store.setup import init_db

Progress = Callable[[int, int], None]  # (orders read so far, orders in the shared database)
TRANSFER = Action.TRANSFER.value
ADMIN = Role.ADMIN.value


_HELD = {"work_order": "orders", "account": "accounts", "audit": "audit rows",
         "agent_state": "agent states"}  # fmt: skip


class SplitRefused(Exception):
    """The split cannot go ahead; the message (one line) says why and what to do."""


def has_part(platform: str, origin: str, owner: str, steps: Iterable[tuple[str, str]]) -> bool:
    """Whether ``platform`` has a part in an order: it created it or holds it, took one of its
    ``steps`` (platform, action), or the order was transferred (between the two, always)."""
    return (
        origin == platform
        or owner == platform
        or any(p == platform or a == TRANSFER for p, a in steps)
    )


@dataclass(frozen=True, slots=True)
class SplitCounts:
    """What a split copies (or, dry, would copy) to the moving ``platform``'s database."""

    platform: str
    orders_shared: int = 0  # on both sides afterwards
    orders_moved: int = 0  # the moving platform's alone: copied, then removed unless kept
    events: int = 0
    alarms: int = 0
    transfer_requests: int = 0
    accounts: int = 0
    agent_states: int = 0
    dispositions: int = 0
    orders_read: int = 0
    admins: int = 0  # enabled 系统管理员 accounts among the accounts copied
    removed: bool = False  # the moved rows were removed from the shared database
    seconds: float = 0.0

    @property
    def orders(self) -> int:
        return self.orders_shared + self.orders_moved

    def sentence(self) -> str:
        """The counts in one line (the audit rows' detail, the command's report)."""
        return (
            f"{self.orders:,} orders ({self.orders_shared:,} shared, {self.orders_moved:,} "
            f"{self.platform} only), {self.events:,} events, {self.alarms:,} alarms, "
            f"{self.transfer_requests:,} transfer requests, {self.accounts:,} accounts, "
            f"{self.agent_states:,} agent states, {self.dispositions:,} wrap-up records"
        )


@dataclass(frozen=True, slots=True)
class Copied:
    """Stage 1 done: the counts, and the ids of the orders the moving platform alone had."""

    counts: SplitCounts
    moved: tuple[int, ...]


def same_database(a: str, b: str) -> bool:
    """Whether two URLs name the same database (a SQLite file by its resolved path)."""
    ua, ub = make_url(a), make_url(b)
    if ua.get_backend_name() != ub.get_backend_name():
        return False
    if ua.get_backend_name() == "sqlite":
        return Path(ua.database or "").resolve() == Path(ub.database or "").resolve()
    return (ua.host, ua.port, ua.database) == (ub.host, ub.port, ub.database)


def check_target(url: str, source_url: str) -> None:
    """Refuse a target that is the shared database itself or already holds data."""
    if same_database(url, source_url):
        raise SplitRefused("--to names the shared database itself: give a new, empty database")
    parsed = make_url(url)
    if parsed.get_backend_name() == "sqlite" and not Path(parsed.database or "").exists():
        return  # a file not there yet: empty (opening it would make it)
    engine = make_engine(url)
    try:
        used = sql.rows_in_use(engine)
    finally:
        engine.dispose()
    if used:
        held = ", ".join(f"{n:,} {_HELD.get(t, t)}" for t, n in used.items())
        raise SplitRefused(
            f"the target database is not empty ({held}): a split goes into a new, empty "
            "database; if an earlier split into it stopped half-way, drop and recreate it"
        )


def open_target(url: str, source_url: str) -> Database:
    """The new database (checked, then migrated and seeded by init-db's own path)."""
    check_target(url, source_url)
    db, _ = init_db(url)
    return db


class Split:
    """Splits ``platform`` off the shared database ``source``."""

    def __init__(self, source: Database, platform: Platform, batch: int = 5_000) -> None:
        self._source, self._platform, self._batch = source, platform, batch
        self._me, self._other = platform.value, platform.peer.value

    def check(self) -> None:
        """Refuse a database that was split already or already exchanges messages."""
        with self._source.read() as session:
            done = sql.split_rows(session, AuditAction.PLATFORM_SPLIT.value)
            held = sql.messages(session)
        if done:
            at, detail = done[-1]
            raise SplitRefused(
                f"this database was split already ({detail.split(':')[0]}, {at:%Y-%m-%d %H:%M} "
                "UTC); to split again, restore the backup taken before it"
            )
        if held:
            raise SplitRefused(
                f"this database's exchange holds {held:,} messages: it is already one "
                "platform's own database, not a shared one"
            )

    def count(self, progress: Progress | None = None) -> SplitCounts:
        """What :meth:`run` would copy, changing nothing (``--dry-run``)."""
        self.check()
        started = time.perf_counter()
        with self._source.read() as session:
            sql.snapshot(session)
            counts = self._copy(session, None, progress)
        return _with(counts, seconds=time.perf_counter() - started)

    def run(
        self,
        target: Database,
        trails: tuple[AuditTrail, AuditTrail],
        who: str,
        seat: str,
        keep_moved: bool = False,
        progress: Progress | None = None,
    ) -> SplitCounts:
        """:meth:`copy` then :meth:`finish`; ``trails``: the shared database's, the new one's."""
        copied = self.copy(target, trails[1], who, seat, progress)
        return self.finish(copied, trails[0], who, seat, keep_moved)

    def copy(
        self,
        target: Database,
        trail: AuditTrail,
        who: str,
        seat: str,
        progress: Progress | None = None,
    ) -> Copied:
        """Stage 1: copy into ``target`` in one transaction (all of it, or nothing), its first
        audit row recording the split. The shared database is only read."""
        self.check()
        started = time.perf_counter()
        moved: list[int] = []
        with self._source.read() as source, target.write() as into:
            sql.snapshot(source)
            counts = self._copy(source, into, progress, moved)
            sql.move_serials(into)
            what = f"{self._me} split off from a shared database: {counts.sentence()}"
            trail.record(into, AuditEntry(who, seat, AuditAction.PLATFORM_SPLIT, self._me,
                                          detail=what))  # fmt: skip
        return Copied(_with(counts, seconds=time.perf_counter() - started), tuple(moved))

    def finish(
        self, copied: Copied, trail: AuditTrail, who: str, seat: str, keep_moved: bool = False
    ) -> SplitCounts:
        """Stage 2, on the shared database in one transaction: remove what moved (unless
        ``keep_moved``) and record the split in its trail."""
        started = time.perf_counter()
        counts = copied.counts
        with self._source.write() as session:
            if not keep_moved:
                sql.remove_orders(session, copied.moved)
                for table in (sql.ACCOUNTS, sql.AGENT_STATES, sql.DISPOSITIONS):
                    sql.remove_where(session, table, "platform", self._me)
            fate = "kept here" if keep_moved else "removed here"
            trail.record(session, AuditEntry(
                who, seat, AuditAction.PLATFORM_SPLIT, self._me,
                detail=f"{self._me} split off to its own database: {counts.sentence()}; "
                       f"its rows alone {fate}",
            ))  # fmt: skip
        spent = counts.seconds + time.perf_counter() - started
        return _with(counts, removed=not keep_moved, seconds=spent)

    def _merge_rows(self, source: Session, into: Session, ids: list[int], seats: set[str]) -> None:
        """并单's rows of the copied orders ``ids``: every caller who joined (each copy tells
        them the result), the callers told by this platform's ``seats`` and this platform's
        repeated-request warnings."""
        callers = sql.rows_of_orders(source, sql.CALLERS, ids)
        told = [r for r in sql.rows_of_orders(source, sql.TOLD, ids) if r["seat"] in seats]
        warned = [r for r in sql.rows_of_orders(source, sql.WARNINGS, ids)
                  if r["platform"] == self._me]  # fmt: skip
        for table, rows in ((sql.CALLERS, callers), (sql.TOLD, told), (sql.WARNINGS, warned)):
            sql.add_rows(into, table, sql.without_ids(rows))

    def _copy(
        self,
        source: Session,
        into: Session | None,
        progress: Progress | None,
        moved: list[int] | None = None,
    ) -> SplitCounts:
        """Read the shared database once; write (``into``) or only count what the moving
        platform gets. ``moved`` collects the ids of the orders it alone has a part in."""
        me = self._me
        total = sql.count_all(source, sql.ORDERS)
        seats = sql.seats_of(source, me)
        seat_requests = sql.requests_of_seats(source, seats)
        accounts = sql.rows_where(source, sql.ACCOUNTS, "platform", me)
        if into is not None:
            for table, rows in sql.catalogue_rows(source):
                sql.put_catalogue(into, table, rows)
            sql.add_rows(into, sql.ACCOUNTS, accounts)
            sql.add_rows(into, sql.SEQUENCES, sql.rows_where(source, sql.SEQUENCES, "platform", me))
        shared = only = events = alarms = requests = read = 0
        for block in sql.order_blocks(source, self._batch):
            steps: dict[int, list[tuple[str, str]]] = {}
            for order_id, platform, action in block.steps:
                steps.setdefault(order_id, []).append((platform, action))
            copied: set[int] = set()
            for o in block.orders:
                mine = steps.get(o["id"], [])
                if not has_part(me, o["origin"], o["owner"], mine):
                    continue
                copied.add(o["id"])
                if has_part(self._other, o["origin"], o["owner"], mine):
                    shared += 1
                else:
                    only += 1
                    if moved is not None:
                        moved.append(o["id"])
            ids = sorted(copied)
            their_events = sql.rows_of_orders(source, sql.EVENTS, ids)
            their_alarms = sql.rows_of_orders(source, sql.ALARMS, ids)
            their_requests = [r for i in ids for r in seat_requests.get(i, ())]
            if into is not None:
                sql.add_rows(into, sql.ORDERS, [o for o in block.orders if o["id"] in copied])
                sql.add_rows(into, sql.EVENTS, their_events)
                sql.add_rows(into, sql.ALARMS, their_alarms)
                sql.add_rows(into, sql.REQUESTS, their_requests)
                self._merge_rows(source, into, ids, seats)
            events += len(their_events)
            alarms += len(their_alarms)
            requests += len(their_requests)
            read += len(block.orders)
            if progress is not None:
                progress(read, total)
        states = dispositions = 0
        for table in (sql.AGENT_STATES, sql.DISPOSITIONS):
            if into is None:
                n = sql.count_where(source, table, "platform", me)
            else:
                n = 0
                for rows in sql.batches_where(source, table, "platform", me, self._batch):
                    sql.add_rows(into, table, rows)
                    n += len(rows)
            if table is sql.AGENT_STATES:
                states = n
            else:
                dispositions = n
        admins = sum(1 for a in accounts if a["enabled"] and ADMIN in a["roles"].split(","))
        return SplitCounts(me, shared, only, events, alarms, requests, len(accounts), states,
                           dispositions, read, admins)  # fmt: skip


def _with(counts: SplitCounts, **changes: object) -> SplitCounts:
    return replace(counts, **changes)  # type: ignore[arg-type]
