"""The closed loop: legal paths work, illegal ones are refused, the timeline always explains the state."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from console.domain.actions import Effect
from console.domain.orders import (
    ACTIONS,
    TERMINAL,
    Action,
    Actor,
    Caller,
    FirstContactMode,
    Platform,
    Priority,
    Status,
    TransitionError,
    WorkOrder,
    apply,
    new_order,
    order_number,
    replay,
)

T0 = datetime(2026, 11, 26, 2, 0, tzinfo=UTC)
HOTLINE = Actor("王丽", "A-01", Platform.HOTLINE)
POLICE = Actor("李强", "J-07", Platform.POLICE)


def make(consent: bool = True, social_stability: bool = False) -> WorkOrder:
    return new_order(
        number=order_number(Platform.HOTLINE, "20261126", 1),
        actor=HOTLINE,
        at=T0,
        caller=Caller("13812341234", "张三"),
        kind="C-TS",
        field="F-SH",
        district="210102",
        address="和平区中山路1号",
        description="楼下烧烤店夜间噪音扰民",
        consent=consent,
        social_stability=social_stability,
    )


def test_full_loop_across_both_platforms() -> None:
    o = make()
    o = apply(o, Action.TRANSFER, HOTLINE, T0, "涉嫌违法，转110")
    assert (o.status, o.owner) == (Status.TRANSFERRED, Platform.POLICE)
    o = apply(o, Action.SIGN_FOR, POLICE, T0 + timedelta(minutes=3))
    o = apply(o, Action.START_HANDLING, POLICE, T0 + timedelta(minutes=4))
    o = apply(o, Action.FEED_BACK, POLICE, T0 + timedelta(hours=2), "已出警处理")
    # The origin judges the feedback and closes the loop.
    with pytest.raises(TransitionError, match="only a 12345 seat"):
        apply(o, Action.COMPLETE, POLICE, T0 + timedelta(hours=3))
    o = apply(o, Action.COMPLETE, HOTLINE, T0 + timedelta(hours=3))
    assert o.status is Status.COMPLETED
    assert [e.action for e in o.timeline] == [
        Action.CREATE,
        Action.TRANSFER,
        Action.SIGN_FOR,
        Action.START_HANDLING,
        Action.FEED_BACK,
        Action.COMPLETE,
    ]
    assert replay(o.timeline) == (o.status, o.owner)


def test_transfer_needs_consent_unless_social_stability() -> None:
    with pytest.raises(TransitionError, match="consent"):
        apply(make(consent=False), Action.TRANSFER, HOTLINE, T0)
    o = apply(make(consent=False, social_stability=True), Action.TRANSFER, HOTLINE, T0)
    assert o.owner is Platform.POLICE
    assert o.priority is Priority.CRITICAL


def test_refused_transfer_goes_back_to_sender() -> None:
    o = apply(make(), Action.TRANSFER, HOTLINE, T0)
    o = apply(o, Action.RETURN, POLICE, T0, "非警务事项")
    assert (o.status, o.owner) == (Status.RETURNED, Platform.HOTLINE)


def test_error_names_the_transition_and_the_reason() -> None:
    with pytest.raises(TransitionError) as err:
        apply(make(), Action.FEED_BACK, HOTLINE, T0, "x")
    message = str(err.value)
    assert (
        "feed_back" in message and "received" in message and "only allowed from handling" in message
    )


def test_return_needs_a_reason() -> None:
    o = apply(make(), Action.TRANSFER, HOTLINE, T0)
    with pytest.raises(TransitionError, match="reason"):
        apply(o, Action.RETURN, POLICE, T0, "   ")


def test_first_contact_modes() -> None:
    guided = apply(make(), Action.FIRST_CONTACT, HOTLINE, T0, "已解释", FirstContactMode.GUIDANCE)
    with pytest.raises(TransitionError, match="guidance"):
        apply(guided, Action.START_HANDLING, HOTLINE, T0)
    assert apply(guided, Action.COMPLETE, HOTLINE, T0).status is Status.COMPLETED
    taken = apply(
        make(), Action.FIRST_CONTACT, HOTLINE, T0, "先行受理", FirstContactMode.PROVISIONAL
    )
    with pytest.raises(TransitionError, match="provisionally"):
        apply(taken, Action.COMPLETE, HOTLINE, T0)
    assert apply(taken, Action.START_HANDLING, HOTLINE, T0).status is Status.HANDLING


def test_naive_instants_are_refused() -> None:
    with pytest.raises(ValueError, match="timezone-aware"):
        apply(make(), Action.START_HANDLING, HOTLINE, datetime(2026, 1, 1))


def test_order_number_is_readable() -> None:
    assert order_number(Platform.POLICE, "20261126", 42) == "110-20261126-000042"
    with pytest.raises(ValueError):
        order_number(Platform.POLICE, "2026-11-26", 1)


steps = st.lists(
    st.tuples(
        st.sampled_from([a for a in Action if a is not Action.CREATE]),
        st.sampled_from([HOTLINE, POLICE]),
        st.sampled_from(["", "原因说明"]),
        st.sampled_from([None, *FirstContactMode]),
        st.sampled_from(["", "DEPT-SY-ZJ", "12345", "110", "first_contact", "consent"]),
    ),
    max_size=30,
)


@settings(max_examples=400, deadline=None)
@given(steps=steps, consent=st.booleans(), social=st.booleans())
def test_random_actions_never_reach_an_invalid_state(
    steps: list[tuple[Action, Actor, str, FirstContactMode | None, str]],
    consent: bool,
    social: bool,
) -> None:
    order = make(consent=consent, social_stability=social)
    at = T0
    agreed_on_call = False
    for action, actor, note, mode, detail in steps:
        at += timedelta(minutes=1)
        before = order
        try:
            order = apply(order, action, actor, at, note, mode, detail=detail)
        except TransitionError as refused:
            assert refused.action is action and refused.status is before.status
            assert order is before  # a refusal changes nothing
            continue
        # An accepted action came from an allowed status and reached its target.
        assert before.status in ACTIONS[action].allowed_from
        # Only 拆单 leaves a final status: it restores the order a 并单 cancelled.
        assert before.status not in TERMINAL or Effect.RESTORES in ACTIONS[action].effects
        assert len(order.timeline) == len(before.timeline) + 1
        # The timeline always explains the state.
        assert replay(order.timeline) == (order.status, order.owner)
        assert order.timeline[-1].to_status is order.status
        # Invariants of reachable states.
        if order.status is Status.FIRST_CONTACT:
            assert order.first_contact_mode is not None
        if order.status in (Status.TRANSFERRED, Status.SIGNED_FOR):
            assert any(e.action is Action.TRANSFER for e in order.timeline)
        if order.status is Status.DISPATCHED:
            assert order.department and before.owner is Platform.HOTLINE
        agreed_on_call |= action is Action.THREE_WAY and detail == before.owner.peer.value
        agreed_on_call |= action is Action.TRANSFER and detail == "consent"
        if action is Action.CANCEL:
            assert actor.platform is before.origin
        if any(e.action is Action.TRANSFER for e in order.timeline):
            assert consent or social or agreed_on_call
    times = [e.at for e in order.timeline]
    assert times == sorted(times)


def test_a_note_keeps_its_lines_but_not_controls_or_bidi_overrides() -> None:
    order = make(consent=True)
    typed = "  已答复\u202e伪装\u202c\r\n第二行\x07 "
    done = apply(order, Action.FIRST_CONTACT, HOTLINE, T0, typed, FirstContactMode.GUIDANCE)
    assert done.timeline[-1].note == "已答复伪装\n第二行"
