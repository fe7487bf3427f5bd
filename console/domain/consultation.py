"""Joint consultation (会商): the agreed transfer lists (互转事项清单), the 会商 rules, and the
routing suggestion they give at intake.

A :class:`Rule` is what one consultation decided about one matter: which platform and which
department is responsible and how the matter is handled (处置规范). Rules are versioned: the
rule in effect for an id at an instant is its newest version whose validity has begun; when that
version has expired the rule is silent (an older version never comes back). A
:class:`TransferItem` is one item of a list agreed between the platforms: a matter that goes
from one to the other.

:func:`suggest` takes what the agent has typed so far (:class:`Typed`) and gives the
:class:`Advice`: the matching rule of highest priority first, else a transfer-list item of the
agent's platform's direction, else nothing (the service then looks at how similar past orders
ended). Keyword matching is on normalised text (:func:`normalise`): a keyword matches when it is
a substring of the text, or, for keywords of four characters or more, when at least
``NEAR_SHARE`` of its character bigrams occur in the text (噪音扰民 ≈ 噪声扰民). Pure Python.
"""

from __future__ import annotations

import enum
import re
import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date

from console.domain.order_types import Platform

NEAR_SHARE = 0.75  # of a long keyword's bigrams found in the text: a near match
NEAR_FROM = 4  # keywords shorter than this match only as substrings


class Direction(enum.StrEnum):
    """Which way a transfer-list item goes."""

    TO_110 = "12345->110"
    TO_12345 = "110->12345"

    @property
    def source(self) -> Platform:
        return Platform.HOTLINE if self is Direction.TO_110 else Platform.POLICE

    @property
    def target(self) -> Platform:
        return self.source.peer

    @property
    def shown(self) -> str:
        return f"{self.source.value}→{self.target.value}"


class Move(enum.StrEnum):
    STAY = "stay"  # the agent's platform handles it
    TRANSFER = "transfer"  # to the peer platform


@dataclass(frozen=True, slots=True)
class Consultation:
    """The meeting that decided (会商 / 联席会议): ``title`` as it is cited, e.g. 2026年第3次会商."""

    title: str
    held_on: date
    participants: tuple[str, ...] = ()
    minutes: str = ""  # the minutes' reference (会议纪要)


@dataclass(frozen=True, slots=True)
class Matter:
    """What a rule is about; an empty tuple is "any". District codes of a city (``2101`` +
    ``00``) cover its districts."""

    kinds: tuple[str, ...] = ()
    fields: tuple[str, ...] = ()
    districts: tuple[str, ...] = ()
    keywords: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class Rule:
    rule_id: str
    version: int
    matter: Matter
    platform: Platform  # the responsible platform
    department: str | None  # its department code (12345: the dispatch directory), if named
    norm: str  # 处置规范
    consultation: Consultation
    valid_from: date
    valid_to: date | None = None  # the last day it applies; None: until replaced
    priority: int | None = None

    def in_effect(self, day: date) -> bool:
        return self.valid_from <= day and (self.valid_to is None or day <= self.valid_to)

    @property
    def cited(self) -> str:
        return f"依据：{self.consultation.title} 规则 {self.rule_id}"


@dataclass(frozen=True, slots=True)
class TransferItem:
    direction: Direction
    number: str  # "3.2": class 3, item 2
    class_name: str  # 类别
    item: str  # 事项
    keywords: tuple[str, ...]
    kinds: tuple[str, ...] = ()  # the target platform's kinds it becomes there
    consultation: Consultation | None = None  # the agreement the list comes from

    @property
    def cited(self) -> str:
        agreed = f"{self.consultation.title} " if self.consultation else ""
        return f"依据：{agreed}互转事项清单（{self.direction.shown}）{self.number} {self.item}"


@dataclass(frozen=True, slots=True)
class Typed:
    """What the intake form holds at this point of typing (None: not chosen yet)."""

    platform: Platform  # the agent's
    kind: str | None
    field: str | None
    district: str | None
    text: str
    day: date


@dataclass(frozen=True, slots=True)
class Advice:
    """Stay or transfer, to which department, and why: the rule or the list item."""

    move: Move
    platform: Platform
    department: str | None
    rule: Rule | None = None
    item: TransferItem | None = None
    keywords: tuple[str, ...] = ()  # the keywords that matched
    also: tuple[str, ...] = field(default=())  # other rules that matched, by id, lower first

    @property
    def cited(self) -> str:
        if self.rule is not None:
            return self.rule.cited
        return self.item.cited if self.item is not None else ""

    @property
    def norm(self) -> str:
        return self.rule.norm if self.rule is not None else ""


class RuleConflict(ValueError):
    """Two rules in effect together that can match the same typing, with no priority to
    choose: ``first`` and ``second`` are their ids."""

    def __init__(self, first: Rule, second: Rule) -> None:
        self.first, self.second = first, second
        super().__init__(
            f"rules {first.rule_id} and {second.rule_id} overlap (same matter, validity "
            "overlapping) and do not both have a priority, or have the same one"
        )


_NOT_LETTER_OR_NUMBER = re.compile(r"[\W_]+")  # \w is str.isalnum(): categories L* and N*


