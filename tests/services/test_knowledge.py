"""The knowledge base on SQLite and PostgreSQL: import is idempotent (a changed article is a new
version), search in Chinese ranks the right article first and leaves out expired and replaced
versions, a citation is checked and counted in the report, and an edit is audited."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, date, datetime
from pathlib import Path

import pytest

from console.domain.knowledge import Article, Category
from console.domain.knowledge_file import load_knowledge
from console.domain.orders import Platform
from console.domain.refusals import Refused
from console.domain.roles import Principal, Role, Seated
from console.services.audit import AuditTrail, show
from console.services.knowledge import KnowledgeService
from console.services.report_views import Period, report_json
from console.services.reports import ReportService
from console.store import knowledge as store
from console.store.engine import Database
from console.store.tables import OrderRow

ROOT = Path(__file__).resolve().parents[2]
NOW = datetime(2026, 8, 1, 2, 0, tzinfo=UTC)  # 2026-08-01 10:00 in China
AGENT = Seated(Principal("agent1", "话务员甲", Platform.HOTLINE, frozenset({Role.AGENT})), "A-01")
ADMIN = Principal("root", "管理员", Platform.HOTLINE, frozenset({Role.ADMIN}))


def _import(db: Database, articles: tuple[Article, ...] | None = None) -> store.Imported:
    if articles is None:
        with db.read() as session:
            kinds = store.kinds(session)
        articles = load_knowledge(ROOT / "db" / "knowledge", kinds).articles
    with db.write() as session:
        return store.import_articles(session, articles, "tester", "test", NOW)


def _order(db: Database, number: str, district: str = "210102") -> None:
    with db.write() as session:
        session.add(OrderRow(number=number, origin="12345", owner="12345", kind="C-ZX",
                             caller_phone="13800000000", district=district, description="咨询",
                             status="received", created_at=NOW, updated_at=NOW))  # fmt: skip


def test_import_is_idempotent_and_a_changed_article_is_a_new_version(db: Database) -> None:
    first = _import(db)
    assert first.added == 22 and first.same == 0
    assert _import(db) == store.Imported(0, 22)
    service = KnowledgeService(db, lambda: NOW)
    before = {a.article_id: a for a in service.in_effect()}["K-003"]
    changed = replace(before, body=before.body + "\n新增：离退休可全额提取。", version=1)
    assert _import(db, (changed,)) == store.Imported(1, 0)
    versions = service.history("K-003")
    assert [a.version for a in versions] == [1, 2]
    assert versions[0] == before  # the old version is kept as it was
    shown = {a.article_id: a for a in service.in_effect()}["K-003"]
    assert shown.version == 2 and "离退休" in shown.body
    # the older text imported again is not a new version (an edit is not undone)
    assert _import(db, (before,)) == store.Imported(0, 1)


def test_search_ranks_the_typed_matter_first_and_leaves_out_expired_versions(
    db: Database,
) -> None:
    _import(db)
    service = KnowledgeService(db, lambda: NOW)
    hits = service.search("C-ZX", "来电人想问公积金怎么提取，租房能不能取")
    assert hits[0].article.article_id == "K-003" and hits[0].keywords
    noise = service.search("C-TS", "楼上装修噪音太大，电钻一直响")
    assert [h.article.article_id for h in noise][:2] == ["K-201", "K-101"]
    wages = [h.article.article_id for h in service.search(None, "老板拖欠工资三个月")]
    assert wages[0] == "K-203" and "K-202" not in wages  # K-202 expired on 2026-06-30
    # the kind filters: a 110 traffic article is not offered for a 12345 complaint
    assert all("P-JT" not in h.article.kinds or "C-TS" in h.article.kinds
               for h in service.search("C-TS", "交通事故追尾"))  # fmt: skip
    assert service.search(None, "") == []
    kind_only = service.search("C-YJ", "")
    assert [h.article.article_id for h in kind_only] == ["K-109"]
    # an article not yet begun is not shown: the 入学 article ran until 2026-09-30
    later = KnowledgeService(db, lambda: datetime(2026, 10, 8, tzinfo=UTC))
    assert "K-006" not in [a.article_id for a in later.in_effect()]
    assert "K-006" in [a.article_id for a in service.in_effect()]


def test_an_edit_is_a_new_version_another_seat_sees_and_the_trail_records(
    db: Database, tmp_path: Path
) -> None:
    _import(db)
    trail = AuditTrail(b"k" * 32, lambda: NOW)
    admin = KnowledgeService(db, lambda: NOW, audit=trail, seat="ADM-1")
    seat = KnowledgeService(db, lambda: NOW)
    assert seat.search("C-ZX", "户口迁移怎么办理") == []  # warm the seat's shelf
    made = admin.save(Article("", "户口迁移（演示）", "凭准迁证到迁入地派出所办理户口迁移。",
                              Category.POLICY, date(2026, 7, 1), kinds=("C-ZX",),
                              keywords=("户口迁移", "迁户口")), by=ADMIN)  # fmt: skip
    assert (made.article_id, made.version) == ("K-206", 1)
    assert seat.search("C-ZX", "户口迁移怎么办理")[0].article.article_id == "K-206"
    edited = admin.save(replace(made, title="户口迁移（演示，新）"), by=ADMIN)
    assert edited.version == 2
    again = seat.search("C-ZX", "户口迁移怎么办理")  # asked before: answered anew after the edit
    assert (again[0].article.article_id, again[0].article.version) == ("K-206", 2)
    again.clear()  # an answer is the caller's own list
    assert seat.search("C-ZX", "户口迁移怎么办理")[0].article.version == 2
    rows = show(db, action="policy_change")
    assert [(r.who, r.target, r.detail[:9]) for r in rows] == [
        ("root", "知识库 K-206", "version 2"),
        ("root", "知识库 K-206", "version 1"),
    ]
    with pytest.raises(Refused) as refused:
        admin.save(replace(made, kinds=("C-NOPE",)), by=ADMIN)
    assert refused.value.code == "article_kind"
    with pytest.raises(Refused):
        admin.save(made, by=AGENT.principal)  # not an administrator
    assert len(admin.history("K-206")) == 2  # the refused ones stored nothing


def test_a_citation_is_checked_and_counted_by_article_in_the_report(db: Database) -> None:
    _import(db)
    _order(db, "H20260801001")
    _order(db, "H20260801002", district="210202")
    service = KnowledgeService(db, lambda: NOW)
    assert service.cite(AGENT, "H20260801001", "K-003").version == 1
    service.cite(AGENT, "H20260801002", "K-003")
    service.cite(AGENT, "H20260801002", "K-001")
    assert service.citations("H20260801002") == [("K-003", 1), ("K-001", 1)]
    for order, article, code in (("H404", "K-003", "unknown_order"),
                                 ("H20260801001", "K-202", "unknown_article"),
                                 ("H20260801001", "K-999", "unknown_article")):  # fmt: skip
        with pytest.raises(Refused) as refused:
            service.cite(AGENT, order, article)
        assert refused.value.code == code
    lead = Seated(Principal("cx", "审计", Platform.HOTLINE, frozenset({Role.ADMIN})), "X")
    with pytest.raises(Refused):
        service.cite(lead, "H20260801001", "K-003")  # takes no calls
    reports = ReportService(db, lambda: NOW)
    day = Period.day(date(2026, 8, 1))
    counted = reports.report(day).knowledge
    assert [(c.key, c.value) for c in counted] == [("K-003", 2), ("K-001", 1)]
    assert counted[0].label == "住房公积金提取（演示）"
    assert [(c.key, c.value) for c in reports.report(day, district="210202").knowledge] == [
        ("K-001", 1), ("K-003", 1)]  # fmt: skip
    assert reports.report(day, platform="110").knowledge == []
    assert reports.report(Period.day(date(2026, 8, 2))).knowledge == []
    assert report_json(reports.report(day))["knowledge"][0] == {
        "key": "K-003", "label": "住房公积金提取（演示）", "value": 2}  # fmt: skip
