"""Deadline policy: the sign-for, feedback and completion deadlines an order gets.

The numbers live in ``db/policy/deadlines.toml`` so IT can change them; this module parses that
file (every error names the file, the rule and the key) and turns a rule into due instants with
the official business calendar. Alarm levels over those instants live in
:mod:`console.domain.alarm_levels`.

Clock rules (when each deadline's clock starts):

- **New order** (:meth:`Policy.deadlines_for`): feedback and completion run from creation;
  sign-for is ``None`` (nobody has to sign for an order that was not transferred).
- **Transfer** (:meth:`Policy.transfer_deadlines`): the receiving side gets *fresh* sign-for and
  feedback deadlines from the transfer instant, by the receiving platform's rule; these become
  the order's :class:`~console.domain.orders.Deadlines`. The completion deadline of the whole
  loop is carried over unchanged. :class:`Deadlines` has one feedback slot, so the origin's own
  feedback deadline, which keeps running from creation, is not stored there: it is recomputed
  from the order's creation by :meth:`Policy.origin_feedback_due` (deterministic for a policy).
- **Returned or reopened** (:meth:`Policy.reopen_deadlines`): a fresh clock from that instant,
  exactly like a new order, so an order that comes back late never fires a burst of instant
  overdue alarms.

Pure Python: no Qt, no database (see STYLE.md).
"""

from __future__ import annotations

import dataclasses
import math
import tomllib
from collections.abc import Collection, Mapping
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from types import MappingProxyType
from typing import Any

from console.domain.alarm_levels import AlarmSettings
from console.domain.calendar import BusinessCalendar, default_calendar, hours_after
from console.domain.orders import Deadlines, Platform, Priority

__all__ = [
    "DEADLINE_NAMES",
    "DeadlineSpec",
    "DeadlineSpecs",
    "Policy",
    "PolicyResult",
    "Rule",
    "load_policy",
    "parse_policy",
]

DEADLINE_NAMES = ("sign_for", "feedback", "completion")
"""The deadline slots of :class:`~console.domain.orders.Deadlines`, also used in alarm keys."""

_PRIORITY_NAMES = {p.name.lower(): p for p in Priority}


@dataclass(frozen=True, slots=True)
class DeadlineSpec:
    """One deadline length: natural ``hours`` or official ``working_days`` (exactly one)."""

    hours: float | None = None
    working_days: int | None = None

    def __post_init__(self) -> None:
        if (self.hours is None) == (self.working_days is None):
            raise ValueError("give exactly one of {hours = N} or {working_days = N}")
        if self.hours is not None:
            h = self.hours
            if isinstance(h, bool) or not isinstance(h, int | float) or not math.isfinite(h):
                raise ValueError(f"hours must be a number, got {h!r}")
            if h <= 0:
                raise ValueError(f"hours must be > 0, got {h!r}")
            object.__setattr__(self, "hours", float(h))
        days = self.working_days
        if days is not None and (isinstance(days, bool) or not isinstance(days, int) or days < 1):
            raise ValueError(f"working_days must be a whole number >= 1, got {days!r}")

    def due(self, start: datetime, calendar: BusinessCalendar) -> tuple[datetime, bool]:
        """The due instant (UTC) from ``start``, and whether it is official (never provisional
        for hours; for working days, False when the count crosses a year no notice covers)."""
        if self.working_days is None:
            assert self.hours is not None
            return hours_after(start, self.hours), True
        deadline = calendar.working_deadline(start, self.working_days)
        return deadline.at, deadline.official

    def __str__(self) -> str:
        if self.working_days is None:
            return f"{self.hours:g} h"
        return f"{self.working_days} working day(s)"


@dataclass(frozen=True, slots=True)
class DeadlineSpecs:
    """The three deadline lengths that apply to one order."""

    sign_for: DeadlineSpec
    feedback: DeadlineSpec
    completion: DeadlineSpec

    def get(self, name: str) -> DeadlineSpec:
        if name not in DEADLINE_NAMES:
            raise KeyError(f"unknown deadline {name!r}; one of {', '.join(DEADLINE_NAMES)}")
        spec: DeadlineSpec = getattr(self, name)
        return spec


