"""A rule edited or retired at one seat reaches another seat's routing suggestion through the
change feed, without a restart (issue 16): the other seat's SuggestionService keeps the book it
read until the feed says the rules changed (topic ``rules``; SQLite: any change), then follows
the newest version, and a retired rule stops suggesting. An article saved by the administrator
reaches a seat's knowledge search the same way. SQLite and PostgreSQL, through the real watcher
(PRAGMA data_version, LISTEN/NOTIFY)."""

from __future__ import annotations

import os
from collections.abc import Iterator
from dataclasses import replace
from datetime import date

import pytest

from console.domain.consultation import Advice
from console.domain.consultation_items import decision_of
from console.domain.knowledge import Article, Category
from console.domain.order_types import Platform
from console.services.audit import AuditTrail
from console.services.knowledge import KnowledgeService
from console.services.rule_edits import RuleEdits
from console.services.suggestions import SuggestionService, import_site_rules
from console.store import change_topics as ct
from console.store.changes import ChangeWatch, watch_for
from console.store.engine import Database
from tests.agenda_data import NOW, plant
from tests.principals import admin, lead
from tests.waiting import wait_until

LEAD = lead("赵班长", "A-09", Platform.HOTLINE)
TYPED = ("C-TS", None, "210102", "楼上装修噪音太大了")
NEW_NORM = "装修噪声由城管处理，夜间转110。"


@pytest.fixture
def watch(db: Database) -> Iterator[ChangeWatch]:
    watcher = watch_for(db.engine)
    assert watcher is not None
    yield watcher
    watcher.close()


def told(watch: ChangeWatch, db: Database) -> ct.Topics:
    """What the feed says the next change was about; on PostgreSQL it must name it exactly
    (not "everything"), so the seat does not re-read its queues for a rule edit."""
    topics = wait_until(watch.topics, 10, "the change feed to report a change")
    if db.engine.dialect.name == "postgresql":
        assert ct.EVERYTHING not in topics
    return topics


def rule_shown(seat: SuggestionService) -> tuple[str, int, str] | None:
    advice: Advice | None = seat.suggest(*TYPED).advice
    if advice is None or advice.rule is None:
        return None
    return advice.rule.rule_id, advice.rule.version, advice.rule.norm


def test_another_seats_suggestion_follows_the_newest_version_and_a_retirement(
    db: Database, watch: ChangeWatch
) -> None:
    plant(db)
    watch.topics()  # the planting is not what this test waits for
    seat = SuggestionService(db, Platform.HOTLINE, lambda: NOW)
    first = rule_shown(seat)
    assert first is not None and first[:2] == ("R-001", 1)
    edits = RuleEdits(db, lambda: NOW, AuditTrail(os.urandom(32), lambda: NOW))
    [line] = edits.lines(LEAD)
    edits.edit(LEAD, "R-001", 1, replace(decision_of(line.rule), norm=NEW_NORM))

    topics = told(watch, db)
    assert ct.concerns(topics, Platform.HOTLINE.value).rules
    assert rule_shown(seat) == first  # the book it read: until it is told
    assert seat.refresh() is True
    assert rule_shown(seat) == ("R-001", 2, NEW_NORM)
    assert seat.refresh() is False  # nothing moved since: one small query, no re-read

    edits.retire(admin("A-00"), "R-001", 2, date(2026, 8, 14))  # today is 2026-08-15
    assert ct.concerns(told(watch, db), Platform.HOTLINE.value).rules
    assert seat.refresh() is True
    assert rule_shown(seat) is None  # expired yesterday: it no longer suggests


def test_a_rules_import_reaches_a_running_seat(db: Database, watch: ChangeWatch) -> None:
    """What ``rules import`` (or another console's start-up) stores: the site's demo files."""
    seat = SuggestionService(db, Platform.HOTLINE, lambda: NOW)
    typed = (None, None, None, "工地讨薪堵路，几十个人堵在路口")
    assert seat.suggest(*typed).advice is None  # no rule stored yet
    import_site_rules(db, NOW)
    assert ct.concerns(told(watch, db), Platform.HOTLINE.value).rules
    assert seat.suggest(*typed).advice is None  # the book it read, until told
    assert seat.refresh() is True
    advice = seat.suggest(*typed).advice
    assert advice is not None and advice.rule is not None and advice.rule.rule_id == "R-017"


def test_an_article_saved_by_the_administrator_reaches_a_seats_search(
    db: Database, watch: ChangeWatch
) -> None:
    editor = KnowledgeService(db, lambda: NOW)
    seat = KnowledgeService(db, lambda: NOW)
    assert seat.refresh() is True  # the first read
    assert seat.refresh() is False
    article = Article(article_id="", title="装修噪音夜间处理口径",
                      body="夜间装修噪音扰民，先告知属地城管。", category=Category.NORM,
                      kinds=("C-TS",), keywords=("装修噪音",), valid_from=date(2026, 8, 1))  # fmt: skip
    stored = editor.save(article, admin("A-00").principal)
    topics = told(watch, db)
    assert ct.concerns(topics, Platform.HOTLINE.value).knowledge
    assert not ct.concerns(topics, Platform.HOTLINE.value).rules or ct.EVERYTHING in topics
    assert seat.refresh() is True
    hits = seat.search("C-TS", "装修噪音")
    assert stored.article_id in [h.article.article_id for h in hits]
