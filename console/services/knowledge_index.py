"""The knowledge base's search index: the articles in effect, each split once into character
bigrams, and the ranking of a typed text against them (``KnowledgeService.search``).

Ranking, in Chinese, by character bigrams as the routing suggestion does
(``console.services.suggestions.grams``: at most 24 bigrams of the normalised typed text): an
article's score is the share of those bigrams found in its title, keywords and body, plus
``TITLE_WEIGHT`` times the share found in its title, plus ``KEYWORD_WEIGHT`` for each of its
keywords typed in full, plus ``KIND_BONUS`` when it is written for the kind chosen; shown from
``SEARCH_FROM``. The share is ``suggestions.similarity``'s measure, counted through posting
lists (bigram → articles) built once, instead of scanning every body for every bigram: that
scan costs ~20 ms over 2,000 articles, the postings a few (BENCHMARKS.md).

Pure Python, no database: each stored version is indexed once, when first read, and kept.
"""

from __future__ import annotations

import heapq
import operator
from collections import Counter
from dataclasses import dataclass
from datetime import date

from console.domain.consultation import normalise
from console.domain.knowledge import Article, current
from console.services.suggestions import grams

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


def bigrams(text: str) -> frozenset[str]:
    folded = normalise(text)
    return frozenset(map(operator.add, folded, folded[1:]))  # C speed: ~1.6x a generator


@dataclass(frozen=True, slots=True)
class Indexed:
    """One article version ready to be indexed: the bigrams of its whole text and of its
    title, its keywords normalised, and the bigram each keyword starts with."""

    article: Article
    text: frozenset[str]
    title: frozenset[str]
    keywords: tuple[tuple[str, str], ...]  # (as written, normalised)
    keyword_starts: frozenset[str]

    @classmethod
    def of(cls, article: Article) -> Indexed:
        whole = " ".join((article.title, *article.keywords, article.body))
        keys = tuple((k, f) for k in article.keywords if len(f := normalise(k)) >= 1)
        starts = frozenset(f[:2] for _, f in keys)
        return cls(article, bigrams(whole), bigrams(article.title), keys, starts)


class Index:
    """Every article version read so far, by its row id, with posting lists (bigram → row
    ids) grown as versions are added (:meth:`add`: versions are never rewritten), and the
    versions in effect on one day (:meth:`settle`), which :meth:`rank` searches."""

    def __init__(self) -> None:
        self.entries: dict[int, Indexed] = {}
        self._text: dict[str, list[int]] = {}
        self._title: dict[str, list[int]] = {}
        self._kind: dict[str, list[int]] = {}
        self._key_start: dict[str, list[int]] = {}  # a keyword's first bigram -> row ids
        self._live: frozenset[int] = frozenset()
        self.live: list[Article] = []  # in effect on the settled day, by id

    @property
    def last(self) -> int:
        """The highest row id added (0: none)."""
        return max(self.entries, default=0)

    def add(self, row_id: int, article: Article) -> None:
        entry = self.entries[row_id] = Indexed.of(article)
        for gram in entry.text:
            self._text.setdefault(gram, []).append(row_id)
        for gram in entry.title:
            self._title.setdefault(gram, []).append(row_id)
        for kind in article.kinds:
            self._kind.setdefault(kind, []).append(row_id)
        for start in entry.keyword_starts:
            self._key_start.setdefault(start, []).append(row_id)

    def settle(self, day: date) -> None:
        """Search the versions in effect on ``day`` (console.domain.knowledge.current)."""
        rows = {(e.article.article_id, e.article.version): n for n, e in self.entries.items()}
        self.live = current((e.article for e in self.entries.values()), day)
        self._live = frozenset(rows[a.article_id, a.version] for a in self.live)

    def rank(self, kind: str | None, text: str, limit: int = SEARCH_MOST) -> list[Hit]:
        """The articles for ``kind`` (None: any) and ``text``, best first. With no text typed:
        the articles written for the kind, by id (none without a kind)."""
        wanted = grams(text)
        live = self._live
        if not wanted:
            if kind is None:
                return []
            for_kind = [self.entries[n].article for n in self._kind.get(kind, []) if n in live]
            for_kind.sort(key=lambda a: a.article_id)
            return [Hit(a, KIND_BONUS) for a in for_kind[:limit]]
        typed = normalise(text)
        typed_grams = set(map(operator.add, typed, typed[1:])) | set(typed)
        common: Counter[int] = Counter()
        in_title: Counter[int] = Counter()
        for gram in wanted:
            common.update(self._text.get(gram, ()))
            in_title.update(self._title.get(gram, ()))
        share = 1 / len(wanted)
        least = SEARCH_FROM / share / (1 + TITLE_WEIGHT)  # common bigrams needed with no keyword
        keyed = {n for gram in typed_grams for n in self._key_start.get(gram, ())}
        found: list[tuple[float, str, int, tuple[str, ...]]] = []
        for n, found_here in common.items():
            if (found_here < least and n not in keyed) or n not in live:
                continue  # too few bigrams and no keyword typed (most rows): nothing looked up
            entry = self.entries[n]
            a = entry.article
            if kind is not None and a.kinds and kind not in a.kinds:
                continue
            typed_keys: tuple[str, ...] = ()
            if n in keyed:
                typed_keys = tuple(k for k, folded in entry.keywords if folded in typed)
            score = (found_here + TITLE_WEIGHT * in_title[n]) * share + KEYWORD_WEIGHT * len(
                typed_keys
            )
            if score >= SEARCH_FROM:
                if kind is not None and kind in a.kinds:
                    score += KIND_BONUS
                found.append((-score, a.article_id, n, typed_keys))
        best = heapq.nsmallest(limit, found)  # highest score, then lowest id; tuples compared in C
        return [Hit(self.entries[n].article, -score, keys) for score, _, n, keys in best]
