"""``python -m console personal-data purge`` also deletes the seats' write keys (``intake_key``,
the outage journal's) older than 30 days, on every real run — none due to purge included — and
a dry run deletes nothing."""

from __future__ import annotations

import os
from datetime import UTC, datetime, timedelta

from sqlalchemy import text

from console.config import audit_key_path, load_settings
from console.services.audit import create_key
from console.store.setup import init_db
from tests.test_cli import console


def _keys(*ages_days: int) -> None:
    create_key(audit_key_path(load_settings({}, os.environ)))
    db, _ = init_db(os.environ["CONSOLE_DB"])
    now = datetime.now(UTC)
    with db.write() as session:
        for n, age in enumerate(ages_days):
            session.execute(
                text("INSERT INTO intake_key (key, number, written_at) VALUES (:k, :n, :at)"),
                {"k": f"key-{n}", "n": f"12345-{n}", "at": now - timedelta(days=age)},
            )
    db.dispose()


def _left() -> list[str]:
    db, _ = init_db(os.environ["CONSOLE_DB"])
    with db.read() as session:
        found = [str(k) for k in session.execute(text("SELECT key FROM intake_key ORDER BY key"))
                 .scalars()]  # fmt: skip
    db.dispose()
    return found


def test_the_purge_deletes_write_keys_older_than_30_days() -> None:
    _keys(45, 31, 29, 0)
    dry = console("personal-data", "purge", "--dry-run")
    assert dry.returncode == 0, dry.stderr
    assert _left() == ["key-0", "key-1", "key-2", "key-3"]
    done = console("personal-data", "purge", "--yes")
    assert done.returncode == 0, done.stderr
    assert "2 seat write keys older than 30 days deleted" in done.stdout
    assert _left() == ["key-2", "key-3"]