@dataclass(frozen=True, slots=True)
class Rule:
    """One ``[[rule]]``: match keys (``None`` = any) and the deadlines it sets."""

    source: str
    kinds: frozenset[str] | None = None
    fields: frozenset[str] | None = None
    priorities: frozenset[Priority] | None = None
    platform: Platform | None = None
    sign_for: DeadlineSpec | None = None
    feedback: DeadlineSpec | None = None
    completion: DeadlineSpec | None = None

    def matches(
        self, kind: str, priority: Priority, platform: Platform, field: str | None = None
    ) -> bool:
        return (
            (self.kinds is None or kind in self.kinds)
            and (self.fields is None or field in self.fields)
            and (self.priorities is None or priority in self.priorities)
            and (self.platform is None or platform is self.platform)
        )


@dataclass(frozen=True, slots=True)
class PolicyResult:
    """Deadlines computed by the policy.

    ``provisional`` is True when a working-day deadline crosses a year no holiday notice covers
    (show it as 暂定). ``start`` is the instant the fresh clocks started and ``specs`` holds the
    lengths of the deadlines started here (alarm thresholds need both); a deadline carried over
    (completion on transfer) or not applicable (sign-for on a new order) is not in ``specs``.
    """

    deadlines: Deadlines
    provisional: bool
    start: datetime
    specs: Mapping[str, DeadlineSpec]


@dataclass(frozen=True, slots=True)
class Policy:
    """The parsed deadline policy: first matching rule wins, [defaults] fill the gaps."""

    defaults: DeadlineSpecs
    rules: tuple[Rule, ...] = ()
    alarms: AlarmSettings = dataclasses.field(default_factory=AlarmSettings)
    origin: str = "<policy>"

    def rule_for(
        self, kind: str, priority: Priority, platform: Platform, field: str | None = None
    ) -> Rule | None:
        return next((r for r in self.rules if r.matches(kind, priority, platform, field)), None)

    def specs_for(
        self, kind: str, priority: Priority, platform: Platform, field: str | None = None
    ) -> DeadlineSpecs:
        """The lengths that apply to a ``kind``/``priority`` order ``platform`` must meet."""
        rule = self.rule_for(kind, priority, platform, field)
        if rule is None:
            return self.defaults
        return DeadlineSpecs(
            sign_for=rule.sign_for or self.defaults.sign_for,
            feedback=rule.feedback or self.defaults.feedback,
            completion=rule.completion or self.defaults.completion,
        )

    def _start(
        self,
        specs: DeadlineSpecs,
        names: tuple[str, ...],
        start: datetime,
        calendar: BusinessCalendar | None,
        carried: Mapping[str, datetime | None],
    ) -> PolicyResult:
        cal = calendar if calendar is not None else default_calendar()
        due: dict[str, datetime | None] = dict.fromkeys(DEADLINE_NAMES)
        due.update(carried)
        started: dict[str, DeadlineSpec] = {}
        official = True
        for name in names:
            spec = specs.get(name)
            due[name], name_official = spec.due(start, cal)
            official = official and name_official
            started[name] = spec
        return PolicyResult(
            deadlines=Deadlines(**due),
            provisional=not official,
            start=start.astimezone(UTC),
            specs=MappingProxyType(started),
        )

    def deadlines_for(
        self,
        kind: str,
        priority: Priority,
        platform: Platform,
        start: datetime,
        calendar: BusinessCalendar | None = None,
        *,
        field: str | None = None,
    ) -> PolicyResult:
        """Deadlines of a new order created at ``start`` on ``platform``: feedback and
        completion from ``start``; sign-for ``None`` (it only applies after a transfer)."""
        specs = self.specs_for(kind, priority, platform, field)
        return self._start(specs, ("feedback", "completion"), start, calendar, {})

    def transfer_deadlines(
        self,
        kind: str,
        priority: Priority,
        receiving_platform: Platform,
        at: datetime,
        calendar: BusinessCalendar | None = None,
        *,
        field: str | None = None,
        completion: datetime | None = None,
    ) -> PolicyResult:
        """Fresh sign-for and feedback deadlines for the receiving side, from the transfer
        instant ``at``, by the receiving platform's rule. ``completion`` (the order's running
        completion deadline) is carried over unchanged. The origin's own feedback deadline keeps
        running: see :meth:`origin_feedback_due`."""
        specs = self.specs_for(kind, priority, receiving_platform, field)
        carried = {"completion": completion}
        return self._start(specs, ("sign_for", "feedback"), at, calendar, carried)

    def reopen_deadlines(
        self,
        kind: str,
        priority: Priority,
        platform: Platform,
        at: datetime,
        calendar: BusinessCalendar | None = None,
        *,
        field: str | None = None,
    ) -> PolicyResult:
        """A returned or reopened order starts a fresh clock at ``at`` (as if new), so it
        never fires instant overdue alarms for time that ran out while it was elsewhere."""
        return self.deadlines_for(kind, priority, platform, at, calendar, field=field)

    def origin_feedback_due(
        self,
        kind: str,
        priority: Priority,
        origin: Platform,
        created_at: datetime,
        calendar: BusinessCalendar | None = None,
        *,
        field: str | None = None,
    ) -> datetime:
        """The originating side's own feedback deadline, which a transfer does not reset:
        the feedback deadline the order got at creation. Recomputed, not stored."""
        result = self.deadlines_for(kind, priority, origin, created_at, calendar, field=field)
        assert result.deadlines.feedback is not None
        return result.deadlines.feedback


