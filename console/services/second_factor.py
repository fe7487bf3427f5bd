"""Password hashing and the second factor: argon2id, RFC 6238 one-time codes, recovery codes.

Password hashes are argon2id with the OWASP Password Storage Cheat Sheet's minimum argon2id
configuration: m = 19 MiB (19,456 KiB), t = 2 iterations, p = 1
(https://cheatsheetseries.owasp.org/cheatsheets/Password_Storage_Cheat_Sheet.html, "Argon2id").
A hash made with other parameters is replaced at the next good sign-in.

One-time codes are TOTP (RFC 6238: SHA-1, 6 digits, 30 s steps, pyotp), accepted one step
either side for clock skew, each time step once (the last one used is stored). Recovery codes
are 10 random codes of 10 characters (~49 bits each) shown once; only their SHA-256 is stored:
they are random, not chosen by a person, so a fast hash does not make them guessable.
"""

from __future__ import annotations

import hashlib
import hmac
import io
import secrets
from dataclasses import dataclass
from datetime import datetime

import pyotp
from argon2 import PasswordHasher, Type
from argon2.exceptions import InvalidHashError, VerificationError, VerifyMismatchError

# OWASP Password Storage Cheat Sheet, argon2id minimum: m=19 MiB, t=2, p=1.
ARGON2_MEMORY_KIB = 19_456
ARGON2_TIME_COST = 2
ARGON2_PARALLELISM = 1

TOTP_DIGITS = 6
TOTP_STEP_S = 30
TOTP_SKEW_STEPS = 1
ISSUER = "Linkage Console"
RECOVERY_CODES = 10
_RECOVERY_ALPHABET = "abcdefghjkmnpqrstuvwxyz23456789"  # no 0/o, 1/l/i
_RECOVERY_LEN = 10


def password_hasher() -> PasswordHasher:
    return PasswordHasher(
        time_cost=ARGON2_TIME_COST,
        memory_cost=ARGON2_MEMORY_KIB,
        parallelism=ARGON2_PARALLELISM,
        hash_len=32,
        salt_len=16,
        type=Type.ID,
    )


def verify_password(hasher: PasswordHasher, stored: str, password: str) -> bool:
    try:  # a lone surrogate (pasted garbage) is not UTF-8: as bytes it matches nothing
        return hasher.verify(stored, password.encode("utf-8", "surrogatepass"))
    except (VerifyMismatchError, VerificationError, InvalidHashError):
        return False


def new_totp_secret() -> str:
    return pyotp.random_base32()  # 32 base32 characters: 160 bits, RFC 4226's recommendation


@dataclass(frozen=True, slots=True)
class Enrolment:
    """What the authenticator app needs: the secret, as a URI and as a QR code."""

    login: str
    secret: str

    @property
    def provisioning_uri(self) -> str:
        return pyotp.TOTP(self.secret).provisioning_uri(name=self.login, issuer_name=ISSUER)

    def qr_png(self, scale: int = 6) -> bytes:
        """The URI as a PNG QR code (segno), for the sign-in screen to show."""
        out = io.BytesIO()
        import segno  # the enrolment's QR code only: ~7 ms of every seat's start otherwise

        segno.make(self.provisioning_uri, error="m").save(out, kind="png", scale=scale, border=4)
        return out.getvalue()


def totp_step(secret: str, code: str, now: datetime, after: int | None) -> int | None:
    """The time step ``code`` is valid for at ``now`` (± skew), if later than ``after``."""
    totp = pyotp.TOTP(secret)
    current = int(now.timestamp()) // TOTP_STEP_S
    for step in range(current - TOTP_SKEW_STEPS, current + TOTP_SKEW_STEPS + 1):
        expected = totp.at(step * TOTP_STEP_S)
        if hmac.compare_digest(expected, code) and (after is None or step > after):
            return step
    return None


def is_totp_code(text: str) -> bool:
    return len(text) == TOTP_DIGITS and text.isascii() and text.isdigit()


def new_recovery_codes() -> list[str]:
    codes = []
    for _ in range(RECOVERY_CODES):
        raw = "".join(secrets.choice(_RECOVERY_ALPHABET) for _ in range(_RECOVERY_LEN))
        codes.append(f"{raw[:5]}-{raw[5:]}")
    return codes


def recovery_hash(code: str) -> str:
    """The stored form of a recovery code as typed (any case, spaces or dashes anywhere)."""
    normal = "".join(ch for ch in code.lower() if ch not in " -")
    return hashlib.sha256(normal.encode()).hexdigest()


def code_text(text: str) -> str:
    """A one-time or recovery code as typed, trimmed and without inner spaces."""
    return "".join(text.split())
