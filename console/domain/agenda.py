"""The disputed-matter agenda (会商议题): which matters keep ending in a three-way call, a return,
a re-dispatch or first contact, so the next joint consultation can settle them with a rule.

A dispute is one line of an order's timeline, declared once in :data:`DISPUTES` from the order
actions (console/domain/actions.py): a three-way call's outcome (三方通话), a return by the
side that received the order (退回, from the statuses ``ACTIONS[RETURN].sends_back_from``: the
origin sending feedback back for more work is not a dispute about the matter), a dispatch of an
order already dispatched (改派) and first-contact responsibility (首接负责).

:func:`gather` groups the disputed orders by matter — the order's kind, a keyword of its text
and its district (:class:`MatterKey`) — and counts them per dispute and per China month, with
example orders. The keyword is the longest of the 会商 vocabulary (the rules' and the transfer
lists' keywords, matched as the routing suggestion matches them: ``matched_keywords``) found in
the text; an order none matches gets the character bigram (``suggestions.grams``' bigrams,
passed in as ``grams``) that most of its kind-and-district neighbours share, if at least
``BIGRAM_FEW`` of them share it; else no keyword. :func:`effect` is a rule's matter before and
after the rule (the ``rules report``). Pure Python.
"""

from __future__ import annotations

import enum
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date, datetime
from types import MappingProxyType

from console.domain.actions import ACTIONS
from console.domain.calendar import china_date
from console.domain.consultation import Rule, Typed, matched_keywords, normalise, suggest
from console.domain.order_types import Action, Platform, Status
from console.domain.text import QT_TRANSLATE_NOOP, Text

EXAMPLES = 5  # example orders an agenda line names, newest first
BIGRAM_FEW = 2  # orders that must share a bigram for it to name their matter


class Dispute(enum.StrEnum):
    THREE_WAY = "three_way"  # 三方通话
    RETURN = "return"  # 退回
    REDISPATCH = "redispatch"  # 改派
    FIRST_CONTACT = "first_contact"  # 首接负责


@dataclass(frozen=True, slots=True)
class DisputeSpec:
    dispute: Dispute
    action: Action
    from_statuses: frozenset[Status] | None  # None: from any status
    name: Text


DISPUTES: Mapping[Dispute, DisputeSpec] = MappingProxyType({s.dispute: s for s in (
    DisputeSpec(Dispute.THREE_WAY, Action.THREE_WAY, None, QT_TRANSLATE_NOOP("Agenda", "Three-way call")),
    DisputeSpec(Dispute.RETURN, Action.RETURN, ACTIONS[Action.RETURN].sends_back_from,
                QT_TRANSLATE_NOOP("Agenda", "Returned")),
    DisputeSpec(Dispute.REDISPATCH, Action.DISPATCH, frozenset({Status.DISPATCHED}),
                QT_TRANSLATE_NOOP("Agenda", "Re-dispatched")),
    DisputeSpec(Dispute.FIRST_CONTACT, Action.FIRST_CONTACT, None,
                QT_TRANSLATE_NOOP("Agenda", "First contact")),
)})  # fmt: skip
"""Every kind of dispute, declared once: the timeline line that is one (the store's query reads
it, the agenda's columns too)."""


def dispute_of(action: str, from_status: str | None) -> Dispute | None:
    """The dispute a timeline line is, if any."""
    for spec in DISPUTES.values():
        if action == spec.action.value and (
            spec.from_statuses is None or from_status in {s.value for s in spec.from_statuses}
        ):
            return spec.dispute
    return None


@dataclass(frozen=True, slots=True)
class Disputed:
    """One dispute line with its order, as the store reads it (``at``: UTC)."""

    number: str
    kind: str
    field: str | None
    district: str
    description: str
    dispute: Dispute
    at: datetime


@dataclass(frozen=True, slots=True, order=True)
class MatterKey:
    """What an agenda line is about: an order kind, a keyword ("" none) and a district."""

    kind: str
    keyword: str
    district: str


@dataclass(frozen=True, slots=True)
class Topic:
    """One agenda line: ``orders`` disputed orders of the matter; per dispute, the orders with
    at least one such line; per month ("YYYY-MM", China), the orders whose first dispute of
    the period fell in it; ``examples`` the newest disputed ones."""

    key: MatterKey
    orders: int
    by_dispute: tuple[tuple[Dispute, int], ...]
    by_month: tuple[tuple[str, int], ...]
    examples: tuple[str, ...]

    def count(self, dispute: Dispute) -> int:
        return dict(self.by_dispute).get(dispute, 0)


def month_of(at: datetime) -> str:
    """The China month of a UTC instant, "YYYY-MM"."""
    return china_date(at).strftime("%Y-%m")


def vocabulary(keyword_lists: Iterable[Iterable[str]]) -> tuple[str, ...]:
    """The 会商 keywords (rules' and list items'), each once, longest first (the most specific
    names a matter), then in the order given."""
    seen = dict.fromkeys(k.strip() for keys in keyword_lists for k in keys if k.strip())
    return tuple(sorted(seen, key=lambda k: -len(normalise(k))))


