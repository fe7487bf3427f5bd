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
from datetime import UTC, date, datetime, timedelta

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from console.domain.alarm_levels import (
    AlarmLevel,
    AlarmSettings,
    alarm_key,
    level_at,
    next_change,
    thresholds,
    working_time,
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


# --------------------------------------------------------------------------- thresholds


def test_levels_across_a_weekend() -> None:
    start = cst(2026, 1, 16, 10)  # Friday
    # Working time: Fri 10:00–24:00 (14 h) + Mon (24 h) = 38 h; 75 % = 28.5 h → Mon 14:30.
    assert levels(start, 1) == [
        cst(2026, 1, 19, 14, 30),
        cst(2026, 1, 19, 23, 59, 59),
        cst(2026, 1, 20),
    ]
    # 24 h lead in working time: Monday's 00:00 in working time, i.e. Friday's end — shown
    # at Fri 23:59:59 so it stays on the working day, not at Sat 00:00.
    lead = AlarmSettings(warn_share=None, warn_lead_hours=24)
    assert levels(start, 1, lead)[0] == cst(2026, 1, 16, 23, 59, 59)
    both = AlarmSettings(warn_share=0.75, warn_lead_hours=24)
    assert levels(start, 1, both)[0] == cst(2026, 1, 16, 23, 59, 59)  # the earlier one
    short_lead = AlarmSettings(warn_share=0.75, warn_lead_hours=2)
    assert levels(start, 1, short_lead)[0] == cst(2026, 1, 19, 14, 30)  # share is earlier
    assert working_time(start, cst(2026, 1, 20), CAL) == timedelta(hours=38)


@pytest.mark.parametrize(
    ("start", "days", "warning", "due_day"),
    [
        # Spring Festival 2026
        (cst(2026, 2, 13, 9), 3, cst(2026, 2, 25, 2, 15), date(2026, 2, 25)),
        (cst(2026, 2, 13, 9), 5, cst(2026, 2, 26, 14, 15), date(2026, 2, 27)),
        (cst(2026, 2, 13, 18), 1, cst(2026, 2, 14, 16, 30), date(2026, 2, 14)),  # make-up Sat
        (cst(2026, 2, 17, 3), 1, cst(2026, 2, 24, 18), date(2026, 2, 24)),  # starts on holiday
        (cst(2026, 2, 27, 16), 1, cst(2026, 2, 28, 16), date(2026, 2, 28)),  # make-up Sat
        (cst(2026, 2, 27, 16), 2, cst(2026, 3, 2, 10), date(2026, 3, 2)),  # skips Sun 1 March
        # National Day 2026
        (cst(2026, 9, 19, 20), 1, cst(2026, 9, 20, 18), date(2026, 9, 20)),  # make-up Sunday
        (cst(2026, 9, 29, 10), 2, cst(2026, 10, 8, 8, 30), date(2026, 10, 8)),
        (cst(2026, 9, 30, 17), 1, cst(2026, 10, 8, 16, 15), date(2026, 10, 8)),
        (cst(2026, 10, 9, 12), 1, cst(2026, 10, 10, 15), date(2026, 10, 10)),  # make-up Sat
    ],
)
def test_levels_across_holidays(
    start: datetime, days: int, warning: datetime, due_day: date
) -> None:
    due = datetime(due_day.year, due_day.month, due_day.day, 23, 59, 59, tzinfo=CHINA_TZ)
    assert levels(start, days) == [warning, due, due + SECOND]
    assert CAL.is_working_day(warning.date())


@pytest.mark.parametrize(("start", "days"), [(cst(2026, 2, 13, 9), 3), (cst(2026, 9, 29, 10), 2)])
def test_natural_time_share_would_have_warned_during_the_holiday(
    start: datetime, days: int
) -> None:
    """Why working time: 75 % in natural time lands in the middle of the holiday."""
    due = CAL.working_days_after(start, days)
    natural = (start + (due - start) * 0.75).astimezone(CHINA_TZ)
    assert not CAL.is_working_day(natural.date())
    assert CAL.is_working_day(levels(start, days)[0].date())


def test_lead_longer_than_the_deadline_clamps_to_start() -> None:
    lead = AlarmSettings(warn_share=None, warn_lead_hours=48)
    # Working days, start on a holiday: the first working instant, not 3 a.m. on the holiday.
    assert levels(cst(2026, 10, 3, 3), 1, lead)[0] == cst(2026, 10, 8)
    # Working days, start on a working day: start itself.
    assert levels(cst(2026, 3, 3, 10), 1, lead)[0] == cst(2026, 3, 3, 10)
    # Hours: start itself.
    start = cst(2026, 3, 3, 10)
    spec = DeadlineSpec(hours=1)
    got = thresholds(start, start + timedelta(hours=1), spec, lead, CAL)
    assert got[0] == (AlarmLevel.WARNING, start)


def test_hour_deadlines_run_in_natural_time_even_on_holidays() -> None:
    start = cst(2026, 10, 1, 10)
    spec = DeadlineSpec(hours=24)
    got = thresholds(start, start + timedelta(hours=24), spec, SHARE, CAL)
    assert got[0] == (AlarmLevel.WARNING, cst(2026, 10, 2, 4))
    lead = AlarmSettings(warn_share=0.75, warn_lead_hours=2)
    got = thresholds(start, start + timedelta(hours=24), spec, lead, CAL)
    assert got[0] == (AlarmLevel.WARNING, cst(2026, 10, 2, 4))  # 75 % before 2 h lead
    lead = AlarmSettings(warn_share=0.75, warn_lead_hours=8)
    got = thresholds(start, start + timedelta(hours=24), spec, lead, CAL)
    assert got[0] == (AlarmLevel.WARNING, cst(2026, 10, 2, 2))  # the 8 h lead is earlier


def test_thresholds_refuses_bad_instants() -> None:
    start = cst(2026, 3, 3, 10)
    with pytest.raises(ValueError, match="must be after its start"):
        thresholds(start, start, DAYS_1, SHARE, CAL)
    with pytest.raises(ValueError, match="naive"):
        thresholds(datetime(2026, 3, 3), start, DAYS_1, SHARE, CAL)


def test_level_at_and_next_change() -> None:
    start = cst(2026, 1, 16, 10)
    levels_ = thresholds(start, CAL.working_days_after(start, 1), DAYS_1, SHARE, CAL)
    warning, due, overdue = (at for _, at in levels_)
    assert level_at(start, levels_) is None
    assert level_at(warning - SECOND, levels_) is None
    assert level_at(warning, levels_) is AlarmLevel.WARNING
    assert level_at(due, levels_) is AlarmLevel.DUE
    assert level_at(overdue, levels_) is AlarmLevel.OVERDUE
    assert level_at(overdue + timedelta(days=30), levels_) is AlarmLevel.OVERDUE
    assert next_change(start, levels_) == warning
    assert next_change(warning, levels_) == due
    assert next_change(overdue, levels_) is None
    assert [level.rank for level, _ in levels_] == [0, 1, 2]


def test_alarm_key() -> None:
    number = "12345-20261126-000042"
    assert alarm_key(number, "feedback", AlarmLevel.WARNING) == f"{number}:feedback:warning"
    assert alarm_key(number, "sign_for", AlarmLevel.OVERDUE) == f"{number}:sign_for:overdue"
    due = cst(2026, 11, 28, 23, 59, 59)
    assert alarm_key(number, "completion", AlarmLevel.DUE, due) == (
        f"{number}:completion:due:20261128T155959Z"
    )
    with pytest.raises(ValueError, match="unknown deadline"):
        alarm_key(number, "reply", AlarmLevel.DUE)
    with pytest.raises(ValueError, match="no ':'"):
        alarm_key("a:b", "feedback", AlarmLevel.DUE)


# --------------------------------------------------------------------------- properties

starts = st.datetimes(
    min_value=datetime(2025, 1, 1),
    max_value=datetime(2026, 12, 31, 23, 59, 59),
    timezones=st.just(CHINA_TZ),
)


@st.composite
def alarm_settings(draw: st.DrawFn) -> AlarmSettings:
    share = draw(st.none() | st.floats(0.01, 0.99))
    lead = draw(st.floats(0.1, 400.0) if share is None else st.none() | st.floats(0.1, 400.0))
    return AlarmSettings(warn_share=share, warn_lead_hours=lead)


@settings(max_examples=400)
@given(start=starts, days=st.integers(1, 10), alarms=alarm_settings())
def test_working_day_warning_never_falls_on_a_rest_day(
    start: datetime, days: int, alarms: AlarmSettings
) -> None:
    due = CAL.working_days_after(start, days)
    got = thresholds(start, due, DeadlineSpec(working_days=days), alarms, CAL)
    assert [level for level, _ in got] == [AlarmLevel.WARNING, AlarmLevel.DUE, AlarmLevel.OVERDUE]
    (_, warning), (_, due_at), (_, overdue) = got
    assert start <= warning < due_at < overdue
    assert due_at == due and overdue == due + SECOND
    assert CAL.is_working_day(warning.astimezone(CHINA_TZ).date())
    if alarms.warn_lead_hours is None:  # the warning is at share × working time, to the second
        assert alarms.warn_share is not None
        expected = working_time(start, overdue, CAL) * alarms.warn_share
        assert abs(working_time(start, warning, CAL) - expected) <= SECOND


@given(
    start=starts,
    length=st.timedeltas(min_value=timedelta(microseconds=1), max_value=timedelta(days=30)),
    alarms=alarm_settings(),
)
def test_hour_levels_are_strictly_increasing(
    start: datetime, length: timedelta, alarms: AlarmSettings
) -> None:
    got = thresholds(start, start + length, DeadlineSpec(hours=1), alarms, CAL)
    instants = [at for _, at in got]
    assert start <= instants[0] < instants[1] < instants[2]
    assert level_at(instants[0], got) is AlarmLevel.WARNING


# --------------------------------------------------------------------------- malformed files

GOOD_DEFAULTS = """
[defaults]
sign_for = {working_days = 1}
feedback = {working_days = 3}
completion = {working_days = 5}
source = "test"
"""
GOOD_RULE = """
[[rule]]
kinds = ["P-JQ"]
sign_for = {hours = 0.25}
source = "test"
"""


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("[defaults\n", ["bad.toml", "not valid TOML"]),
        ("", ["bad.toml", "key 'defaults'", "missing"]),
        (
            GOOD_DEFAULTS.replace("completion = {working_days = 5}\n", ""),
            ["[defaults]", "'completion'", "missing"],
        ),
        (GOOD_DEFAULTS.replace('source = "test"', 'source = " "'), ["[defaults]", "'source'"]),
        (
            GOOD_DEFAULTS
            + GOOD_RULE
            + GOOD_RULE.replace("{hours = 0.25}", "{hours = 1, working_days = 1}"),
            ["[[rule]] #2", "'sign_for'", "exactly one"],
        ),
        (
            GOOD_DEFAULTS + GOOD_RULE.replace("{hours = 0.25}", "{hours = 0}"),
            ["[[rule]] #1", "'sign_for'", "> 0"],
        ),
        (
            GOOD_DEFAULTS + GOOD_RULE.replace("{hours = 0.25}", "{working_days = 1.5}"),
            ["[[rule]] #1", "'sign_for'", "whole number"],
        ),
        (
            GOOD_DEFAULTS + GOOD_RULE.replace("{hours = 0.25}", "{minutes = 15}"),
            ["[[rule]] #1", "'sign_for'", "{hours = N}"],
        ),
        (
            GOOD_DEFAULTS + GOOD_RULE.replace("{hours = 0.25}", "0.25"),
            ["[[rule]] #1", "'sign_for'"],
        ),
        (
            GOOD_DEFAULTS + GOOD_RULE.replace('source = "test"\n', ""),
            ["[[rule]] #1", "'source'", "missing"],
        ),
        (
            GOOD_DEFAULTS + GOOD_RULE.replace("kinds", "kind"),
            ["[[rule]] #1", "unknown key(s) kind"],
        ),
        (
            GOOD_DEFAULTS + GOOD_RULE.replace('kinds = ["P-JQ"]', 'kinds = "P-JQ"'),
            ["[[rule]] #1", "'kinds'", "list"],
        ),
        (
            GOOD_DEFAULTS + GOOD_RULE + GOOD_RULE.replace('kinds = ["P-JQ"]', 'priority = "high"'),
            ["[[rule]] #2", "'priority'", "'high'", "normal | urgent | critical"],
        ),
        (
            GOOD_DEFAULTS + GOOD_RULE.replace('kinds = ["P-JQ"]', 'platform = "119"'),
            ["[[rule]] #1", "'platform'", "119"],
        ),
        (
            GOOD_DEFAULTS + GOOD_RULE.replace('kinds = ["P-JQ"]\n', ""),
            ["[[rule]] #1", "matches every order"],
        ),
        (
            GOOD_DEFAULTS + GOOD_RULE.replace("sign_for = {hours = 0.25}\n", ""),
            ["[[rule]] #1", "sets no deadline"],
        ),
        ("rule = 3\n" + GOOD_DEFAULTS, ["bad.toml", "top level", "'rule'", "[[rule]]"]),
        (
            GOOD_DEFAULTS + "[alarms]\nwarn_share = 1.5\n",
            ["[alarms]", "warn_share", "between 0 and 1"],
        ),
        (GOOD_DEFAULTS + "[alarms]\nwarn_lead_hours = -1\n", ["[alarms]", "warn_lead_hours"]),
        ("oops = 1\n" + GOOD_DEFAULTS, ["top level", "unknown key(s) oops"]),
    ],
)
def test_malformed_policy_names_file_rule_and_key(text: str, expected: list[str]) -> None:
    with pytest.raises(ValueError) as caught:
        parse_policy(text, "bad.toml")
    message = str(caught.value)
    assert message.startswith("bad.toml: ")
    for part in expected:
        assert part in message, message


