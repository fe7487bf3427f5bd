"""The linkage plan's compound steps (方案 机制一), as pure rules over :mod:`orders`.

A three-way call (三方通话) ends with an outcome that may carry a second action: the peer takes the
matter (the order is transferred, the caller having agreed on the call) or neither platform can
(first-contact responsibility, 首接负责制). A department's report of an escalating dispute or a
suspected crime makes a linked 110 order (联动110派警) that starts on its way to 110.
"""

from __future__ import annotations

from datetime import datetime

from console.domain.orders import (
    Action,
    Actor,
    Platform,
    Priority,
    ThreeWayOutcome,
    WorkOrder,
    new_order,
)


def three_way_follow_up(outcome: ThreeWayOutcome, actor: Actor) -> Action | None:
    """The action that carries a three-way call's outcome out, if any: the peer taking the
    matter is a transfer, neither taking it is first contact, this platform taking it is nothing
    more (the seat goes on handling the order)."""
    if outcome is ThreeWayOutcome.FIRST_CONTACT:
        return Action.FIRST_CONTACT
    if outcome.value == actor.platform.peer.value:
        return Action.TRANSFER
    return None


def escalation_order(
    original: WorkOrder,
    *,
    number: str,
    actor: Actor,
    at: datetime,
    kind: str,
    report: str,
    priority: Priority = Priority.URGENT,
) -> WorkOrder:
    """The new order a department's report makes, created at ``actor``'s 12345 seat and linked to
    ``original``; the caller's consent is not needed to send it on to 110 (see ``check``)."""
    if actor.platform is not Platform.HOTLINE:
        raise ValueError("联动110派警 starts from a 12345 order")
    description = f"{report.strip()}\n（由 12345 工单 {original.number} 承办单位报告转 110）"
    return new_order(
        number=number,
        actor=actor,
        at=at,
        caller=original.caller,
        kind=kind,
        field=None,
        district=original.district,
        address=original.address,
        description=description,
        priority=max(priority, Priority.URGENT),
        social_stability=original.social_stability,
        consent=original.consent,
        escalated_from=original.number,
    )
