"""Every order action, declared once: what it needs, who takes it, where it leads, how it is shown.

:data:`ACTIONS` is the one place an action is described. The rules (``order_rules.check``,
``orders.apply``, ``orders.replay``), the services (which use case carries a step out, which
deadlines start) and the UI (the step buttons in this order, their names, the form's fields and
hints, the refusal sentences) all read it. Adding an action is one :class:`ActionSpec` here
plus its ``Action`` member, its translations and its tests (README: "Add an order action").

Pure Python: no Qt, no database (see STYLE.md). Names and hints are :class:`~console.domain.text.Text`,
translated by the UI.
"""

from __future__ import annotations

import enum
from collections.abc import Mapping
from dataclasses import dataclass
from types import MappingProxyType

from console.domain.order_types import TERMINAL, Action, Status
from console.domain.text import QT_TRANSLATE_NOOP, Text

MAX_NOTE = 2000  # characters of a step's note (the description has its own limit)


class Who(enum.Enum):
    """Which platform's seat may take the action."""

    OWNER = "owner"  # the platform that has the order now
    ORIGIN = "origin"  # the platform the caller reached first (撤销 is the origin's)
    JUDGE = (
        "judge"  # the origin once the order is fed back (it judges the feedback), else the owner
    )
    # Either platform holding a copy: a caller who reached this platform joins the order (并入)
    # wherever it is worked; the owner's system applies the step by its own rules (exchange).
    HOLDER = "holder"


class FormField(enum.Enum):
    """What a step's form asks for besides the note (always shown, required by ``note``)."""

    DEPARTMENT = "department"  # from the directory; becomes the event's detail
    POLICE_KIND = "kind"  # a 110 police kind, for the linked order of an escalation
    OUTCOME = "outcome"  # a three-way call's outcome; becomes the event's detail
    FIRST_CONTACT_MODE = "mode"  # provisional acceptance or guidance (with OUTCOME: if neither)
    CONSENT = "consent"  # the caller agrees to the transfer, recorded with it


class Guard(enum.Enum):
    """A rule of one action beyond status and platform; the value is its refusal code."""

    HOTLINE_ONLY = "dispatch_12345_only"  # only 12345 dispatches to departments
    HAS_DEPARTMENT = "escalate_needs_department"  # a department's report: dispatched first
    KNOWN_OUTCOME = "bad_outcome"  # the detail is a ThreeWayOutcome
    CONSENT = "no_consent"  # consent recorded, or a clue / escalation that needs none
    MODE_GIVEN = "needs_mode"  # first contact says provisional or guidance
    NOT_GUIDANCE = "guidance_closed"  # guidance-only first contact closes, it is not handled
    NOT_PROVISIONAL = "provisional_not_done"  # provisional first contact is handled first
    NO_CALLERS = "merge_has_callers"  # a duplicate others joined splits them off first
    WAS_MERGED = "merge_not_merged"  # 拆单: the order's last line merged it into that order
    JOINED = "merge_not_joined"  # 拆出: that order's caller joined this one and is still here


class Effect(enum.Enum):
    """What the action changes on the order besides its status (``orders.apply``)."""

    TO_PEER = "to_peer"  # the order goes to the peer platform
    SETS_DEPARTMENT = "department"  # the detail is the department it is dispatched to
    SETS_MODE = "mode"  # records the first-contact mode
    RECORDS_CONSENT = "consent"  # detail "consent", or an outcome naming the peer
    RESTORES = "restores"  # the status goes back to the one the last line left (拆单)


class Clock(enum.Enum):
    """Which deadlines the action starts (the deadline policy computes them)."""

    NONE = "none"
    TRANSFER = "transfer"  # fresh sign-for and feedback for the receiving side
    REOPEN = "reopen"  # a fresh clock replaces every running one (as a new order)


class Route(enum.Enum):
    """Which use case carries the step out (``services.steps.StepService``)."""

    ACT = "act"  # one action on one order
    TRANSFER = "transfer"  # exactly once per request key, with the caller's consent
    ESCALATE = "escalate"  # makes the linked 110 order, then the line on this one
    THREE_WAY = "three_way"  # the outcome and what follows from it, in one transaction
    MERGE = "merge"  # services.duplicates: both orders and the extra caller, in one transaction


COMMON_REFUSALS = ("closed", "wrong_status", "wrong_platform", "note_too_long", "unreadable_text",
                   "stale")  # fmt: skip