# --------------------------------------------------------------------------- parsing

_MATCH_KEYS = ("kinds", "fields", "priority", "platform")
_RULE_KEYS = {*_MATCH_KEYS, *DEADLINE_NAMES, "source"}


class _Where:
    """Builds error messages naming the file, the section and the key."""

    def __init__(self, origin: str, section: str) -> None:
        self.origin, self.section = origin, section

    def __call__(self, key: str | None, why: str) -> ValueError:
        at = f" key '{key}':" if key is not None else ""
        return ValueError(f"{self.origin}: {self.section}:{at} {why}")


def _table(
    raw: object, where: _Where, allowed: set[str], required: Collection[str]
) -> dict[str, Any]:
    if not isinstance(raw, dict):
        raise where(None, "must be a table")
    unknown = sorted(set(raw) - allowed)
    if unknown:
        raise where(
            None, f"unknown key(s) {', '.join(unknown)}; allowed: {', '.join(sorted(allowed))}"
        )
    for key in required:
        if key not in raw:
            raise where(key, "missing")
    source = raw.get("source", "")
    if "source" in raw and (not isinstance(source, str) or not source.strip()):
        raise where("source", "must say where the numbers come from (a non-empty text)")
    return raw


def _spec(raw: object, key: str, where: _Where) -> DeadlineSpec:
    if not isinstance(raw, dict) or not set(raw) <= {"hours", "working_days"}:
        raise where(key, f"must be {{hours = N}} or {{working_days = N}}, got {raw!r}")
    try:
        return DeadlineSpec(hours=raw.get("hours"), working_days=raw.get("working_days"))
    except ValueError as exc:
        raise where(key, f"{exc} (got {raw!r})") from exc


def _codes(raw: object, key: str, where: _Where, known: Collection[str] | None) -> frozenset[str]:
    if not isinstance(raw, list) or not raw or not all(isinstance(c, str) and c for c in raw):
        raise where(key, f'must be a non-empty list of codes like ["P-JQ"], got {raw!r}')
    if known is not None:
        unknown = sorted(set(raw) - set(known))
        if unknown:
            raise where(key, f"unknown code(s) {', '.join(unknown)} (not in the catalogue)")
    return frozenset(raw)


