"""Knowledge-base files (``db/knowledge/*.toml``): read and checked, each mistake named by file
and line, as the 会商 files are (``console.domain.consultation_file``). Format: docs/knowledge.md.

A file holds ``demo`` (true/false: every article of it is a demo article), ``source`` (where
its articles come from, free text) and ``[[article]]`` sections. Files carry no version
numbers: an import stores an article whose text differs from every stored version of its id as
the next version (``console.store.knowledge``). Pure Python.
"""

from __future__ import annotations

from collections.abc import Collection, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

from console.domain.consultation_file import line_of
from console.domain.knowledge import Article, Category, check_article
from console.domain.refusals import Refused
from console.domain.toml_file import Misplaced, TomlFileError, TomlFiles

_TOP = frozenset({"demo", "source", "article"})
_ARTICLE = frozenset({"id", "title", "category", "kinds", "keywords", "rule", "valid_from",
                      "valid_to", "body"})  # fmt: skip
# Which key a refusal of check_article is about (its line is the one named).
_REFUSAL_KEY = {"article_id": "id", "article_title": "title", "article_body": "body",
                "article_kind": "kinds", "article_keywords": "keywords",
                "article_dates": "valid_to", "article_rule": "rule"}  # fmt: skip


class KnowledgeFileError(TomlFileError):
    """A knowledge file with a mistake; str() is ``PATH:LINE: WHY``."""


_FILES = TomlFiles(KnowledgeFileError, "knowledge files")


@dataclass(frozen=True, slots=True)
class Shelf:
    """The articles of one or more files, and where each is written: id → (file, line)."""

    articles: tuple[Article, ...] = ()
    where: Mapping[str, tuple[str, int]] = field(default_factory=dict)


class _Mistake(Misplaced):
    def __init__(self, index: int, key: str | None, why: str) -> None:
        super().__init__(why)
        self.index, self.key = index, key  # index -1: the top of the file

    def line(self, text: str) -> int:
        table = None if self.index < 0 else "article"
        return line_of(text, table, max(self.index, 0), self.key)


def parse_knowledge_file(text: str, origin: str, kinds: Collection[str]) -> Shelf:
    """The articles of one file, checked against the catalogue's ``kinds``; raises
    :class:`KnowledgeFileError`."""
    return _FILES.parse(text, origin, lambda data: _shelf(data, origin, text, kinds))


def load_knowledge(directory: Path, kinds: Collection[str]) -> Shelf:
    """Every ``*.toml`` of ``directory`` (by name), checked together."""
    return merge(
        [parse_knowledge_file(text, name, kinds) for name, text in _FILES.texts(directory)]
    )


def merge(shelves: Sequence[Shelf]) -> Shelf:
    """Several files' articles as one; an id written twice is an error at the later one."""
    articles: list[Article] = []
    where: dict[str, tuple[str, int]] = {}
    for shelf in shelves:
        for article_id, spot in shelf.where.items():
            if article_id in where:
                first = "{}:{}".format(*where[article_id])
                raise KnowledgeFileError(
                    *spot, f"article {article_id} is given twice (first at {first})"
                )
            where[article_id] = spot
        articles += shelf.articles
    return Shelf(tuple(articles), where)


def _shelf(data: dict[str, Any], origin: str, text: str, kinds: Collection[str]) -> Shelf:
    for key in data:
        if key not in _TOP:
            raise _Mistake(-1, key, f"unknown key '{key}' (known: {', '.join(sorted(_TOP))})")
    demo = data.get("demo", False)
    if not isinstance(demo, bool):
        raise _Mistake(-1, "demo", "demo must be true or false")
    if not isinstance(data.get("source", ""), str):
        raise _Mistake(-1, "source", "source must be a text")
    entries = data.get("article", [])
    if not isinstance(entries, list) or not all(isinstance(e, dict) for e in entries):
        raise _Mistake(-1, "article", "articles must be written as [[article]] sections")
    articles: list[Article] = []
    where: dict[str, tuple[str, int]] = {}
    for n, entry in enumerate(entries):
        article = _article(entry, n, demo, kinds)
        if article.article_id in where:
            raise _Mistake(n, "id", f"article {article.article_id} is given twice in the file")
        where[article.article_id] = (origin, line_of(text, "article", n, None))
        articles.append(article)
    return Shelf(tuple(articles), where)


def _article(entry: dict[str, Any], n: int, demo: bool, kinds: Collection[str]) -> Article:
    for key in entry:
        if key not in _ARTICLE:
            raise _Mistake(n, key, f"unknown key '{key}' (known: {', '.join(sorted(_ARTICLE))})")
    texts = {}
    for key in ("id", "title", "body"):
        value = entry.get(key)
        if not isinstance(value, str):
            raise _Mistake(n, key, f"'{key}' must be a text")
        texts[key] = value
    try:
        category = Category(str(entry.get("category")))
    except ValueError:
        known = ", ".join(f'"{c.value}"' for c in Category)
        raise _Mistake(n, "category", f"'category' must be one of {known}") from None
    lists = {}
    for key in ("kinds", "keywords"):
        value = entry.get(key, [])
        if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
            raise _Mistake(n, key, f"'{key}' must be a list of texts")
        lists[key] = tuple(value)
    rule = entry.get("rule")
    if rule is not None and not isinstance(rule, str):
        raise _Mistake(n, "rule", "'rule' must be a text like \"R-017\"")
    valid_from = _day(entry, "valid_from", n)
    valid_to = _day(entry, "valid_to", n) if "valid_to" in entry else None
    article = Article(texts["id"], texts["title"], texts["body"], category, valid_from, valid_to,
                      lists["kinds"], lists["keywords"], rule, demo)  # fmt: skip
    try:
        return check_article(article, kinds)
    except Refused as exc:
        raise _Mistake(n, _REFUSAL_KEY.get(exc.code), exc.why) from None


def _day(entry: Mapping[str, Any], key: str, n: int) -> date:
    value = entry.get(key)
    if not isinstance(value, date) or hasattr(value, "hour"):
        raise _Mistake(n, key, f"'{key}' must be a date, e.g. {key} = 2026-03-12")
    return value
