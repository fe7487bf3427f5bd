"""The work order (工单) and its closed loop, as pure data and rules.

A work order moves through the loop 互派 → 签收 → 处置 → 反馈 → 办结 between the 12345 hotline
and the 110 alarm platform. :func:`apply` is the only way to change an order's status: it checks
the action against the current status, the acting seat's platform and the action's own
requirements, and returns a new order with one more timeline event. Nothing here touches Qt or
a database session; services call :func:`apply` and persist the result.
"""

from __future__ import annotations

import enum
from dataclasses import dataclass, replace
from datetime import datetime


class Platform(enum.StrEnum):
    """The two platforms of the linkage plan."""

    HOTLINE = "12345"  # 12345 政务服务便民热线
    POLICE = "110"  # 110 报警服务平台

    @property
    def peer(self) -> Platform:
        return Platform.POLICE if self is Platform.HOTLINE else Platform.HOTLINE


class Status(enum.StrEnum):
    RECEIVED = "received"  # 已受理
    TRANSFERRED = "transferred"  # 已转派，待对方签收 (互派)
    SIGNED_FOR = "signed_for"  # 已签收
    HANDLING = "handling"  # 处置中
    FED_BACK = "fed_back"  # 已反馈
    COMPLETED = "completed"  # 已办结
    RETURNED = "returned"  # 已退回
    FIRST_CONTACT = "first_contact"  # 首接负责
    CANCELLED = "cancelled"  # 已撤销

    @property
    def is_open(self) -> bool:
        return self not in TERMINAL


TERMINAL = frozenset({Status.COMPLETED, Status.CANCELLED})


class Action(enum.StrEnum):
    CREATE = "create"
    TRANSFER = "transfer"  # 一键转接 / 互派 to the peer platform
    SIGN_FOR = "sign_for"  # 签收
    START_HANDLING = "start_handling"  # 处置
    FEED_BACK = "feed_back"  # 反馈
    COMPLETE = "complete"  # 办结
    RETURN = "return"  # 退回
    FIRST_CONTACT = "first_contact"  # 首接负责制
    CANCEL = "cancel"  # 撤销


class FirstContactMode(enum.StrEnum):
    PROVISIONAL = "provisional"  # 先行受理: the first platform takes the matter on
    GUIDANCE = "guidance"  # 合理引导和解释: explained to the caller, closes as guidance


class Priority(enum.IntEnum):
    NORMAL = 0
    URGENT = 1  # 紧急
    CRITICAL = 2  # 特急: life, property or social stability at risk


@dataclass(frozen=True, slots=True)
class Caller:
    phone: str
    name: str | None = None


@dataclass(frozen=True, slots=True)
class Deadlines:
    """Due instants (UTC, tz-aware); ``None`` where the deadline does not apply."""

    sign_for: datetime | None = None  # 签收时限
    feedback: datetime | None = None  # 反馈时限
    completion: datetime | None = None  # 办结时限


@dataclass(frozen=True, slots=True)
class Event:
    """One line of the timeline: who, from which seat, when, what, and the note."""

    at: datetime
    actor: str
    seat: str
    platform: Platform
    action: Action
    from_status: Status | None
    to_status: Status
    note: str = ""


@dataclass(frozen=True, slots=True)
class Actor:
    """The agent acting, the seat they sit at and the platform the seat belongs to."""

    name: str
    seat: str
    platform: Platform


@dataclass(frozen=True, slots=True)
class WorkOrder:
    number: str
    origin: Platform
    owner: Platform
    caller: Caller
    kind: str
    field: str | None
    district: str
    address: str
    description: str
    priority: Priority
    created_at: datetime
    social_stability: bool = False  # 影响社会稳定的线索
    consent: bool = False  # 与诉求方协商后同意转接
    status: Status = Status.RECEIVED
    first_contact_mode: FirstContactMode | None = None
    deadlines: Deadlines = Deadlines()
    timeline: tuple[Event, ...] = ()


class TransitionError(ValueError):
    """An action the order's status, the seat's platform or the action's inputs do not allow."""

    def __init__(self, number: str, action: Action, status: Status, why: str) -> None:
        self.number = number
        self.action = action
        self.status = status
        self.why = why
        super().__init__(f"工单 {number}: cannot {action.value} from {status.value}: {why}")


# Which statuses each action may start from. Everything not listed is refused.
ALLOWED_FROM: dict[Action, frozenset[Status]] = {
    Action.TRANSFER: frozenset({Status.RECEIVED, Status.SIGNED_FOR, Status.RETURNED}),
    Action.SIGN_FOR: frozenset({Status.TRANSFERRED}),
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
            Status.SIGNED_FOR,
            Status.HANDLING,
            Status.RETURNED,
            Status.FIRST_CONTACT,
        }
    ),
}

TARGET: dict[Action, Status] = {
    Action.TRANSFER: Status.TRANSFERRED,
    Action.SIGN_FOR: Status.SIGNED_FOR,
    Action.START_HANDLING: Status.HANDLING,
    Action.FEED_BACK: Status.FED_BACK,
    Action.COMPLETE: Status.COMPLETED,
    Action.RETURN: Status.RETURNED,
    Action.FIRST_CONTACT: Status.FIRST_CONTACT,
    Action.CANCEL: Status.CANCELLED,
}

# Actions that must say why (退回 with reason, 撤销 with reason, feedback with its content).
NEEDS_NOTE = frozenset({Action.RETURN, Action.CANCEL, Action.FEED_BACK, Action.FIRST_CONTACT})


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
    if action is Action.TRANSFER and not (order.consent or order.social_stability):
        raise refuse("the caller's consent to the transfer is not recorded (与诉求方协商后)")
    if action is Action.FIRST_CONTACT and first_contact_mode is None:
        raise refuse("say whether it is provisional acceptance or guidance")
    if order.status is Status.FIRST_CONTACT:
        mode = order.first_contact_mode
        if action is Action.START_HANDLING and mode is not FirstContactMode.PROVISIONAL:
            raise refuse("guidance-only first contact is closed, not handled")
        if action is Action.COMPLETE and mode is not FirstContactMode.GUIDANCE:
            raise refuse("a provisionally accepted order must be handled and fed back first")


def apply(
    order: WorkOrder,
    action: Action,
    actor: Actor,
    at: datetime,
    note: str = "",
    first_contact_mode: FirstContactMode | None = None,
    deadlines: Deadlines | None = None,
) -> WorkOrder:
    """Return ``order`` after ``action``, with the event appended to its timeline.

    ``deadlines`` replaces the order's deadlines when the action starts a fresh clock (a transfer
    gives the receiving side its own sign-for and feedback deadlines).
    """
    _require_aware(at)
    check(order, action, actor, note, first_contact_mode)
    target = TARGET[action]
    owner = order.owner
    if action is Action.TRANSFER:
        owner = order.owner.peer
    elif action is Action.RETURN and order.status is Status.TRANSFERRED:
        owner = order.owner.peer  # refused: back to the sender
    event = Event(
        at=at,
        actor=actor.name,
        seat=actor.seat,
        platform=actor.platform,
        action=action,
        from_status=order.status,
        to_status=target,
        note=note.strip(),
    )
    return replace(
        order,
        status=target,
        owner=owner,
        first_contact_mode=(
            first_contact_mode if action is Action.FIRST_CONTACT else order.first_contact_mode
        ),
        deadlines=deadlines if deadlines is not None else order.deadlines,
        timeline=(*order.timeline, event),
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
    deadlines: Deadlines = Deadlines(),
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
        if event.action is Action.TRANSFER or (
            event.action is Action.RETURN and status is Status.TRANSFERRED
        ):
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
