"""A database that goes away and comes back, of each kind, for the outage journal's tests.

SQLite: the database's folder is renamed away (a network share gone) and the pooled connections
dropped, so every new connection fails with "unable to open database file"; renamed back, it is
there again. PostgreSQL: a throwaway cluster of the test's own, stopped at once (``-m
immediate``, a power cut: "connection refused") and started again on the same files.
"""

from __future__ import annotations

import contextlib
import os
import shutil
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
from sqlalchemy import create_engine, text

from console.store.engine import Database
from tests.pg import Cluster, PgUnavailable


def open_fds(path: Path) -> int:
    """How many of this process's descriptors are open on ``path`` (or its -wal, -shm)."""
    found = 0
    for fd in os.listdir("/proc/self/fd"):
        try:
            target = os.readlink(f"/proc/self/fd/{fd}")
        except OSError:
            continue
        found += target.startswith(str(path))
    return found


@dataclass
class Outage:
    db: Database  # the seat's
    down: Callable[[], None]
    up: Callable[[], None]
    url: str


@contextlib.contextmanager
def sqlite_outage(folder: Path, template: str) -> Iterator[Outage]:
    share = folder / "share"
    share.mkdir()
    shutil.copyfile(template, share / "db.sqlite3")
    url = f"sqlite:///{share / 'db.sqlite3'}"
    db = Database.open(url)

    def down() -> None:
        share.rename(folder / "gone")
        db.engine.dispose()  # an open connection would go on reading the moved file

    def up() -> None:
        (folder / "gone").rename(share)

    try:
        yield Outage(db, down, up, url)
    finally:
        db.dispose()


@contextlib.contextmanager
def pg_outage() -> Iterator[Outage]:
    cluster = Cluster()
    try:
        cluster.start()
    except PgUnavailable as exc:
        with contextlib.suppress(PgUnavailable):
            cluster.stop()
        if os.environ.get("CI") == "true":
            pytest.fail(f"CI needs PostgreSQL for the outage tests: {exc}")
        pytest.skip(f"PostgreSQL is not installed here: {exc}")
    try:
        from console.store.setup import init_db

        admin = create_engine(cluster.url(), isolation_level="AUTOCOMMIT")
        with admin.connect() as conn:
            conn.execute(text("CREATE DATABASE seat"))
        admin.dispose()
        db, _ = init_db(cluster.url("seat"))
        yield Outage(db, cluster.crash, cluster.run_server, cluster.url("seat"))
        db.dispose()
    finally:
        cluster.stop()
