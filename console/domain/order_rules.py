"""Which action each seat may take on an order in each status, and what each action needs.

:func:`check` is the one place an action is judged; :func:`console.domain.orders.apply` calls it
before changing anything, and the UI asks :func:`allowed_actions` only to enable buttons (the
service still checks every action: a disabled button is a convenience, not a rule).
"""

from __future__ import annotations

from collections.abc import Callable

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
    Action.RETURN: frozenset({Status.TRANSFERRED, Status.FED_BACK}),
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


def _who_may_act(order: WorkOrder, action: Action) -> Platform:
    """The platform whose seat may take ``action`` on ``order`` now."""
    if action is Action.SIGN_FOR:
        return order.owner  # the receiving side signs for what was sent to it
    if action is Action.RETURN and order.status is Status.TRANSFERRED:
        return order.owner  # the receiving side refuses what was sent to it
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
    """Raise :class:`TransitionError` if ``actor`` may not take ``action`` on ``order`` now."""

    def refuse(why: str) -> TransitionError:
        return TransitionError(order.number, action, order.status, why)

    if action is Action.CREATE:
        raise refuse("an order is created once, by new_order()")
    if order.status in TERMINAL:
        raise refuse(f"the order is closed ({order.status.value})")
    allowed = ALLOWED_FROM[action]
    if order.status not in allowed:
        names = ", ".join(sorted(s.value for s in allowed))
        raise refuse(f"only allowed from {names}")
    acting = _who_may_act(order, action)
    if actor.platform is not acting:
        raise refuse(f"only a {acting.value} seat may do this; this seat is {actor.platform.value}")
    if action in NEEDS_NOTE and not note.strip():
        raise refuse("a reason or note is required")
    if action in DETAIL_OF and not detail.strip():
        raise refuse(f"say {DETAIL_OF[action]}")
    if action is Action.DISPATCH and actor.platform is not Platform.HOTLINE:
        raise refuse(
            "only 12345 dispatches to departments; 110 transfers non-police matters to 12345"
        )
    if action is Action.ESCALATE and not order.department:
        raise refuse("only a department's report escalates: dispatch the order first")
    if action is Action.THREE_WAY:
        _check_three_way(detail, refuse)
    if action is Action.TRANSFER and not (
        order.consent or order.social_stability or order.escalated_from
    ):
        raise refuse("the caller's consent to the transfer is not recorded (与诉求方协商后)")
    if action is Action.FIRST_CONTACT and first_contact_mode is None:
        raise refuse("say whether it is provisional acceptance or guidance")
    if order.status is Status.FIRST_CONTACT:
        mode = order.first_contact_mode
        if action is Action.START_HANDLING and mode is not FirstContactMode.PROVISIONAL:
            raise refuse("guidance-only first contact is closed, not handled")
        if action is Action.COMPLETE and mode is not FirstContactMode.GUIDANCE:
            raise refuse("a provisionally accepted order must be handled and fed back first")
        if action is Action.DISPATCH and mode is not FirstContactMode.PROVISIONAL:
            raise refuse("guidance-only first contact is closed, not dispatched")


def _check_three_way(detail: str, refuse: Callable[[str], TransitionError]) -> None:
    """The outcome must be one of :class:`ThreeWayOutcome`; what follows from it (a transfer,
    first-contact responsibility) is checked as its own action (see ``linkage.settle_three_way``)."""
    try:
        ThreeWayOutcome(detail.strip())
    except ValueError:
        raise refuse(f"say {DETAIL_OF[Action.THREE_WAY]}") from None


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
