"""Which action each seat may take on an order in each status, and what each action needs.

:func:`check` is the one place an action is judged; :func:`console.domain.orders.apply` calls it
before changing anything, and the UI asks :func:`allowed_actions` only to enable buttons (the
service still checks every action: a disabled button is a convenience, not a rule).
"""

from __future__ import annotations

from console.domain.order_types import (
    TERMINAL,
    Action,
    Actor,
    FirstContactMode,
    Platform,
    Status,
    ThreeWayOutcome,
    TransitionError,
    WorkOrder,
)

# Which statuses each action may start from. Everything not listed is refused.
ALLOWED_FROM: dict[Action, frozenset[Status]] = {
    Action.TRANSFER: frozenset({Status.RECEIVED, Status.SIGNED_FOR, Status.RETURNED}),
    Action.SIGN_FOR: frozenset({Status.TRANSFERRED}),
    # Dispatch again from DISPATCHED is 改派: the department refused or was the wrong one.
    Action.DISPATCH: frozenset(
        {
            Status.RECEIVED,
            Status.SIGNED_FOR,
            Status.RETURNED,
            Status.FIRST_CONTACT,
            Status.DISPATCHED,
        }
    ),
    Action.DEPT_SIGN_FOR: frozenset({Status.DISPATCHED}),
    Action.PROGRESS: frozenset({Status.HANDLING}),
    Action.ESCALATE: frozenset({Status.DISPATCHED, Status.HANDLING}),
    Action.THREE_WAY: frozenset({Status.RECEIVED, Status.SIGNED_FOR, Status.RETURNED}),
    Action.START_HANDLING: frozenset(
        {Status.RECEIVED, Status.SIGNED_FOR, Status.RETURNED, Status.FIRST_CONTACT}
    ),
    Action.FEED_BACK: frozenset({Status.HANDLING}),
    Action.COMPLETE: frozenset({Status.FED_BACK, Status.FIRST_CONTACT}),
    # 退回: the receiving side sends back what is not its matter (before or after signing for
    # it), or the origin sends feedback back for more work.
    Action.RETURN: frozenset({Status.TRANSFERRED, Status.SIGNED_FOR, Status.FED_BACK}),
    Action.FIRST_CONTACT: frozenset({Status.RECEIVED, Status.RETURNED}),
    Action.CANCEL: frozenset(
        {
            Status.RECEIVED,
            Status.TRANSFERRED,
            Status.DISPATCHED,
            Status.SIGNED_FOR,
            Status.HANDLING,
            Status.RETURNED,
            Status.FIRST_CONTACT,
        }
    ),
}

# Actions that only add a line to the timeline; every other action moves to its TARGET.
KEEPS_STATUS = frozenset({Action.PROGRESS, Action.ESCALATE, Action.THREE_WAY})

TARGET: dict[Action, Status] = {
    Action.TRANSFER: Status.TRANSFERRED,
    Action.SIGN_FOR: Status.SIGNED_FOR,
    Action.START_HANDLING: Status.HANDLING,
    Action.FEED_BACK: Status.FED_BACK,
    Action.COMPLETE: Status.COMPLETED,
    Action.RETURN: Status.RETURNED,
    Action.FIRST_CONTACT: Status.FIRST_CONTACT,
    Action.CANCEL: Status.CANCELLED,
    Action.DISPATCH: Status.DISPATCHED,
    Action.DEPT_SIGN_FOR: Status.HANDLING,
}

# Actions that must say why (退回 with reason, 撤销 with reason, feedback with its content, the
# department's progress report, the report behind an escalation, the three-way call's reason).
NEEDS_NOTE = frozenset(
    {
        Action.RETURN,
        Action.CANCEL,
        Action.FEED_BACK,
        Action.FIRST_CONTACT,
        Action.PROGRESS,
        Action.ESCALATE,
        Action.THREE_WAY,
    }
)

# Actions that must name what they refer to, in ``Event.detail``.
DETAIL_OF: dict[Action, str] = {
    Action.DISPATCH: "the department to dispatch to",
    Action.ESCALATE: "the linked 110 order",
    Action.THREE_WAY: "the outcome (12345, 110 or first contact)",
}


# Every refusal, by code; the UI translates these (``console/ui/refusals.py``).
REFUSALS = (
    "created_once", "closed", "wrong_status", "wrong_platform", "not_at_origin", "needs_note",
    "needs_detail", "dispatch_12345_only", "escalate_needs_department", "bad_outcome",
    "no_consent", "needs_mode", "guidance_closed", "provisional_not_done",
)  # fmt: skip

# Steps only the platform the caller reached first takes, while the order is with it: it alone
# transfers the call's matter, settles a three-way call, takes first-contact responsibility.
AT_ORIGIN = frozenset({Action.TRANSFER, Action.THREE_WAY, Action.FIRST_CONTACT})


