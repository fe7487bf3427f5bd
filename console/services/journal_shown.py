"""What the seat's outage journal shows the agent (issue 18): the banner's view, the order
detail's 暂存 lines, what a write-back did, and the order as it WILL be once written.

While the database is away the seat holds the agent's steps (and new orders) in its journal
(``console.services.journal``). The order detail shows an order as the journal will leave it:
the order as read from the database — or, for a new order still held (暂存-0003), as it will
be made from its draft — with the agent's held steps on it applied by the domain's own rules
(``orders.apply``), so its status, its timeline and the next steps the rules allow are those of
after the write-back. :class:`Shown` counts the lines not yet in the database, for the UI to
mark them. A held step that no longer fits the order (another seat changed it meanwhile: its
``seen`` no longer matches, or the rules refuse it now) ends the projection there: the
write-back will set it aside, and the detail's 暂存 lines say so. The deadlines are those the
write-back will give (``OrderWriter.deadlines``: the policy and the working-day calendar, both
in memory): a held new order shows its feedback and completion deadlines from the time it was
saved, a held step those it starts (:attr:`Shown.held_deadlines` names them, for the UI to mark).

Data and pure functions: the service (``JournalService``) reads the journal for them.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import asdict, dataclass, field, replace
from datetime import datetime
from typing import Any

from console.domain.intake import Draft, clean
from console.domain.orders import (
    Action,
    Actor,
    Caller,
    DeadlineKind,
    Deadlines,
    FirstContactMode,
    Priority,
    TransitionError,
    WorkOrder,
    apply,
    new_order,
)
from console.domain.refusals import Refused
from console.services.faults import explain
from console.services.orders import InvalidDraft
from console.store.journal_file import Entry
from console.store.orders import OrderSummary

CREATE, STEP = "create", "step"  # the journal's entries that are shown: a new order, a step
HELD_LABEL = "暂存-{seq:04d}"  # what the agent is given for a held order, instead of a number
_LABEL_HEAD = HELD_LABEL.split("{", 1)[0]


def held_label(seq: int) -> str:
    return HELD_LABEL.format(seq=seq)


def held_seq(label: str) -> int | None:
    """The journal entry a held label names (暂存-0003 → 3), None for an order number."""
    tail = label[len(_LABEL_HEAD) :] if label.startswith(_LABEL_HEAD) else ""
    return int(tail) if tail.isdigit() else None


@dataclass(frozen=True, slots=True)
class SetAside:
    """A held entry that was not written, and why; the agent sees it until dismissed."""

    seq: int
    label: str  # 暂存-0003
    kind: str  # CREATE or STEP
    number: str  # the order a step was for ("" for a new order)
    reason: str  # a refusal code: "stale" (changed by another seat meanwhile), …
    at: datetime  # when the agent saved it


@dataclass(frozen=True, slots=True)
class JournalView:
    """What the status bar's banner says."""

    offline: bool  # the last write or health check found the database unreachable
    held: int  # this agent's entries waiting for the database
    others: int  # other agents' entries held at this seat (written when they sign in here)
    aside: tuple[SetAside, ...] = ()


@dataclass(frozen=True, slots=True)
class Pending:
    """A step held on an order, as the order detail shows it under 暂存 until written."""

    seq: int
    label: str
    action: Action
    note: str
    at: datetime
    reason: str = ""  # set aside, and why ("stale": the order changed meanwhile); "": waiting


@dataclass(frozen=True, slots=True)
class Replayed:
    written: list[tuple[str, str]] = field(default_factory=list)  # (held label, order number)
    aside: list[SetAside] = field(default_factory=list)
    stopped: bool = False  # the database went away again: the rest is still held


