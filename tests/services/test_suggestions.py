"""The routing suggestion: rules from the database first, else the share of how past orders of
the matter ended (SQLite and PostgreSQL); rules imported per version."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest
from sqlmodel import select

from console.domain.consultation import Move, RuleConflict
from console.domain.consultation_file import merge, parse_rule_file
from console.domain.order_types import Platform
from console.services.suggestions import (
    PAST_FRESH,
    SIMILAR_FROM,
    SuggestionService,
    grams,
    import_site_rules,
    similar_ones,
    similarity,
)
from console.store import consultation as store
from console.store.engine import Database
from console.store.tables import OrderRow
from tests.domain.test_consultation import ROOT, TWO_RULES

NOW = datetime(2026, 8, 1, 2, 0, tzinfo=UTC)


def _import(db: Database, text: str | None = None) -> store.Imported:
    with db.read() as session:
        known = store.known(session)
    if text is None:
        folder = ROOT / "db" / "consultation"
        books = [
            parse_rule_file(p.read_text("utf-8"), p.name, known)
            for p in sorted(folder.glob("*.toml"))
        ]
    else:
        books = [parse_rule_file(text, "site.toml", known)]
    with db.write() as session:
        return store.import_book(session, merge(books), "tester", "test", NOW)


def _orders(db: Database, outcomes: list[tuple[str, str | None, str]], kind: str = "C-TS",
            district: str = "210102", age: timedelta = timedelta(days=3)) -> None:  # fmt: skip
    with db.write() as session:
        start = len(session.exec(select(OrderRow.id)).all())
        for n, (owner, department, text) in enumerate(outcomes):
            at = NOW - age - timedelta(minutes=n)
            session.add(OrderRow(number=f"T{start + n:07d}", origin="12345", owner=owner,
                                 caller_phone="13800000000", kind=kind, district=district,
                                 description=text, status="received", created_at=at,
                                 updated_at=at, department=department))  # fmt: skip


def test_rules_from_the_database_suggest_and_import_is_idempotent(db: Database) -> None:
    first = _import(db)
    assert (first.rules_added, first.items_added) == (5, 26)
    again = _import(db)
    assert (again.rules_added, again.rules_same, again.items_added, again.items_updated) == (
        0,
        5,
        0,
        0,
    )
    service = SuggestionService(db, Platform.HOTLINE, lambda: NOW)
    found = service.suggest("C-TS", None, "210102", "公司拖欠工资半年了")
    assert found.advice is not None and found.history is None
    assert found.advice.cited == "依据：2026年第3次会商（演示） 规则 R-002"
    assert found.advice.move is Move.STAY and found.advice.department == "210100-RS"


def test_a_stored_version_is_never_rewritten_and_overlaps_are_refused(db: Database) -> None:
    _import(db)
    changed = (ROOT / "db" / "consultation" / "rules.toml").read_text("utf-8")
    changed = changed.replace("白天装修噪声由属地城管部门处理", "装修噪声由城管处理", 1)
    with pytest.raises(store.VersionClash, match="R-001 version 1"):
        _import(db, changed)
    with pytest.raises(RuleConflict):  # overlaps the stored R-002, one priority only
        _import(db, TWO_RULES.replace('"R-001"', '"R-050"').replace('"R-002"', '"R-051"')
                .replace('keywords = ["噪音"]', 'keywords = ["欠薪"]\npriority = 5'))  # fmt: skip


def test_the_history_share_of_a_known_set_of_orders(db: Database) -> None:
    _orders(db, [("12345", "210100-CG", "小区路灯不亮")] * 6 + [("12345", "210100-ZJ", "小区路灯坏了")] * 2
            + [("110", None, "路灯下有人打架")] * 2)  # fmt: skip
    _orders(db, [("110", None, "很久以前")] * 5, age=timedelta(days=200))  # outside the window
    _orders(db, [("110", None, "路灯不亮")] * 5, district="210103")  # another district
    service = SuggestionService(db, Platform.HOTLINE, lambda: NOW)
    found = service.suggest("C-TS", None, "210102", "小区路灯不亮了")
    assert found.advice is None and found.history is not None
    h = found.history
    assert (h.total, h.stayed, h.transferred) == (8, 8, 0) and h.similar  # the similar ones
    assert h.departments == (("210100-CG", 6), ("210100-ZJ", 2)) and h.share(6) == 0.75
    few = service.suggest("C-TS", None, "210102", "别的事情")  # too few similar: all ten
    assert few.history is not None and not few.history.similar
    assert (few.history.total, few.history.stayed, few.history.transferred) == (10, 8, 2)
    assert service.suggest(None, None, None, "").history is None


def test_similarity_is_bigram_overlap() -> None:
    assert similarity("路灯不亮", "路灯不亮") == 1.0
    assert similarity("路灯不亮", "停水") == 0.0
    assert 0.3 < similarity("小区路灯不亮了", "小区路灯坏了") < 1


def test_a_matter_read_once_is_ranked_again_as_typing_goes_on(db: Database) -> None:
    _orders(db, [("12345", "210100-CG", "小区路灯不亮")] * 6)
    now = [NOW]
    service = SuggestionService(db, Platform.HOTLINE, lambda: now[0])
    first = service.suggest("C-TS", None, "210102", "小区路灯")
    assert first.history is not None and (first.history.total, first.history.similar) == (6, True)
    _orders(db, [("110", None, "路灯下有人打架")] * 4)  # arrive meanwhile
    now[0] = NOW + PAST_FRESH - timedelta(seconds=1)
    going_on = service.suggest("C-TS", None, "210102", "小区路灯不亮")  # the kept orders ranked
    assert going_on.history is not None and going_on.history.total == 6
    other = service.suggest("C-TS", None, "210102", "有人打架")  # too few similar: all six kept
    assert other.history is not None and (other.history.total, other.history.similar) == (6, False)
    now[0] = NOW + PAST_FRESH  # read again once they are that old
    later = service.suggest("C-TS", None, "210102", "有人打架")
    assert later.history is not None and (later.history.total, later.history.transferred) == (10, 4)
    _orders(db, [("110", None, "路灯下有人打架")] * 2)
    import_site_rules(db, now[0])  # the rules changed (the site's files stored) …
    assert service.refresh()  # … and are read again (the matters' past orders with them)
    assert not service.refresh()  # once


def test_similar_ones_are_those_with_enough_of_the_typed_bigrams() -> None:
    texts = ["小区路灯不亮", "小区路灯坏了", "停水三天", "路灯下有人打架", "abc路灯"]
    for typed in ("小区路灯不亮了", "路灯", "停水", "ABC", "", "无关的话"):
        wanted = grams(typed)
        expected = [i for i, t in enumerate(texts) if similarity(wanted, t) >= SIMILAR_FROM]
        assert similar_ones(wanted, texts) == expected
    assert similar_ones(grams("小区路灯不亮了"), texts) == [0, 1]
