"""The site's password and sign-in policy, and the checks that read it.

The defaults: at least 8 characters from at least 3 of the 4 classes (lower case, upper case,
digits, anything else — a Chinese character counts as "anything else"), not the login nor the
login reversed (any case), changed at the first sign-in and every 90 days; 5 failed attempts
in a row lock the account for 30 minutes. A site changes the numbers in ``[security]`` of its
config file (console/config/security.py).

Pure Python: the service (console/services/accounts.py) hashes and stores.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from datetime import datetime, timedelta

from console.domain.refusals import Refused

MAX_PASSWORD = 128  # characters of a new password (a passphrase fits; argon2 hashes any length)
SIGN_IN_CAP = 1024  # characters looked at when signing in: longer is refused before hashing
MAX_LOGIN = 32
MAX_DISPLAY_NAME = 32
LOGIN_PATTERN = re.compile(r"[a-z0-9][a-z0-9._-]{0,31}")  # 工号 or pinyin, compared in lower case


@dataclass(frozen=True, slots=True)
class SecurityPolicy:
    min_length: int = 8
    min_classes: int = 3  # of lower case, upper case, digits, other
    max_age_days: int = 90  # 0: passwords never expire
    max_failures: int = 5  # failed attempts in a row that lock the account
    lock_minutes: int = 30
    totp_for_all: bool = False  # 系统管理员 and 审计员 always need the one-time code
    idle_lock_min: int = 15  # the seat locks itself after this long untouched (the UI's)

    def __post_init__(self) -> None:
        if not 8 <= self.min_length <= MAX_PASSWORD:  # below 8 is below every guideline
            raise ValueError(f"min_length must be 8-{MAX_PASSWORD}")
        if not 1 <= self.min_classes <= 4:
            raise ValueError("min_classes must be 1-4")
        if self.max_age_days < 0 or self.max_failures < 1 or self.lock_minutes < 1:
            raise ValueError("max_age_days >= 0, max_failures >= 1, lock_minutes >= 1")


def normal_login(text: str) -> str | None:
    """``text`` as a login is stored (trimmed, lower case), or None if no account can have it."""
    login = text.strip().lower()
    return login if LOGIN_PATTERN.fullmatch(login) else None


def check_login(text: str) -> str:
    login = normal_login(text)
    if login is None:
        raise Refused("login_invalid")
    return login


def check_display_name(text: str) -> str:
    name = text.strip()
    if not 1 <= len(name) <= MAX_DISPLAY_NAME or not name.isprintable():
        raise Refused("display_name_invalid")
    return name


def classes(password: str) -> int:
    """How many of the four classes (lower, upper, digit, other) ``password`` draws from."""
    kinds = set()
    for ch in password:
        if ch.isascii() and ch.islower():
            kinds.add("lower")
        elif ch.isascii() and ch.isupper():
            kinds.add("upper")
        elif ch.isascii() and ch.isdigit():
            kinds.add("digit")
        else:
            kinds.add("other")
    return len(kinds)


def check_new_password(policy: SecurityPolicy, login: str, password: str) -> str:
    """``password`` as it is hashed (NFC: the same keys give the same text on every keyboard),
    or the :class:`Refused` that says what to change."""
    text = unicodedata.normalize("NFC", password)
    if any(not ch.isprintable() and ch != " " for ch in text):
        raise Refused("password_unprintable")
    if len(text) > MAX_PASSWORD:
        raise Refused("password_too_long", max=str(MAX_PASSWORD))
    if len(text) < policy.min_length:
        raise Refused("password_too_short", min=str(policy.min_length))
    if classes(text) < policy.min_classes:
        raise Refused("password_too_simple", classes=str(policy.min_classes))
    folded = text.casefold()
    if login and folded in (login.casefold(), login.casefold()[::-1]):
        raise Refused("password_is_login")
    return text


def sign_in_text(password: str) -> str:
    """A password typed at sign-in, as it was hashed; :class:`Refused` when it is too long to be
    one (checked before any hashing, so a 10 MB paste costs nothing)."""
    if len(password) > SIGN_IN_CAP:
        raise Refused("password_too_long", max=str(MAX_PASSWORD))
    return unicodedata.normalize("NFC", password)


def locked_until(policy: SecurityPolicy, failures: int, now: datetime) -> datetime | None:
    """After ``failures`` in a row (this one counted), until when the account is locked."""
    if failures >= policy.max_failures:
        return now + timedelta(minutes=policy.lock_minutes)
    return None


def password_expired(policy: SecurityPolicy, set_at: datetime, now: datetime) -> bool:
    return policy.max_age_days > 0 and now - set_at >= timedelta(days=policy.max_age_days)
