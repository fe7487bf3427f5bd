"""The audit trail's rules (留痕): what may be recorded, and the tamper-evident chain over it.

Each row carries ``mac = HMAC-SHA256(site key, previous row's mac ‖ this row's canonical
content)`` (:func:`mac_input`: the one canonical form, written and checked alike); the first row
chains on :data:`GENESIS`. The site key lives outside the database (``console.services.audit``),
so whoever can write SQL but does not hold the key cannot change, delete or insert a row without
:func:`verify` naming the first row that no longer fits.
``seq`` counts rows from 1 without gaps and is part of the content: a deleted row leaves a gap.

Row formats: a row's ``key_id`` column names its format and key, ``v2:<key name>`` (length-
prefixed text, chained on the previous MAC as stored). Rows written before format 2 say only
the key's name (format 1: JSON, chained on the previous MAC's bytes); they still verify, and
a row cannot be moved to the other format without the key (``key_id`` is inside the MAC).

What it cannot see on its own: rows cut off the *end* of the chain. ``audit verify`` prints
the head (its ``seq`` and ``mac``) so a site can note it elsewhere and compare later.

Pure Python: no Qt, no SQLAlchemy.
"""

from __future__ import annotations

import hashlib
import hmac
import json
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import UTC, datetime
from enum import StrEnum

GENESIS = "0" * 64  # the MAC the first row chains on
FORMAT = "v2"  # the row format new rows are written in; named in their key_id column
_JSON = json.JSONEncoder(ensure_ascii=False, separators=(",", ":")).encode  # format 1 only
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
    EXCHANGE_REFUSED = "exchange_refused"  # a message from the peer platform refused here
    EXCHANGE_REFUSED_BY_PEER = "exchange_refused_by_peer"  # the peer refused one of ours
    EXCHANGE_CONNECTION_REFUSED = "exchange_connection_refused"  # a peer's certificate refused
    PLATFORM_SPLIT = "platform_split"  # a shared database split: one platform onto its own
    INCIDENT = "incident"  # 应急联动: an incident started, its level changed, an answer recorded, …


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

    def row(self) -> Row:
        """The row as :func:`verify` reads it (the instant as :func:`utc_text`)."""
        r = self
        return (r.seq, utc_text(r.at), r.who, r.seat, r.action, r.target, r.outcome, r.detail,
                r.key_id, r.mac)  # fmt: skip


Row = tuple[int, str, str, str, str, str, str, str, str, str]
"""A row as the database driver gives it: seq, at (:func:`utc_text`), who, seat, action,
target, outcome, detail, key_id, mac."""


def utc_text(at: datetime) -> str:
    """An instant as the MAC covers it (and as SQLite stores it): UTC, to the microsecond."""
    return at.astimezone(UTC).strftime("%Y-%m-%d %H:%M:%S.%f")


def mac_input(
    previous: str, seq: int, at: str, who: str, seat: str, action: str, target: str,
    outcome: str, detail: str, key: str,
) -> bytes:  # fmt: skip
    """The bytes a row's MAC covers (format 2): the previous row's MAC as stored, then every
    column but the MAC, each text as ``length:text`` (so no text can pass for two), UTF-8.
    The one canonical form: :func:`seal` writes with it and :func:`verify` checks with it."""
    return (f"{len(previous)}:{previous}{seq}|{len(at)}:{at}{len(who)}:{who}{len(seat)}:{seat}"
            f"{len(action)}:{action}{len(target)}:{target}{len(outcome)}:{outcome}"
            f"{len(detail)}:{detail}{len(key)}:{key}").encode()  # fmt: skip


def key_id(key: bytes) -> str:
    """A short public name of a key (not the key): rows say which key signed them."""
    return hmac.new(key, b"linkage-console audit key id", hashlib.sha256).hexdigest()[:16]


def row_key_id(key: bytes) -> str:
    """What a new row's ``key_id`` column says: the row format, then the key's name."""
    return f"{FORMAT}:{key_id(key)}"


def signed_by(stored: str) -> str:
    """The key's name in a row's ``key_id`` column, whatever its row format."""
    return stored.rpartition(":")[2]