def test_unknown_codes_are_named_when_the_catalogue_is_given() -> None:
    text = GOOD_DEFAULTS + GOOD_RULE + GOOD_RULE.replace('["P-JQ"]', '["P-JQ", "P-XX", "C-ZZ"]')
    parse_policy(text, "bad.toml")  # nothing to check against: accepted
    with pytest.raises(ValueError) as caught:
        parse_policy(text, "bad.toml", known_kinds={"P-JQ"})
    assert "[[rule]] #2" in str(caught.value) and "'kinds'" in str(caught.value)
    assert "C-ZZ, P-XX" in str(caught.value)
    fields = GOOD_DEFAULTS + GOOD_RULE.replace('kinds = ["P-JQ"]', 'fields = ["F-XX"]')
    with pytest.raises(ValueError, match=r"\[\[rule\]\] #1: key 'fields': unknown code\(s\) F-XX"):
        parse_policy(fields, "bad.toml", known_fields={"F-GF"})


def test_deadline_spec_and_alarm_settings_validate() -> None:
    with pytest.raises(ValueError, match="exactly one"):
        DeadlineSpec()
    with pytest.raises(ValueError, match="exactly one"):
        DeadlineSpec(hours=1, working_days=1)
    with pytest.raises(ValueError, match="whole number"):
        DeadlineSpec(working_days=True)
    with pytest.raises(ValueError, match="> 0"):
        DeadlineSpec(hours=-1)
    assert DeadlineSpec(hours=24).hours == 24.0
    assert str(DeadlineSpec(hours=0.25)) == "0.25 h"
    assert str(DeadlineSpec(working_days=5)) == "5 working day(s)"
    with pytest.raises(ValueError, match="warn_share, warn_lead_hours or both"):
        AlarmSettings(warn_share=None)
    with pytest.raises(ValueError, match="between 0 and 1"):
        AlarmSettings(warn_share=1.0)
