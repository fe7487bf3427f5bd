"""The audit trail on both databases: steps, acknowledgements and escalations are recorded with
what they record; raw SQL that changes, deletes or inserts a row is caught; seats appending at
once keep one chain; a key file that cannot be used is one clear line."""

from __future__ import annotations

import os
import threading
from datetime import UTC, datetime, timedelta

import pytest
from sqlalchemy import text
from sqlalchemy.exc import DBAPIError

from console.domain.audit import AuditAction, AuditEntry, key_id
from console.domain.calendar import load_calendar
from console.domain.orders import Action, Platform
from console.domain.refusals import Refused
from console.scheduling.clock import FakeClock
from console.services.alarms import AlarmService, load_site_policy
from console.services.audit import (
    AuditKeyError,
    AuditTrail,
    create_key,
    load_key,
    open_key,
    show,
    verify_trail,
)
from console.services.orders import OrderService
from console.store.engine import Database
from tests.principals import lead
from tests.services.test_transfer import A01, A02, draft

KEY = bytes(range(32))


def now() -> datetime:
    return datetime.now(UTC)


def audit_rows(db: Database) -> list[tuple[object, ...]]:
    with db.read() as s:
        rows = s.execute(text("SELECT seq, who, seat, action, target, detail FROM audit"))
        return [tuple(r) for r in rows]


def tamper(db: Database, sql: str) -> None:
    """Raw SQL behind the console's back. On PostgreSQL the append-only triggers must be got
    round first: a superuser's ``session_replication_role = replica`` (the test cluster's
    ``app`` role is one)."""
    with db.engine.begin() as conn:
        if not db.is_sqlite:
            conn.execute(text("SET LOCAL session_replication_role = replica"))
        conn.execute(text(sql))


def trail_of(db: Database, n: int) -> AuditTrail:
    trail = AuditTrail(KEY, now)
    for i in range(n):
        trail.write(db, AuditEntry("王丽", "A-01", AuditAction.ORDER_STEP, f"N{i + 1}"))
    return trail


FORGED = (
    "INSERT INTO audit (seq, at, who, seat, action, target, outcome, detail, key_id, mac) "
    "VALUES (6, '2026-12-01 00:00:00.000000', 'x', 'A-09', 'export', '', 'ok', '', '{kid}', "
    "'{mac}')"
)


@pytest.mark.parametrize(
    ("sql", "seq", "what"),
    [
        ("UPDATE audit SET detail = 'complete' WHERE seq = 3", 3, "changed"),
        ("UPDATE audit SET who = '张伟' WHERE seq = 1", 1, "changed"),
        ("DELETE FROM audit WHERE seq = 3", 3, "deleted"),
        (FORGED, 6, "changed"),  # appended without the key: the last row fails its MAC
    ],
    ids=["update", "update-first", "delete", "insert"],
)
def test_verify_names_the_row_raw_sql_touched(db: Database, sql: str, seq: int, what: str) -> None:
    trail_of(db, 5)
    assert verify_trail(db, KEY).broken is None
    tamper(db, sql.format(kid=key_id(KEY), mac="ab" * 32))
    broken = verify_trail(db, KEY).broken
    assert broken is not None and (broken.seq, broken.what) == (seq, what), broken


def test_an_order_step_writes_exactly_one_row_in_its_own_transaction(db: Database) -> None:
    orders = OrderService(
        db, now, load_site_policy(db), load_calendar(), audit=AuditTrail(KEY, now)
    )
    number = orders.create(draft(), A01).order.number
    assert audit_rows(db) == [(1, "王丽", "A-01", "order_step", number, "create")]
    orders.act(number, Action.START_HANDLING, A01, seen=1)
    assert audit_rows(db)[1:] == [(2, "王丽", "A-01", "order_step", number, "start_handling")]
    with pytest.raises(Refused):  # refused: no step, no row
        orders.act(number, Action.START_HANDLING, A02, seen=2)
    assert len(audit_rows(db)) == 2
    assert verify_trail(db, KEY).broken is None


def test_a_rolled_back_transaction_leaves_no_row(db: Database) -> None:
    trail = trail_of(db, 1)
    with pytest.raises(LookupError), db.write() as session:
        trail.record(session, AuditEntry("王丽", "A-01", AuditAction.EXPORT))
        raise LookupError
    trail.write(db, AuditEntry("王丽", "A-01", AuditAction.EXPORT))
    assert [r[0] for r in audit_rows(db)] == [1, 2]


def test_acknowledgement_and_escalation_are_recorded(db: Database) -> None:
    clock = FakeClock(datetime(2026, 11, 23, 2, 0, tzinfo=UTC))
    trail = AuditTrail(KEY, clock.now)
    orders = OrderService(db, clock.now, load_site_policy(db), load_calendar())
    alarms = AlarmService(db, clock.now, "A-01", trail)
    orders.create(draft(), A01)
    clock.set(clock.now() + timedelta(days=30))
    raised = alarms.sweep()
    assert raised
    alarms.acknowledge(raised[0].id, lead("王丽", "A-01", Platform.HOTLINE), "已电话催办")
    alarms.escalate(raised[0].id, lead("王丽", "A-01", Platform.HOTLINE), "张科长")
    rows = audit_rows(db)
    target = f"alarm {raised[0].id}"
    assert rows == [
        (1, "王丽", "A-01", "alarm_ack", target, ""),
        (2, "王丽", "A-01", "escalation", target, "to 张科长"),
    ]