class Signer:
    """The site key, keyed once: HMAC-SHA256 over :func:`mac_input` (a copy of the keyed
    state per row costs less than keying afresh)."""

    def __init__(self, key: bytes) -> None:
        self._key = key
        self._keyed = hmac.new(key, digestmod=hashlib.sha256)
        self.key_id = key_id(key)
        self.row_key_id = f"{FORMAT}:{self.key_id}"

    def mac(self, previous: str, row: Row) -> str | None:
        """The MAC ``row`` should carry after a row whose MAC is ``previous``; None when the
        row names another key (or a format this console does not know)."""
        seq, at, who, seat, action, target, outcome, detail, kid, _ = row
        try:
            if kid == self.row_key_id:
                h = self._keyed.copy()
                h.update(mac_input(previous, seq, at, who, seat, action, target, outcome, detail,
                                   kid))  # fmt: skip
                return h.hexdigest()
            if kid == self.key_id:  # format 1: the rows written before format 2
                return _mac_v1(self._key, previous, row)
        except (TypeError, ValueError):  # a value SQLite let someone store in a text column
            return ""  # fits no MAC
        return None

    def seal(self, previous: str, seq: int, at: datetime, entry: AuditEntry) -> AuditRecord:
        """The next row after one whose MAC is ``previous``."""
        e, when = entry, at.astimezone(UTC)
        data = mac_input(previous, seq, utc_text(when), e.who, e.seat, e.action.value, e.target,
                         e.outcome.value, e.detail, self.row_key_id)  # fmt: skip
        h = self._keyed.copy()
        h.update(data)
        return AuditRecord(seq, when, e.who, e.seat, e.action.value, e.target, e.outcome.value,
                           e.detail, self.row_key_id, h.hexdigest())  # fmt: skip


def seal(key: bytes, previous: str, seq: int, at: datetime, entry: AuditEntry) -> AuditRecord:
    """The next row after one whose MAC is ``previous`` (:data:`GENESIS` for the first)."""
    return Signer(key).seal(previous, seq, at, entry)


def _mac_v1(key: bytes, previous: str, row: Row) -> str:
    """Format 1 (JSON, chained on the previous MAC's bytes), kept so that the rows written
    with it still verify. Never written any more."""
    seq, at, *rest, _ = row
    instant = datetime.fromisoformat(at)
    instant = instant if instant.tzinfo else instant.replace(tzinfo=UTC)
    when = instant.astimezone(UTC).isoformat(timespec="microseconds")
    try:
        chained = bytes.fromhex(previous)
    except ValueError:  # a MAC rewritten by hand: the writer chained on its text
        chained = previous.encode()
    return hmac.digest(key, chained + _JSON([seq, when, *rest]).encode(), "sha256").hex()


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


def verify(key: bytes, rows: Iterable[Row]) -> Verdict:
    """Walk the chain in ``seq`` order; the first row that does not fit is named.

    A row whose MAC fails was changed, or was inserted without the key. Which: if the row after
    it still chains on its stored MAC, its content was changed after it was written; a row
    numbered outside the chain (``seq`` < 1, or a duplicate) was inserted. A gap in ``seq``
    means rows were deleted."""
    signer = Signer(key)
    mac_of = signer.mac
    previous, expected, count = GENESIS, 1, 0
    suspect: Row | None = None  # a row that failed, waiting for the next to judge it
    for row in rows:
        count += 1
        seq = row[0]
        if suspect is not None:
            follows = seq == suspect[0] + 1 and mac_of(suspect[9], row) == row[9]
            return _done(count, row, _changed(suspect) if follows else _inserted(suspect))
        if seq != expected:
            broken = _inserted(row) if seq < expected else _deleted(expected, seq - 1)
            return _done(count, row, broken)
        mac = mac_of(previous, row)
        if mac is None:
            return _done(count, row, Break(seq, "foreign_key", (
                f"row {seq} was signed with key {signed_by(row[8])}, not this key "
                f"({signer.key_id}): use the key file the site's seats use")))  # fmt: skip
        if mac != row[9]:  # no timing to hide: the stored MAC is no secret
            suspect = row
            continue
        previous, expected = mac, expected + 1
    if suspect is not None:
        return Verdict(count, suspect[0], suspect[9], Break(suspect[0], "changed", (
            f"row {suspect[0]} (the last) does not match its MAC: changed, or added "
            "behind the console's back")))  # fmt: skip
    return Verdict(count, expected - 1, previous if count else "", None)


def _done(count: int, row: Row, broken: Break) -> Verdict:
    return Verdict(count, row[0], row[9], broken)


def _changed(row: Row) -> Break:
    return Break(row[0], "changed", f"row {row[0]} was changed after it was written")


def _inserted(row: Row) -> Break:
    return Break(row[0], "inserted", (
        f"row {row[0]} does not belong to the chain: inserted (or rewritten with its MAC) "
        "behind the console's back"))  # fmt: skip


def _deleted(first: int, last: int) -> Break:
    rows = f"row {first}" if first == last else f"rows {first}-{last}"
    return Break(first, "deleted", f"{rows} missing: deleted behind the console's back")
