"""Reading the site's linkage plan files (预案, ``db/plans/*.toml``) into a :class:`PlanBook`.

A file holds the plans of one event type, a ``[level.N]`` section per response level, each a
list of ``steps``: which partner kind is asked, what it is asked to do and the acknowledgement
deadline. The file names its ``source`` (the published plan it follows) and says whether its
deadlines are the site's own figures (``figure_ours``), per file, per level or per step.

Every mistake is a :class:`PlanFileError` naming the file and the line, so IT can fix a
site-edited file without reading code: TOML syntax errors take tomllib's line; the others the
line of the offending key, step or section, found by scanning the text
(:mod:`console.domain.plan_lines`). Pure Python.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from console.domain.emergency import EventType, Level, PartnerKind, Plan, PlanBook, PlanStep
from console.domain.plan_lines import Spot, locate
from console.domain.toml_file import Misplaced, TomlFileError, TomlFiles

ACK_MOST = 1440  # a day: a deadline beyond it is a mistake, not a plan
TASK_MOST = 500

_TOP_KEYS = frozenset({"event_type", "source", "figure_ours", "level"})
_LEVEL_KEYS = frozenset({"source", "figure_ours", "steps"})
_STEP_KEYS = frozenset({"kind", "task", "ack_minutes", "figure_ours"})
_EVENT_CHOICES = " | ".join(f"{t.value} ({t.term})" for t in EventType)
_LEVEL_CHOICES = ", ".join(f"{v.value} ({v.numeral} {v.term})" for v in Level)
_KIND_CHOICES = ", ".join(k.value for k in PartnerKind)


class PlanFileError(TomlFileError):
    """A plan file with a mistake: ``path``, ``line`` (1-based; None when no line applies, e.g.
    a missing folder) and ``why``; str() is ``PATH:LINE: WHY``."""


_FILES = TomlFiles(
    PlanFileError,
    "plan files (预案目录不存在)",
    syntax="not valid TOML (TOML 语法错误)",
    no_line=None,
    bad_byte_line=True,
)


class _Mistake(Misplaced):
    """Raised while parsing; turned into a :class:`PlanFileError` once its line is found."""

    def __init__(self, spot: Spot, why: str) -> None:
        super().__init__(why)
        self.spot = spot

    def line(self, text: str) -> int:
        return locate(text, self.spot)


@dataclass(frozen=True, slots=True)
class _Where:
    level: str | None = None
    step: int | None = None  # 0-based

    def spot(self, key: str | None = None) -> Spot:
        return Spot(self.level, self.step, key)

    def __str__(self) -> str:
        if self.level is None:
            return "top level"
        section = f"[level.{self.level}]"
        return section if self.step is None else f"{section} step {self.step + 1}"

    def mistake(self, key: str | None, why: str) -> _Mistake:
        at = f" '{key}'" if key is not None else ""
        return _Mistake(self.spot(key), f"{self}:{at} {why}")


def parse_plans(text: str, origin: str) -> list[Plan]:
    """The plans of one file's text; raises :class:`PlanFileError` naming ``origin`` and the
    line."""
    return _FILES.parse(text, origin, lambda data: _plans(data, origin))


def load_plan_book(directory: Path) -> PlanBook:
    """Every ``*.toml`` file of ``directory`` (in name order) as one :class:`PlanBook`; an
    event type and level defined in two places is a mistake naming the second."""
    plans: dict[tuple[EventType, Level], Plan] = {}
    lines: dict[tuple[EventType, Level], int] = {}
    for name, text in _FILES.texts(directory):
        for plan in parse_plans(text, name):
            pair = (plan.event_type, plan.level)
            here = locate(text, Spot(plan.level.value, None, None))
            if pair in plans:
                first = f"{plans[pair].path}:{lines[pair]}"
                raise PlanFileError(
                    name, here, f"[level.{plan.level.value}]: the {plan.event_type.value} "
                    f"level {plan.level.numeral} plan is already defined in {first} "
                    "(同一事件类型、同一响应级别的预案只能有一处)",
                )  # fmt: skip
            plans[pair], lines[pair] = plan, here
    return PlanBook(plans)


def _plans(data: Mapping[str, Any], origin: str) -> list[Plan]:
    top = _Where()
    _known_keys(data, _TOP_KEYS, top)
    if "event_type" not in data:
        raise top.mistake("event_type", f"missing: which event type the file's plans are for: "
                          f"{_EVENT_CHOICES} (缺少事件类型)")  # fmt: skip
    raw_type = data["event_type"]
    if raw_type not in {t.value for t in EventType}:
        raise top.mistake("event_type", f"{raw_type!r} is not an event type; use "
                          f"{_EVENT_CHOICES} (未知的事件类型)")  # fmt: skip
    event_type = EventType(raw_type)
    source = _source(data, top, required=True)
    figure = _figure(data, top, None)
    levels = data.get("level")
    if not isinstance(levels, dict) or not levels:
        raise top.mistake(None, "no [level.N] section: write one per response level, e.g. "
                          "[level.2] for Ⅱ 重大 (没有任何级别的预案)")  # fmt: skip
    return [_plan(event_type, key, body, source, figure, origin) for key, body in levels.items()]


def _plan(
    event_type: EventType, key: str, body: object, source: str, figure: bool | None, origin: str
) -> Plan:
    where = _Where(key)
    if key not in {v.value for v in Level}:
        raise where.mistake(None, f"{key!r} is not a response level; use {_LEVEL_CHOICES} "
                            "(未知的响应级别)")  # fmt: skip
    if not isinstance(body, dict):
        raise where.mistake(None, "must be a section with steps = [...] (须为一节)")
    _known_keys(body, _LEVEL_KEYS, where)
    source = _source(body, where, required=False) or source
    figure = _figure(body, where, figure)
    raw_steps = body.get("steps")
    if not isinstance(raw_steps, list) or not raw_steps:
        raise where.mistake("steps", "missing or empty: list the partner kinds this level "
                            "notifies, e.g. steps = [{kind = \"fire\", task = \"…\", "
                            "ack_minutes = 10}] (须列出通知的联动单位)")  # fmt: skip
    steps: list[PlanStep] = []
    first: dict[PartnerKind, int] = {}
    for n, raw in enumerate(raw_steps):
        step = _step(raw, _Where(key, n), figure)
        if step.kind in first:
            raise _Where(key, n).mistake("kind", f"{step.kind.value!r} is already step "
                                         f"{first[step.kind] + 1} of this level "
                                         "(同一级别重复的联动单位类别)")  # fmt: skip
        first[step.kind] = n
        steps.append(step)
    return Plan(event_type, Level(key), tuple(steps), source, origin)


def _step(raw: object, where: _Where, figure: bool | None) -> PlanStep:
    if not isinstance(raw, dict):
        raise where.mistake(None, "must be a table {kind = …, task = …, ack_minutes = …}")
    _known_keys(raw, _STEP_KEYS, where)
    kind = raw.get("kind")
    if kind not in {k.value for k in PartnerKind}:
        got = "missing" if kind is None else f"{kind!r} is not a partner kind"
        raise where.mistake("kind", f"{got}; use one of {_KIND_CHOICES} (未知的联动单位类别)")
    task = raw.get("task")
    if not isinstance(task, str) or not task.strip():
        raise where.mistake("task", "missing or blank: say what the partner is asked to do "
                            "(须写明任务)")  # fmt: skip
    if len(task) > TASK_MOST:
        raise where.mistake("task", f"{len(task):,} characters, at most {TASK_MOST}")
    minutes = raw.get("ack_minutes")
    if isinstance(minutes, bool) or not isinstance(minutes, int) or not 0 < minutes <= ACK_MOST:
        got = "missing" if minutes is None else f"got {minutes!r}"
        raise where.mistake("ack_minutes", f"must be a whole number of minutes from 1 to "
                            f"{ACK_MOST}, {got} (确认时限须为 1–{ACK_MOST} 的整数分钟)")  # fmt: skip
    ours = _figure(raw, where, figure)
    if ours is None:
        raise where.mistake("figure_ours", "missing: say in the step, its level or the file "
                            "whether the deadline is the site's own figure (true) or the "
                            "source's (false) (须注明时限是否为本单位自定)")  # fmt: skip
    return PlanStep(PartnerKind(kind), task.strip(), minutes, ours)


def _known_keys(body: Mapping[str, Any], allowed: frozenset[str], where: _Where) -> None:
    unknown = [k for k in body if k not in allowed]
    if unknown:
        raise where.mistake(unknown[0], f"unknown key; allowed: {', '.join(sorted(allowed))} "
                            "(未知的键)")  # fmt: skip


def _source(body: Mapping[str, Any], where: _Where, *, required: bool) -> str:
    source = body.get("source")
    if source is None and not required:
        return ""
    if not isinstance(source, str) or not source.strip():
        got = "missing" if source is None else "must be a non-empty text"
        raise where.mistake("source", f"{got}: name the published plan the file follows, e.g. "
                            "《国家突发公共事件总体应急预案》 (须注明所依据的预案)")  # fmt: skip
    return source.strip()


def _figure(body: Mapping[str, Any], where: _Where, inherited: bool | None) -> bool | None:
    if "figure_ours" not in body:
        return inherited
    value = body["figure_ours"]
    if not isinstance(value, bool):
        raise where.mistake(
            "figure_ours",
            f"must be true (the deadline is the site's own: no "
            f"published figure) or false (it is the source's), got {value!r}",
        )
    return value
