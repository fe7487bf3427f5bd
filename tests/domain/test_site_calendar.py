"""The site calendar file (db/calendar/site_calendar.toml): loading it, and every mistake named
by file and line. Split from test_calendar.py."""

from __future__ import annotations

import pickle
import re
from datetime import date
from pathlib import Path

import chinese_calendar
import pytest

from console.domain import calendar as calendar_module
from console.domain.calendar import (
    BusinessCalendar,
    SiteCalendar,
    SiteYear,
    load_calendar,
    load_site_calendar,
    package_years,
    parse_site_calendar,
    site_calendar_path,
)
from tests.domain.test_calendar import (  # the split's shared fixtures, written once
    FAKE_2027,
    SITE_FILE,
)

VALID_2027 = """
[years.2027]
source = "FAKE 国办发明电〔2026〕0号"
holidays = [
    {date = 2027-01-01, name = "元旦"},
    {date = 2027-01-02, name = "元旦"},  # a Saturday: allowed
]
workdays = [{date = 2027-02-06, name = "春节调休"}]  # a Saturday
"""


def write(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "site_calendar.toml"
    path.write_text(text, encoding="utf-8")
    return path


def test_shipped_file_has_no_years() -> None:
    assert load_site_calendar(SITE_FILE).years == {}
    assert load_calendar().official_years == frozenset(package_years())
    assert site_calendar_path() == SITE_FILE


def test_there_is_no_hidden_default_calendar() -> None:
    """The calendar is built by whoever starts the program and passed down (issue 10)."""
    assert not hasattr(calendar_module, "default_calendar")
    assert not any(
        hasattr(calendar_module, name) for name in ("working_days_after", "is_working_day")
    )
    assert load_calendar() is not load_calendar()


def test_the_calendar_can_be_sent_to_a_worker_process(tmp_path: Path) -> None:
    """The demo loader pickles it into its worker processes."""
    calendar = load_calendar(write(tmp_path, VALID_2027))
    copy = pickle.loads(pickle.dumps(calendar))
    assert copy.site == calendar.site and copy.official_years == calendar.official_years
    assert copy.is_working_day(date(2027, 2, 6)) and not copy.is_working_day(date(2027, 1, 1))


def test_valid_site_file_loads(tmp_path: Path) -> None:
    site = load_site_calendar(write(tmp_path, VALID_2027))
    notice = site.years[2027]
    assert notice.source.startswith("FAKE")
    assert set(notice.holidays) == {date(2027, 1, 1), date(2027, 1, 2)}
    calendar = BusinessCalendar(site)
    assert calendar.is_working_day(date(2027, 2, 6))
    assert not calendar.is_working_day(date(2027, 1, 1))
    assert calendar.is_official(date(2027, 1, 1))


def test_shipped_example_is_the_real_2026_notice() -> None:
    """The commented example in the shipped file parses and matches the package's 2026 data
    (国办发明电〔2025〕7号) — and, being a package year, is refused by the loader."""
    text = SITE_FILE.read_text(encoding="utf-8")
    block = text.split("# --- example begin ---\n")[1].split("# --- example end ---")[0]
    example = "\n".join(line.removeprefix("# ").removeprefix("#") for line in block.splitlines())
    notice = parse_site_calendar(example, origin="example").years[2026]
    package = chinese_calendar.constants
    assert set(notice.holidays) == {d for d in package.holidays if d.year == 2026}
    assert set(notice.workdays) == {d for d in package.workdays if d.year == 2026}
    with pytest.raises(ValueError, match="2026 is already covered by the chinesecalendar"):
        BusinessCalendar(parse_site_calendar(example, origin="example"))


BAD_FILES = [
    pytest.param(
        '[years.2027]\nsource = "x"\nholidays = [{date = 2028-01-01, name = "元旦"}]\n',
        ["[years.2027]", "2028-01-01", "belongs to 2028, not 2027"],
        id="date-in-wrong-year",
    ),
    pytest.param(
        '[years.2027]\nsource = "x"\nholidays = [{date = 2027-01-01, name = "元旦"}]\n'
        'workdays = [{date = 2027-02-08, name = "春节调休"}]\n',
        ["[years.2027]", "workdays", "2027-02-08", "春节调休", "Monday", "already a working day"],
        id="workday-on-weekday",
    ),
    pytest.param(
        '[years.2027]\nsource = "x"\nholidays = [{date = 2027-01-01, name = "元旦"},'
        ' {date = 2027-01-01, name = "元旦"}]\n',
        ["[years.2027]", "holidays[1]", "2027-01-01", "duplicate"],
        id="duplicate-holiday",
    ),
    pytest.param(
        '[years.2027]\nsource = "x"\nholidays = [{date = 2027-01-02, name = "元旦"}]\n'
        'workdays = [{date = 2027-01-02, name = "调休"}]\n',
        ["[years.2027]", "2027-01-02", "both as holiday and as workday"],
        id="holiday-and-workday",
    ),
    pytest.param(
        '[years.2026]\nsource = "x"\nholidays = [{date = 2026-01-01, name = "元旦"}]\n',
        ["[years.2026]", "2026 is already covered by the chinesecalendar package"],
        id="package-year",
    ),
    pytest.param(
        '[years.2027]\nsource = "x"\nholidays = [{date = "2027-01-01", name = "元旦"}]\n',
        ["[years.2027]", "holidays[0]", "bare TOML date"],
        id="quoted-date",
    ),
    pytest.param(
        '[years.2027]\nsource = "x"\nholidays = [{date = 2027-01-01T00:00:00, name = "元旦"}]\n',
        ["[years.2027]", "holidays[0]", "bare TOML date"],
        id="datetime-not-date",
    ),
    pytest.param(
        '[years.2027]\nsource = "x"\nholidays = [{date = 2027-01-01}]\n',
        ["[years.2027]", "holidays[0]", "'name'"],
        id="missing-name",
    ),
    pytest.param(
        '[years.2027]\nholidays = [{date = 2027-01-01, name = "元旦"}]\n',
        ["[years.2027]", "'source'"],
        id="missing-source",
    ),
    pytest.param(
        '[years.2027]\nsource = "x"\nholidays = []\n',
        ["[years.2027]", "no holidays"],
        id="no-holidays",
    ),
    pytest.param(
        '[years.2027]\nsource = "x"\nholiday = [{date = 2027-01-01, name = "元旦"}]\n',
        ["[years.2027]", "unknown key(s) holiday"],
        id="misspelt-key",
    ),
    pytest.param(
        '[years.27]\nsource = "x"\nholidays = [{date = 2027-01-01, name = "元旦"}]\n',
        ["[years.27]", "4-digit year"],
        id="bad-year-name",
    ),
    pytest.param(
        '[year.2027]\nsource = "x"\n',
        ["unknown top-level key(s) year"],
        id="misspelt-years",
    ),
    pytest.param(
        '[years.2027]\nsource = "x\nholidays = []\n',
        ["not valid TOML"],
        id="bad-toml",
    ),
]


@pytest.mark.parametrize(("text", "fragments"), BAD_FILES)
def test_malformed_site_file_names_file_year_and_entry(
    tmp_path: Path, text: str, fragments: list[str]
) -> None:
    path = write(tmp_path, text)
    with pytest.raises(ValueError) as excinfo:
        load_site_calendar(path)
    message = str(excinfo.value)
    assert str(path) in message
    for fragment in fragments:
        assert fragment in message, f"{fragment!r} not in {message!r}"


LINES_2027 = """\
# site calendar
[years.2027]
source = "FAKE"
holidays = [
    {date = 2027-01-01, name = "元旦"},
    {date = 2027-01-02, name = "元旦"},
]
workdays = [{date = 2027-02-06, name = "春节调休"}]

[years.2028]
source = "FAKE"
holidays = [{date = 2028-01-01, name = "元旦"}]
"""


@pytest.mark.parametrize(
    ("old", "new", "line"),
    [
        ("{date = 2027-01-02,", "{date = 2026-01-02,", 6),  # a date of another year
        ('{date = 2027-02-06, name = "春节调休"}', '{date = 2027-02-08, name = "x"}', 8),  # weekday
        ("{date = 2028-01-01, name", "{date = 2028-01-01T08:00:00, name", 12),  # not a date
        ('source = "FAKE"\nholidays = [{', 'sauce = "FAKE"\nholidays = [{', 11),  # unknown key
        ('holidays = [{date = 2028-01-01, name = "元旦"}]', "holidays = []", 12),  # no holidays
        ("[years.2028]", "[years.28]", 10),
        ("[years.2028]", "[yeers.2028]", 10),
        ('source = "FAKE"\nholidays = [{', 'source = "FAKE\nholidays = [{', 11),  # TOML syntax
        ("[years.2028]", "[years.2026]", None),  # a year the package covers: its section
    ],
)
def test_a_mistake_names_the_file_and_line(
    tmp_path: Path, old: str, new: str, line: int | None
) -> None:
    assert old in LINES_2027
    text = LINES_2027.replace(old, new)
    if line is None:
        text, line = text.replace("2028-01-01", "2026-01-01"), 10
    path = write(tmp_path, text)
    with pytest.raises(ValueError) as excinfo:
        load_site_calendar(path)
    assert str(excinfo.value).startswith(f"{path}:{line}: "), str(excinfo.value)


def test_a_file_that_is_not_utf8_is_named(tmp_path: Path) -> None:
    path = tmp_path / "site_calendar.toml"
    path.write_bytes("# 站点日历\n".encode("gbk"))
    with pytest.raises(ValueError, match=rf"^{re.escape(str(path))}: not UTF-8 text"):
        load_calendar(path)


def test_injected_site_data_is_validated_too() -> None:
    with pytest.raises(ValueError, match="already a working day"):
        SiteYear(
            year=2027,
            source="x",
            holidays={date(2027, 1, 1): "元旦"},
            workdays={date(2027, 2, 8): "春节调休"},
        )
    with pytest.raises(ValueError, match="2026 is already covered"):
        BusinessCalendar(
            SiteCalendar(years={2026: SiteYear(2026, "x", {date(2026, 1, 1): "元旦"})})
        )
    with pytest.raises(ValueError, match="year key 2028 holds the notice for 2027"):
        SiteCalendar(years={2028: FAKE_2027})
