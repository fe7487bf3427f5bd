"""The parts a seat slot is built from (``console.app_roles.SlotParts``), for the tests of
the windows an account gets when it signs in: fixture ``parts`` (on SQLite), and ``never``
for the seat-window builders a test must not reach."""

from __future__ import annotations

from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from datetime import UTC, datetime
from pathlib import Path

import pytest

from console.app_roles import SlotParts
from console.config import Settings
from console.services.audit import AuditTrail, create_key
from console.store.engine import Database
from console.ui.operations import Operations


def clock() -> datetime:
    return datetime.now(UTC)


@pytest.fixture
def parts(sqlite_db: Database, tmp_path: Path) -> Iterator[SlotParts]:
    key = create_key(tmp_path / "audit.key")
    pool = ThreadPoolExecutor(1)
    ops = Operations("test-slot-parts")
    yield SlotParts(
        sqlite_db, clock, Settings(db_url="sqlite://"), AuditTrail(key, clock), key, pool, ops
    )
    pool.shutdown(wait=True)
    ops.shutdown()


def never(*_: object) -> object:
    raise AssertionError("no seat window for this account")
