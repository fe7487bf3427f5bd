"""The work order (工单) and its closed loop, as pure data and rules.

A work order moves through the loop 互派 → 签收 → 处置 → 反馈 → 办结 between the 12345 hotline
and the 110 alarm platform. :func:`apply` is the only way to change an order's status: it checks
the action against the current status, the acting seat's platform and the action's own
requirements (``order_rules.check``), and returns a new order with one more timeline event.
Nothing here touches Qt or a database session; services call :func:`apply` and persist the result.
The vocabulary lives in ``order_types`` and is re-exported here.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import datetime

from console.domain.actions import ACTIONS, Effect
from console.domain.order_rules import allowed_actions, check, sends_back
from console.domain.order_types import (
    TERMINAL,
    Action,
    Actor,
    Caller,
    DeadlineKind,
    Deadlines,
    Event,
    FirstContactMode,
    Platform,
    Priority,
    Status,
    ThreeWayOutcome,
    TransitionError,
    WorkOrder,
)
from console.domain.typed_text import clean_line, clean_text

NO_DEADLINES = Deadlines()

__all__ = [
    "ACTIONS",
    "TERMINAL",
    "Action",
    "Actor",
    "Caller",
    "DeadlineKind",
    "Deadlines",
    "Event",
    "FirstContactMode",
    "Platform",
    "Priority",
    "Status",
    "ThreeWayOutcome",
    "TransitionError",
    "WorkOrder",
    "allowed_actions",
    "apply",
    "check",
    "new_order",
    "order_number",
    "replay",
]


def apply(
    order: WorkOrder,
    action: Action,
    actor: Actor,
    at: datetime,
    note: str = "",
    first_contact_mode: FirstContactMode | None = None,
    deadlines: Deadlines | None = None,
    detail: str = "",
) -> WorkOrder:
    """Return ``order`` after ``action``, with the event appended to its timeline.

    ``deadlines`` replaces the order's deadlines when the action starts a fresh clock (a transfer
    gives the receiving side its own sign-for and feedback deadlines). ``detail`` names what the
    action refers to (``ActionSpec.detail``).
    """
    _require_aware(at)
    check(order, action, actor, note, first_contact_mode, detail)
    spec = ACTIONS[action]
    target = spec.target or order.status
    if Effect.RESTORES in spec.effects:  # the status the last line left (拆单 after 并单)
        target = order.timeline[-1].from_status or order.status
    moves = Effect.TO_PEER in spec.effects or sends_back(order, action)
    detail = clean_line(detail)
    event = Event(
        at=at,
        actor=actor.name,
        seat=actor.seat,
        platform=actor.platform,
        action=action,
        from_status=order.status,
        to_status=target,
        note=clean_text(note),  # controls and bidi overrides out, as in the description
        detail=detail,
    )
    effects = spec.effects
    return replace(
        order,
        status=target,
        owner=order.owner.peer if moves else order.owner,  # sent over, or sent back
        first_contact_mode=(
            first_contact_mode if Effect.SETS_MODE in effects else order.first_contact_mode
        ),
        deadlines=deadlines if deadlines is not None else order.deadlines,
        timeline=(*order.timeline, event),
        department=detail if Effect.SETS_DEPARTMENT in effects else order.department,
        # Consent given with a transfer, or heard in a three-way call naming the peer (协商).
        consent=order.consent
        or (Effect.RECORDS_CONSENT in effects and detail in ("consent", order.owner.peer.value)),
    )


def new_order(
    *,
    number: str,
    actor: Actor,
    at: datetime,
    caller: Caller,
    kind: str,
    field: str | None,
    district: str,
    address: str,
    description: str,
    priority: Priority = Priority.NORMAL,
    social_stability: bool = False,
    consent: bool = False,
    deadlines: Deadlines = NO_DEADLINES,
    escalated_from: str | None = None,
) -> WorkOrder:
    """A freshly received order, owned by the platform of the seat that took the call."""
    _require_aware(at)
    event = Event(
        at=at,
        actor=actor.name,
        seat=actor.seat,
        platform=actor.platform,
        action=Action.CREATE,
        from_status=None,
        to_status=Status.RECEIVED,
    )
    return WorkOrder(
        number=number,
        origin=actor.platform,
        owner=actor.platform,
        caller=caller,
        kind=kind,
        field=field,
        district=district,
        address=address,
        description=description,
        # Social-stability clues go to 110 at once, with top priority (方案: 第一时间转交110).
        priority=Priority.CRITICAL if social_stability else priority,
        created_at=at,
        social_stability=social_stability,
        consent=consent,
        deadlines=deadlines,
        timeline=(event,),
        escalated_from=escalated_from,
    )


def replay(timeline: tuple[Event, ...]) -> tuple[Status, Platform]:
    """Status and owner that a timeline leads to; the order's own must always equal it."""
    if not timeline or timeline[0].action is not Action.CREATE:
        raise ValueError("a timeline starts with its create event")
    status = timeline[0].to_status
    owner = timeline[0].platform
    for event in timeline[1:]:
        if event.from_status is not status:
            raise ValueError(f"event {event.action.value} starts from {event.from_status}")
        spec = ACTIONS[event.action]
        if Effect.TO_PEER in spec.effects or status in spec.sends_back_from:
            owner = owner.peer
        status = event.to_status
    return status, owner


def order_number(platform: Platform, day: str, sequence: int) -> str:
    """People-readable number: platform, China date and a daily sequence, e.g. 12345-20261126-000042."""
    if not (len(day) == 8 and day.isdigit()):
        raise ValueError(f"day must be YYYYMMDD, got {day!r}")
    if not 0 < sequence < 1_000_000:
        raise ValueError(f"sequence out of range: {sequence}")
    return f"{platform.value}-{day}-{sequence:06d}"


def _require_aware(at: datetime) -> None:
    if at.tzinfo is None or at.utcoffset() is None:
        raise ValueError("instants must be timezone-aware (stored in UTC, shown in Asia/Shanghai)")
