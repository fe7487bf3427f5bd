"""The routing suggestion at intake (会商): what the form shows as the agent types.

:meth:`SuggestionService.suggest` gives a :class:`Suggestion`: the 会商 rule or transfer-list
item that matches (console.domain.consultation), else how similar past orders of this platform
ended (:class:`History`: stayed, transferred to the peer, and the departments dispatched to,
each a share and a count). Pure service: no Qt; the UI calls it off its thread.

The history reads the newest ``HISTORY_MOST`` orders taken at this platform in the last
``days`` of the same kind, field and district (each when typed; the index
``ix_work_order_kind_district``), then ranks them by text similarity in Python (the share of
the typed text's character bigrams found in each, :func:`similarity`): when at least ``SIMILAR_FEW`` are
similar (``SIMILAR_FROM``), the shares are over those; else over all of them. See
docs/consultation.md and BENCHMARKS.md for why no database text index is used.

A matter's past orders (kind, field, district) are kept for ``PAST_FRESH`` after they are read,
for the ``PAST_KEPT`` matters asked last: as the agent goes on typing the description, each
pause only ranks the kept orders again (a millisecond or two) instead of reading them again
(the read is most of the cost, and nearly all of it at 10 M orders, where the rows are read
from the disk: BENCHMARKS.md). Shares up to ``PAST_FRESH`` old are what the form shows.
"""

from __future__ import annotations

import logging
import threading
from collections import Counter, OrderedDict
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

from sqlmodel import Session

from console.domain.audit import AuditAction, AuditEntry
from console.domain.consultation import (
    Advice,
    Rule,
    RuleConflict,
    TransferItem,
    Typed,
    normalise,
    suggest,
)
from console.domain.consultation_file import RuleBook, RuleFileError, load_rule_book
from console.domain.order_types import Platform
from console.paths import bundle_path
from console.services.audit import AuditTrail
from console.store import consultation as store
from console.store.engine import Database

log = logging.getLogger(__name__)

CHINA = ZoneInfo("Asia/Shanghai")
HISTORY_DAYS = 90
HISTORY_MOST = 1000
SIMILAR_FROM = 0.5  # share of the typed bigrams found, from which a past order is similar
GRAMS_MOST = 24  # typed bigrams searched for, at most
SIMILAR_FEW = 5  # fewer similar orders than this: the shares are over all the matter's orders
PAST_FRESH = timedelta(seconds=30)  # a matter's past orders are read again after this
PAST_KEPT = 8  # matters whose past orders are kept, the last asked


@dataclass(frozen=True, slots=True)
class History:
    """How past orders of the matter ended; shares are ``count / total``."""

    total: int
    stayed: int
    transferred: int
    departments: tuple[tuple[str, int], ...]  # most first
    similar: bool  # counted over the orders with similar text only
    days: int

    def share(self, count: int) -> float:
        return count / self.total if self.total else 0.0


@dataclass(frozen=True, slots=True)
class Suggestion:
    """What the intake form shows: ``advice`` (a rule or list item), else ``history``; both
    None: nothing to suggest yet."""

    advice: Advice | None
    history: History | None


def grams(typed: str) -> list[str]:
    """The typed text's character bigrams (:func:`normalise` d first), at most ``GRAMS_MOST``
    spread over it: what a past order's text is searched for."""
    text = normalise(typed)
    found = list(dict.fromkeys(text[i : i + 2] for i in range(len(text) - 1)))
    step = max(1, len(found) / GRAMS_MOST)
    return [found[int(k * step)] for k in range(min(len(found), GRAMS_MOST))]


def similarity(typed: str | list[str], text: str) -> float:
    """The share of the typed text's bigrams (:func:`grams`) found in ``text`` (0..1). ``text``
    is searched as stored (lower-cased): normalising each past order's text cost more than the
    whole budget (BENCHMARKS.md)."""
    wanted = grams(typed) if isinstance(typed, str) else typed
    if not wanted:
        return 0.0
    lowered = text.lower()
    return sum(1 for g in wanted if g in lowered) / len(wanted)


def similar_ones(wanted: list[str], texts: Sequence[str]) -> list[int]:
    """The indexes of ``texts`` (lower-cased) whose :func:`similarity` to the typed bigrams
    ``wanted`` is at least ``SIMILAR_FROM``: one pass of C-speed substring tests per bigram
    rather than a Python loop per text."""
    if not wanted:
        return []
    hits: Counter[int] = Counter()
    for gram in wanted:
        hits.update([i for i, text in enumerate(texts) if gram in text])
    need = SIMILAR_FROM * len(wanted)
    return sorted(i for i, count in hits.items() if count >= need)


@dataclass(frozen=True, slots=True)
class _Past:
    """A matter's past orders as read at ``read_at``, with their texts lower-cased once."""

    read_at: datetime
    orders: Sequence[store.PastOrder]
    texts: tuple[str, ...]


