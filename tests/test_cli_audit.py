"""``python -m console audit verify|show`` as IT runs them: exit 0 and a count when the chain is
intact, 1 naming the row when it is not, 2 and one line when it cannot check."""

from __future__ import annotations

import os
from datetime import UTC, datetime
from pathlib import Path

from sqlalchemy import text

from console.config import audit_key_path, load_settings
from console.domain.audit import AuditAction, AuditEntry, AuditOutcome
from console.services.audit import AuditTrail, create_key
from console.store.setup import init_db
from tests.test_cli import console


def _trail(rows: int) -> None:
    key = create_key(audit_key_path(load_settings({}, os.environ)))
    db, _ = init_db(os.environ["CONSOLE_DB"])
    trail = AuditTrail(key, lambda: datetime(2026, 12, 1, 1, 0, tzinfo=UTC))
    for n in range(1, rows + 1):
        who = "王丽" if n % 2 else "张伟"
        trail.write(db, AuditEntry(who, "A-01", AuditAction.ORDER_STEP, f"12345-{n}", detail="x"))
    trail.write(db, AuditEntry("李强", "J-01", AuditAction.SIGN_IN_FAILED, "李强",
                               AuditOutcome.REFUSED, "bad\x1b[2Jpassword"))  # fmt: skip
    db.dispose()


def test_verify_counts_an_intact_chain_and_names_a_changed_row(tmp_path: Path) -> None:
    _trail(6)
    done = console("audit", "verify")
    assert done.returncode == 0 and "OK, 7 rows intact; head row 7" in done.stdout, done.stderr
    db, _ = init_db(os.environ["CONSOLE_DB"])
    with db.engine.begin() as conn:
        conn.execute(text("UPDATE audit SET target = '12345-9' WHERE seq = 4"))
    db.dispose()
    done = console("audit", "verify")
    assert done.returncode == 1 and "BROKEN at row 4: row 4 was changed" in done.stdout


def test_show_pages_newest_first_with_filters(tmp_path: Path) -> None:
    _trail(6)
    page = console("audit", "show", "--limit", "3").stdout.splitlines()
    assert page[0].split()[:3] == ["seq", "when", "(China)"]
    assert [line.split()[0] for line in page[1:4]] == ["7", "6", "5"]
    assert page[-1] == "(older rows: --before 5)"
    assert "\x1b" not in page[1] and "bad?[2Jpassword" in page[1]  # no terminal escapes
    older = console("audit", "show", "--limit", "3", "--before", "5").stdout.splitlines()
    assert [line.split()[0] for line in older[1:4]] == ["4", "3", "2"]
    mine = console("audit", "show", "--user", "张伟", "--action", "order_step").stdout
    assert [line.split()[0] for line in mine.splitlines()[1:]] == ["6", "4", "2"]
    days = ("--from", "2026-12-01", "--to", "2026-12-01")
    assert len(console("audit", "show", *days).stdout.splitlines()) == 8
    other = console("audit", "show", "--from", "2026-12-02").stdout.splitlines()
    assert len(other) == 1  # the header only


def test_verify_without_the_key_is_one_line(tmp_path: Path) -> None:
    done = console("audit", "verify")
    assert done.returncode == 2 and done.stdout == ""
    assert done.stderr.count("\n") == 1 and "audit.key is missing" in done.stderr
