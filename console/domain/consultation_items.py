"""Consultation items (会商议题) and what the consultation decides about one.

The shift lead turns an agenda line (console.domain.agenda.Topic) into an :class:`Item`: the
matter, its counts and example orders as they were when it was put on the agenda, ``open``
until the consultation decides. A :class:`Decision` (the meeting, the responsible platform and
department, the handling norm, the matter as the rule will match it) becomes a 会商 rule
(:func:`rule_of`); an edit of a rule in the console is a :class:`Decision` too, made into the
next version of that rule. :func:`check_decision` lists every :class:`Problem` at once, each a
sentence the UI says in the user's language (the form keeps what was typed). Pure Python.
"""

from __future__ import annotations

import enum
from collections.abc import Collection, Mapping
from dataclasses import dataclass
from datetime import date, datetime

from console.domain.agenda import Dispute, MatterKey
from console.domain.consultation import Consultation, Matter, Rule
from console.domain.consultation_file import RULE_ID, TEXT_MOST
from console.domain.order_types import Platform
from console.domain.text import QT_TRANSLATE_NOOP, Text


class ItemStatus(enum.StrEnum):
    OPEN = "open"  # 待会商
    DECIDED = "decided"  # 已决定: a rule was made of it


ITEM_STATUS_NAMES: Mapping[ItemStatus, Text] = {
    ItemStatus.OPEN: QT_TRANSLATE_NOOP("Agenda", "Open"),
    ItemStatus.DECIDED: QT_TRANSLATE_NOOP("Agenda", "Decided"),
}


@dataclass(frozen=True, slots=True)
class Item:
    id: int
    matter: MatterKey
    orders: int
    by_dispute: tuple[tuple[Dispute, int], ...]
    by_month: tuple[tuple[str, int], ...]
    examples: tuple[str, ...]
    status: ItemStatus
    created_at: datetime
    created_by: str
    rule_id: str | None = None  # the rule the decision made, and its version
    rule_version: int | None = None


@dataclass(frozen=True, slots=True)
class Decision:
    """What the consultation decided (or what an edit of a rule says now)."""

    title: str  # the consultation as it is cited: 2026年第4次会商
    held_on: date
    participants: tuple[str, ...]
    minutes: str  # the minutes' reference (会议纪要)
    matter: Matter
    platform: Platform
    department: str | None
    norm: str  # 处置规范
    valid_from: date
    priority: int | None = None

    @property
    def consultation(self) -> Consultation:
        return Consultation(self.title.strip(), self.held_on,
                            tuple(p.strip() for p in self.participants if p.strip()),
                            self.minutes.strip())  # fmt: skip


class Problem(enum.Enum):
    """Why a decision, an edit or a retirement is refused; the value is its sentence
    ({rule}: a rule id; {item}: an item's number)."""

    TITLE = QT_TRANSLATE_NOOP("Agenda", "Name the consultation, e.g. 2026年第4次会商.")
    PARTICIPANTS = QT_TRANSLATE_NOOP("Agenda", "Name at least one participant.")
    NORM = QT_TRANSLATE_NOOP("Agenda", "Write the handling norm (处置规范).")
    TOO_LONG = QT_TRANSLATE_NOOP("Agenda", "A text is longer than 2000 characters.")
    MATTER = QT_TRANSLATE_NOOP("Agenda", "A rule names kinds or keywords (or both).")
    UNKNOWN_CODE = QT_TRANSLATE_NOOP("Agenda", "A kind, field or district is not in the catalogue.")
    DEPARTMENT = QT_TRANSLATE_NOOP(
        "Agenda", "The department is not in the 12345 dispatch directory."
    )
    BEFORE_MEETING = QT_TRANSLATE_NOOP(
        "Agenda", "The rule cannot apply before the consultation was held."
    )
    LAST_DAY = QT_TRANSLATE_NOOP("Agenda", "The last day is before the rule begins.")
    OVERLAP = QT_TRANSLATE_NOOP(
        "Agenda",
        "It overlaps rule {rule} with no priority to choose between them: give both a different priority.",
    )
    DECIDED = QT_TRANSLATE_NOOP("Agenda", "This item is already decided.")
    ON_AGENDA = QT_TRANSLATE_NOOP("Agenda", "The matter is on the agenda already: item #{item}.")
    NO_RULE = QT_TRANSLATE_NOOP("Agenda", "There is no such rule.")
    RETIRED = QT_TRANSLATE_NOOP("Agenda", "The rule has already ended.")
    STALE = QT_TRANSLATE_NOOP("Agenda", "The rule was changed meanwhile: read it again.")  # fmt: skip


class DecisionRefused(ValueError):
    """Refused, with every problem found; ``params`` fill the sentences' placeholders."""

    def __init__(self, problems: Collection[Problem], **params: str) -> None:
        self.problems = tuple(problems)
        self.params = params
        super().__init__("; ".join(p.value.source.format_map(_Kept(params)) for p in problems))