@dataclass(frozen=True, slots=True)
class ActionSpec:
    action: Action
    name: Text  # the timeline's and the button's name
    allowed_from: frozenset[Status]
    target: Status | None = None  # None: the status stays (a line on the timeline)
    who: Who = Who.OWNER
    at_origin: bool = False  # only while the order is with the platform the caller reached
    note: bool = False  # a note (reason, content, report) is required
    detail: str = ""  # what Event.detail names; required when set (English, for the log)
    form: tuple[FormField, ...] = ()
    hint: Text | None = None  # the note's placeholder
    button: Text | None = None  # the button's text when it differs from ``name``: {platform}
    guards: tuple[Guard, ...] = ()
    effects: frozenset[Effect] = frozenset()
    sends_back_from: frozenset[Status] = frozenset()  # from these, the owner's peer gets it back
    clock: Clock = Clock.NONE
    route: Route = Route.ACT
    step: bool = True  # offered as a step in the order detail (create and 并单/拆单 are not)
    key: str = ""  # its own key in the order detail, the same in every state (console/ui/keys.py)
    # May be held on the seat while the database is away (services.journal, docs/outage.md):
    # it records what happened on the order as shown (a note, a feedback text, a sign-for) and
    # is set aside at write-back if the order changed meanwhile. False: it needs the order as
    # it is now, the directory or the peer (a transfer, a dispatch, a close), so it is refused
    # until the database is back, the form kept as typed.
    offline: bool = False

    @property
    def refusals(self) -> tuple[str, ...]:
        """Every code this action can be refused with."""
        codes = list(COMMON_REFUSALS)
        if self.at_origin:
            codes.append("not_at_origin")
        if self.note:
            codes.append("needs_note")
        if self.detail:
            codes.append("needs_detail")
        codes += [g.value for g in self.guards]
        return tuple(codes)


def _s(*statuses: Status) -> frozenset[Status]:
    return frozenset(statuses)


S = Status
_WHERE_IT_CAN_GO = _s(S.RECEIVED, S.SIGNED_FOR, S.RETURNED)
_OPEN = frozenset(Status) - TERMINAL

