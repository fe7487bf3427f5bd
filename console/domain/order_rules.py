"""Whether a seat may take an action on an order now, judged from the action's declaration.

:func:`check` is the one place an action is judged; :func:`console.domain.orders.apply` calls it
before changing anything, and the UI asks :func:`allowed_actions` only to enable buttons (the
service still checks every action: a disabled button is a convenience, not a rule). What each
action allows and needs is declared in :mod:`console.domain.actions`; this module only reads it.
"""

from __future__ import annotations

from collections.abc import Callable

from console.domain.actions import ACTIONS, MAX_NOTE, STEPS, ActionSpec, Guard, Who
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
from console.domain.typed_text import unstorable


def sends_back(order: WorkOrder, action: Action) -> bool:
    """Whether ``action`` hands the order back to its origin (the receiver's 退回)."""
    return order.status in ACTIONS[action].sends_back_from


def who_may_act(order: WorkOrder, spec: ActionSpec) -> Platform | None:
    """The platform whose seat may take the action on ``order`` now; None: either (a copy's
    holder, ``Who.HOLDER``)."""
    if spec.who is Who.HOLDER:
        return None
    if spec.who is Who.ORIGIN:
        return order.origin
    if spec.who is Who.JUDGE and order.status is Status.FED_BACK:
        return order.origin
    return order.owner


def owes_clue_transfer(order: WorkOrder) -> bool:
    """A social-stability clue still at 12345 and open: it goes to 110 at once, without asking
    the caller (方案: 影响社会稳定的线索第一时间转交110)."""
    return order.social_stability and order.owner is Platform.HOTLINE and order.status.is_open


def _may_transfer(order: WorkOrder, detail: str, _mode: FirstContactMode | None) -> bool:
    """Consent recorded (now or before); or a social-stability clue, which 12345 sends to 110 at
    once (方案: 第一时间转交110); or a department's report escalated to 110 (联动110派警)."""
    clue = order.social_stability and order.owner is Platform.HOTLINE  # open: checked before
    return order.consent or detail.strip() == "consent" or clue or bool(order.escalated_from)


def _not_guidance(order: WorkOrder, _detail: str, _mode: FirstContactMode | None) -> bool:
    return (
        order.status is not Status.FIRST_CONTACT
        or order.first_contact_mode is FirstContactMode.PROVISIONAL
    )


def _not_provisional(order: WorkOrder, _detail: str, _mode: FirstContactMode | None) -> bool:
    return (
        order.status is not Status.FIRST_CONTACT
        or order.first_contact_mode is FirstContactMode.GUIDANCE
    )


def joined(order: WorkOrder) -> tuple[str, ...]:
    """The duplicates whose callers joined ``order`` (并入) and have not split off, in order."""
    numbers: list[str] = []
    for event in order.timeline:
        if event.action is Action.MERGED_IN:
            numbers.append(event.detail)
        elif event.action is Action.SPLIT_OFF and event.detail in numbers:
            numbers.remove(event.detail)
    return tuple(numbers)


def merged_into(order: WorkOrder) -> str | None:
    """The order ``order`` is merged into (并单), while it is: its last line merged it."""
    last = order.timeline[-1] if order.timeline else None
    if last is None or last.action is not Action.MERGE or order.status is not Status.CANCELLED:
        return None
    return last.detail


_Rule = Callable[[WorkOrder, str, FirstContactMode | None], bool]
# What each guard asks of (order, detail, first-contact mode), and why it refuses (for the log).
GUARDS: dict[Guard, tuple[_Rule, str]] = {
    Guard.HOTLINE_ONLY: (
        lambda o, _d, _m: o.owner is Platform.HOTLINE,
        "only 12345 dispatches to departments; 110 transfers non-police matters to 12345",
    ),
    Guard.HAS_DEPARTMENT: (
        lambda o, _d, _m: bool(o.department),
        "only a department's report escalates: dispatch the order first",
    ),
    Guard.KNOWN_OUTCOME: (
        lambda _o, d, _m: d.strip() in set(ThreeWayOutcome),
        "say the outcome (12345, 110 or first contact)",
    ),
    Guard.CONSENT: (
        _may_transfer,
        "the caller's consent to the transfer is not recorded (与诉求方协商后)",
    ),
    Guard.MODE_GIVEN: (
        lambda _o, _d, m: m is not None,
        "say whether it is provisional acceptance or guidance",
    ),
    Guard.NOT_GUIDANCE: (_not_guidance, "guidance-only first contact is closed, not handled"),
    Guard.NOT_PROVISIONAL: (
        _not_provisional,
        "a provisionally accepted order must be handled and fed back first",
    ),
    Guard.NO_CALLERS: (
        lambda o, _d, _m: not joined(o),
        "other callers joined this order: split them off first",
    ),
    Guard.WAS_MERGED: (
        lambda o, d, _m: merged_into(o) == d.strip(),
        "the order is not merged into that order",
    ),
    Guard.JOINED: (
        lambda o, d, _m: d.strip() in joined(o),
        "that order's caller has not joined this one",
    ),
}


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

    spec = ACTIONS[action]
    if action is Action.CREATE:
        raise refuse("an order is created once, by new_order()", "created_once")
    if order.status in TERMINAL and order.status not in spec.allowed_from:  # 拆单 reopens
        raise refuse(f"the order is closed ({order.status.value})", "closed")
    if order.status not in spec.allowed_from:
        names = ", ".join(sorted(s.value for s in spec.allowed_from))
        raise refuse(f"only allowed from {names}", "wrong_status")
    acting = who_may_act(order, spec)
    if acting is not None and actor.platform is not acting:
        raise refuse(
            f"only a {acting.value} seat may do this; this seat is {actor.platform.value}",
            "wrong_platform", platform=acting.value,
        )  # fmt: skip
    if spec.at_origin and order.owner is not order.origin:
        raise refuse(
            f"the order came from {order.origin.value}: send it back (退回) instead",
            "not_at_origin", platform=order.origin.value,
        )  # fmt: skip
    if spec.note and not note.strip():
        raise refuse("a reason or note is required", "needs_note")
    if len(note.strip()) > MAX_NOTE:
        raise refuse(
            f"notes hold at most {MAX_NOTE} characters", "note_too_long", most=str(MAX_NOTE)
        )
    if unstorable(note) or unstorable(detail):
        raise refuse("a NUL or a lone surrogate cannot be stored", "unreadable_text")
    if spec.detail and not detail.strip():
        raise refuse(f"say {spec.detail}", "needs_detail")
    for guard in spec.guards:
        holds, why = GUARDS[guard]
        if not holds(order, detail, first_contact_mode):
            raise refuse(why, guard.value)


def allowed_actions(order: WorkOrder, actor: Actor) -> frozenset[Action]:
    """The actions ``actor`` could take on ``order`` now, given a note and the right detail."""
    allowed: set[Action] = set()
    for spec in STEPS:
        modes: tuple[FirstContactMode | None, ...] = (None, *FirstContactMode)
        detail = ThreeWayOutcome.HOTLINE.value if spec.detail else ""
        for mode in modes:
            try:
                check(order, spec.action, actor, "·", mode, detail)
            except TransitionError:
                continue
            allowed.add(spec.action)
            break
    return frozenset(allowed)