class _Kept(dict[str, str]):
    def __missing__(self, key: str) -> str:
        return "{" + key + "}"


@dataclass(frozen=True, slots=True)
class Catalogue:
    """The codes a decision is checked against (console.domain.consultation_file.Known's)."""

    kinds: frozenset[str]
    fields: frozenset[str]
    districts: frozenset[str]
    departments: frozenset[str]


def check_decision(d: Decision, known: Catalogue) -> list[Problem]:
    """Every problem of ``d``, in the form's order (empty: it can become a rule)."""
    problems = []
    if not d.title.strip():
        problems.append(Problem.TITLE)
    if not any(p.strip() for p in d.participants):
        problems.append(Problem.PARTICIPANTS)
    if not d.norm.strip():
        problems.append(Problem.NORM)
    texts = [d.title, d.minutes, d.norm, *d.participants, *d.matter.keywords]
    if any(len(t) > TEXT_MOST for t in texts):
        problems.append(Problem.TOO_LONG)
    m = d.matter
    if not m.kinds and not any(k.strip() for k in m.keywords):
        problems.append(Problem.MATTER)
    if (
        not set(m.kinds) <= known.kinds
        or not set(m.fields) <= known.fields
        or not set(m.districts) <= known.districts
    ):
        problems.append(Problem.UNKNOWN_CODE)
    if (
        d.department
        and d.platform is Platform.HOTLINE
        and d.department.strip() not in known.departments
    ):
        problems.append(Problem.DEPARTMENT)
    if d.valid_from < d.held_on:
        problems.append(Problem.BEFORE_MEETING)
    return problems


def next_rule_id(taken: Collection[str]) -> str:
    """The next free id after the highest stored one: R-001, R-002 …"""
    numbers = [int(r[2:]) for r in taken if RULE_ID.match(r)]
    return f"R-{max(numbers, default=0) + 1:03d}"


def rule_of(d: Decision, rule_id: str, version: int, valid_to: date | None = None) -> Rule:
    """The rule version ``d`` decides (checked first with :func:`check_decision`)."""
    m = d.matter
    matter = Matter(m.kinds, m.fields, m.districts,
                    tuple(k.strip() for k in m.keywords if k.strip()))  # fmt: skip
    department = d.department.strip() if d.department and d.department.strip() else None
    return Rule(rule_id, version, matter, d.platform, department, d.norm.strip(),
                d.consultation, d.valid_from, valid_to, d.priority)  # fmt: skip


def decision_of(rule: Rule) -> Decision:
    """A rule as the edit form shows it (what an edit starts from)."""
    c = rule.consultation
    return Decision(c.title, c.held_on, c.participants, c.minutes, rule.matter, rule.platform,
                    rule.department, rule.norm, rule.valid_from, rule.priority)  # fmt: skip


def matter_of(key: MatterKey) -> Matter:
    """The matter a rule made from an agenda line matches: its kind, district and keyword."""
    return Matter((key.kind,), (), (key.district,), (key.keyword,) if key.keyword else ())


class RuleState(enum.StrEnum):
    """Where a stored rule version stands on a day."""

    IN_EFFECT = "in_effect"  # 生效中
    FUTURE = "future"  # not begun yet
    EXPIRED = "expired"  # its last day has passed (the rule is silent)
    SUPERSEDED = "superseded"  # a newer version of the rule has begun


RULE_STATE_NAMES: Mapping[RuleState, Text] = {
    RuleState.IN_EFFECT: QT_TRANSLATE_NOOP("Agenda", "In effect"),
    RuleState.FUTURE: QT_TRANSLATE_NOOP("Agenda", "Not yet in effect"),
    RuleState.EXPIRED: QT_TRANSLATE_NOOP("Agenda", "Expired"),
    RuleState.SUPERSEDED: QT_TRANSLATE_NOOP("Agenda", "Superseded"),
}


def rule_states(versions: Collection[Rule], day: date) -> dict[tuple[str, int], RuleState]:
    """Each version's state on ``day``: per id, the newest version begun is the one that
    counts (console.domain.consultation.current); older begun versions are superseded."""
    counting: dict[str, Rule] = {}
    for r in versions:
        if r.valid_from <= day and (
            r.rule_id not in counting or r.version > counting[r.rule_id].version
        ):
            counting[r.rule_id] = r
    states = {}
    for r in versions:
        if r.valid_from > day:
            state = RuleState.FUTURE
        elif counting[r.rule_id] is not r:
            state = RuleState.SUPERSEDED
        elif r.valid_to is not None and r.valid_to < day:
            state = RuleState.EXPIRED
        else:
            state = RuleState.IN_EFFECT
        states[(r.rule_id, r.version)] = state
    return states