@dataclass(frozen=True, slots=True)
class Shown:
    """An order as the order detail shows it: as it will be once the journal is written."""

    order: WorkOrder  # the held steps applied (the order itself, when none are held)
    base: WorkOrder  # without them: as read, or (a held new order) as it will be made
    written: int  # how many of ``order``'s timeline lines are in the database (0: held order)
    read_at: datetime | None = None  # base is the seat's copy read then (the database away)

    @property
    def held(self) -> int:
        """How many of the timeline's last lines are held on the seat, not yet written."""
        return len(self.order.timeline) - self.written

    @property
    def held_deadlines(self) -> tuple[DeadlineKind, ...]:
        """The deadlines shown that are not in the database yet: a held new order's, and those
        a held step starts (the write-back sets them)."""
        was = self.base.deadlines if self.written else Deadlines()
        return tuple(k for k, at in self.order.deadlines.items() if at and at != was.get(k))


def reason_of(exc: BaseException) -> str:
    """Why an entry the write-back refused is set aside: a refusal's code."""
    if isinstance(exc, InvalidDraft):
        return "invalid_draft"
    said = exc if isinstance(exc, Refused) else explain(exc)
    return said.code if said is not None else "db_fault"


def set_aside(entry: Entry, reason: str) -> SetAside:
    number = str(entry.body.get("number", "")) if entry.kind == STEP else ""
    return SetAside(entry.seq, held_label(entry.seq), entry.kind, number, reason, entry.at)


Starts = Callable[[WorkOrder, Action, datetime], Deadlines | None]
"""The deadlines an action on an order starts when written at a time (``OrderWriter.deadlines``)."""


def project(
    base: WorkOrder,
    written: int,
    steps: Iterable[Entry],
    actor: Actor,
    starts: Starts | None = None,
) -> Shown:
    """``base`` with ``steps`` (the agent's held steps on it, oldest first) applied, each at
    the time it was held, with the deadlines it starts (``starts``); stops at the first that
    does not fit (see the module's docstring)."""
    order = base
    for entry in steps:
        body = entry.body
        if int(body.get("seen", -1)) != len(order.timeline):
            break  # the order changed under it: set aside at write-back, not shown as done
        mode = body.get("first_contact_mode")
        try:
            action = Action(body["action"])
            due = starts(order, action, entry.at) if starts is not None else None
            order = apply(order, action, actor, entry.at, str(body.get("note", "")),
                          FirstContactMode(mode) if mode else None, due,
                          detail=str(body.get("detail", "")))  # fmt: skip
        except TransitionError:
            break
    return Shown(order, base, written)


def held_new_order(
    label: str, entry: Entry, actor: Actor, starts: Starts | None = None
) -> WorkOrder:
    """The new order held as ``label`` (暂存-0003), as it will be made from its draft: its
    number comes with the write-back, its deadlines (``starts``) from the time it was saved."""
    typed = clean(draft_of(entry.body))
    order = new_order(
        number=label, actor=actor, at=entry.at,
        caller=Caller(typed.caller_phone, typed.caller_name or None), kind=typed.kind,
        field=typed.field or None, district=typed.district, address=typed.address,
        description=typed.description, priority=typed.priority,
        social_stability=typed.social_stability, consent=typed.consent,
    )  # fmt: skip
    due = starts(order, Action.CREATE, entry.at) if starts is not None else None
    return order if due is None else replace(order, deadlines=due)


def summary(seq: int, order: WorkOrder) -> OrderSummary:
    """A held order as a line of the caller's history (the screen pop); its id is no row's."""
    return OrderSummary(-seq, order.number, order.created_at, order.kind, order.status,
                        order.owner, order.description, order.address)  # fmt: skip


def draft_body(draft: Draft) -> dict[str, Any]:
    """A draft as the journal keeps it (JSON)."""
    body = asdict(draft)
    body["priority"] = draft.priority.value
    return body


def draft_of(body: dict[str, Any]) -> Draft:
    values = dict(body)
    values["priority"] = Priority(values.get("priority", Priority.NORMAL.value))
    return Draft(**values)
