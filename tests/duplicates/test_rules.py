"""并单's pure rules: text similarity, the candidates' reasons and order, the merge actions."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from console.domain.duplicates import (
    SIMILAR,
    Open,
    Probe,
    Reason,
    bigrams,
    rank,
    repeated,
    similarity,
)
from console.domain.order_rules import joined, merged_into
from console.domain.orders import (
    Action,
    Actor,
    Caller,
    Platform,
    Status,
    TransitionError,
    apply,
    new_order,
)

NOW = datetime(2026, 11, 20, 8, tzinfo=UTC)
WINDOW = timedelta(hours=72)
AGENT = Actor("王丽", "A-01", Platform.HOTLINE)


def test_one_matter_told_two_ways_is_similar_and_two_matters_are_not() -> None:
    a = bigrams("小区门口垃圾堆放三天无人清理")
    b = bigrams("我们小区大门口的垃圾好几天没人清理了！")
    noise = bigrams("楼上邻居装修噪音太大，晚上十一点还在施工")
    assert similarity(a, b) >= SIMILAR
    assert similarity(a, noise) < 0.05
    assert similarity(a, a) == 1.0 and similarity(a, frozenset()) == 0.0
    # Full-width, spaces and punctuation do not count.
    assert bigrams("ＡＢ　c，d") == bigrams("abcd")


def _open(number: str, hours_ago: float, **kw: object) -> Open:
    values: dict[str, object] = {
        "phones": frozenset({"13900000000"}),
        "district": "210102",
        "kind": "C-TS",
        "address": "和平区南京北街1号",
        "description": "噪音扰民",
        "status": "received",
        "owner": "12345",
    }
    values.update(kw)
    return Open(number, NOW - timedelta(hours=hours_ago), **values)  # type: ignore[arg-type]


def test_candidates_come_with_their_reasons_best_first() -> None:
    probe = Probe(
        phone="13812345678", district="210102", kind="C-HJ",
        address="沈阳市和平区 南京北街１号", text="小区门口垃圾堆放三天无人清理",
    )  # fmt: skip
    orders = [
        _open("similar", 10, kind="C-HJ", address="别处", description="小区大门口的垃圾没人清理"),
        _open("old-similar", 100, kind="C-HJ", address="别处", description="小区门口垃圾没人清理"),
        _open("caller", 200, phones=frozenset({"13812345678"}), address="别处", district="210103"),
        _open("address", 30, address="沈阳市和平区南京北街1号"),
        _open("all", 5, phones=frozenset({"13812345678"}), kind="C-HJ",
              address="沈阳市和平区南京北街1号", description="门口垃圾堆放无人清理"),
        _open("nothing", 1, address="别处", description="路灯不亮"),
        _open("typing", 0, phones=frozenset({"13812345678"})),
    ]  # fmt: skip
    found = rank(probe, orders[:-1], NOW, WINDOW)
    assert [(c.order.number, c.reasons) for c in found] == [
        ("all", (Reason.SAME_CALLER, Reason.SAME_ADDRESS, Reason.SIMILAR)),
        ("caller", (Reason.SAME_CALLER,)),
        ("address", (Reason.SAME_ADDRESS,)),
        ("similar", (Reason.SIMILAR,)),
    ]  # old-similar is outside the window, "nothing" shares nothing
    assert found[-1].similarity >= SIMILAR


def test_the_order_being_typed_is_never_its_own_duplicate() -> None:
    probe = Probe(phone="13900000000", exclude="typing")
    assert rank(probe, [_open("typing", 0)], NOW, WINDOW) == []


def test_repeated_counts_distinct_callers_within_the_window() -> None:
    calls = [("a", NOW - timedelta(hours=80)), ("b", NOW - timedelta(hours=1)), ("b", NOW),
             ("c", NOW)]  # fmt: skip
    assert repeated(calls, NOW, WINDOW) == 2
    assert repeated([*calls, ("d", NOW)], NOW, WINDOW) == 3


def _order(number: str) -> object:
    return new_order(
        number=number, actor=AGENT, at=NOW, caller=Caller("13812345678"), kind="C-TS",
        field=None, district="210102", address="", description="噪音扰民",
    )  # fmt: skip


def test_merge_and_unmerge_by_the_declared_rules() -> None:
    dup, into = _order("D"), _order("T")
    into = apply(into, Action.MERGED_IN, AGENT, NOW, detail="D")  # type: ignore[arg-type]
    dup = apply(dup, Action.MERGE, AGENT, NOW, detail="T")  # type: ignore[arg-type]
    assert dup.status is Status.CANCELLED and merged_into(dup) == "T" and joined(into) == ("D",)
    with pytest.raises(TransitionError) as wrong:
        apply(dup, Action.UNMERGE, AGENT, NOW, detail="X")
    assert wrong.value.code == "merge_not_merged"
    dup = apply(dup, Action.UNMERGE, AGENT, NOW, detail="T")
    into = apply(into, Action.SPLIT_OFF, AGENT, NOW, detail="D")
    assert dup.status is Status.RECEIVED and merged_into(dup) is None and joined(into) == ()
    assert [e.action for e in dup.timeline] == [Action.CREATE, Action.MERGE, Action.UNMERGE]


def test_a_closed_order_is_not_merged_into_and_a_shared_one_is_by_either_holder() -> None:
    into = apply(_order("T"), Action.CANCEL, AGENT, NOW, note="撤销")  # type: ignore[arg-type]
    with pytest.raises(TransitionError) as closed:
        apply(into, Action.MERGED_IN, AGENT, NOW, detail="D")
    assert closed.value.code == "closed"
    sent = apply(_order("S"), Action.TRANSFER, AGENT, NOW, detail="consent")  # type: ignore[arg-type]
    back = apply(sent, Action.RETURN, Actor("李", "B-01", Platform.POLICE), NOW, note="非警情")
    assert apply(back, Action.MERGE, AGENT, NOW, detail="T").status is Status.CANCELLED
    police = Actor("李", "B-01", Platform.POLICE)
    # A caller who reached 12345 joins the copy 110 owns: either holder records the 并入.
    assert apply(sent, Action.MERGED_IN, AGENT, NOW, detail="D").owner is Platform.POLICE
    assert apply(sent, Action.MERGED_IN, police, NOW, detail="D").timeline[-1].detail == "D"
    with pytest.raises(TransitionError) as owner:  # the duplicate's 并单 stays its owner's
        apply(sent, Action.MERGE, AGENT, NOW, detail="T")
    assert owner.value.code == "wrong_status"
    cancelled = apply(_order("C"), Action.CANCEL, AGENT, NOW, note="撤销")  # type: ignore[arg-type]
    with pytest.raises(TransitionError) as plain:
        apply(cancelled, Action.UNMERGE, AGENT, NOW, detail="T")
    assert plain.value.code == "merge_not_merged"
