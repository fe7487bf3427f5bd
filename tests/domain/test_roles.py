"""The role matrix, exhaustively: every capability × role × platform, against a table written
out here by hand (a change to the matrix must change this table too)."""

from __future__ import annotations

import itertools

import pytest

from console.domain.orders import Action, Platform
from console.domain.refusals import Refused
from console.domain.roles import (
    MATRIX,
    ROLES,
    SITE,
    Capability,
    Principal,
    Role,
    allowed,
    check_roles,
    matrix_rows,
    needs_totp,
)

H, P = "12345", "110"
HOTLINE = {("agent", H), ("lead", H)}
POLICE = {("operator", P), ("lead", P)}
FLOORS = HOTLINE | POLICE
LEADS = {("lead", H), ("lead", P)}

# (role, where) pairs that may; "site" for the site-wide capabilities. Everything else: refused.
EXPECTED: dict[str, set[tuple[str, str]]] = {
    "create": FLOORS,
    "sign_for": FLOORS,
    "dept_sign_for": HOTLINE,
    "start_handling": FLOORS,
    "dispatch": HOTLINE,
    "progress": FLOORS,
    "feed_back": FLOORS,
    "complete": FLOORS,
    "return": FLOORS,
    "transfer": FLOORS,
    "three_way": FLOORS,
    "first_contact": FLOORS,
    "escalate": HOTLINE,
    "cancel": FLOORS,
    "merge": FLOORS,
    "merged_in": FLOORS,
    "unmerge": FLOORS,
    "split_off": FLOORS,
    "take_calls": FLOORS,
    "see_orders": FLOORS,
    "ack_alarm": FLOORS,
    "escalate_alarm": LEADS,
    "see_floor": LEADS,
    "report": LEADS | {("admin", "site")},
    "export": LEADS,
    "reveal_personal": FLOORS,
    "manage_users": {("admin", "site")},
    "manage_directory": {("admin", "site")},
    "change_config": {("admin", "site")},
    "manage_knowledge": {("admin", "site")},
    "read_audit": {("auditor", "site")},
    "see_incidents": FLOORS,
    "link_incident": FLOORS,
    "run_incident": LEADS,
    "hotspots": {("lead", H)},
    "consultation": LEADS | {("admin", "site")},
}

EVERYTHING = [*Action, *Capability]


def test_the_matrix_declares_every_capability_and_the_table_names_them_all() -> None:
    assert set(MATRIX) == set(EVERYTHING)
    assert set(EXPECTED) == {c.value for c in EVERYTHING}


@pytest.mark.parametrize("can", EVERYTHING, ids=str)
def test_every_role_at_every_platform(can: Action | Capability) -> None:
    for role, home, asked in itertools.product(
        Role, Platform, [Platform.HOTLINE, Platform.POLICE, SITE]
    ):
        who = Principal("x", "X", home, frozenset({role}))
        where = "site" if asked is SITE else asked.value
        # A platform role counts at its own platform only; site-wide ones anywhere.
        expected = (role.value, where) in EXPECTED[can.value] and (asked is SITE or asked == home)
        assert allowed(who, can, asked) is expected, (can, role, home, asked)


def test_roles_add_up_and_none_is_nothing() -> None:
    lead_agent = Principal("a", "A", Platform.HOTLINE, frozenset({Role.AGENT, Role.SHIFT_LEAD}))
    assert allowed(lead_agent, Capability.REPORT, Platform.HOTLINE)
    assert allowed(lead_agent, Action.DISPATCH, Platform.HOTLINE)
    assert not allowed(lead_agent, Capability.MANAGE_USERS, SITE)
    nobody = Principal("n", "N", Platform.HOTLINE, frozenset())
    assert not any(allowed(nobody, c, w) for c in EVERYTHING for w in (*Platform, SITE))