def _keywords(
    orders: Mapping[str, Disputed], words: Sequence[str], grams: Callable[[str], list[str]]
) -> dict[str, str]:
    chosen: dict[str, str] = {}
    unmatched: dict[tuple[str, str], list[str]] = defaultdict(list)
    for number, d in orders.items():
        found = matched_keywords(words, normalise(d.description))
        if found:
            chosen[number] = found[0]
        else:
            unmatched[(d.kind, d.district)].append(number)
    for numbers in unmatched.values():
        own = {n: set(grams(orders[n].description)) for n in numbers}
        shared = Counter(g for gs in own.values() for g in gs)
        for n, gs in own.items():
            best = sorted(gs, key=lambda g: (-shared[g], g))
            chosen[n] = best[0] if best and shared[best[0]] >= BIGRAM_FEW else ""
    return chosen


def gather(
    found: Iterable[Disputed],
    words: Sequence[str],
    grams: Callable[[str], list[str]],
    examples: int = EXAMPLES,
) -> list[Topic]:
    """The agenda: one :class:`Topic` per matter, most disputed orders first. ``words``: the
    :func:`vocabulary`; ``grams``: a text's bigrams (``console.services.suggestions.grams``)."""
    lines: dict[str, list[Disputed]] = defaultdict(list)
    for d in found:
        lines[d.number].append(d)
    first = {n: min(ds, key=lambda d: d.at) for n, ds in lines.items()}
    keyword = _keywords(first, words, grams)
    matters: dict[MatterKey, list[str]] = defaultdict(list)
    for number, d in first.items():
        matters[MatterKey(d.kind, keyword[number], d.district)].append(number)
    topics = []
    for key, numbers in matters.items():
        per_dispute = Counter(x for n in numbers for x in {d.dispute for d in lines[n]})
        per_month = Counter(month_of(first[n].at) for n in numbers)
        newest = sorted(numbers, key=lambda n: (max(d.at for d in lines[n]), n), reverse=True)
        topics.append(Topic(
            key, len(numbers),
            tuple((x, per_dispute[x]) for x in Dispute if per_dispute[x]),
            tuple(sorted(per_month.items())), tuple(newest[:examples]),
        ))  # fmt: skip
    topics.sort(key=lambda t: (-t.orders, t.key))
    return topics


def concerns(rule: Rule, d: Disputed) -> bool:
    """Whether ``rule``'s matter covers the disputed order: the routing suggestion's own test
    (console.domain.consultation.suggest) with every value of the order known."""
    typed = Typed(Platform.HOTLINE, d.kind, d.field, d.district, d.description, rule.valid_from)
    return suggest((rule,), (), typed) is not None


def months_between(first: date, last: date) -> list[str]:
    """Every month from ``first``'s to ``last``'s, "YYYY-MM" (none when ``last`` is earlier)."""
    out = []
    y, m = first.year, first.month
    while (y, m) <= (last.year, last.month):
        out.append(f"{y:04d}-{m:02d}")
        y, m = (y + 1, 1) if m == 12 else (y, m + 1)
    return out


def add_months(day: date, months: int) -> date:
    """The first of the month ``months`` after (negative: before) ``day``'s month."""
    index = day.year * 12 + day.month - 1 + months
    return date(index // 12, index % 12 + 1, 1)


@dataclass(frozen=True, slots=True)
class RuleEffect:
    """A rule's matter before and after it: disputed orders per month, ``since``'s month and
    later counting as after. Means are per month shown."""

    rule: Rule
    since: date  # the first version's valid_from: when the matter was first ruled on
    before: tuple[tuple[str, int], ...]
    after: tuple[tuple[str, int], ...]

    @property
    def before_total(self) -> int:
        return sum(n for _, n in self.before)

    @property
    def after_total(self) -> int:
        return sum(n for _, n in self.after)

    @property
    def before_mean(self) -> float:
        return self.before_total / len(self.before) if self.before else 0.0

    @property
    def after_mean(self) -> float:
        return self.after_total / len(self.after) if self.after else 0.0


def effect(
    rule: Rule, since: date, found: Iterable[Disputed], today: date, window: int
) -> RuleEffect:
    """``rule``'s matter (its newest version's) in the ``window`` months before ``since``'s
    month and from it up to ``window`` months or ``today``'s month: disputed orders per month
    (an order counts once, in the month of its first dispute)."""
    first: dict[str, Disputed] = {}
    for d in found:
        if d.number not in first or d.at < first[d.number].at:
            first[d.number] = d
    counted = Counter(month_of(d.at) for d in first.values() if concerns(rule, d))
    start = add_months(since, -window)
    before = months_between(start, add_months(since, -1)) if window else []
    last = min(add_months(since, window - 1), today) if window else since
    after = months_between(since, last)
    return RuleEffect(
        rule, since, tuple((m, counted[m]) for m in before), tuple((m, counted[m]) for m in after)
    )