def test_seats_appending_at_once_keep_one_chain(db: Database) -> None:
    url = db.engine.url.render_as_string(hide_password=False)
    seats = [Database.open(url) for _ in range(3)]
    barrier = threading.Barrier(len(seats))
    failures: list[BaseException] = []

    def append(n: int, seat: Database) -> None:
        trail = AuditTrail(KEY, now)
        barrier.wait()
        try:
            for i in range(20):
                trail.write(seat, AuditEntry("王丽", f"A-0{n}", AuditAction.ORDER_STEP, str(i)))
        except BaseException as exc:  # reported below
            failures.append(exc)

    threads = [threading.Thread(target=append, args=(n, s)) for n, s in enumerate(seats)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    for seat in seats:
        seat.dispose()
    assert not failures
    verdict = verify_trail(db, KEY)
    assert verdict.broken is None and verdict.rows == 60
    assert [r.seq for r in show(db, limit=100)] == list(range(60, 0, -1))


@pytest.mark.postgres
def test_postgres_refuses_rewrites_even_to_the_owner(db: Database) -> None:
    if db.is_sqlite:
        pytest.skip("PostgreSQL only")
    trail_of(db, 2)
    for sql in ("UPDATE audit SET who = 'x'", "DELETE FROM audit", "TRUNCATE audit"):
        with pytest.raises(DBAPIError, match="append-only"), db.engine.begin() as conn:
            conn.execute(text(sql))
    assert len(audit_rows(db)) == 2


@pytest.mark.postgres
def test_postgres_seat_role_may_insert_and_read_only(empty_db_url: str) -> None:
    if empty_db_url.startswith("sqlite"):
        pytest.skip("PostgreSQL only")
    from console.store.setup import init_db

    admin = Database.open(empty_db_url)
    with admin.engine.begin() as conn:  # roles are the cluster's: the first test makes it
        conn.execute(text("DO $$ BEGIN CREATE ROLE console_seat LOGIN; "
                          "EXCEPTION WHEN duplicate_object THEN NULL; END $$"))  # fmt: skip
    admin.dispose()
    db, _ = init_db(empty_db_url)  # the migration grants and revokes now the role exists
    with db.read() as s:
        allowed = {
            p: s.execute(
                text(f"SELECT has_table_privilege('console_seat', 'audit', '{p}')")
            ).scalar()
            for p in ("SELECT", "INSERT", "UPDATE", "DELETE", "TRUNCATE")
        }
    db.dispose()
    assert allowed == {"SELECT": True, "INSERT": True, "UPDATE": False, "DELETE": False,
                       "TRUNCATE": False}  # fmt: skip
    seat = Database.open(empty_db_url.replace("//app@", "//console_seat@"))
    trail = AuditTrail(KEY, now)
    trail.write(seat, AuditEntry("王丽", "A-01", AuditAction.SIGN_IN))
    with pytest.raises(DBAPIError, match="permission denied"), seat.engine.begin() as conn:
        conn.execute(text("UPDATE audit SET who = 'x'"))
    assert verify_trail(seat, KEY).rows == 1
    seat.dispose()


def test_the_key_is_made_on_first_use_readable_by_its_owner_only(
    sqlite_db: Database, tmp_path
) -> None:  # type: ignore[no-untyped-def]
    path = tmp_path / "conf" / "audit.key"
    key = open_key(sqlite_db, path)
    assert (path.stat().st_mode & 0o777) == 0o600 and load_key(path) == key
    assert open_key(sqlite_db, path) == key  # found, not made again


def test_a_key_that_cannot_be_used_is_one_clear_line(sqlite_db: Database, tmp_path) -> None:  # type: ignore[no-untyped-def]
    path = tmp_path / "audit.key"
    trail_of(sqlite_db, 1)  # the trail has rows: a missing key is not made afresh
    problems = []
    for prepare, says in [
        (lambda: None, "is missing"),
        (lambda: path.mkdir(), "cannot be read"),
        (lambda: (path.rmdir(), path.write_text("not hex")), "is not an audit key"),
        (lambda: path.write_text(os.urandom(32).hex()), "can be read by others"),
        (lambda: path.chmod(0o600), "is not the key the audit trail is signed with"),
    ]:
        prepare()
        with pytest.raises(AuditKeyError) as caught:
            open_key(sqlite_db, path)
        line = str(caught.value)
        if says not in line or "\n" in line or str(path) not in line:
            problems.append(line)
    assert not problems
    path.unlink()
    create_key(path)
    with pytest.raises(AuditKeyError, match="not the key"):  # a record by a seat with another key
        AuditTrail(load_key(path), now).write(
            sqlite_db, AuditEntry("x", "A-01", AuditAction.EXPORT)
        )
