"""The knowledge base (知识库): search beside the intake form, citing an article on an order, and
the administrator's edits (each a new version, in the audit trail).

:meth:`KnowledgeService.search` ranks the articles in effect today (China date) for the kind
chosen and the text typed so far (``console.services.knowledge_index``). The versions are read
and indexed once and kept; each search first reads a two-number stamp of the table (rows, last
row id) and, when it changed (another seat's edit, an import), reads only the rows added since
(versions are never rewritten) and adds them to the index; the versions in effect are
settled again when the stamp or the day changes. The last answer is kept with what it
answered (kind, text, the stamp and day): the pane asks again on every change of the form
(a phone, an address) and the same kind and text are then answered without ranking again.
Pure service: no Qt; the UI calls it off its thread (``Operations.read``).
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from dataclasses import replace
from datetime import date, datetime
from zoneinfo import ZoneInfo

from console.domain.audit import AuditAction, AuditEntry
from console.domain.knowledge import Article, check_article, newest, next_id
from console.domain.refusals import Refused
from console.domain.roles import SITE, Capability, Principal, Seated, require
from console.services.audit import AuditTrail
from console.services.knowledge_index import SEARCH_MOST, Hit, Index
from console.store import journal_keys
from console.store import knowledge as store
from console.store.engine import Database

CHINA = ZoneInfo("Asia/Shanghai")


class KnowledgeService:
    """``audit``/``seat``: where the administrator's edits are recorded; ``operator``: who the
    command line's edits (``by`` None) are recorded as."""

    def __init__(
        self,
        db: Database,
        clock: Callable[[], datetime],
        *,
        audit: AuditTrail | None = None,
        seat: str = "",
        operator: str = "command line",
    ) -> None:
        self._db, self._clock = db, clock
        self._audit, self._seat, self._operator = audit, seat, operator
        self._index = Index()
        self._settled: tuple[tuple[int, int], date] | None = None  # (stamp, day) of the index
        self._lock = threading.Lock()
        self._kinds: frozenset[str] | None = None
        self._last: tuple[object, list[Hit]] | None = None  # (what was asked, its answer)

    def today(self) -> date:
        return self._clock().astimezone(CHINA).date()

    # -- the seat's ------------------------------------------------------------------------

    def search(self, kind: str | None, text: str, limit: int = SEARCH_MOST) -> list[Hit]:
        """The articles in effect today for ``kind`` (None: any) and the text typed so far."""
        index, settled = self._settle()
        asked = (settled, kind or None, text, limit)
        last = self._last
        if last is not None and last[0] == asked:
            return list(last[1])
        hits = index.rank(kind or None, text, limit)
        self._last = (asked, hits)
        return list(hits)

    def refresh(self) -> bool:
        """Settle the index now (the change feed said the articles changed); True when what is
        in effect was read again (another seat's edit, an import, a new day). Blocking."""
        before = self._settled
        self._current()
        return self._settled != before

    def in_effect(self) -> list[Article]:
        """Every article in effect today, by id."""
        return list(self._current().live)

    def cite(
        self, by: Seated, order_number: str, article_id: str, *, key: str | None = None,
        at: datetime | None = None,
    ) -> Article:  # fmt: skip
        """Record that ``article_id`` (its version in effect today) answered the order.
        ``key`` and ``at``: a citation the seat held while the database was away
        (``console.services.journal``), written once with the time it was made."""
        by.require(Capability.TAKE_CALLS)
        live = {a.article_id: a for a in self.in_effect()}
        article = live.get(article_id)
        if article is None:
            raise Refused("unknown_article", article=article_id)
        with self._db.write(notify=False) as session:
            if not store.order_exists(session, order_number):
                raise Refused("unknown_order", number=order_number)
            if key is not None and journal_keys.written(session, key) is not None:
                return article  # written before the seat was killed: not twice
            store.cite(session, order_number, article, by.platform.value, by.login, by.seat,
                       at or self._clock())  # fmt: skip
            if key is not None:
                journal_keys.record(session, key, order_number, self._clock())
        return article

    def citations(self, order_number: str) -> list[tuple[str, int]]:
        """(article id, version) cited on an order, oldest first."""
        with self._db.read() as session:
            return store.citations(session, order_number)

    # -- the administrator's ---------------------------------------------------------------

    def articles(self, by: Principal | None = None) -> list[Article]:
        """Each article's newest version, in effect or not (the administrator's list)."""
        self._may_edit(by)
        with self._db.read() as session:
            return newest(store.versions(session))

    def history(self, article_id: str, by: Principal | None = None) -> list[Article]:
        self._may_edit(by)
        with self._db.read() as session:
            return store.versions(session, article_id)

    def save(self, article: Article, by: Principal | None = None) -> Article:
        """``article`` as its id's next version; an empty id: a new article (the next K-nnn).
        Checked (:func:`console.domain.knowledge.check_article`) and recorded in the audit
        trail with the version stored, in one transaction."""
        self._may_edit(by)
        with self._db.write() as session:
            if self._kinds is None:
                self._kinds = store.kinds(session)
            if not article.article_id.strip():
                article = replace(article, article_id=next_id(store.article_ids(session)))
            checked = check_article(article, self._kinds)
            stored = store.add_version(session, checked, by.login if by else self._operator,
                                       "console", self._clock())  # fmt: skip
            if self._audit is not None:
                who = by.login if by is not None else self._operator
                self._audit.record(session, AuditEntry(
                    who, self._seat, AuditAction.POLICY_CHANGE, f"知识库 {stored.article_id}",
                    detail=f"version {stored.version}: {stored.title}",
                ))  # fmt: skip
        return stored

    def _may_edit(self, by: Principal | None) -> None:
        if by is not None:
            require(by, Capability.MANAGE_KNOWLEDGE, SITE)

    # -- the shelf -------------------------------------------------------------------------

    def _current(self) -> Index:
        return self._settle()[0]

    def _settle(self) -> tuple[Index, tuple[tuple[int, int], date]]:
        """The index of the versions in effect today, and the (stamp, day) it was settled at."""
        day = self.today()
        with self._lock, self._db.read() as session:  # one reader indexes; the others wait
            now = store.stamp(session)
            if self._settled == (now, day):
                return self._index, (now, day)
            index = self._index
            if now[0] < len(index.entries) or now[1] < index.last:
                index = Index()  # rows went away (a restored backup): read them all again
            for row_id, article in store.versions_after(session, index.last):
                index.add(row_id, article)
            index.settle(day)
            self._index, self._settled = index, (now, day)
            return index, (now, day)
