"""Personal data (个人信息保护法): revealing a masked caller, and the retention purge.

Callers' numbers and names are shown masked everywhere but on the agent's own live call. Seeing
one whole elsewhere is :meth:`PrivacyService.reveal`: it needs a reason, and the audit trail
records who saw which order's caller, and why (in the same transaction as the read).

After the site's retention period (``[privacy] retention_months``) :meth:`PrivacyService.purge`
replaces the phone and name of orders closed (办结, 撤销, or 并单 into another order) before the
cut-off with a keyed hash (:func:`console.domain.phone.pseudonymise`), and so do the callers kept
beside them: those merged into the order (``order_caller``) and those told its result
(``caller_told``), hashed alike, in the order's transaction (and those that earlier purges left
beside the orders they rewrote, :meth:`PrivacyService.stray_count`). The key is derived from
the audit trail's site key, which lives outside the database, so the hashes cannot be reversed
by trying every number without that file; the same number always hashes the same, so when a purged caller rings again
:meth:`PrivacyService.caller_forms` lets the screen pop and the caller history still find the
old orders. The same purge deletes the seats' write keys older than :data:`KEY_DAYS`
(:func:`forget_keys`): they are no personal data, but kept for ever they grow by one row an
order.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from console.domain.audit import AuditAction, AuditEntry
from console.domain.phone import is_pseudonym, mask_numbers, normalise_phone, pseudonymise
from console.domain.refusals import Refused
from console.services.audit import AuditTrail
from console.store import journal_keys
from console.store import privacy as repo
from console.store.engine import Database
from console.store.orders import UnknownOrder

CHINA = ZoneInfo("Asia/Shanghai")
# Orders rewritten per statement (and per transaction). Every batch rewrites pages all over the
# caller index (a pseudonym lands anywhere in it), so fewer, larger batches cost less at 1 M:
# 80 s in batches of 5,000, 57 s of 20,000, 40 s of 50,000 (bench/purge.py), each holding
# SQLite's write lock up to ~2 s (the hashing is done before the lock is taken). At 10 M the
# index's pages are cold and a batch of 50,000 held the lock up to 7.25 s — a seat saving an
# order waits that long, on a 110 floor that never sleeps — while 10,000 held it 2.94 s for the
# same total time (128 k orders, ~90 s either way; BENCHMARKS.md "The rest of the figures at
# 10 M"): the shorter hold wins.
BATCH = 10_000
MAX_REASON = 200
# The seats' write keys (table intake_key, docs/outage.md) are kept this many days, then purged
# with the personal data. A key only matters while a seat's journal may replay its entry again
# (a console killed between the write and the journal's delete, its agent not signed in there
# since); a month is far beyond any outage. Would be a setting: [privacy] intake_key_days.
KEY_DAYS = 30
KEY_BATCH = 5_000  # keys deleted per transaction: short write locks while seats write
PURPOSE = b"linkage-console personal data pseudonyms"


@dataclass(frozen=True, slots=True)
class Revealed:
    """An order's caller in full (a purged one stays a pseudonym: nothing is left to show)."""

    phone: str
    name: str


def privacy_key(trail: AuditTrail) -> bytes:
    """The pseudonyms' key, derived from the audit trail's site key (one file for both)."""
    return trail.derived_key(PURPOSE)


def caller_forms(key: bytes | None, phone: str) -> tuple[str, ...]:
    """Every stored form of ``phone``'s orders: the number itself and, with the pseudonyms'
    ``key``, its pseudonym (what the purge left of older orders). Empty when ``phone`` is not a
    number."""
    number = normalise_phone(phone)
    if number is None:
        return ()
    return (number,) if key is None else (number, pseudonymise(key, number))


def cutoff_for(today: date, retention_months: int) -> date:
    """The first China day still kept: ``retention_months`` before ``today`` (the 31st of a
    shorter month is its last day)."""
    months = today.year * 12 + today.month - 1 - retention_months
    year, month = divmod(months, 12)
    for day in range(today.day, 0, -1):
        try:
            return date(year, month + 1, day)
        except ValueError:
            continue
    raise AssertionError("unreachable: every month has a 28th")


