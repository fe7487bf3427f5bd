"""The parts a seat slot is built from (``console.app_roles.SlotParts``), for the tests of
the windows an account gets when it signs in: fixture ``parts`` (on SQLite), ``never``
for the seat-window builders a test must not reach, and ``tabs_of`` the window's tabs."""

from __future__ import annotations

from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from datetime import UTC, datetime
from pathlib import Path

import pytest
from PySide6.QtWidgets import QTabWidget
from pytestqt.qtbot import QtBot

from console.app_roles import SlotParts, seat_slots
from console.config import Settings
from console.domain.orders import Platform
from console.domain.roles import Principal
from console.services.audit import AuditTrail, create_key
from console.store.engine import Database
from console.ui.operations import Operations
from tests.principals import at_seat


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


def tabs_of(qtbot: QtBot, parts: SlotParts, who: Principal, seat: str = "A-01") -> QTabWidget:
    """The tabs of the window ``who`` gets on signing in at ``seat`` (a window of role tabs)."""
    (slot,) = seat_slots([at_seat("某人", seat, Platform.HOTLINE)], parts, never, never)
    qtbot.addWidget(slot.screen)
    slot.open(who)
    window = slot.role_window
    assert window is not None
    qtbot.addWidget(window)
    tabs = window.findChild(QTabWidget)
    assert tabs is not None
    return tabs
