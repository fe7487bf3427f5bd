"""Dispatch to departments, their progress and feedback, escalation to 110, three-way outcomes."""

from __future__ import annotations

from dataclasses import replace
from datetime import timedelta

import pytest

from console.domain.linkage import escalation_order, three_way_follow_up
from console.domain.orders import (
    Action,
    FirstContactMode,
    Platform,
    Priority,
    Status,
    ThreeWayOutcome,
    TransitionError,
    allowed_actions,
    apply,
    new_order,
    replay,
)
from tests.domain.test_orders import HOTLINE, POLICE, T0, make

DEPT = "SY-HP-GOV"


def test_dispatch_loop_with_department_progress_and_feedback() -> None:
    o = apply(make(), Action.DISPATCH, HOTLINE, T0, detail=DEPT)
    assert (o.status, o.department, o.timeline[-1].detail) == (Status.DISPATCHED, DEPT, DEPT)
    o = apply(o, Action.DEPT_SIGN_FOR, HOTLINE, T0 + timedelta(hours=1))
    assert o.status is Status.HANDLING
    o = apply(o, Action.PROGRESS, HOTLINE, T0 + timedelta(hours=5), "已约谈店主")
    assert o.status is Status.HANDLING and o.timeline[-1].from_status is Status.HANDLING
    o = apply(o, Action.FEED_BACK, HOTLINE, T0 + timedelta(days=1), "已整改，夜间停业")
    o = apply(o, Action.RETURN, HOTLINE, T0 + timedelta(days=1), "市民称仍有噪音")
    o = apply(o, Action.DISPATCH, HOTLINE, T0 + timedelta(days=1), detail="SY-HP-ENV")
    assert o.department == "SY-HP-ENV"
    assert replay(o.timeline) == (o.status, o.owner)


def test_only_12345_dispatches_and_needs_a_department() -> None:
    with pytest.raises(TransitionError, match="department to dispatch"):
        apply(make(), Action.DISPATCH, HOTLINE, T0)
    sent = apply(make(), Action.TRANSFER, HOTLINE, T0)
    signed = apply(sent, Action.SIGN_FOR, POLICE, T0)
    with pytest.raises(TransitionError, match="only 12345 dispatches"):
        apply(signed, Action.DISPATCH, POLICE, T0, detail=DEPT)


def test_progress_needs_a_note_and_guidance_is_not_dispatched() -> None:
    o = apply(make(), Action.START_HANDLING, HOTLINE, T0)
    with pytest.raises(TransitionError, match="note is required"):
        apply(o, Action.PROGRESS, HOTLINE, T0, "  ")
    guided = apply(make(), Action.FIRST_CONTACT, HOTLINE, T0, "已解释", FirstContactMode.GUIDANCE)
    with pytest.raises(TransitionError, match="guidance-only first contact is closed"):
        apply(guided, Action.DISPATCH, HOTLINE, T0, detail=DEPT)
    taken = apply(make(), Action.FIRST_CONTACT, HOTLINE, T0, "先行", FirstContactMode.PROVISIONAL)
    assert apply(taken, Action.DISPATCH, HOTLINE, T0, detail=DEPT).status is Status.DISPATCHED


def test_escalation_needs_a_department_and_makes_a_linked_order() -> None:
    o = make(consent=False)
    handling = apply(o, Action.START_HANDLING, HOTLINE, T0)
    with pytest.raises(TransitionError, match="dispatch the order first"):
        apply(handling, Action.ESCALATE, HOTLINE, T0, "纠纷升级", detail="110-x")
    o = apply(o, Action.DISPATCH, HOTLINE, T0, detail=DEPT)
    linked = escalation_order(
        o, number="12345-20261126-000002", actor=HOTLINE, at=T0, kind="P-ZA", report="双方持械"
    )
    assert linked.escalated_from == o.number and linked.priority >= Priority.URGENT
    assert "双方持械" in linked.description and linked.caller == o.caller
    # No consent was recorded, yet the linked order goes to 110: a department report needs none.
    sent = apply(linked, Action.TRANSFER, HOTLINE, T0)
    assert (sent.status, sent.owner) == (Status.TRANSFERRED, Platform.POLICE)
    o = apply(o, Action.ESCALATE, HOTLINE, T0, "双方持械", detail=linked.number)
    assert o.status is Status.DISPATCHED and o.timeline[-1].detail == linked.number
    with pytest.raises(ValueError, match="12345"):
        escalation_order(o, number="x", actor=POLICE, at=T0, kind="P-ZA", report="r")