class SuggestionService:
    """``platform``: the agent's. The rules and items are read once and kept, with their
    stamp (``console.store.consultation.stamp``). :meth:`refresh` reads them again when the
    stamp moved: the composition root calls it when the change feed says the rules changed
    (topic ``rules``; on SQLite, any change) and after this process's own edits, so another
    seat's edit, a decision or a ``rules import`` reaches the suggestion without a restart."""

    def __init__(
        self,
        db: Database,
        platform: Platform,
        clock: Callable[[], datetime],
        days: int = HISTORY_DAYS,
    ) -> None:
        self._db, self._platform, self._clock, self._days = db, platform, clock, days
        self._book: tuple[Sequence[Rule], Sequence[TransferItem]] | None = None
        self._stamp: store.Stamp | None = None
        self._lock = threading.Lock()  # suggestions and refreshes run on worker threads
        self._past: OrderedDict[tuple[str | None, ...], _Past] = OrderedDict()
        self._past_lock = threading.Lock()  # the read thread and a CLI or test thread

    def refresh(self) -> bool:
        """Read the rules and items again if they changed since last read (one small query
        when they did not); True when they were read again. Blocking: off the UI thread."""
        with self._lock, self._db.read() as session:
            now = store.stamp(session)
            if self._book is not None and now == self._stamp:
                return False
            self._read(session, now)
            return True

    def _read(self, session: Session, stamp: store.Stamp) -> None:
        self._book, self._stamp = (store.rules(session), store.items(session)), stamp
        self.forget()  # the rules moved: the matters' past orders are read again too

    def forget(self) -> None:
        """Drop the matters' kept past orders: the next ask of each reads them again."""
        with self._past_lock:
            self._past.clear()

    def _current(self) -> tuple[Sequence[Rule], Sequence[TransferItem]]:
        book = self._book
        if book is None:
            self.refresh()
            book = self._book
        assert book is not None
        return book

    def suggest(
        self, kind: str | None, field: str | None, district: str | None, text: str
    ) -> Suggestion:
        now = self._clock()
        typed = Typed(self._platform, kind, field, district, text, now.astimezone(CHINA).date())
        advice = suggest(*self._current(), typed)
        if advice is not None:
            return Suggestion(advice, None)
        if kind is None and district is None and len(normalise(text)) < 2:
            return Suggestion(None, None)
        return Suggestion(None, self.history(kind, field, district, text, now))

    def history(
        self, kind: str | None, field: str | None, district: str | None, text: str, now: datetime
    ) -> History:
        kept = self._past_orders(kind, field, district, now)
        past = kept.orders
        similar = [past[i] for i in similar_ones(grams(text), kept.texts)]
        counted = similar if len(similar) >= SIMILAR_FEW else past
        stayed = sum(1 for p in counted if p.owner == self._platform.value)
        departments = Counter(p.department for p in counted if p.department)
        return History(
            len(counted),
            stayed,
            len(counted) - stayed,
            tuple(departments.most_common()),
            counted is similar,
            self._days,
        )

    def _past_orders(
        self, kind: str | None, field: str | None, district: str | None, now: datetime
    ) -> _Past:
        """The matter's past orders: kept ones read less than ``PAST_FRESH`` ago, else read."""
        key = (kind, field, district)
        with self._past_lock:
            kept = self._past.get(key)
            if kept is not None and kept.read_at <= now < kept.read_at + PAST_FRESH:
                self._past.move_to_end(key)
                return kept
        since = now - timedelta(days=self._days)
        with self._db.read() as session:
            past = store.past_orders(session, self._platform.value, since, kind, field,
                                     district, HISTORY_MOST)  # fmt: skip
        kept = _Past(now, past, tuple(p.description.lower() for p in past))
        with self._past_lock:
            self._past[key] = kept
            self._past.move_to_end(key)
            while len(self._past) > PAST_KEPT:
                self._past.popitem(last=False)
        return kept

    def record(self, number: str, advice: Advice, accepted: bool, by: str) -> None:
        """Keep, with saved order ``number``, that ``advice`` was shown while it was typed and
        whether the agent accepted it (``report --json``: ``suggestions``)."""
        with self._db.write() as session:
            store.record_outcome(session, number, outcome(advice, accepted), by, self._clock())


def outcome(advice: Advice, accepted: bool) -> store.Outcome:
    """What is kept of ``advice`` with the order: the rule (id and version) or the item."""
    if advice.rule is not None:
        source, reference = "rule", f"{advice.rule.rule_id} v{advice.rule.version}"
    else:
        item = advice.item
        source = "item"
        reference = f"{item.direction.value} {item.number}" if item is not None else ""
    return store.Outcome(source, reference, advice.move.value, advice.department, accepted)


def site_rules_dir() -> Path:
    return bundle_path("db", "consultation")


def import_site_rules(
    db: Database,
    now: datetime,
    directory: Path | None = None,
    trail: AuditTrail | None = None,
    seat: str = "",
) -> tuple[RuleBook, store.Imported]:
    """Start-up: the site's 会商 files (default ``db/consultation``) read and checked, then
    their rule versions and items stored (what is stored already is skipped; the database is
    what suggestions read, so ``rules import`` and in-console edits count too); an import that
    changed anything is one ``policy_change`` row of ``trail`` (as ``rules import``). Raises
    :class:`RuleFileError` naming the file and line: a mistake in a file, a version stored
    with other content, or rules that overlap the stored ones with no priority."""
    folder = directory or site_rules_dir()
    with db.read() as session:
        known = store.known(session)
    book = load_rule_book(folder, known)
    try:
        with db.write() as session:
            done = store.import_book(session, book, "console", str(folder), now)
            if trail is not None and (done.rules_added or done.items_added or done.items_updated):
                detail = (f"start-up: {done.rules_added} rule versions added, "
                          f"{done.items_added} items added, {done.items_updated} updated")  # fmt: skip
                entry = AuditEntry("console", seat, AuditAction.POLICY_CHANGE, "会商 rules", detail=detail)  # fmt: skip
                trail.record(session, entry)
    except store.VersionClash as clash:
        raise RuleFileError(*book.where[clash.rule_id, clash.version], str(clash)) from None
    except RuleConflict as conflict:
        spots = [book.where.get((r.rule_id, r.version)) for r in (conflict.first, conflict.second)]
        spot = next((s for s in spots if s is not None), (str(folder), 1))
        raise RuleFileError(*spot, str(conflict)) from None
    if done.rules_added or done.items_added or done.items_updated:
        log.info("会商 files %s: %s", folder, done)
    return book, done
