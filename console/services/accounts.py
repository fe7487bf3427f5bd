"""Signing in, passwords, one-time codes, and the accounts an administrator keeps.

Every call that proves who someone is takes the login and password again (the sign-in screen
keeps them while it is open; nothing is held here), so the Qt sign-in screen and the command
line call the same methods the same way:

- :meth:`AccountService.sign_in` → a :class:`~console.domain.roles.Principal`, or
  :class:`~console.domain.refusals.Refused`. Three refusals name the next step, not a failure:
  ``password_change_needed`` (→ :meth:`change_password`), ``totp_needed`` (ask for the code and
  call again), ``totp_enrol_needed`` (→ :meth:`start_totp`, then :meth:`confirm_totp`). Each of
  those returns the principal when nothing else is left to do.
- An unknown login, a disabled account and a wrong password give the same refusal after the
  same work (one argon2id verify, against a dummy hash when there is no account); an unknown
  login even locks like a real one, so trying five times tells nothing either. These checks
  are :class:`~console.services.credentials.Credentials`.
- Failed attempts count and lock by the injected clock; a refusal commits the count.
- The administrator's calls (:meth:`add`, :meth:`reset_password`…) take ``by``: the signed-in
  principal, checked against the role matrix; None is the command line, whose user already
  holds the database's own credentials.
- With an ``audit`` trail, each sign-in, failed attempt (the one that locks: ``locked_out``),
  password change, enrolment and account change is one row, in the transaction that changes
  the account (so a refused attempt's row commits with its count); ``who`` is the login tried,
  or the administrator (``operator``, the command line's user, when ``by`` is None).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import datetime
from typing import TypeVar

from sqlmodel import Session

from console.domain import passwords as rules
from console.domain.audit import AuditAction, AuditEntry, AuditOutcome
from console.domain.orders import Platform
from console.domain.passwords import SecurityPolicy
from console.domain.refusals import Refused
from console.domain.roles import SITE, Capability, Principal, Role, allowed, check_roles, needs_totp
from console.services import second_factor as factor
from console.services.audit import AuditTrail
from console.services.credentials import Credentials
from console.services.second_factor import Enrolment
from console.store import accounts as repo
from console.store.engine import Database
from console.store.tables import AccountRow

__all__ = ["AccountService", "AccountView", "Enrolled", "Enrolment"]

T = TypeVar("T")


@dataclass(frozen=True, slots=True)
class Enrolled:
    """A confirmed one-time-code enrolment: the principal and the recovery codes, shown once."""

    principal: Principal
    recovery_codes: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class AccountView:
    """An account as the administrator sees it (no hash, no secret)."""

    login: str
    display_name: str
    platform: Platform
    roles: frozenset[Role]
    enabled: bool
    must_change: bool
    password_set_at: datetime
    locked_until: datetime | None
    totp: bool
    recovery_left: int


class AccountService:
    def __init__(
        self,
        db: Database,
        clock: Callable[[], datetime],
        policy: SecurityPolicy | None = None,
        *,
        audit: AuditTrail | None = None,
        seat: str = "",
        operator: str = "command line",
    ) -> None:
        """``seat``: where sign-ins happen (the audit rows' seat); ``operator``: who the command
        line's changes (``by`` None) are recorded as."""
        self._db = db
        self._audit, self._seat, self._operator = audit, seat, operator
        self._clock = clock
        self._policy = policy or SecurityPolicy()
        self._check = Credentials(clock, self._policy, self._attempt)

    # -- signing in ------------------------------------------------------------------------

    def sign_in(self, login: str, password: str, totp: str | None = None) -> Principal:
        def run(s: Session) -> Principal:
            row = self._check.password(s, login, password)
            self._check.no_change_needed(row)
            self._check.second_factor(s, row, totp)
            return self._signed_in(s, row)

        return self._write(run)

    def change_password(self, login: str, old: str, new: str, totp: str | None = None) -> Principal:
        """Change one's own password (also the way through ``password_change_needed``)."""

        def run(s: Session) -> Principal:
            row = self._check.password(s, login, old)
            self._check.second_factor(s, row, totp)
            text = rules.check_new_password(self._policy, row.login, new)
            if self._check.is_password(row, text):
                raise Refused("password_same")
            self._check.set_password(row, text, must_change=False)
            self._audited(s, row.login, AuditAction.USER_CHANGE, row.login, "password_changed")
            return self._signed_in(s, row)  # may refuse: enrol next (the new password stands)

        return self._write(run)

    def start_totp(self, login: str, password: str) -> Enrolment:
        """A new secret to show as a QR code; nothing is stored until :meth:`confirm_totp`.
        An account with an app already has it removed by an administrator first
        (:meth:`reset_totp`): the password alone must not replace a second factor."""

        def run(s: Session) -> Enrolment:
            row = self._check.password(s, login, password)
            self._check.no_change_needed(row)
            if row.totp_secret is not None:
                raise Refused("totp_enrolled")
            return Enrolment(row.login, factor.new_totp_secret())

        return self._write(run)

    def confirm_totp(self, login: str, password: str, secret: str, code: str) -> Enrolled:
        """Store ``secret`` once ``code`` from the app proves it was scanned, with 10 new
        recovery codes."""

        def run(s: Session) -> Enrolled:
            row = self._check.password(s, login, password)
            self._check.no_change_needed(row)
            if row.totp_secret is not None:
                raise Refused("totp_enrolled")
            step = factor.totp_step(secret, factor.code_text(code), self._clock(), None)
            if step is None:
                raise Refused("totp_wrong")
            codes = factor.new_recovery_codes()
            row.totp_secret, row.totp_last_step = secret, step
            row.recovery_hashes = ",".join(factor.recovery_hash(c) for c in codes)
            self._audited(s, row.login, AuditAction.USER_CHANGE, row.login, "totp_enrolled")
            return Enrolled(self._signed_in(s, row), tuple(codes))

        return self._write(run)

    def renew_recovery_codes(self, login: str, password: str, totp: str) -> tuple[str, ...]:
        """10 new recovery codes in place of the old ones (used up, or lost)."""

        def run(s: Session) -> tuple[str, ...]:
            row = self._check.password(s, login, password)
            self._check.second_factor(s, row, totp)
            if row.totp_secret is None:
                raise Refused("totp_enrol_needed")
            codes = factor.new_recovery_codes()
            row.recovery_hashes = ",".join(factor.recovery_hash(c) for c in codes)
            self._audited(s, row.login, AuditAction.USER_CHANGE, row.login, "recovery_renewed")
            return tuple(codes)

        return self._write(run)

    # -- the administrator's ---------------------------------------------------------------

    def add(
        self,
        login: str,
        display_name: str,
        platform: Platform,
        roles: Iterable[Role],
        password: str,
        by: Principal | None = None,
    ) -> AccountView:
        """A new account; its password is changed at the first sign-in."""
        self._may_manage(by, login)
        name = rules.check_login(login)
        shown = rules.check_display_name(display_name)
        held = check_roles(roles, platform)
        text = rules.check_new_password(self._policy, name, password)

        def run(s: Session) -> AccountView:
            if repo.get(s, name) is not None:
                raise Refused("login_taken", login=name)
            now = self._clock()
            row = AccountRow(login=name, display_name=shown, platform=platform.value,
                             roles=_joined(held), password_hash="", password_set_at=now,
                             created_at=now)  # fmt: skip
            self._check.set_password(row, text, must_change=True)
            s.add(row)
            self._changed(s, by, AuditAction.USER_CHANGE, name,
                          f"added {platform.value} roles={row.roles}")  # fmt: skip
            return _view(row)

        return self._write(run)

    def accounts(self, by: Principal | None = None) -> list[AccountView]:
        self._may_manage(by, "")
        with self._db.read() as s:
            return [_view(row) for row in repo.every(s)]

    def reset_password(self, login: str, password: str, by: Principal | None = None) -> None:
        """A new password, changed at the next sign-in; unlocks the account."""
        self._may_manage(by, login)

        def run(s: Session) -> None:
            row = self._existing(s, login)
            self._check.set_password(row, rules.check_new_password(self._policy, row.login, password),
                               must_change=True)  # fmt: skip
            self._changed(s, by, AuditAction.USER_CHANGE, row.login, "password_reset")

        self._write(run)

    def disable(self, login: str, by: Principal | None = None) -> None:
        self._may_manage(by, login)

        def run(s: Session) -> None:
            row = self._existing(s, login)
            row.enabled = False
            self._changed(s, by, AuditAction.USER_CHANGE, row.login, "disabled")

        self._write(run)

    def reset_totp(self, login: str, by: Principal | None = None) -> None:
        """Remove the account's app and recovery codes: it enrols again at the next sign-in
        (if its roles or the site ask for a code)."""
        self._may_manage(by, login)

        def run(s: Session) -> None:
            row = self._existing(s, login)
            row.totp_secret, row.totp_last_step, row.recovery_hashes = None, None, ""
            self._changed(s, by, AuditAction.USER_CHANGE, row.login, "totp_reset")

        self._write(run)

    def set_roles(self, login: str, roles: Iterable[Role], by: Principal | None = None) -> None:
        self._may_manage(by, login)
        wanted = frozenset(roles)

        def run(s: Session) -> None:
            row = self._existing(s, login)
            before, row.roles = row.roles, _joined(check_roles(wanted, Platform(row.platform)))
            self._changed(s, by, AuditAction.ROLE_CHANGE, row.login, f"{before} -> {row.roles}")

        self._write(run)

    # -- the steps -------------------------------------------------------------------------

    def _write(self, work: Callable[[Session], T]) -> T:
        """Run ``work`` in one transaction that commits even when it refuses: a failed attempt
        is counted, a changed password stays changed when enrolment is still to come."""
        refused: Refused
        with self._db.write(notify=False) as s:  # no queue shows accounts
            try:
                return work(s)
            except Refused as exc:
                refused = exc
        raise refused

    def _signed_in(self, s: Session, row: AccountRow) -> Principal:
        """The principal, once nothing is left to do; the count of failures starts again."""
        row.failed_attempts, row.locked_until = 0, None
        roles = _roles(row.roles)
        if row.totp_secret is None and needs_totp(roles, self._policy.totp_for_all):
            raise Refused("totp_enrol_needed")
        self._audited(s, row.login, AuditAction.SIGN_IN, row.login, "")
        return Principal(row.login, row.display_name, Platform(row.platform), roles)

    def _existing(self, s: Session, login: str) -> AccountRow:
        name = rules.normal_login(login)
        row = repo.get(s, name) if name else None
        if row is None:
            raise Refused("unknown_account", login=login.strip()[:40])
        return row

    def _may_manage(self, by: Principal | None, login: str) -> None:
        if by is not None and not allowed(by, Capability.MANAGE_USERS, SITE):
            if self._audit is not None:  # a refused attempt at accounts is worth a row too
                self._audit.write(self._db, AuditEntry(by.login, self._seat,
                    AuditAction.USER_CHANGE, login.strip()[:40], AuditOutcome.REFUSED,
                    "not_allowed"))  # fmt: skip
            raise Refused("not_allowed")

    # -- the audit trail -------------------------------------------------------------------

    def _audited(self, s: Session, who: str, action: AuditAction, target: str, detail: str,
                 outcome: AuditOutcome = AuditOutcome.OK) -> None:  # fmt: skip
        if self._audit is not None:
            self._audit.record(s, AuditEntry(who, self._seat, action, target, outcome, detail))

    def _attempt(self, s: Session, login: str, locked: datetime | None, why: str) -> None:
        """A refused attempt at ``login``; ``locked`` when this attempt locked it."""
        action = AuditAction.LOCKED_OUT if locked is not None else AuditAction.SIGN_IN_FAILED
        self._audited(s, login or "?", action, login or "?", why, AuditOutcome.REFUSED)

    def _changed(
        self, s: Session, by: Principal | None, action: AuditAction, login: str, detail: str
    ) -> None:
        self._audited(s, by.login if by else self._operator, action, login, detail)


def _joined(roles: frozenset[Role]) -> str:
    return ",".join(r.value for r in Role if r in roles)


def _roles(text: str) -> frozenset[Role]:
    return frozenset(Role(r) for r in text.split(",") if r)


def _view(row: AccountRow) -> AccountView:
    return AccountView(
        login=row.login, display_name=row.display_name, platform=Platform(row.platform),
        roles=_roles(row.roles), enabled=row.enabled, must_change=row.must_change,
        password_set_at=row.password_set_at, locked_until=row.locked_until,
        totp=row.totp_secret is not None,
        recovery_left=len(row.recovery_hashes.split(",")) if row.recovery_hashes else 0,
    )  # fmt: skip
