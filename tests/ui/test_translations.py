"""Chinese is the default UI: every string the code marks for translation has a Chinese text,
and it resolves at run time under the context the code looks it up by."""

from __future__ import annotations

import ast
import re
import string
import subprocess
import sys
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QTranslator
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from console.domain.actions import ACTIONS
from console.domain.deadline_kinds import DEADLINE_KINDS
from console.domain.refusals import REFUSALS, Refused
from console.domain.text import Text
from console.ui.names import say
from console.ui.refusals import refusal_text

I18N = Path(__file__).resolve().parents[2] / "resources" / "i18n"
CONSOLE = I18N.parents[1] / "console"
HAN = re.compile(r"[\u4e00-\u9fff]")


def test_zh_cn_is_complete() -> None:
    root = ET.parse(I18N / "console_zh_CN.ts").getroot()
    missing = [
        f"{context.findtext('name')}: {message.findtext('source')!r}"
        for context in root.iter("context")
        for message in context.iter("message")
        if (t := message.find("translation")) is None
        or t.get("type") in ("unfinished", "obsolete", "vanished")
        or not (t.text or "").strip()
    ]
    assert missing == [], "untranslated (run make i18n-update, then translate):\n" + "\n".join(
        missing
    )


def test_both_languages_carry_the_same_sources() -> None:
    def sources(name: str) -> set[tuple[str, str]]:
        root = ET.parse(I18N / name).getroot()
        return {
            (c.findtext("name") or "", m.findtext("source") or "")
            for c in root.iter("context")
            for m in c.iter("message")
        }

    assert sources("console_zh_CN.ts") == sources("console_en.ts")


def test_every_string_in_the_code_is_in_the_ts_sources(tmp_path: Path) -> None:
    """A string added to the code but not extracted would show in English on a Chinese seat."""
    import shutil
    import subprocess
    import sys

    lupdate = Path(sys.executable).with_name("pyside6-lupdate")
    if not lupdate.exists():
        lupdate = Path(shutil.which("pyside6-lupdate") or "pyside6-lupdate")
    code = sorted(str(p) for p in (I18N.parents[1] / "console").rglob("*.py"))
    fresh = tmp_path / "fresh.ts"
    subprocess.run([str(lupdate), *code, "-ts", str(fresh)], check=True, capture_output=True)

    def sources(path: Path) -> set[str]:
        return {m.findtext("source") or "" for m in ET.parse(path).getroot().iter("message")}

    assert sources(fresh) - sources(I18N / "console_zh_CN.ts") == set()


def _messages() -> list[tuple[str, str]]:
    root = ET.parse(I18N / "console_zh_CN.ts").getroot()
    return [
        (c.findtext("name") or "", m.findtext("source") or "")
        for c in root.iter("context")
        for m in c.iter("message")
    ]


@pytest.fixture
def zh_cn(qapp: QApplication, tmp_path: Path) -> Iterator[QTranslator]:
    """The Chinese .qm, compiled fresh from the .ts and installed as the console installs it."""
    lrelease = Path(sys.executable).with_name("pyside6-lrelease")
    if not lrelease.exists():
        pytest.skip("pyside6-lrelease is not installed in .venv")
    qm = tmp_path / "console_zh_CN.qm"
    source = I18N / "console_zh_CN.ts"
    subprocess.run([str(lrelease), str(source), "-qm", str(qm)], check=True, capture_output=True)
    translator = QTranslator()
    assert translator.load(str(qm))
    qapp.installTranslator(translator)
    yield translator
    qapp.removeTranslator(translator)


def test_every_message_resolves_in_the_compiled_translation(zh_cn: QTranslator) -> None:
    unresolved = [(c, s) for c, s in _messages() if not zh_cn.translate(c, s).strip()]
    assert unresolved == []


def _runtime_contexts() -> set[str]:
    """The contexts the code can look a string up by: its classes (``self.tr``) and the literal
    contexts of ``translate("…", …)`` and ``QT_TRANSLATE_NOOP("…", …)``."""
    contexts: set[str] = set()
    for path in CONSOLE.rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.ClassDef):
                contexts.add(node.name)
            elif isinstance(node, ast.Call) and node.args:
                name = getattr(node.func, "attr", getattr(node.func, "id", ""))
                first = node.args[0]
                if name in ("translate", "QT_TRANSLATE_NOOP") and isinstance(first, ast.Constant):
                    contexts.add(str(first.value))
    return contexts


def test_every_context_is_one_the_code_looks_up() -> None:
    """``window.tr(…)`` outside the class is extracted as context "window" but looked up as
    "MainWindow" at run time: English on a Chinese seat."""
    strays = sorted({c for c, _ in _messages()} - _runtime_contexts())
    assert strays == [], f"extracted under a context nothing looks up: {strays}"


def _filled(text: Text) -> dict[str, str]:
    names = [f for _, f, _, _ in string.Formatter().parse(text.source) if f]
    return {name: "X" for name in names}


def test_every_refusal_is_said_in_chinese(zh_cn: QTranslator) -> None:
    """Through the function the UI says them with."""
    english = [
        code
        for code, text in REFUSALS.items()
        if not HAN.search(refusal_text(Refused(code, **_filled(text))))
    ]
    assert english == []


def test_every_declared_word_is_said_in_chinese(zh_cn: QTranslator) -> None:
    texts: list[Text] = list(REFUSALS.values())
    for spec in ACTIONS.values():
        texts += [t for t in (spec.name, spec.hint, spec.button) if t is not None]
    for kind in DEADLINE_KINDS.values():
        texts += [kind.name, kind.queue, kind.due_label]
    english = [t for t in texts if not HAN.search(say(t, **_filled(t)))]
    assert english == []


def test_the_window_title_is_chinese(zh_cn: QTranslator, qtbot: QtBot) -> None:
    from console.domain.orders import Platform
    from console.ui.main_window import MainWindow
    from console.ui.status_bar import StatusBar
    from tests.ui.ops_doubles import HeldOperations

    window = MainWindow(
        None,  # type: ignore[arg-type]  # no lookup is made
        ops=HeldOperations(), kind_names={}, status=StatusBar(seat="A-01", platform=Platform.HOTLINE, agent="王丽", db_url="sqlite://"),
    )  # fmt: skip
    qtbot.addWidget(window)
    assert window.windowTitle() == "12345 ⇄ 110 联动坐席台"
    window.show_seat("12345", "A-01")
    assert window.windowTitle() == "12345 坐席 A-01 · 12345 ⇄ 110 联动坐席台"
