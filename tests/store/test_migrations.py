"""The schema comes from the migrations, matches the tables, and init-db is idempotent."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from sqlalchemy import Engine, inspect, text
from sqlalchemy.exc import IntegrityError
from sqlmodel import SQLModel

from console.domain.calendar import load_calendar
from console.domain.orders import Platform
from console.services.orders import OrderService
from console.store import migrate
from console.store.engine import Database
from console.store.setup import init_db
from console.store.tables import HISTORY_SHOWN
from tests.principals import at_seat
from tests.store.test_orders import draft


def test_init_db_creates_schema_and_is_idempotent(empty_db_url: str) -> None:
    db, added = init_db(empty_db_url)
    assert added > 100  # kinds, fields and every Liaoning district
    assert migrate.current_revision(db.engine) == migrate.head_revision()
    db.dispose()
    db, added_again = init_db(empty_db_url)
    assert added_again == 0
    indexes = {i["name"] for i in inspect(db.engine).get_indexes("work_order")}
    assert {"ux_work_order_number", "ix_work_order_caller", "ix_work_order_queue"} <= indexes
    db.dispose()


CALLER_INDEXES = ("ix_work_order_caller", "ix_work_order_caller_open")


def test_migrations_match_the_tables(empty_db_url: str) -> None:
    """Everything as declared; on SQLite the caller indexes' keys go on with the history's
    columns (migration 0025: covering), which the declaration cannot say for one dialect."""
    db, _ = init_db(empty_db_url)
    sqlite = db.engine.dialect.name == "sqlite"

    def compared(_obj: object, name: str | None, type_: str, *_: object) -> bool:
        return not (sqlite and type_ == "index" and name in CALLER_INDEXES)

    with db.engine.connect() as conn:
        context = MigrationContext.configure(conn, opts={"include_object": compared})
        diff = compare_metadata(context, SQLModel.metadata)
        found = {i["name"]: i["column_names"] for i in inspect(conn).get_indexes("work_order")}
    db.dispose()
    assert diff == []
    shown = list(HISTORY_SHOWN) if sqlite else []
    for name in CALLER_INDEXES:
        assert found[name] == ["caller_phone", "created_at", *shown]


def test_refuses_a_schema_newer_than_itself(empty_db_url: str) -> None:
    db, _ = init_db(empty_db_url)
    with db.engine.begin() as conn:
        conn.execute(text("UPDATE alembic_version SET version_num = '9999_future'"))
    try:
        migrate.upgrade(db.engine)
    except migrate.SchemaTooNew as exc:
        assert "newer than this console" in str(exc)
    else:
        raise AssertionError("a newer schema must be refused")
    finally:
        db.dispose()


def test_sqlite_runs_in_wal_with_foreign_keys(tmp_path) -> None:  # type: ignore[no-untyped-def]
    db, _ = init_db(f"sqlite:///{tmp_path / 'x.sqlite3'}")
    with db.read() as s:
        assert s.execute(text("PRAGMA journal_mode")).scalar() == "wal"
        assert s.execute(text("PRAGMA foreign_keys")).scalar() == 1
    db.dispose()


def test_an_older_database_upgrades_with_every_row_intact(tmp_path) -> None:  # type: ignore[no-untyped-def]
    """A database made by migration 0001 (with demo orders) upgrades to head; nothing is lost
    and a backup of the SQLite file was taken first."""
    from datetime import date

    from console.demo.load import load_demo_data
    from console.store.engine import Database

    # Realistic rows come from a current database; the old one takes the columns 0001 had.
    source = tmp_path / "source.sqlite3"
    current, _ = init_db(f"sqlite:///{source}")
    load_demo_data(current, 800, seed=5, until=date(2026, 11, 26), calendar=load_calendar())
    current.dispose()
    url = f"sqlite:///{tmp_path / 'old.sqlite3'}"
    db = Database.open(url)
    migrate.upgrade(db.engine, "0001")
    with db.engine.begin() as conn:
        conn.exec_driver_sql(f"ATTACH DATABASE '{source}' AS src")
        # The catalogue as 0001 had it (seed_catalogue now also fills later tables).
        for table in ("kind", "field", "district", "work_order", "order_event", "order_sequence"):
            names = [c["name"] for c in inspect(conn).get_columns(table)]
            cols = ", ".join(names)
            conn.exec_driver_sql(f"INSERT INTO {table} ({cols}) SELECT {cols} FROM src.{table}")
    with db.read() as s:
        assert s.execute(text("SELECT count(*) FROM work_order")).scalar_one() == 800

    def snapshot() -> list[tuple[object, ...]]:
        with db.read() as s:
            return [
                tuple(r)
                for table in ("work_order", "order_event", "order_sequence", "kind", "district")
                for r in s.execute(text(f"SELECT * FROM {table} ORDER BY 1"))
            ]

    before = snapshot()
    done = migrate.upgrade(db.engine)
    assert (done.before, done.after) == ("0001", migrate.head_revision())
    assert done.backup is not None and done.backup.exists()
    # Every old column of every row is intact (later migrations may append columns).
    after = snapshot()
    assert len(after) == len(before)
    assert [row[: len(old)] for row, old in zip(after, before, strict=True)] == before
    backup = Database.open(f"sqlite:///{done.backup}")
    assert migrate.current_revision(backup.engine) == "0001"
    backup.dispose()
    assert migrate.upgrade(db.engine).backup is None  # already current: no new backup
    db.dispose()


def _downgrade(engine: Engine, revision: str) -> None:
    from alembic import command

    config = migrate.alembic_config()
    with engine.begin() as conn:
        config.attributes["connection"] = conn
        command.downgrade(config, revision)


def test_0029_moves_the_peers_packed_ticks_into_their_columns_and_back(db: Database) -> None:
    """0028 kept a caller told at the peer as ``told_by = "110:李强"``; 0029 gives the platform
    and the name their own columns (``told_by`` NULL: no login), and its downgrade packs them
    back. On both databases."""
    from console.store import caller_told

    order = OrderService(db, lambda: datetime(2026, 12, 5, 2, tzinfo=UTC)).create(
        draft(), at_seat("王丽", "A-01", Platform.HOTLINE)
    )
    at = datetime(2026, 12, 5, 3, tzinfo=UTC)
    _downgrade(db.engine, "0028")
    with db.engine.begin() as conn:
        conn.execute(
            text(
                "INSERT INTO caller_told (order_id, phone, told_at, told_by, seat)"
                " VALUES (:o, :p, :at, :by, :seat)"
            ),
            [
                {"o": order.id, "p": "13811110000", "at": at, "by": "wangli", "seat": "A-01"},
                {"o": order.id, "p": "13922220000", "at": at, "by": "110:李强", "seat": "J-07"},
            ],
        )
    migrate.upgrade(db.engine)
    with db.read() as s:
        assert caller_told.told(s, order.id) == {
            "13811110000": caller_told.Told(at, "wangli", "A-01"),
            "13922220000": caller_told.Told(at, "李强", "J-07", "110"),
        }
        rows = s.execute(
            text("SELECT told_by, platform, told_name FROM caller_told ORDER BY phone")
        ).all()
    assert [tuple(r) for r in rows] == [("wangli", None, None), (None, "110", "李强")]
    with pytest.raises(IntegrityError), db.engine.begin() as conn:  # a login and a peer both
        conn.execute(text(
            "INSERT INTO caller_told (order_id, phone, told_at, told_by, seat, platform,"
            " told_name) VALUES (:o, '13933330000', :at, 'wangli', 'A-01', '110', '李强')"
        ), {"o": order.id, "at": at})  # fmt: skip
    _downgrade(db.engine, "0028")
    with db.read() as s:
        rows = s.execute(text("SELECT told_by, seat FROM caller_told ORDER BY phone")).all()
        columns = {c["name"] for c in inspect(s.connection()).get_columns("caller_told")}
    assert [tuple(r) for r in rows] == [("wangli", "A-01"), ("110:李强", "J-07")]
    assert {"platform", "told_name"}.isdisjoint(columns)


def test_0030_adds_the_purge_index_and_takes_it_away(db: Database) -> None:
    """0030's partial index of the orders the purge may still rewrite; its downgrade drops it
    and leaves the orders as they were. On both databases."""
    order = OrderService(db, lambda: datetime(2026, 12, 5, 2, tzinfo=UTC)).create(
        draft(), at_seat("王丽", "A-01", Platform.HOTLINE)
    )

    def indexes() -> set[str]:
        with db.engine.connect() as conn:
            return {i["name"] for i in inspect(conn).get_indexes("work_order")}

    def caller() -> str:
        with db.read() as s:
            found = s.execute(
                text("SELECT caller_phone FROM work_order WHERE id = :id"), {"id": order.id}
            )
            return str(found.scalar_one())

    assert "ix_work_order_purge" in indexes() and caller() == "13812345678"
    _downgrade(db.engine, "0029")
    assert "ix_work_order_purge" not in indexes() and caller() == "13812345678"
    migrate.upgrade(db.engine)
    assert "ix_work_order_purge" in indexes() and caller() == "13812345678"
