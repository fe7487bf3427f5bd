"""Signing in and keeping accounts leave audit rows, on SQLite and PostgreSQL: a sign-in, a
failed attempt and the attempt that locks are one row each with the login and the outcome, even
though a refused attempt is refused; every change to an account is one row; nothing is written
without a trail."""

from __future__ import annotations

import pyotp
import pytest
from sqlalchemy import text

from console.domain.audit import AuditAction
from console.domain.orders import Platform
from console.domain.passwords import SecurityPolicy
from console.domain.refusals import Refused
from console.domain.roles import Principal, Role
from console.services.accounts import AccountService
from console.services.audit import AuditTrail, verify_trail
from console.store.engine import Database
from tests.services.test_accounts import FIRST, GOOD, FakeClock

KEY = bytes(range(32))
Row = tuple[str, str, str, str, str, str]


def rows(db: Database, after: int = 0) -> list[Row]:
    """(who, seat, action, target, outcome, detail) of the rows after ``seq`` ``after``."""
    with db.read() as s:
        found = s.execute(
            text(
                "SELECT who, seat, action, target, outcome, detail FROM audit "
                "WHERE seq > :after ORDER BY seq"
            ),
            {"after": after},
        )
        return [tuple(r) for r in found]  # type: ignore[misc]


def last_seq(db: Database) -> int:
    with db.read() as s:
        return int(s.execute(text("SELECT coalesce(max(seq), 0) FROM audit")).scalar_one())


def service(db: Database, clock: FakeClock) -> AccountService:
    return AccountService(db, clock, SecurityPolicy(), audit=AuditTrail(KEY, clock),
                          seat="A-01", operator="it-admin")  # fmt: skip


def refused(call: object) -> str:
    with pytest.raises(Refused) as caught:
        call()  # type: ignore[operator]
    return caught.value.code


def test_sign_in_failure_and_lockout_are_one_row_each(db: Database) -> None:
    clock = FakeClock()
    svc = service(db, clock)
    svc.add("wangli", "王丽", Platform.HOTLINE, [Role.AGENT], FIRST)
    svc.change_password("wangli", FIRST, GOOD)
    start = last_seq(db)
    svc.sign_in("WangLi", GOOD)
    assert rows(db, start) == [("wangli", "A-01", "sign_in", "wangli", "ok", "")]
    for n in range(1, 5):
        start = last_seq(db)
        assert refused(lambda: svc.sign_in("wangli", "nope")) == "sign_in_refused"
        assert rows(db, start) == [
            ("wangli", "A-01", "sign_in_failed", "wangli", "refused", "sign_in_refused")
        ], n
    start = last_seq(db)
    assert refused(lambda: svc.sign_in("wangli", "nope")) == "sign_in_locked"
    assert rows(db, start) == [
        ("wangli", "A-01", "locked_out", "wangli", "refused", "sign_in_refused")
    ]
    start = last_seq(db)  # locked: even the right password is refused, and recorded
    assert refused(lambda: svc.sign_in("wangli", GOOD)) == "sign_in_locked"
    assert rows(db, start) == [
        ("wangli", "A-01", "sign_in_failed", "wangli", "refused", "sign_in_locked")
    ]
    start = last_seq(db)  # an unknown login is recorded as tried, like a wrong password
    assert refused(lambda: svc.sign_in("nobody", "nope")) == "sign_in_refused"
    assert rows(db, start) == [
        ("nobody", "A-01", "sign_in_failed", "nobody", "refused", "sign_in_refused")
    ]
    assert verify_trail(db, KEY).broken is None


