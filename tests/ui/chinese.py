"""The zh_CN translation installed for a test, compiled from the .ts as it is now: the one
``chinese`` fixture of the UI tests (tests/ui/conftest.py imports it)."""

from __future__ import annotations

import subprocess
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication

from console.ui.qt_app import install_translators

ROOT = Path(__file__).resolve().parents[2]
LRELEASE = ROOT / ".venv" / "bin" / "pyside6-lrelease"


@pytest.fixture
def chinese(qapp: QApplication, tmp_path: Path) -> Iterator[None]:
    if not LRELEASE.exists():
        pytest.skip("pyside6-lrelease is not installed in .venv")
    source = ROOT / "resources" / "i18n" / "console_zh_CN.ts"
    qm = tmp_path / "qm" / "console_zh_CN.qm"
    qm.parent.mkdir()
    subprocess.run([str(LRELEASE), str(source), "-qm", str(qm)], check=True, capture_output=True)
    translators = install_translators(qapp, "zh_CN", folder=qm.parent)
    yield
    for translator in translators:
        qapp.removeTranslator(translator)