# In the order the step buttons show: the loop an agent works through.
_DECLARED = (
    ActionSpec(Action.CREATE, QT_TRANSLATE_NOOP("OrderDetail", "Received"), frozenset(), step=False),
    ActionSpec(
        Action.SIGN_FOR, QT_TRANSLATE_NOOP("OrderDetail", "Sign for"), _s(S.TRANSFERRED), target=S.SIGNED_FOR, key="Alt+G", offline=True,
    ),
    ActionSpec(
        Action.DEPT_SIGN_FOR, QT_TRANSLATE_NOOP("OrderDetail", "Department signs for"), _s(S.DISPATCHED),
        target=S.HANDLING, key="Alt+P", offline=True,
    ),
    ActionSpec(
        Action.START_HANDLING, QT_TRANSLATE_NOOP("OrderDetail", "Handle"),
        _s(S.RECEIVED, S.SIGNED_FOR, S.RETURNED, S.FIRST_CONTACT), target=S.HANDLING,
        guards=(Guard.NOT_GUIDANCE,), key="Alt+H", offline=True,
    ),
    ActionSpec(
        # Dispatching again from DISPATCHED is 改派: the department refused or was the wrong one.
        Action.DISPATCH, QT_TRANSLATE_NOOP("OrderDetail", "Dispatch"),
        _s(S.RECEIVED, S.SIGNED_FOR, S.RETURNED, S.FIRST_CONTACT, S.DISPATCHED),
        target=S.DISPATCHED, detail="the department to dispatch to", form=(FormField.DEPARTMENT,),
        guards=(Guard.HOTLINE_ONLY, Guard.NOT_GUIDANCE), effects=frozenset({Effect.SETS_DEPARTMENT}), key="Alt+I",
    ),
    ActionSpec(
        Action.PROGRESS, QT_TRANSLATE_NOOP("OrderDetail", "Progress"), _s(S.HANDLING), note=True,
        hint=QT_TRANSLATE_NOOP("OrderActions", "The department's progress report"), key="Alt+R", offline=True,
    ),
    ActionSpec(
        Action.FEED_BACK, QT_TRANSLATE_NOOP("OrderDetail", "Feed back"), _s(S.HANDLING), target=S.FED_BACK,
        note=True, hint=QT_TRANSLATE_NOOP("OrderActions", "What was done, as the caller will hear it"), key="Alt+F", offline=True,
    ),
    ActionSpec(
        # The origin judges feedback; first-contact guidance is closed by its own platform.
        Action.COMPLETE, QT_TRANSLATE_NOOP("OrderDetail", "Complete"), _s(S.FED_BACK, S.FIRST_CONTACT),
        target=S.COMPLETED, who=Who.JUDGE, guards=(Guard.NOT_PROVISIONAL,), key="Alt+C",
    ),
    ActionSpec(
        # 退回: the receiving side sends back what is not its matter (before or after signing
        # for it), or the origin sends feedback back for more work.
        Action.RETURN, QT_TRANSLATE_NOOP("OrderDetail", "Return"), _s(S.TRANSFERRED, S.SIGNED_FOR, S.FED_BACK),
        target=S.RETURNED, who=Who.JUDGE, note=True,
        hint=QT_TRANSLATE_NOOP("OrderActions", "Why it is returned"),
        sends_back_from=_s(S.TRANSFERRED, S.SIGNED_FOR), clock=Clock.REOPEN, key="Alt+U",
    ),
    ActionSpec(
        # 一键转接 / 互派 to the peer platform.
        Action.TRANSFER, QT_TRANSLATE_NOOP("OrderDetail", "Transfer"), _WHERE_IT_CAN_GO, target=S.TRANSFERRED,
        at_origin=True, form=(FormField.CONSENT,), button=QT_TRANSLATE_NOOP("OrderActions", "Send to {platform}"),
        guards=(Guard.CONSENT,), effects=frozenset({Effect.TO_PEER, Effect.RECORDS_CONSENT}),
        clock=Clock.TRANSFER, route=Route.TRANSFER, key="Alt+T",
    ),
    ActionSpec(
        Action.THREE_WAY, QT_TRANSLATE_NOOP("OrderDetail", "Three-way outcome"), _WHERE_IT_CAN_GO,
        at_origin=True, note=True, detail="the outcome (12345, 110 or first contact)",
        form=(FormField.OUTCOME, FormField.FIRST_CONTACT_MODE),
        hint=QT_TRANSLATE_NOOP("OrderActions", "Why: what the three parties agreed"),
        guards=(Guard.KNOWN_OUTCOME,), effects=frozenset({Effect.RECORDS_CONSENT}),
        route=Route.THREE_WAY, key="Alt+W",
    ),
    ActionSpec(
        Action.FIRST_CONTACT, QT_TRANSLATE_NOOP("OrderDetail", "First contact"), _s(S.RECEIVED, S.RETURNED),
        target=S.FIRST_CONTACT, at_origin=True, note=True, form=(FormField.FIRST_CONTACT_MODE,),
        hint=QT_TRANSLATE_NOOP("OrderActions", "What was accepted, or what the caller was told"),
        guards=(Guard.MODE_GIVEN,), effects=frozenset({Effect.SETS_MODE}), key="Alt+O", offline=True,
    ),
    ActionSpec(
        # 联动110派警: a department's report becomes a linked 110 order.
        Action.ESCALATE, QT_TRANSLATE_NOOP("OrderDetail", "Escalate to 110"), _s(S.DISPATCHED, S.HANDLING),
        note=True, detail="the linked 110 order", form=(FormField.POLICE_KIND,),
        hint=QT_TRANSLATE_NOOP("OrderActions", "The department's report: dispute escalating, crime suspected…"),
        guards=(Guard.HAS_DEPARTMENT,), route=Route.ESCALATE, key="Alt+E",
    ),
    ActionSpec(
        # 撤销 is the origin's: the receiving side returns instead.
        Action.CANCEL, QT_TRANSLATE_NOOP("OrderDetail", "Cancel"),
        _s(S.RECEIVED, S.TRANSFERRED, S.DISPATCHED, S.SIGNED_FOR, S.HANDLING, S.RETURNED,
           S.FIRST_CONTACT),
        target=S.CANCELLED, who=Who.ORIGIN, note=True, hint=QT_TRANSLATE_NOOP("OrderActions", "Why it is cancelled"), key="Alt+N",
    ),
    # 并单 / 拆单: no generic step: the intake's join (Ctrl+J) and the order detail's own merge
    # form (ui.seat.order_merge: the target picked among the likely duplicates) carry them out
    # through services.duplicates.
    # The duplicate closes (已撤销, its last line 并单 naming the order it joined) while nobody
    # works it yet; the order it joins may be anywhere open, on either platform: a caller joins
    # a copy the peer owns too (Who.HOLDER), and every step travels to a peer holding a copy.
    ActionSpec(
        Action.MERGE, QT_TRANSLATE_NOOP("OrderDetail", "Merged into"), _WHERE_IT_CAN_GO,
        target=S.CANCELLED, at_origin=True, detail="the order it joins",
        guards=(Guard.NO_CALLERS,), route=Route.MERGE, step=False,
    ),
    ActionSpec(
        Action.MERGED_IN, QT_TRANSLATE_NOOP("OrderDetail", "Caller joined"), _OPEN,
        who=Who.HOLDER, detail="the merged duplicate", route=Route.MERGE, step=False,
    ),
    ActionSpec(
        # A fresh clock: the restored order is a live matter again (its old alarms resolved).
        Action.UNMERGE, QT_TRANSLATE_NOOP("OrderDetail", "Unmerged"), _s(S.CANCELLED),
        detail="the order it had joined", guards=(Guard.WAS_MERGED,),
        effects=frozenset({Effect.RESTORES}), clock=Clock.REOPEN, route=Route.MERGE, step=False,
    ),
    ActionSpec(
        Action.SPLIT_OFF, QT_TRANSLATE_NOOP("OrderDetail", "Caller split off"), _OPEN,
        who=Who.HOLDER, detail="the duplicate restored", guards=(Guard.JOINED,), route=Route.MERGE,
        step=False,
    ),
)  # fmt: skip

ACTIONS: Mapping[Action, ActionSpec] = MappingProxyType({s.action: s for s in _DECLARED})
"""Every action's declaration, in the order the step buttons show."""

STEPS: tuple[ActionSpec, ...] = tuple(s for s in _DECLARED if s.step)
"""The actions a seat takes from the order detail, in button order."""
