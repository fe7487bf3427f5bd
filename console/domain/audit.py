"""The audit trail's rules (留痕): what may be recorded, and the tamper-evident chain over it.

Each row carries ``mac = HMAC-SHA256(site key, previous row's mac ‖ this row's canonical
content)``; the first row chains on :data:`GENESIS`. The site key lives outside the database
(see ``console.services.audit``), so whoever can write SQL but does not hold the key cannot
change, delete or insert a row without :func:`verify` naming the first row that no longer fits.
``seq`` counts rows from 1 without gaps and is part of the content: a deleted row leaves a gap.

What it cannot see on its own: rows cut off the *end* of the chain. ``audit verify`` prints
the head (its ``seq`` and ``mac``) so a site can note it elsewhere and compare later.

Pure Python: no Qt, no SQLAlchemy.
"""

from __future__ import annotations

import hashlib
import hmac
import json
from collections.abc import Iterable
from dataclasses import dataclass, replace
from datetime import UTC, datetime
from enum import StrEnum

GENESIS = bytes(32)  # what the first row chains on
_JSON = json.JSONEncoder(ensure_ascii=False, separators=(",", ":")).encode  # one form, made once
KEY_BYTES = 32
MAX_TEXT = 500  # target and detail are cut to this many characters


class AuditAction(StrEnum):
    """Everything the console records about who did what. A new kind of record is one member
    here; the table stores the value."""

    SIGN_IN = "sign_in"
    SIGN_OUT = "sign_out"
    SIGN_IN_FAILED = "sign_in_failed"
    LOCKED_OUT = "locked_out"  # too many failed sign-ins
    IDLE_LOCK = "idle_lock"  # the seat locked itself after idling
    UNLOCK = "unlock"
    ORDER_STEP = "order_step"  # a line on an order's timeline (created, signed for, …)
    ALARM_ACK = "alarm_ack"  # 确认
    ESCALATION = "escalation"  # 督办 of an alarm to a named person
    REVEAL_PERSONAL_DATA = "reveal_personal_data"  # a masked phone, name or address shown
    USER_CHANGE = "user_change"
    ROLE_CHANGE = "role_change"
    DIRECTORY_CHANGE = "directory_change"  # the dispatch directory (承办单位)
    POLICY_CHANGE = "policy_change"  # deadline policy, calendar
    CONFIG_CHANGE = "config_change"
    EXPORT = "export"
    PURGE = "purge"


class AuditOutcome(StrEnum):
    OK = "ok"
    REFUSED = "refused"  # the console said no (a wrong password, a step not allowed)
    FAILED = "failed"  # it was tried and broke


@dataclass(frozen=True, slots=True)
class AuditEntry:
    """One thing to record: ``who`` (the login, or today the agent's name), at ``seat``, did
    ``action`` to ``target`` (an order number, an alarm id, a login) with ``outcome``.
    ``detail`` says what exactly, without personal data (no notes, no phone numbers)."""

    who: str
    seat: str
    action: AuditAction
    target: str = ""
    outcome: AuditOutcome = AuditOutcome.OK
    detail: str = ""

    def __post_init__(self) -> None:
        if not isinstance(self.action, AuditAction):
            raise TypeError(f"action must be an AuditAction, not {self.action!r}")
        if not isinstance(self.outcome, AuditOutcome):
            raise TypeError(f"outcome must be an AuditOutcome, not {self.outcome!r}")
        object.__setattr__(self, "target", self.target[:MAX_TEXT])
        object.__setattr__(self, "detail", self.detail[:MAX_TEXT])


@dataclass(frozen=True, slots=True)
class AuditRecord:
    """A row of the trail as stored: plain text, so a row rewritten with a value no
    :class:`AuditAction` has can still be read, shown and judged."""

    seq: int
    at: datetime  # UTC
    who: str
    seat: str
    action: str
    target: str
    outcome: str
    detail: str
    key_id: str
    mac: str  # hex

    def content(self) -> bytes:
        """The bytes its MAC covers: every column but the MAC, in one unambiguous form."""
        when = self.at.astimezone(UTC).isoformat(timespec="microseconds")
        fields = [self.seq, when, self.who, self.seat, self.action, self.target, self.outcome,
                  self.detail, self.key_id]  # fmt: skip
        return _JSON(fields).encode()


