"""One seat's sign-ins: who sits at it, and every moment that changes (the audit trail's hook).

The sign-in screen and the idle lock call this, never :class:`AccountService` directly, so each
sign-in, refusal, lockout, idle lock, unlock and sign-out passes through one place and is told to
the listeners (:meth:`SeatSessions.listen`) as a :class:`SessionNote`. A listener runs on the
thread that called (sign-in calls run on the UI's write worker, locks and sign-outs on the Qt
thread); it must not raise (one that does is logged and the others still hear the note).

A seat takes the calls of one platform (its line): an account of the other platform is refused
here, after its password proved who it is.
"""

from __future__ import annotations

import enum
import logging
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime

from console.domain.audit import AuditAction
from console.domain.orders import Platform
from console.domain.refusals import Refused
from console.domain.roles import Principal
from console.services.accounts import AccountService, Enrolled, Enrolment
from console.services.audit import AuditTrail
from console.store.engine import Database

log = logging.getLogger(__name__)

NEXT_STEPS = frozenset({"password_change_needed", "totp_needed", "totp_enrol_needed"})
"""Refusals that name the next step of a sign-in, not a failed one."""


class SessionEvent(enum.StrEnum):
    SIGNED_IN = "signed_in"
    NEXT_STEP = "next_step"  # password change, one-time code or enrolment asked (code says)
    REFUSED = "refused"  # a wrong password, code… (code says which)
    LOCKED_OUT = "locked_out"  # too many wrong tries: the account is locked for a while
    PASSWORD_CHANGED = "password_changed"
    TOTP_ENROLLED = "totp_enrolled"
    IDLE_LOCKED = "idle_locked"  # the seat covered itself after idle_lock_min untouched
    UNLOCKED = "unlocked"
    SIGNED_OUT = "signed_out"


@dataclass(frozen=True, slots=True)
class SessionNote:
    event: SessionEvent
    login: str  # as typed (trimmed, at most 64 characters) when the sign-in was refused
    seat: str
    at: datetime
    code: str = ""  # the refusal's code, if any


Listener = Callable[[SessionNote], None]


class SeatSessions:
    def __init__(
        self,
        accounts: AccountService,
        clock: Callable[[], datetime],
        seat: str,
        platform: Platform,
    ) -> None:
        self._accounts = accounts
        self._clock = clock
        self.seat = seat
        self.platform = platform
        self._listeners: list[Listener] = []

    def listen(self, listener: Listener) -> None:
        """Hear every note of this seat (e.g. ``AuditTrail.record``)."""
        self._listeners.append(listener)

    def sign_in(self, login: str, password: str, totp: str | None = None) -> Principal:
        return self._through(login, lambda: self._accounts.sign_in(login, password, totp))

    def unlock(self, login: str, password: str, totp: str | None = None) -> Principal:
        """The same check as signing in, for the account that locked the seat."""
        principal = self._through(
            login, lambda: self._accounts.sign_in(login, password, totp), SessionEvent.UNLOCKED
        )
        return principal

    def change_password(self, login: str, old: str, new: str, totp: str | None = None) -> Principal:
        def change() -> Principal:
            try:
                return self._accounts.change_password(login, old, new, totp)
            except Refused as exc:
                if exc.code == "totp_enrol_needed":  # the new password stands already
                    self._tell(SessionEvent.PASSWORD_CHANGED, login)
                raise

        principal = self._through(login, change, SessionEvent.PASSWORD_CHANGED)
        self._tell(SessionEvent.SIGNED_IN, principal.login)
        return principal

    def start_totp(self, login: str, password: str) -> Enrolment:
        try:
            return self._accounts.start_totp(login, password)
        except Refused as exc:
            self._refused(login, exc)
            raise

    def confirm_totp(self, login: str, password: str, secret: str, code: str) -> Enrolled:
        try:
            enrolled = self._accounts.confirm_totp(login, password, secret, code)
            self._on_this_seat(enrolled.principal)
        except Refused as exc:
            self._refused(login, exc)
            raise
        self._tell(SessionEvent.TOTP_ENROLLED, enrolled.principal.login)
        self._tell(SessionEvent.SIGNED_IN, enrolled.principal.login)
        return enrolled

    def idle_locked(self, login: str) -> None:
        self._tell(SessionEvent.IDLE_LOCKED, login)

    def signed_out(self, login: str) -> None:
        self._tell(SessionEvent.SIGNED_OUT, login)

    # -- the one place every note passes -------------------------------------------------------

    def _through(
        self,
        login: str,
        call: Callable[[], Principal],
        event: SessionEvent = SessionEvent.SIGNED_IN,
    ) -> Principal:
        try:
            principal = call()
            self._on_this_seat(principal)
        except Refused as exc:
            self._refused(login, exc)
            raise
        self._tell(event, principal.login)
        return principal

    def _on_this_seat(self, principal: Principal) -> None:
        if principal.platform is not self.platform:
            raise Refused(
                "seat_other_platform", seat=self.platform.value, platform=principal.platform.value
            )

    def _refused(self, login: str, exc: Refused) -> None:
        if exc.code in NEXT_STEPS:
            event = SessionEvent.NEXT_STEP
        elif exc.code == "sign_in_locked":
            event = SessionEvent.LOCKED_OUT
        else:
            event = SessionEvent.REFUSED
        self._tell(event, login, exc.code)

    def _tell(self, event: SessionEvent, login: str, code: str = "") -> None:
        note = SessionNote(event, login.strip()[:64], self.seat, self._clock(), code)
        for listener in self._listeners:
            try:
                listener(note)
            except Exception:  # one deaf listener must not keep a seat from signing in
                log.exception("a session listener failed on %s", note.event.value)


SEAT_AUDIT = {
    SessionEvent.IDLE_LOCKED: AuditAction.IDLE_LOCK,
    SessionEvent.UNLOCKED: AuditAction.UNLOCK,
    SessionEvent.SIGNED_OUT: AuditAction.SIGN_OUT,
}
"""The session moments the audit trail records as seat events. Sign-ins, refusals, lockouts and
password or authenticator changes are recorded by :class:`AccountService` itself, in the same
transaction as the account's change."""


def audited(
    trail: AuditTrail, db: Database, seat: str, submit: Callable[[Callable[[], None]], object]
) -> Listener:
    """A listener that records :data:`SEAT_AUDIT` moments of ``seat``; ``submit`` runs each write
    off the caller's thread (idle lock and sign-out happen on the GUI thread)."""

    def listen(note: SessionNote) -> None:
        action = SEAT_AUDIT.get(note.event)
        if action is not None:
            submit(lambda: trail.seat_event(db, action, note.login, seat))

    return listen
