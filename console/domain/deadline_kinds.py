"""Every deadline kind, declared once: its names and the statuses in which it still runs.

:func:`running` is the one answer to "which deadlines still count down for this status": the
order detail shows the time left for those, the demo plans alarms for those, and the order
writer resolves the alarms of every other kind after each action (a deadline met, or the
order closed). Adding a kind: README "Add a deadline kind".

Pure Python (see STYLE.md); names are :class:`~console.domain.text.Text` the UI translates.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from types import MappingProxyType

from console.domain.order_types import TERMINAL, DeadlineKind, Status
from console.domain.text import QT_TRANSLATE_NOOP, Text

_OPEN = frozenset(Status) - TERMINAL


@dataclass(frozen=True, slots=True)
class DeadlineKindSpec:
    kind: DeadlineKind
    name: Text  # the alarm panel's "Deadline" column
    queue: Text  # the alarm panel's queue filter: the orders waiting on it
    due_label: Text  # the order detail's label of its due instant
    runs_while: frozenset[Status]


_DECLARED = (
    DeadlineKindSpec(
        DeadlineKind.SIGN_FOR, QT_TRANSLATE_NOOP("AlarmTableModel", "Sign for"),
        QT_TRANSLATE_NOOP("AlarmFilters", "Awaiting sign-for"), QT_TRANSLATE_NOOP("OrderDetail", "Sign-for due"),
        # until the receiving side signs for it (or sends it back)
        runs_while=frozenset({Status.TRANSFERRED}),
    ),
    DeadlineKindSpec(
        DeadlineKind.FEEDBACK, QT_TRANSLATE_NOOP("AlarmTableModel", "Feedback"),
        QT_TRANSLATE_NOOP("AlarmFilters", "Awaiting feedback"), QT_TRANSLATE_NOOP("OrderDetail", "Feedback due"),
        runs_while=_OPEN - {Status.FED_BACK},
    ),
    DeadlineKindSpec(
        DeadlineKind.COMPLETION, QT_TRANSLATE_NOOP("AlarmTableModel", "Completion"),
        QT_TRANSLATE_NOOP("AlarmFilters", "Awaiting completion"), QT_TRANSLATE_NOOP("OrderDetail", "Completion due"),
        runs_while=_OPEN,
    ),
)  # fmt: skip

DEADLINE_KINDS: Mapping[DeadlineKind, DeadlineKindSpec] = MappingProxyType(
    {spec.kind: spec for spec in _DECLARED}
)


def running(status: Status) -> tuple[DeadlineKind, ...]:
    """The deadlines that still count down for an order in ``status``, in declaration order."""
    return tuple(kind for kind, spec in DEADLINE_KINDS.items() if status in spec.runs_while)


def stopped(status: Status) -> tuple[DeadlineKind, ...]:
    """The deadlines that no longer run in ``status``: met, or the order is closed."""
    return tuple(kind for kind in DeadlineKind if kind not in running(status))
