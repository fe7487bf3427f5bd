"""Tests for the deadline policy (console.domain.deadlines) and alarm levels
(console.domain.alarm_levels).

All instants are fixed; nothing sleeps. Calendar facts used (国办发明电〔2025〕7号, the 2026 notice,
as carried by the chinesecalendar package):
- Spring Festival 2026: 2月15日–23日 rest; Saturday 2月14日 and Saturday 2月28日 are working days.
- National Day 2026: 10月1日–7日 rest; Sunday 9月20日 and Saturday 10月10日 are working days
  (9月25日 is 中秋, also rest).
"""

from __future__ import annotations

import tomllib
from datetime import UTC, datetime, timedelta

import pytest

from console.domain.alarm_levels import (
    AlarmLevel,
    AlarmSettings,
    level_at,
    thresholds,
)
from console.domain.calendar import CHINA_TZ, BusinessCalendar, SiteCalendar, load_calendar
from console.domain.deadlines import DeadlineSpec, Policy
from console.domain.orders import Platform, Priority
from console.domain.policy_file import load_policy, parse_policy
from console.paths import bundle_path

POLICY_FILE = bundle_path("db", "policy", "deadlines.toml")
KINDS_FILE = bundle_path("db", "seed", "kinds.toml")
CAL = load_calendar()
SHARE = AlarmSettings(warn_share=0.75)
DAYS_1 = DeadlineSpec(working_days=1)
SECOND = timedelta(seconds=1)


def cst(
    year: int, month: int, day: int, hour: int = 0, minute: int = 0, second: int = 0
) -> datetime:
    """A China-time instant."""
    return datetime(year, month, day, hour, minute, second, tzinfo=CHINA_TZ)


def catalogue() -> tuple[set[str], set[str]]:
    data = tomllib.loads(KINDS_FILE.read_text(encoding="utf-8"))
    return {k["code"] for k in data["kind"]}, {f["code"] for f in data["field"]}


def levels(start: datetime, days: int, alarms: AlarmSettings = SHARE) -> list[datetime]:
    """China-time instants WARNING, DUE, OVERDUE begin for a ``days`` working-day deadline."""
    spec = DeadlineSpec(working_days=days)
    due = CAL.working_days_after(start, days)
    return [at.astimezone(CHINA_TZ) for _, at in thresholds(start, due, spec, alarms, CAL)]


@pytest.fixture(scope="module")
def policy() -> Policy:
    return load_policy(POLICY_FILE)


# --------------------------------------------------------------------------- the shipped policy


def test_shipped_policy_kind_and_field_codes_exist_in_the_catalogue(policy: Policy) -> None:
    kinds, fields = catalogue()
    used_kinds = {code for rule in policy.rules for code in rule.kinds or ()}
    used_fields = {code for rule in policy.rules for code in rule.fields or ()}
    assert "V-HS" in used_kinds  # verification orders: the catalogue entry comes later
    assert used_kinds - {"V-HS"} <= kinds
    assert used_fields <= fields
    # The composition root checks against the catalogue; pending_kinds exempts V-HS only.
    load_policy(POLICY_FILE, known_kinds=kinds, known_fields=fields)
    with pytest.raises(ValueError, match="V-HS"):
        parse_policy(
            POLICY_FILE.read_text(encoding="utf-8").replace('pending_kinds = ["V-HS"]', ""),
            "deadlines.toml",
            known_kinds=kinds,
        )


def test_shipped_policy_names_a_source_everywhere(policy: Policy) -> None:
    assert policy.rules
    assert all(rule.source.strip() for rule in policy.rules)
    text = POLICY_FILE.read_text(encoding="utf-8")
    data = tomllib.loads(text)
    assert data["defaults"]["source"].strip()
    assert data["alarms"]["source"].strip()


def test_sign_for_is_15_minutes_for_a_critical_emergency(policy: Policy) -> None:
    at = cst(2026, 2, 17, 3, 0)  # 3 a.m. on a Spring Festival holiday: hours ignore the calendar
    result = policy.transfer_deadlines("P-JQ", Priority.CRITICAL, Platform.POLICE, at, CAL)
    assert result.deadlines.sign_for == at + timedelta(minutes=15)
    assert result.deadlines.feedback == at + timedelta(hours=2)
    assert result.specs["sign_for"] == DeadlineSpec(hours=0.25)
    assert not result.provisional
    sign_for = result.deadlines.sign_for
    assert thresholds(at, sign_for, result.specs["sign_for"], policy.alarms, CAL) == [
        (AlarmLevel.WARNING, at + timedelta(minutes=11, seconds=15)),
        (AlarmLevel.DUE, at + timedelta(minutes=15)),
        (AlarmLevel.OVERDUE, at + timedelta(minutes=15, seconds=1)),
    ]


def test_critical_applies_to_every_kind_and_platform(policy: Policy) -> None:
    at = cst(2026, 3, 3, 10)
    for kind, platform in (("C-QZ", Platform.POLICE), ("P-XS", Platform.HOTLINE)):
        result = policy.transfer_deadlines(kind, Priority.CRITICAL, platform, at, CAL)
        assert result.deadlines.sign_for == at + timedelta(minutes=15)


def test_utilities_urgent_is_30_minutes_via_public_service_field(policy: Policy) -> None:
    at = cst(2026, 3, 3, 10)
    hot = policy.transfer_deadlines(
        "C-QZ", Priority.URGENT, Platform.HOTLINE, at, CAL, field="F-GF"
    )
    assert hot.deadlines.sign_for == at + timedelta(minutes=30)
    assert hot.deadlines.feedback == at + timedelta(hours=24)
    normal = policy.transfer_deadlines(
        "C-QZ", Priority.NORMAL, Platform.HOTLINE, at, CAL, field="F-GF"
    )
    assert normal.deadlines.sign_for == cst(2026, 3, 4, 23, 59, 59)  # 1 working day
    no_field = policy.transfer_deadlines("C-QZ", Priority.URGENT, Platform.HOTLINE, at, CAL)
    assert no_field.deadlines.sign_for == cst(2026, 3, 4, 23, 59, 59)


