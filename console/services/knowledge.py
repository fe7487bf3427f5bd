"""The knowledge base (知识库): search beside the intake form, citing an article on an order, and
the administrator's edits (each a new version, in the audit trail).

:meth:`KnowledgeService.search` ranks the articles in effect today (China date) for the kind
chosen and the text typed so far, in Chinese, by character bigrams as the routing suggestion
does (``console.services.suggestions.grams``): an article's score is the share of the typed
text's bigrams found in its title, keywords and body, plus the share found in its title alone
(``TITLE_WEIGHT``), plus ``KEYWORD_WEIGHT`` for each of its keywords typed in full, plus
``KIND_BONUS`` when it is written for the kind chosen. The articles are read once and kept;
each search first reads a two-number stamp of the table and reads them again only when it
changed (another seat's edit, an import) or the day did. Pure service: no Qt; the UI calls it
off its thread (``Operations.read``).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from datetime import date, datetime
from zoneinfo import ZoneInfo

from console.domain.audit import AuditAction, AuditEntry
from console.domain.consultation import normalise
from console.domain.knowledge import Article, check_article, current, newest, next_id
from console.domain.refusals import Refused
from console.domain.roles import SITE, Capability, Principal, Seated, require
from console.services.audit import AuditTrail
from console.services.suggestions import grams
from console.store import knowledge as store
from console.store.engine import Database

CHINA = ZoneInfo("Asia/Shanghai")
SEARCH_MOST = 8  # articles a search gives, at most
SEARCH_FROM = 0.34  # score from which an article is shown for a typed text
TITLE_WEIGHT = 0.5
KEYWORD_WEIGHT = 0.5
KIND_BONUS = 0.1


@dataclass(frozen=True, slots=True)
class Hit:
    """An article found, its score (higher first) and the keywords of it that were typed."""

    article: Article
    score: float
    keywords: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class _Indexed:
    """An article ready to be scored: the bigrams of its whole text and of its title, and its
    keywords normalised (:func:`console.domain.consultation.normalise`)."""

    article: Article
    text: frozenset[str]
    title: frozenset[str]
    keywords: tuple[tuple[str, str], ...]  # (as written, normalised)


def _bigrams(text: str) -> frozenset[str]:
    folded = normalise(text)
    return frozenset(folded[i : i + 2] for i in range(len(folded) - 1))


def _indexed(article: Article) -> _Indexed:
    whole = " ".join((article.title, *article.keywords, article.body))
    keys = tuple((k, normalise(k)) for k in article.keywords)
    return _Indexed(article, _bigrams(whole), _bigrams(article.title), keys)


def rank(
    shelf: Sequence[_Indexed], kind: str | None, text: str, limit: int = SEARCH_MOST
) -> list[Hit]:
    """The articles of ``shelf`` for ``kind`` and ``text``, best first. With no text typed: the
    articles written for the kind (none without a kind)."""
    wanted = set(grams(text))
    typed = normalise(text)
    hits = []
    for entry in shelf:
        a = entry.article
        if not a.for_kind(kind):
            continue
        bonus = KIND_BONUS if kind is not None and kind in a.kinds else 0.0
        if not wanted:
            if bonus:
                hits.append(Hit(a, bonus))
            continue
        found = tuple(k for k, folded in entry.keywords if folded and folded in typed)
        # The share of the typed bigrams in the text, as suggestions.similarity measures it,
        # on bigram sets made once per article: scanning 2,000 bodies a search costs ~20 ms.
        score = (len(wanted & entry.text) + TITLE_WEIGHT * len(wanted & entry.title)) / len(
            wanted
        ) + KEYWORD_WEIGHT * len(found)
        if score >= SEARCH_FROM:
            hits.append(Hit(a, score + bonus, found))
    hits.sort(key=lambda h: (-h.score, h.article.article_id))
    return hits[:limit]


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
        self._shelf: tuple[tuple[int, int], date, list[_Indexed]] | None = None
        self._kinds: frozenset[str] | None = None

    def today(self) -> date:
        return self._clock().astimezone(CHINA).date()

    # -- the seat's ------------------------------------------------------------------------

    def search(self, kind: str | None, text: str, limit: int = SEARCH_MOST) -> list[Hit]:
        """The articles in effect today for ``kind`` (None: any) and the text typed so far."""
        return rank(self._current_shelf(), kind or None, text, limit)

    def in_effect(self) -> list[Article]:
        """Every article in effect today, by id."""
        return [e.article for e in self._current_shelf()]

    def cite(self, by: Seated, order_number: str, article_id: str) -> Article:
        """Record that ``article_id`` (its version in effect today) answered the order."""
        by.require(Capability.TAKE_CALLS)
        live = {a.article_id: a for a in self.in_effect()}
        article = live.get(article_id)
        if article is None:
            raise Refused("unknown_article", article=article_id)
        with self._db.write(notify=False) as session:
            if not store.order_exists(session, order_number):
                raise Refused("unknown_order", number=order_number)
            store.cite(session, order_number, article, by.platform.value, by.login, by.seat,
                       self._clock())  # fmt: skip
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

    def _current_shelf(self) -> list[_Indexed]:
        day = self.today()
        with self._db.read() as session:
            now = store.stamp(session)
            if self._shelf is not None and self._shelf[:2] == (now, day):
                return self._shelf[2]
            every = store.versions(session)
        shelf = [_indexed(a) for a in current(every, day)]
        self._shelf = (now, day, shelf)
        return shelf
