"""Signing in: lockout and unlock by time, the password's life, one-time and recovery codes,
hostile input; accounts stored on SQLite and PostgreSQL."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pyotp
import pytest
from argon2 import PasswordHasher, extract_parameters

from console.domain.orders import Platform
from console.domain.passwords import SecurityPolicy
from console.domain.refusals import Refused
from console.domain.roles import Principal, Role
from console.services import second_factor
from console.services.accounts import AccountService
from console.store.engine import Database

FIRST = "Start-2026x"
GOOD = "Better-2027y"


class FakeClock:
    def __init__(self) -> None:
        self.now = datetime(2026, 12, 5, 8, 0, tzinfo=UTC)

    def __call__(self) -> datetime:
        return self.now

    def advance(self, **delta: float) -> None:
        self.now += timedelta(**delta)


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock()


def _service(db: Database, clock: FakeClock, **policy: object) -> AccountService:
    return AccountService(db, clock, SecurityPolicy(**policy))  # type: ignore[arg-type]


def _agent(svc: AccountService, login: str = "wangli") -> Principal:
    svc.add(login, "王丽", Platform.HOTLINE, [Role.AGENT], FIRST)
    return svc.change_password(login, FIRST, GOOD)


def _code(svc: AccountService, **kw: str) -> str:
    with pytest.raises(Refused) as refused:
        svc.sign_in(**kw)
    return refused.value.code


def test_accounts_live_in_the_database(db: Database, clock: FakeClock) -> None:
    svc = _service(db, clock)
    added = svc.add(" LiQiang ", "李强", Platform.POLICE, [Role.OPERATOR, Role.SHIFT_LEAD], FIRST)
    assert added.login == "liqiang" and added.must_change
    again = AccountService(db, clock)  # another seat
    assert _code(again, login="liqiang", password=FIRST) == "password_change_needed"
    signed = again.change_password("LIQIANG", FIRST, GOOD)
    assert signed == Principal("liqiang", "李强", Platform.POLICE,
                               frozenset({Role.OPERATOR, Role.SHIFT_LEAD}))  # fmt: skip
    assert svc.sign_in("liqiang", GOOD) == signed
    with pytest.raises(Refused) as taken:
        svc.add("liqiang", "X", Platform.POLICE, [Role.OPERATOR], FIRST)
    assert taken.value.code == "login_taken"
    svc.set_roles("liqiang", [Role.OPERATOR])
    svc.disable("liqiang")
    [view] = svc.accounts()
    assert view.roles == {Role.OPERATOR} and not view.enabled
    assert _code(svc, login="liqiang", password=GOOD) == "sign_in_refused"


def test_five_failures_lock_for_thirty_minutes_then_it_opens(
    sqlite_db: Database, clock: FakeClock
) -> None:
    svc = _service(sqlite_db, clock)
    _agent(svc)
    for _ in range(4):
        assert _code(svc, login="wangli", password="nope") == "sign_in_refused"
    assert _code(svc, login="wangli", password="nope") == "sign_in_locked"
    assert _code(svc, login="wangli", password=GOOD) == "sign_in_locked"  # right, but locked
    clock.advance(minutes=29, seconds=59)
    assert _code(svc, login="wangli", password=GOOD) == "sign_in_locked"
    clock.advance(seconds=1)
    assert svc.sign_in("wangli", GOOD).login == "wangli"
    # A good sign-in starts the count again.
    for _ in range(4):
        _code(svc, login="wangli", password="nope")
    assert svc.sign_in("wangli", GOOD)
    assert _code(svc, login="wangli", password="nope") == "sign_in_refused"


def test_a_reset_unlocks_and_asks_for_a_change(sqlite_db: Database, clock: FakeClock) -> None:
    svc = _service(sqlite_db, clock)
    _agent(svc)
    for _ in range(5):
        _code(svc, login="wangli", password="nope")
    svc.reset_password("wangli", "Reset-2026z")
    assert _code(svc, login="wangli", password="Reset-2026z") == "password_change_needed"
    assert svc.change_password("wangli", "Reset-2026z", "Third-2028w")


def test_unknown_logins_answer_like_wrong_passwords(sqlite_db: Database, clock: FakeClock) -> None:
    svc = _service(sqlite_db, clock)
    _agent(svc)
    known = [_code(svc, login="wangli", password="nope") for _ in range(6)]
    unknown = [_code(svc, login="nobody", password="nope") for _ in range(6)]
    assert known == unknown == ["sign_in_refused"] * 4 + ["sign_in_locked"] * 2
    clock.advance(minutes=30)
    assert _code(svc, login="nobody", password="nope") == "sign_in_refused"


def test_unknown_logins_cost_what_wrong_passwords_cost(
    sqlite_db: Database, clock: FakeClock, monkeypatch: pytest.MonkeyPatch
) -> None:
    """An unknown login does the same work as a wrong password — one argon2id verify, against a
    hash of the same parameters — so its answer's time says nothing about which logins exist.
    (Counted, not timed: the wall time of a shared test machine says more about its neighbours.)"""
    svc = _service(sqlite_db, clock, max_failures=1000)
    _agent(svc)
    verified: list[str] = []
    real = second_factor.verify_password

    def counted(hasher: PasswordHasher, stored: str, password: str) -> bool:
        verified.append(stored)
        return real(hasher, stored, password)

    monkeypatch.setattr(second_factor, "verify_password", counted)
    for login in ("wangli", "nobody", "wangli", "nobody"):
        assert _code(svc, login=login, password="wrong-password") == "sign_in_refused"
    assert len(verified) == 4  # one verify each, known or not
    costs = [extract_parameters(h) for h in verified]
    assert all(cost == costs[0] for cost in costs), costs  # the same memory, time and lanes
    assert verified[0] != verified[1]  # the known login's own hash; a stand-in for the unknown


def test_passwords_expire_after_90_days(sqlite_db: Database, clock: FakeClock) -> None:
    svc = _service(sqlite_db, clock)
    _agent(svc)
    clock.advance(days=89)
    assert svc.sign_in("wangli", GOOD)
    clock.advance(days=1)
    assert _code(svc, login="wangli", password=GOOD) == "password_change_needed"
    with pytest.raises(Refused) as same:
        svc.change_password("wangli", GOOD, GOOD)
    assert same.value.code == "password_same"
    with pytest.raises(Refused) as weak:
        svc.change_password("wangli", GOOD, "wangli")
    assert weak.value.code == "password_too_short"
    assert svc.change_password("wangli", GOOD, "Fourth-2029v")


@pytest.mark.parametrize(
    ("login", "password", "code"),
    [
        ("", "x", "sign_in_empty"),
        ("wangli", "", "sign_in_empty"),
        ("   ", "x", "sign_in_empty"),
        ("wangli", "x" * 10_240, "password_too_long"),
        ("wangli", "\x00" * 20, "sign_in_refused"),
        ("wang\x00li", GOOD, "sign_in_refused"),
        ("' OR '1'='1", "' OR '1'='1", "sign_in_refused"),
        ("wangli'; DROP TABLE account; --", GOOD, "sign_in_refused"),
        ("王丽", GOOD, "sign_in_refused"),
        ("x" * 100_000, GOOD, "sign_in_refused"),
        ("wangli", "\ud800", "sign_in_refused"),  # a lone surrogate: not even UTF-8
    ],
)
def test_hostile_sign_in_is_a_clear_refusal(
    db: Database, clock: FakeClock, login: str, password: str, code: str
) -> None:
    svc = _service(db, clock)
    _agent(svc)
    assert _code(svc, login=login, password=password) == code
    assert svc.sign_in("wangli", GOOD)  # the account is still there and fine


def _admin(svc: AccountService, clock: FakeClock) -> tuple[str, list[str]]:
    """An administrator through first sign-in and enrolment: its secret and recovery codes."""
    svc.add("root", "管理员", Platform.HOTLINE, [Role.ADMIN], FIRST)
    with pytest.raises(Refused) as enrol:
        svc.change_password("root", FIRST, GOOD)  # changed, but enrolment is next
    assert enrol.value.code == "totp_enrol_needed"
    assert _code(svc, login="root", password=GOOD) == "totp_enrol_needed"
    enrolment = svc.start_totp("root", GOOD)
    assert enrolment.provisioning_uri.startswith("otpauth://totp/")
    assert "secret=" + enrolment.secret in enrolment.provisioning_uri
    assert enrolment.qr_png().startswith(b"\x89PNG\r\n\x1a\n")
    totp = pyotp.TOTP(enrolment.secret)
    with pytest.raises(Refused) as wrong:
        svc.confirm_totp(
            "root", GOOD, enrolment.secret, "000000" if totp.at(clock.now) != "000000" else "111111"
        )
    assert wrong.value.code == "totp_wrong"
    enrolled = svc.confirm_totp("root", GOOD, enrolment.secret, totp.at(clock.now))
    assert enrolled.principal.roles == {Role.ADMIN}
    assert len(set(enrolled.recovery_codes)) == 10
    return enrolment.secret, list(enrolled.recovery_codes)


def test_administrators_enrol_and_sign_in_with_a_one_time_code(
    db: Database, clock: FakeClock
) -> None:
    svc = _service(db, clock)
    secret, _ = _admin(svc, clock)
    totp = pyotp.TOTP(secret)
    assert _code(svc, login="root", password=GOOD) == "totp_needed"
    # The enrolment's code was used: the same step does not count twice.
    assert _code(svc, login="root", password=GOOD, totp=totp.at(clock.now)) == "totp_wrong"
    clock.advance(seconds=30)
    assert svc.sign_in("root", GOOD, totp.at(clock.now)).login == "root"
    clock.advance(seconds=60)  # the step before this one was not used: a late code counts
    assert svc.sign_in("root", GOOD, totp.at(clock.now - timedelta(seconds=30)))
    clock.advance(seconds=90)
    stale = totp.at(clock.now - timedelta(seconds=61))
    assert _code(svc, login="root", password=GOOD, totp=stale) == "totp_wrong"
    assert _code(svc, login="root", password="nope", totp=totp.at(clock.now)) == "sign_in_refused"
    with pytest.raises(Refused) as again:
        svc.start_totp("root", GOOD)
    assert again.value.code == "totp_enrolled"


def test_recovery_codes_work_once_each(sqlite_db: Database, clock: FakeClock) -> None:
    svc = _service(sqlite_db, clock)
    _, codes = _admin(svc, clock)
    assert svc.sign_in("root", GOOD, codes[0].upper().replace("-", " "))
    assert _code(svc, login="root", password=GOOD, totp=codes[0]) == "totp_wrong"
    assert svc.sign_in("root", GOOD, codes[1])
    assert svc.accounts()[0].recovery_left == 8
    clock.advance(seconds=30)
    fresh = svc.renew_recovery_codes("root", GOOD, codes[2])
    assert len(fresh) == 10 and svc.accounts()[0].recovery_left == 10
    assert _code(svc, login="root", password=GOOD, totp=codes[3]) == "totp_wrong"
    assert svc.sign_in("root", GOOD, fresh[0])


def test_wrong_codes_count_towards_the_lock(sqlite_db: Database, clock: FakeClock) -> None:
    svc = _service(sqlite_db, clock)
    _admin(svc, clock)
    codes = [_code(svc, login="root", password=GOOD, totp="12345x") for _ in range(5)]
    assert codes == ["totp_wrong"] * 4 + ["sign_in_locked"]


def test_an_administrator_can_remove_a_lost_app(sqlite_db: Database, clock: FakeClock) -> None:
    svc = _service(sqlite_db, clock)
    _admin(svc, clock)
    svc.reset_totp("root")
    assert _code(svc, login="root", password=GOOD) == "totp_enrol_needed"


def test_the_site_can_ask_everyone_for_a_code(sqlite_db: Database, clock: FakeClock) -> None:
    svc = _service(sqlite_db, clock, totp_for_all=True)
    svc.add("wangli", "王丽", Platform.HOTLINE, [Role.AGENT], FIRST)
    with pytest.raises(Refused) as enrol:
        svc.change_password("wangli", FIRST, GOOD)
    assert enrol.value.code == "totp_enrol_needed"


def test_managing_accounts_needs_the_administrator(sqlite_db: Database, clock: FakeClock) -> None:
    svc = _service(sqlite_db, clock)
    agent = _agent(svc)
    admin = Principal("root", "R", Platform.HOTLINE, frozenset({Role.ADMIN}))
    for call in (
        lambda by: svc.accounts(by=by),
        lambda by: svc.disable("wangli", by=by),
        lambda by: svc.add("x1", "X", Platform.HOTLINE, [Role.AGENT], FIRST, by=by),
    ):
        with pytest.raises(Refused) as refused:
            call(agent)
        assert refused.value.code == "not_allowed"
        call(admin)
    with pytest.raises(Refused) as unknown:
        svc.reset_password("ghost", FIRST)
    assert unknown.value.code == "unknown_account"
    with pytest.raises(Refused) as split:
        svc.set_roles("wangli", [Role.ADMIN, Role.AUDITOR])
    assert split.value.code == "roles_exclusive"
