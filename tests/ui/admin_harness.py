"""Fixtures of the role tabs' tests: a real operations worker, the Chinese translation, the
administrator and the auditor."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime, timedelta

import pytest
from PySide6.QtWidgets import QApplication

from console.domain.orders import Platform
from console.domain.roles import Principal, Role
from console.ui.operations import Operations

ADMIN = Principal("root", "系统管理员甲", Platform.HOTLINE, frozenset({Role.ADMIN}))
AUDITOR = Principal("shenji", "审计员乙", Platform.HOTLINE, frozenset({Role.AUDITOR}))


class FakeClock:
    def __init__(self) -> None:
        self.now = datetime(2026, 12, 5, 8, 0, tzinfo=UTC)

    def __call__(self) -> datetime:
        return self.now

    def advance(self, **delta: float) -> None:
        self.now += timedelta(**delta)


@pytest.fixture
def admin_ops(qapp: QApplication) -> Iterator[Operations]:
    made = Operations("admin-test")
    yield made
    made.shutdown()
