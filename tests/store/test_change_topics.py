"""A PostgreSQL NOTIFY names what a commit changed, so a seat re-reads only what it shows
(console/store/change_topics.py); anything unknown means everything."""

from __future__ import annotations

import time
from collections.abc import Iterator
from dataclasses import astuple
from datetime import UTC, datetime

import pytest
from sqlalchemy import text

from console.domain.intake import Draft
from console.domain.orders import Action, Platform
from console.services.alarms import load_site_policy
from console.services.orders import OrderService
from console.store import change_topics as ct
from console.store.changes import watch_for
from console.store.engine import Database
from console.store.pg_changes import APPLICATION_NAME, PgNotifications
from tests.principals import at_seat

HOTLINE = at_seat("王丽", "A-01", Platform.HOTLINE)
POLICE = at_seat("李强", "J-07", Platform.POLICE)


def _draft(kind: str = "C-TS", field: str = "F-SH") -> Draft:
    return Draft(caller_phone="138 1234 5678", kind=kind, field=field, district="210102",
                 address="中山路1号", description="楼下烧烤店夜间噪音扰民", consent=True)  # fmt: skip


def _topics_within(watch: PgNotifications, seconds: float = 3.0) -> ct.Topics:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        found = watch.topics()
        if found:
            return found
        time.sleep(0.005)
    return ct.NOTHING


# -- the payload, without a database -----------------------------------------------------------


def test_an_empty_or_unknown_payload_means_everything() -> None:
    assert ct.parse("") == ct.ALL  # an older console
    assert ct.parse("p:110 *") == ct.ALL
    assert ct.parse("o:X p:110") == {"o:X", "p:110"}


def test_a_payload_too_long_becomes_everything() -> None:
    many = [ct.order_topic(f"110-20261126-{n:06d}") for n in range(200)]
    assert ct.payload(many) == ct.EVERYTHING
    assert ct.parse(ct.payload(["p:110", "o:1"])) == {"p:110", "o:1"}


def test_a_statement_on_a_table_not_listed_is_everything() -> None:
    assert ct.topics_of_statement("INSERT INTO some_new_table (a) VALUES (1)", [{}]) == ["*"]
    assert ct.topics_of_statement("WITH x AS (DELETE FROM alarm) SELECT 1", [{}]) == ["*"]
    assert ct.topics_of_statement("COPY work_order FROM STDIN", [{}]) == ["*"]
    assert ct.topics_of_statement("SELECT 1", [{}]) == []


def test_the_rules_and_articles_are_named_and_concern_no_queue() -> None:
    """A 会商 rule, list item or consultation item written names ``rules``; an article
    ``knowledge``; a suggestion's outcome or a citation nothing: none re-reads a seat's queues."""
    for table in ("consultation_rule", "transfer_item", "consultation_item"):
        assert ct.topics_of_statement(f"INSERT INTO {table} (a) VALUES (1)", [{}]) == [ct.RULES]
    assert ct.topics_of_statement("UPDATE transfer_item SET active = 1", [{}]) == [ct.RULES]
    assert ct.topics_of_statement("INSERT INTO knowledge_article (a) VALUES (1)", [{}]) == [
        ct.KNOWLEDGE
    ]
    for table in ("intake_suggestion", "knowledge_citation"):
        assert ct.topics_of_statement(f"INSERT INTO {table} (a) VALUES (1)", [{}]) == []
    rules = ct.concerns(frozenset({ct.RULES}), "12345", "12345-9")
    assert rules.rules and not rules.knowledge and not rules.platform and not rules.orders
    articles = ct.concerns(frozenset({ct.KNOWLEDGE}), "110")
    assert articles.knowledge and not articles.rules and not articles.platform
    assert not ct.concerns(frozenset({"p:12345"}), "12345").rules


def test_what_a_seat_re_reads() -> None:
    other = ct.concerns(frozenset({"p:110", "o:110-1"}), "12345", "12345-9")
    assert not other.platform and not other.order and other.orders and not other.alarms
    mine = ct.concerns(frozenset({"p:12345", "o:12345-9"}), "12345", "12345-9")
    assert mine.platform and mine.order
    assert all(astuple(ct.concerns(ct.ALL, "12345", None)))