def test_verification_order_has_24_hours(policy: Policy) -> None:
    at = cst(2026, 10, 1, 10)  # National Day: hour deadlines run in natural time
    result = policy.deadlines_for("V-HS", Priority.NORMAL, Platform.HOTLINE, at, CAL)
    assert result.deadlines.feedback == at + timedelta(hours=24)
    assert result.deadlines.completion == at + timedelta(hours=24)


def test_new_order_defaults_across_spring_festival(policy: Policy) -> None:
    at = cst(2026, 2, 13, 9)  # Friday before the holiday
    result = policy.deadlines_for("C-TS", Priority.NORMAL, Platform.HOTLINE, at, CAL)
    assert result.deadlines.sign_for is None  # not transferred: nobody signs for it
    # 3 working days: Sat 14 (make-up), Tue 24, Wed 25. 5: ... Thu 26, Fri 27.
    assert result.deadlines.feedback == cst(2026, 2, 25, 23, 59, 59)
    assert result.deadlines.completion == cst(2026, 2, 27, 23, 59, 59)
    assert result.start == at and result.start.tzinfo is UTC
    assert set(result.specs) == {"feedback", "completion"}
    assert not result.provisional


# --------------------------------------------------------------------------- clock rules


def test_transfer_gives_fresh_sign_for_and_feedback_and_keeps_completion(policy: Policy) -> None:
    created = cst(2026, 3, 2, 9)  # Monday
    new = policy.deadlines_for("C-JB", Priority.NORMAL, Platform.HOTLINE, created, CAL)
    moved = cst(2026, 3, 4, 15)  # Wednesday
    result = policy.transfer_deadlines(
        "C-JB",
        Priority.NORMAL,
        Platform.POLICE,
        moved,
        CAL,
        completion=new.deadlines.completion,
    )
    assert result.deadlines.sign_for == cst(2026, 3, 5, 23, 59, 59)
    assert result.deadlines.feedback == cst(2026, 3, 9, 23, 59, 59)  # Thu, Fri, Mon
    assert result.deadlines.completion == new.deadlines.completion
    assert set(result.specs) == {"sign_for", "feedback"}
    # The origin's own feedback deadline keeps running from creation, unchanged.
    origin_due = policy.origin_feedback_due("C-JB", Priority.NORMAL, Platform.HOTLINE, created, CAL)
    assert origin_due == new.deadlines.feedback == cst(2026, 3, 5, 23, 59, 59)


def test_reopened_order_gets_a_fresh_clock_and_no_burst_of_alarms(policy: Policy) -> None:
    created = cst(2026, 3, 2, 9)
    old = policy.deadlines_for("C-TS", Priority.NORMAL, Platform.HOTLINE, created, CAL)
    reopened = cst(2026, 4, 20, 9)  # long after every old deadline
    assert old.deadlines.completion is not None and old.deadlines.completion < reopened
    fresh = policy.reopen_deadlines("C-TS", Priority.NORMAL, Platform.HOTLINE, reopened, CAL)
    assert fresh.start == reopened
    for name, spec in fresh.specs.items():
        due = getattr(fresh.deadlines, name)
        assert due > reopened
        assert level_at(reopened, thresholds(reopened, due, spec, policy.alarms, CAL)) is None


def test_provisional_when_a_working_day_deadline_crosses_an_unannounced_year(
    policy: Policy,
) -> None:
    no_2027 = BusinessCalendar(SiteCalendar())
    at = cst(2026, 12, 30, 10)
    late = policy.deadlines_for("C-TS", Priority.NORMAL, Platform.HOTLINE, at, no_2027)
    assert late.provisional
    hours = policy.transfer_deadlines("P-JQ", Priority.CRITICAL, Platform.POLICE, at, no_2027)
    assert not hours.provisional
    early = policy.deadlines_for("C-TS", Priority.NORMAL, Platform.HOTLINE, cst(2026, 6, 1), CAL)
    assert not early.provisional


def test_first_matching_rule_wins_and_defaults_fill_gaps() -> None:
    policy = parse_policy(
        """
        [defaults]
        sign_for = {working_days = 1}
        feedback = {working_days = 3}
        completion = {working_days = 5}
        source = "test"
        [[rule]]
        kinds = ["P-XS"]
        platform = "110"
        sign_for = {hours = 1}
        source = "first"
        [[rule]]
        priority = ["urgent", "critical"]
        sign_for = {hours = 2}
        completion = {hours = 48}
        source = "second"
        """
    )
    specs = policy.specs_for("P-XS", Priority.URGENT, Platform.POLICE)
    assert specs.sign_for == DeadlineSpec(hours=1)
    assert specs.feedback == DeadlineSpec(working_days=3)
    assert specs.completion == DeadlineSpec(working_days=5)  # first rule wins, gap from defaults
    specs = policy.specs_for("P-XS", Priority.URGENT, Platform.HOTLINE)  # platform differs
    assert specs.sign_for == DeadlineSpec(hours=2)
    assert specs.completion == DeadlineSpec(hours=48)
    assert policy.specs_for("C-ZX", Priority.NORMAL, Platform.HOTLINE) == policy.defaults
    assert policy.alarms == AlarmSettings()  # no [alarms]: 75 %
