"""One seat's sign-ins (console/services/sessions.py): every moment told to the listeners, the
audit trail's hook; a listener that fails keeps no one from signing in."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from console.domain.orders import Platform
from console.domain.passwords import SecurityPolicy
from console.domain.refusals import Refused
from console.domain.roles import Role
from console.services.accounts import AccountService
from console.services.sessions import SeatSessions, SessionEvent, SessionNote
from console.store.engine import Database

PASSWORD = "Seat-pass-1"
NOW = datetime(2026, 11, 20, 2, 0, tzinfo=UTC)


def _seat(db: Database) -> tuple[SeatSessions, list[SessionNote]]:
    accounts = AccountService(db, lambda: NOW, SecurityPolicy(max_failures=2))
    accounts.add("wangli", "王丽", Platform.HOTLINE, {Role.AGENT}, "First-pass-1")
    accounts.add("liqiang", "李强", Platform.POLICE, {Role.OPERATOR}, "First-pass-1")
    accounts.change_password("liqiang", "First-pass-1", PASSWORD)
    sessions = SeatSessions(accounts, lambda: NOW, "A-01", Platform.HOTLINE)
    notes: list[SessionNote] = []

    def deaf(_note: SessionNote) -> None:
        raise RuntimeError("the audit trail is away")

    sessions.listen(deaf)
    sessions.listen(notes.append)
    return sessions, notes


def test_each_moment_of_a_seat_is_told_once(sqlite_db: Database) -> None:
    sessions, notes = _seat(sqlite_db)
    with pytest.raises(Refused, match="must be changed"):
        sessions.sign_in("WangLi ", "First-pass-1")
    principal = sessions.change_password("wangli", "First-pass-1", PASSWORD)
    sessions.idle_locked(principal.login)
    sessions.unlock(principal.login, PASSWORD)
    sessions.signed_out(principal.login)
    for _ in range(2):
        with pytest.raises(Refused):
            sessions.sign_in("wangli", "wrong-pass-1")
    said = [(n.event, n.login, n.code) for n in notes]
    assert said == [
        (SessionEvent.NEXT_STEP, "WangLi", "password_change_needed"),
        (SessionEvent.PASSWORD_CHANGED, "wangli", ""),
        (SessionEvent.SIGNED_IN, "wangli", ""),
        (SessionEvent.IDLE_LOCKED, "wangli", ""),
        (SessionEvent.UNLOCKED, "wangli", ""),
        (SessionEvent.SIGNED_OUT, "wangli", ""),
        (SessionEvent.REFUSED, "wangli", "sign_in_refused"),
        (SessionEvent.LOCKED_OUT, "wangli", "sign_in_locked"),
    ]
    assert {(n.seat, n.at) for n in notes} == {("A-01", NOW)}


def test_an_account_of_the_other_platform_is_refused_at_the_seat(sqlite_db: Database) -> None:
    sessions, notes = _seat(sqlite_db)
    with pytest.raises(Refused) as refused:
        sessions.sign_in("liqiang", PASSWORD)
    assert refused.value.code == "seat_other_platform"
    assert refused.value.params == {"seat": "12345", "platform": "110"}
    assert [n.event for n in notes] == [SessionEvent.REFUSED]
