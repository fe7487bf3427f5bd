"""The knowledge base (知识库) as stored (migration 0021).

An article is one row per version (``(article_id, version)`` unique): a change is a new version,
an old version is never rewritten (console.store.knowledge only ever inserts here). ``kinds``
and ``keywords`` are JSON lists. A citation is one row per article cited on an order: which
version, who, at which seat and platform, when; the reports count them by article.
"""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import Index
from sqlmodel import Field, SQLModel


class KnowledgeArticleRow(SQLModel, table=True):
    __tablename__ = "knowledge_article"
    __table_args__ = (Index("ux_knowledge_article_version", "article_id", "version", unique=True),)
    id: int | None = Field(default=None, primary_key=True)
    article_id: str
    version: int
    title: str
    body: str
    category: str  # console.domain.knowledge.Category
    kinds: str  # JSON list of kind codes; [] any
    keywords: str  # JSON list
    rule_id: str | None = None  # a consultation result's 会商 rule
    valid_from: date
    valid_to: date | None = None
    demo: bool = False
    changed_at: datetime
    changed_by: str
    origin: str  # the file it was imported from, or "console"


class KnowledgeCitationRow(SQLModel, table=True):
    __tablename__ = "knowledge_citation"
    __table_args__ = (
        Index("ix_knowledge_citation_at", "cited_at"),
        Index("ix_knowledge_citation_order", "order_number"),
    )
    id: int | None = Field(default=None, primary_key=True)
    order_number: str
    article_id: str
    version: int
    platform: str  # the citing seat's
    cited_by: str  # the login
    seat: str
    cited_at: datetime
