"""The audit trail (留痕) as the use cases write it, and its check.

Record from inside a use case's own write transaction, so the thing done and its audit row are
committed together or not at all::

    with db.write() as session:
        ...                                   # the change itself
        trail.record(session, AuditEntry(who, seat, AuditAction.ORDER_STEP, target=number))

or, when nothing else is written (a failed sign-in, a sign-out), in a transaction of its own::

    trail.write(db, AuditEntry(login, seat, AuditAction.SIGN_IN_FAILED, outcome=AuditOutcome.REFUSED))

``record`` only queues the entry on the session; the entries are chained and inserted when the
transaction commits, as its last statements. So the chain lock (PostgreSQL's advisory lock, see
:mod:`console.store.audit`) is taken at the very end and held only for the commit: a use case
that locks order or alarm rows after recording can never wait on a row while holding the chain,
which is what would let two seats deadlock.

The key lives outside the database, in a file (``audit.key_file``, default next to the site
config, created readable by its owner only): whoever can write SQL but not read that file cannot
rewrite the trail unseen. Every seat that shares a database must hold the same key file.
"""

from __future__ import annotations

import hmac
import os
import sys
from collections.abc import Callable
from datetime import datetime
from pathlib import Path

from sqlalchemy import event
from sqlmodel import Session

from console.domain.audit import (
    GENESIS,
    KEY_BYTES,
    AuditAction,
    AuditEntry,
    AuditRecord,
    Signer,
    Verdict,
    key_id,
    signed_by,
)
from console.domain.audit import verify as verify_chain
from console.store import audit as repo
from console.store.engine import Database

_PENDING = "audit_pending"  # in Session.info: entries waiting for the commit
SEAT_EVENTS = (AuditAction.SIGN_OUT, AuditAction.IDLE_LOCK, AuditAction.UNLOCK)


class AuditKeyError(Exception):
    """The site's audit key cannot be used; the message (one line) says which file and what to do."""


def load_key(path: Path) -> bytes:
    """The key in ``path`` (64 hex digits). Raises :class:`AuditKeyError`."""
    try:
        text = path.read_text(encoding="ascii").strip()
    except FileNotFoundError:
        raise AuditKeyError(
            f"audit key file {path} is missing: copy it from the seat that made it"
        ) from None
    except (OSError, UnicodeDecodeError) as exc:
        reason = exc.strerror if isinstance(exc, OSError) else "not text"
        raise AuditKeyError(f"audit key file {path} cannot be read: {reason}") from None
    try:
        key = bytes.fromhex(text)
    except ValueError:
        key = b""
    if len(key) != KEY_BYTES:
        raise AuditKeyError(
            f"audit key file {path} is not an audit key ({2 * KEY_BYTES} hex digits)"
        )
    if sys.platform != "win32" and path.stat().st_mode & 0o077:
        raise AuditKeyError(
            f"audit key file {path} can be read by others: make it its owner's only (chmod 600)"
        )
    return key


def create_key(path: Path) -> bytes:
    """A new random key in a new file only its owner may read (0600); an existing file wins."""
    try:
        path.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    except FileExistsError:  # another seat made it a moment ago
        return load_key(path)
    except OSError as exc:
        raise AuditKeyError(f"audit key file {path} cannot be created: {exc.strerror}") from None
    key = os.urandom(KEY_BYTES)
    with os.fdopen(fd, "w", encoding="ascii") as out:
        out.write(key.hex() + "\n")
    return key


def open_key(db: Database, path: Path) -> bytes:
    """The key for a console that writes to ``db``: made on first use (an empty trail), refused
    if it is missing while the trail has rows, or if it is not the key those rows were signed
    with. Raises :class:`AuditKeyError`."""
    with db.read() as session:
        top = repo.head(session)
    if top is None and not path.exists():
        return create_key(path)
    key = load_key(path)
    if top is not None and signed_by(top.key_id) != key_id(key):
        raise AuditKeyError(
            f"audit key file {path} (key {key_id(key)}) is not the key the audit trail is signed "
            f"with ({signed_by(top.key_id)}): copy the key file the other seats use"
        )
    return key


class AuditTrail:
    """Appends to the chained audit trail with the site ``key``; ``clock`` stamps the rows."""

    def __init__(self, key: bytes, clock: Callable[[], datetime]) -> None:
        if len(key) != KEY_BYTES:
            raise ValueError(f"an audit key is {KEY_BYTES} bytes")
        self._key, self._signer, self._clock = key, Signer(key), clock
        self.key_id = self._signer.key_id

    def derived_key(self, purpose: bytes) -> bytes:
        """A key for another use of the site key (the personal-data pseudonyms), named by
        ``purpose``: one key file for the site, never the audit key itself."""
        return hmac.digest(self._key, purpose, "sha256")

    def record(self, session: Session, entry: AuditEntry) -> None:
        """Add ``entry`` to the trail when ``session``'s write transaction commits (nothing if it
        rolls back). Call it from inside ``Database.write()``."""
        pending = session.info.get(_PENDING)
        if pending is None:
            pending = session.info[_PENDING] = []
            event.listen(session, "before_commit", self._append)
            event.listen(session, "after_rollback", _forget)
        pending.append(entry)

    def write(self, db: Database, entry: AuditEntry) -> None:
        """Record ``entry`` in a transaction of its own (nothing else to commit with it)."""
        with db.write(notify=False) as session:
            self.record(session, entry)

    def seat_event(self, db: Database, action: AuditAction, who: str, seat: str) -> None:
        """A seat's session changing hands: ``SIGN_OUT``, ``IDLE_LOCK`` (the seat locked itself,
        or was locked), ``UNLOCK`` (after the password was accepted), each a row of its own.
        A wrong unlock password is recorded by ``AccountService.sign_in`` as a failed sign-in."""
        if action not in SEAT_EVENTS:
            raise ValueError(f"{action} is not a seat event: {', '.join(SEAT_EVENTS)}")
        self.write(db, AuditEntry(who, seat, action, target=who))

    def _append(self, session: Session) -> None:
        pending: list[AuditEntry] = session.info.pop(_PENDING, [])
        if not pending:
            return
        repo.lock_chain(session)
        top = repo.head(session)
        if top is not None and signed_by(top.key_id) != self.key_id:
            raise AuditKeyError(
                f"this seat's audit key ({self.key_id}) is not the key the audit trail is signed "
                f"with ({signed_by(top.key_id)}): copy the key file the other seats use"
            )
        # A head rewritten by hand is chained on as it stands: verify names it.
        previous, seq = (top.mac, top.seq) if top is not None else (GENESIS, 0)
        now = self._clock()
        records = []
        for entry in pending:
            seq += 1
            records.append(self._signer.seal(previous, seq, now, entry))
            previous = records[-1].mac
        repo.append(session, records)


def _forget(session: Session) -> None:
    session.info.pop(_PENDING, None)


def verify_trail(db: Database, key: bytes) -> Verdict:
    """Walk the whole trail in one consistent read; the first row that does not fit is named."""
    with db.engine.connect() as conn:
        return verify_chain(key, repo.stream(conn))


def show(
    db: Database,
    *,
    who: str | None = None,
    start: datetime | None = None,
    end: datetime | None = None,
    action: str | None = None,
    before: int | None = None,
    limit: int = 50,
) -> list[AuditRecord]:
    """A page of the trail, newest first (rows with ``seq`` below ``before``)."""
    with db.read() as session:
        return repo.page(
            session, who=who, start=start, end=end, action=action, before=before, limit=limit
        )
