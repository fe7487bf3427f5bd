"""Database faults reach people as declared sentences, never as driver text or SQL parameters.

A PostgreSQL restart, a refused connection, a full disk, a locked or read-only SQLite file: each
becomes one ``db_*`` refusal (console.store.faults.classify), and the console's connections
come back by themselves once the server is up again.
"""

from __future__ import annotations

import logging
import sqlite3
import time
from collections.abc import Iterator
from contextlib import closing
from datetime import UTC, datetime
from pathlib import Path

import psycopg
import pytest
from sqlalchemy import event, insert, text
from sqlalchemy.exc import DBAPIError, IntegrityError, OperationalError

from console.domain.intake import Draft
from console.domain.orders import Platform
from console.domain.refusals import REFUSALS, Refused
from console.services.faults import explain
from console.services.orders import OrderService
from console.store import faults
from console.store.engine import POOL_TIMEOUT_S, Database
from console.store.setup import init_db
from console.store.tables import DistrictRow
from tests.pg import Cluster, PgUnavailable
from tests.principals import at_seat

PHONE = "13912345678"
HOTLINE = at_seat("王丽", "A-01", Platform.HOTLINE)


def _wrapped(orig: BaseException, invalidated: bool = False) -> DBAPIError:
    return OperationalError(
        "SELECT 1", {"caller_phone": PHONE}, orig, connection_invalidated=invalidated
    )  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("error", "code"),
    [
        (psycopg.OperationalError('connection failed: connection to server at "10.0.0.9", '
                                  "port 5432 failed: Connection refused\n\tIs the server running"),
         "db_unreachable"),
        (psycopg.OperationalError("connection failed: FATAL:  the database system is starting up"),
         "db_restarting"),
        (psycopg.OperationalError("server closed the connection unexpectedly\n\tThis probably "
                                  "means the server terminated abnormally"), "db_restarting"),
        (psycopg.errors.lookup("57P03")("the database system is starting up"), "db_restarting"),
        (psycopg.errors.lookup("57P01")("terminating connection due to administrator command"),
         "db_restarting"),
        (psycopg.errors.lookup("53100")("could not extend file: No space left on device"),
         "db_full"),
        (psycopg.errors.lookup("25006")("cannot execute INSERT in a read-only transaction"),
         "db_read_only"),
        (psycopg.OperationalError('connection failed: FATAL:  database "nope" does not exist'),
         "db_missing"),
        (psycopg.OperationalError('connection failed: FATAL:  password authentication failed for '
                                  'user "app"'), "db_login"),
        (sqlite3.OperationalError("database or disk is full"), "db_full"),
        (sqlite3.OperationalError("database is locked"), "db_busy"),
        (sqlite3.OperationalError("attempt to write a readonly database"), "db_read_only"),
        (sqlite3.DatabaseError("file is not a database"), "db_not_console"),
        (sqlite3.OperationalError("unable to open database file"), "db_cannot_open"),
        (sqlite3.OperationalError("no such table: work_order"), "db_fault"),
    ],
)  # fmt: skip
def test_each_fault_is_a_declared_sentence(error: BaseException, code: str) -> None:
    for raised in (error, _wrapped(error)):
        refused = faults.classify(raised)
        assert refused is not None and refused.code == code, (raised, refused)
        assert refused.code in REFUSALS
        assert "\n" not in refused.why and PHONE not in refused.why and "SELECT" not in refused.why


def test_a_dropped_connection_without_words_is_a_restart() -> None:
    refused = faults.classify(_wrapped(psycopg.OperationalError(""), invalidated=True))
    assert refused is not None and refused.code == "db_restarting"


def test_what_is_no_database_fault_is_left_alone() -> None:
    assert faults.classify(ValueError("a bug")) is None
    assert explain(KeyError("x")) is None
    refusal = Refused("stale")
    assert explain(refusal) is refusal


def test_every_code_classify_can_give_is_declared() -> None:
    codes = set(faults._SQLSTATES.values()) | {code for _, code in faults._MESSAGES}
    assert codes | {"db_fault", "db_url_kind", "db_is_folder", "db_no_folder"} <= set(REFUSALS)


def test_a_sqlite_path_that_cannot_be_a_database_is_said_before_sqlite_tries(
    tmp_path: Path,
) -> None:
    folder = tmp_path / "a folder"
    folder.mkdir()
    with pytest.raises(Refused) as is_folder:
        Database.open(f"sqlite:///{folder}")
    assert is_folder.value.code == "db_is_folder"
    with pytest.raises(Refused) as no_folder:
        Database.open(f"sqlite:///{tmp_path / 'missing' / 'x.sqlite3'}")
    assert no_folder.value.code == "db_no_folder" and not (tmp_path / "missing").exists()


