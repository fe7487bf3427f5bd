"""The work order's vocabulary: platforms, statuses, actions, the order and its timeline events.

Pure data; the rules that move an order are in ``order_rules`` and ``orders``. Import these names
from :mod:`console.domain.orders`, which re-exports them.
"""

from __future__ import annotations

import enum
from dataclasses import dataclass
from datetime import datetime

from console.domain.refusals import Refused
from console.domain.typed_text import plain_line

MAX_AGENT_NAME = 32  # as the site config allows (console/config_values.py)
MAX_SEAT_ID = 16


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
    DISPATCHED = "dispatched"  # 已派单，待承办部门签收
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
    DISPATCH = "dispatch"  # 派单 to a department from the directory (12345 only)
    DEPT_SIGN_FOR = "dept_sign_for"  # 部门签收, recorded by the dispatching seat
    PROGRESS = "progress"  # 处置进展: a progress report; the status does not change
    ESCALATE = "escalate"  # 联动110派警: a linked 110 order was made from this one
    THREE_WAY = "three_way"  # 三方通话 outcome: who takes the matter, and why
    # 并单 (console/services/duplicates.py): the duplicate closes into the order it joins, whose
    # timeline records the caller who joined; 拆单 undoes both. Detail: the other order's number.
    MERGE = "merge"  # 并单: this order (the duplicate) closes into another
    MERGED_IN = "merged_in"  # 并入: another order's caller joined this one
    UNMERGE = "unmerge"  # 拆单: the merged duplicate is restored as it was
    SPLIT_OFF = "split_off"  # 拆出: that caller left this order again


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


class DeadlineKind(enum.StrEnum):
    """The deadlines an order can have; declared with their rules in ``deadline_kinds``. The
    value names the :class:`Deadlines` slot, the ``<value>_due`` column and the alarm key."""

    SIGN_FOR = "sign_for"  # 签收时限
    FEEDBACK = "feedback"  # 反馈时限
    COMPLETION = "completion"  # 办结时限


@dataclass(frozen=True, slots=True)
class Deadlines:
    """Due instants (UTC, tz-aware), one slot per :class:`DeadlineKind` (a test checks they
    match); ``None`` where the deadline does not apply."""

    sign_for: datetime | None = None  # 签收时限
    feedback: datetime | None = None  # 反馈时限
    completion: datetime | None = None  # 办结时限

    def get(self, kind: DeadlineKind) -> datetime | None:
        due: datetime | None = getattr(self, kind.value)
        return due

    def items(self) -> tuple[tuple[DeadlineKind, datetime | None], ...]:
        return tuple((kind, self.get(kind)) for kind in DeadlineKind)


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
    # What the action refers to: the department of a dispatch, the linked order of an
    # escalation, the outcome of a three-way call (``ActionSpec.detail``).
    detail: str = ""


@dataclass(frozen=True, slots=True)
class Actor:
    """The agent acting, the seat they sit at and the platform the seat belongs to.

    Every step is stamped with the name and the seat, so both are checked where an actor is
    made: a blank, over-long or control-laden one is refused (``Refused``), never stored."""

    name: str
    seat: str
    platform: Platform

    def __post_init__(self) -> None:
        if not _plain(self.name, MAX_AGENT_NAME):
            raise Refused("agent_invalid", f"agent name {self.name!r} is not 1-32 plain characters")
        if not _plain(self.seat, MAX_SEAT_ID):
            raise Refused("seat_invalid", f"seat id {self.seat!r} is not 1-16 plain characters")
        if not isinstance(self.platform, Platform):
            raise TypeError(f"platform must be a Platform, not {self.platform!r}")


def _plain(text: object, most: int) -> bool:
    return isinstance(text, str) and 0 < len(text) <= most and plain_line(text)


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
    department: str | None = None  # 承办单位: the department it was dispatched to (code)
    escalated_from: str | None = None  # 联动110派警: the order whose department report made it


class ThreeWayOutcome(enum.StrEnum):
    """Who takes the matter after a three-way call (三方通话)."""

    HOTLINE = "12345"
    POLICE = "110"
    FIRST_CONTACT = "first_contact"  # neither can take it: the first platform keeps it


class TransitionError(Refused, ValueError):
    """An action the order's status, the seat's platform or the action's inputs do not allow.

    ``why`` is English for the log; ``code`` and ``params`` let a UI say it in its own language
    (every code is declared in :data:`console.domain.refusals.REFUSALS`).
    """

    def __init__(
        self,
        number: str,
        action: Action,
        status: Status,
        why: str,
        code: str,
        params: dict[str, str] | None = None,
    ) -> None:
        self.number = number
        self.action = action
        self.status = status
        super().__init__(code, why, **(params or {}))
        self.args = (f"工单 {number}: cannot {action.value} from {status.value}: {why}",)

    def __str__(self) -> str:
        return str(self.args[0])