def key_id(key: bytes) -> str:
    """A short public name of a key (not the key): rows say which key signed them."""
    return hmac.new(key, b"linkage-console audit key id", hashlib.sha256).hexdigest()[:16]


def chain_mac(key: bytes, previous: bytes, content: bytes) -> bytes:
    return hmac.digest(key, previous + content, "sha256")


def seal(key: bytes, previous: bytes, seq: int, at: datetime, entry: AuditEntry) -> AuditRecord:
    """The next row after one whose MAC is ``previous``."""
    e = entry
    unsealed = AuditRecord(seq, at.astimezone(UTC), e.who, e.seat, e.action.value, e.target,
                           e.outcome.value, e.detail, key_id(key), "")  # fmt: skip
    return replace(unsealed, mac=chain_mac(key, previous, unsealed.content()).hex())


@dataclass(frozen=True, slots=True)
class Break:
    """Where the chain first stops fitting: the row's ``seq`` and what was done to it."""

    seq: int
    what: str  # changed | deleted | inserted | foreign_key
    sentence: str


@dataclass(frozen=True, slots=True)
class Verdict:
    rows: int  # rows read
    head_seq: int
    head_mac: str
    broken: Break | None


def _mac_of(record: AuditRecord) -> bytes:
    try:
        return bytes.fromhex(record.mac)
    except ValueError:
        return b""


def verify(key: bytes, records: Iterable[AuditRecord]) -> Verdict:
    """Walk the chain in ``seq`` order; the first row that does not fit is named.

    A row whose MAC fails was changed, or was inserted without the key. Which: if the row after
    it still chains on its stored MAC, its content was changed after it was written; a row
    numbered outside the chain (``seq`` < 1, or a duplicate) was inserted. A gap in ``seq``
    means rows were deleted."""
    kid = key_id(key)
    previous, expected, count = GENESIS, 1, 0
    suspect: AuditRecord | None = None  # a row that failed, waiting for the next to judge it
    for record in records:
        count += 1
        if suspect is not None:
            stored = _mac_of(suspect)
            follows = record.seq == suspect.seq + 1 and hmac.compare_digest(
                chain_mac(key, stored, record.content()),
                _mac_of(record),
            )
            return _done(count, record, _changed(suspect) if follows else _inserted(suspect))
        if record.seq < expected:
            return _done(count, record, _inserted(record))
        if record.seq > expected:
            return _done(count, record, _deleted(expected, record.seq - 1))
        if record.key_id != kid:
            return _done(count, record, Break(record.seq, "foreign_key", (
                f"row {record.seq} was signed with key {record.key_id}, not this key ({kid}): "
                "use the key file the site's seats use")))  # fmt: skip
        mac = chain_mac(key, previous, record.content())
        if not hmac.compare_digest(mac, _mac_of(record)):
            suspect = record
            continue
        previous, expected = mac, expected + 1
    if suspect is not None:
        return Verdict(count, suspect.seq, suspect.mac, Break(suspect.seq, "changed", (
            f"row {suspect.seq} (the last) does not match its MAC: changed, or added "
            "behind the console's back")))  # fmt: skip
    return Verdict(count, expected - 1, previous.hex() if count else "", None)


def _done(count: int, record: AuditRecord, broken: Break) -> Verdict:
    return Verdict(count, record.seq, record.mac, broken)


def _changed(record: AuditRecord) -> Break:
    return Break(record.seq, "changed", f"row {record.seq} was changed after it was written")


def _inserted(record: AuditRecord) -> Break:
    return Break(record.seq, "inserted", (
        f"row {record.seq} does not belong to the chain: inserted (or rewritten with its MAC) "
        "behind the console's back"))  # fmt: skip


def _deleted(first: int, last: int) -> Break:
    rows = f"row {first}" if first == last else f"rows {first}-{last}"
    return Break(first, "deleted", f"{rows} missing: deleted behind the console's back")
