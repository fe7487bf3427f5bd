from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

from console.domain.intake import Draft
from console.domain.orders import Actor, Platform
from console.services.orders import OrderService
from console.store.changes import watch_for
from console.store.engine import Database


def test_a_commit_elsewhere_is_seen_once(sqlite_db: Database, tmp_path: Path) -> None:
    watch = watch_for(sqlite_db.engine)
    assert watch is not None and not watch.changed()
    other_seat = Database.open(str(sqlite_db.engine.url))  # another console, own connections
    OrderService(other_seat, lambda: datetime.now(UTC)).create(
        Draft(caller_phone="13812345678", kind="C-TS", field="F-SH", district="210102",
              description="噪音扰民"),
        Actor("张伟", "A-02", Platform.HOTLINE),
    )  # fmt: skip
    assert watch.changed()
    assert not watch.changed()
    other_seat.dispose()
    watch.close()


def test_postgres_is_watched_by_listen_notify(tmp_path: Path) -> None:
    """(The behaviour itself is in test_changes_pg.py, against a real server.)"""
    from sqlalchemy import create_engine

    from console.store.pg_changes import PgNotifications

    engine = create_engine("postgresql+psycopg://app@127.0.0.1:9/none")
    watch = watch_for(engine)
    assert isinstance(watch, PgNotifications)
    watch.close()
