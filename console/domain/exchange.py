"""The 12345 ⇄ 110 exchange's messages as pure values: envelope, step, order, acknowledgement.

Each platform runs its own system; every step that crosses from one to the other is one
message (docs/exchange.md; the wire format is ``resources/exchange/v1/*.schema.json``, which
``console.services.exchange_codec`` validates and maps to these values). This module says:

- which order :class:`Action` travels as which message :class:`Kind` (:data:`KIND_OF`, the one
  declaration; ``None`` for the one action that never travels by itself: create);
- the version rule (:class:`Version`): a receiver reads every ``1.x``; any other major version
  is refused with ``exchange_unknown_version``, never dropped; each kind is written in the
  minor that added it (:data:`SINCE`, the one declaration), and a peer known to read an older
  format is never sent it (:func:`peer_reads`);
- how a message is built from an order after a step: ``console.domain.exchange_steps``.

Pure Python: no Qt, no database, no JSON.
"""

from __future__ import annotations

import enum
import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import datetime
from types import MappingProxyType
from uuid import UUID

from console.domain.order_types import (
    Action,
    Caller,
    Event,
    FirstContactMode,
    Platform,
    ThreeWayOutcome,
    WorkOrder,
)
from console.domain.refusals import Refused

MAJOR = 1  # the major version this code reads and writes


@dataclass(frozen=True, slots=True, order=True)
class Version:
    """``major.minor`` of the message format. A minor version only adds optional data in
    ``extensions``; a major version may change anything, so an unknown one is refused."""

    major: int
    minor: int

    def __str__(self) -> str:
        return f"{self.major}.{self.minor}"

    @classmethod
    def parse(cls, text: object) -> Version:
        """The version a message declares; ``exchange_invalid`` if it is not ``major.minor``,
        ``exchange_unknown_version`` if its major is not :data:`MAJOR`."""
        match = _VERSION.fullmatch(text) if isinstance(text, str) else None
        if match is None:
            raise Refused(
                "exchange_invalid",
                f"schemaVersion {str(text)[:20]!r} is not major.minor",
                path="$.envelope.schemaVersion",
            )
        version = cls(int(match[1]), int(match[2]))
        if version.major != MAJOR:
            raise Refused(
                "exchange_unknown_version",
                f"message format {version} is not {MAJOR}.x",
                version=str(version),
            )
        return version


_VERSION = re.compile(r"(0|[1-9][0-9]{0,2})\.(0|[1-9][0-9]{0,2})")
CURRENT = Version(MAJOR, 0)
"""The version this code writes."""


class Kind(enum.StrEnum):
    """A message's kind: which step of the order it carries (its body's shape)."""

    TRANSFER = "transfer"  # 一键转接 / 互派: the whole order goes with it
    SIGN_FOR = "sign_for"  # 签收
    HANDLING = "handling"  # 处置
    DISPATCH = "dispatch"  # 派单 to a department (12345)
    DEPT_SIGN_FOR = "dept_sign_for"  # 部门签收
    PROGRESS = "progress"  # 处置进展
    FEEDBACK = "feedback"  # 反馈
    COMPLETION = "completion"  # 办结
    RETURN = "return"  # 退回, with the reason
    FIRST_CONTACT = "first_contact"  # 首接负责制
    THREE_WAY_OUTCOME = "three_way_outcome"  # 三方通话's outcome
    ESCALATION = "escalation"  # 联动110派警: the linked 110 order
    CANCELLATION = "cancellation"  # 撤销, with the reason
    # 1.2 (MERGE_VERSION): 并单 / 拆单 on an order both sides hold.
    MERGE = "merge"  # 并单: this order (the duplicate) closed into another
    CALLER_JOINED = "caller_joined"  # 并入: another caller joined this order, with the caller
    UNMERGE = "unmerge"  # 拆单: the duplicate restored
    CALLER_SPLIT_OFF = "caller_split_off"  # 拆出: that caller left this order again


class NoticeKind(enum.StrEnum):
    """A message kind that carries a record kept beside an order's steps, not a step (format
    1.3): numbered in the order's sequence like a step, applied once, no status change."""

    CALLER_TOLD = "caller_told"  # 告知来电人: a caller of the order was told the result


class SnapshotKind(enum.StrEnum):
    """A message kind that carries a whole record's state after each change, not an order's
    step (format 1.1): applied if newer than the copy held, else acknowledged and ignored."""

    INCIDENT = "incident"  # 突发事件: the incident as its running platform sees it


SNAPSHOT_VERSION = Version(MAJOR, 1)
"""The version snapshots are written in (the minor that added them; orders stay 1.0)."""
MERGE_VERSION = Version(MAJOR, 2)
"""The version 并单's kinds, and a transfer carrying joined callers, are written in (the minor
that added them); every other order step stays 1.0, so a 1.0 peer reads it."""
TOLD_VERSION = Version(MAJOR, 3)
"""The version ``caller_told`` is written in (the minor that added it)."""

