"""Deadline policy: the sign-for, feedback and completion deadlines an order gets.

The numbers live in ``db/policy/deadlines.toml`` so IT can change them;
:mod:`console.domain.policy_file` parses that file (every error names the file, the rule and
the key) and this module turns a rule into due instants with the official business calendar. Alarm levels over those instants live in
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
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import UTC, datetime
from types import MappingProxyType

from console.domain.alarm_levels import AlarmSettings
from console.domain.calendar import BusinessCalendar, hours_after
from console.domain.orders import DeadlineKind, Deadlines, Platform, Priority

SIGN_FOR, FEEDBACK, COMPLETION = (
    DeadlineKind.SIGN_FOR,
    DeadlineKind.FEEDBACK,
    DeadlineKind.COMPLETION,
)

__all__ = [
    "DEADLINE_NAMES",
    "DeadlineSpec",
    "DeadlineSpecs",
    "Policy",
    "PolicyResult",
    "Rule",
]

DEADLINE_NAMES = tuple(kind.value for kind in DeadlineKind)
"""The policy file's keys: one per :class:`~console.domain.orders.DeadlineKind`."""


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
        calendar: BusinessCalendar,
        carried: Mapping[str, datetime | None],
    ) -> PolicyResult:
        due: dict[str, datetime | None] = dict.fromkeys(DEADLINE_NAMES)
        due.update(carried)
        started: dict[str, DeadlineSpec] = {}
        official = True
        for name in names:
            spec = specs.get(name)
            due[name], name_official = spec.due(start, calendar)
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
        calendar: BusinessCalendar,
        *,
        field: str | None = None,
    ) -> PolicyResult:
        """Deadlines of a new order created at ``start`` on ``platform``: feedback and
        completion from ``start``; sign-for ``None`` (it only applies after a transfer)."""
        specs = self.specs_for(kind, priority, platform, field)
        return self._start(specs, (FEEDBACK, COMPLETION), start, calendar, {})

    def transfer_deadlines(
        self,
        kind: str,
        priority: Priority,
        receiving_platform: Platform,
        at: datetime,
        calendar: BusinessCalendar,
        *,
        field: str | None = None,
        completion: datetime | None = None,
    ) -> PolicyResult:
        """Fresh sign-for and feedback deadlines for the receiving side, from the transfer
        instant ``at``, by the receiving platform's rule. ``completion`` (the order's running
        completion deadline) is carried over unchanged. The origin's own feedback deadline keeps
        running: see :meth:`origin_feedback_due`."""
        specs = self.specs_for(kind, priority, receiving_platform, field)
        carried = {COMPLETION.value: completion}
        return self._start(specs, (SIGN_FOR, FEEDBACK), at, calendar, carried)

    def reopen_deadlines(
        self,
        kind: str,
        priority: Priority,
        platform: Platform,
        at: datetime,
        calendar: BusinessCalendar,
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
        calendar: BusinessCalendar,
        *,
        field: str | None = None,
    ) -> datetime:
        """The originating side's own feedback deadline, which a transfer does not reset:
        the feedback deadline the order got at creation. Recomputed, not stored."""
        result = self.deadlines_for(kind, priority, origin, created_at, calendar, field=field)
        assert result.deadlines.feedback is not None
        return result.deadlines.feedback
