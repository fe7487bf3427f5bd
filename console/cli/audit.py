"""``python -m console audit verify`` and ``audit show``: check the audit trail's chain, and read it.

The commands that change or export something (``users``, ``departments import|retire``,
``report``) record it through :func:`command_line`: ``who`` is the operating system's user,
``seat`` ``cli@<host>``. They open the key as a seat does (made on first use against an empty
trail, refused when it does not fit): nothing is changed or exported unrecorded.

``verify`` exits 0 with the row count when the chain is intact, 1 naming the first row that was
changed, deleted or inserted behind the console's back, 2 when it cannot check (no key file, no
database). ``show`` prints a page of rows, newest first; ``--before SEQ`` pages further back.
There is deliberately no command that deletes audit rows (kept at least 180 days, 网络安全法
art. 21).
"""

from __future__ import annotations

import getpass
import socket
import unicodedata
from dataclasses import dataclass
from datetime import UTC, datetime, time, timedelta
from pathlib import Path
from typing import TYPE_CHECKING
from zoneinfo import ZoneInfo

from console.cli.common import CommandFailed, day

if TYPE_CHECKING:
    from console.domain.audit import AuditAction, AuditEntry, AuditRecord
    from console.services.audit import AuditTrail
    from console.store.engine import Database

CHINA = ZoneInfo("Asia/Shanghai")
EXIT_BROKEN = 1
MAX_LIMIT = 10_000


def _key(path: Path) -> bytes:
    from console.services.audit import AuditKeyError, load_key

    try:
        return load_key(path)
    except AuditKeyError as exc:
        raise CommandFailed(str(exc)) from None


@dataclass(frozen=True, slots=True)
class CommandLine:
    """The audit trail as a command records in it, and who ran the command where."""

    trail: AuditTrail
    who: str
    seat: str

    def entry(self, action: AuditAction, target: str = "", detail: str = "") -> AuditEntry:
        from console.domain.audit import AuditEntry

        return AuditEntry(self.who, self.seat, action, target, detail=detail)


def command_line(db: Database, key_path: Path) -> CommandLine:
    """The trail for a command about to change or export something in ``db``."""
    from console.services.audit import AuditKeyError, AuditTrail, open_key

    try:
        key = open_key(db, key_path)
    except AuditKeyError as exc:
        raise CommandFailed(f"{exc}; nothing was done") from None
    try:
        who = getpass.getuser()
    except (OSError, KeyError):  # no login name in the environment nor the user database
        who = "unknown"
    return CommandLine(
        AuditTrail(key, lambda: datetime.now(UTC)), who, f"cli@{socket.gethostname()}"
    )


def verify(url: str, key_path: Path) -> int:
    from console.services.audit import verify_trail
    from console.store.setup import init_db

    key = _key(key_path)
    db, _ = init_db(url)
    try:
        verdict = verify_trail(db, key)
    finally:
        db.dispose()
    if verdict.broken is not None:
        print(f"audit verify: BROKEN at row {verdict.broken.seq}: {verdict.broken.sentence} "
              f"({verdict.rows:,} rows read)")  # fmt: skip
        return EXIT_BROKEN
    head = f"; head row {verdict.head_seq} mac {verdict.head_mac}" if verdict.rows else ""
    print(f"audit verify: OK, {verdict.rows:,} rows intact{head}")
    return 0


def show(
    url: str,
    *,
    user: str | None,
    start: str | None,
    end: str | None,
    action: str | None,
    before: int | None,
    limit: int,
) -> int:
    from console.domain.audit import AuditAction
    from console.services.audit import show as page
    from console.store.setup import init_db

    if action is not None and action not in set(AuditAction):
        known = ", ".join(a.value for a in AuditAction)
        raise CommandFailed(f"--action {action!r} is not an audit action; known: {known}")
    if not 1 <= limit <= MAX_LIMIT:
        raise CommandFailed(f"--limit must be from 1 to {MAX_LIMIT:,}, got {limit}")
    if before is not None and before < 1:
        raise CommandFailed(f"--before must be a row number from 1, got {before}")
    first = day(start, "--from") if start else None
    last = day(end, "--to") if end else None
    if first and last and last < first:
        raise CommandFailed(f"--to {last} is before --from {first}")
    since = datetime.combine(first, time(), CHINA) if first else None
    until = datetime.combine(last, time(), CHINA) + timedelta(days=1) if last else None
    db, _ = init_db(url)
    try:
        rows = page(db, who=user, start=since, end=until, action=action, before=before,
                    limit=limit)  # fmt: skip
    finally:
        db.dispose()
    header = ["seq", "when (China)", "who", "seat", "action", "target", "outcome", "detail"]
    table = [header] + [_cells(r) for r in rows]
    widths = [max(_width(row[i]) for row in table) for i in range(len(header) - 1)]
    for row in table:
        cells = [_pad(cell, w) for cell, w in zip(row, widths, strict=False)]
        print("  ".join([*cells, _printable(row[-1])]).rstrip())
    if len(rows) == limit:
        print(f"(older rows: --before {rows[-1].seq})")
    return 0


def _cells(r: AuditRecord) -> list[str]:
    when = f"{r.at.astimezone(CHINA):%Y-%m-%d %H:%M:%S}"
    return [str(r.seq), when, r.who, r.seat, r.action, r.target, r.outcome, r.detail]


def _printable(text: str) -> str:
    """A stored value as one line: a control character written into the table by hand must not
    move the terminal's cursor."""
    return "".join(c if c.isprintable() else "?" for c in text)


def _width(text: str) -> int:
    return sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in _printable(text))


def _pad(text: str, width: int) -> str:
    shown = _printable(text)
    return shown + " " * (width - _width(shown))