AnyKind = Kind | SnapshotKind | NoticeKind
SINCE: Mapping[AnyKind, Version] = MappingProxyType({
    **dict.fromkeys(Kind, CURRENT),  # every order step of 1.0
    SnapshotKind.INCIDENT: SNAPSHOT_VERSION,
    **dict.fromkeys(
        (Kind.MERGE, Kind.CALLER_JOINED, Kind.UNMERGE, Kind.CALLER_SPLIT_OFF), MERGE_VERSION
    ),
    NoticeKind.CALLER_TOLD: TOLD_VERSION,
})  # fmt: skip
"""Every message kind and the format version that added it: a message of that kind is written
in it, and a peer known to read an older format is never sent one (:func:`peer_reads`)."""


def peer_reads(kind: AnyKind, peer_format: Version | None) -> bool:
    """Whether a peer reading ``peer_format`` knows ``kind`` (None: not known, so it is
    assumed to: the exchange negotiates nothing, docs/exchange.md § 5)."""
    return peer_format is None or SINCE[kind] <= peer_format


KIND_OF: Mapping[Action, Kind | None] = MappingProxyType({
    # An order is created on one platform; it reaches the peer inside its transfer.
    Action.CREATE: None,
    Action.TRANSFER: Kind.TRANSFER,
    Action.SIGN_FOR: Kind.SIGN_FOR,
    # Once an order exists on both sides, every later step travels, so both copies replay the
    # same timeline (``orders.replay``) and show the same history.
    Action.START_HANDLING: Kind.HANDLING,
    Action.DISPATCH: Kind.DISPATCH,
    Action.DEPT_SIGN_FOR: Kind.DEPT_SIGN_FOR,
    Action.PROGRESS: Kind.PROGRESS,
    Action.FEED_BACK: Kind.FEEDBACK,
    Action.COMPLETE: Kind.COMPLETION,
    Action.RETURN: Kind.RETURN,
    Action.FIRST_CONTACT: Kind.FIRST_CONTACT,
    Action.THREE_WAY: Kind.THREE_WAY_OUTCOME,
    Action.ESCALATE: Kind.ESCALATION,
    Action.CANCEL: Kind.CANCELLATION,
    # 并单 / 拆单 travel like any step once the peer holds the order (1.2): its copy shows the
    # caller who joined, the duplicate's 并单 and its link, and the unmerge.
    Action.MERGE: Kind.MERGE,
    Action.MERGED_IN: Kind.CALLER_JOINED,
    Action.UNMERGE: Kind.UNMERGE,
    Action.SPLIT_OFF: Kind.CALLER_SPLIT_OFF,
})  # fmt: skip
"""Every order action and the message kind it travels as (``None``: it never travels)."""

ACTION_OF: Mapping[Kind, Action] = MappingProxyType(
    {kind: action for action, kind in KIND_OF.items() if kind is not None}
)


class Disposition(enum.StrEnum):
    """How a completed order ended (EIDO's disposition), carried by a completion."""

    HANDLED = "handled"  # 已处置办结
    GUIDANCE = "guidance"  # 已引导解释: first-contact guidance closes without handling


class AckStatus(enum.IntEnum):
    """The acknowledgement's status code (NENA STA-024 ``eventResponse.statusCode``)."""

    APPLIED = 200  # applied now or before (a duplicate gets the first answer again)
    INVALID = 400  # not JSON, or not this schema: final
    OUT_OF_ORDER = 409  # an earlier step of the same order is missing: send that first
    TOO_LARGE = 413  # over the receiver's size limit: final
    REFUSED = 422  # valid, but the receiver's rules say no: final, shown to the sender's seat
    UNAVAILABLE = 503  # the receiver cannot apply it now: retry with back-off
    UNKNOWN_VERSION = 505  # a major version the receiver does not read: final

    @property
    def final(self) -> bool:
        """The sender stops retrying (it was applied, or it never will be)."""
        return self not in (AckStatus.OUT_OF_ORDER, AckStatus.UNAVAILABLE)

    @property
    def refuses(self) -> bool:
        """The acknowledgement carries a refusal the sender's seat is shown."""
        return self in _REFUSING


_REFUSING = frozenset(
    {AckStatus.INVALID, AckStatus.TOO_LARGE, AckStatus.REFUSED, AckStatus.UNKNOWN_VERSION}
)

STATUS_OF_CODE: Mapping[str, AckStatus] = MappingProxyType({
    "exchange_too_large": AckStatus.TOO_LARGE,
    "exchange_not_json": AckStatus.INVALID,
    "exchange_invalid": AckStatus.INVALID,
    "exchange_unknown_version": AckStatus.UNKNOWN_VERSION,
})  # fmt: skip
"""The status a decoding refusal is answered with; every other refusal is ``REFUSED``."""


@dataclass(frozen=True, slots=True)
class Sender:
    """The sending platform and its system's id, as the two platforms agreed it."""

    platform: Platform
    system_id: str


@dataclass(frozen=True, slots=True)
class Envelope:
    """What names a message: exactly once by ``message_id``; applied in ``sequence`` order
    within ``order_number``; answered by an acknowledgement echoing ``transaction_id``."""

    message_id: UUID
    version: Version
    sent_at: datetime
    sender: Sender
    order_number: str
    sequence: int
    transaction_id: UUID
    kind: AnyKind