def test_password_change_and_enrolment_are_recorded(db: Database) -> None:
    clock = FakeClock()
    svc = service(db, clock)
    svc.add("root", "管理员", Platform.HOTLINE, [Role.ADMIN], FIRST)
    start = last_seq(db)
    # The password changes though enrolment is still to come: its row commits with it.
    assert refused(lambda: svc.change_password("root", FIRST, GOOD)) == "totp_enrol_needed"
    assert rows(db, start) == [("root", "A-01", "user_change", "root", "ok", "password_changed")]
    enrolment = svc.start_totp("root", GOOD)
    start = last_seq(db)
    svc.confirm_totp("root", GOOD, enrolment.secret, pyotp.TOTP(enrolment.secret).at(clock.now))
    assert rows(db, start) == [
        ("root", "A-01", "user_change", "root", "ok", "totp_enrolled"),
        ("root", "A-01", "sign_in", "root", "ok", ""),
    ]
    start = last_seq(db)
    codes = [refused(lambda: svc.sign_in("root", GOOD, "12345x")) for _ in range(5)]
    assert codes == ["totp_wrong"] * 4 + ["sign_in_locked"]
    assert [(r[2], r[5]) for r in rows(db, start)] == [("sign_in_failed", "totp_wrong")] * 4 + [
        ("locked_out", "totp_wrong")
    ]


def test_every_account_change_is_one_row_by_whoever_made_it(db: Database) -> None:
    clock = FakeClock()
    svc = service(db, clock)
    admin = Principal("root", "R", Platform.HOTLINE, frozenset({Role.ADMIN}))
    changes = [
        (lambda: svc.add("liqiang", "李强", Platform.POLICE, [Role.OPERATOR], FIRST),
         ("it-admin", "A-01", "user_change", "liqiang", "ok", "added 110 roles=operator")),
        (lambda: svc.set_roles("liqiang", [Role.OPERATOR, Role.SHIFT_LEAD], by=admin),
         ("root", "A-01", "role_change", "liqiang", "ok", "operator -> operator,lead")),
        (lambda: svc.reset_password("liqiang", GOOD, by=admin),
         ("root", "A-01", "user_change", "liqiang", "ok", "password_reset")),
        (lambda: svc.reset_totp("liqiang"),
         ("it-admin", "A-01", "user_change", "liqiang", "ok", "totp_reset")),
        (lambda: svc.disable("liqiang", by=admin),
         ("root", "A-01", "user_change", "liqiang", "ok", "disabled")),
    ]  # fmt: skip
    for change, row in changes:
        start = last_seq(db)
        change()
        assert rows(db, start) == [row]
    agent = Principal("wangli", "王丽", Platform.HOTLINE, frozenset({Role.AGENT}))
    start = last_seq(db)
    assert refused(lambda: svc.disable("liqiang", by=agent)) == "not_allowed"
    assert rows(db, start) == [
        ("wangli", "A-01", "user_change", "liqiang", "refused", "not_allowed")
    ]
    start = last_seq(db)  # a change refused for its content changes nothing: no row
    assert refused(lambda: svc.add("liqiang", "X", Platform.POLICE, [Role.OPERATOR], FIRST))
    assert rows(db, start) == []
    assert verify_trail(db, KEY).broken is None


def test_without_a_trail_nothing_is_written(sqlite_db: Database) -> None:
    svc = AccountService(sqlite_db, FakeClock())
    svc.add("wangli", "王丽", Platform.HOTLINE, [Role.AGENT], FIRST)
    refused(lambda: svc.sign_in("wangli", "nope"))
    assert rows(sqlite_db) == []


def test_lock_unlock_and_sign_out_are_one_row_each(db: Database) -> None:
    trail = AuditTrail(KEY, FakeClock())
    for action in (AuditAction.IDLE_LOCK, AuditAction.UNLOCK, AuditAction.SIGN_OUT):
        trail.seat_event(db, action, "wangli", "A-01")
    assert rows(db) == [("wangli", "A-01", a, "wangli", "ok", "")
                        for a in ("idle_lock", "unlock", "sign_out")]  # fmt: skip
    with pytest.raises(ValueError, match="not a seat event"):
        trail.seat_event(db, AuditAction.EXPORT, "wangli", "A-01")
    assert len(rows(db)) == 3