def test_a_failing_insert_shows_and_logs_no_parameters(
    db: Database, caplog: pytest.LogCaptureFixture
) -> None:
    """A caller's phone in a failing statement reaches neither the log nor the screen."""
    row = {"code": "210102", "name_zh": PHONE, "name_en": PHONE, "city_code": "210100"}
    with pytest.raises(IntegrityError) as failed, db.write() as session:
        session.execute(insert(DistrictRow), [row])  # the code exists: a duplicate key
    logging.getLogger("test").error("save failed", exc_info=failed.value)
    assert PHONE not in str(failed.value) and PHONE not in caplog.text
    refused = explain(failed.value)
    assert refused is not None and PHONE not in refused.why


def _full_after(db: Database, pages: int) -> None:
    """Every new connection of ``db`` may grow the file by ``pages`` pages only (after a
    VACUUM, so no free page is left to fill)."""
    path = db.engine.url.database
    assert path
    with closing(sqlite3.connect(path, isolation_level=None)) as plain:
        plain.execute("VACUUM")

    @event.listens_for(db.engine, "connect")
    def _limit(conn: sqlite3.Connection, _record: object) -> None:
        size = conn.execute("PRAGMA page_count").fetchone()[0]
        conn.execute(f"PRAGMA max_page_count = {size + pages}")

    db.engine.dispose()


def test_a_full_disk_keeps_the_draft_and_says_so(
    sqlite_db: Database, caplog: pytest.LogCaptureFixture
) -> None:
    orders = OrderService(sqlite_db, lambda: datetime(2026, 11, 26, 2, tzinfo=UTC))
    _full_after(sqlite_db, 0)
    draft = Draft(caller_phone=PHONE, caller_name="张三", kind="C-TS", field="F-SH",
                  district="210102", address="和平区某路1号", description="噪音扰民" * 100,
                  consent=True)  # fmt: skip
    with pytest.raises(OperationalError) as failed:
        for _ in range(100):  # the first ones fit in the pages the tables already have
            orders.create(draft, HOTLINE)
    logging.getLogger("test").error("intake save failed", exc_info=failed.value)
    refused = explain(failed.value)
    assert refused is not None and refused.code == "db_full"
    assert (
        PHONE not in caplog.text and "张三" not in caplog.text and "和平区某路" not in caplog.text
    )


class _Server(Cluster):
    """A private PostgreSQL server this test may stop and start."""

    def halt(self) -> None:
        self._run(str(self.bindir / "pg_ctl"), "-D", str(self.root / "data"), "-m", "fast",
                  "-w", "stop")  # fmt: skip

    def resume(self) -> None:
        opts = f"-p {self.port} -k {self.root} -c listen_addresses=127.0.0.1 -c fsync=off"
        self._run(str(self.bindir / "pg_ctl"), "-D", str(self.root / "data"), "-o", opts,
                  "-l", str(self.root / "log"), "-w", "start")  # fmt: skip


@pytest.fixture
def server() -> Iterator[_Server]:
    try:
        cluster = _Server()
        cluster.start()
    except PgUnavailable as exc:
        pytest.skip(str(exc))
    yield cluster
    cluster.stop()


def _write(db: Database) -> None:
    with db.write() as session:
        session.execute(text("UPDATE district SET weight = weight WHERE code = '210102'"))


@pytest.mark.postgres
def test_a_postgresql_restart_is_said_and_the_console_reconnects_by_itself(
    server: _Server,
) -> None:
    db, _ = init_db(server.url())
    try:
        _write(db)
        with db.read() as session:  # a pooled connection the restart will kill
            session.execute(text("SELECT 1"))
        server.halt()
        with pytest.raises(OperationalError) as down:
            _write(db)
        refused = explain(down.value)
        assert refused is not None and refused.code in ("db_unreachable", "db_restarting")
        server.resume()
        started = time.perf_counter()
        _write(db)  # the first write after the restart succeeds: no retry by the agent's hand
        # … and at once, not after a pool timeout (a loaded test machine's reconnect can take
        # a second or two: the bound is what it must never wait for, not a speed)
        assert time.perf_counter() - started < POOL_TIMEOUT_S / 3
        with db.read() as session:  # every other backend killed: pre-ping replaces them
            session.execute(text("SELECT pg_terminate_backend(pid) FROM pg_stat_activity "
                                 "WHERE pid <> pg_backend_pid() AND datname = current_database()"))  # fmt: skip
        _write(db)
    finally:
        db.dispose()