def test_three_way_outcomes() -> None:
    o = make(consent=False)
    with pytest.raises(TransitionError, match="outcome"):
        apply(o, Action.THREE_WAY, HOTLINE, T0, "职责交叉", detail="maybe")
    agreed = apply(o, Action.THREE_WAY, HOTLINE, T0, "属治安纠纷", detail="110")
    assert agreed.consent and agreed.status is Status.RECEIVED  # the caller agreed on the call
    assert three_way_follow_up(ThreeWayOutcome.POLICE, HOTLINE) is Action.TRANSFER
    assert three_way_follow_up(ThreeWayOutcome.HOTLINE, HOTLINE) is None
    assert three_way_follow_up(ThreeWayOutcome.HOTLINE, POLICE) is Action.TRANSFER
    assert three_way_follow_up(ThreeWayOutcome.FIRST_CONTACT, POLICE) is Action.FIRST_CONTACT
    kept = apply(o, Action.THREE_WAY, HOTLINE, T0, "属政务服务", detail="12345")
    assert not kept.consent


def test_allowed_actions_follow_status_and_platform() -> None:
    o = make()
    assert allowed_actions(o, HOTLINE) >= {
        Action.TRANSFER, Action.DISPATCH, Action.START_HANDLING, Action.FIRST_CONTACT,
        Action.THREE_WAY, Action.CANCEL,
    }  # fmt: skip
    assert allowed_actions(o, POLICE) == frozenset()
    sent = apply(o, Action.TRANSFER, HOTLINE, T0)
    assert allowed_actions(sent, POLICE) == {Action.SIGN_FOR, Action.RETURN}
    assert Action.CANCEL in allowed_actions(sent, HOTLINE)  # 撤销 stays with the origin
    fed = replace(sent, status=Status.FED_BACK)
    assert allowed_actions(fed, HOTLINE) == {Action.COMPLETE, Action.RETURN}


def test_the_receiver_sends_back_what_is_not_its_matter_even_after_signing_for_it() -> None:
    signed = apply(apply(make(), Action.TRANSFER, HOTLINE, T0), Action.SIGN_FOR, POLICE, T0)
    with pytest.raises(TransitionError) as refused:
        apply(signed, Action.TRANSFER, POLICE, T0)
    assert refused.value.code == "not_at_origin" and refused.value.params == {"platform": "12345"}
    with pytest.raises(TransitionError) as refused:
        apply(signed, Action.CANCEL, POLICE, T0, "不属实")
    assert refused.value.code == "wrong_platform"
    back = apply(signed, Action.RETURN, POLICE, T0, "非警务，属物业纠纷")
    assert (back.status, back.owner) == (Status.RETURNED, Platform.HOTLINE)
    assert replay(back.timeline) == (back.status, back.owner)
    # Back at 12345 it may try again, handle it, or take first-contact responsibility.
    assert {Action.TRANSFER, Action.START_HANDLING, Action.FIRST_CONTACT} <= allowed_actions(
        back, HOTLINE
    )


def test_rework_after_returned_feedback_stays_with_the_receiver() -> None:
    o = apply(make(), Action.TRANSFER, HOTLINE, T0)
    o = apply(o, Action.SIGN_FOR, POLICE, T0)
    o = apply(o, Action.START_HANDLING, POLICE, T0)
    o = apply(o, Action.FEED_BACK, POLICE, T0, "已处置")
    o = apply(o, Action.RETURN, HOTLINE, T0, "诉求人称未解决")
    assert (o.status, o.owner) == (Status.RETURNED, Platform.POLICE)
    assert allowed_actions(o, POLICE) == {Action.START_HANDLING}
    assert allowed_actions(o, HOTLINE) == {Action.CANCEL}


def test_consent_can_be_recorded_with_the_transfer_and_clues_skip_it_only_toward_110() -> None:
    o = make(consent=False)
    with pytest.raises(TransitionError) as refused:
        apply(o, Action.TRANSFER, HOTLINE, T0)
    assert refused.value.code == "no_consent"
    sent = apply(o, Action.TRANSFER, HOTLINE, T0, detail="consent")
    assert sent.consent and sent.timeline[-1].detail == "consent"
    clue_at_110 = new_order(
        number="110-20261126-000001", actor=POLICE, at=T0, caller=o.caller, kind="P-FJW",
        field=None, district="210102", address="", description="x", social_stability=True,
    )  # fmt: skip
    with pytest.raises(TransitionError, match="consent"):
        apply(clue_at_110, Action.TRANSFER, POLICE, T0)
