"""Fixtures of the role tabs' tests: a real operations worker, the Chinese translation, the
administrator and the auditor."""

from __future__ import annotations

import subprocess
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication

from console.domain.orders import Platform
from console.domain.roles import Principal, Role
from console.ui.operations import Operations
from console.ui.qt_app import install_translators

ROOT = Path(__file__).resolve().parents[2]
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


@pytest.fixture
def admin_zh(qapp: QApplication, tmp_path: Path) -> Iterator[None]:
    lrelease = ROOT / ".venv" / "bin" / "pyside6-lrelease"
    if not lrelease.exists():
        pytest.skip("pyside6-lrelease is not installed in .venv")
    source = ROOT / "resources" / "i18n" / "console_zh_CN.ts"
    qm = tmp_path / "console_zh_CN.qm"
    subprocess.run([str(lrelease), str(source), "-qm", str(qm)], check=True, capture_output=True)
    translators = install_translators(qapp, "zh_CN", folder=tmp_path)
    yield
    for translator in translators:
        qapp.removeTranslator(translator)
