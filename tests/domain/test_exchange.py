"""The exchange's pure values: which actions travel, the version rule, messages from orders.

:func:`samples` walks real orders through every step that travels and builds its message; the
codec tests and the examples under ``resources/exchange/v1/examples/`` use them.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import timedelta
from itertools import count
from uuid import UUID

import pytest

from console.domain.exchange import (
    ACTION_OF,
    KIND_OF,
    SINCE,
    Acknowledgement,
    AckRefusal,
    AckStatus,
    Disposition,
    JoinedCall,
    Kind,
    Message,
    NoticeKind,
    Sender,
    SnapshotKind,
    Version,
    acknowledge,
    peer_reads,
)
from console.domain.exchange_steps import message_for
from console.domain.linkage import escalation_order
from console.domain.orders import (
    Action,
    Caller,
    Deadlines,
    FirstContactMode,
    Platform,
    WorkOrder,
    apply,
    order_number,
)
from console.domain.refusals import Refused
from tests.domain.test_orders import HOTLINE, POLICE, T0, make

HOTLINE_SYSTEM = Sender(Platform.HOTLINE, "LN-12345")
POLICE_SYSTEM = Sender(Platform.POLICE, "LN-110")
DEPT = "SY-HP-GOV"


def _id(n: int) -> UUID:
    return UUID(int=n, version=4)


def _msg(
    order: WorkOrder,
    action: Action,
    n: int,
    sequence: int = 1,
    linked: WorkOrder | None = None,
    callers: tuple[JoinedCall, ...] = (),
) -> Message:
    """The message of ``order``'s last step; ``n`` makes its ids, ``sequence`` is the sender's."""
    sender = HOTLINE_SYSTEM if order.timeline[-1].platform is Platform.HOTLINE else POLICE_SYSTEM
    return message_for(
        order,
        action,
        sender=sender,
        message_id=_id(n),
        transaction_id=_id(0x1000 + n),
        sent_at=order.timeline[-1].at + timedelta(milliseconds=40),
        sequence=sequence,
        linked=linked,
        callers=callers,
    )


def samples() -> dict[Kind, Message]:
    """One message of every kind, each from a real order at the step it carries: every message
    id is its own, and each sender numbers its messages about one order 1, 2, 3…"""
    out: dict[Kind, Message] = {}
    h = timedelta(hours=1)
    ids, numbers = count(1), count(1)
    sent: dict[tuple[Platform, str], int] = {}

    def fresh() -> WorkOrder:
        return replace(make(), number=order_number(Platform.HOTLINE, "20261126", next(numbers)))

    def send(
        o: WorkOrder, action: Action, linked: WorkOrder | None = None,
        callers: tuple[JoinedCall, ...] = (),
    ) -> None:  # fmt: skip
        key = (o.timeline[-1].platform, o.number)
        sent[key] = sent.get(key, 0) + 1
        out[KIND_OF[action]] = _msg(o, action, next(ids), sent[key], linked, callers)  # type: ignore[index]

    def step(
        o: WorkOrder, action: Action, actor: object, at_h: float,
        callers: tuple[JoinedCall, ...] = (), **kw: object,
    ) -> WorkOrder:  # fmt: skip
        o = apply(o, action, actor, T0 + at_h * h, **kw)  # type: ignore[arg-type]
        send(o, action, callers=callers)
        return o

    # 一键转接 to 110, signed for, handled, fed back, sent back for more, fed back, completed.
    due = Deadlines(sign_for=T0 + 0.6 * h, feedback=T0 + 24 * h, completion=T0 + 72 * h)
    o = step(fresh(), Action.TRANSFER, HOTLINE, 0.1, note="已与来电人协商", detail="consent",
             deadlines=due)  # fmt: skip
    o = step(o, Action.SIGN_FOR, POLICE, 0.2)
    o = step(o, Action.START_HANDLING, POLICE, 0.3)
    o = step(o, Action.PROGRESS, POLICE, 1, note="民警已到场")
    o = step(o, Action.FEED_BACK, POLICE, 2, note="已约谈店主，夜间停业")
    o = step(o, Action.RETURN, HOTLINE, 3, note="来电人称仍有噪音")
    o = apply(o, Action.START_HANDLING, POLICE, T0 + 4 * h)
    o = apply(o, Action.FEED_BACK, POLICE, T0 + 5 * h, "已再次处置")
    step(o, Action.COMPLETE, HOTLINE, 6)
    # 派单, 部门签收, 联动110派警 from the department's report.
    d = step(fresh(), Action.DISPATCH, HOTLINE, 0.1, detail=DEPT)
    d = step(d, Action.DEPT_SIGN_FOR, HOTLINE, 0.5)
    linked = escalation_order(
        d,
        number=order_number(Platform.HOTLINE, "20261126", 100),
        actor=HOTLINE,
        at=T0 + 2 * h,
        kind="P-ZA",
        report="纠纷升级，双方发生推搡",
    )
    d = apply(
        d, Action.ESCALATE, HOTLINE, T0 + 2 * h, "纠纷升级，双方发生推搡", detail=linked.number
    )
    send(d, Action.ESCALATE, linked)
    # 三方通话, 首接负责, 撤销.
    step(fresh(), Action.THREE_WAY, HOTLINE, 0.1, note="三方确认由110处置", detail="110")
    step(
        fresh(),
        Action.FIRST_CONTACT,
        HOTLINE,
        0.1,
        note="已向来电人解释办理渠道",
        first_contact_mode=FirstContactMode.GUIDANCE,
    )
    c = apply(fresh(), Action.TRANSFER, HOTLINE, T0 + 0.1 * h, detail="consent")
    sent[(Platform.HOTLINE, c.number)] = 1  # its transfer went first (the sample is the one above)
    step(c, Action.CANCEL, HOTLINE, 0.2, note="来电人撤回诉求")
    # 并单 (1.2): a duplicate back from 110 closes into another order both sides hold, whose
    # caller joined at 12345 while 110 owns it; then both are undone (拆单, 拆出).
    t = apply(fresh(), Action.TRANSFER, HOTLINE, T0 + 0.1 * h, detail="consent")
    sent[(Platform.HOTLINE, t.number)] = 1
    dup = apply(fresh(), Action.TRANSFER, HOTLINE, T0 + 0.1 * h, detail="consent")
    sent[(Platform.HOTLINE, dup.number)] = 1
    dup = apply(dup, Action.RETURN, POLICE, T0 + 0.5 * h, "非警情，退回12345")
    call = JoinedCall(Caller("13900001111", "张三"), dup.number, dup.created_at)
    t = step(t, Action.MERGED_IN, HOTLINE, 1, (call,), note="同一事项", detail=dup.number)
    dup = step(dup, Action.MERGE, HOTLINE, 1, note="同一事项", detail=t.number)
    step(dup, Action.UNMERGE, HOTLINE, 2, note="并错了", detail=t.number)
    step(t, Action.SPLIT_OFF, HOTLINE, 2, note="并错了", detail=dup.number)
    return out


def test_every_action_but_create_travels_and_every_kind_is_one_action() -> None:
    assert set(KIND_OF) == set(Action)
    assert [a for a, k in KIND_OF.items() if k is None] == [Action.CREATE]
    assert set(ACTION_OF) == set(Kind)
    assert all(KIND_OF[action] is kind for kind, action in ACTION_OF.items())


def test_samples_cover_every_kind() -> None:
    made = samples()
    assert set(made) == set(Kind)
    assert made[Kind.COMPLETION].disposition is Disposition.HANDLED
    assert made[Kind.FIRST_CONTACT].first_contact_mode is FirstContactMode.GUIDANCE
    assert made[Kind.ESCALATION].order is not None
    assert made[Kind.SIGN_FOR].envelope.sender == POLICE_SYSTEM


@pytest.mark.parametrize("text", ["1.0", "1.7", "1.999"])
def test_every_1x_version_is_read(text: str) -> None:
    assert Version.parse(text).major == 1


@pytest.mark.parametrize("text", ["2.0", "0.9", "10.1"])
def test_another_major_version_is_refused_with_its_own_code(text: str) -> None:
    with pytest.raises(Refused) as refused:
        Version.parse(text)
    assert (refused.value.code, refused.value.params) == (
        "exchange_unknown_version",
        {"version": text},
    )


@pytest.mark.parametrize("text", ["1", "1.0.0", "v1.0", "01.0", "", None, 1.0])
def test_a_malformed_version_is_invalid(text: object) -> None:
    with pytest.raises(Refused) as refused:
        Version.parse(text)
    assert refused.value.code == "exchange_invalid"


def test_a_message_is_made_only_for_the_last_step_of_an_action_that_travels() -> None:
    o = make()
    with pytest.raises(ValueError, match="does not travel"):
        _msg(o, Action.CREATE, 1)
    with pytest.raises(ValueError, match="not the last step"):
        _msg(o, Action.TRANSFER, 1)
    sent = apply(o, Action.TRANSFER, HOTLINE, T0, detail="consent")
    with pytest.raises(ValueError, match="linked order"):
        _msg(sent, Action.TRANSFER, 1, linked=o)


def test_every_kind_knows_the_version_that_added_it_and_is_written_in_it() -> None:
    assert set(SINCE) == {*Kind, *SnapshotKind, *NoticeKind}
    assert {str(SINCE[k]) for k in (Kind.MERGE, Kind.CALLER_SPLIT_OFF)} == {"1.2"}
    assert (str(SINCE[SnapshotKind.INCIDENT]), str(SINCE[NoticeKind.CALLER_TOLD])) == ("1.1", "1.3")
    made = samples()
    assert all(m.envelope.version == SINCE[k] for k, m in made.items() if not m.callers)


@pytest.mark.parametrize(
    ("peer", "merge", "told"), [(None, True, True), ("1.1", False, False), ("1.2", True, False)]
)
def test_a_peer_reads_the_kinds_of_its_format_and_an_unknown_peer_every_kind(
    peer: str | None, merge: bool, told: bool
) -> None:
    version = Version.parse(peer) if peer else None
    assert peer_reads(Kind.TRANSFER, version) and peer_reads(SnapshotKind.INCIDENT, version)
    assert peer_reads(Kind.CALLER_JOINED, version) is merge
    assert peer_reads(NoticeKind.CALLER_TOLD, version) is told


def test_a_1_1_peer_gets_no_merge_and_a_transfer_without_what_1_2_added() -> None:
    call = samples()[Kind.CALLER_JOINED].callers
    t = apply(make(), Action.MERGED_IN, HOTLINE, T0, note="同一事项", detail=call[0].merged_from)
    old = Version(1, 1)
    with pytest.raises(ValueError, match="does not read caller_joined"):
        message_for(t, Action.MERGED_IN, sender=HOTLINE_SYSTEM, message_id=_id(1),
                    transaction_id=_id(2), sent_at=T0, sequence=1, callers=call,
                    peer_format=old)  # fmt: skip
    t = apply(t, Action.TRANSFER, HOTLINE, T0, detail="consent")
    new, to_old = (
        message_for(
            t,
            Action.TRANSFER,
            sender=HOTLINE_SYSTEM,
            message_id=_id(3),
            transaction_id=_id(4),
            sent_at=T0,
            sequence=1,
            callers=call,
            peer_format=peer,
        )
        for peer in (None, old)
    )
    assert (str(new.envelope.version), new.callers) == ("1.2", call)
    assert (str(to_old.envelope.version), to_old.callers) == ("1.0", ())
    assert to_old.order is not None and to_old.event == new.event
    assert [e.action for e in to_old.order.timeline] == [Action.CREATE, Action.TRANSFER]


def test_a_message_refuses_contradictions() -> None:
    m = samples()[Kind.SIGN_FOR]
    with pytest.raises(ValueError, match="sending platform"):
        Message(m.envelope.__class__(**{**_fields(m.envelope), "sender": HOTLINE_SYSTEM}), m.event)
    with pytest.raises(ValueError, match="disposition"):
        Message(m.envelope, m.event, disposition=Disposition.HANDLED)


def _fields(obj: object) -> dict[str, object]:
    return {name: getattr(obj, name) for name in obj.__slots__}  # type: ignore[attr-defined]


def test_acknowledgements_say_whether_to_retry_and_carry_refusals() -> None:
    envelope = samples()[Kind.TRANSFER].envelope
    ok = acknowledge(envelope, sender=POLICE_SYSTEM, at=T0)
    assert (ok.status, ok.transaction_id, ok.refusal) == (
        AckStatus.APPLIED,
        envelope.transaction_id,
        None,
    )
    too_big = acknowledge(
        envelope, sender=POLICE_SYSTEM, at=T0, refused=Refused("exchange_too_large", most="10")
    )
    assert too_big.status is AckStatus.TOO_LARGE and too_big.status.final
    rules = acknowledge(envelope, sender=POLICE_SYSTEM, at=T0, refused=Refused("closed"))
    assert rules.status is AckStatus.REFUSED and rules.refusal == AckRefusal.of(Refused("closed"))
    assert rules.refusal.refused().code == "closed"
    assert not AckStatus.UNAVAILABLE.final and not AckStatus.OUT_OF_ORDER.final
    with pytest.raises(ValueError, match="refusal"):
        Acknowledgement(envelope.transaction_id, envelope.message_id, T0, POLICE_SYSTEM,
                        AckStatus.REFUSED, "refused")  # fmt: skip