def sends_back(order: WorkOrder, action: Action) -> bool:
    """Whether ``action`` hands the order back to its origin (the receiver's 退回)."""
    return action is Action.RETURN and order.status in (Status.TRANSFERRED, Status.SIGNED_FOR)


def _who_may_act(order: WorkOrder, action: Action) -> Platform:
    """The platform whose seat may take ``action`` on ``order`` now."""
    if action is Action.CANCEL:
        return order.origin  # 撤销 is the origin's: the receiving side returns instead
    if sends_back(order, action):
        return order.owner  # the receiving side sends back what was sent to it
    if action is Action.RETURN or action is Action.COMPLETE:
        # The origin judges feedback; first-contact guidance is closed by its own platform.
        return order.origin if order.status is Status.FED_BACK else order.owner
    return order.owner


def check(
    order: WorkOrder,
    action: Action,
    actor: Actor,
    note: str = "",
    first_contact_mode: FirstContactMode | None = None,
    detail: str = "",
) -> None:
    """Raise :class:`TransitionError` if ``actor`` may not take ``action`` on ``order`` now.

    A transfer whose ``detail`` is ``"consent"`` records the caller's consent with it.
    """

    def refuse(why: str, code: str, **params: str) -> TransitionError:
        return TransitionError(order.number, action, order.status, why, code, params)

    if action is Action.CREATE:
        raise refuse("an order is created once, by new_order()", "created_once")
    if order.status in TERMINAL:
        raise refuse(f"the order is closed ({order.status.value})", "closed")
    allowed = ALLOWED_FROM[action]
    if order.status not in allowed:
        names = ", ".join(sorted(s.value for s in allowed))
        raise refuse(f"only allowed from {names}", "wrong_status")
    acting = _who_may_act(order, action)
    if actor.platform is not acting:
        raise refuse(
            f"only a {acting.value} seat may do this; this seat is {actor.platform.value}",
            "wrong_platform", platform=acting.value,
        )  # fmt: skip
    if action in AT_ORIGIN and order.owner is not order.origin:
        raise refuse(
            f"the order came from {order.origin.value}: send it back (退回) instead",
            "not_at_origin", platform=order.origin.value,
        )  # fmt: skip
    if action in NEEDS_NOTE and not note.strip():
        raise refuse("a reason or note is required", "needs_note")
    if action in DETAIL_OF and not detail.strip():
        raise refuse(f"say {DETAIL_OF[action]}", "needs_detail")
    if action is Action.DISPATCH and actor.platform is not Platform.HOTLINE:
        raise refuse(
            "only 12345 dispatches to departments; 110 transfers non-police matters to 12345",
            "dispatch_12345_only",
        )
    if action is Action.ESCALATE and not order.department:
        raise refuse(
            "only a department's report escalates: dispatch the order first",
            "escalate_needs_department",
        )
    if action is Action.THREE_WAY and detail.strip() not in set(ThreeWayOutcome):
        raise refuse(f"say {DETAIL_OF[Action.THREE_WAY]}", "bad_outcome")
    if action is Action.TRANSFER and not _may_transfer(order, detail):
        raise refuse(
            "the caller's consent to the transfer is not recorded (与诉求方协商后)", "no_consent"
        )
    if action is Action.FIRST_CONTACT and first_contact_mode is None:
        raise refuse("say whether it is provisional acceptance or guidance", "needs_mode")
    if order.status is Status.FIRST_CONTACT:
        mode = order.first_contact_mode
        guidance_only = action in (Action.START_HANDLING, Action.DISPATCH)
        if guidance_only and mode is not FirstContactMode.PROVISIONAL:
            raise refuse("guidance-only first contact is closed, not handled", "guidance_closed")
        if action is Action.COMPLETE and mode is not FirstContactMode.GUIDANCE:
            raise refuse(
                "a provisionally accepted order must be handled and fed back first",
                "provisional_not_done",
            )


def _may_transfer(order: WorkOrder, detail: str) -> bool:
    """Consent recorded (now or before); or a social-stability clue, which 12345 sends to 110 at
    once (方案: 第一时间转交110); or a department's report escalated to 110 (联动110派警)."""
    clue = order.social_stability and order.owner is Platform.HOTLINE
    return order.consent or detail.strip() == "consent" or clue or bool(order.escalated_from)


def allowed_actions(order: WorkOrder, actor: Actor) -> frozenset[Action]:
    """The actions ``actor`` could take on ``order`` now, given a note and the right detail."""
    allowed: set[Action] = set()
    for action in Action:
        if action is Action.CREATE:
            continue
        modes: tuple[FirstContactMode | None, ...] = (
            tuple(FirstContactMode) if action is Action.FIRST_CONTACT else (None,)
        )
        detail = ThreeWayOutcome.HOTLINE.value if action is Action.THREE_WAY else "·"
        for mode in modes:
            try:
                check(order, action, actor, "·", mode, detail if action in DETAIL_OF else "")
            except TransitionError:
                continue
            allowed.add(action)
            break
    return frozenset(allowed)