class PrivacyService:
    """Reveals and purges, audited in ``trail`` (whose site key also keys the pseudonyms);
    ``seat``: the seat the audit rows name."""

    def __init__(self, db: Database, trail: AuditTrail, seat: str = "") -> None:
        self._db, self._trail, self._seat = db, trail, seat
        self._key = privacy_key(trail)

    def caller_forms(self, phone: str) -> tuple[str, ...]:
        """:func:`caller_forms` with this site's key."""
        return caller_forms(self._key, phone)

    def reveal(self, order_number: str, reason: str, *, by: str) -> Revealed:
        """Order ``order_number``'s caller in full, for ``by`` giving ``reason``; audited.
        Raises :class:`Refused` (no reason) or :class:`UnknownOrder`."""
        why = " ".join(mask_numbers(reason).split())[:MAX_REASON]
        if not why:
            raise Refused("reveal_needs_reason")
        number = order_number.strip()
        entry = AuditEntry(by, self._seat, AuditAction.REVEAL_PERSONAL_DATA, number, detail=why)
        with self._db.write(notify=False) as session:
            found = repo.caller(session, number)
            if found is None:
                raise UnknownOrder(number)
            self._trail.record(session, entry)
        phone, name = found
        return Revealed(phone, name or "")

    def purge_count(self, before: date) -> int:
        """How many orders closed before China day ``before`` still hold a caller's data."""
        with self._db.read() as session:
            return repo.count_due(session, _instant(before))

    def purge(self, before: date, *, by: str, progress: Callable[[int], None] | None = None) -> int:
        """Pseudonymise the callers of every order closed before China day ``before``, a batch
        per transaction (a stopped run resumes where it was; an order whose phone changed
        between its read and its write is left for the next run); audited once with the
        count. The callers merged into and told about each order go with it, in its
        transaction; then those left beside orders purged earlier. Returns how many orders
        were rewritten."""
        cutoff, after, done = _instant(before), None, 0
        while True:
            with self._db.read() as session:  # found and hashed outside the write lock
                page = repo.due_page(session, cutoff, after, BATCH)
                joined = repo.joined(session, [row.id for row in page.rows])
            if not page.rows:
                break
            hidden = [self._hidden(row) for row in page.rows]
            hidden_joined = repo.Joined(
                [self._hidden_joined(row) for row in joined.merged],
                [self._hidden_joined(row) for row in joined.told],
            )
            phones = {row.id: row.phone for row in hidden}
            with self._db.write(notify=False) as session:
                done += repo.replace_callers(session, page.rows, hidden)
                repo.replace_joined(session, joined, hidden_joined, phones)
            after = page.last
            if progress is not None:
                progress(done)
        detail = f"callers of {done} orders closed before {before}"
        strays = self._strays(cutoff)
        if strays:
            detail += f"; {strays} callers merged into or told about orders purged earlier"
        self._trail.write(self._db, AuditEntry(by, self._seat, AuditAction.PURGE, "work_order",
                                               detail=detail))  # fmt: skip
        return done

    def stray_count(self, before: date) -> int:
        """How many callers merged into or told about orders purged earlier (before they were
        purged with their order) still hold their phone; :meth:`purge` hashes them too."""
        cutoff, found = _instant(before), 0
        for table in repo.JOINED_TABLES:
            after = 0
            while page := self._stray_page(table, cutoff, after):
                found, after = found + len(page), page[-1].id
        return found

    def _strays(self, cutoff: datetime) -> int:
        done = 0
        for table in repo.JOINED_TABLES:
            after = 0
            while page := self._stray_page(table, cutoff, after):
                hidden = [self._hidden_joined(row) for row in page]
                with self._db.write(notify=False) as session:
                    done += repo.replace_strays(session, table, page, hidden)
                after = page[-1].id
        return done

    def _stray_page(self, table: str, cutoff: datetime, after: int) -> list[repo.JoinedRow]:
        with self._db.read() as session:
            return repo.stray_page(session, table, cutoff, after, BATCH)

    def _hidden(self, row: repo.CallerRow) -> repo.CallerRow:
        return repo.CallerRow(row.id, pseudonymise(self._key, row.phone), self._name(row.name))

    def _hidden_joined(self, row: repo.JoinedRow) -> repo.JoinedRow:
        phone = pseudonymise(self._key, row.phone)
        return repo.JoinedRow(row.id, row.order_id, phone, self._name(row.name))

    def _name(self, name: str | None) -> str | None:
        if name and not is_pseudonym(name):
            return pseudonymise(self._key, name, "name")
        return name


def forget_keys(db: Database, now: datetime, days: int = KEY_DAYS) -> int:
    """Delete the seats' write keys (``intake_key``) written more than ``days`` before ``now``,
    a batch per transaction. How many went."""
    before, gone = now - timedelta(days=days), 0
    while True:
        with db.write(notify=False) as session:
            done = journal_keys.forget_page(session, before, KEY_BATCH)
        gone += done
        if done < KEY_BATCH:
            return gone


def _instant(day: date) -> datetime:
    return datetime.combine(day, time(), CHINA).astimezone(UTC)
