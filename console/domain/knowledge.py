"""The knowledge base (知识库, issue 16): articles an agent reads beside the intake form and
cites on the order when answering a consultation (咨询).

An :class:`Article` is a policy answer (政策解答), a handling norm (处置规范) or the result of a
joint consultation (会商结果, naming the 会商 rule it comes from, ``console.domain.consultation``).
Articles are versioned like the 会商 rules: a change is a new version of the same id, an old
version is never rewritten; the article in effect on a day is its newest version begun by then,
and when that version has expired the article is silent (an older version never comes back).

:func:`check_article` is the one validation, for the files (``console.domain.knowledge_file``)
and the administrator's page alike; it refuses with :class:`Refused` codes the UI translates.
Pure Python: no Qt, no database.
"""

from __future__ import annotations

import enum
import re
from collections.abc import Collection, Iterable, Mapping
from dataclasses import dataclass, replace
from datetime import date
from types import MappingProxyType

from console.domain.refusals import Refused
from console.domain.text import QT_TRANSLATE_NOOP, Text

ARTICLE_ID = re.compile(r"K-\d{3,6}$")
RULE_ID = re.compile(r"R-\d{1,6}$")  # as console.domain.consultation_file.RULE_ID
TITLE_MOST = 100
BODY_MOST = 4000
KEYWORDS_MOST = 20
KEYWORD_MOST = 20  # characters of one keyword


class Category(enum.StrEnum):
    """What kind of article it is (the file's ``category``)."""

    POLICY = "policy"  # 政策解答: what the rules say, how to apply for something
    NORM = "norm"  # 处置规范: how a matter is handled
    CONSULTATION = "consultation"  # 会商结果: what a joint consultation decided (names its rule)


CATEGORY_NAMES: Mapping[Category, Text] = MappingProxyType({
    Category.POLICY: QT_TRANSLATE_NOOP("Knowledge", "Policy answer"),
    Category.NORM: QT_TRANSLATE_NOOP("Knowledge", "Handling norm"),
    Category.CONSULTATION: QT_TRANSLATE_NOOP("Knowledge", "Consultation result"),
})  # fmt: skip
CATEGORY_ZH: Mapping[Category, str] = MappingProxyType(
    {Category.POLICY: "政策解答", Category.NORM: "处置规范", Category.CONSULTATION: "会商结果"}
)


@dataclass(frozen=True, slots=True)
class Article:
    """One version of an article. ``kinds``: the request kinds it is for (empty: any);
    ``keywords``: words that, typed, bring it up first; ``rule_id``: the 会商 rule a
    consultation result comes from; ``valid_to``: its last day (None: until replaced)."""

    article_id: str  # K-001
    title: str
    body: str
    category: Category
    valid_from: date
    valid_to: date | None = None
    kinds: tuple[str, ...] = ()
    keywords: tuple[str, ...] = ()
    rule_id: str | None = None
    demo: bool = False
    version: int = 1

    def in_effect(self, day: date) -> bool:
        return self.valid_from <= day and (self.valid_to is None or day <= self.valid_to)

    def for_kind(self, kind: str | None) -> bool:
        """Shown for ``kind`` (None: no kind chosen yet, every article)."""
        return kind is None or not self.kinds or kind in self.kinds

    @property
    def cited(self) -> str:
        """How the order's record names it."""
        rule = f"，会商规则 {self.rule_id}" if self.rule_id else ""
        return f"依据：知识库 {self.article_id} 第{self.version}版《{self.title}》{rule}"

    def same_content(self, other: Article) -> bool:
        """The same article text, whatever the version numbers."""
        return replace(self, version=0) == replace(other, version=0)


def _words(values: Iterable[str]) -> tuple[str, ...]:
    return tuple(dict.fromkeys(v.strip() for v in values if v.strip()))


def check_article(article: Article, kinds: Collection[str] | None = None) -> Article:
    """``article`` with its texts trimmed, or :class:`Refused`: an id like K-001, a title and a
    body of the right length, known ``kinds`` (when ``kinds`` is given), at most
    ``KEYWORDS_MOST`` short keywords, validity in order, and a rule id exactly when it is a
    consultation result."""
    a = replace(
        article,
        article_id=article.article_id.strip(),
        title=article.title.strip(),
        body=article.body.strip(),
        kinds=_words(article.kinds),
        keywords=_words(article.keywords),
        rule_id=(article.rule_id or "").strip() or None,
    )
    if not ARTICLE_ID.match(a.article_id):
        raise Refused("article_id", why=f"article id {a.article_id!r} is not like K-001")
    if not 1 <= len(a.title) <= TITLE_MOST or "\n" in a.title:
        raise Refused("article_title", most=str(TITLE_MOST))
    if not 1 <= len(a.body) <= BODY_MOST:
        raise Refused("article_body", most=str(BODY_MOST))
    for kind in a.kinds:
        if kinds is not None and kind not in kinds:
            raise Refused("article_kind", kind=kind)
    if len(a.keywords) > KEYWORDS_MOST or any(len(k) > KEYWORD_MOST for k in a.keywords):
        raise Refused("article_keywords", most=str(KEYWORDS_MOST), length=str(KEYWORD_MOST))
    if a.valid_to is not None and a.valid_to < a.valid_from:
        raise Refused("article_dates")
    consultation = a.category is Category.CONSULTATION
    if consultation != (a.rule_id is not None) or (a.rule_id and not RULE_ID.match(a.rule_id)):
        raise Refused("article_rule")
    if a.version < 1:
        raise ValueError("an article's version counts from 1")
    return a


def current(articles: Iterable[Article], day: date) -> list[Article]:
    """Per article id, its newest version begun by ``day``, if that version has not expired;
    by id."""
    newest: dict[str, Article] = {}
    for article in articles:
        if article.valid_from > day:
            continue
        known = newest.get(article.article_id)
        if known is None or article.version > known.version:
            newest[article.article_id] = article
    live = (a for a in newest.values() if a.in_effect(day))
    return sorted(live, key=lambda a: a.article_id)


def newest(articles: Iterable[Article]) -> list[Article]:
    """Per article id, its newest version whatever its validity (the administrator's list)."""
    found: dict[str, Article] = {}
    for article in articles:
        known = found.get(article.article_id)
        if known is None or article.version > known.version:
            found[article.article_id] = article
    return sorted(found.values(), key=lambda a: a.article_id)


def next_id(ids: Iterable[str]) -> str:
    """The id after the highest ``K-nnn`` given (K-001 for none)."""
    numbers = [int(i[2:]) for i in ids if ARTICLE_ID.match(i)]
    return f"K-{max(numbers, default=0) + 1:03d}"