def test_dispatch_is_12345_only_as_the_order_rules_say() -> None:
    from console.domain.actions import ACTIONS, Guard

    for action, spec in ACTIONS.items():
        if Guard.HOTLINE_ONLY in spec.guards:
            assert set(MATRIX[action]) == {Platform.HOTLINE}


def test_no_one_is_both_administrator_and_auditor() -> None:
    with pytest.raises(Refused) as refused:
        check_roles([Role.ADMIN, Role.AUDITOR], Platform.HOTLINE)
    assert refused.value.code == "roles_exclusive"
    assert "系统管理员" in refused.value.why and "审计员" in refused.value.why


@pytest.mark.parametrize(
    ("roles", "platform", "code"),
    [
        ([], Platform.HOTLINE, "roles_empty"),
        ([Role.AGENT], Platform.POLICE, "role_wrong_platform"),
        ([Role.OPERATOR], Platform.HOTLINE, "role_wrong_platform"),
        ([Role.AUDITOR, Role.ADMIN, Role.AGENT], Platform.HOTLINE, "roles_exclusive"),
    ],
)
def test_role_sets_refused(roles: list[Role], platform: Platform, code: str) -> None:
    with pytest.raises(Refused) as refused:
        check_roles(roles, platform)
    assert refused.value.code == code


def test_role_sets_allowed() -> None:
    assert check_roles([Role.OPERATOR, Role.SHIFT_LEAD], Platform.POLICE) == {
        Role.OPERATOR,
        Role.SHIFT_LEAD,
    }
    assert check_roles([Role.ADMIN], Platform.POLICE) == {Role.ADMIN}
    assert check_roles([Role.AUDITOR], Platform.HOTLINE) == {Role.AUDITOR}


def test_administrators_and_auditors_need_the_one_time_code() -> None:
    assert needs_totp([Role.ADMIN], for_all=False)
    assert needs_totp([Role.AUDITOR], for_all=False)
    assert not needs_totp([Role.AGENT, Role.SHIFT_LEAD], for_all=False)
    assert needs_totp([Role.AGENT], for_all=True)


def test_every_role_has_its_names_and_the_rows_cover_the_matrix() -> None:
    for spec in ROLES.values():
        assert spec.term and spec.name.source
    rows = matrix_rows()
    assert {(c, w, r) for c, w, roles in rows for r in roles} == {
        (c, w, r) for c, pairs in EXPECTED.items() for r, w in pairs
    }


def test_every_role_name_has_its_chinese() -> None:
    import xml.etree.ElementTree as ET
    from pathlib import Path

    ts = Path(__file__).resolve().parents[2] / "resources" / "i18n" / "console_zh_CN.ts"
    zh = {
        (c.findtext("name"), m.findtext("source")): m.findtext("translation") or ""
        for c in ET.parse(ts).getroot().iter("context")
        for m in c.iter("message")
    }
    for spec in ROLES.values():
        assert zh.get((spec.name.context, spec.name.source)) == spec.term


def test_a_seated_principal_is_the_only_source_of_the_actor() -> None:
    from console.domain.roles import Seated, require

    who = Principal("wangli", "王丽", Platform.HOTLINE, frozenset({Role.AGENT}))
    seated = Seated(who, "A-01")
    assert (seated.actor.name, seated.actor.seat, seated.actor.platform) == (
        "王丽", "A-01", Platform.HOTLINE,
    )  # fmt: skip
    assert seated.login == "wangli" and seated.may(Action.DISPATCH)
    assert not seated.may(Capability.ESCALATE_ALARM)
    with pytest.raises(Refused) as refused:
        seated.require(Capability.REPORT)
    assert refused.value.code == "not_allowed"
    with pytest.raises(Refused) as refused:
        require(who, Action.SIGN_FOR, Platform.POLICE)  # another platform: never
    assert refused.value.code == "not_allowed"
    with pytest.raises(Refused) as refused:
        Seated(who, "")  # the seat is checked as an actor's is
    assert refused.value.code == "seat_invalid"
