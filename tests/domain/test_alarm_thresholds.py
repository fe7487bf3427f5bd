"""Alarm levels over deadlines: thresholds across weekends and holidays, keys, properties, and
the policy file's mistakes. Split from test_deadlines.py."""

from __future__ import annotations

from datetime import date, datetime, timedelta

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
from console.domain.calendar import CHINA_TZ
from console.domain.deadlines import DeadlineSpec
from console.domain.policy_file import parse_policy
from tests.domain.test_deadlines import (  # the split's shared helpers, written once
    CAL,
    DAYS_1,
    SECOND,
    SHARE,
    cst,
    levels,
)

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