def _priorities(raw: object, where: _Where) -> frozenset[Priority]:
    names = [raw] if isinstance(raw, str) else raw
    if not isinstance(names, list) or not names:
        raise where("priority", f"must be a priority name or a list of them, got {raw!r}")
    bad = [n for n in names if not isinstance(n, str) or n not in _PRIORITY_NAMES]
    if bad:
        allowed = " | ".join(_PRIORITY_NAMES)
        raise where("priority", f"unknown priority {bad[0]!r}; use {allowed}")
    return frozenset(_PRIORITY_NAMES[n] for n in names)


def _rule(
    raw: object, where: _Where, kinds: Collection[str] | None, fields: Collection[str] | None
) -> Rule:
    body = _table(raw, where, _RULE_KEYS, ("source",))
    if not any(k in body for k in _MATCH_KEYS):
        raise where(None, f"matches every order; give {', '.join(_MATCH_KEYS)} or use [defaults]")
    if not any(k in body for k in DEADLINE_NAMES):
        raise where(None, f"sets no deadline; give {', '.join(DEADLINE_NAMES)}")
    platform = body.get("platform")
    if platform is not None and platform not in {p.value for p in Platform}:
        raise where("platform", f'must be "12345" or "110", got {platform!r}')
    specs = {k: _spec(body[k], k, where) for k in DEADLINE_NAMES if k in body}
    return Rule(
        source=body["source"],
        kinds=_codes(body["kinds"], "kinds", where, kinds) if "kinds" in body else None,
        fields=_codes(body["fields"], "fields", where, fields) if "fields" in body else None,
        priorities=_priorities(body["priority"], where) if "priority" in body else None,
        platform=Platform(platform) if platform is not None else None,
        **specs,
    )


def parse_policy(
    text: str,
    origin: str = "<policy>",
    *,
    known_kinds: Collection[str] | None = None,
    known_fields: Collection[str] | None = None,
) -> Policy:
    """Parse policy TOML; every error is a ValueError naming ``origin``, the section (e.g.
    ``[[rule]] #2``, counted from 1 in file order) and the key. With ``known_kinds`` /
    ``known_fields``, codes missing from them are refused, except the file's ``pending_kinds``."""
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise ValueError(f"{origin}: not valid TOML: {exc}") from exc
    top = _Where(origin, "top level")
    _table(data, top, {"defaults", "rule", "alarms", "pending_kinds"}, ("defaults",))
    pending = data.get("pending_kinds", [])
    if pending:
        pending = _codes(pending, "pending_kinds", top, None)
    kinds = None if known_kinds is None else {*known_kinds, *pending}
    where = _Where(origin, "[defaults]")
    body = _table(data["defaults"], where, {*DEADLINE_NAMES, "source"}, (*DEADLINE_NAMES, "source"))
    defaults = DeadlineSpecs(**{k: _spec(body[k], k, where) for k in DEADLINE_NAMES})
    raw_rules = data.get("rule", [])
    if not isinstance(raw_rules, list):
        raise top("rule", "write each rule as a [[rule]] section")
    rules = tuple(
        _rule(raw, _Where(origin, f"[[rule]] #{n}"), kinds, known_fields)
        for n, raw in enumerate(raw_rules, start=1)
    )
    where = _Where(origin, "[alarms]")
    body = _table(data.get("alarms", {}), where, {"warn_share", "warn_lead_hours", "source"}, ())
    try:
        alarms = AlarmSettings(
            **{k: body[k] for k in ("warn_share", "warn_lead_hours") if k in body}
        )
    except ValueError as exc:
        raise where(None, str(exc)) from exc
    return Policy(defaults=defaults, rules=rules, alarms=alarms, origin=origin)


def load_policy(
    path: Path,
    *,
    known_kinds: Collection[str] | None = None,
    known_fields: Collection[str] | None = None,
) -> Policy:
    """Read and validate a policy file (e.g. ``bundle_path("db", "policy", "deadlines.toml")``)."""
    text = path.read_text(encoding="utf-8")
    return parse_policy(text, str(path), known_kinds=known_kinds, known_fields=known_fields)
