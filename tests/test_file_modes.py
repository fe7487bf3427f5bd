"""The files that hold callers' data are their owner's only: the SQLite database with its -wal
and -shm files and its pre-upgrade backup (0600), the folder the console makes for it (0700),
and every log file, also after a rollover (0600)."""

from __future__ import annotations

import logging
import os
import stat
import sys
from pathlib import Path

import pytest
from sqlalchemy import text

from console.logs import setup_logging, teardown_logging
from console.settings import data_dir, default_db_url
from console.store import migrate
from console.store.engine import Database
from console.store.setup import init_db

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="POSIX file modes")


def mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


@pytest.fixture(autouse=True)
def lax_umask() -> object:
    """A workstation's usual umask (022): what the console creates must not depend on it."""
    old = os.umask(0o022)
    yield None
    os.umask(old)


def test_a_new_database_and_its_wal_files_are_the_owners_only(tmp_path: Path) -> None:
    path = tmp_path / "console.sqlite3"
    db, _ = init_db(f"sqlite:///{path}")
    try:
        with db.write() as session:  # the WAL and shared-memory files exist while connected
            session.execute(text("UPDATE district SET weight = weight"))
        files = [path, path.with_name(path.name + "-wal"), path.with_name(path.name + "-shm")]
        assert {f.name: mode(f) for f in files} == {f.name: 0o600 for f in files}
    finally:
        db.dispose()


def test_the_default_database_folder_is_the_owners_only() -> None:
    url = default_db_url()  # the isolated XDG_DATA_HOME of this test
    assert mode(data_dir()) == 0o700
    Database.open(url).dispose()
    assert mode(data_dir() / "console.sqlite3") == 0o600


def test_the_backup_before_an_upgrade_is_the_owners_only(tmp_path: Path) -> None:
    path = tmp_path / "old.sqlite3"
    db = Database.open(f"sqlite:///{path}")
    try:
        head = migrate.head_revision()
        before = migrate.revisions()[head]
        assert before is not None
        migrate.upgrade(db.engine, before)
        done = migrate.upgrade(db.engine)
        assert done.backup is not None and mode(done.backup) == 0o600
    finally:
        db.dispose()


def test_log_files_are_the_owners_only_also_after_a_rollover(tmp_path: Path) -> None:
    folder = tmp_path / "logs"
    path = setup_logging(folder, max_bytes=2_000, backup_count=2)
    try:
        for n in range(100):
            logging.getLogger("test").info("line %d of a log that rolls over", n)
        rolled = folder / (path.name + ".1")
        assert rolled.exists()
        assert (mode(folder), mode(path), mode(rolled)) == (0o700, 0o600, 0o600)
    finally:
        teardown_logging()