# -- on PostgreSQL -----------------------------------------------------------------------------

on_postgres = pytest.mark.parametrize("db", ["postgres"], indirect=True)
pytestmark = pytest.mark.postgres


@pytest.fixture
def watch(db: Database) -> Iterator[PgNotifications]:
    watcher = watch_for(db.engine)
    assert isinstance(watcher, PgNotifications)
    yield watcher
    watcher.close()


@pytest.fixture
def orders(db: Database) -> OrderService:
    from console.domain.calendar import load_calendar

    return OrderService(db, lambda: datetime.now(UTC), load_site_policy(db), load_calendar())


@on_postgres
def test_a_write_at_the_other_platform_does_not_concern_this_seats_queues(
    watch: PgNotifications, orders: OrderService
) -> None:
    number = orders.create(_draft(kind="P-ZA", field=""), POLICE).order.number
    topics = _topics_within(watch)
    assert ct.EVERYTHING not in topics
    assert {ct.platform_topic("110"), ct.order_topic(number)} <= topics
    at_hotline = ct.concerns(topics, Platform.HOTLINE.value, "12345-20261126-000001",
                             "13900000000")  # fmt: skip
    assert not at_hotline.platform  # its queues and inbox stay as they are
    assert not at_hotline.order and not at_hotline.caller  # another caller's order
    assert ct.concerns(topics, Platform.HOTLINE.value, None, "13812345678").caller  # its pop
    assert ct.concerns(topics, Platform.POLICE.value).platform


@on_postgres
def test_a_step_on_the_order_in_view_concerns_it(
    watch: PgNotifications, orders: OrderService
) -> None:
    number = orders.create(_draft(), HOTLINE).order.number
    _topics_within(watch)
    orders.transfers.transfer(number, HOTLINE, "涉嫌违法，转110", key=number)
    topics = _topics_within(watch)
    assert ct.EVERYTHING not in topics
    police_seat = ct.concerns(topics, Platform.POLICE.value, number)
    assert police_seat.order and police_seat.platform  # it arrives in 110's 待签收
    assert ct.concerns(topics, Platform.HOTLINE.value).platform  # and leaves 12345's queues
    orders.act(number, Action.SIGN_FOR, POLICE, seen=2)
    topics = _topics_within(watch)
    assert ct.concerns(topics, Platform.HOTLINE.value, number).order  # 12345 watches it


@on_postgres
def test_an_unlisted_table_makes_the_payload_everything(
    watch: PgNotifications, db: Database
) -> None:
    with db.write() as session:
        session.execute(text("CREATE TEMPORARY TABLE scratch (a int)"))
        session.execute(text("INSERT INTO scratch VALUES (1)"))
    assert _topics_within(watch) == ct.ALL


@on_postgres
def test_a_reconnect_means_everything(watch: PgNotifications, db: Database) -> None:
    with db.read() as session:
        (pid,) = session.execute(
            text("SELECT pid FROM pg_stat_activity WHERE application_name = :n"
                 " AND datname = current_database()"), {"n": APPLICATION_NAME},
        ).scalars()  # fmt: skip
        session.execute(text("SELECT pg_terminate_backend(:pid)"), {"pid": pid})
    assert _topics_within(watch) == ct.ALL  # lost: everything
    assert _topics_within(watch, 10) == ct.ALL  # the attempt ended (listening again): everything


@on_postgres
def test_an_order_written_with_its_seats_key_names_its_topics(
    watch: PgNotifications, orders: OrderService
) -> None:
    """The outage journal's key (table intake_key, docs/outage.md) is written with every order a
    seat saves: it must not turn each new order into "re-read everything" on every seat."""
    number = orders.create(_draft(), HOTLINE, key="a-seat-key").order.number
    topics = _topics_within(watch)
    assert ct.EVERYTHING not in topics
    assert ct.order_topic(number) in topics