def normalise(text: str) -> str:
    """NFKC, lower case, without spaces and punctuation (keeps Unicode letters and numbers,
    categories L and N): what keywords are matched against. A regular expression rather than a
    test of each character's category: the same result for every code point
    (tests/domain/test_knowledge.py), and the filtering a tenth of the cost (the knowledge base
    normalises every article when it reads them)."""
    return _NOT_LETTER_OR_NUMBER.sub("", unicodedata.normalize("NFKC", text).lower())


def _bigrams(text: str) -> set[str]:
    return {text[i : i + 2] for i in range(len(text) - 1)}


def matched_keywords(keywords: Iterable[str], text: str) -> tuple[str, ...]:
    """The keywords found in ``text`` (already :func:`normalise` d), in their order."""
    grams: set[str] | None = None
    found = []
    for keyword in keywords:
        key = normalise(keyword)
        if not key:
            continue
        if key in text:
            found.append(keyword)
        elif len(key) >= NEAR_FROM:
            grams = _bigrams(text) if grams is None else grams
            wanted = _bigrams(key)
            if len(wanted & grams) >= NEAR_SHARE * len(wanted):
                found.append(keyword)
    return tuple(found)


def district_covers(code: str, district: str) -> bool:
    """``code`` (a rule's district) covers ``district``: the same, or its city."""
    return code == district or (code.endswith("00") and district[:4] == code[:4])


def _allows(values: tuple[str, ...], chosen: str | None) -> bool:
    return not values or chosen is None or chosen in values


def _rule_keywords(rule: Rule, typed: Typed, text: str) -> tuple[str, ...] | None:
    """The keywords that matched (``()`` for a rule with none); None: the rule does not match."""
    m = rule.matter
    if not (_allows(m.kinds, typed.kind) and _allows(m.fields, typed.field)):
        return None
    where = typed.district
    if (
        m.districts
        and where is not None
        and not any(district_covers(d, where) for d in m.districts)
    ):
        return None
    if m.keywords:
        found = matched_keywords(m.keywords, text)
        return found or None
    return () if typed.kind is not None and typed.kind in m.kinds else None


def current(rules: Iterable[Rule], day: date) -> list[Rule]:
    """Per rule id, its newest version begun by ``day``, if that version has not expired."""
    newest: dict[str, Rule] = {}
    for rule in rules:
        if rule.valid_from > day:
            continue
        known = newest.get(rule.rule_id)
        if known is None or rule.version > known.version:
            newest[rule.rule_id] = rule
    return sorted((r for r in newest.values() if r.in_effect(day)), key=lambda r: r.rule_id)


def suggest(rules: Sequence[Rule], items: Sequence[TransferItem], typed: Typed) -> Advice | None:
    """The advice for ``typed``: a rule first (highest priority, then most keywords matched,
    then lowest id), else a transfer-list item of the agent's direction; None: neither."""
    text = normalise(typed.text)
    hits = []
    for rule in current(rules, typed.day):
        found = _rule_keywords(rule, typed, text)
        if found is not None:
            hits.append((rule, found))
    if hits:
        hits.sort(key=lambda h: (-(h[0].priority or 0), -len(h[1]), h[0].rule_id))
        rule, found = hits[0]
        move = Move.STAY if rule.platform is typed.platform else Move.TRANSFER
        also = tuple(r.rule_id for r, _ in hits[1:])
        return Advice(move, rule.platform, rule.department, rule=rule, keywords=found, also=also)
    best: tuple[TransferItem, tuple[str, ...]] | None = None
    for item in items:
        if item.direction.source is not typed.platform:
            continue
        found = matched_keywords(item.keywords, text)
        if found and (best is None or len(found) > len(best[1])):
            best = (item, found)
    if best is None:
        return None
    item, found = best
    return Advice(Move.TRANSFER, item.direction.target, None, item=item, keywords=found)


def overlapping(a: Rule, b: Rule) -> bool:
    """Could ``a`` and ``b`` both be in effect on one day and match one typing? Keywords
    overlap when one rule has none, or a keyword of one contains a keyword of the other."""
    if a.valid_to is not None and a.valid_to < b.valid_from:
        return False
    if b.valid_to is not None and b.valid_to < a.valid_from:
        return False
    ma, mb = a.matter, b.matter
    for x, y in ((ma.kinds, mb.kinds), (ma.fields, mb.fields)):
        if x and y and not set(x) & set(y):
            return False
    pairs = [(p, q) for p in ma.districts for q in mb.districts]
    if pairs and not any(district_covers(p, q) or district_covers(q, p) for p, q in pairs):
        return False
    if ma.keywords and mb.keywords:
        ka, kb = [normalise(k) for k in ma.keywords], [normalise(k) for k in mb.keywords]
        return any(x in y or y in x for x in ka for y in kb)
    return True


def check_overlaps(rules: Sequence[Rule]) -> None:
    """Raise :class:`RuleConflict` for the first two rules (latest version of different ids)
    that overlap without distinct priorities."""
    newest: dict[str, Rule] = {}
    for rule in rules:
        if rule.rule_id not in newest or rule.version > newest[rule.rule_id].version:
            newest[rule.rule_id] = rule
    latest = sorted(newest.values(), key=lambda r: r.rule_id)
    for i, a in enumerate(latest):
        for b in latest[i + 1 :]:
            if overlapping(a, b) and (
                a.priority is None or b.priority is None or a.priority == b.priority
            ):
                raise RuleConflict(a, b)
