"""The site's 会商 files at start-up (checked, stored once; a mistake names file and line) and the
suggestion's outcome per saved order, counted in the report (SQLite and PostgreSQL)."""

from __future__ import annotations

import shutil
from datetime import UTC, datetime
from pathlib import Path

import pytest

from console.domain.consultation import Move
from console.domain.consultation_file import RuleFileError
from console.domain.intake import Draft
from console.domain.orders import Platform
from console.services.audit import AuditTrail
from console.services.orders import OrderService
from console.services.report_views import Period, report_json, report_tables
from console.services.reports import ReportService
from console.services.suggestions import SuggestionService, import_site_rules, site_rules_dir
from console.store import consultation as store
from console.store.audit import page
from console.store.engine import Database
from tests.principals import at_seat

NOW = datetime(2026, 8, 1, 2, 0, tzinfo=UTC)
AGENT = at_seat("王丽", "A-01", Platform.HOTLINE)
RULE = """\
consultation = {{ title = "2026年第9次会商", held_on = 2026-07-01 }}

[[rule]]
id = "R-900"
keywords = ["{keyword}"]
platform = "110"
norm = "由110处警"
valid_from = 2026-07-01
"""


def test_start_up_stores_the_shipped_files_once_and_suggestions_read_them(db: Database) -> None:
    book, first = import_site_rules(db, NOW)
    assert (first.rules_added, first.items_added) == (len(book.rules), len(book.items)) == (5, 26)
    _book, again = import_site_rules(db, NOW)
    assert (again.rules_added, again.rules_same, again.items_added, again.items_updated) == (
        0, 5, 0, 0,
    )  # fmt: skip
    found = SuggestionService(db, Platform.HOTLINE, lambda: NOW).suggest(
        None, None, None, "工地讨薪堵路，几十个人堵在门口"
    )
    assert found.advice is not None and found.advice.move is Move.TRANSFER
    assert found.advice.cited == "依据：2026年第3次会商（演示） 规则 R-017"


def test_a_start_up_import_that_changed_something_is_audited(db: Database) -> None:
    trail = AuditTrail(b"k" * 32, lambda: NOW)
    import_site_rules(db, NOW, trail=trail, seat="A-01")
    import_site_rules(db, NOW, trail=trail, seat="A-01")  # nothing new: no row
    with db.read() as session:
        found = [r for r in page(session) if r.target == "会商 rules"]
    assert len(found) == 1 and "5 rule versions added" in found[0].detail


def test_a_mistake_in_a_site_file_names_the_file_and_line(db: Database, tmp_path: Path) -> None:
    folder = tmp_path / "consultation"
    shutil.copytree(site_rules_dir(), folder)
    (folder / "site.toml").write_text(RULE.replace("110", "119").format(keyword="堵路"), "utf-8")
    with pytest.raises(RuleFileError) as bad:
        import_site_rules(db, NOW, folder)
    assert str(bad.value).startswith(f"{folder / 'site.toml'}:6: 'platform' must be")
    with db.read() as session:
        assert store.rules(session) == []  # nothing stored


def test_a_stored_version_changed_in_the_file_names_its_line(db: Database, tmp_path: Path) -> None:
    folder = tmp_path / "consultation"
    folder.mkdir()
    site = folder / "site.toml"
    site.write_text(RULE.format(keyword="砸车"), "utf-8")
    import_site_rules(db, NOW, folder)
    site.write_text(RULE.format(keyword="砸玻璃"), "utf-8")  # the same version, other content
    with pytest.raises(RuleFileError) as clash:
        import_site_rules(db, NOW, folder)
    assert (clash.value.path, clash.value.line) == (str(site), 3)
    assert "R-900 version 1 is stored with other content" in clash.value.why


def test_the_outcome_of_each_suggestion_shown_is_counted_in_the_report(db: Database) -> None:
    import_site_rules(db, NOW)
    orders = OrderService(db, lambda: NOW)
    suggestions = SuggestionService(db, Platform.HOTLINE, lambda: NOW)
    advice = suggestions.suggest(None, None, None, "讨薪堵路").advice
    assert advice is not None
    numbers = []
    for n in range(3):
        draft = Draft(caller_phone=f"1381111000{n}", kind="C-TS", field="F-SH",
                      district="210102", description="讨薪堵路", consent=True)  # fmt: skip
        numbers.append(orders.create(draft, AGENT).order.number)
    suggestions.record(numbers[0], advice, True, "wangli")
    suggestions.record(numbers[1], advice, False, "wangli")  # the third: no suggestion shown
    report = ReportService(db, lambda: NOW).report(Period.day(NOW.date()))
    assert (report.suggestions.shown, report.suggestions.accepted) == (2, 1)
    assert report_json(report)["suggestions"] == {"shown": 2, "accepted": 1, "ignored": 1}
    summary = {row[0]: row[1] for row in report_tables(report)[0].rows}
    assert summary["未采纳建议 suggestions ignored"] == 1
    other = ReportService(db, lambda: NOW).report(Period.day(NOW.date()), platform="110")
    assert other.suggestions.shown == 0
    with db.read() as session:
        stored = session.execute(
            store.core_select(store.IntakeSuggestionRow.__table__.c.reference)  # type: ignore[attr-defined]
        ).scalars().all()  # fmt: skip
    assert sorted(stored) == ["R-017 v1", "R-017 v1"]
