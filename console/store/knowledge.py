"""The knowledge base (知识库) in the database: the article versions, a new version, an import of
the files' articles, the citations on orders and their count by article for the reports.

Versions are only ever inserted (console.store.knowledge_tables). An import stores an article
whose text differs from every stored version of its id as the next version, and skips one that
matches a stored version: importing the same files again changes nothing, and an
administrator's later edit is not undone by the next import of an older text.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import func
from sqlalchemy import select as core_select
from sqlmodel import Session, col, select

from console.domain.knowledge import Article, Category
from console.store.knowledge_tables import KnowledgeArticleRow, KnowledgeCitationRow
from console.store.tables import KindRow, OrderRow


@dataclass(frozen=True, slots=True)
class Imported:
    added: int  # versions stored
    same: int  # articles already stored with that text


@dataclass(frozen=True, slots=True)
class CitedCount:
    article_id: str
    title: str  # of the newest version cited
    count: int


def kinds(session: Session) -> frozenset[str]:
    """The catalogue's kind codes an article may name."""
    return frozenset(session.exec(select(KindRow.code)))


def stamp(session: Session) -> tuple[int, int]:
    """(versions stored, highest row id): changes whenever a version is added, so a seat knows
    when to read the articles again."""
    count, top = session.exec(
        select(func.count(col(KnowledgeArticleRow.id)), func.max(col(KnowledgeArticleRow.id)))
    ).one()
    return int(count or 0), int(top or 0)


_T = KnowledgeArticleRow.__table__.c  # type: ignore[attr-defined]
_COLUMNS = (_T.id, _T.article_id, _T.version, _T.title, _T.body, _T.category, _T.kinds,
            _T.keywords, _T.rule_id, _T.valid_from, _T.valid_to, _T.demo)  # fmt: skip


def _rows(session: Session, query: Any) -> list[tuple[int, Article]]:
    """(row id, article version) of each row of ``query`` over :data:`_COLUMNS`. A Core select: the
    ORM's objects cost 0.3 s for 2,000 rows."""
    found = []
    for row in session.execute(query):
        i, a, v, title, body, cat, kinds, keys, rule, start, end, demo = row
        article = Article(a, title, body, Category(cat), start, end, tuple(json.loads(kinds)),
                          tuple(json.loads(keys)), rule, bool(demo), v)  # fmt: skip
        found.append((i, article))
    return found


def versions(session: Session, article_id: str | None = None) -> list[Article]:
    """Every stored version (of one article), by id and version."""
    query = core_select(*_COLUMNS).order_by(_T.article_id, _T.version)
    if article_id is not None:
        query = query.where(_T.article_id == article_id)
    return [a for _, a in _rows(session, query)]


def versions_after(session: Session, row_id: int) -> list[tuple[int, Article]]:
    """The versions stored after row ``row_id`` (0: all), with their row ids, oldest first:
    versions are only ever added, so a reader keeps what it read and asks for the rest."""
    return _rows(session, core_select(*_COLUMNS).where(_T.id > row_id).order_by(_T.id))


def article_ids(session: Session) -> list[str]:
    return list(session.exec(select(KnowledgeArticleRow.article_id).distinct()))


def add_version(
    session: Session, article: Article, who: str, origin: str, now: datetime
) -> Article:
    """Store ``article`` as the next version of its id (version 1 for a new id)."""
    top = session.exec(
        select(func.max(KnowledgeArticleRow.version)).where(
            KnowledgeArticleRow.article_id == article.article_id
        )
    ).one()
    version = int(top or 0) + 1
    a = article
    session.add(KnowledgeArticleRow(
        article_id=a.article_id, version=version, title=a.title, body=a.body,
        category=a.category.value, kinds=json.dumps(list(a.kinds), ensure_ascii=False),
        keywords=json.dumps(list(a.keywords), ensure_ascii=False), rule_id=a.rule_id,
        valid_from=a.valid_from, valid_to=a.valid_to, demo=a.demo, changed_at=now,
        changed_by=who, origin=origin,
    ))  # fmt: skip
    session.flush()
    return Article(a.article_id, a.title, a.body, a.category, a.valid_from, a.valid_to, a.kinds,
                   a.keywords, a.rule_id, a.demo, version)  # fmt: skip


def import_articles(
    session: Session, articles: Iterable[Article], who: str, origin: str, now: datetime
) -> Imported:
    """Store each article that differs from every stored version of its id as its next
    version; count the ones already stored."""
    stored: dict[str, list[Article]] = {}
    for a in versions(session):
        stored.setdefault(a.article_id, []).append(a)
    added = same = 0
    for article in articles:
        if any(article.same_content(s) for s in stored.get(article.article_id, [])):
            same += 1
            continue
        add_version(session, article, who, origin, now)
        added += 1
    return Imported(added, same)


def order_exists(session: Session, number: str) -> bool:
    return session.exec(select(OrderRow.id).where(OrderRow.number == number)).first() is not None


def cite(
    session: Session, order_number: str, article: Article, platform: str, who: str, seat: str,
    now: datetime,
) -> None:  # fmt: skip
    session.add(KnowledgeCitationRow(order_number=order_number, article_id=article.article_id,
                                     version=article.version, platform=platform, cited_by=who,
                                     seat=seat, cited_at=now))  # fmt: skip


def citations(session: Session, order_number: str) -> list[tuple[str, int]]:
    """(article id, version) cited on an order, oldest first."""
    c = KnowledgeCitationRow
    rows = session.exec(select(c.article_id, c.version).where(c.order_number == order_number)
                        .order_by(col(c.cited_at), col(c.id)))  # fmt: skip
    return [(a, v) for a, v in rows]


def cited_counts(
    session: Session, start: datetime, end: datetime, platform: str | None, district: str | None
) -> Sequence[CitedCount]:
    """Citations made in ``[start, end)`` by article, most first: by seats of ``platform``,
    on orders of ``district`` (each when given)."""
    c, o = KnowledgeCitationRow, OrderRow
    query = (
        select(c.article_id, func.count(col(c.id)))
        .where(c.cited_at >= start, c.cited_at < end)
        .group_by(col(c.article_id))
    )
    if platform is not None:
        query = query.where(c.platform == platform)
    if district is not None:
        query = query.join(o, col(o.number) == col(c.order_number)).where(o.district == district)
    counts = {a: int(n) for a, n in session.exec(query)}
    if not counts:
        return []
    titles: dict[str, str] = {}
    a = KnowledgeArticleRow
    for article_id, title in session.exec(
        select(a.article_id, a.title).where(col(a.article_id).in_(list(counts)))
        .order_by(col(a.version))
    ):  # fmt: skip
        titles[article_id] = title  # the newest version's wins
    return sorted((CitedCount(k, titles.get(k, k), n) for k, n in counts.items()),
                  key=lambda x: (-x.count, x.article_id))  # fmt: skip
