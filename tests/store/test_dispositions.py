"""Wrap-up codes are recorded per call and counted by code in the period report, on both
databases; the site's catalogue is checked where it is read."""

from __future__ import annotations

from datetime import UTC, date, datetime
from pathlib import Path

import pytest

from console.config import ConfigError, load_settings
from console.domain.dispositions import DEFAULT_DISPOSITIONS, UNCHOSEN, parse_catalogue
from console.domain.orders import Platform
from console.domain.refusals import Refused
from console.services.dispositions import DispositionService
from console.store.engine import Database
from console.store.reports import linkage_report
from tests.principals import at_seat


def test_codes_are_recorded_and_counted_for_the_period(db: Database) -> None:
    instants = iter(
        [
            datetime(2026, 11, 25, 15, 59, tzinfo=UTC),  # 23:59 on the 25th in China
            datetime(2026, 11, 25, 16, 1, tzinfo=UTC),  # 00:01 on the 26th
            datetime(2026, 11, 26, 3, 0, tzinfo=UTC),
            datetime(2026, 11, 26, 4, 0, tzinfo=UTC),
        ]
    )
    codes = DispositionService(db, lambda: next(instants), at_seat("王丽", "A-01", Platform.HOTLINE),
                               DEFAULT_DISPOSITIONS)  # fmt: skip
    codes.record("c1", "nuisance")
    codes.record("c2", "nuisance")
    codes.record("c3", "answered")
    codes.record("c4", UNCHOSEN.code)  # wrap-up ran out first
    with pytest.raises(Refused) as refused:
        codes.record("c5", "made-up")
    assert refused.value.code == "unknown_disposition"
    with db.read() as s:
        day = linkage_report(s, date(2026, 11, 26), date(2026, 11, 26))
        before = linkage_report(s, date(2026, 11, 25), date(2026, 11, 25))
    assert day.dispositions == {"answered": 1, "nuisance": 1, "unchosen": 1}
    assert before.dispositions == {"nuisance": 1}


def test_the_site_catalogue_replaces_the_default(tmp_path: Path) -> None:
    path = tmp_path / "console.toml"
    path.write_text(
        '[seat]\nhold_reminder_s = 90\ndispositions = ["invalid=无效来电", "lost=信号中断"]\n',
        encoding="utf-8",
    )
    s = load_settings({}, {}, path)
    assert s.hold_reminder_s == 90
    site = parse_catalogue(s.dispositions)
    assert [(d.code, d.name_zh, d.name_en) for d in site] == [
        ("invalid", "无效来电", "Invalid call"),  # a default code keeps its English name
        ("lost", "信号中断", "信号中断"),
    ]
    default = load_settings({}, {}, None)
    assert parse_catalogue(default.dispositions) == DEFAULT_DISPOSITIONS
    assert default.hold_reminder_s == 60


@pytest.mark.parametrize(
    "value",
    ['["no-name"]', '["unchosen=未选择"]', '["a=一", "a=二"]', "[]", '"invalid=无效来电"',
     "[" + ", ".join(f'"c{n}=名{n}"' for n in range(10)) + "]"],
)  # fmt: skip
def test_a_bad_catalogue_is_refused_with_its_line(tmp_path: Path, value: str) -> None:
    path = tmp_path / "console.toml"
    path.write_text(f"[seat]\ndispositions = {value}\n", encoding="utf-8")
    with pytest.raises(ConfigError, match=r"console.toml:2: seat.dispositions"):
        load_settings({}, {}, path)
