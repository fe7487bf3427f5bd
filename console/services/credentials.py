"""Proving who someone is, for :class:`console.services.accounts.AccountService`: the password
(with the failure count and the lock, for unknown logins too), the one-time or recovery code,
and whether the password must change first. Each check raises
:class:`~console.domain.refusals.Refused`; a refused attempt is recorded through ``attempt``
(the service's audit trail) in the caller's transaction.
"""

from __future__ import annotations

from collections import OrderedDict
from collections.abc import Callable
from datetime import datetime
from typing import NoReturn
from zoneinfo import ZoneInfo

from sqlmodel import Session

from console.domain import passwords as rules
from console.domain.passwords import SecurityPolicy
from console.domain.refusals import Refused
from console.services import second_factor as factor
from console.store import accounts as repo
from console.store.tables import AccountRow

_PHANTOMS = 1024  # unknown logins whose failures are remembered (this process only)

# (session, login tried, the lock this attempt set or None, why) → the attempt's audit row
Attempt = Callable[[Session, str, datetime | None, str], None]


class Credentials:
    def __init__(
        self, clock: Callable[[], datetime], policy: SecurityPolicy, attempt: Attempt
    ) -> None:
        self._clock, self._policy, self._attempt = clock, policy, attempt
        self._hasher = factor.password_hasher()
        # Verified when there is no account, so that costs what a wrong password costs.
        self._dummy = self._hasher.hash("no such account: " + factor.new_totp_secret())
        self._phantoms: OrderedDict[str, tuple[int, datetime | None]] = OrderedDict()

    def is_password(self, row: AccountRow, text: str) -> bool:
        """Whether ``text`` is the account's password now (a new one must differ)."""
        return factor.verify_password(self._hasher, row.password_hash, text)

    def password(self, s: Session, login: str, password: str) -> AccountRow:
        if not login.strip() or not password:
            raise Refused("sign_in_empty")
        text = rules.sign_in_text(password)
        name = rules.normal_login(login)
        row = repo.get(s, name, for_update=True) if name else None
        if row is None or not row.enabled:
            self._phantom(s, name or "", text)
        now = self._clock()
        if row.locked_until is not None and row.locked_until > now:
            factor.verify_password(self._hasher, self._dummy, text)  # the same time
            self._attempt(s, row.login, None, "sign_in_locked")
            raise Refused("sign_in_locked", until=_shown(row.locked_until))
        if row.locked_until is not None:  # the lock has run out: a fresh count
            row.locked_until, row.failed_attempts = None, 0
        if not factor.verify_password(self._hasher, row.password_hash, text):
            self._failed(s, row, now)
        if self._hasher.check_needs_rehash(row.password_hash):
            row.password_hash = self._hasher.hash(text)
        return row

    def _phantom(self, s: Session, name: str, text: str) -> NoReturn:
        """No account (or a disabled one): the same work and the same refusals as a wrong
        password, lock included. Raises."""
        factor.verify_password(self._hasher, self._dummy, text)
        now = self._clock()
        failures, until = self._phantoms.pop(name, (0, None))
        if until is not None and until > now:
            self._phantoms[name] = (failures, until)
            self._attempt(s, name, None, "sign_in_locked")
            raise Refused("sign_in_locked", until=_shown(until))
        failures = 0 if until is not None else failures
        failures += 1
        until = rules.locked_until(self._policy, failures, now)
        self._phantoms[name] = (failures, until)
        while len(self._phantoms) > _PHANTOMS:
            self._phantoms.popitem(last=False)
        self._refuse_attempt(s, name, until)

    def _failed(self, s: Session, row: AccountRow, now: datetime) -> NoReturn:
        row.failed_attempts += 1
        row.locked_until = rules.locked_until(self._policy, row.failed_attempts, now)
        self._refuse_attempt(s, row.login, row.locked_until)

    def _refuse_attempt(self, s: Session, login: str, until: datetime | None) -> NoReturn:
        """A wrong password (or unknown login): refused, and locked if this was one too many."""
        self._attempt(s, login, until, "sign_in_refused")
        if until is not None:
            raise Refused("sign_in_locked", until=_shown(until))
        raise Refused("sign_in_refused", attempts=str(self._policy.max_failures),
                      minutes=str(self._policy.lock_minutes))  # fmt: skip

    def no_change_needed(self, row: AccountRow) -> None:
        if row.must_change or rules.password_expired(
            self._policy, row.password_set_at, self._clock()
        ):
            raise Refused("password_change_needed")

    def second_factor(self, s: Session, row: AccountRow, given: str | None) -> None:
        """The one-time code (or a recovery code) when the account has enrolled an app."""
        if row.totp_secret is None:
            return
        code = factor.code_text(given or "")
        if not code:
            raise Refused("totp_needed")
        now = self._clock()
        if factor.is_totp_code(code):
            step = factor.totp_step(row.totp_secret, code, now, row.totp_last_step)
            if step is not None:
                row.totp_last_step = step
                return
        elif len(code) <= 32:
            left = row.recovery_hashes.split(",") if row.recovery_hashes else []
            digest = factor.recovery_hash(code)
            if digest in left:
                left.remove(digest)
                row.recovery_hashes = ",".join(left)
                return
        row.failed_attempts += 1
        row.locked_until = rules.locked_until(self._policy, row.failed_attempts, now)
        self._attempt(s, row.login, row.locked_until, "totp_wrong")
        if row.locked_until is not None:
            raise Refused("sign_in_locked", until=_shown(row.locked_until))
        raise Refused("totp_wrong")

    def set_password(self, row: AccountRow, text: str, must_change: bool) -> None:
        row.password_hash = self._hasher.hash(text)
        row.password_set_at = self._clock()
        row.must_change = must_change
        row.failed_attempts, row.locked_until = 0, None


def _shown(at: datetime) -> str:
    """An instant as the refusal says it: China time, to the minute."""
    return at.astimezone(ZoneInfo("Asia/Shanghai")).strftime("%Y-%m-%d %H:%M")