Extension = str | int | bool | None


@dataclass(frozen=True, slots=True)
class JoinedCall:
    """A caller who joined an order (并入), as it travels: who, when they called, and the
    duplicate or call they came from (the ``caller_joined`` step's detail)."""

    caller: Caller
    merged_from: str
    called_at: datetime


@dataclass(frozen=True, slots=True)
class Message:
    """One cross-platform step. ``event`` is the step as the sender's timeline records it;
    ``order`` is the whole order for a transfer and the linked 110 order for an escalation;
    ``first_contact_mode`` goes with a first-contact step, ``disposition`` with a completion;
    ``callers``: the callers who joined the order, with a transfer (all of them) or a
    ``caller_joined`` (the one who joined)."""

    envelope: Envelope
    event: Event
    order: WorkOrder | None = None
    first_contact_mode: FirstContactMode | None = None
    disposition: Disposition | None = None
    extensions: Mapping[str, Extension] = field(default_factory=dict)
    callers: tuple[JoinedCall, ...] = ()

    @property
    def kind(self) -> Kind:
        kind = self.envelope.kind
        assert isinstance(kind, Kind)  # __post_init__ refuses any other kind
        return kind

    def __post_init__(self) -> None:
        kind = self.envelope.kind
        if not isinstance(kind, Kind):
            raise ValueError(f"a {kind} message is not an order's step")
        if self.event.action is not ACTION_OF[kind]:
            raise ValueError(f"a {kind} message carries a {ACTION_OF[kind]} step")
        if self.event.platform is not self.envelope.sender.platform:
            raise ValueError("the step was taken on the sending platform")
        if (self.order is not None) != (kind in (Kind.TRANSFER, Kind.ESCALATION)):
            raise ValueError(f"a {kind} message carries an order only for transfer/escalation")
        if (self.first_contact_mode is not None) != (kind is Kind.FIRST_CONTACT):
            raise ValueError("the first-contact mode goes with a first-contact step only")
        if (self.disposition is not None) != (kind is Kind.COMPLETION):
            raise ValueError("the disposition goes with a completion only")
        if kind is Kind.CALLER_JOINED and [c.merged_from for c in self.callers] != [
            self.event.detail
        ]:
            raise ValueError("a caller_joined carries the one caller its step names")
        if self.callers and kind not in (Kind.TRANSFER, Kind.CALLER_JOINED):
            raise ValueError("callers go with a transfer or a caller_joined only")
        if kind is Kind.ESCALATION and self.order is not None:
            if self.order.number != self.event.detail:
                raise ValueError("an escalation's step names its linked order")
            if self.order.escalated_from != self.envelope.order_number:
                raise ValueError("the linked order names the order it was escalated from")
        if (
            kind is Kind.TRANSFER
            and self.order is not None
            and self.order.timeline[-1:] != (self.event,)
        ):
            raise ValueError("a transfer's step is the last line of the order's timeline")
        if kind is Kind.THREE_WAY_OUTCOME:
            ThreeWayOutcome(self.event.detail)  # ValueError if it is not an outcome


@dataclass(frozen=True, slots=True)
class AckRefusal:
    """Why a message was refused: a code declared in ``REFUSALS`` with its parameters (the
    sender's seat is shown its sentence) and the receiver's own words for the log."""

    code: str
    params: Mapping[str, str] = field(default_factory=dict)
    reason: str = ""

    @classmethod
    def of(cls, refused: Refused) -> AckRefusal:
        return cls(refused.code, dict(refused.params), refused.why[:2000])

    def refused(self) -> Refused:
        """The refusal as the sending side raises and shows it."""
        return Refused(self.code, self.reason, **self.params)


@dataclass(frozen=True, slots=True)
class Acknowledgement:
    """The receiver's answer to one message (NENA STA-024 ``eventResponse``)."""

    transaction_id: UUID
    message_id: UUID
    sent_at: datetime
    sender: Sender
    status: AckStatus
    text: str
    refusal: AckRefusal | None = None
    version: Version = CURRENT

    def __post_init__(self) -> None:
        if (self.refusal is not None) != self.status.refuses:
            raise ValueError(f"status {int(self.status)} carries a refusal iff it refuses")


def acknowledge(
    message: Envelope, *, sender: Sender, at: datetime, refused: Refused | None = None
) -> Acknowledgement:
    """The answer to ``message``: applied, or refused with the refusal's code (a decoding
    refusal gets its own status, see :data:`STATUS_OF_CODE`)."""
    if refused is None:
        return Acknowledgement(
            message.transaction_id, message.message_id, at, sender, AckStatus.APPLIED, "applied"
        )
    status = STATUS_OF_CODE.get(refused.code, AckStatus.REFUSED)
    return Acknowledgement(
        message.transaction_id,
        message.message_id,
        at,
        sender,
        status,
        refused.code,
        AckRefusal.of(refused),
    )
